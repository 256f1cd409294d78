"""The word scan only skips work: every claim and finding is the same with it and without it."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import check_story, scan
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests" / "clusters").iterdir() if p.is_dir())]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def generated_stories(tmp_path_factory):
    """A few stories of the bench's generated wire copy: varied tolls, ages, dates and noise."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("generated")
    module.generate(out, 6, 5, 3)
    return sorted(p for p in out.iterdir() if p.is_dir())


def _findings(folder: Path, rules, prefilter: bool, monkeypatch) -> list[tuple]:
    monkeypatch.setattr(scan, "PREFILTER", prefilter)
    report = check_story(folder, rules)
    return [
        (f.kind, f.status, f.key, f.confidence,
         [(c.source, c.rule, c.value, c.start, c.end, c.subject) for c in f.claims])
        for f in report.findings
    ]


def _assert_same(folder, rules, monkeypatch):
    without = _findings(folder, rules, False, monkeypatch)
    with_scan = _findings(folder, rules, True, monkeypatch)
    assert without, f"{folder.name}: no findings, so the comparison proves nothing"
    assert with_scan == without


@pytest.mark.parametrize("folder", STORIES, ids=[p.name for p in STORIES])
def test_findings_are_the_same_with_and_without_the_scan(folder, rules, monkeypatch):
    _assert_same(folder, rules, monkeypatch)


def test_findings_on_generated_copy_are_the_same_with_and_without_the_scan(generated_stories, rules, monkeypatch):
    for folder in generated_stories:
        _assert_same(folder, rules, monkeypatch)


def _articles(folder: Path) -> list[list[str]]:
    from factcheck.load import load_story
    from factcheck.split import split_sentences

    return [[s.text for s in split_sentences(source)] for source in load_story(folder).sources]


def _assert_marks_are_each_sentences_own(texts: list[str], rules, monkeypatch):
    """What one pass over the article finds in each sentence is what the sentence alone gives."""
    from factcheck.extract import _HAS_NUMBER

    plan = scan.plan(rules)
    monkeypatch.setattr(scan, "PREFILTER", False)
    article = scan.Article(rules, texts, _HAS_NUMBER)
    for i, text in enumerate(texts):
        alone = [r for r in rules.rules_for(text) if r.type == "date" or _HAS_NUMBER.search(text)]
        assert article.rules(i, {}) == alone, text
    monkeypatch.setattr(scan, "PREFILTER", True)
    article = scan.Article(rules, texts, _HAS_NUMBER)
    for i, text in enumerate(texts):
        words = {w: at for w, at in scan.last_places(text, {}).items() if w in plan.word_rules}
        assert {w: at for w, at in scan.last_places(text, article.cache(i)).items() if w in plan.word_rules} == words, text
        events = {rules.events.get(" ".join(m.group().lower().split()), "") for m in rules.event_re.finditer(text)}
        assert article.events[i] == events, text


@pytest.mark.parametrize("folder", STORIES, ids=[p.name for p in STORIES])
def test_one_pass_over_an_article_marks_each_sentence_as_the_sentence_alone(folder, rules, monkeypatch):
    for texts in _articles(folder):
        _assert_marks_are_each_sentences_own(texts, rules, monkeypatch)


def test_one_pass_over_generated_copy_marks_each_sentence_as_the_sentence_alone(generated_stories, rules, monkeypatch):
    for folder in generated_stories:
        for texts in _articles(folder):
            _assert_marks_are_each_sentences_own(texts, rules, monkeypatch)


def test_an_article_whose_text_folds_longer_or_holds_the_separator_is_still_marked_right(rules, monkeypatch):
    # "ß" folds to "ss", shifting every place after it; a NUL is what joins the sentences
    for odd in ("Die Straße", "a\x00b"):
        texts = ["Three people were KILLED on Monday.", f"{odd}: two were wounded and one died.", "Police arrested 4 men."]
        _assert_marks_are_each_sentences_own(texts, rules, monkeypatch)


def test_an_article_with_characters_the_two_engines_read_apart_is_still_marked_right(rules, monkeypatch):
    # the passes run `re` over the lower case of plain text; these go to `regex`: a long s and
    # the Kelvin sign fold to ASCII letters, U+001C is white space to `re` only, and accented
    # or Greek letters have a case
    for odd in ("two were \u017fhot dead", "\u212aILLED", "shot\x1cdead", "José Núñez, 34,", "ΟΔΟΣ", "\u0130stanbul"):
        texts = ["Three people were KILLED on Monday.", f"In {odd}: two were wounded and one died.", "Police arrested 4 men."]
        _assert_marks_are_each_sentences_own(texts, rules, monkeypatch)
    # plain: curly quotes, dashes, a no-break space
    texts = ["“Three people were killed” \u2014 police said on Monday.", "Two\xa0were wounded and one died."]
    _assert_marks_are_each_sentences_own(texts, rules, monkeypatch)
    assert scan._plain_text(" ".join(texts))
    assert not any(scan._plain_text(c) for c in "\u017f\u212a\x1cé\u0130ß")


def test_folding_a_character_to_one_character_keeps_it_a_word_character_or_not():
    """What the pass over key words rests on: in text that folds to the same length, the
    whole words of the folded text are the folded whole words of the text."""
    import sys

    import regex

    word = regex.compile(r"\w")
    changed = [chr(c) for c in range(sys.maxunicode + 1) if len(chr(c).casefold()) == 1 and chr(c).casefold() != chr(c)]
    assert len(changed) > 1000
    assert [c for c in changed if bool(word.match(c)) != bool(word.match(c.casefold()))] == []


def test_hand_written_frames_need_the_text_outside_optional_parts():
    needed = scan.required_literals(r"\b(?:held|took)\s+{n}\s+(?:people\s+)?(?:hostages?|captive)\b")
    assert needed == (frozenset({"held", "took"}), frozenset({"hostage", "captive"}))
    needed = scan.required_literals(r"(?P<name>{name})\s+\({age}\)(?:\s+said)?")
    assert needed == (frozenset({"("}), frozenset({r"\d"}), frozenset({")"}))


def test_a_group_that_ignores_case_needs_one_of_its_words_in_any_case(rules):
    needed = scan.required_literals(r"\b(?i:their|his)\s+(?P<desc>{desc}),\s+{age}(?=\s*[,;.])")
    assert needed == (frozenset({"their", "his"}), frozenset({","}), frozenset({r"\d"}))
    rules.rules_for("x")
    age = rules.by_code("FC202")
    described = next(f.source for f in age.frames if f.written.startswith(r"\b(?i:their|his|her|the)"))
    assert scan.last_start(described, "HIS DAUGHTER, 12, was hurt.", {}) is None
    assert scan.last_start(described, "A daughter, 12, was hurt.", {}) == -1


def test_an_age_in_other_digits_is_still_read(rules):
    rules.rules_for("x")
    age = rules.by_code("FC202")
    in_brackets = next(f.source for f in age.frames if r"\(" in f.source and "years" not in f.source)
    assert scan.last_start(in_brackets, "Maria Lopez (٣٤) spoke.", {}) is None
    assert scan.last_start(in_brackets, "Maria Lopez spoke.", {}) == -1


def test_hand_written_frames_with_a_branch_of_no_letters_need_nothing_of_that_group():
    assert scan.required_literals(r"{n}\s+(?:\d+|guns)") == ()
    assert scan.required_literals(r"(?i)held {n}") == ()  # inline flags: read as is, never guessed
    assert scan.required_literals(r"held|took {n}") == ()  # a top-level alternation


def test_a_sentence_without_a_frames_words_is_not_tried(rules):
    rules.rules_for("x")  # registers the rule set's frames
    deaths = rules.by_code("FC101")
    after = next(f.source for f in deaths.frames if f.name == "after")
    assert scan.last_start(after, "Three people were hurt.", {}) == -1
    assert scan.last_start(after, "Three people died and two were KILLED later.", {}) == 31


def test_a_frame_is_not_tried_where_none_of_its_phrases_has_all_its_words(rules):
    rules.rules_for("x")
    deaths = rules.by_code("FC101")
    toll = next(f.source for f in deaths.frames if f.name == "toll")
    assert scan.last_start(toll, "Eleven deaths were reported, and the bridge toll rose to 4 dollars.", {}) != -1
    assert scan.last_start(toll, "Eleven deaths were reported on the bridge after 4 crashes.", {}) == -1
    assert scan.last_start(toll, "The NUMBER OF DEATHS rose to 14.", {}) == 14


def test_config_names_the_prefilter_in_use(monkeypatch):
    import json

    from typer.testing import CliRunner

    from factcheck.cli import app

    assert "# extraction prefilter: word-scan" in CliRunner().invoke(app, ["config"]).stdout
    monkeypatch.setattr(scan, "PREFILTER", False)
    assert json.loads(CliRunner().invoke(app, ["config", "--format", "json"]).stdout)["prefilter"] == "off"


def _rule_phrases() -> list[str]:
    from engine_helpers import RULES

    phrases = set()
    for rule in RULES.rules:
        for key, words in rule.data.items():
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                phrases.update(words)
    return sorted(phrases)


# Sentences stitched from the rules' own phrases, numbers and names, in odd cases and
# scripts: where a prefilter that guessed would skip a frame that matches.
_PIECES = st.one_of(
    st.sampled_from(_rule_phrases()),
    st.sampled_from(["17", "three", "٣٤", "at least 20", "a dozen", "no one", "22-year-old", "(52)", "aged 40"]),
    st.sampled_from(["Maria Lopez,", "KILLED", "Wounded", "the gunman", "police said", "on Monday", ",", ".", "K", "ſ", "Straße"]),
)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=2, max_size=14))
def test_sentences_made_of_rule_words_give_the_same_claims_with_and_without_the_scan(pieces):
    from engine_helpers import claims

    text = " ".join(pieces)
    found = {}
    for prefilter in (False, True):
        scan.PREFILTER = prefilter
        try:
            found[prefilter] = [(c.rule, c.value, c.start, c.end) for c in claims(text, date(2024, 3, 18))]
        finally:
            scan.PREFILTER = True
    assert found[True] == found[False], text


def test_a_frame_the_scan_rules_out_everywhere_is_never_compiled():
    from factcheck.extract import extract_claims
    from factcheck.model import Source
    from factcheck.split import split_sentences

    fresh = load_rules()
    text = "Three people were hurt in the crash on Main Street."
    source = Source("a.txt", Path("a.txt"), text, text, "", "", None, "unknown")
    extract_claims(source, split_sentences(source), fresh)
    deaths_after = next(f for f in fresh.by_code("FC101").frames if f.name == "after")
    assert "pattern" not in deaths_after.__dict__  # the sentence has no word of dying
    compiled = [f for r in fresh.rules for f in r.frames if "pattern" in f.__dict__]
    assert 0 < len(compiled) < sum(len(r.frames) for r in fresh.rules)

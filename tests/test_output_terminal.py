"""What a reader of the terminal report sees: order of sections, highlights, counts, and that
untrusted article text can neither style nor control the terminal."""
from __future__ import annotations

import io
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from factcheck.model import INFINITY, Claim, Finding, Problem, Quantity, Sentence, Source, StoryReport
from factcheck.output import render as render_any
from factcheck.output.terminal import render

ESC = "\x1b"


def make_source(name: str, text: str, **kw) -> Source:
    kw.setdefault("title", f"Title of {name}")
    return Source(name=name, path=Path("story") / name, text=text, clean=text, digest="0" * 64, **kw)


def make_claim(source: Source, words: str, value, *, rule: str = "FC101", kind: str = "deaths", quantity=None) -> Claim:
    """A claim on the first occurrence of `words`, its sentence being the line that holds them."""
    start = source.text.index(words)
    line_start = source.text.rfind("\n", 0, start) + 1
    line_end = source.text.find("\n", start)
    line_end = len(source.text) if line_end < 0 else line_end
    sentence = Sentence(source.name, line_start, line_end, source.text[line_start:line_end])
    return Claim(
        kind=kind, rule=rule, source=source.name, value=value, start=start, end=start + len(words),
        words=words, sentence=sentence, quantity=quantity,
    )


def finding(status: str, label: str, claims: list[Claim], reason: str = "", rule: str = "FC101") -> Finding:
    return Finding(claims[0].kind, label.replace(" ", "-"), label, status, claims, reason=reason, rule=rule)


A = make_source(
    "a.txt",
    "Paris mourns\nThe attacks in Paris killed 17 people, police said.\nThe gunman, 34, was shot dead.\n",
    outlet="Le Monde", published=date(2015, 1, 9), published_how="front matter",
)
B = make_source(
    "b.txt",
    "Attack\nAt least 20 people died in the Paris attacks.\nThe raid in Verviers left two dead.\n",
    published=date(2015, 1, 10), published_how="dateline",
)
C = make_source("c.txt", "Some 20 people were killed in Paris.\nThe gunman was 34.\n", outlet="BBC")


def story(findings, sources=(A, B, C), **kw) -> StoryReport:
    return StoryReport(Path("stories/paris"), list(sources), list(findings), **kw)


def full_story() -> StoryReport:
    return story([
        finding("single", "deaths in the Verviers raid", [make_claim(B, "left two dead", 2)]),
        finding("agree", "age of the gunman", [make_claim(A, "34", 34, rule="FC201"), make_claim(C, "34", 34, rule="FC201")], rule="FC201"),
        finding("explained", "people killed in Paris", [make_claim(B, "At least 20 people died", 20), make_claim(C, "20 people were killed", 20)],
                reason="one figure includes the gunmen"),
        finding("conflict", "deaths in the Paris attacks", [make_claim(A, "killed 17 people", 17), make_claim(C, "20 people were killed", 20)],
                reason="17 and 20 cannot both be the total"),
    ])


def plain(reports, **kw) -> str:
    kw.setdefault("width", 100)
    return render(reports, color=False, **kw)


# --- layout and order ---------------------------------------------------------------------


def test_sections_in_order_conflicts_explained_agreements_single_problems_summary():
    report = full_story()
    report.problems.append(Problem("broken.pdf", "not a text file"))
    out = plain([report], verbose=True)
    marks = [
        "deaths in the Paris attacks",  # conflict
        "people killed in Paris",  # explained
        "age of the gunman",  # agreement
        "deaths in the Verviers raid",  # single-source
        "broken.pdf",  # problem
        "1 conflict,",  # summary
    ]
    positions = [out.index(m) for m in marks]
    assert positions == sorted(positions), out


def test_header_names_the_story_and_sources_table_shows_date_and_how_it_was_known():
    out = plain([full_story()])
    assert "stories/paris" in out.splitlines()[0]
    row_a = next(line for line in out.splitlines() if "a.txt" in line and "2015-01-09" in line)
    assert "Le Monde" in row_a and "front matter" in row_a
    row_b = next(line for line in out.splitlines() if "b.txt" in line and "2015-01-10" in line)
    assert "dateline" in row_b
    row_c = next(line for line in out.splitlines() if line.lstrip().startswith("c.txt") and "BBC" in line)
    assert "unknown" in row_c and "2015" not in row_c


def test_conflict_shows_label_rule_values_line_col_and_reason():
    out = plain([full_story()])
    title = next(line for line in out.splitlines() if "deaths in the Paris attacks" in line)
    assert "CONFLICT" in title and "FC101" in title
    conflict = out[out.index("deaths in the Paris attacks") : out.index("people killed in Paris")]
    value_row = next(line for line in conflict.splitlines() if "Value" in line)
    assert re.search(r"\b17\b.*\b20\b", value_row)
    where_row = next(line for line in conflict.splitlines() if "Where" in line)
    assert A.line_col(A.text.index("killed 17 people")) == (2, 22)
    assert "2:22" in where_row and "1:6" in where_row
    assert "Reason: 17 and 20 cannot both be the total" in conflict


def test_conflict_claims_are_side_by_side_one_column_per_source():
    out = plain([full_story()])
    header = next(line for line in out.splitlines() if "a.txt" in line and "c.txt" in line)
    assert header.index("a.txt") < header.index("c.txt")


def test_more_than_three_sources_gives_one_row_per_claim():
    d = make_source("d.txt", "Officials said 19 people died.\n")
    e = make_source("e.txt", "A total of 18 people were killed.\n")
    claims = [
        make_claim(A, "killed 17 people", 17), make_claim(C, "20 people were killed", 20),
        make_claim(d, "19 people died", 19), make_claim(e, "18 people were killed", 18),
    ]
    out = plain([story([finding("conflict", "deaths", claims)], sources=(A, C, d, e))])
    lines = out.splitlines()
    assert not any("a.txt" in line and "c.txt" in line for line in lines if "│" in line)
    row_d = next(line for line in lines if "d.txt" in line and "│" in line)
    assert "1:16" in row_d and "19" in row_d and "[[19 people died]]" in row_d


def test_matched_words_are_marked_without_colour():
    out = plain([full_story()], width=160)
    assert "The attacks in Paris [[killed 17 people]], police said." in out
    assert "Some [[20 people were killed]] in Paris." in out


def test_matched_words_are_highlighted_with_colour_and_not_marked():
    out = render([full_story()], color=True, width=160)
    highlighted = re.findall(r"\x1b\[[0-9;]*7[0-9;]*m([^\x1b]*)\x1b\[0m", out)  # 7 = reverse video
    assert "killed 17 people" in highlighted
    assert "[[killed 17 people]]" not in out


def test_words_found_even_when_the_sentence_was_respaced():
    text = "Police said   17 people\ndied on Wednesday.\n"
    src = make_source("r.txt", text)
    start = text.index("17")
    claim = Claim(
        kind="deaths", rule="FC101", source="r.txt", value=17, start=start, end=start + 16, words="17 people\ndied",
        sentence=Sentence("r.txt", 0, len(text) - 1, "Police said 17 people died on Wednesday."),
    )
    out = plain([story([finding("conflict", "deaths", [claim, make_claim(A, "killed 17 people", 17)])], sources=(src, A))], width=160)
    assert "Police said [[17 people died]] on Wednesday." in out


def test_long_sentence_is_cut_around_the_match():
    text = "Filler words here. " * 40 + "The blast killed 9 people." + " More filler." * 40
    src = make_source("long.txt", text)
    out = plain([story([finding("conflict", "deaths", [make_claim(src, "killed 9 people", 9), make_claim(A, "killed 17 people", 17)])], sources=(src, A))], width=400)
    assert "[[killed 9 people]]" in out
    assert "…" in out
    assert out.count("Filler words here.") < 40


def test_explained_difference_shows_values_and_reason():
    out = plain([full_story()])
    section = out[out.index("Explained differences") : out.index("Agreements")]
    assert "people killed in Paris" in section
    assert "b.txt" in section and "c.txt" in section
    assert "20 people were killed" in section
    assert "Reason: one figure includes the gunmen" in section


def test_interval_shown_for_widened_quantity():
    claim = make_claim(B, "At least 20 people died", 20, quantity=Quantity(20, 20, INFINITY, "at least"))
    out = plain([story([finding("conflict", "deaths", [claim, make_claim(A, "killed 17 people", 17)])])])
    assert "20 or more" in out and "20 (" not in out
    more_than = make_claim(B, "At least 20 people died", 20, quantity=Quantity(20, 21, INFINITY, "more than"))
    about = make_claim(C, "20 people were killed", 20, quantity=Quantity(20, 18, 22, "about"))
    out = plain([story([finding("conflict", "deaths", [more_than, about])])])
    assert "20 (21 or more)" in out and "20 (18–22)" in out


def test_agreements_are_compact_label_value_sources():
    out = plain([full_story()])
    row = next(line for line in out.splitlines() if "age of the gunman" in line)
    assert re.search(r"age of the gunman\s+34\s+a\.txt, c\.txt", row)
    assert "The gunman was 34." not in out  # agreements do not print sentences


def test_single_source_facts_counted_but_hidden_without_verbose():
    out = plain([full_story()])
    assert "deaths in the Verviers raid" not in out
    assert "Single-source facts (1)" in out
    assert "--verbose" in out


def test_single_source_facts_listed_with_verbose():
    out = plain([full_story()], verbose=True)
    row = next(line for line in out.splitlines() if "deaths in the Verviers raid" in line)
    assert "b.txt" in row and "3:22" in row and "left two dead" in row


def test_summary_line_counts_each_status_and_sources():
    findings = full_story().findings
    more = [finding("agree", f"fact {i}", [make_claim(A, "34", 34)]) for i in range(4)]
    singles = [finding("single", f"lone {i}", [make_claim(B, "left two dead", 2)]) for i in range(11)]
    explained = [finding("explained", "another", [make_claim(C, "34", 34)])]
    out = plain([story(findings + more + singles + explained)])
    assert out.rstrip().splitlines()[-1] == "1 conflict, 2 explained, 5 agree, 12 single-source across 3 sources"


def test_summary_pluralises():
    conflicts = [finding("conflict", f"c{i}", [make_claim(A, "killed 17 people", 17)]) for i in range(2)]
    out = plain([story(conflicts, sources=(A,))])
    assert out.rstrip().splitlines()[-1] == "2 conflicts, 0 explained, 0 agree, 0 single-source across 1 source"


def test_several_stories_end_with_a_total():
    out = plain([full_story(), story([], sources=(A,))])
    assert out.rstrip().splitlines()[-1] == "Total: 1 conflict, 1 explained, 1 agree, 1 single-source across 4 sources in 2 stories"


def test_problems_and_duplicates_are_listed():
    report = story([], problems=[Problem("scan.pdf", "not a text file", "error")], duplicates=[("copy.txt", "a.txt")])
    out = plain([report])
    assert re.search(r"error\s+scan\.pdf: not a text file", out)
    assert "copy.txt is an exact copy of a.txt" in out


def test_story_without_findings_says_so():
    out = plain([story([], sources=(A,))])
    assert "No checkable facts found." in out
    assert "Conflicts" not in out


def test_no_stories():
    assert "No stories checked." in plain([])


def test_lines_fit_the_width():
    out = plain([full_story()], width=60, verbose=True)
    assert max(len(line) for line in out.splitlines()) <= 60


def test_registered_as_full_format():
    assert render_any([full_story()], "full", color=False, width=100) == plain([full_story()])


# --- untrusted text -----------------------------------------------------------------------

HOSTILE = "Evil [bold red]x[/] \x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 \u202eabc \x9b2J \x00"


def hostile_report() -> StoryReport:
    text = f"Title\nThey said 17 people died. {HOSTILE}\n"
    src = make_source(f"evil {HOSTILE}.txt", text, title=f"T {HOSTILE}", outlet=f"O {HOSTILE}")
    claim = make_claim(src, "17 people died", 17)
    claim2 = make_claim(A, "killed 17 people", 17)
    evil_words = make_claim(src, "[bold red]x[/]", "[bold red]x[/]")
    return StoryReport(
        Path(f"stories/{HOSTILE}"),
        [src, A],
        [
            finding("conflict", f"label {HOSTILE}", [claim, claim2], reason=f"reason {HOSTILE}"),
            finding("agree", f"agreed {HOSTILE}", [evil_words]),
            finding("single", f"lone {HOSTILE}", [evil_words]),
        ],
        problems=[Problem(f"p {HOSTILE}", f"m {HOSTILE}")],
        duplicates=[(f"d {HOSTILE}", "a.txt")],
    )


@pytest.mark.parametrize("verbose", [False, True])
def test_plain_output_has_no_raw_controls(verbose):
    out = plain([hostile_report()], verbose=verbose, width=200)
    assert ESC not in out
    assert "\x07" not in out and "\x9b" not in out and "\x00" not in out
    assert "\u202e" not in out


@pytest.mark.parametrize("verbose", [False, True])
def test_controls_and_markup_appear_visibly(verbose):
    out = plain([hostile_report()], verbose=verbose, width=400)
    assert "[bold red]x[/]" in out
    assert r"\x1b[31mred\x1b[0m" in out
    assert r"\x1b]8;;http://evil\x07link" in out
    assert r"\u202eabc" in out
    assert r"\x9b2J" in out and r"\x00" in out
    for where in ("label ", "reason ", "T Evil", "O Evil", "p Evil", "m Evil", "d Evil", "stories/Evil", "evil Evil"):
        assert f"{where}" in out, where
    assert out.count(r"\x1b]8;;http://evil") >= 9  # path, name, title, outlet, label, reason, sentence, problem, duplicate


def test_colour_output_carries_no_injected_style_or_escape():
    out = render([hostile_report()], color=True, width=400, verbose=True)
    assert "[bold red]x[/]" in out  # literally, not split by style codes
    assert "\x1b[31m" not in out  # the article's own colour code
    assert "\x1b]" not in out  # no OSC, so no hyperlink
    assert "\x07" not in out and "\u202e" not in out and "\x9b" not in out
    # Every ESC left is one of the report's own SGR sequences.
    assert re.sub(r"\x1b\[[0-9;]*m", "", out).count(ESC) == 0
    # The markup in the article did not become bold red text.
    assert not re.search(r"\x1b\[[0-9;]*31mx\x1b\[0m", out)


def test_markup_in_the_label_is_not_applied_in_colour():
    report = story([finding("conflict", "[red]alarm[/red]", [make_claim(A, "killed 17 people", 17)])], sources=(A,))
    out = render([report], color=True, width=100)
    assert "[red]alarm[/red]" in re.sub(r"\x1b\[[0-9;]*m", "", out)


# --- colour decision ----------------------------------------------------------------------


class FakeStdout(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return monkeypatch


def test_auto_colour_follows_tty(clean_env):
    clean_env.setattr(sys, "stdout", FakeStdout(tty=True))
    assert ESC in render([full_story()], width=100)
    clean_env.setattr(sys, "stdout", FakeStdout(tty=False))
    assert ESC not in render([full_story()], width=100)


def test_no_color_env_wins_over_a_tty(clean_env):
    clean_env.setattr(sys, "stdout", FakeStdout(tty=True))
    clean_env.setenv("NO_COLOR", "1")
    assert ESC not in render([full_story()], width=100)


def test_force_color_env_colours_a_pipe(clean_env):
    clean_env.setattr(sys, "stdout", FakeStdout(tty=False))
    clean_env.setenv("FORCE_COLOR", "1")
    assert ESC in render([full_story()], width=100)


def test_explicit_choice_beats_environment(clean_env):
    clean_env.setenv("FORCE_COLOR", "1")
    assert ESC not in render([full_story()], color=False, width=100)
    clean_env.delenv("FORCE_COLOR")
    clean_env.setenv("NO_COLOR", "1")
    assert ESC in render([full_story()], color=True, width=100)


def test_cli_options_it_does_not_know_are_ignored():
    assert render([full_story()], color=False, width=100, output_file="x") == plain([full_story()])

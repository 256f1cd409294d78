"""Suppression comments in articles: which claims they remove, and which are reported unused."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.model import Claim, Sentence, Source
from factcheck.ruleset import load_rules
from factcheck.suppress import apply_suppressions, next_paragraph, paragraph_around


def source(text: str, name: str = "a.txt") -> Source:
    return Source(name, Path(name), text, text, name, "0" * 64)


def claim(src: Source, words: str, rule: str = "FC101", value=1, nth: int = 0) -> Claim:
    start = -1
    for _ in range(nth + 1):
        start = src.text.index(words, start + 1)
    return Claim(kind="deaths", rule=rule, source=src.name, value=value, start=start, end=start + len(words),
                 words=words, sentence=Sentence(src.name, start, start + len(words), words))


TEXT = """Title

Three people were killed on Monday.

<!-- factcheck: ignore[FC101] the toll of the 2015 attack -->
Twenty people were killed in 2015.
The same attack wounded 40.

Later, two more were killed.
"""


def test_ignore_covers_the_next_paragraph_only():
    src = source(TEXT)
    first, recalled, later = claim(src, "Three people"), claim(src, "Twenty people"), claim(src, "two more")
    wounded = claim(src, "wounded 40", rule="FC102")
    kept, problems = apply_suppressions([src], [first, recalled, wounded, later])
    assert kept == [first, wounded, later]
    assert problems == []


def test_a_comment_opening_the_paragraph_line_covers_that_paragraph():
    src = source("Intro.\n\n<!-- factcheck: ignore[FC101] --> Ten died.\nStill here.\n\nNine died.\n")
    ten, nine = claim(src, "Ten died"), claim(src, "Nine died")
    kept, _ = apply_suppressions([src], [ten, nine])
    assert kept == [nine]


def test_blank_lines_right_after_the_comment_are_skipped():
    src = source("<!-- factcheck: ignore[FC101] -->\n\n\nTen died.\n\nNine died.\n")
    kept, problems = apply_suppressions([src], [claim(src, "Ten died"), nine := claim(src, "Nine died")])
    assert kept == [nine] and problems == []


def test_ignore_file_covers_the_whole_source_and_only_that_source():
    a = source("Ten died.\n\n<!-- factcheck: ignore-file[FC101,FC202] wire copy -->\n\nNine died.\n", "a.txt")
    b = source("Ten died.\n", "b.txt")
    ca1, ca2, cb = claim(a, "Ten died"), claim(a, "Nine died"), claim(b, "Ten died")
    kept, problems = apply_suppressions([a, b], [ca1, ca2, cb])
    assert kept == [cb]
    assert [p.message for p in problems] == ["unused suppression ignore-file[FC202] at line 3"]
    assert problems[0].path == "a.txt"


def test_star_suppresses_every_rule():
    src = source("<!-- factcheck: ignore[*] -->\nTen died, 12 hurt.\n")
    kept, problems = apply_suppressions([src], [claim(src, "Ten died"), claim(src, "12 hurt", rule="FC102")])
    assert kept == [] and problems == []


def test_prefixes_and_slugs_name_rules():
    rules = load_rules()
    src = source("<!-- factcheck: ignore[FC1] -->\nTen died.\n\n<!-- factcheck: ignore[age] -->\nSmith, 40, died.\n")
    kept, problems = apply_suppressions([src], [claim(src, "Ten died"), claim(src, "Smith, 40", rule="FC202")], rules)
    assert kept == [] and problems == []


def test_an_unused_suppression_is_reported_with_its_line():
    src = source("Intro.\n\n<!-- factcheck: ignore[FC101] -->\nNothing numeric here.\n\nTen died.\n")
    ten = claim(src, "Ten died")
    kept, problems = apply_suppressions([src], [ten])
    assert kept == [ten]
    assert [str(p) for p in problems] == ["a.txt: unused suppression ignore[FC101] at line 3"]


def test_a_code_of_a_rule_not_running_is_not_reported_as_unused():
    rules = load_rules(select=["FC2"])
    src = source("<!-- factcheck: ignore[FC101] -->\nTen died.\n")
    _kept, problems = apply_suppressions([src], [], rules)
    assert problems == []


@pytest.mark.parametrize("select", [None, ["FC2"]])
def test_a_suppression_naming_no_rule_is_reported_with_the_closest_name(select):
    rules = load_rules(select=select)
    src = source("Intro.\n\n<!-- factcheck: ignore[injuires, FC999] -->\nTen were hurt.\n")
    hurt = claim(src, "Ten were hurt", rule="FC102")
    kept, problems = apply_suppressions([src], [hurt], rules)
    assert kept == [hurt]
    assert [str(p) for p in problems] == [
        "a.txt: suppression ignore[injuires] at line 3 names no rule (did you mean 'injuries'?)",
        "a.txt: suppression ignore[FC999] at line 3 names no rule (did you mean 'FC209'?)",
    ]


@pytest.mark.parametrize("comment", [
    "<!-- factcheck: ignor[FC101] -->",
    "<!-- factcheck: ignore FC101 -->",
    "<!-- factcheck: ignore[] -->",
    "<!-- factcheck: ignore[FC101;FC102] -->",
])
def test_an_unreadable_directive_is_a_problem_not_a_suppression(comment):
    src = source(f"{comment}\nTen died.\n")
    ten = claim(src, "Ten died")
    kept, problems = apply_suppressions([src], [ten])
    assert kept == [ten]
    assert len(problems) == 1 and problems[0].message.startswith("cannot read suppression at line 1:")


def test_offsets_are_into_the_text_as_written():
    """Claims point into Source.text even when `clean` differs; regions are found in `text`."""
    text = "<!-- factcheck: ignore[FC101] -->\nTen died.\n\nNine died.\n"
    src = Source("a.txt", Path("a.txt"), text, text.replace("<!--", "    "), "a", "0" * 64)
    kept, _ = apply_suppressions([src], [claim(src, "Ten died"), nine := claim(src, "Nine died")])
    assert kept == [nine]


def test_paragraph_helpers():
    text = "One.\nTwo.\n\n  \nThree.\n"
    assert text[slice(*next_paragraph(text, 0))] == "One.\nTwo."
    assert text[slice(*next_paragraph(text, 10))].strip() == "Three."
    assert text[slice(*paragraph_around(text, text.index("Two")))] == "One.\nTwo."
    assert text[slice(*paragraph_around(text, text.index("Three")))].strip() == "Three."

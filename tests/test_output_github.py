"""GitHub Actions annotations: one `::level file=…,line=…::message` per discrepancy, escaped so
article text can neither end the command nor inject another."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.model import Problem
from factcheck.output import render
from factcheck.output.github import escape_data, escape_property
from factcheck.report import Outcome, StoryFailure

A = "Paris mourns\nThe attacks killed 20 people, police said.\n"
B = "Attack\nOfficials said 17 people died.\n"


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_escaping_follows_the_runner_rules():
    assert escape_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


@given(st.text())
def test_escaped_text_is_one_line_and_decodes_back(text):
    text = "".join(ch for ch in text if not "\ud800" <= ch <= "\udfff")
    for escaped in (escape_data(text), escape_property(text)):
        assert "\n" not in escaped and "\r" not in escaped
        assert unescape(escaped) == text
    assert ":" not in escape_property(text) and "," not in escape_property(text)


def test_a_conflict_is_an_error_annotation_on_the_first_claim(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])])
    [line] = render([story], "github").splitlines()
    assert line == ("::error file=story/a.txt,line=2,endLine=2,col=20,endColumn=29,title=FC101 conflict%3A deaths"
                    "::Sources disagree on deaths: 20 (a.txt) vs 17 (b.txt)")


@pytest.mark.parametrize("status,severity,fail_on,command", [
    ("conflict", "error", "conflict", "error"),
    ("conflict", "warning", "conflict", "warning"),
    ("conflict", "info", "conflict", "notice"),
    ("explained", "error", "conflict", "notice"),
    ("explained", "error", "explained", "error"),
])
def test_level(make_story, status, severity, fail_on, command):
    story = make_story({"a.txt": A, "b.txt": B},
                       [(status, "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)], {"severity": severity})])
    out = render([story], "github", outcome=Outcome(reports=[story], fail_on=fail_on))
    assert out.startswith(f"::{command} ")


def test_hostile_text_in_reason_and_names_stays_inside_one_command(make_story):
    story = make_story({"a,b:c.txt": A, "b.txt": B}, [
        ("conflict", "deaths", [("a,b:c.txt", "20 people", 20), ("b.txt", "17 people", 17)],
         {"reason": "quoted:\n::add-mask::secret 100%"}),
    ])
    [line] = render([story], "github").splitlines()
    assert "file=story/a%2Cb%3Ac.txt," in line
    assert line.endswith("quoted:%0A::add-mask::secret 100%25")
    assert not re.search(r"^::add-mask", render([story], "github"), re.M)


def test_problems_and_failed_folders_are_annotated_baselined_findings_are_not(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])],
                       problems=[Problem("scan.pdf", "not a text file")])
    outcome = Outcome(reports=[story], failures=[StoryFailure("gone", "no such folder")], baselined={id(story.findings[0])})
    lines = render([story], "github", outcome=outcome).splitlines()
    assert lines == [
        "::error title=factcheck%3A story not checked::gone: no such folder",
        "::warning file=story/scan.pdf,title=factcheck%3A file skipped::not a text file",
    ]


def test_a_claim_spanning_lines_gets_no_columns(make_story):
    text = "Toll\nThe attacks killed 20\npeople.\n"
    story = make_story({"a.txt": text, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20\npeople", 20), ("b.txt", "17 people", 17)])])
    line = render([story], "github")
    assert "line=2,endLine=3,title=" in line and "col=" not in line

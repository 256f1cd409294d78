"""JUnit XML: one testsuite, a testcase per story, failures listing the conflicts, and always
well-formed XML whatever the articles contain."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.model import Problem
from factcheck.output import render
from factcheck.report import Outcome, StoryFailure

A = "Paris mourns\nThe attacks killed 20 people, police said.\n"
B = "Attack\nOfficials said 17 people died.\n"
CONFLICT = ("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])


def parse(reports, **options) -> ET.Element:
    return ET.fromstring(render(reports, "junit", **options).encode("utf-8"))


def test_a_testcase_per_story_failing_ones_list_their_conflicts(make_story):
    bad = make_story({"a.txt": A, "b.txt": B}, [CONFLICT], folder="bad")
    good = make_story({"a.txt": A, "b.txt": B}, [("agree", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 20)])], folder="good")
    root = parse([bad, good])
    [suite] = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["bad", "good"]
    failure = cases[0].find("failure")
    assert failure.get("message") == "1 conflict finding"
    assert "bad/a.txt:2:20: FC101 conflict deaths" in failure.text and "20 (a.txt) vs 17 (b.txt)" in failure.text
    assert cases[1].find("failure") is None


def test_explained_fails_only_under_fail_on_explained(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [("explained", *CONFLICT[1:])])
    assert parse([story]).find("testsuite/testcase/failure") is None
    assert "explained" in parse([story]).find("testsuite/testcase/system-out").text
    strict = parse([story], outcome=Outcome(reports=[story], fail_on="explained"))
    assert strict.find("testsuite/testcase/failure").get("type") == "factcheck.explained"


def test_folders_not_checked_are_errors_and_baselined_are_not_failures(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [CONFLICT], problems=[Problem("x.pdf", "unreadable")])
    outcome = Outcome(reports=[story], failures=[StoryFailure("gone", "no such folder")], baselined={id(story.findings[0])})
    suite = parse([story], outcome=outcome).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "0", "1")
    story_case, gone = suite.findall("testcase")
    assert story_case.find("failure") is None
    assert "1 baselined finding not reported" in story_case.find("system-out").text
    assert "warning: story/x.pdf: unreadable" in story_case.find("system-out").text
    assert gone.get("name") == "gone" and gone.find("error").get("message") == "no such folder"


def test_forbidden_characters_are_stripped_markup_is_escaped(make_story):
    text = 'Title\nA <b>"20 people"</b> & \x00\x1b\ufffe died.\n'
    story = make_story({"a.txt": text, "b.txt": B},
                       [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)], {"reason": "x\x0c<y>"})])
    failure = parse([story]).find("testsuite/testcase/failure")
    assert "x<y>" in failure.text and "\x0c" not in failure.text


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
def test_any_text_in_reason_label_or_name_gives_well_formed_xml(make_story, reason, label):
    story = make_story({"a.txt": A, "b.txt": B},
                       [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)], {"reason": reason, "label": label})])
    parse([story])  # raises on malformed XML


def test_lone_surrogates_do_not_break_the_document(make_story):
    story = make_story({"a.txt": A, "b.txt": B},
                       [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)], {"reason": "bad \udcff byte"})])
    assert "bad  byte" in parse([story]).find("testsuite/testcase/failure").text

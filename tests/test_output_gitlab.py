"""GitLab Code Quality: issues with stable fingerprints, mapped severities and file locations."""
from __future__ import annotations

import hashlib
import json

import pytest

from factcheck.baseline import fingerprint_text
from factcheck.output import render
from factcheck.report import Outcome

A = "Paris mourns\nThe attacks killed 20 people, police said.\n"
B = "Attack\nOfficials said 17 people died.\n"
FINDING = ("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])


def issues(reports, **options) -> list[dict]:
    return json.loads(render(reports, "gitlab", **options))


def test_an_issue_per_discrepancy_with_location_and_fingerprint(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [FINDING])
    [issue] = issues([story])
    assert issue["check_name"] == "FC101"
    assert "20 (a.txt) vs 17 (b.txt)" in issue["description"]
    assert issue["location"] == {"path": "story/a.txt", "lines": {"begin": 2, "end": 2}}
    assert issue["fingerprint"] == hashlib.sha256(fingerprint_text(story.findings[0]).encode()).hexdigest()
    assert issue["severity"] == "critical"


@pytest.mark.parametrize("status,severity,fail_on,expected", [
    ("conflict", "error", "conflict", "critical"),
    ("conflict", "warning", "conflict", "major"),
    ("conflict", "info", "conflict", "minor"),
    ("explained", "error", "conflict", "info"),
    ("explained", "warning", "explained", "major"),
])
def test_severity_mapping(make_story, status, severity, fail_on, expected):
    story = make_story({"a.txt": A, "b.txt": B}, [(status, "deaths", FINDING[2], {"severity": severity})])
    [issue] = issues([story], outcome=Outcome(reports=[story], fail_on=fail_on))
    assert issue["severity"] == expected


def test_fingerprint_is_stable_when_reworded_and_changes_with_the_number(make_story):
    before = issues([make_story({"a.txt": A, "b.txt": B}, [FINDING])])[0]["fingerprint"]
    reworded = make_story({"a.txt": "Toll rises\n\n\nIn Paris 20 people were killed.\n", "b.txt": B}, [FINDING])
    assert issues([reworded])[0]["fingerprint"] == before
    changed = make_story({"a.txt": A.replace("20", "21"), "b.txt": B},
                         [("conflict", "deaths", [("a.txt", "21 people", 21), ("b.txt", "17 people", 17)])])
    assert issues([changed])[0]["fingerprint"] != before


def test_the_same_discrepancy_in_two_stories_gets_two_fingerprints(make_story):
    one = make_story({"a.txt": A, "b.txt": B}, [FINDING], folder="one")
    two = make_story({"a.txt": A, "b.txt": B}, [FINDING], folder="two")
    fps = [i["fingerprint"] for i in issues([one, two])]
    assert len(set(fps)) == 2
    assert fps == [i["fingerprint"] for i in issues([one, two])]


def test_baselined_and_agreeing_findings_are_not_issues(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [FINDING, ("agree", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 20)], {"key": "k"})])
    assert issues([story], outcome=Outcome(reports=[story], baselined={id(story.findings[0])})) == []

"""SARIF 2.1.0: valid against the OASIS schema, one result per discrepancy, claims located exactly."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.model import Problem
from factcheck.output import render
from factcheck.report import Outcome, StoryFailure

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

A = "Paris mourns\nThe attacks killed 20 people, police said.\n"
B = "Attack\n\nOfficials said 17 people died.\n"
C = "Vigil\nAt least 17 people died, and 4 were hurt.\n"


def sarif(reports, **options) -> dict:
    log = json.loads(render(reports, "sarif", **options))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    return log


def conflict(make_story, severity="error", status="conflict"):
    return make_story({"a.txt": A, "b.txt": B, "c.txt": C}, [
        (status, "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17), ("c.txt", "17 people", 17)],
         {"severity": severity, "label": "deaths in Paris", "reason": "nothing reconciles them"}),
    ])


def test_a_conflict_is_one_error_result_located_at_each_claim(make_story):
    log = sarif([conflict(make_story)])
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    [result] = run["results"]
    assert result["ruleId"] == "FC101" and result["level"] == "error"
    assert "20 (a.txt) vs 17 (b.txt, c.txt)" in result["message"]["text"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "story/a.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 20, "endLine": 2, "endColumn": 29, "snippet": {"text": "20 people"}}
    assert loc["contextRegion"]["snippet"]["text"] == "The attacks killed 20 people, police said."
    related = [r["physicalLocation"] for r in result["relatedLocations"]]
    assert [r["artifactLocation"]["uri"] for r in related] == ["story/b.txt", "story/c.txt"]
    assert related[0]["region"]["startLine"] == 3 and related[0]["region"]["startColumn"] == 16
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"


def test_rule_metadata_is_declared_once_and_indexed(make_story):
    story = make_story({"a.txt": A, "b.txt": B, "c.txt": C}, [
        ("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)]),
        ("conflict", "deaths", [("a.txt", "20 people", 20), ("c.txt", "17 people", 17)], {"key": "d2"}),
        ("conflict", "injuries", [("c.txt", "4 were hurt", 4), ("a.txt", "police", 3)], {"rule": "FC102"}),
    ])
    run = sarif([story])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["FC101", "FC102"]
    assert all(r["name"] and r["shortDescription"]["text"] for r in rules)
    assert [rules[r["ruleIndex"]]["id"] for r in run["results"]] == [r["ruleId"] for r in run["results"]] == ["FC101", "FC101", "FC102"]


@pytest.mark.parametrize("severity,expected", [("error", "error"), ("warning", "warning"), ("info", "note")])
def test_level_follows_severity(make_story, severity, expected):
    [result] = sarif([conflict(make_story, severity)])["runs"][0]["results"]
    assert result["level"] == expected


def test_explained_is_a_note_unless_it_fails_the_run(make_story):
    story = conflict(make_story, "warning", "explained")
    assert sarif([story])["runs"][0]["results"][0]["level"] == "note"
    strict = Outcome(reports=[story], fail_on="explained")
    assert sarif([story], outcome=strict)["runs"][0]["results"][0]["level"] == "warning"


def test_agreements_are_not_results(make_story):
    story = conflict(make_story, status="agree")
    assert sarif([story])["runs"][0]["results"] == []


def test_baselined_results_are_suppressed_new_ones_marked_new(make_story, tmp_path):
    story = make_story({"a.txt": A, "b.txt": B, "c.txt": C}, [
        ("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)]),
        ("conflict", "injuries", [("c.txt", "4 were hurt", 4), ("a.txt", "police", 3)], {"rule": "FC102"}),
    ])
    outcome = Outcome(reports=[story], baselined={id(story.findings[0])}, baseline_path=tmp_path / "base.json")
    old, new = sarif([story], outcome=outcome)["runs"][0]["results"]
    assert old["baselineState"] == "unchanged" and old["suppressions"][0]["kind"] == "external"
    assert new["baselineState"] == "new" and "suppressions" not in new


def test_fingerprints_survive_rewording_but_not_a_new_number(make_story):
    first = sarif([conflict(make_story)])["runs"][0]["results"][0]["partialFingerprints"]
    reworded = make_story({"a.txt": "New title\n\nPolice said 20 people were killed.\n", "b.txt": B, "c.txt": C}, [
        ("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17), ("c.txt", "17 people", 17)]),
    ], folder="story")
    changed = make_story({"a.txt": A.replace("20", "21"), "b.txt": B, "c.txt": C}, [
        ("conflict", "deaths", [("a.txt", "21 people", 21), ("b.txt", "17 people", 17), ("c.txt", "17 people", 17)]),
    ], folder="story")
    assert sarif([reworded])["runs"][0]["results"][0]["partialFingerprints"] == first
    assert sarif([changed])["runs"][0]["results"][0]["partialFingerprints"] != first


def test_skipped_files_and_failed_folders_become_notifications(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, problems=[Problem("scan.pdf", "not a text file")])
    outcome = Outcome(reports=[story], failures=[StoryFailure("missing", "no such folder")])
    notes = sarif([story], outcome=outcome)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"]) for n in notes] == [
        ("error", "missing: no such folder"), ("warning", "story/scan.pdf: not a text file")]


def test_paths_with_spaces_are_uri_encoded(make_story):
    story = make_story({"a b.txt": A, "b.txt": B}, [("conflict", "deaths", [("a b.txt", "20 people", 20), ("b.txt", "17 people", 17)])],
                       folder="my story")
    uri = sarif([story])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20story/a%20b.txt"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.text(max_size=30), after=st.text(max_size=30))
def test_any_article_text_gives_a_valid_log_with_consistent_regions(make_story, before, after):
    text = before + "20 people" + after
    story = make_story({"a.txt": text, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])])
    region = sarif([story])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    start = text.index("20 people")
    head = text[:start]  # SARIF counts CR, LF and CRLF as line ends
    assert region["startLine"] == head.count("\n") + head.count("\r") - head.count("\r\n") + 1
    assert region["endLine"] >= region["startLine"]

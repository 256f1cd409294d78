"""Baselines: known discrepancies stop failing CI; new ones, and changed numbers, still do."""
from __future__ import annotations

import json

import pytest

from factcheck import baseline
from factcheck.model import Claim, Finding, Sentence
from factcheck.report import Outcome


def finding(pairs, rule="FC101", kind="deaths", key="deaths:paris", status="conflict", offset=0, sentence="s") -> Finding:
    claims = [Claim(kind, rule, src, value, offset, offset + 2, str(value), Sentence(src, 0, 9, sentence)) for src, value in pairs]
    return Finding(kind, key, key, status, claims, rule=rule)


def test_fingerprint_ignores_wording_positions_and_claim_order():
    base = finding([("a.txt", 20), ("b.txt", 17)])
    moved = finding([("b.txt", 17), ("a.txt", 20)], offset=400, sentence="Completely reworded, 20 dead.")
    assert baseline.fingerprint(base) == baseline.fingerprint(moved)


@pytest.mark.parametrize("other", [
    finding([("a.txt", 21), ("b.txt", 17)]),
    finding([("a.txt", 20), ("c.txt", 17)]),
    finding([("a.txt", 20), ("b.txt", 17)], rule="FC102"),
    finding([("a.txt", 20), ("b.txt", 17)], kind="injuries"),
    finding([("a.txt", 20), ("b.txt", 17)], key="deaths:verviers"),
])
def test_fingerprint_changes_with_a_number_source_rule_kind_or_key(other):
    assert baseline.fingerprint(other) != baseline.fingerprint(finding([("a.txt", 20), ("b.txt", 17)]))


def test_values_are_normalised():
    assert baseline.fingerprint(finding([("a.txt", 20.0), ("b.txt", "17")])) == baseline.fingerprint(finding([("a.txt", 20), ("b.txt", 17)]))
    assert baseline.normalise_value(" Jan  7,\u00a02015 ") == baseline.normalise_value("jan 7, 2015")
    assert baseline.normalise_source("sub\\a.txt") == "sub/a.txt"


def _outcome(*findings, story="story"):
    from pathlib import Path

    from factcheck.model import Source, StoryReport

    source = Source("a.txt", Path(story) / "a.txt", "", "", "", "0" * 64)
    return Outcome(reports=[StoryReport(Path(story), [source], list(findings))])


def test_write_then_apply_marks_everything_known(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    f1, f2 = finding([("a.txt", 20), ("b.txt", 17)]), finding([("a.txt", 3), ("b.txt", 4)], key="injuries", status="explained")
    agree = finding([("a.txt", 5), ("b.txt", 5)], key="arrests", status="agree")
    items = baseline.write(tmp_path / "b.json", _outcome(f1, f2, agree))
    assert len(items) == 2  # agreements are not recorded
    data = json.loads((tmp_path / "b.json").read_text())
    assert data["factcheck_baseline"] == 1 and {e["story"] for e in data["findings"]} == {"story"}
    again = _outcome(finding([("a.txt", 20), ("b.txt", 17)]), finding([("a.txt", 3), ("b.txt", 4)], key="injuries", status="explained"))
    baseline.apply(again, baseline.load(tmp_path / "b.json"))
    assert len(again.baselined) == 2 and again.stale == [] and again.exit_code() == 0


def test_a_baseline_entry_excuses_one_finding_not_two(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    baseline.write(tmp_path / "b.json", _outcome(finding([("a.txt", 20), ("b.txt", 17)])))
    twice = Outcome(reports=_outcome(finding([("a.txt", 20), ("b.txt", 17)])).reports + _outcome(finding([("a.txt", 20), ("b.txt", 17)]), story="other").reports)
    baseline.apply(twice, baseline.load(tmp_path / "b.json"))
    assert len(twice.baselined) == 1 and twice.exit_code() == 1


def test_stale_only_for_stories_that_were_checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    baseline.write(tmp_path / "b.json", Outcome(reports=_outcome(finding([("a.txt", 1), ("b.txt", 2)])).reports
                                                + _outcome(finding([("a.txt", 1), ("b.txt", 2)]), story="elsewhere").reports))
    now = _outcome()  # only "story" checked, its conflict gone
    baseline.apply(now, baseline.load(tmp_path / "b.json"))
    assert [e["story"] for e in now.stale] == ["story"]
    assert "story: FC101 deaths deaths:paris (a.txt=1, b.txt=2)" == baseline.describe(now.stale[0])


@pytest.mark.parametrize("content,needle", [
    (None, "no such baseline file"),
    ("{not json", "invalid JSON"),
    ('{"findings": []}', "unsupported baseline format"),
    ('[1, 2]', "no findings list"),
    ('{"factcheck_baseline": 1, "findings": [{"rule": "x"}]}', "entry 1 has no fingerprint"),
])
def test_unreadable_baselines_say_why(tmp_path, content, needle):
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(baseline.BaselineError, match=needle):
        baseline.load(path)

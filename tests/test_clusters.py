"""The project's accuracy yardstick: factcheck against the labelled clusters in tests/clusters."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SCORING = Path(__file__).parent / "clusters" / "scoring.py"
_spec = importlib.util.spec_from_file_location("cluster_scoring", _SCORING)
scoring = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("cluster_scoring", scoring)
_spec.loader.exec_module(scoring)

CLUSTERS = scoring.cluster_folders()
MIN_F1 = 0.9
MAX_FALSE_FAILURES = 0  # a lint that fails innocent stories gets switched off


def test_there_are_enough_clusters():
    assert len(CLUSTERS) >= 46, [c.name for c in CLUSTERS]


@pytest.mark.parametrize("folder", CLUSTERS, ids=[c.name for c in CLUSTERS])
def test_gold_is_well_formed(folder):
    problems = scoring.gold_problems(folder)
    assert not problems, f"{folder.name}/gold.json:\n" + "\n".join(problems)


@pytest.mark.parametrize("folder", CLUSTERS, ids=[c.name for c in CLUSTERS])
def test_cluster_has_two_to_six_articles(folder):
    articles = scoring.article_files(folder)
    assert 2 <= len(articles) <= 6, [a.name for a in articles]


def test_matching_rule():
    fact = {"id": "d", "kind": "deaths", "status": "explained", "claims": {"a.txt": 9, "b.txt": [8, 7]}}
    finding = {"kind": "deaths", "status": "conflict",
               "claims": [{"source": "a.txt", "value": 9}, {"source": "sub/b.txt", "value": 8}]}
    assert scoring.matches(finding, fact)
    assert not scoring.matches({**finding, "kind": "injuries"}, fact)
    one = {"kind": "deaths", "status": "conflict", "claims": [{"source": "a.txt", "value": 9}]}
    assert not scoring.matches(one, fact)
    as_text = {"kind": "deaths", "status": "explained",
               "claims": [{"source": "a.txt", "value": "9"}, {"source": "b.txt", "value": 7.0}]}
    assert scoring.matches(as_text, fact)
    equal_gold = {"id": "e", "kind": "deaths", "status": "explained", "claims": {"a.txt": 9, "b.txt": 9, "c.txt": 8}}
    same = {"kind": "deaths", "status": "conflict",
            "claims": [{"source": "a.txt", "value": 9}, {"source": "b.txt", "value": 9}]}
    assert not scoring.matches(same, equal_gold)


def test_dates_match_as_iso_text():
    fact = {"id": "t", "kind": "date", "status": "conflict", "claims": {"a.txt": "2024-10-07", "b.txt": "2024-10-06"}}
    finding = {"kind": "date", "status": "conflict",
               "claims": [{"source": "a.txt", "value": "2024-10-07"}, {"source": "b.txt", "value": "2024-10-06"}]}
    assert scoring.matches(finding, fact)
    assert not scoring.matches({**finding, "claims": finding["claims"][:1]}, fact)


def test_scoring_counts_false_alarms_misses_and_false_failures():
    gold = {"exhaustive": ["deaths", "age"], "facts": [
        {"id": "d", "kind": "deaths", "status": "explained", "claims": {"a.txt": 9, "b.txt": 8}},
        {"id": "g", "kind": "age", "status": "explained", "claims": {"a.txt": 34, "b.txt": 35}},
        {"id": "x", "kind": "age", "status": "agree", "claims": {"a.txt": 20, "b.txt": 20}},
    ]}
    report = {"findings": [
        {"kind": "deaths", "status": "explained", "claims": [{"source": "a.txt", "value": 9}, {"source": "b.txt", "value": 8}]},
        {"kind": "deaths", "status": "conflict", "claims": [{"source": "a.txt", "value": 9}, {"source": "b.txt", "value": 8}]},
        {"kind": "age", "status": "conflict", "claims": [{"source": "a.txt", "value": 20}, {"source": "b.txt", "value": 21}]},
        {"kind": "injuries", "status": "conflict", "claims": [{"source": "a.txt", "value": 1}, {"source": "b.txt", "value": 2}]},
        {"kind": "age", "status": "agree", "claims": [{"source": "a.txt", "value": 20}, {"source": "b.txt", "value": 20}]},
        {"kind": "deaths", "status": "single-source", "claims": [{"source": "a.txt", "value": 3}]},
    ]}
    s = scoring.score_report("t", gold, report)
    assert (s.correct, s.reported, s.found, s.gold, s.agree_found) == (2, 3, 1, 2, 1)
    assert (s.true_conflicts, s.conflicts) == (1, 2)
    assert len(s.false_alarms) == 1 and len(s.misses) == 1
    assert s.fails and s.false_failure
    quiet = scoring.score_report("t", gold, {"findings": report["findings"][:1]})
    assert not quiet.fails and not quiet.false_failure
    real = {**gold, "facts": [{**gold["facts"][1], "status": "conflict"}]}
    assert not scoring.score_report("t", real, report).false_failure


@pytest.fixture(scope="module")
def totals():
    return scoring.score_all(CLUSTERS)


def test_factcheck_finds_the_discrepancies(totals):
    assert totals.f1 >= MIN_F1, f"F1 {totals.f1:.3f} < {MIN_F1}\n{totals.details()}\n{totals.summary()}"


def test_factcheck_fails_few_stories_without_a_conflict(totals):
    wrong = totals.false_failures
    assert len(wrong) <= MAX_FALSE_FAILURES, (
        f"{len(wrong)} stories fail without a labelled conflict\n"
        + "\n".join(f"{s.name}: {'; '.join(s.failing_conflicts)}" for s in wrong)
    )

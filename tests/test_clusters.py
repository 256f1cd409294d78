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


def test_there_are_enough_clusters():
    assert len(CLUSTERS) >= 14, [c.name for c in CLUSTERS]


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
    same = {"kind": "deaths", "status": "agree",
            "claims": [{"source": "a.txt", "value": 9}, {"source": "b.txt", "value": 9}]}
    assert not scoring.matches(same, fact)
    one = {"kind": "deaths", "status": "conflict", "claims": [{"source": "a.txt", "value": 9}]}
    assert not scoring.matches(one, fact)


def test_scoring_counts_false_alarms_and_misses():
    gold = {"exhaustive": ["deaths", "age"], "facts": [
        {"id": "d", "kind": "deaths", "status": "explained", "claims": {"a.txt": 9, "b.txt": 8}},
        {"id": "g", "kind": "age", "status": "conflict", "claims": {"a.txt": 34, "b.txt": 35}},
        {"id": "x", "kind": "age", "status": "agree", "claims": {"a.txt": 20, "b.txt": 20}},
    ]}
    report = {"findings": [
        {"kind": "deaths", "status": "explained", "claims": [{"source": "a.txt", "value": 9}, {"source": "b.txt", "value": 8}]},
        {"kind": "deaths", "status": "conflict", "claims": [{"source": "a.txt", "value": 9}, {"source": "b.txt", "value": 8}]},
        {"kind": "injuries", "status": "conflict", "claims": [{"source": "a.txt", "value": 1}, {"source": "b.txt", "value": 2}]},
        {"kind": "age", "status": "agree", "claims": [{"source": "a.txt", "value": 20}, {"source": "b.txt", "value": 20}]},
    ]}
    s = scoring.score_report("t", gold, report)
    assert (s.correct, s.reported, s.found, s.gold, s.agree_found) == (1, 2, 1, 2, 1)
    assert len(s.false_alarms) == 1 and len(s.misses) == 1


def test_factcheck_finds_the_discrepancies():
    totals = scoring.score_all(CLUSTERS)
    assert totals.f1 >= MIN_F1, f"F1 {totals.f1:.3f} < {MIN_F1}\n{totals.details()}\n{totals.summary()}"

"""Every shipped rule's examples, one test each, run through split and extraction with that
rule alone; and every rule must carry examples, at least one of which expects nothing."""
from __future__ import annotations

import pytest

from factcheck.rule_tests import examples_of, run_example
from factcheck.ruleset import load_rules

RULES = load_rules()
EXAMPLES = [example for rule in RULES.rules for example in examples_of(rule)]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.rule.code}-{e.rule.slug}-example-{e.index}" for e in EXAMPLES])
def test_shipped_example(example):
    result = run_example(RULES, example)
    assert result.passed, f"{example.where}: {example.text!r}: {result.difference()}"


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.code for r in RULES.rules])
def test_every_rule_has_examples_and_a_negative_one(rule):
    assert rule.examples, f"{rule.origin}: {rule.code} has no [[examples]]"
    assert any(e["expect"] == [] for e in rule.examples), f"{rule.origin}: {rule.code} has no example with expect = []"

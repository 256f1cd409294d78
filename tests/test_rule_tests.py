"""factcheck.rule_tests: examples compared as multisets, fixture markers and their regions,
and examples or markers that do not parse."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.rule_tests import FixtureError, examples_of, run_all
from factcheck.ruleset import RuleError, load_rules
from rule_fixtures import RESCUED


def rule_dir(tmp_path: Path, examples: str, body: str = RESCUED) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "rescued.toml").write_text(body + examples, encoding="utf-8")
    return folder


GOOD_EXAMPLES = '''
[[examples]]
text = "Firefighters rescued 12 people from the roof."
expect = [12]

[[examples]]
text = "The rescued dog was 3 years old."
expect = []
'''


def test_examples_pass_and_fail_on_the_multiset_of_values(tmp_path):
    folder = rule_dir(tmp_path, GOOD_EXAMPLES + '''
[[examples]]
text = "Firefighters rescued 12 people from the roof."
expect = [12, 12]
''')
    run = run_all(load_rules([folder]), select=["FC401"])
    assert [r.passed for r in run.results] == [True, True, False]
    failed = run.failed[0]
    assert failed.name == "FC401 rescues example 3"
    assert failed.where == f"{folder / 'rescued.toml'}:20"
    assert failed.difference() == "expected [12, 12], got [12] (missing [12])"


def test_the_difference_names_unexpected_values(tmp_path):
    folder = rule_dir(tmp_path, '''
[[examples]]
text = "Crews rescued 12 people and later rescued 3 more people."
expect = []
''')
    run = run_all(load_rules([folder]), select=["rescues"])
    assert run.failed[0].difference() == "expected [], got [12] (unexpected [12])"


def test_a_rule_without_a_negative_example_is_a_warning(tmp_path):
    folder = rule_dir(tmp_path, GOOD_EXAMPLES.split("\n[[examples]]\ntext = \"The rescued")[0])
    run = run_all(load_rules([folder]), select=["FC401"])
    assert run.warnings and "no negative example" in run.warnings[0]


@pytest.mark.parametrize("example,message", [
    ('[[examples]]\ntext = "x"\n', "missing key 'expect'"),
    ('[[examples]]\ntext = "x"\nexpect = 12\n', "key 'expect': must be a list"),
    ('[[examples]]\ntext = "x"\nexpected = [1]\nexpect = [1]\n', "unknown key 'expected'"),
    ('[[examples]]\nexpect = [1]\n', "key 'text': missing or empty"),
    ('[[examples]]\ntext = "x"\npublished = "2015-13-01"\nexpect = []\n', "key 'published': '2015-13-01' is not a date"),
])
def test_an_example_that_does_not_parse_names_file_line_and_key(tmp_path, example, message):
    folder = rule_dir(tmp_path, GOOD_EXAMPLES + "\n" + example)
    rule = load_rules([folder]).by_code("FC401")
    with pytest.raises(RuleError) as error:
        examples_of(rule)
    assert str(error.value).startswith(f"{folder / 'rescued.toml'}:20: examples[3]: ")
    assert message in str(error.value)


# --- fixtures -------------------------------------------------------------------------------


def fixture(tmp_path: Path, text: str, name: str = "story/a.md") -> Path:
    path = tmp_path / "fixtures" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path / "fixtures"


ARTICLE = """Quake toll rises

<!-- expect: FC101 20 -->
The earthquake killed 20 people and injured 35 others on Saturday.

Officials said 12 people were killed in a separate landslide. <!-- expect: deaths 12 -->

<!-- ok: FC101, FC201 -->
Rescuers worked through the night in the rain.
"""


def test_fixture_markers_pass_in_their_regions(tmp_path):
    run = run_all(load_rules(), fixture(tmp_path, ARTICLE), select=["FC101", "FC201"])
    fixtures = [r for r in run.results if r.kind != "example"]
    assert [(r.rule, r.kind, r.where.rsplit(":", 1)[1], r.passed) for r in fixtures] == [
        ("FC101", "expect", "3", True), ("FC101", "expect", "6", True), ("FC101", "ok", "8", True), ("FC201", "ok", "8", True),
    ]


def test_an_expect_marker_fails_when_the_value_is_elsewhere(tmp_path):
    text = "Title\n\n<!-- expect: FC101 20 -->\nRescuers worked all night.\n\nThe quake killed 20 people.\n"
    run = run_all(load_rules(), fixture(tmp_path, text), select=["FC101"])
    failed = [r for r in run.failed if r.kind == "expect"]
    assert len(failed) == 1
    assert failed[0].difference() == "expected [20], got [] (missing [20])"
    assert failed[0].text == "Rescuers worked all night."


def test_an_ok_marker_fails_when_the_rule_yields_something(tmp_path):
    text = "Title\n\n<!-- ok: FC101 -->\nThe quake killed 20 people.\n"
    run = run_all(load_rules(), fixture(tmp_path, text), select=["FC101"])
    failed = [r for r in run.failed if r.kind == "ok"]
    assert failed and failed[0].difference() == "expected [], got [20] (unexpected [20])"


def test_fixtures_are_found_recursively_and_markers_do_not_become_text(tmp_path):
    root = fixture(tmp_path, "Title\n\n<!-- ok: FC203 -->\nThe storm hit at dawn.\n", "deep/er/b.txt")
    run = run_all(load_rules(), root, select=["FC203"])
    assert [r.passed for r in run.results if r.kind == "ok"] == [True]


@pytest.mark.parametrize("marker,message", [
    ("<!-- expect: FC101 -->", "expect marker without a value"),
    ("<!-- expect: FC999 3 -->", "unknown rule 'FC999' in marker"),
    ("<!-- ok: -->", "marker names no rule"),
])
def test_a_marker_that_does_not_parse_is_an_error_naming_file_and_line(tmp_path, marker, message):
    root = fixture(tmp_path, f"Title\n\n{marker}\nThe quake killed 20 people.\n")
    with pytest.raises(FixtureError) as error:
        run_all(load_rules(), root, select=["FC101"])
    assert str(error.value).startswith(f"{root / 'story' / 'a.md'}:3: ")
    assert message in str(error.value)


@pytest.mark.parametrize("marker,meant", [
    ("<!-- expct: FC101 20 -->", "expect:"),
    ("<!-- expect FC101 20 -->", "expect:"),
    ("<!-- ok FC101 -->", "ok:"),
])
def test_a_mistyped_marker_is_a_warning_naming_file_and_line(tmp_path, marker, meant):
    root = fixture(tmp_path, f"Title\n\n{marker}\nThe quake killed 20 people.\n\n<!-- a note: not a marker -->\n")
    run = run_all(load_rules(), root, select=["FC101"])
    assert run.warnings == [f"{root / 'story' / 'a.md'}:3: {marker!r} is not a marker (did you mean '{meant}'?)"]


def test_an_unknown_rule_in_a_marker_names_the_closest_rule(tmp_path):
    root = fixture(tmp_path, "Title\n\n<!-- expect: deahts 20 -->\nThe quake killed 20 people.\n")
    with pytest.raises(FixtureError, match="unknown rule 'deahts' in marker \\(did you mean 'deaths'\\?\\)"):
        run_all(load_rules(), root, select=["FC101"])

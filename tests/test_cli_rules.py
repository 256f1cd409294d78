"""`factcheck rules`, `rule`, `test-rules` as a rule writer uses them: a new rule is a TOML
file in a folder, no Python; broken rule files stop with exit 2 and one precise line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

RESCUED = '''code = "FC401"
slug = "rescues"
kind = "rescued"
type = "toll"
severity = "warning"
changes_over_time = true
summary = "Rescues: how many people were rescued."
what = """
Finds the number of people a source says were rescued: "crews rescued 12 people",
"40 people were pulled alive from the rubble".
"""
why = "Rescue counts are revised as the search goes on."

after = ["rescued", "were rescued", "pulled alive from the rubble", "pulled from the water"]
before = ["rescued", "rescuing", "the rescue of"]
zero = ["no one was rescued", "no survivors were found"]

[[examples]]
text = "Firefighters rescued 12 people from the roof."
expect = [12]

[[examples]]
text = "Crews said 40 people were pulled alive from the rubble."
expect = [40]

[[examples]]
text = "The rescue dog was 3 years old."
expect = []
'''


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def rescued(tmp_path, monkeypatch) -> Path:
    """A folder with one new rule file, rescued.toml; tmp_path is the working directory."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "house-rules"
    folder.mkdir()
    (folder / "rescued.toml").write_text(RESCUED, encoding="utf-8")
    return folder


def one_error_line(result, *parts: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output
    for part in parts:
        assert part in result.stderr, result.stderr


# --- factcheck rules ---------------------------------------------------------------------


def test_rules_lists_every_shipped_rule_with_its_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("rules")
    assert result.exit_code == 0, result.output
    for code, slug, file in [("FC101", "deaths", "deaths.toml"), ("FC202", "age", "age.toml"), ("FC208", "seized", "seized.toml")]:
        row = next(line for line in result.stdout.splitlines() if f" {code} " in line)
        assert slug in row and f"built-in: {file}" in row


def test_rules_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = json.loads(invoke("rules", "--format", "json").stdout)
    deaths = next(r for r in rows if r["code"] == "FC101")
    assert deaths | {"origin": None} == {
        "code": "FC101", "slug": "deaths", "kind": "deaths", "type": "toll", "severity": "error",
        "summary": deaths["summary"], "origin": None, "builtin": True,
    }
    assert deaths["origin"].endswith("deaths.toml")
    assert [r["code"] for r in rows] == sorted(r["code"] for r in rows)


def test_a_new_rule_folder_shows_in_rules(rescued):
    result = invoke("rules", "--rules", rescued)
    row = next(line for line in result.stdout.splitlines() if "FC401" in line)
    assert "rescues" in row and "toll" in row and "warning" in row and "house-rules/rescued.toml" in row
    rows = json.loads(invoke("rules", "--rules", rescued, "--format", "json").stdout)
    assert {"code": "FC401", "builtin": False}.items() <= next(r for r in rows if r["code"] == "FC401").items()


def test_select_and_ignore_narrow_the_list(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = json.loads(invoke("rules", "--select", "FC1", "--ignore", "missing", "--format", "json").stdout)
    assert [r["code"] for r in rows] == ["FC101", "FC102", "FC104"]


def test_a_config_file_adds_its_rule_folders(rescued, tmp_path):
    (tmp_path / "factcheck.toml").write_text('rules = ["house-rules"]\n[severity]\nFC401 = "error"\n', encoding="utf-8")
    rows = json.loads(invoke("rules", "--format", "json").stdout)
    assert next(r for r in rows if r["code"] == "FC401")["severity"] == "error"


# --- factcheck rule ------------------------------------------------------------------------


def test_rule_explains_one_rule_like_ruff_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("rule", "FC101")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# deaths (FC101)\n\nDeath tolls")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## What it does", "## Why it matters", "## Options", "## Triggers", "## Examples"]
    assert '- `after` (words after the number: "17 people were ___"): "killed", "dead"' in text
    assert "- Police said two people were killed and three injured.\n  → yields 2" in text
    assert "→ yields nothing" in text
    assert invoke("rule", "deaths").stdout == text


def test_rule_shows_patterns_as_triggers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = invoke("rule", "seized").stdout
    assert "## Triggers" in text and "- `\\b(?:seized|seizing" in text


def test_rule_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = json.loads(invoke("rule", "event-date", "--format", "json").stdout)
    assert doc["code"] == "FC301" and doc["type"] == "date" and doc["options"] == {"events": ["incident", "assault", "meeting", "arrest", "departure", "charges", "arraignment", "bail", "appearance"]}
    assert doc["examples"][0] == {
        "text": "Belgium launched a series of raids last Thursday on a group of suspected jihadis.",
        "published": "2015-01-19", "expect": ["2015-01-15"],
    }


def test_rule_of_a_new_rule_file(rescued):
    result = invoke("rule", "rescues", "--rules", rescued)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# rescues (FC401)\n")
    assert "Defined in house-rules/rescued.toml." in result.stdout
    assert '"pulled alive from the rubble"' in result.stdout


@pytest.mark.parametrize("name", ["FC999", "nosuchrule"])
def test_an_unknown_rule_is_exit_2_in_one_line(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    for fmt in ("text", "json"):
        result = invoke("rule", name, "--format", fmt)
        one_error_line(result, f"unknown rule '{name}'")
        assert result.stdout == ""


# --- factcheck test-rules ---------------------------------------------------------------


def test_test_rules_passes_the_shipped_and_new_rules(rescued):
    result = invoke("test-rules", "--rules", rescued, "--select", "FC401,age")
    assert result.exit_code == 0, result.output
    assert "PASS  FC401 rescues example 1  (house-rules/rescued.toml:18)" in result.stdout
    assert "PASS  FC202 age example 1" in result.stdout
    assert result.stdout.splitlines()[-1].endswith(" passed, 0 failed")


def test_a_broken_example_fails_with_exit_1_and_the_difference(rescued):
    path = rescued / "rescued.toml"
    path.write_text(path.read_text().replace("expect = [40]", "expect = [41]"), encoding="utf-8")
    result = invoke("test-rules", "--rules", rescued, "--select", "rescues")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    i = lines.index("FAIL  FC401 rescues example 2  (house-rules/rescued.toml:22)")
    assert lines[i + 1] == "      text: Crews said 40 people were pulled alive from the rubble."
    assert lines[i + 2] == "      expected [41], got [40] (missing [41]; unexpected [40])"
    assert lines[-1] == "2 passed, 1 failed"
    quiet = invoke("test-rules", "--rules", rescued, "--select", "rescues", "-q")
    assert "PASS" not in quiet.stdout and "FAIL  FC401 rescues example 2" in quiet.stdout
    doc = json.loads(invoke("test-rules", "--rules", rescued, "--select", "rescues", "--format", "json").stdout)
    assert doc["failed"] == 1
    assert next(r for r in doc["results"] if not r["passed"])["difference"] == "expected [41], got [40] (missing [41]; unexpected [40])"


def test_test_rules_runs_annotated_fixtures(rescued, tmp_path):
    story = tmp_path / "fixtures" / "quake"
    story.mkdir(parents=True)
    (story / "a.md").write_text(
        "Quake\n\n<!-- expect: FC401 12 -->\nFirefighters rescued 12 people from the roof.\n\n"
        "<!-- ok: rescues -->\nThe search went on all night.\n\n"
        "<!-- expect: FC401 7 -->\nSeven people were killed.\n",
        encoding="utf-8",
    )
    result = invoke("test-rules", tmp_path / "fixtures", "--rules", rescued, "--select", "FC401")
    assert result.exit_code == 1
    assert "PASS  FC401 rescues at fixtures/quake/a.md:3" in result.stdout.replace(str(tmp_path) + "/", "")
    assert "PASS  FC401 rescues at fixtures/quake/a.md:6" in result.stdout.replace(str(tmp_path) + "/", "")
    out = result.stdout.replace(str(tmp_path) + "/", "")
    assert "FAIL  FC401 rescues at fixtures/quake/a.md:9" in out
    assert "      expected [7], got [] (missing [7])" in out


def test_a_rule_without_a_negative_example_is_warned_about(rescued):
    path = rescued / "rescued.toml"
    path.write_text(path.read_text().replace("expect = []", "expect = [3]"), encoding="utf-8")
    result = invoke("test-rules", "--rules", rescued, "--select", "FC401")
    assert "warning: FC401 rescues: no negative example" in result.stderr


# --- broken rule files: exit 2, one line ----------------------------------------------------


def broken(folder: Path, old: str, new: str) -> None:
    path = folder / "rescued.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old,new,parts", [
    ('severity = "warning"', 'severity = "warning"\nfrobnicate = true', ["rescued.toml: unknown key 'frobnicate'"]),
    ('type = "toll"', 'type = "tally"', ["rescued.toml: key 'type': unknown rule type 'tally'"]),
    ('before = [', 'patterns = ["{n} (rescued"]\nbefore = [', ["rescued.toml: pattern '{n} (rescued'", "missing )"]),
    ('expect = [40]', 'expect = 40', ["rescued.toml:22: examples[2]: key 'expect': must be a list"]),
    ('[[examples]]\ntext = "Crews', '[[examples]]\ntxt = "Crews', ["rescued.toml:22: examples[2]: unknown key 'txt'"]),
    ('after = ["rescued",', 'after = "rescued"\nunused = [', ["rescued.toml: unknown key 'unused'"]),
    ('zero = [', 'zero = "no one was rescued"\nx = [', ["rescued.toml: unknown key 'x'"]),
    ('slug = "rescues"', 'slug = "Rescued People"', ["rescued.toml: key 'slug': 'Rescued People' must be lower-case"]),
    ('code = "FC401"', 'code = "FC401', ["rescued.toml: ", "line 1"]),
    ('code = "FC401"', 'code = "R401"', ["rescued.toml: key 'code': 'R401' is not of the form FC123"]),
])
def test_a_broken_rule_file_stops_every_command_with_one_line(rescued, old, new, parts):
    broken(rescued, old, new)
    for args in (["rules"], ["rule", "FC101"], ["test-rules"], ["config"]):
        one_error_line(invoke(*args, "--rules", rescued), *parts)


def test_a_word_list_given_as_a_string_is_named(rescued):
    broken(rescued, 'zero = ["no one was rescued", "no survivors were found"]', 'zero = "no one was rescued"')
    one_error_line(invoke("rules", "--rules", rescued), "rescued.toml: key 'zero': must be a list of words or phrases")


def test_a_duplicate_code_in_one_folder(rescued):
    (rescued / "saved.toml").write_text(RESCUED.replace('slug = "rescues"', 'slug = "saved"'), encoding="utf-8")
    one_error_line(invoke("rules", "--rules", rescued), "saved.toml: key 'code': duplicate code FC401 (also in", "rescued.toml")


def test_a_missing_rules_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one_error_line(invoke("rules", "--rules", "nope"), "command line (--rules): rules folder 'nope' does not exist")


def test_one_rule_file_can_be_given_to_rules(rescued, monkeypatch):
    monkeypatch.chdir(rescued.parent)
    result = invoke("rules", "--format", "json", "--rules", rescued / "rescued.toml")
    assert result.exit_code == 0, result.stderr
    assert "FC401" in [r["code"] for r in json.loads(result.stdout)]


def test_a_rules_folder_without_rule_files_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a rule")
    one_error_line(invoke("rules", "--rules", "empty"), "command line (--rules): rules folder 'empty' holds no rule files (*.toml)")
    (tmp_path / "notes.txt").write_text("not a rule")
    one_error_line(invoke("rules", "--rules", "notes.txt"), "command line (--rules): 'notes.txt' is not a folder or a .toml rule file")


def test_a_fixture_marker_that_does_not_parse_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fx").mkdir()
    (tmp_path / "fx" / "a.txt").write_text("Title\n\n<!-- expect: FC101 -->\nTen died.\n", encoding="utf-8")
    one_error_line(invoke("test-rules", "fx"), "fx/a.txt:3: expect marker without a value")


def test_a_slug_used_by_two_rules_is_an_error(rescued):
    (rescued / "saved.toml").write_text(RESCUED.replace('code = "FC401"', 'code = "FC402"'), encoding="utf-8")
    one_error_line(invoke("rules", "--rules", rescued), "saved.toml: key 'slug': duplicate slug 'rescues' (FC402; FC401 in")


def test_one_new_rule_file_is_used_by_every_command(rescued, tmp_path):
    """The whole round trip of a rule writer: no Python, one TOML file, four commands."""
    story = tmp_path / "tower"
    story.mkdir()
    (story / "a.txt").write_text("Tower fire\n\nFirefighters rescued 12 people from the roof on Monday.\n", encoding="utf-8")
    (story / "b.txt").write_text("Blaze\n\nCrews rescued 15 people from the roof on Monday.\n", encoding="utf-8")

    listed = invoke("rules", "--rules", rescued)
    assert any(" FC401 " in line and "rescues" in line for line in listed.stdout.splitlines())
    assert invoke("rule", "FC401", "--rules", rescued).stdout.startswith("# rescues (FC401)\n")
    tested = invoke("test-rules", "--rules", rescued, "--select", "FC401")
    assert tested.exit_code == 0 and tested.stdout.splitlines()[-1] == "3 passed, 0 failed"
    checked = invoke("check", story, "--rules", rescued, "--select", "FC401", "--format", "json", "-j", "1", "--no-cache")
    assert checked.exit_code == 1, checked.output
    [finding] = json.loads(checked.stdout)["findings"]
    assert (finding["rule"], finding["kind"], finding["status"]) == ("FC401", "rescued", "conflict")


def test_test_rules_tests_rules_the_config_leaves_out_of_checks(rescued, tmp_path):
    (tmp_path / "factcheck.toml").write_text('rules = ["house-rules"]\nselect = ["FC1"]\n', encoding="utf-8")
    (tmp_path / "fx").mkdir()
    (tmp_path / "fx" / "a.txt").write_text("Title\n\n<!-- expect: FC401 12 -->\nCrews rescued 12 people.\n", encoding="utf-8")
    result = invoke("test-rules", "fx", "--select", "FC401")
    assert result.exit_code == 0, result.output
    assert "PASS  FC401 rescues at" in result.stdout


AGES_EXTRA = '''code = "FC499"
slug = "ages-extra"
kind = "age"
type = "age"
severity = "warning"
summary = "Ages, with one more way of telling people apart."
patterns = ["(?P<name>{name}), {age},"]
befell = ["hurt"]
befell_alike = { "taken away" = "hurt" }
'''


@pytest.mark.parametrize("alike", ['befell_alike = ["taken away"]', 'befell_alike = { "taken away" = 3 }'])
def test_other_words_for_what_befell_someone_must_name_the_word_they_say(tmp_path, alike):
    (tmp_path / "ages.toml").write_text(AGES_EXTRA.replace('befell_alike = { "taken away" = "hurt" }', alike), encoding="utf-8")
    one_error_line(invoke("rules", "--rules", tmp_path), "ages.toml: key 'befell_alike': must be a table of phrases and the word each says")


def test_other_words_for_what_befell_someone_load(tmp_path):
    (tmp_path / "ages.toml").write_text(AGES_EXTRA, encoding="utf-8")
    result = invoke("rules", "--rules", tmp_path)
    assert result.exit_code == 0 and "FC499" in result.output

"""`factcheck check` with the real engine and a user's settings: a new rule folder, a config
file found above the story, select/ignore, severities, per-source ignores, suppressions in
the articles, and broken settings stopping the run with one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from rule_fixtures import RESCUED as RESCUED_RULE

RESCUED = RESCUED_RULE + '''
[[examples]]
text = "Firefighters rescued 12 people from the roof."
expect = [12]

[[examples]]
text = "The rescue dog was 3 years old."
expect = []
'''

A = "Tower fire\n\nFirefighters rescued 12 people from the roof of the tower on Monday.\n"
B = "Blaze in the tower\n\nCrews rescued 15 people from the roof of the tower on Monday.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """tmp/{house-rules/rescues.toml, stories/tower/{a.txt, b.txt}}; tmp is the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "house-rules" / "rescues.toml").write_text(RESCUED, encoding="utf-8")
    story = tmp_path / "stories" / "tower"
    story.mkdir(parents=True)
    (story / "a.txt").write_text(A, encoding="utf-8")
    (story / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path, story


def check(*args):
    return CliRunner().invoke(app, ["check", *map(str, args), "-j", "1", "--no-cache"])


def findings(result, rule: str = "FC401") -> list[dict]:
    doc = json.loads(result.stdout)
    return [f for f in doc["findings"] if f["rule"] == rule]


def test_a_rule_folder_on_the_command_line_is_used_by_check(project):
    _root, story = project
    result = check(story, "--rules", "house-rules", "--format", "json")
    assert result.exit_code == 1, result.output
    [finding] = findings(result)
    assert finding["status"] == "conflict" and finding["kind"] == "rescued" and finding["severity"] == "warning"
    assert sorted(c["value"] for c in finding["claims"]) == [12, 15]
    assert findings(check(story, "--format", "json")) == []


def test_a_config_above_the_story_names_rule_folders_format_and_severity(project):
    root, story = project
    (root / "factcheck.toml").write_text(
        'rules = ["house-rules"]\noutput-format = "json"\n[severity]\nrescues = "error"\n', encoding="utf-8")
    result = check(story)
    [finding] = findings(result)  # stdout is JSON: the config chose the format
    assert finding["severity"] == "error"


def test_pyproject_config_and_explicit_config_precedence(project):
    root, story = project
    (root / "pyproject.toml").write_text('[tool.factcheck]\nrules = ["house-rules"]\noutput-format = "json"\nselect = ["FC1"]\n', encoding="utf-8")
    assert findings(check(story)) == []  # FC401 not selected by the pyproject
    (root / "stories" / "factcheck.toml").write_text('rules = ["../house-rules"]\noutput-format = "json"\n', encoding="utf-8")
    assert len(findings(check(story))) == 1  # the nearer factcheck.toml wins
    (root / "ci.toml").write_text('rules = ["house-rules"]\noutput-format = "json"\nignore = ["rescues"]\n', encoding="utf-8")
    assert findings(check(story, "--config", root / "ci.toml")) == []  # --config beats both
    assert len(findings(check(story, "--config", root / "ci.toml", "--ignore", "FC3"))) == 1  # and the command line beats it


def test_select_keeps_only_the_named_rules(project):
    _root, story = project
    result = check(story, "--rules", "house-rules", "--select", "rescues", "--format", "json")
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"FC401"}


def test_fail_on_from_the_config(project):
    root, story = project
    (story / "b.txt").write_text(B.replace("15", "12"), encoding="utf-8")
    (root / "factcheck.toml").write_text('rules = ["house-rules"]\nfail-on = "explained"\n', encoding="utf-8")
    assert check(story, "--select", "FC401").exit_code == 0
    (story / "b.txt").write_text(B.replace("Crews rescued 15 people", "Crews rescued more than 10 people"), encoding="utf-8")
    assert check(story, "--select", "FC401").exit_code == 1  # explained fails the run under fail-on = explained
    assert check(story, "--select", "FC401", "--fail-on", "conflict").exit_code == 0


def test_per_source_ignores_remove_one_articles_claims(project):
    root, story = project
    (root / "factcheck.toml").write_text('rules = ["house-rules"]\n[per-source-ignores]\n"b.txt" = ["FC401"]\n', encoding="utf-8")
    [finding] = findings(check(story, "--format", "json"))
    assert finding["status"] == "single" and [c["source"] for c in finding["claims"]] == ["a.txt"]


def test_a_suppression_comment_removes_the_claim_in_every_format(project):
    _root, story = project
    (story / "b.txt").write_text(B.replace("\n\nCrews", "\n\n<!-- factcheck: ignore[FC401] rescue count not confirmed -->\nCrews"), encoding="utf-8")
    result = check(story, "--rules", "house-rules", "--format", "json")
    [finding] = findings(result)
    assert finding["status"] == "single" and [c["source"] for c in finding["claims"]] == ["a.txt"]
    for fmt in ("full", "concise", "sarif"):
        out = check(story, "--rules", "house-rules", "--select", "FC401", "--format", fmt)
        assert out.exit_code == 0, (fmt, out.output)


def test_an_unused_suppression_is_a_warning(project):
    _root, story = project
    (story / "b.txt").write_text(B + "\n<!-- factcheck: ignore[FC401] -->\nNo numbers here.\n", encoding="utf-8")
    result = check(story, "--rules", "house-rules", "--format", "json")
    assert "warning: stories/tower/b.txt: unused suppression ignore[FC401] at line 5\n" in result.stderr
    assert any(p["message"] == "unused suppression ignore[FC401] at line 5" for p in json.loads(result.stdout)["problems"])


def test_a_suppression_naming_no_rule_is_a_warning_and_the_finding_stays(project):
    _root, story = project
    (story / "b.txt").write_text(B.replace("\n\nCrews", "\n\n<!-- factcheck: ignore[rescuse] -->\nCrews"), encoding="utf-8")
    result = check(story, "--rules", "house-rules", "--format", "json")
    assert ("warning: stories/tower/b.txt: suppression ignore[rescuse] at line 3 names no rule "
            "(did you mean 'rescues'?)\n") in result.stderr
    assert findings(result)[0]["status"] == "conflict"


def test_a_broken_story_config_under_recursive_stops_check_with_one_line(project):
    _root, story = project
    (story / "factcheck.toml").write_text('selct = ["FC1"]\n', encoding="utf-8")
    result = check("-r", "stories")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "factcheck.toml: unknown key 'selct' (did you mean 'select'?)" in result.stderr


@pytest.mark.parametrize("config,message", [
    ('selct = ["FC1"]\n', "factcheck.toml: unknown key 'selct' (did you mean 'select'?)"),
    ('select = ["FC9"]\n', "factcheck.toml:select: 'FC9' names no rule"),
    ('rules = ["nowhere"]\n', "factcheck.toml:rules: rules folder 'nowhere' does not exist"),
    ('fail-on = [\n', "factcheck.toml: TOML syntax error: "),
])
def test_a_broken_config_stops_check_with_one_line(project, config, message):
    root, story = project
    (root / "factcheck.toml").write_text(config, encoding="utf-8")
    for fmt in ("full", "json"):
        result = check(story, "--format", fmt)
        assert result.exit_code == 2
        assert result.stderr.startswith("error: ") and message in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1 and result.stdout == "" and "Traceback" not in result.output


@pytest.mark.parametrize("old,new,message", [
    ('type = "toll"', 'type = "tally"', "rescues.toml: key 'type': unknown rule type 'tally'"),
    ('before = [', 'patterns = ["{n} (rescued"]\nbefore = [', "rescues.toml: pattern '{n} (rescued'"),
    ('expect = [12]', 'expect = "12"', "rescues.toml:12: examples[1]: key 'expect': must be a list"),
    ('summary', 'summary = "x"\nsummary', "rescues.toml: "),  # a key defined twice: TOML error
])
def test_a_broken_rule_file_stops_check_with_one_line(project, old, new, message):
    root, story = project
    path = root / "house-rules" / "rescues.toml"
    path.write_text(RESCUED.replace(old, new, 1), encoding="utf-8")
    result = check(story, "--rules", "house-rules")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


# --- per-story settings under --recursive ---------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_story_config_applies_under_recursive_as_when_the_story_is_checked_alone(project, jobs):
    root, story = project
    (story / "factcheck.toml").write_text('rules = ["../../house-rules"]\noutput-format = "sarif"\n', encoding="utf-8")
    other = root / "stories" / "quiet"
    other.mkdir()
    (other / "a.txt").write_text(A, encoding="utf-8")
    (other / "b.txt").write_text(B, encoding="utf-8")
    alone = CliRunner().invoke(app, ["check", str(story), "--format", "json", "--no-cache", "-j", jobs])
    under_r = CliRunner().invoke(app, ["check", "-r", "stories", "--format", "json", "--no-cache", "-j", jobs])
    assert [f["story"] for f in json.loads(under_r.stdout)["findings"] if f["rule"] == "FC401"] == ["stories/tower"]
    assert len(findings(alone)) == 1
    # the story's output-format does not shape the run: the working directory has no config
    assert CliRunner().invoke(app, ["check", "-r", "stories", "--no-cache", "-j", jobs]).stdout.startswith("Story")


def test_config_file_on_the_command_line_overrides_every_story_config(project):
    root, story = project
    (story / "factcheck.toml").write_text('rules = ["../../house-rules"]\n', encoding="utf-8")
    (root / "ci.toml").write_text('select = ["FC1"]\n', encoding="utf-8")
    assert findings(check("-r", "stories", "--format", "json", "--config", "ci.toml")) == []


def test_factcheck_config_shows_the_story_settings_and_the_run_settings(project):
    root, story = project
    (story / "factcheck.toml").write_text('rules = ["../../house-rules"]\nfail-on = "explained"\n', encoding="utf-8")
    (root / "factcheck.toml").write_text('output-format = "concise"\n', encoding="utf-8")
    doc = json.loads(CliRunner().invoke(app, ["config", str(story), "--format", "json"]).stdout)
    assert doc["settings"]["rules"]["origin"] == f"{story / 'factcheck.toml'}:rules"
    assert doc["settings"]["output-format"] == {"value": "concise", "origin": f"{root / 'factcheck.toml'}:output-format"}
    assert doc["settings"]["fail-on"] == {"value": "conflict", "origin": "default"}

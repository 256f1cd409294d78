"""Settings: where the file is found, what overrides what, what each key accepts, and
`factcheck config` showing the result with the origin of every setting."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import ConfigError, find_config, load_config
from factcheck.model import Claim, Sentence, Source


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path):
    """tmp/project/{pyproject.toml, stories/fire/} with the story folder to start from."""
    story = tmp_path / "project" / "stories" / "fire"
    story.mkdir(parents=True)
    return tmp_path / "project", story


# --- discovery and precedence ---------------------------------------------------------------


def test_factcheck_toml_is_found_walking_up_from_the_story(project):
    root, story = project
    path = write(root / "factcheck.toml", 'select = ["FC1"]\n')
    assert find_config(story) == path
    config = load_config(story, None, {})
    assert config.select == ["FC1"]
    assert config.origins["select"] == f"{path}:select"
    assert config.origins["ignore"] == "default"


def test_pyproject_counts_only_with_a_tool_factcheck_table(project):
    root, story = project
    write(root / "stories" / "pyproject.toml", "[project]\nname = 'x'\n")
    path = write(root / "pyproject.toml", '[tool.factcheck]\nfail-on = "explained"\n')
    config = load_config(story, None, {})
    assert config.path == path and config.fail_on == "explained"
    assert config.origins["fail-on"] == f"{path}:tool.factcheck.fail-on"


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(project):
    root, story = project
    write(root / "pyproject.toml", '[tool.factcheck]\nfail-on = "explained"\n')
    path = write(root / "factcheck.toml", 'fail-on = "conflict"\n')
    assert load_config(story, None, {}).path == path


def test_the_nearest_folder_wins(project):
    root, story = project
    write(root / "factcheck.toml", 'select = ["FC1"]\n')
    near = write(root / "stories" / "pyproject.toml", '[tool.factcheck]\nselect = ["FC2"]\n')
    config = load_config(story, None, {})
    assert config.path == near and config.select == ["FC2"]


def test_explicit_config_skips_discovery(project, tmp_path):
    root, story = project
    write(root / "factcheck.toml", 'select = ["FC1"]\n')
    other = write(tmp_path / "elsewhere.toml", 'select = ["FC3"]\n')
    config = load_config(story, other, {})
    assert config.path == other and config.select == ["FC3"]


def test_command_line_beats_the_file(project):
    root, story = project
    write(root / "factcheck.toml", 'select = ["FC1"]\nignore = ["FC103"]\n')
    config = load_config(story, None, {"select": ["FC2,age"], "ignore": None})
    assert config.select == ["FC2", "age"]
    assert config.origins["select"] == "command line (--select)"
    assert config.ignore == ["FC103"]


def test_no_file_means_defaults(tmp_path):
    config = load_config(tmp_path, None, {})
    assert config.path is None
    assert set(config.origins.values()) == {"default"}
    assert config.select == ["*"] and config.fail_on == "conflict" and config.output_format == "full"


def rule_folder(folder: Path) -> Path:
    """A folder holding a rule file (its content is not read by load_config)."""
    folder.mkdir()
    (folder / "rescued.toml").write_text("", encoding="utf-8")
    return folder


def test_rule_folders_are_relative_to_the_config_file(project, tmp_path, monkeypatch):
    root, story = project
    rule_folder(root / "house-rules")
    write(root / "factcheck.toml", 'rules = ["house-rules"]\n')
    monkeypatch.chdir(tmp_path)
    assert load_config(story, None, {}).rules == [root / "house-rules"]


def test_command_line_rules_add_to_the_files(project, tmp_path, monkeypatch):
    root, story = project
    rule_folder(root / "house-rules")
    rule_folder(tmp_path / "mine")
    path = write(root / "factcheck.toml", 'rules = ["house-rules"]\n')
    monkeypatch.chdir(tmp_path)
    config = load_config(story, None, {"rules": [Path("mine")]})
    assert config.rules == [root / "house-rules", tmp_path / "mine"]
    assert config.origins["rules"] == f"{path}:rules + command line (--rules)"


def test_every_setting_is_read(project):
    root, story = project
    write(root / "factcheck.toml", '''
select = ["FC1", "age"]
ignore = ["FC103"]
fail-on = "explained"
output-format = "json"
max-file-size = "5MB"
min-confidence = 0.7
exclude = [".*", "drafts"]
extend-exclude = ["archive/*.md"]

[severity]
FC203 = "error"

[tolerance]
deaths = 1

[per-source-ignores]
"wire/*.txt" = ["FC202"]
''')
    config = load_config(story, None, {})
    assert config.as_dict() == {
        "select": ["FC1", "age"], "ignore": ["FC103"], "severity": {"FC203": "error"}, "fail-on": "explained",
        "tolerance": {"deaths": 1}, "rules": [], "output-format": "json",
        "per-source-ignores": {"wire/*.txt": ["FC202"]}, "max-file-size": 5_000_000, "min-confidence": 0.7,
        "exclude": [".*", "drafts"], "extend-exclude": [f"{root.as_posix()}/archive/*.md"],
    }


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("text,message", [
    ('selct = ["FC1"]\n', "unknown key 'selct' (did you mean 'select'?)"),
    ('fail_on = "conflict"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('fail-on = "always"\n', ":fail-on: 'always' is not one of conflict, explained"),
    ('select = "FC1 FC2"\nignore = [1]\n', ":ignore: must be a list of rule codes or slugs"),
    ('select = ["FC1!"]\n', ":select: 'FC1!' is not a rule code"),
    ('[severity]\nFC101 = "fatal"\n', ":severity.FC101: 'fatal' is not one of error, warning, info"),
    ('[tolerance]\ndeaths = -1\n', ":tolerance.deaths: -1 must be a number of 0 or more"),
    ('rules = ["no-such-folder"]\n', ":rules: rules folder 'no-such-folder' does not exist"),
    ('max-file-size = "big"\n', ":max-file-size: 'big' is not a size"),
    ('min-confidence = 1.5\n', ":min-confidence: 1.5 must be a number from 0 to 1"),
    ('min-confidence = "high"\n', ":min-confidence: 'high' must be a number from 0 to 1"),
    ('output-format = "pdf"\n', ":output-format: 'pdf' is not one of full, concise"),
    ('select = [\n', "TOML syntax error: "),
])
def test_a_bad_config_names_the_file_and_the_key(project, text, message):
    root, story = project
    path = write(root / "factcheck.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(story, None, {})
    assert str(error.value).startswith(f"{path}")
    assert message in str(error.value)


def test_a_toml_syntax_error_gives_the_line(project):
    root, story = project
    write(root / "factcheck.toml", 'select = ["FC1"]\nignore = = 3\nfail-on = "conflict"\n')
    with pytest.raises(ConfigError, match=r"TOML syntax error: .*\(at line 2, column 10\)"):
        load_config(story, None, {})
    write(root / "factcheck.toml", 'select = ["FC1"]\nignore = [\n')
    with pytest.raises(ConfigError, match=r"at end of document, line 3"):
        load_config(story, None, {})


def test_an_unknown_key_in_pyproject_is_named_with_its_table(project):
    root, story = project
    path = write(root / "pyproject.toml", '[tool.factcheck]\nselekt = []\n')
    with pytest.raises(ConfigError) as error:
        load_config(story, None, {})
    assert str(error.value).startswith(f"{path}: unknown key 'tool.factcheck.selekt'")


@pytest.mark.parametrize("text,message", [
    ('select = ["FC9"]\n', ":select: 'FC9' names no rule"),
    ('ignore = ["deth"]\n', ":ignore: 'deth' names no rule"),
    ('[severity]\nFC1 = "info"\n', ":severity: 'FC1' is not a rule code or slug"),
    ('[tolerance]\ndeath = 1\n', ":tolerance.death: no rule has kind 'death'"),
])
def test_a_selector_that_names_no_rule_is_an_error_once_rules_load(project, text, message):
    root, story = project
    write(root / "factcheck.toml", text)
    config = load_config(story, None, {})
    with pytest.raises(ConfigError, match=message):
        config.ruleset()


def test_an_explicit_config_that_does_not_exist(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path, tmp_path / "nope.toml", {})


# --- effects on rules and claims -------------------------------------------------------------


def test_select_ignore_and_severity_shape_the_rule_set(project):
    root, story = project
    write(root / "factcheck.toml", 'select = ["FC1", "age"]\nignore = ["FC103"]\n[severity]\nFC102 = "info"\n')
    rules = load_config(story, None, {}).ruleset()
    assert [r.code for r in rules.rules] == ["FC101", "FC102", "FC104", "FC202"]
    assert rules.by_code("FC102").severity == "info"
    everything = load_config(story, None, {"select": ["*"]}).ruleset()
    assert everything.version != rules.version  # a claims cache keys on the selection too


def _claim(src: Source, rule: str, severity: str = "error") -> Claim:
    return Claim(kind="deaths", rule=rule, source=src.name, value=1, start=0, end=1, words="x",
                 sentence=Sentence(src.name, 0, 1, "x"), severity=severity)


def test_apply_drops_other_rules_per_source_ignores_and_sets_severity(project):
    root, story = project
    write(root / "factcheck.toml", 'select = ["FC1", "FC2"]\n[severity]\ndeaths = "warning"\n[per-source-ignores]\n"wire-*.txt" = ["FC202"]\n')
    config = load_config(story, None, {})
    rules = config.ruleset()
    wire = Source("wire-ap.txt", story / "wire-ap.txt", "x", "x", "t", "0")
    own = Source("own.txt", story / "own.txt", "x", "x", "t", "0")
    claims = [_claim(wire, "FC101"), _claim(wire, "FC202"), _claim(own, "FC202"), _claim(own, "FC301")]
    kept = config.apply([wire, own], claims, rules)
    assert [(c.source, c.rule, c.severity) for c in kept] == [
        ("wire-ap.txt", "FC101", "warning"), ("own.txt", "FC202", "error"),
    ]


def test_per_source_globs_may_name_the_path_from_the_config_folder(project):
    root, story = project
    write(root / "factcheck.toml", '[per-source-ignores]\n"stories/fire/*.txt" = ["FC101"]\n')
    config = load_config(story, None, {})
    src = Source("a.txt", story / "a.txt", "x", "x", "t", "0")
    assert config.apply([src], [_claim(src, "FC101")], config.ruleset()) == []


# --- factcheck config ------------------------------------------------------------------------


def test_factcheck_config_prints_each_setting_with_its_origin(project, monkeypatch):
    root, story = project
    path = write(root / "factcheck.toml", 'select = ["FC1"]\n[severity]\nFC203 = "error"\n')
    monkeypatch.chdir(story)
    result = CliRunner().invoke(app, ["config", "--ignore", "FC103"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"# config file: {path}"
    assert any(l.startswith('select = ["FC1"]') and l.endswith(f"# {path}:select") for l in lines)
    assert any(l.startswith('ignore = ["FC103"]') and l.endswith("# command line (--ignore)") for l in lines)
    assert any(l.startswith('severity = { FC203 = "error" }') for l in lines)
    assert any(l.startswith('fail-on = "conflict"') and l.endswith("# default") for l in lines)


def test_factcheck_config_json_and_path_argument(project, tmp_path, monkeypatch):
    root, story = project
    path = write(root / "pyproject.toml", '[tool.factcheck]\noutput-format = "sarif"\nignore = ["FC2"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["config", str(story), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["config_file"] == str(path)
    assert doc["settings"]["ignore"] == {"value": ["FC2"], "origin": f"{path}:tool.factcheck.ignore"}
    assert doc["settings"]["select"] == {"value": ["*"], "origin": "default"}
    # the format shapes the run: it comes from the working directory's config (none here)
    assert doc["settings"]["output-format"] == {"value": "full", "origin": "default"}
    monkeypatch.chdir(root)
    doc = json.loads(CliRunner().invoke(app, ["config", str(story), "--format", "json"]).stdout)
    assert doc["settings"]["output-format"] == {"value": "sarif", "origin": f"{path}:tool.factcheck.output-format"}


def test_factcheck_config_with_an_explicit_file_beats_discovery(project, tmp_path, monkeypatch):
    root, story = project
    write(root / "factcheck.toml", 'fail-on = "explained"\n')
    other = write(tmp_path / "ci.toml", 'fail-on = "conflict"\n')
    monkeypatch.chdir(story)
    doc = json.loads(CliRunner().invoke(app, ["config", "--config", str(other), "--format", "json"]).stdout)
    assert doc["config_file"] == str(other)
    assert doc["settings"]["fail-on"]["origin"] == f"{other}:fail-on"


@pytest.mark.parametrize("text,message", [
    ("selct = []\n", "unknown key 'selct'"),
    ("select = [\n", "TOML syntax error"),
    ('select = ["FC9"]\n', "'FC9' names no rule"),
])
def test_factcheck_config_reports_a_bad_file_in_one_line_exit_2(project, monkeypatch, text, message):
    root, story = project
    path = write(root / "factcheck.toml", text)
    monkeypatch.chdir(story)
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output

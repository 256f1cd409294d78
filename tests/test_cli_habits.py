"""What a ruff or flake8 user expects of the command line: --version, shell completion,
--quiet, --color, exclusions and .gitignore, CSV, one-line usage errors and a readable --help."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

CONFLICT = {"a.txt": "Fire\ndeaths: 20 in the blaze.\n", "b.txt": "Blaze\nOfficials said deaths: 17.\n"}
AGREE = {"a.txt": "Fire\ndeaths: 20 in the blaze.\n", "b.txt": "Blaze\nOfficials said deaths: 20.\n"}


def invoke(*args, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


def check(*args, **kwargs):
    return invoke("check", "-j", "1", *args, **kwargs)


# --- version and completion -----------------------------------------------------------------


def test_version_names_the_tool_and_the_rules():
    from factcheck import __version__
    from factcheck.ruleset import load_rules

    for flag in ("--version", "-V"):
        result = invoke(flag)
        assert result.exit_code == 0
        assert result.stdout == f"factcheck {__version__} (rules {load_rules().version})\n"


def _entry_point() -> str:
    found = Path(sys.executable).with_name("factcheck")
    return str(found) if found.exists() else shutil.which("factcheck") or pytest.skip("factcheck is not installed as a command")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_install_completion_writes_a_bash_script_that_completes_options(tmp_path):
    command = _entry_point()
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": shutil.which("bash")}
    # `; exit`: bash must stay the parent process (not exec the command), as in a user's shell
    installed = subprocess.run(["bash", "-c", f"'{command}' --install-completion; exit $?"], env=env, capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stderr + installed.stdout
    script = tmp_path / ".bash_completions" / "factcheck.sh"
    assert "_FACTCHECK_COMPLETE" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()
    # what the script asks the program when the user presses tab after `factcheck check --for`
    asked = subprocess.run([command], env={**env, "_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "factcheck check --for",
                                           "COMP_CWORD": "2"}, capture_output=True, text=True, timeout=120)
    assert "--format" in asked.stdout.split()


# --- usage errors and help ------------------------------------------------------------------


@pytest.mark.parametrize("args,message", [
    (["check", "--formt", "json"], "error: check: no such option: --formt"),
    (["check", "--format", "xml"], "error: check: invalid value for '--format'"),
    (["check", "-j", "0"], "error: check: invalid value for '--jobs'"),
    (["rule"], "error: rule: missing argument"),
    (["chekc"], "error: no such command 'chekc'"),
])
def test_a_usage_error_is_one_line_exit_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert "─" not in result.stderr and "Usage:" not in result.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["rule"], ["test-rules"], ["config"]])
def test_help_fits_80_columns_with_whole_option_names_and_plain_metavars(command):
    result = invoke(*command, "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert not re.search(r"<(list|path|bool|int|str)", result.stdout, re.I)
    options = [name for line in lines for name in re.findall(r"(?<![\w-])--[a-z][a-z-]+", line)]
    assert "--help" in options and not any(name.endswith("-") for name in options)
    if command == ["check"]:
        for name in ("--output-format", "--write-baseline", "--extend-exclude", "--quiet", "--color", "--exclude"):
            assert name in options
        assert "-o, --output FILE" in result.stdout and "-j, --jobs N" in result.stdout


# --- quiet and colour -----------------------------------------------------------------------


def test_quiet_keeps_the_report_and_errors_and_drops_warnings_and_notes(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", {**CONFLICT, "empty.txt": ""})
    loud = check("story", "--format", "concise", "--write-baseline", "base.json")
    assert "warning: story/empty.txt: empty file" in loud.stderr and "note: wrote 1 finding" in loud.stderr
    quiet = check("story", "missing", "--format", "concise", "-q")
    assert quiet.stderr == "error: missing: no such folder\n"
    assert quiet.stdout.startswith("story/a.txt:2:1: FC101 conflict deaths")
    assert check("story", "--baseline", "base.json", "--write-baseline", "new.json", "--quiet").stderr == ""


def test_color_always_never_and_auto(toy_engine, tmp_path, story_files, monkeypatch):
    story_files(tmp_path / "story", CONFLICT)
    assert "\x1b[" in check("story", "--color", "always").stdout
    assert "\x1b[" in check("story", "--color", "always", "-o", "report.txt").stdout + (tmp_path / "report.txt").read_text()
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" not in check("story", "--color", "never").stdout
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b[" not in check("story").stdout  # auto: not a terminal
    assert check("story", "--color", "sometimes").exit_code == 2


# --- what is read ---------------------------------------------------------------------------


@pytest.fixture
def tree(toy_engine, tmp_path, story_files):
    """A repository: two stories, a README, a dependency's changelog, drafts, and what git ignores."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("# old work\nold/\n*.draft.txt\n!keep.draft.txt\n")
    story_files(tmp_path / "stories" / "fire", CONFLICT)
    story_files(tmp_path / "stories" / "flood", AGREE)
    story_files(tmp_path / "stories" / "flood", {"b.draft.txt": "Flood\ndeaths: 99.\n", "keep.draft.txt": "Flood\ndeaths: 20.\n"})
    story_files(tmp_path / "stories" / "drafts", CONFLICT)
    story_files(tmp_path / "stories" / "old", CONFLICT)
    story_files(tmp_path / "node_modules" / "pkg", {"CHANGELOG.md": "deaths: 3\n"})
    (tmp_path / "README.md").write_text("# Stories\ndeaths: 1 in the example.\n")
    return tmp_path


def checked(result) -> dict[str, list[str]]:
    doc = json.loads(result.stdout)
    stories = doc.get("stories", [doc])
    return {s["story"]: sorted(src["name"] for src in s["sources"]) for s in stories}


def test_recursive_leaves_out_readmes_dependencies_and_what_git_ignores(tree):
    result = check("-r", ".", "--format", "json", "--extend-exclude", "drafts")
    assert checked(result) == {
        "stories/fire": ["a.txt", "b.txt"],
        "stories/flood": ["a.txt", "b.txt", "keep.draft.txt"],
    }


def test_exclude_globs_come_from_the_command_line_or_the_config(tree):
    assert "stories/drafts" in checked(check("-r", ".", "--format", "json"))
    (tree / "factcheck.toml").write_text('extend-exclude = ["stories/dr*", "fire"]\n')
    assert list(checked(check("-r", ".", "--format", "json"))) == ["stories/flood"]
    # --exclude replaces the defaults: the README's folder is a story again
    assert "." in checked(check("-r", ".", "--format", "json", "--exclude", "node_modules,.*"))


def test_a_path_named_on_the_command_line_is_checked_even_if_excluded(tree):
    result = check("stories/drafts", "--format", "json", "--extend-exclude", "drafts")
    assert checked(result) == {"stories/drafts": ["a.txt", "b.txt"]}


# --- csv ------------------------------------------------------------------------------------


def test_csv_has_one_row_per_claim_of_each_discrepancy(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "one", CONFLICT)
    story_files(tmp_path / "two", {**AGREE, "c.txt": "=HYPERLINK(1)\ninjuries: 4.\n", "d.txt": "Mud\ninjuries: 5.\n"})
    result = check("one", "two", "--format", "csv")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [(r["story"], r["status"], r["rule"], r["source"], r["value"], r["file"], r["line"], r["column"]) for r in rows] == [
        ("one", "conflict", "FC101", "a.txt", "20", "one/a.txt", "2", "1"),
        ("one", "conflict", "FC101", "b.txt", "17", "one/b.txt", "2", "16"),
        ("two", "conflict", "FC102", "c.txt", "4", "two/c.txt", "2", "1"),
        ("two", "conflict", "FC102", "d.txt", "5", "two/d.txt", "2", "1"),
    ]
    assert rows[0]["confidence"] == "" and rows[0]["words"] == "deaths: 20" and rows[0]["sentence"] == "deaths: 20 in the blaze."
    assert len({r["fingerprint"] for r in rows}) == 2
    verbose = list(csv.DictReader(io.StringIO(check("one", "two", "--format", "csv", "-v").stdout, newline="")))
    assert {r["status"] for r in verbose} == {"conflict", "agree"}


def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas():
    from factcheck.output.csv_report import cell

    assert [cell(v) for v in ("=SUM(A1)", "+1 555", "@cmd", "-2", "plain", None, 20)] == [
        "'=SUM(A1)", "'+1 555", "'@cmd", "-2", "plain", "", "20",
    ]


# --- -j default -----------------------------------------------------------------------------


@pytest.mark.parametrize("args,min_work,pooled", [
    ([], 1e9, None),            # default: little work stays in this process
    ([], 0.0, [2]),             # default: the stories after the first ones go to workers once worth it
    (["-j", "1"], 0.0, None),   # -j 1: never
    (["-j", "2"], 1e9, [0, 1, 2]),  # -j N: workers from the start
])
def test_workers_start_only_when_the_work_is_large_enough(toy_engine, tmp_path, story_files, monkeypatch, args, min_work, pooled):
    from factcheck import parallel

    for name in ("one", "two", "three"):
        story_files(tmp_path / "tree" / name, CONFLICT)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    monkeypatch.setattr(parallel, "MIN_WORK_SECONDS", min_work)
    monkeypatch.setattr(parallel, "MIN_STORY_SECONDS", 0.0)
    monkeypatch.setattr(parallel, "SAMPLE_SECONDS", 1e9)
    seen = []
    real = parallel._check_in_pool
    monkeypatch.setattr(parallel, "_check_in_pool", lambda folders, configs, indices, *rest: seen.append(list(indices)) or real(folders, configs, indices, *rest))
    result = invoke("check", "-r", "tree", "--format", "concise", "--no-cache", *args)
    assert result.exit_code == 1, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["tree/one/a.txt", "tree/three/a.txt", "tree/two/a.txt"]
    assert seen == ([] if pooled is None else [pooled])

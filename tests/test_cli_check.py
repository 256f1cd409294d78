"""`factcheck check` as CI uses it: exit codes, stderr for people and stdout for programs,
atomic report files, baselines, statistics, many stories in parallel, the pre-commit hook."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.model import LoadedStory, Problem

CONFLICT = {"a.txt": "Fire\ndeaths: 20 in the blaze.\n", "b.txt": "Blaze\nOfficials said deaths: 17.\n"}
AGREE = {"a.txt": "Fire\ndeaths: 20 in the blaze.\n", "b.txt": "Blaze\nOfficials said deaths: 20.\n"}
EXPLAINED = {"a.txt": "Fire\ndeaths: 20 in the blaze.\n", "b.txt": "Blaze\nTwo more have died since, deaths: 22.\n"}


def check(*args):
    return CliRunner().invoke(app, ["check", *map(str, args)])


# --- exit codes ---------------------------------------------------------------------------


@pytest.mark.parametrize("files,args,code", [
    (AGREE, [], 0),
    (CONFLICT, [], 1),
    (EXPLAINED, [], 0),
    (EXPLAINED, ["--fail-on", "explained"], 1),
    (CONFLICT, ["--exit-zero"], 0),
    (CONFLICT, ["--fail-on", "explained", "--exit-zero"], 0),
])
def test_exit_code(toy_engine, tmp_path, story_files, files, args, code):
    story_files(tmp_path / "story", files)
    assert check("story", "-j", "1", *args).exit_code == code


@pytest.mark.parametrize("make,message", [
    (lambda p: None, "error: story: no such folder"),
    (lambda p: p.write_text("x"), "error: story: not a folder (give the story's folder, not an article)"),
    (lambda p: p.mkdir(), "error: story: "),  # the loader's reason follows
    (lambda p: (p.mkdir(), (p / "notes.csv").write_text("x")), "error: story: "),
])
def test_an_unusable_folder_is_exit_2_with_one_line_naming_it(toy_engine, tmp_path, make, message):
    make(tmp_path / "story")
    for fmt in ("full", "json", "sarif"):
        result = check("story", "--format", fmt)
        assert result.exit_code == 2
        assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""
        assert "Traceback" not in result.output


def test_a_story_error_from_the_loader_is_reported_not_raised(toy_engine, tmp_path, story_files, monkeypatch):
    import factcheck.check
    import factcheck.load

    class StoryError(Exception):
        pass

    def refuse(folder, **_options):
        raise StoryError(f"{folder}: folder holds no articles")

    monkeypatch.setattr(factcheck.load, "StoryError", StoryError, raising=False)
    monkeypatch.setattr(factcheck.check, "load_story", refuse)
    story_files(tmp_path / "story", CONFLICT)
    result = check("story", "-j", "1")
    assert (result.exit_code, result.stderr) == (2, "error: story: folder holds no articles\n")


def test_a_bug_in_one_story_is_reported_and_the_others_checked(toy_engine, tmp_path, story_files, monkeypatch):
    import factcheck.check

    real = factcheck.check.load_story

    def flaky(folder, **options):
        if folder.name == "bad":
            raise RuntimeError("boom")
        return real(folder, **options)

    monkeypatch.setattr(factcheck.check, "load_story", flaky)
    story_files(tmp_path / "bad", CONFLICT)
    story_files(tmp_path / "good", AGREE)
    result = check("bad", "good", "-j", "1", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == "error: bad: internal error: RuntimeError: boom\n"
    assert json.loads(result.stdout)["errors"] == [{"path": "bad", "message": "internal error: RuntimeError: boom"}]
    assert "Traceback" in check("bad", "good", "-j", "1", "--verbose").stderr


def test_a_bad_folder_among_several_does_not_stop_the_others(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "one", CONFLICT)
    story_files(tmp_path / "two", AGREE)
    result = check("one", "missing", "two", "-j", "1", "--format", "concise")
    assert result.exit_code == 2
    assert result.stderr == "error: missing: no such folder\n"
    assert result.stdout.startswith("one/a.txt:2:1: FC101 conflict deaths")


def test_skipped_files_are_warnings_and_do_not_stop_the_story(toy_engine, tmp_path, story_files, monkeypatch):
    import factcheck.check

    real = factcheck.check.load_story

    def with_problem(folder, **options):
        loaded = real(folder, **options)
        return LoadedStory(loaded.sources, [Problem("scan.pdf", "not a text file")])

    monkeypatch.setattr(factcheck.check, "load_story", with_problem)
    story_files(tmp_path / "story", CONFLICT)
    result = check("story", "-j", "1", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == "warning: story/scan.pdf: not a text file\n"
    assert json.loads(result.stdout)["problems"][0]["path"] == "scan.pdf"


def test_an_unusable_rule_file_is_exit_2_without_traceback(tmp_path, story_files, monkeypatch):
    import factcheck.ruleset as ruleset

    def broken(**_):
        raise ruleset.RuleError("rules/deaths.toml: key 'code': missing")

    monkeypatch.setattr(ruleset, "load_rules", broken)
    monkeypatch.chdir(tmp_path)
    story_files(tmp_path / "story", CONFLICT)
    result = check("story", "-j", "1")
    assert (result.exit_code, result.stderr) == (2, "error: rules/deaths.toml: key 'code': missing\n")


@pytest.mark.parametrize("args", [[], ["--exit-zero"], ["--recursive"]])
def test_a_path_that_does_not_exist_fails_the_run_even_when_the_others_are_clean(toy_engine, tmp_path, story_files, args):
    story_files(tmp_path / "stories" / "one", AGREE)
    result = check("nonexist", "stories" if args == ["--recursive"] else "stories/one", "-j", "1", *args)
    assert result.exit_code == 2
    assert result.stderr == "error: nonexist: no such folder\n"
    assert "0 conflicts" in result.stdout


def test_a_usage_error_is_exit_2(tmp_path):
    assert check(tmp_path, "--format", "xml").exit_code == 2
    assert check(tmp_path, "--jobs", "0").exit_code == 2
    assert check(tmp_path, "--fail-on", "agree").exit_code == 2


def test_no_path_means_the_current_folder(toy_engine, tmp_path, story_files):
    story_files(tmp_path, CONFLICT)
    result = check("--format", "concise", "-j", "1")
    assert result.exit_code == 1 and result.stdout.startswith("a.txt:2:1:")


# --- formats and streams ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_machine_formats_keep_stdout_parseable(toy_engine, tmp_path, story_files, fmt):
    story_files(tmp_path / "story", CONFLICT)
    result = check("story", "missing", "-j", "1", "--format", fmt, "--statistics")
    json.loads(result.stdout)
    assert "error: missing: no such folder" in result.stderr
    assert "FC101  deaths" in result.stderr


def test_full_format_puts_statistics_in_the_report(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    result = check("story", "-j", "1", "--statistics")
    assert result.exit_code == 1 and result.stderr == ""
    table = result.stdout[result.stdout.index("rule "):].splitlines()
    assert table[0].split() == ["rule", "kind", "conflict", "explained", "uncertain", "agree", "unclear", "single", "baselined"]
    assert table[1].split() == ["FC101", "deaths", "1", "0", "0", "0", "0", "0", "0"]
    assert table[-1] == "1 story checked, 2 sources; 1 failing"


def test_every_format_renders_from_the_cli(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    for fmt in ("full", "concise", "json", "sarif", "github", "gitlab", "junit", "html"):
        result = check("story", "-j", "1", "--format", fmt)
        assert result.exit_code == 1, fmt
        assert "20" in result.stdout and "17" in result.stdout, fmt
    assert check("story", "--output-format", "github").stdout.startswith("::error file=story/a.txt,line=2,")


def test_progress_bar_only_for_people_formats_on_a_terminal(toy_engine, tmp_path, story_files, monkeypatch):
    from factcheck.commands import check as command

    seen = []
    real = command._progress
    monkeypatch.setattr(command, "_progress", lambda enabled, total, *_: seen.append(enabled) or real(False, total))
    story_files(tmp_path / "story", CONFLICT)
    check("story", "-j", "1")
    monkeypatch.setattr(command, "stderr_is_terminal", lambda: True)
    for fmt in ("full", "concise", "json", "sarif"):
        check("story", "-j", "1", "--format", fmt)
    check("story", "-j", "1", "--quiet")
    assert seen == [False, True, True, False, False, False]


# --- report files -------------------------------------------------------------------------


def test_output_file_gets_the_report_and_stdout_stays_empty(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.sarif").write_text("old")
    result = check("story", "-j", "1", "--format", "sarif", "-o", "out/report.sarif")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((tmp_path / "out" / "report.sarif").read_text())["version"] == "2.1.0"
    assert os.listdir(tmp_path / "out") == ["report.sarif"]


def test_full_report_to_a_file_has_no_colour_codes(toy_engine, tmp_path, story_files, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    story_files(tmp_path / "story", CONFLICT)
    check("story", "-j", "1", "-o", "report.txt")
    text = (tmp_path / "report.txt").read_text()
    assert "CONFLICT" in text and "\x1b[" not in text


def test_a_failed_write_leaves_the_old_report_and_no_temporary_file(toy_engine, tmp_path, story_files, monkeypatch):
    story_files(tmp_path / "story", CONFLICT)
    (tmp_path / "report.json").write_text('{"old": true}')

    def crash(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    result = check("story", "-j", "1", "--format", "json", "-o", "report.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "error: report.json: cannot write the report: No space left on device"
    assert (tmp_path / "report.json").read_text() == '{"old": true}'
    assert sorted(p.name for p in tmp_path.iterdir()) == [".factcheck_cache", "report.json", "story"]


def test_refuses_to_write_over_a_source_article(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    before = (tmp_path / "story" / "a.txt").read_text()
    for target in ("story/a.txt", "story/../story/a.txt"):
        result = check("story", "-j", "1", "--format", "json", "-o", target)
        assert result.exit_code == 2
        assert result.stderr == f"error: {target}: refusing to write the report over a source article\n"
    baseline = check("story", "-j", "1", "--write-baseline", "story/b.txt")
    assert (baseline.exit_code, baseline.stderr) == (2, "error: story/b.txt: refusing to write the baseline over a source article\n")
    assert (tmp_path / "story" / "a.txt").read_text() == before


def test_refuses_to_write_over_an_article_reached_through_a_symlink(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "c.txt").write_text("Flood\nOfficials said 17 people died.\n")
    (tmp_path / "story" / "c.txt").symlink_to(tmp_path / "kept" / "c.txt")
    (tmp_path / "linked").symlink_to(tmp_path / "story")
    for target in ("kept/c.txt", "linked/a.txt"):
        result = check("story", "-j", "1", "--format", "json", "-o", target)
        assert (result.exit_code, result.stderr) == (2, f"error: {target}: refusing to write the report over a source article\n")
    assert (tmp_path / "kept" / "c.txt").read_text() == "Flood\nOfficials said 17 people died.\n"


def test_refuses_to_put_a_new_article_into_a_story_folder(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    result = check("story", "-j", "1", "-o", "story/report.md")
    assert result.exit_code == 2 and "where it would be read as an article" in result.stderr
    assert not (tmp_path / "story" / "report.md").exists()
    assert check("story", "-j", "1", "--format", "json", "-o", "story/report.json").exit_code == 1


def test_output_into_a_missing_folder_is_an_input_error(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    result = check("story", "-o", "nowhere/report.json", "--format", "json")
    assert result.exit_code == 2 and result.stderr.startswith("error: nowhere/report.json: cannot write the report")


# --- baseline round trip ------------------------------------------------------------------


def test_baseline_round_trip(toy_engine, tmp_path, story_files):
    story = story_files(tmp_path / "story", {**CONFLICT, "c.txt": "Smoke\ninjuries: 3 reported.\n"})
    first = check("story", "-j", "1", "--write-baseline", "fc-baseline.json")
    assert first.exit_code == 0
    assert first.stderr == "note: wrote 1 finding to baseline fc-baseline.json\n"

    # Reworded, same numbers: still known, the run is clean.
    (story / "a.txt").write_text("A new headline\n\nFirefighters said on Monday the toll was deaths: 20.\n")
    reworded = check("story", "-j", "1", "--baseline", "fc-baseline.json", "--format", "concise")
    assert (reworded.exit_code, reworded.stdout) == (0, "")
    assert "1 finding already in baseline fc-baseline.json not counted" in reworded.stderr

    # A changed number is a new finding.
    (story / "b.txt").write_text("Blaze\nOfficials said deaths: 18.\n")
    changed = check("story", "-j", "1", "--baseline", "fc-baseline.json", "--format", "concise")
    assert changed.exit_code == 1
    assert changed.stdout == "story/a.txt:3:42: FC101 conflict deaths: 20 (a.txt) vs 18 (b.txt)\n"
    assert "stale baseline entry" in changed.stderr  # the 20 vs 17 it recorded is gone

    # The conflict fixed: nothing to report, the entry is stale, in stderr and in JSON.
    (story / "b.txt").write_text("Blaze\nOfficials said deaths: 20.\n")
    fixed = check("story", "-j", "1", "--baseline", "fc-baseline.json", "--format", "json")
    assert fixed.exit_code == 0
    assert fixed.stderr == ("warning: fc-baseline.json: stale baseline entry, no longer found: "
                            "story: FC101 deaths deaths:story (a.txt=20, b.txt=17)\n")
    stale = json.loads(fixed.stdout)["baseline"]["stale"]
    assert [(e["key"], e["claims"]) for e in stale] == [("deaths:story", [["a.txt", 20], ["b.txt", 17]])]


def test_full_report_hides_baselined_findings_and_statistics_count_them(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", {**CONFLICT, "c.txt": "Smoke\ninjuries: 3 reported.\ninjuries: 4 more.\n"})
    check("story", "-j", "1", "--write-baseline", "b.json")
    (tmp_path / "story" / "b.txt").write_text("Blaze\nOfficials said deaths: 17.\ninjuries: 5\n")
    result = check("story", "-j", "1", "--baseline", "b.json", "--statistics")
    assert result.exit_code == 1
    assert "CONFLICT injuries" in result.stdout and "CONFLICT deaths" not in result.stdout
    rows = {line.split()[1]: line.split()[2:] for line in result.stdout.splitlines() if line.startswith("FC10")}
    assert rows == {"deaths": ["0", "0", "0", "0", "0", "0", "1"], "injuries": ["1", "0", "0", "0", "0", "0", "0"]}


def test_baselined_findings_are_marked_in_json_and_sarif(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    check("story", "-j", "1", "--write-baseline", "b.json")
    data = json.loads(check("story", "-j", "1", "--baseline", "b.json", "--format", "json").stdout)
    assert [f["baselined"] for f in data["findings"]] == [True]
    [result] = json.loads(check("story", "-j", "1", "--baseline", "b.json", "--format", "sarif").stdout)["runs"][0]["results"]
    assert result["baselineState"] == "unchanged" and result["suppressions"]


def test_a_bad_baseline_file_is_exit_2(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", CONFLICT)
    assert check("story", "--baseline", "none.json").stderr == "error: none.json: no such baseline file\n"
    (tmp_path / "bad.json").write_text("{")
    result = check("story", "--baseline", "bad.json")
    assert result.exit_code == 2 and result.stderr.startswith("error: bad.json: not a baseline")


# --- many stories -------------------------------------------------------------------------


def test_recursive_checks_every_folder_holding_articles(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "news" / "fire", CONFLICT)
    story_files(tmp_path / "news" / "2015" / "flood", AGREE)
    (tmp_path / "news" / "empty").mkdir()
    story_files(tmp_path / "news" / ".venv" / "lib", {"README.md": "deaths: 1\n", "LICENSE.txt": "deaths: 2\n"})
    data = json.loads(check("news", "-r", "-j", "1", "--format", "json").stdout)
    assert [s["story"] for s in data["stories"]] == ["news/2015/flood", "news/fire"]
    assert check("news/empty", "-r").stderr == "error: news/empty: no articles found in this folder or below it\n"


def test_parallel_workers_give_the_same_report_as_one_process(tmp_path, monkeypatch):
    """The real engine in worker processes: same findings, same order, as checking in-process."""
    monkeypatch.chdir(tmp_path)
    for i in range(4):
        folder = tmp_path / "stories" / f"s{i}"
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(f"Fire kills {10 + i}\nThe fire killed {10 + i} people on Monday.\n")
        (folder / "b.txt").write_text(f"Blaze\nThe blaze killed {12 + i} people on Monday, officials said.\n")
    serial = check("stories", "-r", "-j", "1", "--format", "json", "--no-cache")
    parallel = check("stories", "-r", "-j", "3", "--format", "json", "--no-cache")
    assert serial.exit_code == parallel.exit_code
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    assert len(json.loads(serial.stdout)["stories"]) == 4


def test_parallel_workers_report_bad_folders_and_fill_the_cache(toy_engine, tmp_path, story_files):
    for i in range(3):
        story_files(tmp_path / f"s{i}", CONFLICT)
    (tmp_path / "s1" / "a.txt").unlink()
    (tmp_path / "s1" / "b.txt").unlink()
    result = check("s0", "s1", "s2", "-j", "2", "--format", "json")
    assert result.stderr.startswith("error: s1: ") and result.stderr.count("\n") == 1
    assert [s["story"] for s in json.loads(result.stdout)["stories"]] == ["s0", "s2"]
    extracted = toy_engine.extracted
    check("s0", "s2", "-j", "1")
    assert toy_engine.extracted == extracted  # the workers' cache entries were used


# --- the real engine, end to end ----------------------------------------------------------


def test_end_to_end_sarif_of_a_real_conflict(tmp_path, monkeypatch):
    import jsonschema

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "a.txt").write_text("Fire\nThe fire killed 10 people on Monday.\n")
    (tmp_path / "story" / "b.txt").write_text("Blaze\nThe blaze killed 12 people on Monday.\n")
    result = check("story", "--format", "sarif", "--no-cache")
    log = json.loads(result.stdout)
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert result.exit_code == 1
    [res] = [r for r in log["runs"][0]["results"] if r["level"] == "error"]
    uris = [res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]] + [
        r["physicalLocation"]["artifactLocation"]["uri"] for r in res["relatedLocations"]]
    assert sorted(uris) == ["story/a.txt", "story/b.txt"]
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


# --- pre-commit ---------------------------------------------------------------------------


def _manifest() -> list[dict]:
    """The hook manifest, read without PyYAML (not a dependency): a list of flat mappings."""
    import ast

    hooks: list[dict] = []
    for raw in (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text().splitlines():
        line = raw.split(" #")[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            hooks.append({})
            line = line[2:]
        key, _, value = line.strip().partition(":")
        value = value.strip()
        if value.startswith("["):
            parsed = [v.strip() for v in value.strip("[]").split(",")]
        elif value in ("true", "false"):
            parsed = value == "true"
        else:
            parsed = ast.literal_eval(value) if value[:1] in "\"'" else value
        hooks[-1][key] = parsed
    return hooks


def test_pre_commit_hook_manifest():
    [hook] = _manifest()
    assert hook["id"] == "factcheck" and hook["entry"] == "factcheck check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False and hook["require_serial"] is True
    assert hook["types_or"] == ["text", "markdown"]


@pytest.mark.skipif(shutil.which("pre-commit") is None and not (Path(sys.executable).parent / "pre-commit").exists(),
                    reason="pre-commit is not installed")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    """The hook as a repository using it runs it: passes on agreeing articles, fails on a conflict."""
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def git(*args):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    git("init", "-q")
    (repo / "a.txt").write_text("Fire\nThe fire killed 10 people on Monday.\n")
    (repo / "b.txt").write_text("Blaze\nThe blaze killed 10 people on Monday.\n")
    git("add", ".")
    git("commit", "-q", "-m", "articles")

    # The committed project, as a user's pre-commit would fetch it (not whatever else is lying in this work tree).
    project = Path(__file__).parents[1]
    if not (project / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "factcheck"
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], env=env, check=True, capture_output=True)

    def try_repo():
        return subprocess.run([pre_commit, "try-repo", str(clone), "factcheck", "--all-files"],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    clean = try_repo()
    out = clean.stdout + clean.stderr
    if clean.returncode != 0 and not any(w in out for w in ("Passed", "Failed", "InvalidManifestError", "InvalidConfigError")):
        pytest.skip(f"pre-commit could not install the hook here: {clean.stdout[-500:]}{clean.stderr[-500:]}")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    (repo / "b.txt").write_text("Blaze\nThe blaze killed 12 people on Monday.\n")
    git("add", ".")
    git("commit", "-q", "-m", "conflicting toll")
    conflict = try_repo()
    assert conflict.returncode == 1, conflict.stdout
    assert "Failed" in conflict.stdout

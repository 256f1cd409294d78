"""--format jsonl: one line per story, each what --format json holds for that story."""
from __future__ import annotations

import json
import shutil
import sys
from importlib import resources
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from factcheck import parallel
from factcheck.cli import app

INPUTS = Path(__file__).parent / "inputs"
ROOT = Path(__file__).resolve().parent.parent
REPORT_SCHEMA = json.loads(resources.files("factcheck").joinpath("schema/report.schema.json").read_text("utf-8"))
STORY_SCHEMA = {"$schema": REPORT_SCHEMA["$schema"], "$defs": REPORT_SCHEMA["$defs"], "$ref": "#/$defs/story"}


def check(*args):
    return CliRunner().invoke(app, ["check", "--no-cache", "-j", "1", *map(str, args)])


def test_one_line_per_story_holding_what_the_json_report_holds_for_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(INPUTS / "desk-feed.jsonl", tmp_path / "feed.jsonl")
    args = ["feed.jsonl", "--group-by", "story_id", "missing-folder"]
    result = check(*args, "--format", "jsonl", "-o", "report.jsonl")
    assert result.exit_code == 2  # a path that does not exist; the rest is still reported
    lines = (tmp_path / "report.jsonl").read_text().splitlines()
    stories = [json.loads(line) for line in lines]
    assert [s["story"] for s in stories] == ["feed.jsonl[story_id=gull-point-fire]", "feed.jsonl[story_id=bridge-closure]", "missing-folder"]
    for story in stories[:2]:
        jsonschema.Draft202012Validator(STORY_SCHEMA).validate(story)
    assert stories[2] == {"story": "missing-folder", "error": "no such folder"}
    whole = json.loads(check(*args, "--format", "json").stdout)
    assert stories[:2] == whole["stories"]


def _generated(tmp_path: Path, stories: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    generate(tmp_path / "stories", stories, 2, seed=5, max_bytes=2048)
    return sorted(f"stories/{p.name}" for p in (tmp_path / "stories").iterdir() if p.is_dir())


def test_a_report_of_many_stories_streamed_to_its_file_is_complete_and_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folders = _generated(tmp_path, 60)
    result = CliRunner().invoke(app, ["check", "--no-cache", "-j", "2", *folders, "missing-folder", "--format", "jsonl", "-o", "report.jsonl"])
    assert result.exit_code == 2, result.stderr
    stories = [json.loads(line) for line in (tmp_path / "report.jsonl").read_text("utf-8").splitlines()]
    assert [s["story"] for s in stories] == [*folders, "missing-folder"]
    for story in stories[:-1]:
        jsonschema.Draft202012Validator(STORY_SCHEMA).validate(story)
    whole = json.loads(check(*folders, "--format", "json").stdout)
    assert stories[:-1] == whole["stories"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.jsonl")] == []


def test_lines_reach_the_disk_while_later_stories_are_still_being_checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folders = _generated(tmp_path, 12)
    seen_before_last: list[int] = []
    original = parallel.check_one

    def check_one(story, *args, **options):
        if str(story) == folders[-1]:
            [partial] = tmp_path.glob(".report.jsonl.*.tmp")
            seen_before_last.append(len(partial.read_text("utf-8").splitlines()))
        return original(story, *args, **options)

    monkeypatch.setattr(parallel, "check_one", check_one)
    assert check(*folders, "--format", "jsonl", "-o", "report.jsonl").exit_code in (0, 1)
    assert seen_before_last == [len(folders) - 1]
    assert len((tmp_path / "report.jsonl").read_text("utf-8").splitlines()) == len(folders)


def test_a_run_stopped_midway_leaves_the_previous_report_as_it_was(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folders = _generated(tmp_path, 8)
    (tmp_path / "report.jsonl").write_text("the previous run's report\n")
    original = parallel.check_one

    def check_one(story, *args, **options):
        if str(story) == folders[5]:
            raise KeyboardInterrupt
        return original(story, *args, **options)

    monkeypatch.setattr(parallel, "check_one", check_one)
    result = check(*folders, "--format", "jsonl", "-o", "report.jsonl")
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert (tmp_path / "report.jsonl").read_text() == "the previous run's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.jsonl", "stories"], "no temporary file left behind"

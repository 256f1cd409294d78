"""--format jsonl: one line per story, each what --format json holds for that story."""
from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from factcheck.cli import app

INPUTS = Path(__file__).parent / "inputs"
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

"""sources.toml: the editor's outlet, publication time (with its zone) and URL for each
file override what was read from it; a manifest that names a missing file or a date it
cannot read stops the story with one clear line."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import check_story
from factcheck.cli import app
from factcheck.load import StoryError, load_story

INPUTS = Path(__file__).parent / "inputs"


def check(*args):
    return CliRunner().invoke(app, ["check", "--no-cache", "-j", "1", *map(str, args)])


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "story"
    shutil.copytree(INPUTS / "ferry-text", folder)
    return folder


def test_the_manifest_names_outlets_times_and_urls(story):
    (story / "sources.toml").write_text(
        '[[source]]\nfile = "01_harbor-gazette.txt"\noutlet = "The Harbor Gazette (Portland)"\n'
        "published = 2025-06-02T07:40:00-04:00\nurl = \"https://harborgazette.example/ferry\"\n"
    )
    data = json.loads(check("story", "--format", "json").stdout)
    gazette = data["sources"][0]
    assert (gazette["outlet"], gazette["published"], gazette["published_at"], gazette["published_how"], gazette["url"]) == (
        "The Harbor Gazette (Portland)", "2025-06-02", "2025-06-02T07:40:00-04:00", "manifest", "https://harborgazette.example/ferry")
    assert data["sources"][1]["outlet"] == "Coastline Wire"  # not named: as read from the file
    assert "The Harbor Gazette (Portland)" in check("story", "--verbose").stdout


def test_a_time_filed_after_midnight_utc_is_dated_in_the_outlets_zone(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    feed = {"text": "A fire swept through the passenger ferry Gull Point yesterday, killing four people.", "publishedAt": "2025-06-02T01:30:00Z"}
    (folder / "feed.jsonl").write_text(json.dumps(feed) + "\n")
    read_as_utc = check_story(folder)
    assert read_as_utc.sources[0].published.isoformat() == "2025-06-02"  # a Monday in UTC
    assert [c.value for f in read_as_utc.findings for c in f.claims if f.kind == "date"] == ["2025-06-01"]
    (folder / "sources.toml").write_text('[[source]]\nfile = "feed.jsonl"\npublished = "2025-06-02T01:30:00Z"\ntimezone = "America/New_York"\n')
    in_new_york = check_story(folder)
    (source,) = in_new_york.sources
    assert (source.published.isoformat(), source.published_at.isoformat()) == ("2025-06-01", "2025-06-01T21:30:00-04:00")  # Sunday evening
    assert [c.value for f in in_new_york.findings for c in f.claims if f.kind == "date"] == ["2025-05-31"]


@pytest.mark.parametrize("manifest,message", [
    ('[[source]]\nfile = "04_missing.txt"\noutlet = "Nobody"\n', "sources.toml: source 1: 04_missing.txt: no such file in the folder"),
    ('[[source]]\nfile = "01_harbor-gazette.txt"\npublished = "the second of June"\n', "sources.toml: source 1 (01_harbor-gazette.txt): published: not a date: 'the second of June'"),
    ('[[source]]\nfile = "01_harbor-gazette.txt"\npublished = 2025-06-02T07:40:00\ntimezone = "Mars/Olympus"\n', "timezone: unknown time zone 'Mars/Olympus'"),
    ('[[source]]\nfile = "01_harbor-gazette.txt"\noutlett = "Typo"\n', "unknown key 'outlett'"),
    ('[[source]\nfile = "01_harbor-gazette.txt"\n', "sources.toml: TOML syntax error"),
    ('[[source]]\noutlet = "No file"\n', 'source 1: needs file = "NAME"'),
])
def test_a_wrong_manifest_is_one_error_line_naming_it(story, manifest, message):
    (story / "sources.toml").write_text(manifest)
    result = check("story")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: story: ") and message in result.stderr
    assert "Traceback" not in result.output
    with pytest.raises(StoryError, match="sources.toml"):
        load_story(story)

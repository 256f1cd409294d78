"""A JSON Lines feed too large to read whole is split into stories on disk: the same
stories, sources, warnings and findings as when it is grouped in memory."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.check import check_story
from factcheck.cli import app
from factcheck.feed_index import index_feed
from factcheck.load import StoryError, feed_stories
from factcheck.output import render

TOWNS = [f"Harlow {n}" for n in range(20)]


def _feed(path: Path, records: int, seed: int = 4) -> Path:
    """A feed of fire reports about many towns, interleaved, with the odd broken line, record
    without a story key and record without text."""
    rnd = random.Random(seed)
    lines = []
    for n in range(records):
        town = rnd.choice(TOWNS)
        record = {
            "story_id": town, "title": f"Fire in {town}, update {n}", "source_domain": f"outlet{n % 6}.example",
            "date_publish": f"2024-05-{1 + n % 3:02d}T{n % 24:02d}:10:00+00:00",
            "text": f"A fire swept through a grain store in {town}. {rnd.choice([3, 4, 5])} people were killed "
                    f"and {rnd.choice([10, 12])} were injured, the fire service said in its update number {n}.",
        }
        if n % 41 == 5:
            lines.append('{"story_id": "cut off')
            continue
        if n % 37 == 7:
            del record["story_id"]
        if n % 43 == 9:
            record = {"story_id": town, "video_url": "https://outlet.example/clip"}
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _reports(groups) -> str:
    return render([check_story(g) for g in groups], "json")


def test_an_indexed_feed_gives_the_stories_and_findings_of_the_feed_read_whole(tmp_path):
    feed = _feed(tmp_path / "desk.jsonl", 300)
    whole, whole_problems = feed_stories(feed, "story_id")
    (tmp_path / "index").mkdir()
    indexed, problems = feed_stories(feed, "story_id", index_dir=tmp_path / "index", in_memory_bytes=1000)
    assert all(g.index is not None for g in indexed) and all(g.index is None for g in whole)
    assert [str(g) for g in indexed] == [str(g) for g in whole]
    assert problems == whole_problems and len(problems) > 3
    assert _reports(indexed) == _reports(whole)


def test_a_small_batch_spills_many_times_and_changes_nothing(tmp_path):
    feed = _feed(tmp_path / "desk.jsonl", 200, seed=9)
    whole, _ = feed_stories(feed, "story_id")
    groups, _ = index_feed(feed, "story_id", tmp_path, batch=3)
    assert _reports(groups) == _reports(whole)


def test_a_feed_above_the_size_limit_is_grouped_on_disk_by_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _feed(tmp_path / "desk.jsonl", 300)
    (tmp_path / "small.toml").write_text('max-file-size = "20KB"\n')
    runner = CliRunner()
    whole = runner.invoke(app, ["check", "--no-cache", "desk.jsonl", "--group-by", "story_id", "--format", "json"])
    indexed = runner.invoke(app, ["check", "--no-cache", "desk.jsonl", "--group-by", "story_id", "--format", "json", "--config", "small.toml"])
    assert whole.exit_code == indexed.exit_code == 1
    assert indexed.stdout == whole.stdout and indexed.stderr == whole.stderr
    assert len(json.loads(indexed.stdout)["stories"]) == len(TOWNS)
    unsplit = runner.invoke(app, ["check", "--no-cache", "desk.jsonl", "--config", "small.toml"])
    assert unsplit.exit_code == 2 and "larger than" in unsplit.stderr, "a feed checked as one story is still read whole"


def test_a_feed_of_no_articles_is_still_no_feed_when_indexed(tmp_path):
    (tmp_path / "gold.jsonl").write_text('{"story_id": "a", "answer": 3}\n' * 50)
    with pytest.raises(StoryError, match="not a feed"):
        feed_stories(tmp_path / "gold.jsonl", "story_id", index_dir=tmp_path, in_memory_bytes=10)

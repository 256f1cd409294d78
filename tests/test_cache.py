"""The claims cache: an unchanged tree is not extracted again; anything odd in the cache is a miss."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import cache
from factcheck.cli import app
from factcheck.model import Claim, Context, Part, Quantity, Sentence, Source

STORY = {"a.txt": "Fire\ndeaths: 20 in the blaze.\n", "b.txt": "Blaze\nOfficials said deaths: 17.\n"}


def check(*args):
    return CliRunner().invoke(app, ["check", *args])


def entries(root: Path) -> list[Path]:
    return sorted((root / ".factcheck_cache" / "claims").rglob("*.json"))


def test_a_second_run_on_an_unchanged_tree_extracts_nothing(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", STORY)
    first = check("story", "-j", "1", "--format", "concise")
    assert first.exit_code == 1 and toy_engine.extracted == 2
    second = check("story", "-j", "1", "--format", "concise")
    assert toy_engine.extracted == 2, "cached claims were extracted again"
    assert second.stdout == first.stdout and second.exit_code == 1


def test_only_the_changed_article_is_extracted_again(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", STORY)
    check("story", "-j", "1")
    (tmp_path / "story" / "b.txt").write_text("Blaze\nOfficials said deaths: 20.\n")
    result = check("story", "-j", "1", "--format", "concise")
    assert toy_engine.extracted == 3
    assert result.exit_code == 0 and result.stdout == ""


def test_no_cache_extracts_every_time_and_writes_nothing(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", STORY)
    check("story", "-j", "1", "--no-cache")
    check("story", "-j", "1", "--no-cache")
    assert toy_engine.extracted == 4
    assert not (tmp_path / ".factcheck_cache").exists()


@pytest.mark.parametrize("garbage", [b"", b"{", b"\xff\xfe", b'{"layout": 1, "claims": [{"$t": "Path", "f": {}}]}',
                                     b'{"layout": 1, "claims": [{"$t": "os.system"}]}', b'{"layout": 999, "claims": []}',
                                     b'{"layout": 1, "claims": [1, 2]}'])
def test_a_corrupt_entry_is_ignored_and_rewritten(toy_engine, tmp_path, story_files, garbage):
    story_files(tmp_path / "story", STORY)
    good = check("story", "-j", "1", "--format", "concise").stdout
    for path in entries(tmp_path):
        path.write_bytes(garbage)
    again = check("story", "-j", "1", "--format", "concise")
    assert again.exit_code == 1 and again.stdout == good and toy_engine.extracted == 4
    check("story", "-j", "1")
    assert toy_engine.extracted == 4, "the corrupt entries were not rewritten"


def test_the_cache_lives_in_the_working_directory_marked_as_a_cache(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "news" / "story", STORY)
    check("news/story", "-j", "1")
    root = tmp_path / ".factcheck_cache"
    assert len(entries(tmp_path)) == 2
    assert (root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (root / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def test_an_unusable_cache_location_does_not_fail_the_run(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "story", STORY)
    (tmp_path / ".factcheck_cache").write_text("not a folder")
    result = check("story", "-j", "1", "--format", "concise")
    assert result.exit_code == 1 and "deaths: 20 (a.txt) vs 17 (b.txt)" in result.stdout


def source(text="x 20 y", **kw) -> Source:
    return Source("a.txt", Path("a.txt"), text, text, "t", "d" * 64, **kw)


def test_the_key_changes_with_content_rules_and_tool_version(monkeypatch):
    base = cache.key(source(), None)
    assert cache.key(source(), None) == base
    assert cache.key(source("x 21 y"), None) != base
    assert cache.key(Source("a.txt", Path("a.txt"), "x", "x", "t", "e" * 64), None) != cache.key(Source("a.txt", Path("a.txt"), "x", "x", "t", "f" * 64), None)

    class Rules:
        version = "rules-2"

    assert cache.key(source(), Rules()) != base

    class Narrower(Rules):
        rules = [type("Rule", (), {"code": "FC101"})()]

    assert cache.key(source(), Narrower()) != cache.key(source(), Rules()), "select/ignore must change the key"
    monkeypatch.setattr(cache, "code_version", lambda: "another engine")
    assert cache.key(source(), None) != base


def test_the_tool_version_is_part_of_the_code_version(monkeypatch):
    import factcheck

    cache.code_version.cache_clear()
    try:
        before = cache.code_version()
        monkeypatch.setattr(factcheck, "__version__", "9.9.9")
        cache.code_version.cache_clear()
        assert cache.code_version() != before
    finally:
        monkeypatch.undo()
        cache.code_version.cache_clear()


def test_claims_survive_the_round_trip_exactly():
    claim = Claim(
        kind="deaths", rule="FC101", source="a.txt", value=20.5, start=3, end=5, words="20",
        sentence=Sentence("a.txt", 0, 6, "x 20 y", paragraph=2),
        quantity=Quantity(20, 21, math.inf, "more than"), subject="people", role="victim",
        parts=(Part(3, "attacker", "gunmen"),), attacker_included=True, person="Zoë \udcff",
        context=Context(frozenset({"paris", "jewish museum"}), frozenset({"shooting"}), True, 2015),
        history=True, changed=True, severity="warning",
    )
    assert cache.loads(cache.dumps([claim, claim])) == [claim, claim]
    assert json.loads(cache.dumps([]).decode())["claims"] == []

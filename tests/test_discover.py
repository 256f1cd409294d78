"""What git ignores, read as git reads .gitignore files, and exclude globs."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.discover import Exclusions, absolute_glob, ignored_by_git


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("/build\n**/tmp/\ndocs/*.md\n*.log\n!important.log\n\\#hash.txt\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("local.txt\n!kept.md\n")
    return tmp_path


@pytest.mark.parametrize("path,ignored", [
    ("build/a.txt", True),          # anchored to the .gitignore's folder
    ("sub/build/a.txt", False),
    ("x/y/tmp/a.txt", True),        # ** crosses folders
    ("docs/a.md", True),
    ("docs/deep/a.md", False),      # * does not cross a slash
    ("a.log", True),
    ("important.log", False),       # negated
    ("#hash.txt", True),
    ("sub/local.txt", True),        # a nested .gitignore applies below its folder
    ("local.txt", False),
    ("sub/a.txt", False),
])
def test_gitignore_patterns(repo, path, ignored):
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("x")
    assert ignored_by_git(target) is ignored


def test_outside_a_repository_gitignore_is_not_read(tmp_path):
    (tmp_path / ".gitignore").write_text("*.txt\n")
    (tmp_path / "a.txt").write_text("x")
    assert ignored_by_git(tmp_path / "a.txt") is False


def test_exclude_globs_match_names_or_paths_from_their_base(tmp_path):
    rules = Exclusions((absolute_glob("stories/archive/*", tmp_path), "drafts", "*.bak.txt"), gitignore=False)
    assert rules.skips(tmp_path / "stories" / "archive" / "old")
    assert rules.skips(tmp_path / "x" / "drafts")
    assert rules.skips(tmp_path / "a.bak.txt")
    assert not rules.skips(tmp_path / "stories" / "fire")
    assert not rules.skips(Path("elsewhere") / "archive" / "old")

"""A big story checked in this process has its articles extracted by worker processes: the
same report as extracting them one by one here, the claims cache still asked first, and
the story still checked when no worker can start."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import factcheck.check as check
from factcheck import parallel
from factcheck.output import render
from factcheck.report import StoryFailure

SEEDS = Path(__file__).parents[1] / "seeds"
CLUSTER = Path(__file__).parent / "clusters"


def _a_story_of_many_articles(root: Path) -> Path:
    """The seeds and the articles of three of our own clusters' stories: ten articles or more."""
    story = root / "story"
    story.mkdir()
    for article in SEEDS.iterdir():
        shutil.copy(article, story / article.name)
    for cluster in ("cedar-hollow-office-shooting", "delmar-avenue-drive-by", "brennan-court-standoff"):
        for article in [*(CLUSTER / cluster).glob("*.txt"), *(CLUSTER / cluster).glob("*.md")]:
            shutil.copy(article, story / f"{cluster}-{article.name}")
    assert len(list(story.iterdir())) >= 10
    return story


@pytest.fixture
def extracted_by(monkeypatch, tmp_path):
    """Records the process that extracted each article (forked workers write it too)."""
    log = tmp_path / "extracted-by"
    log.touch()
    real = check.source_claims

    def source_claims(source, rules):
        with log.open("a") as f:
            f.write(f"{os.getpid()} {source.name}\n")
        return real(source, rules)

    monkeypatch.setattr(check, "source_claims", source_claims)
    return lambda: [line.split(" ", 1) for line in log.read_text().splitlines()]


def _json(result) -> str:
    return render([result], "json")


def test_a_big_story_is_extracted_by_workers_into_the_same_report(tmp_path, monkeypatch, extracted_by):
    story = _a_story_of_many_articles(tmp_path)
    [alone] = parallel.check_folders([story], jobs=1)
    assert {pid for pid, _ in extracted_by()} == {str(os.getpid())}
    monkeypatch.setattr(parallel, "MIN_SHARED_BYTES", 0)
    (tmp_path / "extracted-by").write_text("")
    [shared] = parallel.check_folders([story], jobs=2)
    by = extracted_by()
    assert _json(shared) == _json(alone) and shared.findings
    assert sorted(name for _, name in by) == sorted(s.name for s in alone.sources)
    assert str(os.getpid()) not in {pid for pid, _ in by}
    assert len({pid for pid, _ in by}) == 2  # both workers had a piece


def test_a_story_with_little_text_stays_in_this_process(tmp_path, extracted_by):
    story = _a_story_of_many_articles(tmp_path)
    parallel.check_folders([story], jobs=2)
    assert {pid for pid, _ in extracted_by()} == {str(os.getpid())}


def test_articles_in_the_claims_cache_are_not_sent_to_workers(tmp_path, monkeypatch, extracted_by):
    story = _a_story_of_many_articles(tmp_path)
    monkeypatch.setattr(parallel, "MIN_SHARED_BYTES", 0)
    [first] = parallel.check_folders([story], jobs=2, cache_dir=tmp_path / "cache")
    assert len(extracted_by()) == len(first.sources)  # the workers filled the cache
    (tmp_path / "extracted-by").write_text("")
    started = []
    monkeypatch.setattr(parallel.ArticlePool, "_start", lambda pool: started.append(pool))
    [again] = parallel.check_folders([story], jobs=2, cache_dir=tmp_path / "cache")
    assert extracted_by() == [] and started == []
    assert _json(again) == _json(first)


def test_when_no_worker_can_start_the_story_is_checked_here(tmp_path, monkeypatch, extracted_by):
    import concurrent.futures

    story = _a_story_of_many_articles(tmp_path)
    [alone] = parallel.check_folders([story], jobs=1)
    (tmp_path / "extracted-by").write_text("")

    def no_processes(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(parallel, "MIN_SHARED_BYTES", 0)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    [here] = parallel.check_folders([story], jobs=2)
    assert _json(here) == _json(alone)
    assert {pid for pid, _ in extracted_by()} == {str(os.getpid())}


def test_an_article_that_breaks_extraction_in_a_worker_fails_its_story_with_the_reason(tmp_path, monkeypatch):
    story = _a_story_of_many_articles(tmp_path)

    def broken(source, rules):
        raise ValueError(f"cannot read {source.name}")

    monkeypatch.setattr(parallel, "MIN_SHARED_BYTES", 0)
    monkeypatch.setattr(check, "source_claims", broken)
    [result] = parallel.check_folders([story], jobs=2)
    assert isinstance(result, StoryFailure)
    assert result.message.startswith("internal error: ValueError: cannot read ")


def test_the_articles_go_out_in_order_in_pieces_of_about_equal_text():
    class Article:
        def __init__(self, size):
            self.clean = "x" * size

    even = [Article(10) for _ in range(8)]
    assert parallel._pieces(list(range(8)), even, 4) == [[0, 1], [2, 3], [4, 5], [6, 7]]
    uneven = [Article(size) for size in (10, 10, 10, 10, 40, 10, 10)]
    pieces = parallel._pieces(list(range(7)), uneven, 4)
    assert [i for piece in pieces for i in piece] == list(range(7))
    assert [sum(len(uneven[i].clean) for i in piece) for piece in pieces] == [30, 50, 10, 10]
    assert parallel._pieces([2, 5], uneven, 8) == [[2], [5]]


def test_a_progress_bar_is_stopped_while_the_workers_are_forked(tmp_path, monkeypatch):
    """Its thread could hold a lock at the fork, left held for ever in the workers."""
    story = _a_story_of_many_articles(tmp_path)
    calls = []

    class Bar:
        def __enter__(self):
            calls.append("shown")

        def __exit__(self, *exc):
            calls.append("gone")

        def stop(self):
            calls.append("stop")

        def start(self):
            calls.append("start")

    forked = parallel.ArticlePool._start

    def start(pool):
        calls.append("fork")
        return forked(pool)

    monkeypatch.setattr(parallel, "MIN_SHARED_BYTES", 0)
    monkeypatch.setattr(parallel.ArticlePool, "_start", start)
    parallel.check_folders([story], jobs=2, display=Bar())
    assert calls[:2] == ["shown", "fork"] and calls[-1] == "gone"
    assert "stop" in calls and calls.index("stop") < calls.index("start")


def test_the_article_workers_stop_before_the_stories_workers_start(tmp_path, monkeypatch):
    """A big first story is shared out; the stories after it go to workers of their own, and
    no idle worker of the first is left holding memory meanwhile."""
    big = _a_story_of_many_articles(tmp_path)
    small = []
    for name in ("fire", "blaze"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_text("Fire\nThe fire killed 10 people on Monday.\n")
        (folder / "b.txt").write_text("Blaze\nThe blaze killed 12 people on Monday.\n")
        small.append(folder)
    closed = []
    close = parallel.ArticlePool.close

    def watched(pool):
        closed.append(pool.pool is not None)
        close(pool)

    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    monkeypatch.setattr(parallel, "MIN_SHARED_BYTES", 0)
    monkeypatch.setattr(parallel, "SAMPLE_SECONDS", 600)
    monkeypatch.setattr(parallel, "MIN_WORK_SECONDS", 0)
    monkeypatch.setattr(parallel, "MIN_STORY_SECONDS", 0)
    monkeypatch.setattr(parallel.ArticlePool, "close", watched)
    results = parallel.check_folders([big, *small])
    assert closed == [True, False]  # running when the stories' pool started; nothing left at the end
    assert [len(r.findings) > 0 for r in results] == [True, True, True]

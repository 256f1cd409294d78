"""Stories checked on a Dask distributed cluster instead of this machine's processes.

A story stays the unit of work: each task loads, extracts, aligns and compares one story
on a worker, which reads the story's files itself, so they must be readable at the same
absolute paths on every worker (a shared filesystem, or the same checkout everywhere).
Workers load the rules once each. Results come back in the order the stories were given,
named as given, so a report is the same as a local run's.

    from distributed import Client
    from factcheck.dask import check_on_cluster
    results = check_on_cluster([Path("stories/ferry"), Path("stories/bridge")], Client("tcp://scheduler:8786"))
    results, problems = check_feed_on_cluster(Path("/shared/archive.jsonl"), "event_id", client)
"""
from __future__ import annotations

import contextlib
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Callable

from factcheck.feeds import FeedGroup
from factcheck.model import StoryReport
from factcheck.parallel import Result, cached_claims, check_one
from factcheck.report import StoryFailure

INSTALL = "pip install 'factcheck[dask]'"


class ClusterError(Exception):
    """No cluster to run on, or none that can do the work: Dask is not installed, the scheduler
    cannot be reached, or grouping a feed on it failed (a worker lost)."""


def connect(address: str):
    """A client of the scheduler at `address` (tcp://host:8786)."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"checking on a Dask cluster needs distributed: {INSTALL}") from None
    try:
        return Client(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {' '.join(str(error).split()) or type(error).__name__}") from None


class Cluster:
    """The scheduler of one run, connected to when first needed and then once for the whole
    run (every feed it groups, every batch of settings it checks); `close` at the run's end."""

    def __init__(self, address: str):
        self.address = address
        self._client = None

    def client(self):
        """The run's client; raises ClusterError as `connect` does."""
        if self._client is None:
            self._client = connect(self.address)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


@contextlib.contextmanager
def _client(scheduler):
    """A client of `scheduler` (an address or a `distributed.Client`), closed after use when
    opened here."""
    client = connect(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        yield client
    finally:
        if client is not scheduler:
            client.close()


def check_on_cluster(
    stories: list[Path | FeedGroup],
    scheduler,
    *,
    rules_options: dict | None = None,
    check_options: dict | None = None,
    cache_dir: Path | None = None,
    on_done: Callable[[Path | FeedGroup, Result], None] | None = None,
) -> list[Result]:
    """A result per story, in the order given. `scheduler` is an address or a
    `distributed.Client`; `rules_options` and `check_options` are those of
    `factcheck.parallel.check_folders`, and `cache_dir` is the claims cache the workers
    may share (None: no cache)."""
    with _client(scheduler) as client:
        from distributed import as_completed

        options = _portable(rules_options or {})
        cache = os.path.abspath(cache_dir) if cache_dir is not None else None
        futures = client.map(_check, [_absolute(s) for s in stories], rules_options=options,
                             check_options=dict(check_options or {}), cache_dir=cache, pure=False)
        place = {future.key: i for i, future in enumerate(futures)}
        results: list[Result | None] = [None] * len(stories)
        for future in as_completed(futures, loop=client.loop):
            i = place[future.key]
            try:
                result = future.result()
            except Exception as error:  # the task was lost with its worker, or its result could not come back
                result = StoryFailure(str(stories[i]), f"internal error on the cluster: {type(error).__name__}: {error}")
            results[i] = _as_given(result, stories[i])
            if on_done:
                on_done(stories[i], results[i])
        return results  # type: ignore[return-value]


def check_feed_on_cluster(
    feed: Path, group_by: str, scheduler, *, partition_bytes: int | None = None, **options,
) -> tuple[list[Result], list]:
    """The stories of a JSON Lines feed split by `group_by`, each checked on the cluster,
    and what was wrong with the feed's lines (factcheck.model.Problem). The feed, which
    the workers must reach at the same path (a shared filesystem), is read by the workers
    in partitions of `partition_bytes` and grouped by key on the cluster, and each story's
    worker reads only its own lines, so the feed never has to fit in any machine's memory.
    `options` are those of `check_on_cluster`. Raises factcheck.load.StoryError for a file
    that gives no story."""
    with _client(scheduler) as client:
        groups, problems = group_feed(feed, group_by, client, partition_bytes)
        return check_on_cluster(groups, client, **options), problems


def group_feed(feed: Path, group_by: str, scheduler, partition_bytes: int | None = None,
               max_bytes: int = 20_000_000) -> tuple[list, list]:
    """The stories of a JSON Lines feed split by `group_by` on the cluster (see
    factcheck.dask_feed), and what was wrong with its lines; another feed is read here
    whole, up to `max_bytes`. `scheduler` is an address or a `distributed.Client`. Raises
    factcheck.load.StoryError for a file that gives no story, ClusterError when the cluster
    cannot group it."""
    from factcheck.dask_feed import group_feed_on_cluster
    from factcheck.load import StoryError, feed_stories

    with _client(scheduler) as client:
        try:
            return feed_stories(Path(feed), group_by, max_bytes, grouping=lambda path, key: group_feed_on_cluster(path, key, client, partition_bytes))
        except StoryError:
            raise
        except Exception as error:  # a worker was lost, or the cluster could not run the grouping
            raise ClusterError(f"{feed}: cannot group on the cluster: {type(error).__name__}: {' '.join(str(error).split())}") from None


def _portable(rules_options: dict) -> dict:
    """Rule folders as absolute paths: workers do not share this process's working directory."""
    return {**rules_options, "extra_dirs": [os.path.abspath(d) for d in rules_options.get("extra_dirs") or []]}


def _absolute(story: Path | FeedGroup) -> Path | FeedGroup:
    if isinstance(story, FeedGroup):
        return replace(story, path=Path(os.path.abspath(story.path)))
    return Path(os.path.abspath(story))


def _as_given(result: Result, story: Path | FeedGroup) -> Result:
    if isinstance(result, StoryReport):
        return replace(result, path=Path(str(story)))
    return replace(result, path=str(story), message=result.message.replace(str(_absolute(story)), str(story)))


_rules: dict = {}  # per worker process: the rules of each set of options, loaded once


def _check(story: Path | FeedGroup, rules_options: dict, check_options: dict, cache_dir: str | None) -> Result:
    from factcheck.ruleset import load_rules

    key = json.dumps(rules_options, sort_keys=True, default=str)
    if key not in _rules:
        _rules[key] = load_rules(**rules_options)
    return check_one(story, _rules[key], cached_claims(cache_dir), **check_options)

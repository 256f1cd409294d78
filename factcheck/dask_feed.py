"""A JSON Lines feed split into stories by key on a Dask cluster, read in partitions.

No machine reads the whole feed: the file, on a filesystem every worker shares, is cut
into byte ranges, and a partition holds the lines that start in its range. A first pass
counts each partition's lines, so that each partition knows the number of its first line
and names its records `FILE:LINE` as a local run does. The second pass reads each
partition's records and emits each one's key and place (line, byte offset, length); a
dask.bag fold gathers the places of each key on the cluster. The stories, their order
(that of each key's first article), their records and the feed's warnings are those of
grouping the feed in one process (factcheck.feeds.feed_groups), so reports are the same.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field as dataclass_field
from pathlib import Path
from typing import Iterator

from factcheck.feeds import (
    MAX_LINE_WARNINGS, FeedGroup, NotAFeed, field, group_key, is_article, is_broken_line, line_record, more_broken_lines,
    records_without_key,
)
from factcheck.model import Problem

PARTITION_BYTES = 64_000_000


@dataclass
class PartitionRead:
    """What one partition of a feed holds: the keyed records, as (key, line, offset, length,
    is an article), its warnings in line order (at most MAX_LINE_WARNINGS of lines that are
    not JSON, of `broken` in all) and how many of its articles have no key."""

    records: list[tuple[str, int, int, int, bool]] = dataclass_field(default_factory=list)
    problems: list[Problem] = dataclass_field(default_factory=list)
    broken: int = 0
    articles: int = 0
    missing: int = 0


def group_feed_on_cluster(path: Path, group_by: str, client, partition_bytes: int | None = None) -> tuple[list[FeedGroup], list[Problem]]:
    """The stories of a JSON Lines feed split by `group_by`, each carrying the places of its
    lines, and what was wrong with the feed's lines, grouped on the cluster of `client` (a
    distributed.Client) in partitions of `partition_bytes` (by default PARTITION_BYTES).
    Raises NotAFeed when no record holds an article, OSError when the feed cannot be read."""
    import dask.bag

    feed = os.path.abspath(path)
    ranges = byte_ranges(os.path.getsize(feed), partition_bytes or PARTITION_BYTES)
    counts = client.gather(client.map(count_lines, [feed] * len(ranges), ranges, pure=False))
    parts = numbered(ranges, counts)
    reads = dask.bag.from_sequence(parts, npartitions=len(parts)).map(read_partition, feed, group_by)
    places = reads.map(_records).flatten().foldby(_key, _add_place, list, _join, list)
    summaries, by_key = client.compute([reads.map(_summary), places], sync=True)
    return _groups(path, group_by, by_key), _problems(path.name, group_by, summaries)


def byte_ranges(size: int, partition_bytes: int) -> list[tuple[int, int]]:
    """The byte ranges [start, end) of a file of `size` bytes cut every `partition_bytes`."""
    step = max(1, partition_bytes)
    return [(start, min(start + step, size)) for start in range(0, size, step)] or [(0, 0)]


def numbered(ranges: list[tuple[int, int]], counts: list[int]) -> list[tuple[tuple[int, int], int]]:
    """Each byte range with the number of its first line, given how many lines each holds."""
    firsts, first = [], 1
    for count in counts:
        firsts.append(first)
        first += count
    return list(zip(ranges, firsts))


def partition_lines(feed: str, start: int, end: int) -> Iterator[tuple[int, bytes]]:
    """The lines that start in the byte range [start, end), with their offsets; a line that
    began before `start` is the previous partition's, to its end."""
    with open(feed, "rb") as file:
        if start > 0:
            file.seek(start - 1)
            if file.read(1) != b"\n":
                file.readline()
        offset = file.tell()
        while offset < end:
            raw = file.readline()
            if not raw:
                return
            yield offset, raw
            offset += len(raw)


def count_lines(feed: str, byte_range: tuple[int, int]) -> int:
    return sum(1 for _ in partition_lines(feed, *byte_range))


def read_partition(part: tuple[tuple[int, int], int], feed: str, group_by: str) -> PartitionRead:
    """The keyed records and warnings of the lines of one partition, numbered from its first line's number."""
    (start, end), first = part
    read = PartitionRead()
    name = Path(feed).name
    for number, (offset, raw) in enumerate(partition_lines(feed, start, end), first):
        item = line_record(name, number, raw.removesuffix(b"\n"))
        if isinstance(item, Problem):
            read.broken += is_broken_line(item)
            if not is_broken_line(item) or read.broken <= MAX_LINE_WARNINGS:
                read.problems.append(item)
            continue
        if item is None:
            continue
        key = group_key(field(item.fields, group_by))
        article = is_article(item.fields)
        read.articles += article
        read.missing += article and key is None
        if key is not None:  # a record of the story without text is still warned of with it
            read.records.append((key, number, offset, len(raw), article))
    return read


def _records(read: PartitionRead) -> list:
    return read.records


def _summary(read: PartitionRead) -> PartitionRead:
    """A partition's read without its records, which are folded by key on the cluster."""
    return PartitionRead([], read.problems, read.broken, read.articles, read.missing)


def _key(record: tuple) -> str:
    return record[0]


def _add_place(places: list, record: tuple) -> list:
    places.append(record[1:])
    return places


def _join(places: list, more: list) -> list:
    places.extend(more)
    return places


def _groups(path: Path, group_by: str, by_key: list[tuple[str, list]]) -> list[FeedGroup]:
    """A story for each key with an article, in order of its first article, as feed_groups gives them."""
    first_article = {key: min(line for line, _, _, article in places if article) for key, places in by_key
                     if any(article for *_, article in places)}
    places_of = dict(by_key)
    return [
        FeedGroup(path, group_by, key, places=tuple((line, offset, length) for line, offset, length, _ in sorted(places_of[key])))
        for key in sorted(first_article, key=first_article.get)
    ]


def _problems(name: str, group_by: str, summaries: list[PartitionRead]) -> list[Problem]:
    """The feed's warnings in line order, as one pass over the whole feed gives them."""
    problems, shown = [], 0
    for summary in summaries:
        for problem in summary.problems:
            if is_broken_line(problem):
                shown += 1
                if shown > MAX_LINE_WARNINGS:
                    continue
            problems.append(problem)
    broken = sum(s.broken for s in summaries)
    if broken > MAX_LINE_WARNINGS:
        problems.append(more_broken_lines(name, broken))
    if not any(s.articles for s in summaries) and not problems:
        raise NotAFeed(name)
    missing = sum(s.missing for s in summaries)
    if missing:
        problems.append(records_without_key(name, missing, group_by))
    return problems

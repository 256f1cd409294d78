"""JSON Lines feeds too large to hold in memory, split into stories on disk.

Grouping a feed by key in memory holds every record until the last line is read. A
larger feed is read one line at a time instead: each record's key and place in the file
(line, byte offset, length) go to an index, a SQLite file in a folder the caller owns,
`batch` rows at a time, so memory holds one batch and the list of keys, whatever the size
of the feed. A story is then loaded by reading back only its own lines. Names, lines,
warnings and the order of stories and records are those of the in-memory grouping, so
reports are the same.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator

from factcheck.feeds import FeedGroup, NotAFeed, Record, field, group_key, is_article, line_records, records_without_key
from factcheck.model import Problem, Source

BATCH = 10_000


def index_feed(path: Path, group_by: str, folder: Path, batch: int = BATCH) -> tuple[list[FeedGroup], list[Problem]]:
    """The stories of a JSON Lines feed split by `group_by`, in order of first appearance,
    with their index written into `folder`; and what was wrong with the feed's lines.
    Raises NotAFeed when no record holds an article, OSError when the feed cannot be read,
    ValueError when the index cannot be written."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=f"{path.name}.", suffix=".sqlite")
    os.close(handle)  # SQLite takes an empty file for a new database
    index = Path(name)
    keys: dict[str, None] = {}
    problems: list[Problem] = []
    missing = articles = 0
    place: list[int] = [0, 0]  # offset and length of the line read last
    try:
        with contextlib.closing(sqlite3.connect(index)) as db, open(path, "rb") as feed:
            db.execute("CREATE TABLE records (key TEXT, line INTEGER, offset INTEGER, length INTEGER)")
            rows: list[tuple[str, int, int, int]] = []
            for item in line_records(path.name, _numbered_lines(feed, place)):
                if isinstance(item, Problem):
                    problems.append(item)
                    continue
                key = group_key(field(item.fields, group_by))
                if is_article(item.fields):
                    articles += 1
                    if key is None:
                        missing += 1
                    else:
                        keys.setdefault(key)
                if key is not None:  # a record of the story without text is still warned of with it
                    rows.append((key, item.line, *place))
                if len(rows) >= batch:
                    _store(db, rows)
            _store(db, rows)
            db.execute("CREATE INDEX by_key ON records (key, line)")
            db.commit()
    except sqlite3.Error as error:  # the index's folder is full or cannot be written
        raise ValueError(f"cannot write its index in {folder}: {error}") from None
    if not articles and not problems:
        raise NotAFeed(path.name)
    if missing:
        problems.append(records_without_key(path.name, missing, group_by))
    return [FeedGroup(path, group_by, key, index) for key in keys], problems


def _numbered_lines(feed: BinaryIO, place: list[int]) -> Iterator[tuple[int, bytes]]:
    """The feed's lines, numbered from 1; `place` is set to where each line lies as it is
    read (line_records is done with a line before it asks for the next)."""
    offset = 0
    for number, raw in enumerate(feed, 1):
        place[:] = [offset, len(raw)]
        offset += len(raw)
        yield number, raw.removesuffix(b"\n")


def _store(db: sqlite3.Connection, rows: list) -> None:
    db.executemany("INSERT INTO records VALUES (?, ?, ?, ?)", rows)
    rows.clear()


def indexed_sources(name: str, group: FeedGroup) -> tuple[list[Source], list[Problem]]:
    """The sources of one story of an indexed feed (or of one whose places are known),
    read from its own lines only."""
    from factcheck.feeds import record_sources

    return record_sources(_indexed_records(name, group), group.path, "jsonl")


def _indexed_records(name: str, group: FeedGroup) -> Iterator[Record]:
    places = group.places
    if places is None:
        with contextlib.closing(sqlite3.connect(group.index)) as db:
            places = db.execute("SELECT line, offset, length FROM records WHERE key = ? ORDER BY line", (group.key,)).fetchall()
    with open(group.path, "rb") as feed:
        for line, offset, length in places:
            feed.seek(offset)
            raw = feed.read(length)
            yield Record(json.loads(raw.decode("utf-8-sig" if line == 1 else "utf-8")), f"{name}:{line}", line, 1)

"""A JSON Lines feed cut into byte ranges for the workers of a cluster: every line is read
by exactly one partition, under the number it has in the file, wherever the cuts fall."""
from __future__ import annotations

import json

import pytest

from factcheck.dask_feed import byte_ranges, count_lines, numbered, partition_lines, read_partition


def _line(n: int, story: str) -> bytes:
    return json.dumps({"story_id": story, "n": n, "text": f"Crews in Tórshavn cleared {n} fallen trees."},
                      ensure_ascii=False).encode("utf-8")


@pytest.fixture
def feed(tmp_path):
    """Eight lines: a byte-order mark, a blank line, a broken line, a CRLF line, multi-byte
    characters and no newline after the last line."""
    lines = [b"\xef\xbb\xbf" + _line(1, "a"), _line(2, "b"), b"", b'{"story_id": "a", "text": "cut sho',
             _line(5, "a") + b"\r", _line(6, "c"), _line(7, "b"), _line(8, "a")]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(lines))
    return path


def _partitions(feed, partition_bytes: int):
    ranges = byte_ranges(feed.stat().st_size, partition_bytes)
    counts = [count_lines(str(feed), r) for r in ranges]
    return [read_partition(part, str(feed), "story_id") for part in numbered(ranges, counts)]


def test_a_line_straddling_a_cut_belongs_to_the_partition_where_it_starts(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"first\nsecond line\nthird\n")
    assert list(partition_lines(str(path), 0, 9)) == [(0, b"first\n"), (6, b"second line\n")]
    assert list(partition_lines(str(path), 9, 25)) == [(18, b"third\n")]
    # A cut just before a line's first byte leaves the line to the next partition.
    assert list(partition_lines(str(path), 0, 6)) == [(0, b"first\n")]
    assert list(partition_lines(str(path), 6, 25)) == [(6, b"second line\n"), (18, b"third\n")]


def test_wherever_the_cuts_fall_each_line_is_read_once_under_its_own_number(feed):
    data = feed.read_bytes()
    for partition_bytes in range(1, len(data) + 2):
        reads = _partitions(feed, partition_bytes)
        records = [record for read in reads for record in read.records]
        assert [line for _, line, *_ in records] == [1, 2, 5, 6, 7, 8], partition_bytes
        for key, line, offset, length, is_article in records:
            record = json.loads(data[offset:offset + length].decode("utf-8-sig"))
            assert (record["n"], record["story_id"], is_article) == (line, key, True)
        problems = [problem for read in reads for problem in read.problems]
        assert [p.path for p in problems] == ["feed.jsonl:4"], partition_bytes
        assert sum(read.articles for read in reads) == 6


def test_an_empty_feed_is_one_empty_partition(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert _partitions(path, 100)[0].records == []

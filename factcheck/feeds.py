"""Articles in JSON feeds: news-API responses, crawler exports, JSON Lines archives.

Each record that holds an article is one source, named after where it is: `FILE:LINE`
in JSON Lines (`.jsonl`, `.jsonl.gz`), `FILE#N` in a JSON array, and every claim from it
is located at the record's line. Field names are those of common exports (news-please,
NewsAPI, GDELT-linked scrapes). JSON that holds no article at all (a gold file, a
baseline, a report, a config) is not a feed, and is left alone without a word.
"""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from factcheck.model import Problem, Source
from factcheck.timestamps import read_timestamp

FEED_SUFFIXES = (".json", ".jsonl", ".jsonl.gz")
TEXT_FIELDS = ("text", "maintext", "content", "body")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date_publish", "publishedAt", "published_at", "published", "date", "pubDate")
OUTLET_FIELDS = ("source_domain", "source.name", "outlet", "source", "site_name")
URL_FIELDS = ("url", "link")
LIST_FIELDS = ("articles", "items", "results", "data", "records")  # {"articles": [...]}
MAX_LINE_WARNINGS = 10


class NotAFeed(Exception):
    """JSON that holds no article: skipped quietly."""


@dataclass(frozen=True)
class FeedGroup:
    """The records of one feed whose `field` is `key`: one story of a feed split by key.
    `index` is where a feed too large to read whole keeps the places of its records
    (factcheck.feed_index), or `places` are those places themselves, (line, byte offset,
    length) in order, as a feed grouped on a cluster gives them (factcheck.dask_feed);
    both None for a feed read whole."""

    path: Path
    field: str
    key: str
    index: Path | None = None
    places: tuple[tuple[int, int, int], ...] | None = dataclasses.field(default=None, compare=False)  # the story is its path, field and key

    def __str__(self) -> str:
        return f"{self.path}[{self.field}={self.key}]"


@dataclass(frozen=True)
class Record:
    """One JSON object of a feed and where it starts."""

    fields: dict
    name: str  # FILE:LINE or FILE#N
    line: int
    column: int


def is_feed(name: str) -> bool:
    return name.lower().endswith(FEED_SUFFIXES)


def _is_lines(name: str) -> bool:
    return name.lower().endswith((".jsonl", ".jsonl.gz"))


def field(record: dict, name: str):
    """A field's value; a dotted name reaches into an object ("source.name")."""
    value = record
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _first_string(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = field(record, name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def is_article(record: dict) -> bool:
    return _first_string(record, TEXT_FIELDS) is not None


# --- reading records ------------------------------------------------------------------------


def read_records(name: str, data: bytes, max_bytes: int) -> tuple[list[Record], list[Problem]]:
    """Every JSON object of a feed file, and a warning for each line that cannot be read."""
    if name.lower().endswith(".gz"):
        data = _gunzip(name, data, max_bytes)
    if _is_lines(name):
        return _json_lines(name, data)
    return _json_document(name, data), []


def _gunzip(name: str, data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as file:
            out = file.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise ValueError(f"not a readable gzip file ({error})") from None
    if len(out) > max_bytes:
        raise ValueError(f"larger than {max_bytes:,} bytes once uncompressed")
    return out


def _json_lines(name: str, data: bytes) -> tuple[list[Record], list[Problem]]:
    records, problems = [], []
    for item in line_records(name, enumerate(data.split(b"\n"), 1)):
        (records if isinstance(item, Record) else problems).append(item)
    return records, problems


def line_records(name: str, lines: Iterable[tuple[int, bytes]]) -> Iterator[Record | Problem]:
    """The records of numbered JSON Lines, and a warning for each line that cannot be read,
    one line at a time: each line's record or warning comes before the next line is read."""
    broken = 0
    for number, raw in lines:
        item = line_record(name, number, raw)
        if isinstance(item, Problem) and is_broken_line(item):
            broken += 1
            if broken > MAX_LINE_WARNINGS:
                continue
        if item is not None:
            yield item
    if broken > MAX_LINE_WARNINGS:
        yield more_broken_lines(name, broken)


def line_record(name: str, number: int, raw: bytes) -> Record | Problem | None:
    """The record of line `number` of a JSON Lines feed, a warning if it holds none, None if blank."""
    if not raw.strip():
        return None
    try:
        value = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        return Problem(f"{name}:{number}", f"{NOT_JSON} ({_short(error)})")
    if not isinstance(value, dict):
        return Problem(f"{name}:{number}", f"line skipped: a JSON {type(value).__name__}, not an object")
    return Record(value, f"{name}:{number}", number, 1)


NOT_JSON = "line skipped: not valid JSON"


def is_broken_line(problem: Problem) -> bool:
    """Whether a warning is of a line that is not JSON: only the first MAX_LINE_WARNINGS are shown."""
    return problem.message.startswith(NOT_JSON)


def records_without_key(name: str, missing: int, group_by: str) -> Problem:
    return Problem(name, f"{missing} record{'s' if missing != 1 else ''} without a '{group_by}' skipped")


def more_broken_lines(name: str, broken: int) -> Problem:
    return Problem(name, f"{broken - MAX_LINE_WARNINGS} more lines skipped: not valid JSON")


def _short(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at column {error.colno}"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8"
    return "nested too deeply" if isinstance(error, RecursionError) else type(error).__name__


def _json_document(name: str, data: bytes) -> list[Record]:
    """The article records of a JSON file: an array of them, an object holding one under
    a list field ("articles"), or a single article. Anything else is NotAFeed."""
    try:
        text = data.decode("utf-8-sig")
        value = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested deeper than json can read
        raise NotAFeed(name) from None
    at = _skip_space(text, 0)
    if isinstance(value, dict) and is_article(value):
        return [Record(value, name, *_line_col(text, at))]
    if isinstance(value, dict):
        key = next((k for k in LIST_FIELDS if isinstance(value.get(k), list) and any(isinstance(r, dict) and is_article(r) for r in value[k])), None)
        if key is None:
            raise NotAFeed(name)
        value, at = value[key], _member_start(text, at, key)
    if not isinstance(value, list) or not any(isinstance(r, dict) and is_article(r) for r in value):
        raise NotAFeed(name)
    return [
        Record(item, f"{name}#{n}", *_line_col(text, start))
        for n, (item, start) in enumerate(zip(value, _element_starts(text, at)), 1)
        if isinstance(item, dict)
    ]


def is_feed_document(name: str, data: bytes) -> bool:
    """Whether a JSON file holds articles."""
    try:
        return bool(_json_document(name, data))
    except NotAFeed:
        return False


_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _element_starts(text: str, at: int):
    """Where each element of the JSON array starting at `at` begins (the text is valid JSON)."""
    at = _skip_space(text, at + 1)  # past "["
    while text[at] != "]":
        yield at
        _, end = _DECODER.raw_decode(text, at)
        at = _skip_space(text, end)
        if text[at] == ",":
            at = _skip_space(text, at + 1)


def _member_start(text: str, at: int, key: str) -> int:
    """Where the value of `key` in the JSON object starting at `at` begins (the last one, as json.loads keeps)."""
    found, at = -1, _skip_space(text, at + 1)  # past "{"
    while text[at] != "}":
        name, end = _DECODER.raw_decode(text, at)
        at = _skip_space(text, _skip_space(text, end) + 1)  # past ":"
        found = at if name == key else found
        _, end = _DECODER.raw_decode(text, at)
        at = _skip_space(text, end)
        if text[at] == ",":
            at = _skip_space(text, at + 1)
    return found


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# --- records as sources ---------------------------------------------------------------------


def feed_sources(name: str, path: Path, data: bytes, max_bytes: int, group: FeedGroup | None = None) -> tuple[list[Source], list[Problem]]:
    """A source for every article record of a feed file (of one group, if given).

    Raises NotAFeed when no record holds an article, ValueError for a file that cannot be
    read as a feed at all."""
    records, problems = _records(name, data, max_bytes)
    if group is not None:  # the file's own problems were reported when it was split into groups
        records, problems = [r for r in records if group_key(field(r.fields, group.field)) == group.key], []
    sources, notes = record_sources(records, path, "jsonl" if _is_lines(name) else "json")
    return sources, problems + notes


def record_sources(records: Iterable[Record], path: Path, input_format: str) -> tuple[list[Source], list[Problem]]:
    """A source for every article record, and a warning for every other."""
    sources, problems = [], []
    for record in records:
        if not is_article(record.fields):
            fields = ", ".join(sorted(record.fields)[:12]) or "none"
            problems.append(Problem(record.name, f"record skipped: no article text field ({'/'.join(TEXT_FIELDS)}); it has: {fields}"))
            continue
        try:
            sources.append(record_source(record, path, input_format))
        except Exception as error:  # one odd record must not cost the others
            problems.append(Problem(record.name, f"record skipped: {error}"))
    return sources, problems


_last_parsed: dict = {}  # the feed parsed last: each group of a feed is loaded on its own


def _records(name: str, data: bytes, max_bytes: int) -> tuple[list[Record], list[Problem]]:
    key = (name, hashlib.sha256(data).hexdigest(), max_bytes)
    if key not in _last_parsed:
        _last_parsed.clear()
        _last_parsed[key] = read_records(name, data, max_bytes)
    records, problems = _last_parsed[key]
    if not any(is_article(r.fields) for r in records) and not problems:
        raise NotAFeed(name)
    return records, list(problems)


def record_source(record: Record, path: Path, input_format: str) -> Source:
    from factcheck.load import text_source

    fields = record.fields
    text = _first_string(fields, TEXT_FIELDS)
    title = _first_string(fields, TITLE_FIELDS)
    day = at = None
    for key in DATE_FIELDS:  # the first date field that holds a date
        day, at = read_timestamp(fields.get(key))
        if day:
            break
    source, _ = text_source(
        record.name, path, text, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        title=title, outlet=_first_string(fields, OUTLET_FIELDS), url=_first_string(fields, URL_FIELDS),
        published=day, published_at=at, published_how="feed",
        input_format=input_format, located_at=((0, record.line, record.column),),
    )
    return source


def group_key(value) -> str | None:
    """A group key as text: "17" for 17 and "17"; None for a missing or empty key."""
    if value is None or value == "" or isinstance(value, (dict, list)):
        return None
    return json.dumps(value) if isinstance(value, bool) else str(value)


def feed_groups(path: Path, data: bytes, group_by: str, max_bytes: int) -> tuple[list[FeedGroup], list[Problem]]:
    """The stories of a feed split by `group_by`, in order of first appearance, and a
    warning for the article records that have no such key."""
    records, problems = _records(path.name, data, max_bytes)
    keys: dict[str, None] = {}
    missing = 0
    for record in records:
        if not is_article(record.fields):
            continue
        key = group_key(field(record.fields, group_by))
        if key is None:
            missing += 1
        else:
            keys.setdefault(key)
    if missing:
        problems.append(records_without_key(path.name, missing, group_by))
    return [FeedGroup(path, group_by, key) for key in keys], problems

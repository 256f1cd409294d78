"""Read the articles of a story folder into Sources, and say what was wrong with the rest.

Inputs are whatever a fact-checker saved from the web, so nothing in a file may stop the
run: a file that cannot be used is skipped with a one-line Problem, and only a folder with
nothing to check at all raises StoryError. Files are opened read-only, their size is checked
before anything is read, and no more than the size limit is ever read.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import regex

from factcheck.clean import blank, prepare
from factcheck.dates import find_publication_date
from factcheck.feeds import TEXT_FIELDS, FeedGroup, NotAFeed, feed_groups, feed_sources, is_feed, is_feed_document
from factcheck.html_input import PAGE_SUFFIXES, MissingExtractor, page_source
from factcheck.model import LoadedStory, Problem, Source

ARTICLE_SUFFIXES = {".txt", ".md"}


def is_input(name: str) -> bool:
    """A file a story folder's articles may be in: text, a web page or a JSON feed."""
    suffix = os.path.splitext(name)[1].lower()
    return suffix in ARTICLE_SUFFIXES or suffix in PAGE_SUFFIXES or is_feed(name)


def is_article_file(path: Path, max_bytes: int = 20_000_000) -> bool:
    """Whether a file holds articles: for a .json file, whether it is a feed at all, so that
    a folder holding only a gold file or a report is not taken for a story."""
    if not is_input(path.name):
        return False
    if not path.name.lower().endswith(".json"):
        return True
    try:
        return is_feed_document(path.name, _read(path, max_bytes))
    except _Skip:
        return False


class StoryError(Exception):
    """A story folder that cannot be checked at all: missing, unreadable, or no readable article.

    `problems` lists why each article in it was skipped.
    """

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


class _Skip(Exception):
    """An article that is not used; the message says why, in a few words."""


def load_story(story: Path | FeedGroup, *, max_bytes: int = 20_000_000, skip=None) -> LoadedStory:
    """The sources of one story, sorted by file name: every article file directly in a
    folder (text, web pages, each record of a JSON feed), every record of a feed file, or
    the records of one group of a feed. A folder's `sources.toml` then says what it knows
    of them. `skip(path)` true leaves a file of a folder out (a README, a file git ignores).

    Unusable files become Problems; a byte-identical copy of an earlier file or record is
    listed in `duplicates` as (copy, original) and not returned as a source.
    """
    group = story if isinstance(story, FeedGroup) else None
    folder = Path(group.path if group else story)
    sources: list[Source] = []
    problems: list[Problem] = []
    duplicates: list[tuple[str, str]] = []
    first_with: dict[str, str] = {}  # sha256 → name of the first source with those bytes
    names: set[str] = set()
    pages_without_extractor: list[str] = []
    if is_feed(folder.name) and folder.is_file():
        paths = [folder]
    else:
        paths = [p for p in _list_articles(folder) if skip is None or not skip(p)]
    for path in paths:
        name = _display_name(path.name, names)
        try:
            if group is not None and (group.index is not None or group.places is not None):  # only the story's own lines
                from factcheck.feed_index import indexed_sources

                digest, (found, notes) = "", indexed_sources(name, group)
            else:
                data = _read(path, max_bytes)
                digest = hashlib.sha256(data).hexdigest()
                if digest in first_with:
                    duplicates.append((name, first_with[digest]))
                    continue
                found, notes = _sources(name, path, data, digest, max_bytes, group)
        except NotAFeed:
            continue
        except MissingExtractor:
            pages_without_extractor.append(name)
            continue
        except _Skip as skip:
            problems.append(Problem(name, str(skip)))
            continue
        except Exception as error:  # a bug on one odd file must not cost the other articles
            problems.append(Problem(name, f"cannot process: {type(error).__name__}: {' '.join(str(error).split())}", "error"))
            continue
        first_with[digest] = name
        for source in found:
            if source.digest in first_with and source.digest != digest:
                duplicates.append((source.name, first_with[source.digest]))
                continue
            first_with[source.digest] = source.name
            sources.append(source)
        problems.extend(notes)
    if pages_without_extractor:
        more = f" ({len(pages_without_extractor)} pages)" if len(pages_without_extractor) > 1 else ""
        problems.append(Problem(pages_without_extractor[0], f"skipped{more}: {MissingExtractor.message}"))
    if folder.is_dir():
        from factcheck.manifest import ManifestError, apply_manifest

        try:
            sources = apply_manifest(folder, sources)
        except ManifestError as error:
            raise StoryError(str(error)) from None
    if not sources:
        if not paths or len(problems) == 0:
            raise StoryError(f"{story}: no articles (.txt, .md or .html files, or JSON feeds)")
        reasons = "; ".join(str(p) for p in problems[:3]) + ("; ..." if len(problems) > 3 else "")
        raise StoryError(f"{story}: no readable article ({reasons})", problems)
    return LoadedStory(sources, problems, duplicates)


def _list_articles(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if is_input(e.name)]
    except FileNotFoundError:
        raise StoryError(f"{folder}: no such folder") from None
    except NotADirectoryError:
        raise StoryError(f"{folder}: not a folder") from None
    except OSError as error:
        raise StoryError(f"{folder}: cannot read folder: {_reason(error)}") from None
    return [folder / name for name in sorted(names)]


_CONTROL = regex.compile(r"\p{Cc}")


def _display_name(name: str, taken: set[str]) -> str:
    """The file name as it can be printed: undecodable bytes and control characters replaced,
    made unique so that it can identify the source."""
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    shown = _CONTROL.sub("\ufffd", shown)
    unique, n = shown, 1
    while unique in taken:
        n += 1
        unique = f"{shown} ({n})"
    taken.add(unique)
    return unique


# --- reading -------------------------------------------------------------------------------

# Non-blocking, so that a named pipe called x.txt cannot hang the run; it is refused below.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "file no longer exists",
    errno.ELOOP: "symlink loop",
    errno.EISDIR: "is a directory",
}


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ENOENT and os.path.islink(path):
            raise _Skip("cannot read: broken symlink") from None
        raise _Skip(f"cannot read: {_reason(error)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _Skip("cannot read: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise _Skip("cannot read: not a regular file")
        if info.st_size > max_bytes:
            raise _Skip(_too_large(info.st_size, max_bytes))
        with open(fd, "rb", closefd=False) as file:
            want = min(info.st_size, max_bytes) + 1  # one byte more tells a file that grew
            data = file.read(want)
            if len(data) == want <= max_bytes:
                data += file.read(max_bytes + 1 - want)
    except OSError as error:
        raise _Skip(f"cannot read: {_reason(error)}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew after the size check
        raise _Skip(_too_large(len(data), max_bytes))
    if not data:
        raise _Skip("empty file")
    return data


def _reason(error: OSError) -> str:
    return _REASONS.get(error.errno) or (error.strerror or str(error)).lower()


def _too_large(size: int, limit: int) -> str:
    scale, unit = (1_000_000, "MB") if limit >= 1_000_000 else (1_000, "KB") if limit >= 1_000 else (1, "bytes")
    for digits in range(4):  # as many digits as it takes to show the two sizes differ
        shown, limit_shown = (f"{n / scale:.{digits}f} {unit}" for n in (size, limit))
        if shown != limit_shown:
            break
    return f"larger than {limit_shown} limit ({shown})"


# --- decoding ------------------------------------------------------------------------------

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters text does not hold. Not C1 controls: a UTF-8 file read as latin-1 is
# full of them, and is mojibake to repair, not binary.
_NOT_TEXT = re.compile("[\x01-\x08\x0e-\x1f\x7f\ufffd]")
# Terminal escape sequences (colours, titles) in text copied from a terminal: text, not binary.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# A file with valid multi-byte UTF-8 is UTF-8 when fewer than this share of its bytes are not.
_BAD_UTF8_SHARE = 0.01
_SAMPLE = 65_536


def _decode(data: bytes) -> tuple[str, str, int]:
    """The text of a file, the encoding it was read with, and how many bad bytes were replaced.

    UTF-8 (with or without BOM); UTF-16 or UTF-32 with a BOM, or UTF-16 without one when its
    NUL bytes say so; UTF-8 with a few bad bytes (replaced with U+FFFD); else cp1252, the
    usual encoding of text saved on Windows; else latin-1, which reads any bytes. Mojibake
    left by a wrong guess is repaired later, in Source.clean. Raises _Skip for binary content.
    """
    replaced = 0
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    else:
        bom = data.startswith(codecs.BOM_UTF8)
        body = data[3:] if bom else data
        wide = _utf16_without_bom(body) if b"\x00" in body else None
        if wide:
            text, encoding = body.decode(wide, errors="replace"), wide
        elif b"\x00" in body:
            raise _Skip("binary file (NUL bytes)")
        else:
            for encoding in ("utf-8", "utf-8 with bad bytes", "cp1252", "latin-1"):
                try:
                    text, replaced = _mostly_utf8(body) if encoding == "utf-8 with bad bytes" else (body.decode(encoding), 0)
                    break
                except UnicodeDecodeError:
                    continue
            encoding = "utf-8" if replaced else encoding
            encoding = "utf-8-sig" if bom and encoding == "utf-8" else encoding
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        raise _Skip("binary file (NUL characters)")
    if len(_NOT_TEXT.findall(_ANSI.sub("", sample))) > len(sample) / 20:
        raise _Skip("binary file (mostly control characters)")
    return text, encoding, replaced


def _mostly_utf8(body: bytes) -> tuple[str, int]:
    """UTF-8 text with its few bad bytes replaced, and how many: a UTF-8 article with a stray
    byte must not be read as Latin-1 whole, turning every accented letter into mojibake.
    Raises UnicodeDecodeError unless the file holds valid multi-byte sequences and under 1%
    bad bytes."""
    escaped = body.decode("utf-8", "surrogateescape")
    bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    multibyte = sum(1 for ch in escaped if ch >= "\x80") - bad
    if not multibyte or bad >= len(body) * _BAD_UTF8_SHARE:
        raise UnicodeDecodeError("utf-8", body, 0, len(body), "not UTF-8 with a few bad bytes")
    return body.decode("utf-8", "replace"), bad


# --- one source ----------------------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text saved as UTF-16 without a byte order mark: mostly
    ASCII, so nearly every other byte is NUL, on one side only. None for other NUL bytes."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd >= 0.7 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.7 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _sources(name: str, path: Path, data: bytes, digest: str, max_bytes: int, group: FeedGroup | None) -> tuple[list[Source], list[Problem]]:
    try:
        if is_feed(name):
            return feed_sources(name, path, data, max_bytes, group)
        if os.path.splitext(name)[1].lower() in PAGE_SUFFIXES:
            return [page_source(name, path, data, digest)], []
    except ValueError as error:  # a feed or page that cannot be read as one
        raise _Skip(str(error)) from None
    text, encoding, replaced = _decode(data)
    source, notes = text_source(name, path, text, digest, encoding=encoding)
    if replaced:
        notes.insert(0, Problem(name, f"invalid UTF-8: {replaced} bad byte{'s' if replaced != 1 else ''} replaced with \ufffd"))
    return [source], notes


def text_source(
    name: str, path: Path, text: str, digest: str, *, title: str | None = None, outlet: str | None = None,
    url: str | None = None, published: date | None = None, published_at: datetime | None = None,
    published_how: str = "unknown", **fields,
) -> tuple[Source, list[Problem]]:
    """A Source of an article's text. What its container said of it (a feed record's
    fields, a page's metadata) comes first, then the text's front matter and date line.
    `fields` are further Source fields (encoding, input_format, located_at)."""
    if not text.strip():
        raise _Skip("empty file (only whitespace)" if text else "empty file")
    tidy, anchors = prepare(text)
    meta, body_start, headline = _front_matter(tidy)
    notes: list[Problem] = []
    # the front matter is left out but for its title, which is checked like a headline
    spans = [(0, headline[0]), (headline[1], body_start)] if headline else [(0, body_start)] if body_start else []
    how = published_how if published else "unknown"
    if not published and meta.get("published"):
        published = parse_day(meta["published"])
        how = "front matter" if published else how
        if not published:
            notes.append(Problem(name, f"front matter: published date not understood: {meta['published'][:60]!r}"))
    if not published:
        published, how = find_publication_date(tidy[body_start:])
        if how == "date line":
            line = _DATE_LINE.search(tidy, body_start, body_start + 640)
            spans += [line.span()] if line else []
    clean = blank(tidy, spans)
    if not clean.strip():
        raise _Skip("no article text (only front matter or page boilerplate)")
    url = url or meta.get("url")
    source = Source(
        name=name,
        path=path,
        text=text,
        clean=clean,
        title=title or meta.get("title") or _title(clean, tidy) or path.stem,
        digest=digest,
        published=published,
        published_at=published_at,
        published_how=how,
        outlet=outlet or meta.get("outlet") or _outlet_from_name(name) or _host(url),
        url=url,
        anchors=anchors,
        **fields,
    )
    return source, notes


# --- metadata ------------------------------------------------------------------------------

# Front matter: simple `key: value` lines between two `---` lines at the very top.
_FRONT = regex.compile(r"\A[ \t]*---[ \t]*\n((?:[^\n]*\n){0,60}?)[ \t]*(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_LINE = regex.compile(r"^[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_FRONT_OTHER = regex.compile(r"^[ \t]*(?:#.*|-.*|[ \t]+.*|)$")  # comments, list items, continuations
_KEYS = {
    "title": "title", "headline": "title",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "published": "published", "date": "published", "pubdate": "published",
    "url": "url", "link": "url",
}
_DATE_LINE = regex.compile(r"^[ \t]*Date[ \t]*:[^\n]*", regex.M | regex.I)


def _front_matter(text: str) -> tuple[dict[str, str], int, tuple[int, int] | None]:
    """The front matter's known keys, where the article after it starts (0: none), and
    where its title's words stand (None: no title).

    The block counts as front matter only if every line in it reads as `key: value`, so a
    Markdown rule (---) above the article is not mistaken for it."""
    found = _FRONT.match(text)
    if not found:
        return {}, 0, None
    meta, headline, at = {}, None, found.start(1)
    for line in found[1].split("\n"):
        pair = _FRONT_LINE.match(line)
        if pair:
            key, value, start, end = _KEYS.get(pair[1].lower()), pair[2], pair.start(2), pair.end(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value, start, end = value[1:-1], start + 1, end - 1
            if key and value and key not in meta:
                meta[key] = value.strip()
                headline = (at + start, at + end) if key == "title" else headline
        elif not _FRONT_OTHER.match(line):
            return {}, 0, None
        at += len(line) + 1
    return meta, found.end(), headline


_ISO_DAY = regex.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


@lru_cache(maxsize=1024)
def parse_day(value: str) -> date | None:
    """A front matter date: ISO, or any format dateparser reads, on this short value only."""
    iso = _ISO_DAY.match(value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        import dateparser  # slow to import; most articles never need it

        parsed = dateparser.parse(
            value[:100], languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
        )
    except Exception:  # dateparser raises on odd input; an unreadable date is just unknown
        return None
    return parsed.date() if parsed else None


_HEADLINE_NOTE = regex.compile(r"appears in print on [^\n]{0,120}? with the headline: ([^\n]{3,200}?)\.?[ \t]*(?:Order Reprints|$)", regex.M)
_BYLINE = regex.compile(r"(?i:by)[: \t]+\p{Lu}")
_BYLINE_WORDS = frozenset("and of the de van der von la le du da di al el staff writer reporter correspondent updated posted published at in for with".split())
_TITLE_MAX = 200
_LINE = re.compile(r"^[^\S\n]*+\S[^\n]*", re.M)  # a line that is not blank
_WORD = regex.compile(r"\p{L}[\p{L}'’.]*")


def _title(clean: str, tidy: str) -> str:
    """The first line that is not a byline or a bare dateline. A "line" longer than a headline
    is the article body: then the print note's headline (nytimes.com) or a shortened line."""
    lines = []
    for found in _LINE.finditer(clean):
        lines.append(" ".join(found.group().split()).lstrip("#").strip())
        if len(lines) == 6:
            break
    line = next((line for line in lines if line and not _is_meta_line(line)), lines[0] if lines else "")
    if len(line) <= _TITLE_MAX:
        return line
    note = _HEADLINE_NOTE.search(tidy)
    if note:
        return note[1].strip()
    return line[: line.rfind(" ", 0, _TITLE_MAX)] + " …"


def _is_meta_line(line: str) -> bool:
    return _is_byline(line) or (len(line) <= 100 and find_publication_date(line)[0] is not None)


def _is_byline(line: str) -> bool:
    if not _BYLINE.match(line) or len(line) > 150 or line.endswith("."):
        return False
    words = _WORD.findall(line)[1:]
    return sum(1 for w in words if w[0].islower() and w.lower() not in _BYLINE_WORDS) < 2


_DOMAIN = regex.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2}|com|org|net|edu|gov|info|news|media|online|press|tv|fm)")
_NUMBERED = regex.compile(r"^\d+[ _.-]+")


def _outlet_from_name(name: str) -> str | None:
    """`01_nbcnews.com.txt` → nbcnews.com: collections often name files after the site."""
    stem = os.path.splitext(name)[0].lower()
    stem = _NUMBERED.sub("", stem).removeprefix("www.")
    return stem if _DOMAIN.fullmatch(stem) else None


def _host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def feed_stories(path: Path, group_by: str, max_bytes: int = 20_000_000, index_dir: Path | None = None,
                 in_memory_bytes: int | None = None, grouping=None) -> tuple[list[FeedGroup], list[Problem]]:
    """The stories of a feed file split by a field of its records, and what was wrong with
    the file (named from the feed's folder). Raises StoryError for a file that gives none.

    Given `index_dir`, a JSON Lines feed larger than `in_memory_bytes` (by default
    `max_bytes`) is grouped on disk, with its index in that folder (factcheck.feed_index),
    instead of being read whole. Given `grouping(path, group_by)`, a JSON Lines feed is
    grouped by it instead (on a cluster: factcheck.dask_feed)."""
    limit = max_bytes if in_memory_bytes is None else in_memory_bytes
    try:
        if grouping is not None and path.name.lower().endswith(".jsonl"):
            groups, problems = grouping(path, group_by)
        elif index_dir is not None and path.name.lower().endswith(".jsonl") and path.stat().st_size > limit:
            from factcheck.feed_index import index_feed

            groups, problems = index_feed(path, group_by, index_dir)
        else:
            groups, problems = feed_groups(path, _read(path, max_bytes), group_by, max_bytes)
    except NotAFeed:
        raise StoryError(f"{path}: not a feed: no record holds an article text ({', '.join(TEXT_FIELDS)})") from None
    except (_Skip, ValueError) as error:
        raise StoryError(f"{path}: {error}") from None
    except OSError as error:
        raise StoryError(f"{path}: cannot read: {_reason(error)}") from None
    if not groups:
        raise StoryError(f"{path}: no record has a '{group_by}' to group by", problems)
    return groups, problems

"""Saved web pages as articles: the main text pulled out of the page with trafilatura.

A saved page is mostly not the article: navigation, cookie banners, related stories,
comments. trafilatura (the `html` extra) keeps the article's text; its title, site name,
URL and publication time come from the page's metadata (`article:published_time`,
JSON-LD `datePublished`). Claims point into the extracted text, and each stretch of it
is located at the page's line where its words begin.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

from factcheck.model import Source
from factcheck.timestamps import read_timestamp

PAGE_SUFFIXES = {".html", ".htm"}


class MissingExtractor(Exception):
    """trafilatura is not installed."""

    message = "reading web pages needs trafilatura: pip install 'factcheck[html]'"


def page_source(name: str, path: Path, data: bytes, digest: str) -> Source:
    """The article of a saved page. Raises MissingExtractor without trafilatura, and
    ValueError for a page that holds no article."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtractor(name) from None
    from factcheck.load import text_source

    html = _decode(data)
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not any(_is_prose(line) for line in text.split("\n")):  # menus and link lists are what is left of index pages
        raise ValueError("not an article: no paragraph of running text in the page")
    day, at = _published(html)
    if day is None and getattr(document, "date", None):
        day, at = read_timestamp(document.date)
    source, _ = text_source(
        name, path, text, digest,
        title=getattr(document, "title", None), outlet=getattr(document, "sitename", None), url=_canonical(html) or getattr(document, "url", None),
        published=day, published_at=at, published_how="page",
        input_format="html", located_at=_located(text, html),
    )
    return source


def _is_prose(line: str) -> bool:
    """A line of running text: eight words or more, ending a sentence."""
    return len(line.split()) >= 8 and line.rstrip().endswith((".", "!", "?", "…", '"', "”", "’"))


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def _decode(data: bytes) -> str:
    """The page as text, in the charset it declares, else UTF-8, else cp1252."""
    declared = _CHARSET.search(data[:4096])
    for encoding in ([declared[1].decode("ascii")] if declared else []) + ["utf-8-sig", "cp1252"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


# --- metadata ------------------------------------------------------------------------------

_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TIME_PROPERTIES = ("article:published_time", "og:article:published_time", "datepublished", "pubdate", "date")
_JSON_LD = re.compile(r"""<script[^>]+type\s*=\s*["']application/ld\+json["'][^>]*>(.*?)</script>""", re.I | re.S)
_CANONICAL = re.compile(r"""<link\b[^>]*rel\s*=\s*["']canonical["'][^>]*>""", re.I)


def _attributes(tag: str) -> dict[str, str]:
    import html as entities

    return {m[1].lower(): entities.unescape(m[2] or m[3] or m[4] or "") for m in _ATTR.finditer(tag)}


def _published(html: str) -> tuple[date | None, datetime | None]:
    """The publication time the page states: its meta tags first, then JSON-LD."""
    metas = [_attributes(tag) for tag in _META.findall(html)]
    for wanted in _TIME_PROPERTIES:
        for meta in metas:
            if (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower() == wanted:
                day, at = read_timestamp(meta.get("content"))
                if day:
                    return day, at
    for block in _JSON_LD.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in _json_ld_items(data):
            day, at = read_timestamp(item.get("datePublished"))
            if day:
                return day, at
    return None, None


def _json_ld_items(data) -> list[dict]:
    items = data if isinstance(data, list) else [data]
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            out.extend(i for i in item.get("@graph", []) if isinstance(i, dict))
    return out


def _canonical(html: str) -> str | None:
    tag = _CANONICAL.search(html)
    return _attributes(tag.group()).get("href") if tag else None


# --- where the text is in the page ---------------------------------------------------------

_BETWEEN_WORDS = r"(?:\s|&nbsp;|&#160;|<[^>]*>)+"


def _located(text: str, html: str) -> tuple[tuple[int, int, int], ...]:
    """(offset in text, line, column) of each line of the text where the page holds its
    first words; a line not found stays with the one before it."""
    body = html.lower().find("<body")
    at = max(body, 0)
    located = [(0, *_line_col(html, at))]
    offset = 0
    for line in text.split("\n"):
        words = [re.escape(w) for w in line.split()[:4]]
        if words:
            found = re.compile(_BETWEEN_WORDS.join(words)).search(html, at)
            if found:
                at = found.end()
                located.append((offset, *_line_col(html, found.start())))
        offset += len(line) + 1
    return tuple(dict((o, (o, line, col)) for o, line, col in located).values())


def _line_col(html: str, offset: int) -> tuple[int, int]:
    line = html.count("\n", 0, offset) + 1
    return line, offset - (html.rfind("\n", 0, offset) + 1) + 1



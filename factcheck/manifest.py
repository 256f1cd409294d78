"""`sources.toml`: what a story's editor knows of its sources, over what was read from them.

    [[source]]
    file = "01_riverside-post.html"      # a file of the folder, or a feed record (feed.jsonl:3)
    outlet = "The Riverside Post"
    published = 2024-03-11T21:40:00-05:00  # a TOML date-time with its zone, a date, or a string
    timezone = "America/Chicago"          # optional: the outlet's zone, for times given in another
    url = "https://riverside-post.example/news/bridge"

A file it names that is not there, a date it cannot read or a key it does not know
stops the story with one line naming the manifest and the entry.
"""
from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from factcheck.model import Source
from factcheck.timestamps import in_zone, read_timestamp

MANIFEST_NAME = "sources.toml"
_KEYS = {"file", "outlet", "published", "timezone", "url", "title"}


class ManifestError(Exception):
    """A manifest that cannot be used: the message names it and what is wrong."""


def apply_manifest(folder: Path, sources: list[Source]) -> list[Source]:
    """The sources with what the folder's manifest says of them; unchanged without one."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return sources
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{path}: TOML syntax error: {error}") from None
    unknown = sorted(set(data) - {"source"})
    if unknown or not isinstance(data.get("source", []), list):
        raise ManifestError(f"{path}: expected [[source]] entries, found {', '.join(unknown) or 'source = ...'}")
    by_name = {s.name: s for s in sources}
    for n, entry in enumerate(data.get("source", []), 1):
        where = f"{path}: source {n}"
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise ManifestError(f"{where}: needs file = \"NAME\"")
        extra = sorted(set(entry) - _KEYS)
        if extra:
            raise ManifestError(f"{where} ({entry['file']}): unknown key '{extra[0]}' (known: {', '.join(sorted(_KEYS))})")
        named = [name for name, s in by_name.items() if name == entry["file"] or s.path.name == entry["file"]]
        if not named:
            why = "no such file in the folder" if not (folder / entry["file"]).exists() else "not a readable article"
            raise ManifestError(f"{where}: {entry['file']}: {why}")
        changes = _changes(entry, where)
        for name in named:
            by_name[name] = replace(by_name[name], **changes)
    return [by_name[s.name] for s in sources]


def _changes(entry: dict, where: str) -> dict:
    changes = {}
    for key in ("outlet", "url", "title"):
        if key in entry:
            if not isinstance(entry[key], str):
                raise ManifestError(f"{where} ({entry['file']}): {key} must be a string")
            changes[key] = entry[key]
    zone = entry.get("timezone")
    if zone is not None and not isinstance(zone, str):
        raise ManifestError(f"{where} ({entry['file']}): timezone must be a name like \"Europe/Paris\"")
    if "published" in entry:
        day, at = read_timestamp(entry["published"])
        if day is None:
            raise ManifestError(f"{where} ({entry['file']}): published: not a date: {entry['published']!r}")
        if at is not None and zone:
            try:
                at = in_zone(at, zone)
            except ValueError as error:
                raise ManifestError(f"{where} ({entry['file']}): timezone: {error}") from None
            day = at.date()
        changes.update(published=day, published_at=at, published_how="manifest")
    elif zone:
        raise ManifestError(f"{where} ({entry['file']}): timezone needs published")
    return changes

"""A cache of extracted claims, so re-checking an unchanged tree does no extraction.

Entries live in `.factcheck_cache/` in the current working directory (like
`.pytest_cache`), one JSON file per article, keyed by the article's content hash
(`Source.digest`), what the loader derived from it (name, publication date, cleaned text),
the rules version and the tool version, which includes a digest of the engine's code. A
change to any of them is a miss, never a stale hit.

Claims are stored as JSON, not pickle, so a cache directory that arrives with a checkout
cannot run code. Entries are written atomically; an entry that is truncated, corrupt or
from another layout is ignored and rewritten. Nothing here ever fails a run: a cache that
cannot be read or written just is not used.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from datetime import date
from pathlib import Path

from factcheck import model
from factcheck.atomic import write_atomic
from factcheck.model import Claim, Source

CACHE_DIR_NAME = ".factcheck_cache"
LAYOUT = 1  # bump when the entry format changes

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by factcheck.\n"


def default_dir() -> Path:
    return Path.cwd() / CACHE_DIR_NAME


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The tool version plus a digest of the engine's code and built-in rule files.

    The version number alone does not change while the engine is being developed; the
    digest makes any edit of an extraction stage a cache miss.
    """
    from factcheck import __version__

    h = hashlib.sha256(f"factcheck {__version__} layout {LAYOUT}\n".encode())
    package = Path(__file__).resolve().parent
    files = sorted(package.glob("*.py"))
    try:
        import factcheck.rules as rules_pkg

        files += sorted(Path(rules_pkg.__file__).resolve().parent.glob("**/*.toml"))
    except Exception:  # no rules package: nothing to hash
        pass
    for path in files:
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            h.update(path.name.encode() + b"\0?\0")
    return h.hexdigest()


def rules_version(rules) -> str:
    """A RuleSet's own `version` (a digest of the rule files it loaded) and the codes it kept.

    The codes matter because `select`/`ignore` drop rules after the files are read, so
    the file digest alone would let a narrower run reuse a wider run's claims. The
    built-in rule files are also part of `code_version()`.
    """
    version = getattr(rules, "version", None)
    codes = sorted(str(getattr(r, "code", r)) for r in getattr(rules, "rules", None) or [])
    return json.dumps([str(version) if version is not None else "", codes])


def key(source: Source, rules) -> str:
    parts = [
        LAYOUT, code_version(), rules_version(rules), source.digest, source.name,
        source.published.isoformat() if source.published else None, source.published_how,
        hashlib.sha256(source.clean.encode("utf-8", "surrogatepass")).hexdigest(),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


# --- claims to JSON and back --------------------------------------------------------------


def _encode(obj):
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        name = type(obj).__name__
        if getattr(model, name, None) is not type(obj):
            raise TypeError(f"not a model type: {name}")
        return {"$t": name, "f": {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}}
    if isinstance(obj, tuple):
        return {"$tuple": [_encode(x) for x in obj]}
    if isinstance(obj, frozenset):
        return {"$frozenset": sorted((_encode(x) for x in obj), key=repr)}
    if isinstance(obj, list):
        return [_encode(x) for x in obj]
    if isinstance(obj, date):
        return {"$date": obj.isoformat()}
    raise TypeError(f"cannot cache a {type(obj).__name__}")


def _decode(obj):
    if isinstance(obj, list):
        return [_decode(x) for x in obj]
    if not isinstance(obj, dict):
        return obj
    if "$t" in obj:
        cls = getattr(model, obj["$t"], None)
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            raise ValueError(f"unknown type {obj['$t']!r}")
        return cls(**{k: _decode(v) for k, v in obj["f"].items()})
    if "$tuple" in obj:
        return tuple(_decode(x) for x in obj["$tuple"])
    if "$frozenset" in obj:
        return frozenset(_decode(x) for x in obj["$frozenset"])
    if "$date" in obj:
        return date.fromisoformat(obj["$date"])
    raise ValueError("unknown object in cache entry")


def dumps(claims: list[Claim]) -> bytes:
    return json.dumps({"layout": LAYOUT, "claims": _encode(list(claims))}, ensure_ascii=False).encode("utf-8", "surrogatepass")


def loads(data: bytes) -> list[Claim]:
    doc = json.loads(data.decode("utf-8", "surrogatepass"))
    if not isinstance(doc, dict) or doc.get("layout") != LAYOUT:
        raise ValueError("other cache layout")
    claims = _decode(doc["claims"])
    if not isinstance(claims, list) or not all(isinstance(c, Claim) for c in claims):
        raise ValueError("not a list of claims")
    return claims


# --- the cache ----------------------------------------------------------------------------


class ClaimCache:
    """Claims per article on disk. `get` returns None on any miss or unreadable entry."""

    def __init__(self, directory: Path | None = None):
        self.directory = Path(directory) if directory is not None else default_dir()
        self.hits = self.misses = 0
        self._ready = False

    def _path(self, k: str) -> Path:
        return self.directory / "claims" / k[:2] / f"{k}.json"

    def get(self, source: Source, rules) -> list[Claim] | None:
        try:
            claims = loads(self._path(key(source, rules)).read_bytes())
        except Exception:  # missing, truncated, corrupt, other layout: a miss
            self.misses += 1
            return None
        self.hits += 1
        return claims

    def put(self, source: Source, rules, claims: list[Claim]) -> None:
        try:
            data = dumps(claims)
            path = self._path(key(source, rules))
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data, durable=False)
        except Exception:  # read-only tree, full disk, an uncacheable claim: run uncached
            pass

    def _prepare(self) -> None:
        """Mark the directory as a cache: backup tools skip it, git ignores it."""
        if self._ready:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# created by factcheck\n*\n")):
            path = self.directory / name
            if not path.exists():
                try:
                    write_atomic(path, text.encode(), durable=False)
                except OSError:
                    pass
        self._ready = True


class CachedClaims:
    """A `claims_of(source, rules)` for `check_story` that asks the cache before extracting."""

    def __init__(self, cache: ClaimCache):
        self.cache = cache

    def __call__(self, source: Source, rules) -> list[Claim]:
        claims = self.cache.get(source, rules)
        if claims is None:
            from factcheck import check  # looked up at call time, so the engine can be swapped in tests

            claims = list(check.source_claims(source, rules))
            self.cache.put(source, rules, claims)
        return claims

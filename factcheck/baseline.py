"""Baselines: record today's discrepancies so CI fails only on new ones.

A finding's fingerprint is its rule, kind and key plus the sorted, normalised
(source name, value) pairs of its claims. Line numbers and sentence text are left out on
purpose: rewording an article keeps a known discrepancy baselined, while changing one of
the numbers makes it a new finding.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

from factcheck.atomic import write_output
from factcheck.model import Finding
from factcheck.report import DISCREPANCIES, Outcome, display_path

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read: missing, not JSON, or not a factcheck baseline."""


def normalise_value(value) -> int | float | str:
    """20, 20.0 and "20" are one value; text is compared without case or extra spaces."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else float(value)
    text = " ".join(unicodedata.normalize("NFC", str(value)).split()).casefold()
    try:
        number = float(text)
    except ValueError:
        return text
    if number != number or number in (float("inf"), float("-inf")):
        return text
    return int(number) if number.is_integer() else number


def normalise_source(name: str) -> str:
    return unicodedata.normalize("NFC", str(name).replace("\\", "/"))


def claim_pairs(finding: Finding) -> list[list]:
    pairs = {(normalise_source(c.source), normalise_value(c.value)) for c in finding.claims}
    return [list(p) for p in sorted(pairs, key=lambda p: (p[0], str(type(p[1])), str(p[1])))]


def fingerprint_text(finding: Finding) -> str:
    """The canonical text the fingerprint hashes (readable, for debugging a baseline)."""
    return _CANONICAL([finding.rule, finding.kind, finding.key, claim_pairs(finding)])


_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # made once: json.dumps makes one a call


def fingerprint(finding: Finding) -> str:
    return hashlib.sha256(fingerprint_text(finding).encode("utf-8")).hexdigest()


def entry(finding: Finding, story: str) -> dict:
    return {
        "fingerprint": fingerprint(finding),
        "rule": finding.rule,
        "kind": finding.kind,
        "key": finding.key,
        "status": finding.status,
        "story": story,
        "claims": claim_pairs(finding),
    }


def entries(outcome: Outcome, root: Path | None = None) -> list[dict]:
    """Every discrepancy of the run, baselined or not, as baseline entries."""
    out = []
    for report in outcome.reports:
        story = display_path(report.path, root)
        out.extend(entry(f, story) for f in report.findings if f.status in DISCREPANCIES)
    return sorted(out, key=lambda e: (e["story"], e["rule"], e["kind"], e["key"], e["fingerprint"]))


def dumps(items: list[dict]) -> str:
    from factcheck import __version__
    from factcheck.output import indented_json  # as the JSON report is written: the same text as json.dumps(indent=2)

    data = {"factcheck_baseline": FORMAT_VERSION, "tool_version": __version__, "findings": items}
    return indented_json(data) + "\n"


def write(path: Path, outcome: Outcome, root: Path | None = None) -> list[dict]:
    items = entries(outcome, root)
    write_output(Path(path), dumps(items).encode("utf-8"))
    return items


def load(path: Path) -> list[dict]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BaselineError(f"{path}: cannot read baseline: {e}") from None
    except json.JSONDecodeError as e:
        raise BaselineError(f"{path}: not a baseline (invalid JSON at line {e.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a factcheck baseline (no findings list)")
    version = data.get("factcheck_baseline")
    if version != FORMAT_VERSION:
        raise BaselineError(f"{path}: unsupported baseline format {version!r} (expected {FORMAT_VERSION})")
    items = data["findings"]
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise BaselineError(f"{path}: entry {i + 1} has no fingerprint")
    return items


def apply(outcome: Outcome, items: list[dict], root: Path | None = None) -> None:
    """Mark the run's findings the baseline knows; note baseline entries no longer found.

    Matching counts duplicates: a baseline holding a fingerprint once excuses one finding
    with it, not two. An entry is stale only if its story was checked in this run, so
    checking one story against a baseline of many does not report the others as gone.
    """
    remaining: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        remaining[item["fingerprint"]].append(item)
    for report in outcome.reports:
        for f in report.findings:
            if f.status not in DISCREPANCIES:
                continue
            known = remaining.get(fingerprint(f))
            if known:
                known.pop()
                outcome.baselined.add(id(f))
    checked = {display_path(r.path, root) for r in outcome.reports}
    stale = [i for left in remaining.values() for i in left if i.get("story") in checked or "story" not in i]
    outcome.stale = sorted(stale, key=lambda e: (str(e.get("story")), str(e.get("rule")), str(e.get("key"))))


def describe(item: dict) -> str:
    """One line for a stale entry: story, rule, key and the values it recorded."""
    claims = ", ".join(f"{s}={v}" for s, v in item.get("claims", []))
    return f"{item.get('story', '?')}: {item.get('rule') or '-'} {item.get('kind', '?')} {item.get('key', '?')} ({claims})"

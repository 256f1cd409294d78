"""The JSON report: the contract pipelines read (findings → kind, status, claims[].source/value).

The shape is described by `factcheck/schema/report.schema.json`. One story: its fields at
the top level. Several: `stories` holds each, and `findings` all findings of all stories
(each naming its `story`). Baselined findings stay in `findings` with `baselined: true`;
`summary` gives the counts the exit code was decided from.
"""
from __future__ import annotations

import json
from pathlib import Path

from factcheck.model import INFINITY, Claim, Finding, Source, StoryReport
from factcheck.output import indented_json
from factcheck.report import Outcome, display_path


def _number(x: float):
    if x == INFINITY:
        return None
    return int(x) if float(x).is_integer() else x


def _value(value):
    # JSON has no NaN or infinity; a number as stated is always finite, but never emit invalid JSON.
    if isinstance(value, float) and (value != value or value in (INFINITY, -INFINITY)):
        return str(value)
    return value


def claim_dict(claim: Claim, source: Source | None) -> dict:
    data = {
        "source": claim.source,
        "value": _value(claim.value),
        "rule": claim.rule,
        "text": claim.words,
        "start": claim.start,
        "end": claim.end,
        "sentence": claim.sentence.text,
        "subject": claim.subject,
        "role": claim.role,
    }
    if source is not None:
        data["line"], data["column"] = source.line_col(claim.start)
        data["end_line"], data["end_column"] = source.line_col(max(claim.end, claim.start))
    if claim.quantity is not None:
        q = claim.quantity
        data["interval"] = [_number(q.low), _number(q.high)]
        data["qualifier"] = q.qualifier
    if claim.parts:
        data["parts"] = [{"value": p.value, "role": p.role, "subject": p.subject} for p in claim.parts]
    if claim.person:
        data["person"] = claim.person
    return data


def finding_dict(finding: Finding, sources: dict[str, Source], outcome: Outcome | None = None,
                 story: str | None = None) -> dict:
    from factcheck.baseline import fingerprint

    data = {
        "kind": finding.kind,
        "status": finding.status,
        "key": finding.key,
        "label": finding.label,
        "reason": finding.reason,
        "rule": finding.rule,
        "severity": finding.severity,
        "claims": [claim_dict(c, sources.get(c.source)) for c in finding.claims],
        "fingerprint": fingerprint(finding),
        "baselined": bool(outcome and outcome.is_baselined(finding)),
        "fails": (outcome or Outcome()).counts(finding),
    }
    if finding.confidence is not None:  # discrepancies only: the contract's optional number
        data["confidence"] = finding.confidence
    if story is not None:
        data["story"] = story
    return data


def source_dict(source: Source, root: Path | None = None) -> dict:
    return {
        "name": source.name,
        "path": display_path(source.path, root),
        "title": source.title,
        "outlet": source.outlet,
        "published": source.published.isoformat() if source.published else None,
        "published_at": source.published_at.isoformat() if source.published_at else None,
        "published_how": source.published_how,
        "url": source.url,
        "sha256": source.digest,
        "encoding": source.encoding,
        "input_format": source.input_format,
    }


def story_dict(report: StoryReport, outcome: Outcome | None = None, root: Path | None = None) -> dict:
    by_name = {s.name: s for s in report.sources}
    story = str(report.path)
    return {
        "story": story,
        "sources": [source_dict(s, root) for s in report.sources],
        "findings": [finding_dict(f, by_name, outcome, story) for f in report.findings],
        "problems": [{"path": p.path, "message": p.message, "level": p.level} for p in report.problems],
        "duplicates": [{"copy": a, "original": b} for a, b in report.duplicates],
    }


def baseline_dict(outcome: Outcome, root: Path | None = None) -> dict | None:
    if outcome.baseline_path is None:
        return None
    return {
        "path": display_path(outcome.baseline_path, root),
        "baselined": len(outcome.baselined),
        "stale": [
            {"fingerprint": e.get("fingerprint"), "rule": e.get("rule", ""), "kind": e.get("kind", ""),
             "key": e.get("key", ""), "story": e.get("story", ""), "claims": e.get("claims", [])}
            for e in outcome.stale
        ],
    }


def report_dict(reports: list[StoryReport], outcome: Outcome | None = None, root: Path | None = None) -> dict:
    from factcheck import __version__

    run = outcome if outcome is not None else Outcome(reports=list(reports))
    stories = [story_dict(r, run, root) for r in reports]
    head = {"tool": {"name": "factcheck", "version": __version__}}
    if len(stories) == 1:
        data = {**head, **stories[0]}
    else:
        data = {**head, "stories": stories, "findings": [f for s in stories for f in s["findings"]]}
    data["summary"] = run.statistics().as_dict()
    data["errors"] = [{"path": str(x.path), "message": x.message} for x in run.failures]
    data["baseline"] = baseline_dict(run, root)
    return data


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, root: Path | None = None, **_options) -> str:
    """One story's report is indented for people to read; a report of several stories is one
    compact line, which the standard library's C encoder writes faster still."""
    data = report_dict(reports, outcome, root)
    if len(reports) <= 1:
        return indented_json(data) + "\n"
    return json.dumps(data, ensure_ascii=False) + "\n"

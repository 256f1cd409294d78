"""The JSON report: the contract pipelines read (findings → kind, status, claims[].source/value)."""
from __future__ import annotations

import json

from factcheck.model import INFINITY, Claim, Finding, Source, StoryReport


def _number(x: float):
    if x == INFINITY:
        return None
    return int(x) if float(x).is_integer() else x


def claim_dict(claim: Claim, source: Source | None) -> dict:
    data = {
        "source": claim.source,
        "value": claim.value,
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
    if claim.quantity is not None:
        q = claim.quantity
        data["interval"] = [_number(q.low), _number(q.high)]
        data["qualifier"] = q.qualifier
    if claim.parts:
        data["parts"] = [{"value": p.value, "role": p.role, "subject": p.subject} for p in claim.parts]
    if claim.person:
        data["person"] = claim.person
    return data


def finding_dict(finding: Finding, sources: dict[str, Source]) -> dict:
    return {
        "kind": finding.kind,
        "status": finding.status,
        "key": finding.key,
        "label": finding.label,
        "reason": finding.reason,
        "rule": finding.rule,
        "severity": finding.severity,
        "claims": [claim_dict(c, sources.get(c.source)) for c in finding.claims],
    }


def source_dict(source: Source) -> dict:
    return {
        "name": source.name,
        "title": source.title,
        "outlet": source.outlet,
        "published": source.published.isoformat() if source.published else None,
        "published_how": source.published_how,
        "url": source.url,
        "sha256": source.digest,
        "encoding": source.encoding,
    }


def story_dict(report: StoryReport) -> dict:
    by_name = {s.name: s for s in report.sources}
    return {
        "story": str(report.path),
        "sources": [source_dict(s) for s in report.sources],
        "findings": [finding_dict(f, by_name) for f in report.findings],
        "problems": [{"path": p.path, "message": p.message, "level": p.level} for p in report.problems],
        "duplicates": [{"copy": a, "original": b} for a, b in report.duplicates],
    }


def render(reports: list[StoryReport], **_options) -> str:
    from factcheck import __version__

    stories = [story_dict(r) for r in reports]
    if len(stories) == 1:
        data = {"tool": {"name": "factcheck", "version": __version__}, **stories[0]}
    else:
        data = {
            "tool": {"name": "factcheck", "version": __version__},
            "stories": stories,
            "findings": [f for s in stories for f in s["findings"]],
        }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

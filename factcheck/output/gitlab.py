"""GitLab Code Quality report (a JSON array of issues) for merge-request widgets.

Fingerprints are the sha256 of the baseline fingerprint (rule, kind, key, source names
and values), so an issue keeps its identity when an article is reworded and GitLab can
tell fixed issues from new ones. Severity: error → critical, warning → major, info →
minor for findings that fail the run; info for the rest (explained, without --fail-on).
"""
from __future__ import annotations

from pathlib import Path

from factcheck.model import StoryReport
from factcheck.output import findings_to_show, finding_message, indented_json, outcome_for, place, sources_by_name, story_path, unique_fingerprints
from factcheck.report import DISCREPANCIES, Outcome

SEVERITY = {"error": "critical", "warning": "major", "info": "minor"}


def severity(finding, outcome: Outcome) -> str:
    if finding.status not in outcome.failing_statuses:
        return "info"
    return SEVERITY.get(finding.severity, "critical")


def issues(reports: list[StoryReport], outcome: Outcome | None = None, root: Path | None = None) -> list[dict]:
    outcome = outcome_for(reports, outcome)
    shown = [(r, f) for r in reports for f in findings_to_show(r, outcome)]
    # Numbered over every discrepancy, as in SARIF, so a finding has one fingerprint in both.
    fps = unique_fingerprints(f for r in reports for f in r.findings if f.status in DISCREPANCIES)
    out = []
    sources_of = {id(r): sources_by_name(r) for r in reports}
    for report, f in shown:
        where = place(f.claims[0], report, root, sources_of[id(report)]) if f.claims else None
        lines = {"begin": where.line or 1} if where else {"begin": 1}
        if where and where.end_line:
            lines["end"] = where.end_line
        out.append({
            "type": "issue",
            "check_name": f.rule or f.kind,
            "description": finding_message(f),
            "categories": ["Bug Risk"],
            "severity": severity(f, outcome),
            "fingerprint": fps[id(f)],
            "location": {"path": where.path if where else story_path(report, root), "lines": lines},
        })
    return out


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, root: Path | None = None, **_options) -> str:
    return indented_json(issues(reports, outcome, root)) + "\n"

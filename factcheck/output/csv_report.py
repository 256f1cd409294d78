"""CSV for editors' spreadsheets: one row per claim of each discrepancy, so a sheet can be
sorted and filtered by story, source or value and every row points at the words.

A cell a spreadsheet would run as a formula (text starting with =, +, -, @) is written with
a leading apostrophe: article text must never become a formula on an editor's machine.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from factcheck.model import StoryReport
from factcheck.output import findings_to_show, outcome_for, place, sources_by_name, story_path, unique_fingerprints, value_text
from factcheck.report import Outcome

COLUMNS = (
    "story", "status", "rule", "kind", "label", "severity", "confidence", "source", "value",
    "file", "line", "column", "words", "sentence", "reason", "fingerprint",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """The text of one cell; empty for a missing value, defused if it would start a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def rows(reports: list[StoryReport], outcome: Outcome, verbose: bool = False, root: Path | None = None):
    shown = [(report, f) for report in reports for f in findings_to_show(report, outcome, verbose)]
    fingerprints = unique_fingerprints(f for _report, f in shown)
    for report, finding in shown:
        sources = sources_by_name(report)
        for claim in finding.claims:
            where = place(claim, report, root, sources)
            yield {
                "story": story_path(report, root), "status": finding.status, "rule": finding.rule,
                "kind": finding.kind, "label": finding.label, "severity": finding.severity,
                "confidence": getattr(finding, "confidence", None), "source": claim.source,
                "value": value_text(claim.value), "file": where.path, "line": where.line,
                "column": where.column, "words": claim.words, "sentence": " ".join(claim.sentence.text.split()),
                "reason": finding.reason, "fingerprint": fingerprints[id(finding)],
            }


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, verbose: bool = False,
           root: Path | None = None, **_options) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(reports, outcome_for(reports, outcome), verbose, root):
        writer.writerow([cell(row[c]) for c in COLUMNS])
    return out.getvalue()

"""One line per discrepancy, `path:line:col: FC101 conflict deaths: 20 (a.txt) vs 17 (b.txt)`.

The shape editors and grep understand (like ruff's concise output). Article text cannot
break a line: control characters in paths or values are shown as escapes.
"""
from __future__ import annotations

from pathlib import Path

from factcheck.model import StoryReport
from factcheck.output import findings_to_show, one_line, outcome_for, place, sources_by_name, story_path, values_summary
from factcheck.report import Outcome


def line(finding, report: StoryReport, root: Path | None = None, sources=None) -> str:
    where = place(finding.claims[0], report, root, sources) if finding.claims else None
    if where is None:
        head = story_path(report, root)
    elif where.line is None:
        head = where.path
    else:
        head = f"{where.path}:{where.line}:{where.column}"
    rule = finding.rule or "-"
    sure = f" (confidence {finding.confidence:.2f})" if finding.confidence is not None else ""
    return one_line(f"{head}: {rule} {finding.status} {finding.kind}: {values_summary(finding)}{sure}")


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, verbose: bool = False,
           root: Path | None = None, **_options) -> str:
    outcome = outcome_for(reports, outcome)
    lines = []
    for report in reports:
        sources = sources_by_name(report)
        lines.extend(line(f, report, root, sources) for f in findings_to_show(report, outcome, verbose))
    return "".join(f"{x}\n" for x in lines)

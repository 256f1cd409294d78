"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

One annotation per discrepancy, on the first claim; the message names every source's
value. Levels: error and warning from the severity of findings that fail the run, notice
otherwise. Values are escaped as the runner expects (`%`, CR and LF everywhere; `:` and `,`
too inside properties), so article text can neither end the command nor start another.
"""
from __future__ import annotations

from pathlib import Path

from factcheck.model import StoryReport
from factcheck.output import findings_to_show, finding_message, level, outcome_for, place, problem_path, sources_by_name
from factcheck.report import Outcome, display_path

COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def _clean(text: object) -> str:
    # Lone surrogates (undecodable bytes) cannot be written as UTF-8.
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in str(text))


def escape_data(text: object) -> str:
    return _clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: object) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props) -> str:
    given = [(k, v) for k, v in props.items() if v is not None]
    head = f"::{name}"
    if given:
        head += " " + ",".join(f"{k}={escape_property(v)}" for k, v in given)
    return f"{head}::{escape_data(message)}"


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, verbose: bool = False,
           root: Path | None = None, **_options) -> str:
    outcome = outcome_for(reports, outcome)
    lines = [command("error", f"{display_path(x.path, root)}: {x.message}", title="factcheck: story not checked")
             for x in outcome.failures]
    for report in reports:
        for p in report.problems:
            lines.append(command("error" if p.level == "error" else "warning", p.message,
                                 file=problem_path(report, p, root), title="factcheck: file skipped"))
        sources = sources_by_name(report)
        for f in findings_to_show(report, outcome):
            where = place(f.claims[0], report, root, sources) if f.claims else None
            one_line = where is not None and where.line == where.end_line  # columns only make sense on one line
            lines.append(command(
                COMMAND[level(f, outcome)],
                finding_message(f),
                file=where.path if where else None,
                line=where.line if where else None,
                endLine=where.end_line if where else None,
                col=where.column if one_line else None,
                endColumn=where.end_column if one_line else None,
                title=f"{f.rule or '-'} {f.status}: {f.kind}",
            ))
    return "".join(f"{x}\n" for x in lines)

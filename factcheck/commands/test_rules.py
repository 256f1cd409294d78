"""`factcheck test-rules [DIR]`: run every rule's examples and the annotated articles in DIR.

Exit 0 when everything passes, 1 when an example or fixture fails (each failure shows what
was expected and what the rule yielded), 2 when a rule, example, fixture or config cannot
be read. The logic lives in factcheck.rule_tests; this only prints it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from factcheck.commands import _settings as s


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def report_text(run, quiet: bool) -> str:
    from factcheck.commands._settings import origin_label

    lines = []
    for r in run.results:
        where = r.where
        if r.kind == "example":
            file, _, line = where.rpartition(":") if where.rpartition(":")[2].isdigit() else (where, "", "")
            where = origin_label(file) + (f":{line}" if line else "")
        if r.passed:
            if not quiet:
                lines.append(f"PASS  {r.name}  ({where})")
            continue
        lines.append(f"FAIL  {r.name}  ({where})")
        lines.append(f"      text: {_short(r.text)}")
        lines.append(f"      {r.difference()}")
    passed, failed = len(run.results) - len(run.failed), len(run.failed)
    lines.append(f"{passed} passed, {failed} failed")
    return "\n".join(lines) + "\n"


def run(
    fixtures: Path = typer.Argument(None, metavar="DIR", show_default=False, hidden=True),
    rules_dirs: list[Path] = s.RULES_OPTION,
    config_file: Path = s.CONFIG_OPTION,
    select: list[str] = s.SELECT_OPTION,
    output_format: s.TextOrJson = s.FORMAT_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Show failures and the summary only."),
) -> None:
    """Run every rule's examples, and the expect/ok markers of the annotated articles in DIR (a
    folder, searched recursively, or one file)."""
    from factcheck.config import ConfigError
    from factcheck.rule_tests import FixtureError, run_all
    from factcheck.ruleset import RuleError

    start = fixtures if fixtures is not None else None
    if start is not None and start.is_file():
        start = start.parent
    config, _ = s.load(start, config_file, s.overrides(rules_dirs), with_rules=False)
    config.select, config.ignore = ["*"], []  # every rule defined is tested, selected for checks or not
    chosen = [x for item in select or [] for x in item.replace(",", " ").split()] or None
    try:
        rules = config.ruleset()
        outcome = run_all(rules, fixtures, select=chosen)
    except (RuleError, FixtureError, ConfigError) as error:
        s.fail(error)
    for warning in outcome.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    if output_format == s.TextOrJson.json:
        doc = {"passed": len(outcome.results) - len(outcome.failed), "failed": len(outcome.failed),
               "results": [r.as_dict() | ({"difference": r.difference()} if not r.passed else {}) for r in outcome.results],
               "warnings": outcome.warnings}
        s.emit(json.dumps(doc, indent=2, ensure_ascii=False, default=str))
    else:
        s.emit(report_text(outcome, quiet))
    raise typer.Exit(1 if outcome.failed else 0)

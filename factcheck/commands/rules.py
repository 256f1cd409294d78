"""`factcheck rules`: every rule that would run, as a table (or JSON), with the file it came from."""
from __future__ import annotations

import json
from pathlib import Path

from factcheck.commands import _settings as s


def rows(rules) -> list[dict]:
    return [
        {
            "code": r.code, "slug": r.slug, "kind": r.kind, "type": r.type, "severity": r.severity,
            "summary": r.summary, "origin": r.origin, "builtin": s.is_builtin(r.origin),
        }
        for r in rules.rules
    ]


def print_table(rules) -> None:
    """A rich table on stdout; off a terminal it is plain text at least 100 columns wide."""
    from rich.console import Console
    from rich.table import Table

    grid = Table(title=None, show_lines=False, header_style="bold")
    for name in ("Code", "Slug", "Kind", "Type", "Severity"):
        grid.add_column(name, no_wrap=True)
    grid.add_column("Origin", overflow="fold")
    for r in rules.rules:
        grid.add_row(r.code, r.slug, r.kind, r.type, r.severity, s.origin_label(r.origin))
    console = Console()
    if not console.is_terminal:
        console = Console(width=max(100, console.width))
    console.print(grid)


def run(
    output_format: s.TextOrJson = s.FORMAT_OPTION,
    config_file: Path = s.CONFIG_OPTION,
    rules_dirs: list[Path] = s.RULES_OPTION,
    select: list[str] = s.SELECT_OPTION,
    ignore: list[str] = s.IGNORE_OPTION,
) -> None:
    """List every rule: code, slug, kind, type, severity and the file that defines it."""
    _config, rules = s.load(None, config_file, s.overrides(rules_dirs, select, ignore))
    if output_format == s.TextOrJson.json:
        s.emit(json.dumps(rows(rules), indent=2, ensure_ascii=False))
    else:
        print_table(rules)

"""`factcheck check DIR...`: check each story folder and report what its sources disagree on."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from factcheck.check import check_paths
from factcheck.output import render


def run(
    paths: list[Path] = typer.Argument(..., help="Story folders (each one story) to check."),
    output_format: str = typer.Option("full", "--format", "--output-format", help="Report format."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Treat every folder under PATH that holds articles as one story."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List single-source facts too."),
) -> None:
    reports = check_paths(paths, recursive=recursive)
    sys.stdout.write(render(reports, output_format, verbose=verbose))
    raise typer.Exit(1 if any(f.status == "conflict" for r in reports for f in r.findings) else 0)

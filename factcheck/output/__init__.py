"""Renderers: each turns finished StoryReports into text. The core never formats."""
from __future__ import annotations

from factcheck.model import StoryReport


def _renderers():
    from factcheck.output import json_report, terminal

    return {"full": terminal.render, "json": json_report.render}


def render(reports: list[StoryReport], output_format: str, **options) -> str:
    return _renderers()[output_format](reports, **options)

"""JSON Lines: one compact JSON object per story, for pipelines that take a run apart
story by story (`jq -c`, `split -l`, a queue).

A checked story's line holds what `--format json` holds for it: `story`, `sources`,
`findings` (with `fingerprint`, `baselined` and `fails`), `problems` and `duplicates`.
A story that could not be checked is `{"story": PATH, "error": MESSAGE}`. Lines come in
the order the stories were given, failures last.
"""
from __future__ import annotations

import json
from pathlib import Path

from factcheck.model import StoryReport
from factcheck.output import outcome_for
from factcheck.output.json_report import story_dict
from factcheck.report import Outcome, StoryFailure


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, root: Path | None = None, **_options) -> str:
    run = outcome_for(reports, outcome)
    return "".join([*(story_line(r, run, root) for r in reports), *(failure_line(x) for x in run.failures)])


def story_line(report: StoryReport, outcome: Outcome, root: Path | None = None) -> str:
    """The line of a checked story, ending in a newline."""
    return json.dumps(story_dict(report, outcome, root), ensure_ascii=False) + "\n"


def failure_line(failure: StoryFailure) -> str:
    """The line of a story that could not be checked, ending in a newline."""
    return json.dumps({"story": str(failure.path), "error": failure.message}, ensure_ascii=False) + "\n"

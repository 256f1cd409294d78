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
from factcheck.report import Outcome


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, root: Path | None = None, **_options) -> str:
    run = outcome_for(reports, outcome)
    lines = [json.dumps(story_dict(r, run, root), ensure_ascii=False) for r in reports]
    lines += [json.dumps({"story": str(x.path), "error": x.message}, ensure_ascii=False) for x in run.failures]
    return "".join(line + "\n" for line in lines)

"""Terminal report (placeholder: to be replaced by the rich report)."""
from __future__ import annotations

from factcheck.model import StoryReport


def render(reports: list[StoryReport], **_options) -> str:
    lines = []
    for r in reports:
        for f in r.findings:
            lines.append(f"{f.status:9} {f.kind:9} " + ", ".join(f"{c.source}={c.value}" for c in f.claims) + f"  {f.reason}")
    return "\n".join(lines) + "\n"

"""Counting and exit policy for one run, kept apart from rendering (like black's report.py).

Every renderer and the CLI ask an `Outcome` the same questions: which findings are
discrepancies, which are baselined, which count toward the exit code, and what the
totals are. Keeping the answers here means `--format json` and `--format sarif` can never
disagree with the exit code about what failed.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factcheck.model import AGREE, CONFLICT, EXPLAINED, SINGLE, UNCERTAIN, UNCLEAR, Finding, StoryReport

STATUSES = (CONFLICT, EXPLAINED, UNCERTAIN, AGREE, UNCLEAR, SINGLE)
DISCREPANCIES = (CONFLICT, EXPLAINED)
FAIL_ON = {CONFLICT: frozenset({CONFLICT}), EXPLAINED: frozenset({CONFLICT, EXPLAINED})}

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class StoryFailure:
    """A story folder that could not be checked at all (missing, empty, unreadable)."""

    path: str
    message: str
    detail: str = field(default="", compare=False)  # a traceback, for an internal error

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Statistics:
    """Counts of one run: per status, per rule, per kind, and per (rule, kind) and status."""

    by_status: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    table: dict = field(default_factory=dict)  # (rule, kind) -> Counter of status (+ "baselined")
    baselined: int = 0
    failing: int = 0
    stories: int = 0
    sources: int = 0
    errors: int = 0

    def as_dict(self) -> dict:
        return {
            "stories": self.stories,
            "sources": self.sources,
            "errors": self.errors,
            "findings": sum(self.by_status.values()) + self.baselined,
            "by_status": {s: self.by_status.get(s, 0) for s in STATUSES},
            "by_rule": dict(sorted(self.by_rule.items())),
            "by_kind": dict(sorted(self.by_kind.items())),
            "baselined": self.baselined,
            "failing": self.failing,
        }


@dataclass
class Outcome:
    """The result of a run: the checked stories, the folders that failed, and the baseline's verdicts.

    `baselined` holds `id()`s of Finding objects that the baseline already knows; the
    Outcome keeps the reports alive, so the ids stay valid for as long as it exists.
    """

    reports: list[StoryReport] = field(default_factory=list)
    failures: list[StoryFailure] = field(default_factory=list)
    fail_on: str = CONFLICT
    baselined: set[int] = field(default_factory=set)
    stale: list = field(default_factory=list)  # baseline entries (dicts) no longer found
    baseline_path: Path | None = None

    @property
    def failing_statuses(self) -> frozenset[str]:
        return FAIL_ON[self.fail_on]

    def is_baselined(self, finding: Finding) -> bool:
        return id(finding) in self.baselined

    def counts(self, finding: Finding) -> bool:
        """Whether this finding makes the run fail (before --exit-zero)."""
        return finding.status in self.failing_statuses and not self.is_baselined(finding)

    def reported(self, report: StoryReport, statuses=DISCREPANCIES) -> list[Finding]:
        """The findings of `statuses` that are not baselined, in report order."""
        return [f for f in report.findings if f.status in statuses and not self.is_baselined(f)]

    def statistics(self) -> Statistics:
        stats = Statistics(stories=len(self.reports), errors=len(self.failures))
        for report in self.reports:
            stats.sources += len(report.sources)
            for f in report.findings:
                rule = f.rule or "-"
                cell = stats.table.setdefault((rule, f.kind), Counter())
                if self.is_baselined(f):
                    stats.baselined += 1
                    cell["baselined"] += 1
                    continue
                stats.by_status[f.status] += 1
                stats.by_rule[rule] += 1
                stats.by_kind[f.kind] += 1
                cell[f.status] += 1
                stats.failing += self.counts(f)
        return stats

    @property
    def checked_anything(self) -> bool:
        return any(r.sources for r in self.reports)

    def exit_code(self, exit_zero: bool = False) -> int:
        """2 if nothing could be checked; else 1 if a counted finding exists (0 with exit_zero)."""
        if not self.checked_anything:
            return EXIT_ERROR
        if exit_zero:
            return EXIT_CLEAN
        failing = any(self.counts(f) for r in self.reports for f in r.findings)
        return EXIT_FINDINGS if failing else EXIT_CLEAN


def statistics_table(stats: Statistics) -> str:
    """A plain-text table: one row per (rule, kind), one column per status, and a total row."""
    columns = [*STATUSES, "baselined"]
    header = ["rule", "kind", *columns]
    rows = []
    for (rule, kind), cell in sorted(stats.table.items()):
        rows.append([rule, kind, *(str(cell.get(c, 0)) for c in columns)])
    totals = Counter()
    for cell in stats.table.values():
        totals.update(cell)
    rows.append(["total", "", *(str(totals.get(c, 0)) for c in columns)])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells):
        left = [c.ljust(w) for c, w in zip(cells[:2], widths[:2])]
        right = [c.rjust(w) for c, w in zip(cells[2:], widths[2:])]
        return "  ".join(left + right).rstrip()

    out = [line(header), *(line(r) for r in rows)]
    tail = f"{stats.stories} {'story' if stats.stories == 1 else 'stories'} checked, {stats.sources} sources"
    if stats.errors:
        tail += f", {stats.errors} could not be checked"
    tail += f"; {stats.failing} failing"
    out.append(tail)
    return "\n".join(out) + "\n"


def display_path(path, root: Path | None = None) -> str:
    """A path as reports show it: relative to `root` (the working directory), forward slashes."""
    return _display_path(os.fspath(path), None if root is None else os.fspath(root), os.getcwd())


@lru_cache(maxsize=4096)
def _display_path(path: str, root: str | None, cwd: str) -> str:
    """display_path's work, kept for the paths of one working directory: a report names
    each source's path once per claim in some formats."""
    root = Path(cwd) if root is None else Path(root)
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()
    return Path(rel).as_posix()

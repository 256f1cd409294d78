"""Score factcheck's discrepancy findings against the hand-labelled story clusters here.

Each folder beside this file is one story: its articles and a `gold.json` (the shape is
described in the evaluation FORMAT: `cluster`, `exhaustive`, `facts`, `traps`).

Matching rule: a reported finding matches a gold fact when the kinds are the same and the
finding holds claims from at least two of the gold fact's sources with the gold values
(a list in the gold means any of those values; numbers compare by value, dates as ISO
text); for a gold discrepancy (`conflict` or `explained`) the gold values of those sources
must also differ. Several findings may match the same fact.

- precision: over reported `conflict`/`explained` findings of the cluster's exhaustive
  kinds; one that matches no gold discrepancy is a false alarm;
- recall: over gold discrepancies, of any kind, found by a reported discrepancy;
- F1: their harmonic mean. Totals are pooled over all clusters (micro average).
- conflict precision: the same as precision over reported `conflict` findings alone;
- story level: a story fails when its report holds a `conflict` of any kind (a CI run on
  it would fail); a false failure is a failed story whose gold holds no conflict.
Other statuses (single-source facts and the like) are ignored.

Run it directly for a report:  python tests/clusters/scoring.py [CLUSTER_DIR ...]
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

HERE = Path(__file__).resolve().parent
KINDS = ("deaths", "injuries", "arrests", "missing", "age", "count", "date")
STATUSES = ("agree", "explained", "conflict")
DISCREPANCY = ("explained", "conflict")
ARTICLE_SUFFIXES = (".txt", ".md")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Report = dict
Runner = Callable[[Path], Report]


# --------------------------------------------------------------------------- gold files


def cluster_folders(root: Path = HERE) -> list[Path]:
    """Every folder under `root` that holds a gold.json, sorted by name."""
    return sorted(p.parent for p in Path(root).glob("*/gold.json"))


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def load_gold(folder: Path) -> dict:
    return json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8"))


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _values(v) -> list:
    return list(v) if isinstance(v, list) else [v]


def gold_problems(folder: Path) -> list[str]:
    """What is wrong with a cluster's gold.json (empty when it is well formed)."""
    folder = Path(folder)
    try:
        gold = load_gold(folder)
    except (OSError, ValueError) as e:
        return [f"gold.json unreadable: {e}"]
    problems: list[str] = []
    if not isinstance(gold, dict):
        return ["gold.json is not an object"]
    if not isinstance(gold.get("cluster"), str) or not gold["cluster"].strip():
        problems.append("'cluster' must be a non-empty string")
    exhaustive = gold.get("exhaustive")
    if not isinstance(exhaustive, list) or not all(k in KINDS for k in exhaustive):
        problems.append(f"'exhaustive' must be a list of kinds from {KINDS}: {exhaustive!r}")
    traps = gold.get("traps", [])
    if not isinstance(traps, list) or not all(isinstance(t, str) for t in traps):
        problems.append("'traps' must be a list of strings")
    facts = gold.get("facts")
    if not isinstance(facts, list):
        return problems + ["'facts' must be a list"]
    articles = {p.name for p in article_files(folder)}
    seen_ids: set[str] = set()
    for i, fact in enumerate(facts):
        where = f"fact {i}"
        if not isinstance(fact, dict):
            problems.append(f"{where}: not an object")
            continue
        fid = fact.get("id")
        if not isinstance(fid, str) or not fid:
            problems.append(f"{where}: 'id' must be a non-empty string")
        else:
            where = f"fact {fid!r}"
            if fid in seen_ids:
                problems.append(f"{where}: duplicate id")
            seen_ids.add(fid)
        kind, status = fact.get("kind"), fact.get("status")
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} not one of {KINDS}")
        if status not in STATUSES:
            problems.append(f"{where}: status {status!r} not one of {STATUSES}")
        if not isinstance(fact.get("note"), str) or not fact["note"].strip():
            problems.append(f"{where}: 'note' must explain the evidence")
        claims = fact.get("claims")
        if not isinstance(claims, dict):
            problems.append(f"{where}: 'claims' must map file names to values")
            continue
        if len(claims) < 2:
            problems.append(f"{where}: needs claims from at least two sources, has {len(claims)}")
        for name, value in claims.items():
            if name not in articles:
                problems.append(f"{where}: claim file {name!r} is not an article in {folder.name}")
            values = _values(value)
            if not values:
                problems.append(f"{where}: empty list of values for {name}")
            for v in values:
                if kind == "date":
                    if not (isinstance(v, str) and ISO_DATE.match(v)):
                        problems.append(f"{where}: {name} value {v!r} is not an ISO date")
                elif not _is_number(v) or v < 0:
                    problems.append(f"{where}: {name} value {v!r} is not a non-negative number")
        if len(claims) >= 2 and status in STATUSES:
            sets = [{_norm(v) for v in _values(v)} for v in claims.values()]
            common = set.intersection(*sets)
            if status == "agree" and not common:
                problems.append(f"{where}: status agree but the sources share no value")
            if status in DISCREPANCY and not _has_difference(list(claims.items())):
                problems.append(f"{where}: status {status} but no two sources can differ")
    return problems


def _has_difference(items: list[tuple[str, object]]) -> bool:
    for i, (a, va) in enumerate(items):
        for b, vb in items[i + 1:]:
            if any(_norm(x) != _norm(y) for x in _values(va) for y in _values(vb)):
                return True
    return False


# --------------------------------------------------------------------------- matching


def _norm(value):
    """A comparable form of a gold value in a fact's claims, for telling two sources apart."""
    return json.dumps(value, sort_keys=True)


def _source_name(source) -> str:
    return Path(str(source)).name


def _equals_gold(reported, wanted) -> bool:
    """A reported value is one of the gold values: numbers by value (also when reported as
    text), anything else (ISO dates) as the same text."""
    for option in _values(wanted):
        if _is_number(option):
            try:
                if abs(float(reported) - float(option)) < 1e-9:
                    return True
            except (TypeError, ValueError):
                continue
        elif str(reported) == str(option):
            return True
    return False


def matches(finding: dict, fact: dict) -> bool:
    """Does a reported finding hold this gold fact (see the module docstring)?"""
    if finding.get("kind") != fact["kind"]:
        return False
    reported: dict[str, list] = {}
    for claim in finding.get("claims") or []:
        reported.setdefault(_source_name(claim.get("source", "")), []).append(claim.get("value"))
    hits = [
        name
        for name, wanted in fact["claims"].items()
        if any(_equals_gold(value, wanted) for value in reported.get(_source_name(name), []))
    ]
    if len(hits) < 2:
        return False
    if fact["status"] in DISCREPANCY:
        return len({_norm(fact["claims"][name]) for name in hits}) >= 2
    return True


def describe_finding(finding: dict) -> str:
    claims = ", ".join(f"{_source_name(c.get('source', '?'))}={c.get('value')!r}" for c in finding.get("claims") or [])
    return f"{finding.get('kind')} {finding.get('status')}: {claims}"


def describe_fact(fact: dict) -> str:
    claims = ", ".join(f"{name}={value!r}" for name, value in fact["claims"].items())
    return f"{fact['id']} ({fact['kind']} {fact['status']}): {claims}"


# --------------------------------------------------------------------------- scoring


@dataclass
class ClusterScore:
    name: str
    reported: int = 0  # reported discrepancies of exhaustive kinds (precision denominator)
    correct: int = 0  # of those, the ones matching a gold discrepancy
    gold: int = 0  # gold discrepancies (recall denominator)
    found: int = 0  # gold discrepancies matched by a reported discrepancy
    status_right: int = 0  # found discrepancies matched by a finding of the gold status
    agree_gold: int = 0
    agree_found: int = 0  # gold agreements matched by a finding reported as agree
    conflicts: int = 0  # reported conflicts of exhaustive kinds
    true_conflicts: int = 0  # of those, the ones matching a gold discrepancy
    fails: bool = False  # the report holds a conflict of any kind: a CI run on the story fails
    has_conflict: bool = False  # the gold holds a conflict
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong_status: list[str] = field(default_factory=list)
    failing_conflicts: list[str] = field(default_factory=list)  # what fails the story
    error: str = ""

    @property
    def false_failure(self) -> bool:
        """The story fails although its gold holds no conflict."""
        return self.fails and not self.has_conflict


def score_report(name: str, gold: dict, report: Report) -> ClusterScore:
    """Compare one story's JSON report with its gold."""
    exhaustive = set(gold.get("exhaustive") or [])
    facts = gold["facts"]
    disc_facts = [f for f in facts if f["status"] in DISCREPANCY]
    agree_facts = [f for f in facts if f["status"] == "agree"]
    findings = [f for f in report.get("findings") or [] if isinstance(f, dict)]
    reported = [f for f in findings if f.get("status") in DISCREPANCY]
    agreeing = [f for f in findings if f.get("status") == "agree"]
    conflicting = [f for f in findings if f.get("status") == "conflict"]

    score = ClusterScore(name, gold=len(disc_facts), agree_gold=len(agree_facts))
    for fact in disc_facts:
        hits = [f for f in reported if matches(f, fact)]
        if not hits:
            score.misses.append(describe_fact(fact))
            continue
        score.found += 1
        if any(f.get("status") == fact["status"] for f in hits):
            score.status_right += 1
        else:
            score.wrong_status.append(f"{fact['id']}: reported {hits[0].get('status')}, gold {fact['status']}")
    for finding in reported:
        if finding.get("kind") not in exhaustive:
            continue
        real = any(matches(finding, fact) for fact in disc_facts)
        score.reported += 1
        score.correct += real
        if finding.get("status") == "conflict":
            score.conflicts += 1
            score.true_conflicts += real
        if not real:
            agreed = [f["id"] for f in agree_facts if matches(finding, f)]
            why = f" (gold agree: {', '.join(agreed)})" if agreed else ""
            score.false_alarms.append(describe_finding(finding) + why)
    score.agree_found = sum(1 for fact in agree_facts if any(matches(f, fact) for f in agreeing))
    score.fails = bool(conflicting)
    score.has_conflict = any(f["status"] == "conflict" for f in facts)
    score.failing_conflicts = [describe_finding(f) for f in conflicting]
    return score


def run_factcheck(folder: Path) -> Report:
    """The library's JSON report for one story folder."""
    from factcheck.check import check_story
    from factcheck.output.json_report import render

    return json.loads(render([check_story(Path(folder))]))


def score_cluster(folder: Path, runner: Runner = run_factcheck) -> ClusterScore:
    folder = Path(folder)
    gold = load_gold(folder)
    try:
        report = runner(folder)
    except Exception as e:  # a crash on one story scores it as nothing found
        score = score_report(folder.name, gold, {"findings": []})
        score.error = f"{type(e).__name__}: {e}"
        return score
    return score_report(folder.name, gold, report)


@dataclass(repr=False)
class Totals:
    scores: list[ClusterScore]

    def __repr__(self) -> str:
        return f"Totals({len(self.scores)} clusters, F1={self.f1:.3f})"

    def _sum(self, attr: str) -> int:
        return sum(getattr(s, attr) for s in self.scores)

    @property
    def precision(self) -> float:
        reported = self._sum("reported")
        return self._sum("correct") / reported if reported else 1.0

    @property
    def recall(self) -> float:
        gold = self._sum("gold")
        return self._sum("found") / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def conflict_precision(self) -> float:
        conflicts = self._sum("conflicts")
        return self._sum("true_conflicts") / conflicts if conflicts else 1.0

    @property
    def false_failures(self) -> list[ClusterScore]:
        return [s for s in self.scores if s.false_failure]

    def summary(self) -> str:
        found, agree = self._sum("found"), self._sum("agree_gold")
        failed = sum(s.fails for s in self.scores)
        missed_fails = sum(s.has_conflict and not s.fails for s in self.scores)
        return (
            f"clusters={len(self.scores)} status right {self._sum('status_right')}/{found}, "
            f"agreements {self._sum('agree_found')}/{agree}, conflict_precision={self.conflict_precision:.2f} "
            f"stories_failed={failed} false_failures={len(self.false_failures)} missed_failures={missed_fails}\n"
            f"F1={self.f1:.3f} precision={self.precision:.3f} recall={self.recall:.3f}"
        )

    def details(self) -> str:
        lines = []
        for s in self.scores:
            if not (s.false_alarms or s.misses or s.wrong_status or s.error or s.false_failure):
                continue
            lines.append(f"{s.name}: found {s.found}/{s.gold}, correct {s.correct}/{s.reported}")
            if s.error:
                lines.append(f"  error: {s.error}")
            lines += [f"  false alarm: {x}" for x in s.false_alarms]
            lines += [f"  missed: {x}" for x in s.misses]
            lines += [f"  wrong status: {x}" for x in s.wrong_status]
            if s.false_failure:
                lines.append("  fails the story without a labelled conflict: " + "; ".join(s.failing_conflicts))
        return "\n".join(lines)


def score_all(folders: Iterable[Path] | None = None, runner: Runner = run_factcheck) -> Totals:
    folders = cluster_folders() if folders is None else list(folders)
    return Totals([score_cluster(f, runner) for f in folders])


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or cluster_folders()
    totals = score_all(folders)
    details = totals.details()
    if details:
        print(details)
    print(totals.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

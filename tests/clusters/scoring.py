"""Score factcheck's discrepancy findings against the hand-labelled story clusters here.

Each folder beside this file is one story: its articles and a `gold.json` (the shape is
described in the evaluation FORMAT: `cluster`, `exhaustive`, `facts`, `traps`).

Matching rule: a reported finding matches a gold fact when the kinds are the same and the
finding holds claims from at least two of the gold fact's sources with the gold values
(a list in the gold means any of those values); for a gold discrepancy (`conflict` or
`explained`) two of those matching claims must also differ in value. Each gold fact is
matched by at most one finding.

- precision: over reported `conflict`/`explained` findings of the cluster's exhaustive
  kinds; a finding that matches no gold discrepancy (or only one another finding already
  took) is a false alarm;
- recall: over gold discrepancies, of any kind;
- F1: their harmonic mean. Totals are pooled over all clusters (micro average).

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
    """A comparable form of a claim value: numbers as floats, dates as YYYY-MM-DD."""
    if _is_number(value):
        return float(value)
    if isinstance(value, str):
        s = value.strip()
        if ISO_DATE.match(s[:10]) and (len(s) == 10 or s[10] in "T "):
            return s[:10]
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return s
    return value


def _source_name(source) -> str:
    return Path(str(source).replace("\\", "/")).name


def matches(finding: dict, fact: dict) -> bool:
    """Does a reported finding hold this gold fact (see the module docstring)?"""
    if finding.get("kind") != fact["kind"]:
        return False
    gold = {name: {_norm(v) for v in _values(val)} for name, val in fact["claims"].items()}
    hits = []
    for claim in finding.get("claims") or []:
        name = _source_name(claim.get("source", ""))
        value = _norm(claim.get("value"))
        if name in gold and value in gold[name]:
            hits.append((name, value))
    if len({name for name, _ in hits}) < 2:
        return False
    if fact["status"] in DISCREPANCY:
        return any(a != b and va != vb for i, (a, va) in enumerate(hits) for b, vb in hits[i + 1:])
    return True


def _assign(findings: list[dict], facts: list[dict]) -> dict[int, int]:
    """A largest one-to-one pairing finding index → fact index among matching pairs."""
    edges = {i: [j for j, fact in enumerate(facts) if matches(f, fact)] for i, f in enumerate(findings)}
    owner: dict[int, int] = {}  # fact index → finding index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in edges:
        augment(i, set())
    return {i: j for j, i in owner.items()}


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
    status_right: int = 0  # matched discrepancies whose status (conflict/explained) is the gold one
    agree_gold: int = 0
    agree_found: int = 0  # gold agreements matched by a finding reported as agree
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong_status: list[str] = field(default_factory=list)
    error: str = ""


def score_report(name: str, gold: dict, report: Report) -> ClusterScore:
    """Compare one story's JSON report with its gold."""
    exhaustive = set(gold.get("exhaustive") or [])
    facts = gold["facts"]
    disc_facts = [f for f in facts if f["status"] in DISCREPANCY]
    agree_facts = [f for f in facts if f["status"] == "agree"]
    findings = [f for f in report.get("findings") or [] if isinstance(f, dict)]
    reported = [f for f in findings if f.get("status") in DISCREPANCY]

    score = ClusterScore(name, gold=len(disc_facts), agree_gold=len(agree_facts))
    pairs = _assign(reported, disc_facts)
    for i, finding in enumerate(reported):
        counted = finding.get("kind") in exhaustive
        if i in pairs:
            fact = disc_facts[pairs[i]]
            score.found += 1
            if counted:
                score.reported += 1
                score.correct += 1
            if finding.get("status") == fact["status"]:
                score.status_right += 1
            else:
                score.wrong_status.append(f"{fact['id']}: reported {finding.get('status')}, gold {fact['status']}")
        elif counted:
            score.reported += 1
            again = [f["id"] for f in disc_facts if matches(finding, f)]
            agreed = [f["id"] for f in agree_facts if matches(finding, f)]
            why = f" (again {', '.join(again)})" if again else f" (gold agree: {', '.join(agreed)})" if agreed else ""
            score.false_alarms.append(describe_finding(finding) + why)
    matched = set(pairs.values())
    score.misses = [describe_fact(f) for j, f in enumerate(disc_facts) if j not in matched]

    agreeing = [f for f in findings if f.get("status") == "agree"]
    score.agree_found = sum(1 for j in _assign(agreeing, agree_facts).values())
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

    def summary(self) -> str:
        found, agree = self._sum("found"), self._sum("agree_gold")
        return (
            f"status right {self._sum('status_right')}/{found}, agreements {self._sum('agree_found')}/{agree}\n"
            f"F1={self.f1:.3f} precision={self.precision:.3f} recall={self.recall:.3f}"
        )

    def details(self) -> str:
        lines = []
        for s in self.scores:
            if not (s.false_alarms or s.misses or s.wrong_status or s.error):
                continue
            lines.append(f"{s.name}: found {s.found}/{s.gold}, correct {s.correct}/{s.reported}")
            if s.error:
                lines.append(f"  error: {s.error}")
            lines += [f"  false alarm: {x}" for x in s.false_alarms]
            lines += [f"  missed: {x}" for x in s.misses]
            lines += [f"  wrong status: {x}" for x in s.wrong_status]
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

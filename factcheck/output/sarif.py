"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

One result per discrepancy: conflicts at the level of their severity (error → error,
warning → warning, info → note); explained discrepancies at level note, or at their
severity's level under `--fail-on explained`, since then they fail the run. The primary
location is the first claim; the other sources' claims are relatedLocations. Regions are
in Unicode code points (`columnKind`), 1-based, end column exclusive, as SARIF defines.
Baselined findings stay in the log with `baselineState: unchanged` and an external,
accepted suppression, so viewers show them as suppressed rather than open.
"""
from __future__ import annotations

import urllib.parse
from pathlib import Path

from factcheck.model import Claim, Finding, StoryReport
from factcheck.output import (
    finding_message, indented_json, level, outcome_for, place, problem_path, sources_by_name, story_path, unique_fingerprints,
    value_text,
)
from factcheck.report import DISCREPANCIES, Outcome, display_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ID = "%SRCROOT%"
FINGERPRINT_NAME = "factcheckFingerprint/v1"

WHAT = {
    "deaths": "the number of people killed",
    "injuries": "the number of people injured",
    "arrests": "the number of people arrested",
    "missing": "the number of people missing",
    "age": "a person's age",
    "count": "a count of people or things",
    "date": "the date of an event",
}


def _rule_id(finding: Finding) -> str:
    return finding.rule or finding.kind


def rule_descriptor(rule_id: str, kind: str) -> dict:
    what = WHAT.get(kind, f"the {kind}")
    return {
        "id": rule_id,
        "name": "".join(w.capitalize() for w in kind.replace("-", "_").split("_")) + "Discrepancy",
        "shortDescription": {"text": f"Sources state different values for {what}"},
        "fullDescription": {
            "text": f"Articles about the same story give different values for {what}. "
                    "A conflict is a difference nothing in the texts reconciles; an explained "
                    "difference is reconciled by a qualifier, a difference of scope or of time."
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["factcheck", kind]},
    }


def _uri(path: str) -> dict:
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": urllib.parse.quote(path, safe="/"), "uriBaseId": BASE_ID}


def _region(source, start: int, end: int, snippet: str) -> dict:
    line, col = source.line_col(start)
    end_line, end_col = source.line_col(max(start, end))
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col, "snippet": {"text": snippet}}


def location(claim: Claim, report: StoryReport, root, sources, message: str | None = None, ident: int | None = None) -> dict:
    where = place(claim, report, root, sources)
    physical: dict = {"artifactLocation": _uri(where.path)}
    source = sources.get(claim.source)
    if source is not None:
        physical["region"] = _region(source, claim.start, claim.end, claim.words)
        s = claim.sentence
        physical["contextRegion"] = _region(source, s.start, s.end, s.text)
    loc: dict = {"physicalLocation": physical}
    if ident is not None:
        loc["id"] = ident
    if message:
        loc["message"] = {"text": message}
    return loc


def result(finding: Finding, report: StoryReport, outcome: Outcome, rule_index: int, fp: str, root, sources) -> dict:
    claims = finding.claims
    res: dict = {
        "ruleId": _rule_id(finding),
        "ruleIndex": rule_index,
        "level": level(finding, outcome),
        "message": {"text": finding_message(finding)},
        "locations": [location(claims[0], report, root, sources, f"{claims[0].source} says {value_text(claims[0].value)}")] if claims else [],
        "partialFingerprints": {FINGERPRINT_NAME: fp},
        "properties": {
            "status": finding.status, "kind": finding.kind, "key": finding.key,
            "story": story_path(report, root), "severity": finding.severity,
        },
    }
    related = [
        location(c, report, root, sources, f"{c.source} says {value_text(c.value)}", ident=i)
        for i, c in enumerate(claims[1:], start=1)
    ]
    if related:
        res["relatedLocations"] = related
    if outcome.baseline_path is not None:
        res["baselineState"] = "unchanged" if outcome.is_baselined(finding) else "new"
    if outcome.is_baselined(finding):
        res["suppressions"] = [{
            "kind": "external", "status": "accepted",
            "justification": f"recorded in baseline {display_path(outcome.baseline_path, root) if outcome.baseline_path else ''}".strip(),
        }]
    return res


def _notification(lvl: str, text: str, path: str | None) -> dict:
    note: dict = {"level": lvl, "message": {"text": text}}
    if path:
        note["locations"] = [{"physicalLocation": {"artifactLocation": _uri(path)}}]
    return note


def sarif_log(reports: list[StoryReport], outcome: Outcome | None = None, root: Path | None = None) -> dict:
    from factcheck import __version__

    outcome = outcome_for(reports, outcome)
    root_dir = Path.cwd() if root is None else Path(root)
    pairs = [(r, f) for r in reports for f in r.findings if f.status in DISCREPANCIES]
    rules: list[dict] = []
    rule_index: dict[str, int] = {}
    for _, f in pairs:
        rid = _rule_id(f)
        if rid not in rule_index:
            rule_index[rid] = len(rules)
            rules.append(rule_descriptor(rid, f.kind))
    fps = unique_fingerprints(f for _, f in pairs)
    results = []
    for report in reports:
        sources = sources_by_name(report)
        for f in report.findings:
            if f.status in DISCREPANCIES:
                results.append(result(f, report, outcome, rule_index[_rule_id(f)], fps[id(f)], root, sources))
    notes = [_notification("error", f"{display_path(x.path, root)}: {x.message}", display_path(x.path, root))
             for x in outcome.failures]
    for report in reports:
        for p in report.problems:
            where = problem_path(report, p, root)
            notes.append(_notification("error" if p.level == "error" else "warning", f"{where}: {p.message}", where))
    run = {
        "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__, "rules": rules}},
        "originalUriBaseIds": {BASE_ID: {"uri": root_dir.resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": outcome.checked_anything or not outcome.failures,
                         "toolExecutionNotifications": notes}],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, root: Path | None = None, **_options) -> str:
    return indented_json(sarif_log(reports, outcome, root)) + "\n"

"""JUnit XML for CI test-report views (GitLab, Jenkins, Azure): one testsuite per run, one testcase per story.

A story fails when it holds a discrepancy that fails the run (conflicts, and explained
ones under --fail-on explained); each such finding is listed in the failure. Folders that
could not be checked are testcases with an error. Article text may hold anything, so every
string is stripped of the characters XML 1.0 forbids before ElementTree escapes it.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from factcheck.model import StoryReport
from factcheck.output import findings_to_show, finding_message, outcome_for, place, problem_path, sources_by_name, story_path
from factcheck.report import Outcome, display_path

# Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    return _FORBIDDEN.sub("", "" if text is None else str(text))


def _el(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def _line(f, report, root, sources) -> str:
    where = place(f.claims[0], report, root, sources) if f.claims else None
    head = f"{where.path}:{where.line}:{where.column}" if where and where.line else (where.path if where else story_path(report, root))
    return f"{head}: {f.rule or '-'} {f.status} {f.kind}: {finding_message(f)}"


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, root: Path | None = None, **_options) -> str:
    outcome = outcome_for(reports, outcome)
    suites = ET.Element("testsuites", name="factcheck")
    suite = _el(suites, "testsuite", name="factcheck")
    failures = errors = 0
    for report in reports:
        name = story_path(report, root)
        case = _el(suite, "testcase", name=name, classname="factcheck", file=name)
        sources = sources_by_name(report)
        shown = findings_to_show(report, outcome)
        failing = [f for f in shown if outcome.counts(f)]
        other = [f for f in shown if not outcome.counts(f)]
        if failing:
            failures += 1
            kinds = sorted({f.status for f in failing})
            _el(case, "failure", "\n".join(_line(f, report, root, sources) for f in failing),
                message=f"{len(failing)} {' and '.join(kinds)} finding{'s' if len(failing) != 1 else ''}",
                type="factcheck." + "+".join(kinds))
        notes = [_line(f, report, root, sources) for f in other]
        notes += [f"{p.level}: {problem_path(report, p, root)}: {p.message}" for p in report.problems]
        baselined = sum(outcome.is_baselined(f) for f in report.findings)
        if baselined:
            notes.append(f"{baselined} baselined finding{'s' if baselined != 1 else ''} not reported")
        if notes:
            _el(case, "system-out", "\n".join(notes))
    for failure in outcome.failures:
        errors += 1
        name = display_path(failure.path, root)
        case = _el(suite, "testcase", name=name, classname="factcheck", file=name)
        _el(case, "error", failure.message, message=failure.message, type="factcheck.input")
    total = len(reports) + len(outcome.failures)
    for el in (suites, suite):
        el.set("tests", str(total))
        el.set("failures", str(failures))
        el.set("errors", str(errors))
    suite.set("skipped", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"

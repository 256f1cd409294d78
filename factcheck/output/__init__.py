"""Renderers: each turns finished StoryReports into text. The core never formats.

Every renderer is `render(reports, **options) -> str`. Machine formats also take
`outcome=` (a `factcheck.report.Outcome`: baseline marks, folders that failed, --fail-on)
and `root=` (the directory paths are made relative to, by default the working directory);
without them they report every discrepancy as new. The helpers below are shared so that
every format names places and values the same way.
"""
from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.model import AGREE, SINGLE, Claim, Finding, Source, StoryReport
from factcheck.report import DISCREPANCIES, Outcome, display_path

FORMATS = ("full", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit", "html", "csv")
# Formats read by programs: statistics and notes go to stderr so stdout stays parseable.
MACHINE_FORMATS = frozenset({"concise", "json", "jsonl", "sarif", "github", "gitlab", "junit", "html", "csv"})
_MODULES = {
    "full": "terminal", "concise": "concise", "json": "json_report", "jsonl": "jsonl", "sarif": "sarif",
    "github": "github", "gitlab": "gitlab", "junit": "junit",
    "html": "html", "csv": "csv_report",
}
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _renderers():
    return {name: importlib.import_module(f"factcheck.output.{mod}").render for name, mod in _MODULES.items()}


def render(reports: list[StoryReport], output_format: str, **options) -> str:
    if output_format not in _MODULES:
        raise ValueError(f"unknown format {output_format!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"factcheck.output.{_MODULES[output_format]}")
    if output_format == "full":
        outcome = options.pop("outcome", None)
        options.pop("root", None)
        return module.render(without_baselined(reports, outcome), **options)
    return module.render(reports, **options)


def without_baselined(reports: list[StoryReport], outcome: Outcome | None) -> list[StoryReport]:
    """The reports as the terminal shows them: baselined findings left out."""
    if outcome is None or not outcome.baselined:
        return reports
    return [replace(r, findings=[f for f in r.findings if not outcome.is_baselined(f)]) for r in reports]


# --- shared by the machine formats --------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(text: object) -> str:
    """Text that cannot break a line-oriented format: control characters shown as escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(text))


def value_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def values_summary(finding: Finding) -> str:
    """"20 (a.txt) vs 17 (b.txt, c.txt)": values in order of first mention, with their sources."""
    groups: dict[str, list[str]] = {}
    for c in finding.claims:
        names = groups.setdefault(value_text(c.value), [])
        if c.source not in names:
            names.append(c.source)
    return " vs ".join(f"{v} ({', '.join(names)})" for v, names in groups.items())


def finding_message(finding: Finding) -> str:
    """A sentence for a person: what differs, between whom, and the engine's reason if any."""
    subject = finding.label or finding.kind
    if finding.status == "conflict":
        text = f"Sources disagree on {subject}: {values_summary(finding)}"
    elif finding.status == "explained":
        text = f"Sources differ on {subject}, explained: {values_summary(finding)}"
    else:
        text = f"{finding.status.capitalize()}: {subject}: {values_summary(finding)}"
    if finding.reason:
        text += f". {finding.reason}"
    if finding.confidence is not None:
        text += f" (confidence {finding.confidence:.2f})"
    return text


def level(finding: Finding, outcome: Outcome) -> str:
    """SARIF-style level: from the severity for statuses that fail the run (--fail-on), otherwise note.

    Baselining does not lower the level; formats that show baselined findings mark them apart.
    """
    if finding.status in outcome.failing_statuses:
        return LEVELS.get(finding.severity, "error")
    return "note"


def problem_path(report: StoryReport, problem, root: Path | None = None) -> str:
    """Where a skipped file is, relative to the root, whether the loader named it from the story folder or not."""
    p = Path(problem.path)
    folder = report.sources[0].path.parent if report.sources else Path(report.path)  # a feed's problems sit beside it
    if not p.is_absolute() and not (folder / p).exists() and p.exists():
        return display_path(p, root)
    return display_path(p if p.is_absolute() else folder / p, root)


@dataclass(frozen=True)
class Place:
    """Where a claim is: a file path relative to the root and its 1-based start/end line and column."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


def sources_by_name(report: StoryReport) -> dict[str, Source]:
    return {s.name: s for s in report.sources}


def place(claim: Claim, report: StoryReport, root: Path | None = None, sources: dict[str, Source] | None = None) -> Place:
    sources = sources_by_name(report) if sources is None else sources
    source = sources.get(claim.source)
    if source is None:
        return Place(display_path(Path(report.path) / claim.source, root))
    line, col = source.line_col(claim.start)
    end_line, end_col = source.line_col(max(claim.end, claim.start))
    return Place(display_path(source.path, root), line, col, end_line, end_col)


def story_path(report: StoryReport, root: Path | None = None) -> str:
    return display_path(report.path, root)


def findings_to_show(report: StoryReport, outcome: Outcome, verbose: bool = False) -> list[Finding]:
    """Discrepancies that are not baselined; with verbose, agreements and single-source facts too."""
    statuses = (*DISCREPANCIES, AGREE, SINGLE) if verbose else DISCREPANCIES
    return outcome.reported(report, statuses)


def outcome_for(reports: list[StoryReport], outcome: Outcome | None) -> Outcome:
    return outcome if outcome is not None else Outcome(reports=list(reports))


def unique_fingerprints(pairs) -> dict[int, str]:
    """The baseline fingerprint of each finding, made unique within one report.

    Two stories can hold the same discrepancy (same rule, key, names and values); the
    second and later copies get the occurrence number hashed in, so tools that key on the
    fingerprint (GitLab, code scanning) keep them apart and stay stable from run to run.
    """
    import hashlib

    from factcheck.baseline import fingerprint, fingerprint_text

    seen: dict[str, int] = {}
    out = {}
    for finding in pairs:
        fp = fingerprint(finding)
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        if n:
            fp = hashlib.sha256(f"{fingerprint_text(finding)}\x00{n}".encode("utf-8")).hexdigest()
        out[id(finding)] = fp
    return out


# --- indented JSON ------------------------------------------------------------------------

_SCALARS = frozenset({str, int, float, bool, type(None)})
_INDENT = "  "


def indented_json(value) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`, the same text, faster.

    The standard library writes an indented document in Python, a generator step per value.
    Here each run of plain values (not lists or dicts) of a container is written by the C
    encoder in one call, its items joined by the line break and indent of their depth; only
    the nesting is walked in Python."""
    out: list[str] = []
    _write_json(value, 0, out)
    return "".join(out)


def _write_json(value, depth: int, out: list[str]) -> None:
    if isinstance(value, dict):
        keyed, items, run, brackets = True, value.items(), {}, "{}"
    elif isinstance(value, (list, tuple)):
        keyed, items, run, brackets = False, enumerate(value), [], "[]"
    else:
        out.append(_SCALAR_ENCODER(value))
        return
    if not value:
        out.append(brackets)
        return
    encode, newline = _flat_encoder(depth), "\n" + _INDENT * (depth + 1)
    separator = brackets[0] + newline
    for key, item in items:
        if type(item) in _SCALARS:  # written with the plain values next to it
            if keyed:
                run[key] = item
            else:
                run.append(item)
            continue
        if run:
            out += (separator, encode(run)[1:-1])
            separator, run = "," + newline, {} if keyed else []
        out += (separator, _key_text(key), ": ") if keyed else (separator,)
        _write_json(item, depth + 1, out)
        separator = "," + newline
    if run:
        out += (separator, encode(run)[1:-1])
    out.append("\n" + _INDENT * depth + brackets[1])


def _key_text(key) -> str:
    """A key as the standard library writes it: a number, true, false or null as a string."""
    if not isinstance(key, str):
        if not isinstance(key, (int, float, type(None))):
            raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
        key = _SCALAR_ENCODER(key)
    return _SCALAR_ENCODER(key)


_SCALAR_ENCODER = json.JSONEncoder(ensure_ascii=False).encode
_FLAT_ENCODERS: dict[int, object] = {}


def _flat_encoder(depth: int):
    """The encoder of the items of a container at `depth`, one to a line: the C encoder
    itself (a JSONEncoder makes a new one at each call), without the check for a container
    holding itself, which a report never does."""
    encode = _FLAT_ENCODERS.get(depth)
    if encode is None:
        separator = "," + "\n" + _INDENT * (depth + 1)
        if json.encoder.c_make_encoder is None:  # the standard library built without its C part
            encode = json.JSONEncoder(ensure_ascii=False, separators=(separator, ": ")).encode
        else:
            chunks = json.encoder.c_make_encoder(
                None, _not_serializable, json.encoder.encode_basestring, None, ": ", separator, False, False, True
            )
            encode = lambda value: "".join(chunks(value, 0))  # noqa: E731
        _FLAT_ENCODERS[depth] = encode
    return encode


def _not_serializable(value):
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")

"""The report an editor reads in a browser: findings, the sources side by side, the tolls over time.

One self-contained page (inline CSS, JS and SVG; nothing is fetched), built from the
Jinja2 templates in `templates/` with autoescaping on. Article text is untrusted: it only
ever reaches the page through autoescaped template variables, with control and bidi
characters shown as visible escapes (`visible()`), or through `article_text()`, which does
the same for whole articles. A Content-Security-
Policy meta tag allows only the page's own inline style and script, by their hashes, so
markup that slipped through could still not run.
"""
from __future__ import annotations

import base64
import hashlib
import itertools
import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup, escape

from factcheck.model import AGREE, CONFLICT, EXPLAINED, INFINITY, SINGLE, UNCLEAR, Claim, Finding, Source, StoryReport
from factcheck.output import value_text, values_summary
from factcheck.output.terminal import _UNSAFE, _escape_char
from factcheck.report import Outcome, display_path

# Conflicts first; statuses this renderer does not know (a future `uncertain`) sit between
# the judged differences and the agreements.
STATUS_ORDER = {CONFLICT: 0, EXPLAINED: 1, UNCLEAR: 2, AGREE: 4, SINGLE: 5}
UNKNOWN_STATUS_ORDER = 3
# Kinds whose numbers are not expected to move with the news cycle: no timeline for them.
STEADY_KINDS = frozenset({"age", "count", "date"})
HOW_PUBLISHED = {
    "front matter": "from its front matter", "date line": "from its date line", "dateline": "from its dateline",
    "inferred": "inferred from the other sources", "unknown": "unknown",
}
SERIES_COLORS = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7a8a", "#6e7781")


# --- what the template shows --------------------------------------------------------------


@dataclass
class Segment:
    """A run of article text, and the claims (by id) that cover it."""

    text: str
    claims: list[str] = field(default_factory=list)
    kind: str = ""
    anchors: list[str] = field(default_factory=list)  # ids of the claims that start here, for links to them
    title: str = ""


@dataclass
class SourceView:
    name: str
    outlet: str
    title: str
    published: str
    published_how: str
    segments: list[Segment]


@dataclass
class ClaimView:
    id: str
    source: str
    value: str
    interval: str
    words: str
    where: str


@dataclass
class Point:
    x: float
    y: float
    low: float
    high: float
    open_high: bool
    label: str


@dataclass
class Series:
    name: str
    color: str
    points: list[Point]
    line: str  # SVG polyline points, empty when the outlet has one date


@dataclass
class Chart:
    width: int
    height: int
    left: int
    top: int
    bottom: int
    right: int
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    series: list[Series]
    title: str


@dataclass
class FindingView:
    id: str
    status: str
    status_class: str
    kind: str
    label: str
    rule: str
    values: str
    reason: str
    confidence: str
    claims: list[ClaimView]
    chart: Chart | None


@dataclass
class StoryView:
    index: int
    id: str
    path: str
    sources: list[SourceView]
    findings: list[FindingView]
    counts: dict[str, int]
    problems: list[str]


# --- article text -------------------------------------------------------------------------

_LINE_END = re.compile(r"\r\n?")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def visible(value):
    """Every value a template prints: control and bidi characters in a string shown as escapes
    (`\\u202e`), so a title or a quoted sentence cannot reorder the text around it."""
    if isinstance(value, str) and not isinstance(value, Markup) and _UNSAFE.search(value):
        return _UNSAFE.sub(lambda m: _escape_char(m.group()), value)
    return value


def article_text(text: str) -> Markup:
    """Article text as HTML: escaped, line ends made plain newlines, controls and bidi overrides
    shown as visible escapes so they cannot reorder or hide what surrounds them."""
    s = _LINE_END.sub("\n", text)
    out = []
    pos = 0
    for m in _UNSAFE.finditer(s):
        out.append(escape(s[pos : m.start()]))
        out.append(Markup('<span class="ctl">{}</span>').format(_escape_char(m.group())))
        pos = m.end()
    out.append(escape(s[pos:]))
    return Markup("").join(out)


def segments(source: Source, claims: list[tuple[str, Claim]]) -> list[Segment]:
    """The source's text cut at every claim's start and end, each piece with the claims over it."""
    n = len(source.text)
    spans = [(max(0, min(c.start, n)), max(0, min(max(c.end, c.start), n)), cid, c) for cid, c in claims]
    spans = [s for s in spans if s[1] > s[0]]
    cuts = sorted({0, n, *(s[0] for s in spans), *(s[1] for s in spans)})
    starts: dict[int, list] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    out: list[Segment] = []
    open_spans: list = []
    for a, b in zip(cuts, cuts[1:]):
        open_spans = [s for s in open_spans if s[1] > a] + starts.get(a, [])
        if not open_spans:
            out.append(Segment(source.text[a:b]))
            continue
        first = open_spans[0][3]
        out.append(Segment(
            source.text[a:b], [s[2] for s in open_spans], css_name(first.kind),
            anchors=[s[2] for s in starts.get(a, [])],
            title="; ".join(f"{s[3].kind}: {value_text(s[3].value)} ({s[3].rule})" for s in open_spans),
        ))
    return out


def css_name(text: str) -> str:
    return _slug(text) or "x"


# --- timelines ----------------------------------------------------------------------------


def _tick_step(top: float) -> float:
    """A round step (1, 2 or 5 times a power of ten, never below 1) giving about four ticks up to `top`."""
    raw = max(top / 4, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _x_positions(days: list[date], undated: bool, left: float, width: float) -> dict[date | None, float]:
    """Dates placed in proportion to the days between them; undated sources (None) at the right."""
    if len(days) > 1:
        usable = width * (0.8 if undated else 1.0)
        xs: dict[date | None, float] = {
            d: left + 24 + (usable - 48) * (d - days[0]).days / (days[-1] - days[0]).days for d in days
        }
        if undated:
            xs[None] = left + width - 24
        return xs
    slots = [*days, *([None] if undated else [])]
    return {d: left + width * (i + 1) / (len(slots) + 1) for i, d in enumerate(slots)}


def _day_span(xs: dict[date | None, float], plot_w: float) -> float:
    """The width within which the times of one day spread around its tick: most of the
    narrowest gap between two columns, so a day's points never reach the next day's."""
    positions = sorted(xs.values())
    gaps = [b - a for a, b in zip(positions, positions[1:])]
    return 0.8 * min(gaps or [plot_w / 2])


def _time_of_day(source: Source | None) -> float | None:
    """How far into its day (0 to 1, on the outlet's clock) a source was published, when known."""
    at = source.published_at if source else None
    if at is None or source.published is None or at.date() != source.published:
        return None
    return (at.hour * 3600 + at.minute * 60 + at.second) / 86400


def timeline(finding: Finding, sources: dict[str, Source]) -> Chart | None:
    """Value against publication date, one series per outlet, intervals drawn as ranges.

    Only for facts that can change as the news moves (tolls, arrests, missing people …)
    and that two or more sources state; undated sources sit in a column of their own.
    A source whose time of publication is known sits within its day's column by that time.
    """
    if finding.kind in STEADY_KINDS or finding.status == SINGLE:
        return None
    claims = [c for c in finding.claims
              if c.quantity is not None and isinstance(c.value, (int, float)) and math.isfinite(c.quantity.value)]
    if len({c.source for c in claims}) < 2:
        return None
    width, height, left, right, top, bottom = 440, 200, 44, 12, 12, 32
    days = sorted({s.published for c in claims if (s := sources.get(c.source)) and s.published})
    undated = any(not (s := sources.get(c.source)) or not s.published for c in claims)
    slots: list[date | None] = [*days, *([None] if undated else [])]
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = _x_positions(days, undated, left, plot_w)
    span = _day_span(xs, plot_w)
    finite = [v for c in claims for v in (c.quantity.low, c.quantity.high, c.quantity.value) if math.isfinite(v)]
    step = _tick_step(max(finite) * 1.1)
    top_value = step * math.ceil(max(finite) * 1.1 / step) or step

    def y(v: float) -> float:
        return top + plot_h * (1 - min(v, top_value) / top_value)

    by_outlet: dict[str, list[Claim]] = {}
    for c in claims:
        s = sources.get(c.source)
        by_outlet.setdefault((s.outlet if s and s.outlet else c.source), []).append(c)
    series = []
    for i, (name, group) in enumerate(by_outlet.items()):
        jitter = (i - (len(by_outlet) - 1) / 2) * 6
        points = []
        for c in group:
            s = sources.get(c.source)
            day = s.published if s else None
            into_day = _time_of_day(s)
            x = xs[day] + (jitter if into_day is None else (into_day - 0.5) * span)
            q = c.quantity
            at = f" ({s.published_at:%H:%M})" if into_day is not None else ""
            label = f"{c.source}{at}: {c.words} = {value_text(c.value)}"
            points.append(Point(round(x, 1), round(y(q.value), 1), round(y(q.low), 1),
                                round(y(q.high), 1), q.high == INFINITY, label))
        dated = sorted((p for p, c in zip(points, group) if sources.get(c.source) and sources[c.source].published),
                       key=lambda p: p.x)
        line = " ".join(f"{p.x},{p.y}" for p in dated) if len({p.x for p in dated}) > 1 else ""
        series.append(Series(name, SERIES_COLORS[i % len(SERIES_COLORS)], points, line))
    x_ticks = [(round(xs[d], 1), d.isoformat() if d else "undated") for d in slots]
    y_ticks = [(round(y(k * step), 1), value_text(float(k * step))) for k in range(round(top_value / step) + 1)]
    return Chart(width, height, left, top, height - bottom, width - right, x_ticks, y_ticks, series,
                 f"{finding.label or finding.kind} by publication date")


# --- building the views -------------------------------------------------------------------


def _interval(claim: Claim) -> str:
    q = claim.quantity
    if q is None or q.exact:
        return ""
    high = "∞" if q.high == INFINITY else value_text(q.high)
    return f"[{value_text(q.low)}, {high}]" + (f" “{q.qualifier}”" if q.qualifier else "")


def _confidence(finding: Finding) -> str:
    value = getattr(finding, "confidence", None)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return ""
    return f"{value:.2f}"


def story_view(index: int, report: StoryReport, findings: list[Finding], ids: dict[int, str], root: Path | None) -> StoryView:
    sources = {s.name: s for s in report.sources}
    by_source: dict[str, list[tuple[str, Claim]]] = {}
    numbers = itertools.count()
    views = []
    for f in sorted(findings, key=lambda f: STATUS_ORDER.get(f.status, UNKNOWN_STATUS_ORDER)):
        claim_views = []
        for c in f.claims:
            cid = f"c{index}.{next(numbers)}"
            by_source.setdefault(c.source, []).append((cid, c))
            s = sources.get(c.source)
            where = "{}:{}".format(*s.line_col(c.start)) if s else ""
            claim_views.append(ClaimView(cid, c.source, value_text(c.value), _interval(c), c.words, where))
        views.append(FindingView(
            ids[id(f)], f.status, css_name(f.status), f.kind, f.label or f.kind, f.rule, values_summary(f),
            f.reason, _confidence(f), claim_views, timeline(f, sources),
        ))
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.status] = counts.get(f.status, 0) + 1
    source_views = [
        SourceView(s.name, s.outlet or "", s.title, s.published.isoformat() if s.published else "",
                   HOW_PUBLISHED.get(s.published_how, s.published_how), segments(s, by_source.get(s.name, [])))
        for s in report.sources
    ]
    path = display_path(report.path, root)
    problems = [f"{p.path}: {p.message}" for p in report.problems]
    return StoryView(index, f"story:{index}", path, source_views, views, counts, problems)


def finding_ids(reports: list[StoryReport]) -> dict[int, str]:
    """A readable, unique fragment id per finding: its key ("deaths-total-paris"), prefixed by
    the story's folder name when the page holds several stories ("paris--deaths-total")."""
    ids: dict[int, str] = {}
    taken: set[str] = set()
    several = len(reports) > 1
    for report in reports:
        prefix = f"{_slug(Path(report.path).resolve().name) or 'story'}--" if several else ""
        for f in report.findings:
            base = prefix + (_slug(f.key) or _slug(f.kind) or "finding")
            fid, n = base, 1
            while fid in taken:
                n += 1
                fid = f"{base}-{n}"
            taken.add(fid)
            ids[id(f)] = fid
    return ids


# --- the page -----------------------------------------------------------------------------


@cache
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("factcheck.output", "templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, finalize=visible,
    )
    env.filters["article_text"] = article_text
    return env


@cache
def _asset(name: str) -> tuple[Markup, str]:
    """A static inline asset and its CSP source expression ('sha256-…')."""
    text = resources.files("factcheck.output").joinpath("templates", name).read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def render(reports: list[StoryReport], *, outcome: Outcome | None = None, root: Path | None = None,
           verbose: bool = False, **_options) -> str:
    shown = [[f for f in r.findings if outcome is None or not outcome.is_baselined(f)] for r in reports]
    ids = finding_ids(reports)
    stories = [story_view(i, r, fs, ids, root) for i, (r, fs) in enumerate(zip(reports, shown))]
    totals: dict[str, int] = {}
    for story in stories:
        for status, n in story.counts.items():
            totals[status] = totals.get(status, 0) + n
    style, style_hash = _asset("report.css")
    script, script_hash = _asset("report.js")
    known = [s for s in (CONFLICT, EXPLAINED, UNCLEAR) if s in totals]
    others = sorted((s for s in totals if s not in STATUS_ORDER), key=str)
    return _environment().get_template("report.html.j2").render(
        stories=stories, totals=totals, statuses=[*known, *others, AGREE, SINGLE],
        sources=sum(len(r.sources) for r in reports), verbose=verbose,
        kinds=sorted({css_name(f.kind) for fs in shown for f in fs}),
        title=stories[0].path if len(stories) == 1 else f"{len(stories)} stories",
        style=style, script=script,
        csp=f"default-src 'none'; style-src {style_hash}; script-src {script_hash}; img-src data:; "
            "base-uri 'none'; form-action 'none'",
    )

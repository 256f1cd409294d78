"""The report a fact-checker reads in a terminal: conflicts first, each claim shown in its sentence.

Article text is untrusted. Everything that comes from an article (or from a path, a
title, an engine reason quoting an article) goes through `visible()` and into rich
`Text` objects, never into markup strings, so a sentence cannot inject styles, ANSI
escapes, terminal hyperlinks or bidi reordering into the report.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import sys

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.model import AGREE, CONFLICT, EXPLAINED, INFINITY, SINGLE, UNCERTAIN, UNCLEAR, Claim, Finding, Source, StoryReport

DEFAULT_WIDTH = 100
SIDE_BY_SIDE_MAX = 3  # more claims than this: one row per claim instead of one column
SENTENCE_MAX = 280  # longer sentences are cut to a window around the matched words
SENTENCE_CONTEXT = 110  # characters kept on each side of the match when cutting

STATUS_STYLE = {CONFLICT: "bold red", EXPLAINED: "bold yellow", UNCERTAIN: "magenta", AGREE: "green", SINGLE: "cyan"}
HIGHLIGHT_STYLE = "bold reverse"
ESCAPE_STYLE = "bold magenta"
# Without colour a highlight is invisible, so matched words get plain-text marks instead.
PLAIN_MARKS = ("[[", "]]")

# Characters that would let article text act on the terminal or reorder what is shown:
# C0 (bar tab and line ends, handled apart), DEL, C1, bidi embeddings/overrides/isolates,
# directional marks, line/paragraph separators.
_BIDI = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(chr(c) for c in sorted(_BIDI)) + "\ud800-\udfff]"
)
_LINE_END = re.compile(r"\r\n|\n|\t")  # one line per field; a tab would expand to 8 columns


def _escape_char(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object, style: str = "", *, escape_style: str = ESCAPE_STYLE) -> Text:
    """Untrusted text as a rich Text: no markup parsed, line ends and tabs as spaces, controls shown as escapes."""
    s = _LINE_END.sub(" ", "" if text is None else str(text))
    out = Text(style=style)
    pos = 0
    for m in _UNSAFE.finditer(s):
        if m.start() > pos:
            out.append(s[pos : m.start()])
        out.append(_escape_char(m.group()), style=escape_style)
        pos = m.end()
    if pos < len(s):
        out.append(s[pos:])
    return out


def plain_visible(text: object) -> str:
    """`visible()` as a plain string, for places that need one (column headers, sorting)."""
    return visible(text).plain


# --- colour and console -------------------------------------------------------------------


def use_color(color: bool | None) -> bool:
    """Explicit choice wins; otherwise NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", ""):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _width(width: int | None) -> int:
    """Asked width, else the terminal's when writing to one, else a fixed width for files and pipes."""
    if width:
        return width
    try:
        if sys.stdout.isatty():
            return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    except (AttributeError, ValueError):
        pass
    return DEFAULT_WIDTH


def _console(color: bool, width: int) -> Console:
    # markup/emoji/highlight off: nothing printed is ever interpreted, even by mistake.
    # no_color and an empty environment so NO_COLOR / FORCE_COLOR / TERM cannot override the decision.
    return Console(
        file=io.StringIO(),
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        _environ={},
    )


# --- formatting pieces --------------------------------------------------------------------


def _number(x: float) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def format_value(claim: Claim) -> str:
    """The claimed value, with the interval it stands for when the wording widened it."""
    value = _number(claim.value) if isinstance(claim.value, (int, float)) else str(claim.value)
    q = claim.quantity
    if q is None or q.exact:
        return value
    if q.high == INFINITY:
        if q.low == q.value:
            return f"{value} or more"
        span = f"{_number(q.low)} or more"
    elif q.low == q.high:
        span = _number(q.low)
    else:
        span = f"{_number(q.low)}–{_number(q.high)}"
    return f"{value} ({span})"


def _value_text(claim: Claim) -> Text:
    text = visible(format_value(claim), "bold")
    if claim.history:
        text.append(" (earlier figure)", style="dim")
    if claim.changed:
        text.append(" (updated figure)", style="dim")
    return text


def _where(claim: Claim, sources: dict[str, Source]) -> str:
    source = sources.get(claim.source)
    if source is None:
        return "?"
    line, col = source.line_col(claim.start)
    return f"{line}:{col}"


def _locate(sentence: str, words: str, hint: int) -> tuple[int, int] | None:
    """Where the matched words are in the sentence as shown: at their offset if it fits, else searched."""
    if not words:
        return None
    if 0 <= hint and sentence[hint : hint + len(words)] == words:
        return hint, hint + len(words)
    for haystack, needle in ((sentence, words), (sentence.casefold(), words.casefold())):
        hits = [m.start() for m in re.finditer(re.escape(needle), haystack)]
        if hits and len(haystack) == len(sentence):
            at = min(hits, key=lambda h: abs(h - hint))
            return at, at + len(needle)
    # The sentence may have been re-spaced: match the words with any whitespace between them.
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    hits = list(re.finditer(pattern, sentence, re.IGNORECASE)) if pattern else []
    if hits:
        m = min(hits, key=lambda m: abs(m.start() - hint))
        return m.start(), m.end()
    return None


def sentence_text(claim: Claim, color: bool) -> Text:
    """The claim's sentence with its matched words highlighted (marked, without colour)."""
    sentence = getattr(claim.sentence, "text", "") or ""
    hint = claim.start - getattr(claim.sentence, "start", 0)
    span = _locate(sentence, claim.words, hint)
    if span is None:
        text = visible(sentence)
        if claim.words:
            text.append("  matched: ", style="dim")
            text.append_text(_highlight(claim.words, color))
        return text
    start, end = span
    left, right = max(0, start - SENTENCE_CONTEXT), min(len(sentence), end + SENTENCE_CONTEXT)
    if len(sentence) <= SENTENCE_MAX:
        left, right = 0, len(sentence)
    text = Text()
    if left > 0:
        text.append("…", style="dim")
    text.append_text(visible(sentence[left:start]))
    text.append_text(_highlight(sentence[start:end], color))
    text.append_text(visible(sentence[end:right]))
    if right < len(sentence):
        text.append("…", style="dim")
    return text


def _highlight(words: str, color: bool) -> Text:
    if color:
        return visible(words, HIGHLIGHT_STYLE, escape_style=HIGHLIGHT_STYLE)
    text = Text(PLAIN_MARKS[0])
    text.append_text(visible(words))
    text.append(PLAIN_MARKS[1])
    return text


def _heading(title: str, count: int, style: str) -> Text:
    return Text.assemble((title, style), (f" ({count})", "dim"))


def _finding_title(finding: Finding, tag: str) -> Text:
    text = Text.assemble((tag, STATUS_STYLE.get(finding.status, "bold")), " ")
    text.append_text(visible(finding.label or finding.key or finding.kind, "bold"))
    rule = finding.rule or (finding.claims[0].rule if finding.claims else "")
    if rule:
        text.append("  ")
        text.append_text(visible(rule, "dim"))
    if finding.severity and finding.severity != "error":
        text.append("  ")
        text.append_text(visible(finding.severity, "dim"))
    if finding.confidence is not None:
        text.append(f"  confidence {finding.confidence:.2f}", style="dim")
    return text


def _reason(finding: Finding) -> Text | None:
    if not finding.reason:
        return None
    text = Text("Reason: ", style="bold")
    text.append_text(visible(finding.reason))
    return text


def _sources_of(claims: list[Claim]) -> list[str]:
    seen: list[str] = []
    for c in claims:
        if c.source not in seen:
            seen.append(c.source)
    return seen


# --- sections -----------------------------------------------------------------------------


def sources_table(report: StoryReport) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("Source", overflow="fold")
    table.add_column("Outlet / title", overflow="fold", ratio=1)
    table.add_column("Published", no_wrap=True)
    table.add_column("Date from", no_wrap=True)
    for s in report.sources:
        who = Text()
        if s.outlet:
            who.append_text(visible(s.outlet, "bold"))
        if s.title:
            if who:
                who.append("\n")
            who.append_text(visible(s.title))
        if s.input_format == "html":
            who.append_text(Text(("\n" if who else "") + "extracted from HTML", style="dim"))
        if not who:
            who = Text("—", style="dim")
        published = Text(s.published.isoformat()) if s.published else Text("—", style="dim")
        if s.published_at is not None:
            published.append(s.published_at.strftime("\n%H:%M %z").rstrip())
        how_style = "dim" if s.published_how in ("unknown", "inferred") else ""
        table.add_row(visible(s.name), who, published, visible(s.published_how, how_style))
    return table


def claims_table(claims: list[Claim], sources: dict[str, Source], color: bool) -> Table:
    """Claims side by side, one column each; with many, one row each so nothing gets squeezed."""
    if len(claims) <= SIDE_BY_SIDE_MAX:
        table = Table(box=box.ROUNDED, show_header=True, expand=True)
        table.add_column("", style="dim", no_wrap=True)
        for c in claims:
            table.add_column(visible(c.source, "bold"), overflow="fold", ratio=1)
        table.add_row(Text("Value"), *[_value_text(c) for c in claims])
        table.add_row(Text("Where"), *[Text(_where(c, sources)) for c in claims])
        table.add_row(Text("Sentence"), *[sentence_text(c, color) for c in claims])
        return table
    table = Table(box=box.ROUNDED, show_header=True, expand=True)
    table.add_column("Source", overflow="fold")
    table.add_column("Where", no_wrap=True)
    table.add_column("Value", overflow="fold")
    table.add_column("Sentence", overflow="fold", ratio=1)
    for c in claims:
        table.add_row(visible(c.source, "bold"), Text(_where(c, sources)), _value_text(c), sentence_text(c, color))
    return table


def conflict_block(finding: Finding, sources: dict[str, Source], color: bool) -> Group:
    parts: list[RenderableType] = [_finding_title(finding, "CONFLICT"), claims_table(finding.claims, sources, color)]
    reason = _reason(finding)
    if reason is not None:
        parts.append(reason)
    parts.append(Text(""))
    return Group(*parts)


def explained_block(finding: Finding, sources: dict[str, Source], color: bool, verbose: bool) -> Group:
    """An explained difference: each source's figure on one line, then why they do not conflict."""
    parts: list[RenderableType] = [_finding_title(finding, finding.status.upper())]
    if verbose:
        parts.append(claims_table(finding.claims, sources, color))
    else:
        for c in finding.claims:
            line = Text("  ")
            line.append_text(visible(c.source, "bold"))
            line.append(f" {_where(c, sources)}: ", style="dim")
            line.append_text(_value_text(c))
            if c.words:
                line.append("  “", style="dim")
                line.append_text(visible(c.words))
                line.append("”", style="dim")
            parts.append(line)
    reason = _reason(finding)
    if reason is not None:
        parts.append(Padding(reason, (0, 0, 0, 2)))
    parts.append(Text(""))
    return Group(*parts)


def agreements_table(findings: list[Finding]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Fact", overflow="fold", ratio=2)
    table.add_column("Value", overflow="fold", ratio=1)
    table.add_column("Sources", overflow="fold", ratio=2)
    for f in findings:
        values = list(dict.fromkeys(format_value(c) for c in f.claims))
        table.add_row(
            visible(f.label or f.key),
            visible(" / ".join(values), "bold"),
            visible(", ".join(_sources_of(f.claims))),
        )
    return table


def singles_table(findings: list[Finding], sources: dict[str, Source]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Fact", overflow="fold", ratio=2)
    table.add_column("Value", overflow="fold", ratio=1)
    longest = max((len(plain_visible(c.source)) for f in findings for c in f.claims), default=0)
    table.add_column("Source", overflow="fold", min_width=min(longest, 32))  # wrap the words, not the names
    table.add_column("Where", no_wrap=True)
    table.add_column("Words", overflow="fold", ratio=2)
    for f in findings:
        for c in f.claims or []:
            table.add_row(visible(f.label or f.key), _value_text(c), visible(c.source), Text(_where(c, sources)), visible(c.words))
    return table


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def summary_line(counts: dict[str, int], n_sources: int, n_stories: int | None = None) -> str:
    """ "1 conflict, 2 explained, 5 agree, 12 single-source across 3 sources" """
    text = (
        f"{_plural(counts.get(CONFLICT, 0), 'conflict')}, {counts.get(EXPLAINED, 0)} explained, "
        + (f"{counts[UNCERTAIN]} uncertain, " if counts.get(UNCERTAIN) else "")
        + f"{counts.get(AGREE, 0)} agree, {counts.get(SINGLE, 0)} single-source across {_plural(n_sources, 'source')}"
    )
    if n_stories is not None:
        text += f" in {_plural(n_stories, 'story', 'stories')}"
    return text


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.status] = counts.get(f.status, 0) + 1
    return counts


def render_story(console: Console, report: StoryReport, *, verbose: bool, color: bool) -> None:
    sources = {s.name: s for s in report.sources}
    by_status: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_status.setdefault(f.status, []).append(f)

    title = Text("Story ", style="bold")
    title.append_text(visible(str(report.path), "bold underline"))
    console.rule(title, align="left")
    if report.sources:
        console.print(sources_table(report))
    else:
        console.print(Text("No readable sources.", style="dim"))
    console.print()

    if not report.findings:
        console.print(Text("No checkable facts found.", style="dim"))
        console.print()

    conflicts = by_status.pop(CONFLICT, [])
    if conflicts:
        console.print(_heading("Conflicts", len(conflicts), STATUS_STYLE[CONFLICT]))
        for f in conflicts:
            console.print(conflict_block(f, sources, color))

    explained = by_status.pop(EXPLAINED, [])
    if explained:
        console.print(_heading("Explained differences", len(explained), STATUS_STYLE[EXPLAINED]))
        for f in explained:
            console.print(explained_block(f, sources, color, verbose))

    uncertain = by_status.pop(UNCERTAIN, [])
    if uncertain:
        console.print(_heading("Uncertain differences", len(uncertain), STATUS_STYLE[UNCERTAIN]))
        if verbose:
            for f in uncertain:
                console.print(explained_block(f, sources, color, verbose))
        else:
            console.print(Text(f"{_plural(len(uncertain), 'difference')} below the confidence threshold (--min-confidence); --verbose lists them.", style="dim"))
            console.print()

    agree = by_status.pop(AGREE, [])
    if agree:
        console.print(_heading("Agreements", len(agree), STATUS_STYLE[AGREE]))
        console.print(agreements_table(agree))
        console.print()

    singles = by_status.pop(SINGLE, [])
    if singles:
        console.print(_heading("Single-source facts", len(singles), STATUS_STYLE[SINGLE]))
        if verbose:
            console.print(singles_table(singles, sources))
        else:
            console.print(Text(f"{_plural(len(singles), 'fact')} stated by one source only; --verbose lists them.", style="dim"))
        console.print()

    unclear = by_status.pop(UNCLEAR, [])
    if unclear:
        console.print(_heading("Not compared", len(unclear), STATUS_STYLE[SINGLE]))
        if verbose:
            for f in unclear:
                console.print(explained_block(f, sources, color, verbose))
        else:
            console.print(Text(f"{_plural(len(unclear), 'count')} of one noun about different things; --verbose lists them.", style="dim"))
        console.print()

    # Statuses this renderer does not know are still shown, never dropped.
    for status, findings in by_status.items():
        console.print(_heading(f"Other findings: {plain_visible(status)}", len(findings), "bold"))
        for f in findings:
            console.print(explained_block(f, sources, color, verbose))

    if report.problems:
        console.print(_heading("Problems", len(report.problems), "bold"))
        for p in report.problems:
            line = Text("  ")
            line.append(p.level, style="red" if p.level == "error" else "yellow")
            line.append(" ")
            line.append_text(visible(p.path, "bold"))
            line.append(": ")
            line.append_text(visible(p.message))
            console.print(line)
        console.print()

    if report.duplicates:
        console.print(_heading("Duplicates", len(report.duplicates), "bold"))
        for copy, original in report.duplicates:
            line = Text("  ")
            line.append_text(visible(copy, "bold"))
            line.append(" is an exact copy of ")
            line.append_text(visible(original, "bold"))
            line.append(" (checked once)", style="dim")
            console.print(line)
        console.print()

    counts = _counts(report.findings)
    style = STATUS_STYLE[CONFLICT] if counts.get(CONFLICT) else "bold"
    console.print(Text(summary_line(counts, len(report.sources)), style=style))


def render(
    reports: list[StoryReport],
    *,
    verbose: bool = False,
    color: bool | None = None,
    width: int | None = None,
    **_ignored,
) -> str:
    """The whole report as a string; `color=None` decides from the environment and stdout."""
    colored = use_color(color)
    console = _console(colored, _width(width))
    if not reports:
        console.print(Text("No stories checked."))
    for i, report in enumerate(reports):
        if i:
            console.print()
        render_story(console, report, verbose=verbose, color=colored)
    if len(reports) > 1:
        counts = _counts([f for r in reports for f in r.findings])
        total = Text("Total: ", style="bold")
        total.append(summary_line(counts, sum(len(r.sources) for r in reports), len(reports)))
        console.print()
        console.print(total)
    # Tables pad every cell to the column width; trailing blanks only get in the way of diffs and copying.
    return "\n".join(line.rstrip(" ") for line in console.file.getvalue().split("\n"))

"""Suppressions written in the articles themselves, like `# noqa` in code.

    <!-- factcheck: ignore[FC101] the toll here is the 2015 attack's -->
    <!-- factcheck: ignore-file[FC101,FC202] copied wire story -->
    <!-- factcheck: ignore[*] -->

`ignore[...]` covers the *next paragraph*: the text from the end of the comment to the first
blank line that comes after some text (blank lines straight after the comment are skipped,
so the comment may stand alone above its paragraph, or open the paragraph's first line).
`ignore-file[...]` covers the whole source. Codes are rule codes or code prefixes
(`FC1`), rule slugs when the rule set is known, or `*` for every rule.

They are applied to claims, before alignment, so a suppressed claim never takes part in a
fact and every output format leaves it out the same way. A suppression that removed
nothing is reported, so stale ones do not pile up.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

import regex

from factcheck.model import Claim, Problem, Source

_COMMENT = regex.compile(r"<!--[^\S\n]*factcheck[^\S\n]*:(?P<body>.*?)-->", regex.S)
_DIRECTIVE = regex.compile(r"\s*(?P<scope>ignore-file|ignore)\s*\[(?P<codes>[^\]\n]*)\](?P<reason>.*)", regex.S)
_CODE = regex.compile(r"\*|FC\d{0,3}|[a-z][a-z0-9-]*")
_NON_SPACE = regex.compile(r"\S")
_BLANK_LINE = regex.compile(r"\n[^\S\n]*(?=\n|\Z)")


def next_paragraph(text: str, pos: int) -> tuple[int, int]:
    """[pos, end): from `pos` to the first blank line after the next text (or the end)."""
    first = _NON_SPACE.search(text, pos)
    if first is None:
        return pos, len(text)
    blank = _BLANK_LINE.search(text, first.start())
    return pos, blank.start() if blank else len(text)


def paragraph_around(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the paragraph (run of non-blank lines) that holds `pos`."""
    start = 0
    for m in _BLANK_LINE.finditer(text):
        if m.end() > pos:
            break
        start = m.end()
    blank = _BLANK_LINE.search(text, pos)
    return start, blank.start() if blank else len(text)


@dataclass
class Suppression:
    """One directive: where it is, what it covers, and which of its codes removed a claim."""

    source: str
    line: int
    scope: str  # ignore | ignore-file
    codes: tuple[str, ...]
    start: int  # the region covered, offsets into Source.text
    end: int
    used: set[str]

    def covers(self, claim: Claim, slugs: dict[str, str]) -> str | None:
        """The code of this directive that matches the claim, if the claim is in its region."""
        if not (self.start <= claim.start < self.end):
            return None
        for code in self.codes:
            if matches(code, claim.rule, slugs):
                return code
        return None

    def label(self, code: str) -> str:
        return f"{self.scope}[{code}]"


def matches(selector: str, code: str, slugs: dict[str, str] | None = None) -> bool:
    """A selector names a rule: `*`, a code or code prefix (FC1), or the rule's slug."""
    if selector == "*":
        return True
    if selector.upper().startswith("FC"):
        return code.startswith(selector.upper())
    return bool(slugs) and slugs.get(code) == selector


def did_you_mean(name: str, defined: dict[str, str]) -> str:
    """" (did you mean 'injuries'?)" for the rule code or slug closest to a mistyped name."""
    names = [*defined, *defined.values()]
    close = difflib.get_close_matches(name.lower(), [n.lower() for n in names], n=1)
    if not close:
        return ""
    return f" (did you mean '{next(n for n in names if n.lower() == close[0])}'?)"


def find_suppressions(source: Source) -> tuple[list[Suppression], list[Problem]]:
    """The directives in one source, and a Problem for each `factcheck:` comment that is not one."""
    found, problems = [], []
    text = source.text
    for m in _COMMENT.finditer(text):
        line = source.line_col(m.start())[0]
        directive = _DIRECTIVE.fullmatch(m["body"])
        codes = tuple(c.strip() for c in directive["codes"].split(",")) if directive else ()
        if not directive or not codes or not all(_CODE.fullmatch(c) for c in codes):
            shown = " ".join(m.group().split())[:80]
            problems.append(Problem(
                source.name,
                f"cannot read suppression at line {line}: {shown} (expected ignore[CODES] or ignore-file[CODES], "
                "codes separated by commas, or *)",
            ))
            continue
        if directive["scope"] == "ignore-file":
            start, end = 0, len(text)
        else:
            start, end = next_paragraph(text, m.end())
        found.append(Suppression(source.name, line, directive["scope"], codes, start, end, set()))
    return found, problems


def apply_suppressions(sources: list[Source], claims: list[Claim], rules=None) -> tuple[list[Claim], list[Problem]]:
    """(claims not suppressed, problems): unused suppressions and unreadable directives.

    With `rules` (a RuleSet), slugs may stand for codes, and a code of a rule left out of
    it (by --select, say) is not reported as unused; a code that names no rule at all is
    reported as a likely typo, with the closest rule name.
    """
    slugs = {r.code: r.slug for r in rules.rules} if rules is not None else {}
    defined = (rules.defined or slugs) if rules is not None else {}
    by_source: dict[str, list[Suppression]] = {}
    problems: list[Problem] = []
    for source in sources:
        found, unreadable = find_suppressions(source)
        by_source[source.name] = found
        problems.extend(unreadable)
    kept = []
    for claim in claims:
        hit = False
        for suppression in by_source.get(claim.source, ()):
            code = suppression.covers(claim, slugs)
            if code is not None:
                suppression.used.add(code)
                hit = True
        if not hit:
            kept.append(claim)
    for name, suppressions in by_source.items():
        for s in suppressions:
            for code in s.codes:
                if code in s.used:
                    continue
                if rules is not None and code != "*" and not any(matches(code, c, slugs) for c in slugs):
                    if not any(matches(code, c, defined) for c in defined):
                        problems.append(Problem(name, f"suppression {s.label(code)} at line {s.line} names no rule{did_you_mean(code, defined)}"))
                    continue
                problems.append(Problem(name, f"unused suppression {s.label(code)} at line {s.line}"))
    return kept, problems

"""Dates in article text: the publication date, and the days events are said to have happened.

Articles about one story rarely agree on wording ("Sunday night", "Jan. 11", "last week"),
so every mention is resolved to a calendar day against the article's own publication date,
which is what a reader of that article would do.
"""
from __future__ import annotations

from datetime import date

import regex

__all__ = ["find_publication_date"]

# Month names as they appear in print, lower-cased, with AP and common abbreviations.
_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Longest first so the alternation never stops at a prefix ("Sep" of "September").
_MONTH_WORDS = sorted(_MONTHS, key=len, reverse=True)


def _month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- publication date --------------------------------------------------------------------

_HEAD = 600  # how far into an article its date line or dateline may start

_DATE_LINE = regex.compile(
    r"^[ \t]*Date[ \t]*:[ \t]*(?:(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"|(?P<mon>[A-Za-z]+\.?)[ \t]+(?P<md>\d{1,2}),?[ \t]+(?P<my>\d{4}))",
    regex.M | regex.I,
)

_UPPER_MONTHS = "|".join(w.upper() for w in _MONTH_WORDS)
_ANY_MONTHS = "|".join(_MONTH_WORDS)
# "April 8, 2015", "MARCH 2, 2024", and a month glued to a byline in capitals
# ("JAMES KANTERJAN. 19, 2015"): there the month must be in capitals too.
_DATELINE = regex.compile(
    rf"(?:(?<![A-Za-z])(?i:(?P<mon>{_ANY_MONTHS}))|(?<=[A-Z])(?P<mon>{_UPPER_MONTHS}))"
    r"\.?[ \t]+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|(?<![\d/-])(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)"
)
_UPDATED = regex.compile(r"(?i:updated|modified|revised)\W*(?:[A-Za-z]+\W+){0,2}$")
_LABELLED = regex.compile(r"(?i:posted|published|first\s+published|date)\W*(?:[A-Za-z]+\W+){0,2}$")
_TIME_AFTER = regex.compile(r"\W{0,3}\d{1,2}:\d\d")
_WORD = regex.compile(r"[A-Za-z][A-Za-z'’.]*")
# Lower-case words a dateline or byline line may carry besides names and the date itself.
_LINE_WORDS = frozenset(
    "and by at on of the am pm a.m. p.m. et est edt cst cdt pst pdt gmt utc bst cet cest"
    " updated posted published staff".split()
)


def find_publication_date(text: str) -> tuple[date | None, str]:
    """The date an article was published, read from its head, and how it was found.

    Returns (date, "date line") for a ``Date: 2015-11-23`` header line, (date, "dateline")
    for a printed dateline ("JAN. 19, 2015", "Posted: Wednesday, April 8, 2015 4:09 AM EDT")
    and (None, "unknown") otherwise. A date inside a sentence of the story ("The July 29,
    2014, shooting ...") is not a dateline: it says when something happened, not when the
    article appeared, so only lines that hold little besides names, labels and times count.
    """
    head = text[: _HEAD + 40]
    for m in _DATE_LINE.finditer(head):
        if m.start() >= _HEAD:
            break
        if m["y"]:
            day = _make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        elif m["mon"].rstrip(".").lower() in _MONTHS:
            day = _make_date(int(m["my"]), _month_number(m["mon"]), int(m["md"]))
        else:
            day = None
        if day:
            return day, "date line"

    labelled: date | None = None
    updated: date | None = None
    plain: date | None = None
    for m in _DATELINE.finditer(head):
        if m.start() >= _HEAD:
            break
        if m["mon"]:
            day = _make_date(int(m["y"]), _month_number(m["mon"]), int(m["d"]))
        else:
            day = _make_date(int(m["iy"]), int(m["im"]), int(m["id"]))
        if day is None:
            continue
        line_start = head.rfind("\n", 0, m.start()) + 1
        line_end = head.find("\n", m.end())
        line_end = len(head) if line_end < 0 else line_end
        before, after = head[line_start : m.start()], head[m.end() : line_end]
        if _UPDATED.search(before):
            updated = updated or day
        elif _LABELLED.search(before):
            labelled = labelled or day
        elif _TIME_AFTER.match(after) or _looks_like_dateline(before + " " + after):
            plain = plain or day
        if labelled:
            break
    for day in (labelled, plain, updated):
        if day:
            return day, "dateline"
    return None, "unknown"


def _looks_like_dateline(rest: str) -> bool:
    """True when the rest of a line is names, labels and times rather than a sentence."""
    prose = sum(
        1 for w in _WORD.findall(rest) if w[0].islower() and w.lower() not in _LINE_WORDS
    )
    return prose < 3

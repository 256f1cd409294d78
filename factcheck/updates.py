"""Live blogs: the time stamp of the update each claim stands under.

A live blog keeps its old updates on the page ("6:10pm Police say three officers have been
hurt" below "9:30pm … five officers were hurt"). An earlier update's figure is superseded,
not the source's answer, just as "initially reported" is history.
"""
from __future__ import annotations

import bisect
import re

import regex

from factcheck.model import Source

# A paragraph that opens with a time: "**UPDATE 4:20 p.m.** —", "9:30pm", "21:50 - ", "11:55 PM"
_STAMP = regex.compile(
    r"^[ \t*_#>]*(?:updated?\s*:?\s*)?(?P<h>\d{1,2})[:.](?P<m>[0-5]\d)\s*(?P<ap>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:ET|EST|EDT|CT|CDT|PT|PDT|GMT|BST|UTC|IST|local\s+time))?[ \t*_]*"
    r"(?:[-–—:|]|$|(?<=(?:[ap]\.?\s?m\.?|\*\*)[ \t*_]*)(?=[\p{Lu}\"“]))",
    regex.M | regex.I,
)
# Where a stamp may start: a line whose first character past `[ \t*_#>]` is a u (of "update"),
# a digit or any non-ASCII character (a digit of another script). Found by the fast `re`
# scanner, so `_STAMP` is tried at a few line starts instead of at every position.
_MAYBE_STAMP = re.compile(r"^[ \t*_#>]*+[Uu0-9\x80-\U0010ffff]", re.M)


def update_marks(source: Source) -> list[tuple[int, int]]:
    """(offset in the text, minutes after midnight) of each update stamp; empty unless the
    source has two or more, as a live blog does."""
    marks, text, done = [], source.text, 0
    for line in _MAYBE_STAMP.finditer(text):
        if line.start() < done:
            continue
        m = _STAMP.match(text, line.start())
        if m is None:
            continue
        done = m.end()
        hour, minute = int(m["h"]), int(m["m"])
        half = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
        if hour > 23 or (half and not 1 <= hour <= 12):
            continue
        if half == "pm" and hour != 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        marks.append((m.start(), hour * 60 + minute))
    return marks if len(marks) >= 2 else []


def update_time(offset: int, marks: list[tuple[int, int]]) -> int | None:
    """The time of the update a position stands under, or None before the first stamp."""
    i = bisect.bisect_right(marks, (offset, 24 * 60)) - 1
    return marks[i][1] if i >= 0 else None

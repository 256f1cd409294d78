"""Split a source's clean text into sentences, with offsets into the article as written.

Web copy glues sentences together ("the meeting.“We need", "court.A third man"), so a
sentence may end without a space after it; abbreviations, initials and decimals do not end
one. A line break ends a sentence, since headlines and captions have no full stop, unless
the text plainly runs on (hard-wrapped text, see `_runs_on`). Each line is a paragraph, and
so is each run of wrapped lines; the first line, the title's, is paragraph 0.

One regex pass finds the candidate cuts (line breaks and runs of . ! ?); only those are
looked at in Python, so long texts split at many MB/s and no input can make it hang.
"""
from __future__ import annotations

import re

import regex

from factcheck.model import Sentence, Source

# Words written with a full stop that never end a sentence: titles before a name, months
# before a day, and the like ("Mr. Reynders", "Jan. 9", "Fort" as "Ft."). Lower case, no dot.
NEVER_END = frozenset(
    """mr mrs ms messrs mme dr prof gov sen sens rep reps lt sgt capt cpl pvt col gen maj adm
    cmdr cdr brig supt det insp atty rev hon pres fr jan feb mar apr jun jul aug sep sept oct
    nov dec mt ft vs v nos vol fig pp approx dept univ""".split()
)
# Abbreviations that may also end a sentence ("Acme Inc. The company ...", "in the U.S. The"):
# they end one only when the next word is one that usually starts a sentence. Dotted
# initialisms (U.S., U.K., D.C., a.m., p.m.) follow the same rule.
MAY_END = frozenset("inc co corp ltd llc plc jr sr bros st ave rd blvd etc al".split())
STARTERS = frozenset(
    """The A An He She It They We I You His Her Its Their Our My This That These Those There
    Here But And Or So Yet In On At For As After Before When While If Although Though""".split()
)
MAX_SENTENCE = 3000  # longer runs (a page with no full stop) are cut at a space, for the stages after

# A line break (with the blank lines after it), or a run of end punctuation with the quotes
# and blanks after it, unless a lower-case letter follows ("e.g. the", "U.S. officials").
# It starts with a character class and uses `re`, so that the scan runs in C at tens of MB/s.
_CUT = re.compile(
    r"[\n.!?…。！？](?:(?<=\n)(?:[^\S\n]*+\n)*+"
    r"|(?P<stop>[.!?…。！？]*+)(?P<close>[”\"’'»)\]]*+)(?P<gap>[^\S\n]*+)(?![a-z]))"
)
_OPENERS = frozenset("“\"‘'«([¿¡")
_WORD_BEFORE = regex.compile(r"(?r)(?:[\p{L}\p{N}]+\.)*[\p{L}\p{N}]+")  # searched backwards: U.S, 1990s
_GLUED_MONTH = regex.compile(r"\p{Lu}(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)$")
_INITIALISM = regex.compile(r"\p{L}{1,2}(?:\.\p{L}{1,2})+")
_NEXT_WORD = regex.compile(r"[“\"‘'(\[«]*(\p{L}+)")
_FIRST_CHAR = re.compile(r"[^\S\n]*(\S)")


def split_sentences(source: Source) -> list[Sentence]:
    """The sentences of `source.clean`: `text` and `clean_start` are from `clean`, `start` and
    `end` point into `source.text`."""
    text, out = source.clean, []
    start = line_start = paragraph = 0
    paragraph_first = 0  # index in `out` of the current paragraph's first sentence

    def emit(a: int, b: int) -> None:
        span = text[a:b]
        words = span.strip()
        if not words:
            return
        a += len(span) - len(span.lstrip())
        pieces = _pieces(text, a, a + len(words)) if len(words) > MAX_SENTENCE else (((a, a + len(words)), words),)
        for (a, b), words in pieces:
            out.append(Sentence(source.name, source.original_offset(a), source.original_offset(b), words, paragraph, a))

    for m in _CUT.finditer(text):
        if m["stop"] is None:  # a line break
            if paragraph > 0 and _runs_on(text, line_start, m.start(), m.end()):
                line_start = m.end()
                continue
            emit(start, m.start())
            start = line_start = m.end()
            if len(out) > paragraph_first:
                paragraph += 1
                paragraph_first = len(out)
            continue
        cut = _cut(text, m, start)
        if cut is not None:
            emit(start, cut)
            start = cut
    emit(start, len(text))
    return out


def _cut(text: str, m: re.Match, start: int) -> int | None:
    """Where the sentence ends at this run of end punctuation, or None if it goes on."""
    if m.end() >= len(text):
        return None
    after = text[m.end()]
    if after == "\n" or after.islower() or not (after.isalnum() or after in _OPENERS):
        return None
    stop, close, gap = text[m.start() : m.end("stop")], m["close"], m["gap"]
    if stop != "." and after.isdigit() and ("." in stop or "…" in stop):
        return None  # an ellipsis ends a sentence before a capital, not before a number
    cut = m.end("close")
    if close == '"' and not gap and text.count('"', start, m.start()) % 2 == 0:
        cut = m.start("close")  # the quotes before are paired: this one opens the next sentence
    if stop != "." or close:
        return cut  # ! ? and CJK stops end a sentence, and so does a quote or bracket closed after one
    word = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start())
    word = word.group() if word and word.end() == m.start() else ""
    low = word.lower()
    if after.isdigit() and (not gap or low in NEVER_END or low == "no" or _GLUED_MONTH.search(word)):
        return None  # 1.2 million, $5.5, Jan. 9, No. 5, "By JAMES KANTERJAN. 19, 2015"
    if _INITIALISM.fullmatch(word) or low in MAY_END:
        follower = _NEXT_WORD.match(text, m.end())
        return cut if follower and follower[1].capitalize() in STARTERS else None
    if low in NEVER_END or (len(word) == 1 and word.isupper()):
        return None  # Mr. Reynders, John F. Kennedy
    if not gap and (low == "www" or text[max(0, m.start() - 40) : m.start()].rfind("://") >= 0):
        return None  # inside a web address
    return cut


def _runs_on(text: str, line_start: int, end: int, next_start: int) -> bool:
    """True when a line break sits inside a sentence of hard-wrapped text: the line has no
    end punctuation and the next starts in lower case, or with a number after a lower-case
    word ("killed\n20 people")."""
    before = text[max(line_start, end - 80) : end].rstrip()
    if not before or not (before[-1].isalnum() or before[-1] in ",-–—"):
        return False
    first = _FIRST_CHAR.match(text, next_start)
    return bool(first) and (first[1].islower() or (first[1].isdigit() and before[-1].islower()))


def _pieces(text: str, a: int, b: int):
    """((start, end), text) pieces of a long span, cut at spaces, without blanks around them."""
    while a < b:
        cut = b if b - a <= MAX_SENTENCE else text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        span = text[a:cut]
        words = span.strip()
        if words:
            start = a + len(span) - len(span.lstrip())
            yield (start, start + len(words)), words
        a = cut

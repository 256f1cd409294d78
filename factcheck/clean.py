"""Turn an article's decoded text into what extraction reads, keeping a map back to the file.

Claims must point at the article exactly, so cleaning never moves text silently:

1. `prepare` repairs mojibake with ftfy ("donâ€™t" → "don’t") only where the text looks
   broken, and records anchors wherever a repair changed the length (see
   Source.original_offset); then it turns characters that are blank to a reader but not to a
   regex (no-break and other unicode spaces, zero-width and bidi controls, control
   characters) into spaces, one for one.
2. `blank` replaces boilerplate (rules/boilerplate.toml) and any spans the loader names (front
   matter) with spaces, so lengths and line breaks stay where they were.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain

import regex

Anchors = tuple[tuple[int, int], ...]

# Mojibake is made of non-ASCII characters only ("â€™" for ’, "Ã©" for é), so ftfy is handed
# the runs of non-ASCII characters that hold something it would change (a UTF-8 lead byte
# read as cp1252/latin-1 followed by a continuation byte, C1 controls, ligatures, full-width
# forms, soft hyphens, combining marks for NFC), and HTML entities. The same few runs recur
# all through an article, so their repairs are cached; most text never reaches ftfy, which
# is slow. `_TRIGGER` holds the first characters of those sequences, for the fast `re`
# scanner; `_SUSPECT` then tells at a trigger whether to look closer.
_CP1252_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TRIGGER = re.compile(rf"[\x80-\x9f\xc2-\xf4&\x1b\ufb00-\ufb06\uff01-\uff5e\xad{_COMBINING}]")
_SUSPECT = regex.compile(
    rf"[\xc2-\xf4][{_CP1252_CONTINUATION}]|[ÂÃ] |[\x80-\x9f]|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);"
    rf"|\x1b|[\ufb00-\ufb06\uff01-\uff5e\xad{_COMBINING}]",
    regex.I,
)
_ENTITY_OR_ESCAPE = regex.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);|\x1b(?:\[[0-9;]*[A-Za-z]?)?", regex.I)
_RUN_START = regex.compile(r"(?r)[\x00-\x7f](?<![ÂÃ] )")  # the ASCII character before a run
_COMBINING_CHARS = regex.compile(f"[{_COMBINING}]")
_RUN_MAX = 200  # a longer run (CJK) is repaired in pieces, each cut before a lead byte
_RUN = re.compile(rf"(?:[^\x00-\x7f]|(?<=[ÂÃ]) ){{0,{_RUN_MAX}}}")  # "Ã " is a mangled "à" and its space
_CUT_BEFORE = re.compile(r"[\xc2-\xf4]")


@cache
def _ftfy():
    """ftfy and the repairs asked of it, imported when a run first needs them: it is slow
    to import, and most articles never reach it."""
    import ftfy

    config = ftfy.TextFixerConfig(
        uncurl_quotes=False,  # curly quotes are what the article printed
        fix_line_breaks=False,  # line ends are where the file has them
        remove_control_chars=False,  # `_ODD` turns them into spaces instead, keeping length
        explain=False,
    )
    return ftfy, config


# Characters a reader sees as blank or not at all: control and format characters (zero-width,
# bidi, soft hyphen) and unicode spaces, i.e. categories Cc, Cf, Zs, Zl, Zp of Unicode 14
# but tab, line feed and space (tests/test_clean.py checks the list). They become a space;
# line and paragraph separators (and a CR not followed by LF) a line break, so splitting sees
# the break the reader sees.
_ODD_BMP = (
    "\x00-\x08\x0b-\x1f\x7f-\xa0\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u1680"
    "\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb"
)
_ODD = re.compile(
    f"[{_ODD_BMP}\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# The same class without the characters past U+FFFF, which `re` checks one range at a time:
# searched three times as fast, it is all there is to look for in a text without them.
_ODD_IN_BMP = re.compile(f"[{_ODD_BMP}]")
_BREAKS = frozenset("\u2028\u2029\x85\x0b\x0c")


def prepare(text: str) -> tuple[str, Anchors]:
    """Repaired and normalised text, and the anchors that map its offsets back to `text`."""
    repaired, anchors = _repair(text)
    return _normalise(repaired), anchors


def _repair(text: str) -> tuple[str, Anchors]:
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    copied = delta = 0  # text copied to pieces so far; clean offset minus text offset
    for a, b in _suspect_runs(text):
        old = text[a:b]
        new, opcodes = _fix(old)
        if new == old:
            continue
        pieces += (text[copied:a], new)
        copied = b
        _add_anchors(anchors, a + delta, a, old, new, opcodes)
        delta += len(new) - len(old)
    if not pieces:
        return text, ()
    pieces.append(text[copied:])
    return "".join(pieces), tuple(anchors)


@lru_cache(maxsize=4096)
def _fix(old: str) -> tuple[str, tuple]:
    """ftfy's repair of one run, and how it lines up with the original."""
    ftfy, config = _ftfy()
    new = ftfy.fix_text(old.replace("\xad", ""), config)
    return new, tuple(difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes())


def _suspect_runs(text: str):
    """(start, end) of each run that may need repair, in order."""
    found, done = _TRIGGER.search(text), 0
    while found:
        at = found.start()
        if not _SUSPECT.match(text, at):
            found = _TRIGGER.search(text, at + 1)
            continue
        entity = _ENTITY_OR_ESCAPE.match(text, at)
        if entity:
            start, end = entity.span()
        else:
            before = _RUN_START.search(text, done, at)
            start = before.end() if before else done
            if start == at and _COMBINING_CHARS.match(text[at]) and at > done:
                start -= 1  # a combining mark composes with the letter before it
            end = max(_RUN.match(text, at).end(), at + 1)
        if end - start >= _RUN_MAX:  # the rest of a long run (CJK) is the next run
            cut = _CUT_BEFORE.search(text, start + _RUN_MAX // 2, start + _RUN_MAX)
            end = cut.start() if cut else start + _RUN_MAX
        yield start, end
        done = end
        found = _TRIGGER.search(text, end)


def _add_anchors(anchors: list[tuple[int, int]], clean_at: int, text_at: int, old: str, new: str, opcodes) -> None:
    """Anchors for one repaired run: what the repair left alone maps back exactly; characters
    a repair added past the original's length map to its last replaced one."""
    for _tag, i1, i2, j1, j2 in opcodes:
        _anchor(anchors, clean_at + j1, text_at + i1)
        last = text_at + max(i2 - 1, i1)
        for k in range(max(i2 - i1, 1), j2 - j1):
            _anchor(anchors, clean_at + j1 + k, last)
    _anchor(anchors, clean_at + len(new), text_at + len(old))


def _anchor(anchors: list[tuple[int, int]], clean: int, text: int) -> None:
    if anchors:
        last_clean, last_text = anchors[-1]
        if last_clean == clean:  # a later anchor at the same offset wins
            anchors.pop()
        elif text - last_text == clean - last_clean:  # the previous anchor already says so
            return
    elif clean == text:
        return
    anchors.append((clean, text))


def _normalise(text: str) -> str:
    if not _ODD_IN_BMP.search(text) and (text.isascii() or not _beyond_bmp(text) or not _ODD.search(text)):
        return text
    return _ODD.sub(_blank_char, text.replace("\r\n", " \n"))  # CRLF first: every line of a Windows file


def _beyond_bmp(text: str) -> bool:
    """Whether the text holds a character past U+FFFF: its UTF-16 is then longer than two
    bytes a character (encoding is a copy, much faster than any search)."""
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


def _blank_char(m: re.Match) -> str:
    ch = m.group()
    if ch in _BREAKS or (ch == "\r" and m.string[m.end() : m.end() + 1] != "\n"):
        return "\n"
    return " "


# --- boilerplate ---------------------------------------------------------------------------

# Where an inline pattern may start: at a capital at the start of a line, or after a sentence
# end and optional blanks. Trying the patterns only there is much faster than searching.
_INLINE_AT = re.compile(r"[\n.!?…\"”’')\]»][ \t]*+(?=[A-Z])")
_OPENERS = frozenset("“\"‘'(«[")  # what may follow an inline pattern, glued, besides a capital or a digit
_NEXT_NON_BLANK = re.compile(r"[^ \t]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_SHORT_LINE = re.compile(r"^[ \t]*+[^\s][^\n]{0,400}$", re.M)  # boilerplate lines are short; others are not tried


@dataclass(frozen=True)
class Boilerplate:
    """The patterns of rules/boilerplate.toml, each kind compiled into one alternation."""

    entries: tuple[dict, ...]
    line: regex.Pattern  # must match a whole line, blanks around it allowed
    inline: regex.Pattern  # tried where a sentence may start


@cache
def boilerplate() -> Boilerplate:
    """The shipped boilerplate patterns, read and compiled once."""
    source = resources.files("factcheck.rules").joinpath("boilerplate.toml")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    entries, parts = [], {"line": [], "inline": []}
    for where, items in data.items():
        if where not in parts:
            raise ValueError(f"boilerplate.toml: unknown table [[{where}]]")
        for item in items:
            missing = {"id", "pattern", "why"} - item.keys()
            if missing:
                raise ValueError(f"boilerplate.toml: entry {item.get('id', '?')} lacks {', '.join(sorted(missing))}")
            parts[where].append(f"(?{'i' if item.get('ignore_case') else '-i'}:{item['pattern']})")
            entries.append({**item, "where": where})
    try:
        return Boilerplate(
            tuple(entries),
            regex.compile(r"[ \t]*(?:" + "|".join(parts["line"]) + r")[ \t]*"),
            regex.compile("|".join(parts["inline"])),
        )
    except regex.error:  # name the entry at fault (compiled one by one only now: it is slow)
        for item in entries:
            try:
                regex.compile(item["pattern"])
            except regex.error as error:
                raise ValueError(f"boilerplate.toml: entry {item['id']}: {error}") from None
        raise


def blank(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]] = ()) -> str:
    """`text` with boilerplate and the given (start, end) spans replaced by spaces."""
    found = sorted([*spans, *_line_spans(text), *_inline_spans(text)])
    if not found:
        return text
    pieces, done = [], 0
    for start, end in found:
        start = max(start, done)
        if end <= start:
            continue
        pieces += (text[done:start], _NOT_NEWLINE.sub(" ", text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _line_spans(text: str):
    line = boilerplate().line
    for candidate in _SHORT_LINE.finditer(text):
        if line.fullmatch(text, *candidate.span()):
            yield candidate.span()


def _inline_spans(text: str):
    """Matches of the inline patterns that sit at a sentence boundary (see boilerplate.toml)."""
    inline, done = boilerplate().inline, 0
    first = _NEXT_NON_BLANK.search(text)  # the first line's start, after its blanks
    starts = chain((first.start(),) if first else (), (m.end() for m in _INLINE_AT.finditer(text)))
    for at in starts:
        if at < done:
            continue
        found = inline.match(text, at)
        if found and found.end() > at and _boundary_after(text, found.end()):
            yield at, found.end()
            done = found.end()


def _boundary_after(text: str, at: int) -> bool:
    if at >= len(text) or text[at] == "\n":
        return True
    if text[at] in " \t":
        after = _NEXT_NON_BLANK.search(text, at)
        return not after or after.group() == "\n"
    return text[at].isupper() or text[at].isdigit() or text[at] in _OPENERS

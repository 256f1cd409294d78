"""A cheap pass over a sentence's words that tells which rule frames cannot match where.

Every frame built from a rule's word lists (killed, wounded, death toll, ...) matches
only text that holds one of those phrases, word for word, at or after the place the
frame starts. So a frame none of whose phrases' key words (the longest word of each)
is among the sentence's words after a candidate start is not tried there. This is a
necessary condition, never a sufficient one: the precise `regex` frames still decide,
and what they find is the same with or without this pass (`PREFILTER = False` turns
it off). A hand-written `patterns` frame is read for the literal text it cannot
match without ("held", a digit, "year" and "old" in "held ... {age}[- ]years?[- ]old"),
and runs only in sentences that hold it.
"""
from __future__ import annotations

import os

import regex

# FACTCHECK_PREFILTER=off runs every frame everywhere, to compare (same findings, slower)
PREFILTER = os.environ.get("FACTCHECK_PREFILTER", "on") != "off"


def engine() -> str:
    """What `factcheck config` reports: the one engine shipped, a `\\w+` pass per sentence, or off."""
    return "word-scan" if PREFILTER else "off"


_WORD = regex.compile(r"\w+")
_QUANTIFIER = regex.compile(r"\{\d*,?\d*\}")
_LITERAL_PUNCTUATION = set(",;:'\"-!%&/<>=@#~`’“”")  # outside a class, each matches itself
_DIGITS = frozenset({r"\d"})  # {age}: a digit, of any script
_ANY_DIGIT = regex.compile(r"\d")
# which word list each named frame of a rule type is built from (see ruleset._compile)
_FRAME_WORDS = {
    "toll": {
        "zero": "zero", "one": "one", "after": "after", "before": "before", "left": "left",
        "noun": "nouns", "toll": "toll", "ordinal": "ordinal_after",
    },
    "count": {"count": "nouns", "hyphen": "hyphenated"},
}
# a frame's pattern source → a case-folded word of each phrase; every match holds one
_REQUIRED: dict[str, frozenset[str]] = {}
# a hand-written frame's pattern source → sets of literal runs, one of each the match holds
_LITERALS: dict[str, tuple[frozenset[str], ...]] = {}


def key_words(phrases: list[str]) -> frozenset[str] | None:
    """One case-folded word of each phrase, its longest (the rarest, as a rule); None when
    a phrase has no word."""
    words = set()
    for phrase in phrases:
        runs = _WORD.findall(phrase)
        if not runs:
            return None
        words.add(max(reversed(runs), key=len).casefold())
    return frozenset(words) or None


def required_literals(frame: str) -> tuple[frozenset[str], ...]:
    """Sets of literal runs a hand-written frame cannot match without: one of each set.

    Read only at the frame's top level: plain runs of letters, digits and punctuation,
    the digits of {age}, and groups that are not optional, whose every branch opens
    with letters. Anything unusual (inline flags, a
    top-level alternation) gives no set, so the frame always runs.
    """
    if "(?" in frame.replace("(?:", "").replace("(?P<", "").replace("(?=", "").replace("(?!", "").replace("(?<", ""):
        return ()
    needed, run, i, depth = [], "", 0, 0
    group_start = []

    def close_run():
        nonlocal run
        if run:
            needed.append(frozenset({run.casefold()}))
        run = ""

    while i < len(frame):
        c = frame[i]
        if c == "\\":
            escaped = frame[i + 1 : i + 2]
            if depth == 0 and escaped and not escaped.isalnum() and not escaped.isspace():
                run += escaped  # "\(": the character itself
                i += 2
                continue
            close_run()
            i += 2 + (frame.find("}", i) - i - 1 if escaped in ("p", "P", "N") and frame[i + 2 : i + 3] == "{" else 0)
            continue
        if c == "[":
            close_run()
            i = _class_end(frame, i)
            continue
        if c == "{":
            if run and _QUANTIFIER.match(frame, i):
                run = run[:-1]  # "e{0,2}": the letter is optional
            close_run()
            # {age} is digits, except before "-year-old", where it may be a word ("sixteen")
            if depth == 0 and frame.startswith("{age}", i) and not frame.startswith("{age}[- ]year", i):
                needed.append(_DIGITS)
            i = frame.index("}", i) + 1
            continue
        if c in "?*" and run:
            run = run[:-1]
            close_run()
            i += 1
            continue
        if c == "(":
            close_run()
            if depth == 0:
                group_start.append(i)
            depth += 1
            i += 1
            continue
        if c == ")":
            close_run()
            depth -= 1
            i += 1
            if depth == 0:
                optional = frame[i : i + 1] in ("?", "*") or frame[i : i + 2] in ("{0", "{,")
                opening = frame[group_start.pop() : i]
                if not optional:
                    needed.extend(_group_letters(opening))
            continue
        if c == "|" and depth == 0:
            return ()
        if depth == 0 and (c.isalnum() or c in _LITERAL_PUNCTUATION):
            run += c
        else:
            close_run()
        i += 1
    close_run()
    return tuple(needed)


def _class_end(frame: str, i: int) -> int:
    """The place after a character class that opens at i."""
    j = i + 1
    if frame[j : j + 1] == "^":
        j += 1
    if frame[j : j + 1] == "]":
        j += 1
    while j < len(frame) and frame[j] != "]":
        j += 2 if frame[j] == "\\" else 1
    return j + 1


def _group_letters(group: str) -> list[frozenset[str]]:
    """The letters a group opening with "(?:" or "(?P<name>" needs: the leading letters of
    each of its branches, when every branch has some."""
    head = regex.match(r"\((?:\?:|\?P<\w+>)", group)
    if not head:
        return []  # a look-around, or a plain group
    body, branches, depth, start, j = group[head.end() : -1], [], 0, 0, 0
    while j < len(body):
        c = body[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(body, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(body[start:j])
            start = j + 1
        j += 1
    branches.append(body[start:])
    leading = set()
    for branch in branches:
        m = regex.match(r"[A-Za-z]+", branch)
        if not m:
            return []
        letters = m.group()
        if branch[m.end() : m.end() + 1] in ("?", "*", "{"):
            letters = letters[:-1]
        if not letters:
            return []
        leading.add(letters.casefold())
    return [frozenset(leading)]


def register(ruleset) -> None:
    """Note, once per rule set, the words each of its frames needs."""
    if ruleset.__dict__.get("_scan_registered"):
        return
    for rule in ruleset.rules:
        lists = _FRAME_WORDS.get(rule.type, {})
        hand_written = iter(rule.patterns)
        for frame in rule.frames:
            if frame.name == "pattern":
                literals = required_literals(next(hand_written))
                if literals:
                    _LITERALS[frame.source] = literals
            elif frame.name in lists:
                words = key_words(rule.words(lists[frame.name]))
                if words is not None:
                    _REQUIRED[frame.source] = words
    ruleset.__dict__["_scan_registered"] = True


def last_places(text: str, cache: dict) -> dict[str, int]:
    """Each case-folded word of the sentence and where it last starts; worked out once."""
    places = cache.get("words")
    if places is None:
        places = cache["words"] = {m.group().casefold(): m.start() for m in _WORD.finditer(text)}
    return places


def last_start(source: str, text: str, cache: dict | None) -> int | None:
    """The last place a match of the pattern (by its regex source, so that it need not be
    compiled yet) can start, -1 when it cannot match at all, None when the pattern has no
    required words (or the prefilter is off)."""
    if not PREFILTER:
        return None
    if cache is None:  # a check that keeps nothing per sentence: worked out for this call
        cache = {}
    required = _REQUIRED.get(source)
    if required is None:
        literals = _LITERALS.get(source)
        if literals is None:
            return None
        for one_of in literals:
            key = "digit" if one_of is _DIGITS else one_of  # frames share literal sets: each is looked for once a sentence
            held = cache.get(key)
            if held is None:
                held = cache[key] = _holds(text, one_of, cache)
            if not held:
                return -1
        return None
    places = last_places(text, cache)
    if required.isdisjoint(places):
        return -1
    return max(map(places.__getitem__, required.intersection(places)))


def _holds(text: str, one_of: frozenset[str], cache: dict) -> bool:
    """Whether the sentence holds one of the literal runs (or a digit, for `_DIGITS`)."""
    if one_of is _DIGITS:
        return _ANY_DIGIT.search(text) is not None
    folded = cache.get("folded")
    if folded is None:
        folded = cache["folded"] = text.casefold()
    return any(run in folded for run in one_of)

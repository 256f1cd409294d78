"""Cheap passes over an article that tell which rules and frames cannot match where.

An article's sentences are joined (with a character no pattern matches between them) and
each of a few patterns derived from the rules runs over the whole once: the rules'
trigger words, the words of the frames' phrases, the number words and the event words.
Each hit is put down to its sentence, so a sentence's rules and frames are decided from the marks,
not by passes over every sentence for every rule. What follows is the word scan those
marks stand in for.

Every frame built from a rule's word lists (killed, wounded, death toll, ...) matches
only text that holds one of those phrases, word for word, at or after the place the
frame starts. So a frame none of whose phrases' key words (the longest word of each)
is among the sentence's words after a candidate start is not tried there, nor is one
none of whose phrases has all its words in the sentence ("death" and "toll"). This is a
necessary condition, never a sufficient one: the precise `regex` frames still decide,
and what they find is the same with or without this pass (`PREFILTER = False` turns
it off). A hand-written `patterns` frame is read for the literal text it cannot
match without ("held", a digit, "year" and "old" in "held ... {age}[- ]years?[- ]old"),
and runs only in sentences that hold it.
"""
from __future__ import annotations

import bisect
import functools
import os
import re
from dataclasses import dataclass

import regex

from factcheck.patterns import alternatives

# FACTCHECK_PREFILTER=off runs every frame everywhere, to compare (same findings, slower)
PREFILTER = os.environ.get("FACTCHECK_PREFILTER", "on") != "off"


def engine() -> str:
    """What `factcheck config` reports: the one engine shipped (the word scan, run per article), or off."""
    return "word-scan" if PREFILTER else "off"


_WORD = regex.compile(r"\w+")
_QUANTIFIER = regex.compile(r"\{\d*,?\d*\}")
_LITERAL_PUNCTUATION = set(",;:'\"-!%&/<>=@#~`’“”")  # outside a class, each matches itself
DIGITS = frozenset({r"\d"})  # {age}: a digit, of any script
_ANY_DIGIT = regex.compile(r"\d")
# which word list each named frame of a rule type is built from (see ruleset._compile)
_FRAME_WORDS = {
    "toll": {
        "zero": "zero", "none": "zero_verbs", "one": "one", "after": "after", "before": "before", "left": "left",
        "noun": "nouns", "toll": "toll", "ordinal": "ordinal_after",
    },
    "count": {"count": "nouns", "hyphen": "hyphenated"},
}
# a frame's pattern source → a case-folded word of each phrase (its key word), each with the
# other words of the phrases it is the key word of; every match holds one phrase, word for word
_REQUIRED: dict[str, dict[str, tuple[frozenset[str], ...]]] = {}
# a hand-written frame's pattern source → sets of literal runs, one of each the match holds
_LITERALS: dict[str, tuple[frozenset[str], ...]] = {}


def phrase_words(phrases: list[str]) -> dict[str, tuple[frozenset[str], ...]] | None:
    """One case-folded word of each phrase, its longest (the rarest, as a rule), each with the
    other words of every phrase it is the key word of; None when a phrase has no word."""
    return _phrase_words(tuple(phrases))


@functools.lru_cache(maxsize=1024)
def _phrase_words(phrases: tuple[str, ...]) -> dict[str, tuple[frozenset[str], ...]] | None:
    by_key: dict[str, set[frozenset[str]]] = {}
    for phrase in phrases:
        runs = [run.casefold() for run in _WORD.findall(phrase)]
        if not runs:
            return None
        key = max(reversed(runs), key=len)
        by_key.setdefault(key, set()).add(frozenset(runs) - {key})
    return {key: tuple(sorted(others, key=len)) for key, others in by_key.items()}


@functools.lru_cache(maxsize=1024)
def required_literals(frame: str) -> tuple[frozenset[str], ...]:
    """Sets of literal runs a hand-written frame cannot match without: one of each set.

    Read only at the frame's top level: plain runs of letters, digits and punctuation,
    the digits of {age}, and groups that are not optional, whose every branch opens
    with letters. Anything unusual (inline flags other than a group that ignores case, a
    top-level alternation) gives no set, so the frame always runs.
    """
    if "(?" in frame.replace("(?:", "").replace("(?i:", "").replace("(?P<", "").replace("(?=", "").replace("(?!", "").replace("(?<", ""):
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
                needed.append(DIGITS)
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
    """The letters a group opening with "(?:", "(?i:" or "(?P<name>" needs: the leading
    letters of each of its branches, when every branch has some (matched against case-folded
    text, so a group that ignores case needs no more)."""
    head = regex.match(r"\((?:\?:|\?i:|\?P<\w+>)", group)
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
                if literals:  # the longest runs first: the rarest, so a sentence without them is ruled out soonest
                    _LITERALS[frame.source] = tuple(sorted(literals, key=lambda runs: runs is not DIGITS and -min(map(len, runs))))
            elif frame.name in lists:
                words = phrase_words(rule.words(lists[frame.name]))
                if words is not None:
                    _REQUIRED[frame.source] = words
    ruleset.__dict__["_scan_registered"] = True


def last_places(text: str, cache: dict) -> dict[str, int]:
    """Where each case-folded word of the sentence last starts, worked out once; where a pass
    over the whole article filled the cache first (Article.cache), only the words of the
    plan's phrases."""
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
    return _last_start(source, text, {} if cache is None else cache)  # no cache: worked out for this call


def _last_start(source: str, text: str, cache: dict) -> int | None:
    required = _REQUIRED.get(source)
    if required is None:
        literals = _LITERALS.get(source)
        if literals is None:
            return None
        verdict = cache.get(source, -2)  # a frame is asked about twice: to pick the rules, then to run
        if verdict == -2:
            verdict = cache[source] = _literal_verdict(literals, text, cache)
        return verdict
    places = last_places(text, cache)
    last = -1
    for word, others in required.items():
        at = places.get(word, -1)
        if at > last and any(places.keys() >= phrase for phrase in others):
            last = at
    return last


def runnable(rule, text: str, cache: dict) -> list[tuple]:
    """(frame, last start) of each of the rule's frames that the scan does not rule out in
    the sentence (`last_start`), in the rule's order; worked out once a sentence and kept in
    its cache (a toll's check asks again when it reads the next sentence's breakdown)."""
    key = ("frames", id(rule))
    found = cache.get(key)
    if found is None:
        if PREFILTER:
            found = [(frame, last) for frame in rule.frames if (last := _last_start(frame.source, text, cache)) != -1]
        else:
            found = [(frame, None) for frame in rule.frames]
        cache[key] = found
    return found


def _literal_verdict(literals: tuple[frozenset[str], ...], text: str, cache: dict) -> int | None:
    """-1 unless the sentence holds one run of each set; each set is looked for once a
    sentence (frames share them)."""
    for one_of in literals:
        held = cache.get(one_of)
        if held is None:
            if one_of is DIGITS:
                held = _ANY_DIGIT.search(text) is not None
            else:
                folded = cache.get("folded")
                if folded is None:
                    folded = cache["folded"] = text.casefold()
                held = False
                for run in one_of:
                    if run in folded:
                        held = True
                        break
            cache[one_of] = held
        if not held:
            return -1
    return None


# The passes run the standard library's `re` where they can: over the lower case of the text,
# ignoring no case, it reads these patterns of plain words about three times as fast as
# `regex` ignoring case. It finds the same matches wherever the two engines read every
# character of the text and of the pattern alike: ASCII but for the four control characters
# `re` takes for white space, and characters of no case on which both agree whether they are
# a word character, white space or a digit. Anything else (an accented letter, "ß", the
# Kelvin sign) sends the article, or the pattern, to `regex`.
_RE_SPACES = frozenset("\x1c\x1d\x1e\x1f")
_CLASSES = tuple((re.compile(c), regex.compile(c)) for c in (r"\w", r"\s", r"\d"))
_CASELESS = regex.compile(r"[\x00-\x7f]", regex.I)


@functools.lru_cache(maxsize=4096)
def _plain_character(c: str) -> bool:
    """Whether `re` over the lower case reads the character as `regex` ignoring case does."""
    if c.isascii():
        return c not in _RE_SPACES
    if not c.lower() == c.upper() == c.casefold() == c or _CASELESS.fullmatch(c):
        return False  # a letter with a case: the two engines fold some of them differently
    return all(bool(fast.fullmatch(c)) == bool(slow.fullmatch(c)) for fast, slow in _CLASSES)


def _plain_text(text: str) -> bool:
    """Whether every character of the text is plain (`_plain_character`)."""
    if text.isascii():
        return _RE_SPACES.isdisjoint(text)
    return all(_plain_character(c) for c in set(text))


def finditer_plain(pattern: regex.Pattern, text: str):
    """The pattern's matches in the text, by its `re` twin over the lower case where the text
    is plain and the pattern has one (`_re_twin`): the same matches, found faster."""
    reader, over = _reader(pattern, text, text.lower() if _plain_text(text) else None)
    return reader.finditer(over)


def _reader(pattern: regex.Pattern, text: str, lowered: str | None) -> tuple[regex.Pattern | re.Pattern, str]:
    """The pattern and the text to run it over: its `re` twin over the lower case when there
    is one and the text is plain (`lowered` given), as fast and with the same matches."""
    if lowered is not None:
        twin = _re_twin(pattern)
        if twin is not None:
            return twin, lowered
    return pattern, text


@functools.lru_cache(maxsize=64)
def _re_twin(pattern: regex.Pattern) -> re.Pattern | None:
    """The pattern for `re`, to run over lower-case text: only for a pattern already in lower
    case, of plain characters, that `re` reads (no `\\p{...}`) with no flag but ignoring case."""
    source = pattern.pattern
    if pattern.flags & ~(regex.I | regex.U | regex.V0) or source != source.lower() or not _plain_text(source):
        return None
    try:
        return re.compile(source)
    except re.error:
        return None


# Put between an article's sentences for its passes: no rule, trigger, key, number or event
# pattern can match it, so no hit spans two sentences and every hit is the one the
# sentence alone would give (`\b` sees it as it sees the end of a text).
SEPARATOR = "\x00"


@dataclass(frozen=True)
class Plan:
    """What the article passes need, worked out once per rule set from its rules' data."""

    key_words: regex.Pattern | None  # every word of a word-gated frame's phrases, as whole words of case-folded text
    word_rules: dict[str, frozenset[int]]  # a key word → the rules with a frame that needs it
    literal_frames: dict[int, tuple[str, ...]]  # a rule → the sources of its frames gated by literal text
    open_rules: frozenset[int]  # rules with a frame the scan cannot rule out
    untriggered: frozenset[int]  # rules without trigger words: woken in every sentence
    event_classes: dict[int, frozenset[str]]  # a date rule → the event classes beside which it claims a day


def plan(ruleset) -> Plan:
    """The rule set's plan, built on first use and kept with it."""
    built = ruleset.__dict__.get("_scan_plan")
    if built is None:
        built = ruleset.__dict__["_scan_plan"] = _plan(ruleset)
    return built


def _plan(ruleset) -> Plan:
    register(ruleset)
    word_rules: dict[str, set[int]] = {}
    literal_frames: dict[int, list[str]] = {}
    open_rules, event_classes, gated = set(), {}, set()
    for i, rule in enumerate(ruleset.rules):
        if rule.type == "date":  # claims a day only beside one of its events, whatever its frames
            event_classes[i] = frozenset(rule.data.get("events", []))
            continue
        for frame in rule.frames:
            if frame.source in _REQUIRED:
                gated.add(frame.source)
                for word in _REQUIRED[frame.source]:
                    word_rules.setdefault(word, set()).add(i)
            elif frame.source in _LITERALS:
                literal_frames.setdefault(i, []).append(frame.source)
            else:
                open_rules.add(i)
    words = sorted({word for source in gated for key, others in _REQUIRED[source].items() for word in (key, *set().union(*others))})
    return Plan(
        key_words=regex.compile(r"\b" + alternatives(words) + r"\b") if words else None,
        word_rules={w: frozenset(r) for w, r in word_rules.items()},
        # the frame that needs the fewest literal runs first: the likeliest to let its rule run
        literal_frames={i: tuple(sorted(f, key=lambda source: len(_LITERALS[source]))) for i, f in literal_frames.items()},
        open_rules=frozenset(open_rules),
        untriggered=frozenset(i for i, r in enumerate(ruleset.rules) if not r.has_triggers),
        event_classes=event_classes,
    )


class Article:
    """One source's sentences, read by one pass of each pattern over them all; `number` is
    the pattern of a sentence worth reading for any rule but a date rule."""

    def __init__(self, ruleset, texts: list[str], number: regex.Pattern):
        self.ruleset, self.texts, self.plan = ruleset, texts, plan(ruleset)
        self.one_by_one = any(SEPARATOR in t for t in texts)
        self.plain = _plain_text("".join(texts))
        every = self._units(range(len(texts)))
        self.numbered = self._holding(number, every)
        # only a date rule reads a sentence without a number, and it has no trigger or key words
        numbered = self._units([i for i, held in enumerate(self.numbered) if held])
        self.woken: list[set[int]] = [set() for _ in texts]
        pattern, index = ruleset.trigger_index
        if pattern is not None:
            for i, m in self._hits(pattern, numbered):
                self.woken[i] |= index.get(" ".join(m.group().lower().split()), frozenset())
        self.events: list[set[str]] = [set() for _ in texts]
        if PREFILTER and self.plan.event_classes:
            for i, m in self._hits(ruleset.event_re, every):
                self.events[i].add(ruleset.events.get(" ".join(m.group().lower().split()), ""))
        self.words: list[dict[str, int] | None] = [None] * len(texts)
        if PREFILTER and self.plan.key_words is not None:
            self._key_words(numbered)

    def _units(self, chosen) -> list[tuple[str, list[int], list[int], str | None]]:
        """The chosen sentences as texts for a pattern to run over, each with where its
        sentences start, which they are, and its lower case when the article is plain (see
        `_plain_text`): all joined, or one by one if one holds the separator."""
        chosen = list(chosen)
        if self.one_by_one:
            return [(self.texts[i], [0], [i], self.texts[i].lower() if self.plain else None) for i in chosen]
        starts, at = [], 0
        for i in chosen:
            starts.append(at)
            at += len(self.texts[i]) + 1
        if not chosen:
            return []
        text = SEPARATOR.join(self.texts[i] for i in chosen)
        return [(text, starts, chosen, text.lower() if self.plain else None)]

    def _holding(self, pattern: regex.Pattern, units) -> list[bool]:
        """Whether the pattern matches in each sentence: after a match, the search goes on
        from the next sentence."""
        held = [False] * len(self.texts)
        for text, starts, which, lowered in units:
            reader, text = _reader(pattern, text, lowered)
            m = reader.search(text)
            while m:
                k = bisect.bisect_right(starts, m.start()) - 1
                held[which[k]] = True
                m = reader.search(text, starts[k + 1]) if k + 1 < len(starts) else None
        return held

    def _hits(self, pattern: regex.Pattern, units):
        """(sentence, match) of each match of the pattern."""
        for text, starts, which, lowered in units:
            reader, text = _reader(pattern, text, lowered)
            for m in reader.finditer(text):
                yield which[bisect.bisect_right(starts, m.start()) - 1], m

    def _key_words(self, units) -> None:
        """Where each word of the plan's phrases last starts in each sentence, as `last_places`
        would find it.

        Read from the case-folded text: a whole word of it is the case-folded whole word of
        the text, as long as folding kept every character one character (it does, but for
        a few such as "ß"); a unit where it did not is left to each sentence's own scan.
        Plain text folds to its lower case.
        """
        for text, starts, which, lowered in units:
            folded = lowered if lowered is not None else text.casefold()
            if len(folded) != len(text):
                continue
            for i in which:
                self.words[i] = {}
            reader = (_re_twin(self.plan.key_words) if lowered is not None else None) or self.plan.key_words
            for m in reader.finditer(folded):
                k = bisect.bisect_right(starts, m.start()) - 1
                self.words[which[k]][m.group()] = m.start() - starts[k]

    def cache(self, i: int) -> dict:
        """A fresh per-sentence cache for `last_start`, holding what the passes found."""
        words = self.words[i]
        return {} if words is None else {"words": words}

    def rules(self, i: int, cache: dict) -> list:
        """The rules worth running on sentence i, in rule order: those its trigger words wake
        (as `RuleSet.rules_for`), holding a number unless they read days, and, with the
        prefilter on, with a frame the scan does not rule out there (a date rule: beside
        one of its events). `cache` is the sentence's own, from `cache(i)`."""
        rules, plan = self.ruleset.rules, self.plan
        woken = self.woken[i] | plan.untriggered
        if not self.numbered[i]:
            woken = woken.intersection(plan.event_classes)
        if not PREFILTER:
            return [rules[k] for k in sorted(woken)]
        text, chosen, worded = self.texts[i], [], None
        for k in sorted(woken):
            if k in plan.event_classes:
                if not self.events[i].isdisjoint(plan.event_classes[k]):
                    chosen.append(rules[k])
                continue
            if k not in plan.open_rules:
                if worded is None:
                    worded = set().union(*(plan.word_rules.get(w, ()) for w in last_places(text, cache)))
                if k not in worded and not self._literal_frame_runs(plan.literal_frames.get(k, ()), text, cache):
                    continue
            chosen.append(rules[k])
        return chosen

    @staticmethod
    def _literal_frame_runs(sources: tuple[str, ...], text: str, cache: dict) -> bool:
        """Whether one of the frames gated by literal text is not ruled out (`last_start`,
        inlined: most sentences ask it of several frames of every rule they wake)."""
        for source in sources:
            verdict = cache.get(source, -2)
            if verdict == -2:
                verdict = cache[source] = _literal_verdict(_LITERALS[source], text, cache)
            if verdict != -1:
                return True
        return False

"""What a sentence is about: places, named targets and event words, read around a claim.

Alignment uses this to keep apart claims about different events in one story ("the
attacks in Paris that killed 20" and "the Jewish Museum attack that left four dead").
"""
from __future__ import annotations

import functools

import regex

from factcheck import scan
from factcheck.model import Context
from factcheck.ruleset import RuleSet

_NOT_PLACES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the", "a", "an",
    "police", "his", "her", "their", "this", "that", "all", "it", "he", "she", "they", "mr", "ms", "mrs", "dr",
    "christmas", "easter", "new year's", "new year's eve", "halloween", "thanksgiving", "court",
    "least", "most", "first", "last",  # "At Least 5 Dead", a headline in title case
}
_TITLE_CASE_LINKS = {"at", "in", "on", "near", "from", "and", "after", "with"}
_PLACE = regex.compile(
    # a capital preposition only where the text starts ("At St. Anne's alone ..."): in a
    # headline written in title case ("Two Killed In Shooting At Mall") it names nothing
    r"(?:^\s*(?:In|At|Near|Outside|Inside|On|From)|\b(?:in|at|near|outside|inside|on|from))\s+(?:the\s+(?:town|city|village|county|district|province|state|region)\s+of\s+)?(?:the\s+)?"
    r"(?P<place>[\p{Lu}][\p{L}'’.-]+(?:\s+(?:[\p{Lu}][\p{L}'’.-]+|(?:of|de|la|du|del)\b)){0,3})"
)
_TARGET = regex.compile(
    r"\b(?:at|in|outside|inside|near|on)\s+(?:a|an|the)\s+(?P<place>(?:[\p{L}-]+\s+){0,2}?"
    r"(?:supermarket|museum|school|church|mosque|synagogue|temple|nightclub|club|bar|tavern|pub|mall|market|"
    r"park|playground|college|university|campus|hospital|restaurant|store|shop|office|concert|stadium|"
    r"factory|plant|mine|station|airport|hotel|theater|theatre|library|prison|jail|base|embassy|border))\b",
    regex.I,
)
# "the Pulse nightclub shooting", "the Sandy Hook massacre": an event with a name of its own
_NAMED_EVENT = regex.compile(
    r"\bthe\s+(?P<place>(?:[\p{Lu}][\p{L}'’.-]+\s+){1,3})(?:[\p{Ll}]+\s+)?(?:shooting|massacre|attack|bombing|crash|fire|disaster|riots?)\b"
)


# A building named for its owner or saint: "St Sebastian's Church" is the place "St. Sebastian's"
_NAMED_BUILDING = regex.compile(
    r"(?<=\S['’]s)\s+(?:church|cathedral|chapel|shrine|basilica|mosque|temple|school|hospital|hotel|bar|pub|club|restaurant)$"
)
_POSSESSIVE_END = regex.compile(r"'s$|’s$")
_SAINT_ABBREVIATION = regex.compile(r"^(st|mt|ft)\.(?=\s)")


def _clean_place(words: str) -> str | None:
    words = words.strip(" .,'’").lower()
    words = _NAMED_BUILDING.sub("", words)
    words = _POSSESSIVE_END.sub("", words)
    words = _SAINT_ABBREVIATION.sub(r"\1", words)  # "St. Sebastian" is "St Sebastian"
    first = words.split()[0] if words else ""
    if not words or words in _NOT_PLACES or first in _NOT_PLACES:
        return None
    if any(w in _TITLE_CASE_LINKS for w in words.split()[1:]):
        return None  # "In Shooting At Mall, Two Killed": a title-case headline, not a place
    return words


def read_context(sentence: str, ruleset: RuleSet, before: str = "", places_in: str | None = None, recalled: bool = False) -> Context:
    """Places, events and whether the sentence recalls another event; `before` is the text
    that leads up to the claim, where a comparison with past events would stand, and
    `places_in` the part of the sentence whose places are the claim's (by default all);
    `recalled`: an earlier event is recalled before the claim in its sentence."""
    places = set()
    for pattern in (_PLACE, _TARGET, _NAMED_EVENT):
        for m in pattern.finditer(sentence if places_in is None else places_in):
            place = _clean_place(m["place"])
            if place:
                places.add(place)
    events = {ruleset.events.get(word, "") for word in _event_words(ruleset.event_re, sentence)}
    events.discard("")
    return Context(
        places=frozenset(places),
        events=frozenset(events),
        other_event=recalled or _recalls_another_event(ruleset.other_event_patterns, sentence) or bool(ruleset.comparison_re.search(before)),
    )


# The same text (a date's whole sentence, a window that holds the whole of a short sentence)
# is read for its events and recalled events once.
@functools.lru_cache(maxsize=64)
def _event_words(event_re: regex.Pattern, sentence: str) -> tuple[str, ...]:
    return tuple(" ".join(m.group().lower().split()) for m in scan.finditer_plain(event_re, sentence))


@functools.lru_cache(maxsize=64)
def _recalls_another_event(markers: tuple[regex.Pattern, ...], sentence: str) -> bool:
    keyed, runs = _marker_keys(markers)
    folded = sentence.casefold()
    held = {run for run in runs if run in folded}
    return any((key is None or not held.isdisjoint(key)) and marker.search(sentence) for marker, key in keyed)


@functools.lru_cache(maxsize=8)
def _marker_keys(markers: tuple[regex.Pattern, ...]) -> tuple[tuple[tuple[regex.Pattern, frozenset[str] | None], ...], frozenset[str]]:
    """Each marker with literal runs one of which every match of it holds (case-folded; its
    set with the longest shortest run, `scan.required_literals`), or None when it has none;
    and all those runs. Most sentences hold no marker's runs, and a plain test of the runs
    is much cheaper than searching for every marker."""
    keyed = []
    for marker in markers:
        sets = [runs for runs in scan.required_literals(marker.pattern) if runs is not scan.DIGITS]
        keyed.append((marker, max(sets, key=lambda runs: min(map(len, runs))) if sets else None))
    return tuple(keyed), frozenset(run for _marker, key in keyed if key for run in key)

"""Number phrases as intervals: "more than 20" → [20, inf), "a dozen" → 12, "dozens" → [24, 99].

Rules refer to a number phrase as `{n}`; this module supplies the pattern for it and turns
the matched words into a Quantity. Qualifiers widen the interval, so that "at least 4" and
5 can be recognised as compatible rather than as a conflict.
"""
from __future__ import annotations

import functools
import math

import regex

from factcheck.model import INFINITY, Quantity
from factcheck.patterns import alternatives

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
MAGNITUDES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague amounts: the interval a careful reader would accept for them.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "several": (3, 9), "a few": (2, 5), "a couple": (2, 2), "a handful": (2, 6),
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}

LARGEST = 1e11  # more than the world's population: not a count of anything a story reports

# qualifier → how it turns the stated number n into an interval
QUALIFIERS = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "a minimum of": "min",
    # "more than 140" holds 140: outlets round a count down to say it
    "more than": "min", "over": "min", "upwards of": "min", "in excess of": "min",
    "just over": "min", "well over": "min",
    "nearly": "near", "almost": "near", "close to": "near", "just under": "near", "nearly all": "near",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "perhaps": "about", "maybe": "about",
    "up to": "max", "as many as": "max", "at most": "max", "no more than": "max",
    "fewer than": "below", "less than": "below", "under": "below",
}

_UNIT_WORDS = alternatives([w for w in UNITS if w != "no"])
_TEN_WORDS = alternatives(list(TENS))
_WORD_NUMBER = (
    rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
)
NUMBER_WORDS = [*UNITS, *TENS, "dozen", "dozens", "hundreds", "several"]
WORD_NUMBER_PATTERN = _WORD_NUMBER  # "seven", "twenty-one": a number in words, without magnitudes
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\d)"
_MAGNITUDE = r"(?:\s+(?:hundred|thousand|million|billion))"
_QUALIFIER = alternatives(list(QUALIFIERS))
_VAGUE = alternatives(list(VAGUE))

# The `{n}` of a rule: an optional qualifier, then a number in digits or words (with a
# magnitude), "a dozen", or a vague amount ("dozens", "several thousand").
NUMBER_PATTERN = (
    rf"(?:(?P<q>{_QUALIFIER})\s+)?"
    rf"(?P<num>"
    rf"(?:{_DIGITS}|{_WORD_NUMBER}|an?|one)\s+dozen"
    rf"|a\s+dozen|dozen"
    rf"|(?:several|a\s+few)\s+(?:hundred|thousand|million)"
    rf"|(?:{_DIGITS}|{_WORD_NUMBER}|a|one){_MAGNITUDE}(?:\s+and\s+{_WORD_NUMBER})?"
    rf"|{_DIGITS}|{_WORD_NUMBER}"
    rf"|{_VAGUE}"
    rf")(?![\w-]*-year)"
)
NUMBER = regex.compile(NUMBER_PATTERN, regex.I)  # a number as written, with its qualifier
# Where a number phrase can begin: lets a rule try its patterns only at these places.
NUMBER_START_PATTERN = (
    rf"(?<![\w])(?:\d|{_WORD_NUMBER}|a\s+(?:dozen|few|couple|handful|hundred|thousand|million)"
    rf"|an?\s+(?:estimated|total)|dozens?|several|hundreds|thousands|scores)"
)
# A qualifier right before a number's start: the phrase starts there instead.
QUALIFIER_BEFORE_PATTERN = rf"(?:{_QUALIFIER})\s+$"
ORDINAL_PATTERN = rf"(?P<ord>{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))"


@functools.cache
def _number_re() -> regex.Pattern:
    """Compiled on first use: most runs never parse a whole phrase, and it is slow to compile."""
    return regex.compile(rf"^{NUMBER_PATTERN}$", regex.I)


_DIGITS_TOKEN = regex.compile(r"\d+(?:\.\d+)?")
_ORDINAL_DIGITS = regex.compile(r"(\d+)(?:st|nd|rd|th)")


def word_value(words: str) -> float | None:
    """Value of a number written in digits or words: "twenty-one" → 21, "1.2 million" → 1200000."""
    text = words.lower().replace("-", " ").strip()
    if not text:
        return None
    total, current = 0.0, None
    for token in text.replace(",", "").split():
        if _DIGITS_TOKEN.fullmatch(token):
            current = (current or 0) + float(token)
        elif token in UNITS:
            current = (current or 0) + UNITS[token]
        elif token in TENS:
            current = (current or 0) + TENS[token]
        elif token in ("a", "an"):
            current = (current or 0) + 1
        elif token == "and":
            continue
        elif token == "dozen":
            current = (current or 1) * 12
        elif token in MAGNITUDES:
            scale = MAGNITUDES[token]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = None
        else:
            return None
    value = total + (current or 0)
    return value


def _interval(n: float, how: str) -> tuple[float, float]:
    if how == "min":
        return n, INFINITY
    if how == "near":
        return math.floor(n * 0.8), n
    if how == "about":
        spread = max(1.0, math.ceil(n * 0.1))
        return max(0.0, n - spread), n + spread
    if how == "max":
        return 0.0, n
    if how == "below":
        return 0.0, n - 1 if n.is_integer() else n
    return n, n


def quantity(qualifier: str | None, number: str) -> Quantity | None:
    """A Quantity from the two groups of NUMBER_PATTERN."""
    words = " ".join(number.lower().split())
    qualifier = " ".join((qualifier or "").lower().split())
    if words in VAGUE:
        low, high = VAGUE[words]
        return Quantity(low, low, high, words)
    if words.startswith(("several ", "a few ")):
        scale = MAGNITUDES.get(words.split()[-1], 1)
        low, high = (VAGUE["several"] if words.startswith("several") else VAGUE["a few"])
        return Quantity(low * scale, low * scale, (high + 1) * scale - 1, words)
    n = word_value(words)
    if n is None or not n < LARGEST:
        return None  # "10^400 people" is no count a story states
    low, high = _interval(n, QUALIFIERS.get(qualifier, "exact"))
    return Quantity(n, low, high, qualifier)


def parse_number_phrase(text: str) -> Quantity | None:
    """Parse a whole phrase such as "more than 20" or "a dozen"."""
    m = _number_re().match(" ".join(text.split()))
    return quantity(m["q"], m["num"]) if m else None


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    m = _ORDINAL_DIGITS.fullmatch(word)
    return int(m[1]) if m else None

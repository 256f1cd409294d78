"""Dates in article text: the publication date, and the days events are said to have happened.

Articles about one story rarely agree on wording ("Sunday night", "Jan. 11", "last week"),
so every mention is resolved to a calendar day against the article's own publication date,
which is what a reader of that article would do.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import regex

__all__ = ["DateMention", "find_date_mentions", "find_publication_date"]

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


def make_date(year: int, month: int, day: int) -> date | None:
    """The day, or None where the calendar has none (June 31)."""
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
# "April 8, 2015", "MARCH 2, 2024", "20 February 2024", "2015-04-08", and a month glued
# to a byline in capitals ("JAMES KANTERJAN. 19, 2015"): there the month must be in
# capitals too.
_DATELINE = regex.compile(
    rf"(?:(?<![A-Za-z])(?i:(?P<mon>{_ANY_MONTHS}))|(?<=[A-Z])(?P<mon>{_UPPER_MONTHS}))"
    r"\.?[ \t]+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|(?<![\d/-])(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)"
    rf"|(?<![\d.,:/-])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?i:(?P<mon>{_ANY_MONTHS}))\b\.?,?[ \t]+"
    r"(?P<y>(?:19|20)\d\d)(?!\d)"
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
            day = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        elif m["mon"].rstrip(".").lower() in _MONTHS:
            day = make_date(int(m["my"]), _month_number(m["mon"]), int(m["md"]))
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
            day = make_date(int(m["y"]), _month_number(m["mon"]), int(m["d"]))
        else:
            day = make_date(int(m["iy"]), int(m["im"]), int(m["id"]))
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
        elif _TIME_AFTER.match(after) or _looks_like_dateline(before + " " + after) or (
            WIRE_DATELINE_BEFORE.search(before) and WIRE_DATELINE_AFTER.match(after)
        ):
            plain = plain or day
        if labelled:
            break
    for day in (labelled, plain, updated):
        if day:
            return day, "dateline"
    return None, "unknown"


# "MANAUS, Brazil, Jan. 2, 2017 (Latin Wire) —": a wire dateline opening the lead paragraph
WIRE_DATELINE_BEFORE = regex.compile(r"(?:^|\n)[ \t]*[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40},(?:[ \t]*[\p{L}][\p{L} .'’-]{0,30},)?[ \t]*$")
WIRE_DATELINE_AFTER = regex.compile(r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[-–—]{1,2}|:)[ \t]")


# "CORLISS, Ohio, Aug. 12 (NNW) -": a wire dateline that leaves out the current year
_YEARLESS_DATELINE = regex.compile(
    r"(?:^|\n)[ \t]*[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40},(?:[ \t]*[\p{L}][\p{L} .'’-]{0,30},)?[ \t]*"
    rf"(?i:(?P<mon>{_ANY_MONTHS}))\.?[ \t]+(?P<d>\d{{1,2}})(?!\d)" + WIRE_DATELINE_AFTER.pattern
)


def find_yearless_dateline(text: str) -> tuple[int, int] | None:
    """(month, day) of a wire dateline in the article's head that gives no year, or None."""
    m = _YEARLESS_DATELINE.search(text[: _HEAD + 40])
    if m is None or m.start() >= _HEAD:
        return None
    return _month_number(m["mon"]), int(m["d"])


def _looks_like_dateline(rest: str) -> bool:
    """True when the rest of a line is names, labels and times rather than a sentence."""
    prose = sum(
        1 for w in _WORD.findall(rest) if w[0].islower() and w.lower() not in _LINE_WORDS
    )
    return prose < 3


# --- date mentions -----------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date an article names, and the calendar day it means for that article's reader.

    `value` is the day (for precision "month" or "year", the first day of it); None when it
    cannot be known: a relative mention without a publication date, a month and day
    without a year and without a publication date, or a vague period ("last week",
    "earlier this month") that names no day. `relative` is True when the day is counted
    from the publication date, so a wrong publication date moves it. `future` marks a
    mention the sentence looks forward to ("next Monday", "will be held Sunday"); its
    value still follows the newsroom rule and may name the wrong week.
    """

    start: int  # offsets into the text given
    end: int
    phrase: str  # the words as written: "last Thursday", "Sunday night", "June 29, 2014"
    value: date | None
    precision: str  # "day" | "week" | "month" | "year"
    relative: bool
    future: bool = False


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _trie(words, tokens: dict[str, str] | None = None) -> str:
    """An alternation matching exactly the given words, factored letter by letter.

    A backtracking engine tries the branches of an alternation one after another; in
    this form a word that is none of them fails on its first or second letter instead
    of once per branch. `tokens` turns characters into patterns (a space into \\s+).
    """
    tokens = tokens or {}
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [tokens.get(ch, regex.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node and branches:
            branches.append("")  # the word may end here: an empty branch, not a costly "?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(root)


def _printed(words) -> list[str]:
    """Words as printed in running text and in headlines: "June", "JUNE"."""
    return [f(w) for w in words for f in (str.capitalize, str.upper)]


_FULL_MONTHS = [w for w in _MONTH_WORDS if len(w) > 4 or w in ("may", "june", "july")]
_ABBR_MONTHS = [w for w in _MONTH_WORDS if w not in _FULL_MONTHS]
# A month as printed: capitalised or in capitals, never "may" or "march" in lower case;
# an abbreviation may take its period ("Jan.", "Sept."). Atomic, so "Jan." cannot give
# back its period to let "Jan" pass as a month without a day after it.
_MONTH = (
    "(?>"
    + _trie(_printed(_FULL_MONTHS) + _printed(_ABBR_MONTHS) + [w + "." for w in _printed(_ABBR_MONTHS)])
    + r")(?:(?<=\.)|\b)"
)
_WD = rf"(?>{_trie(_printed(_WEEKDAYS))})\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|)(?![\d:]|[.,]\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d:]|[.,]\d)"
_SHORT_YEAR = r"(?:19|20)\d\d"  # a year on its own: the 1600s are more likely a count
_PREP = r"(?i:in|since|during|until|till|through|throughout|by|from|of|before|after)"
_MONTH_MOD = r"(?i:early|late|mid|last|next|this\s+past|this)"
_YEAR_MOD = r"(?i:early|late|mid)"
_NOT_A_DAY_NEXT = r"(?!\s+\d{1,2}(?:st|nd|rd|th|)(?!\d))"
_TOD = r"(?i:morning|afternoon|evening|night|overnight)\b"
_HOLIDAYS = ("New Year's Eve", "New Year's Day", "Christmas Eve", "Christmas Day",
             "Thanksgiving Day", "Fourth of July", "Independence Day", "Halloween", "Valentine's Day")
_HOLIDAY = _trie([h for name in _HOLIDAYS for h in (name, name.upper())], {"'": "['’]?", " ": r"\s+"})
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_NUMBER = (
    r"(?<![\d.,])\d{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+few|a\s+couple\s+of|several)"
)
_DF_GAP = r"[^\S\n]+(?:of[^\S\n]+|)"  # between day and month in "9 June", "9th of June": one line
_REL_PRE = r"(?:\b(?i:early|late|earlier|later)\s+|)"
_VG_PRE = r"\b(?:(?i:earlier|later|early|late)\s+|)(?P<vgm>(?i:this|last|next|past))\s+"

# The grammar, one branch per form, each written from the character it is anchored on.
# `s` marks where the phrase starts (inside a lookbehind when qualifying words come before
# the anchor) and the group named after the kind of mention ends where the phrase ends.

# Anchored on a digit at the start of a number.
_DIGIT_FORMS = [
    # "9 June 2015", "9th of June"; not "... toll reaches 15\nNov. 30, 2024", a headline and a dateline
    rf"(?<![-/])(?P<s>)(?P<df>(?P<dfday>{_DAY}){_DF_GAP}(?P<dfmon>{_MONTH})(?:,?\s+(?P<dfyear>{_YEAR})|{_NOT_A_DAY_NEXT}))",
    # "2015-08-10"
    rf"(?<![-/])(?P<s>)(?P<iso>(?P<isoy>{_YEAR})-(?P<isom>[01]\d)-(?P<isod>[0-3]\d))(?![\d-])",
    # "8/9/2015"
    rf"(?<![-/])(?P<s>)(?P<us>(?P<usm>1[0-2]|0?[1-9])/(?P<usd>3[01]|[12]\d|0?[1-9])/(?P<usy>{_YEAR}))(?![\d/])",
    # "in 2014", "early 2015", "mid-2014"
    rf"(?={_SHORT_YEAR})(?<=\b(?:{_PREP}\s+(?:(?P<s>){_YEAR_MOD}[\s-]+|)|(?P<s>){_YEAR_MOD}[\s-]+))"
    rf"(?P<yr>(?P<yv>{_SHORT_YEAR}))(?![\d:]|[.,]\d|s\b|['’]s\b|[-–/]\d)",
]
# Anchored on a capital letter at the start of a word.
_CAPITAL_FORMS = [
    # "June 29, 2014", "Jan. 9", "August 8th"
    rf"(?P<s>)(?P<md>(?P<mdmon>{_MONTH})\s+(?P<mdday>{_DAY})(?:(?:,\s*|\s+)(?P<mdyear>{_YEAR})|))",
    # "in May", "early June", "last May", "mid-June"
    rf"(?={_MONTH})(?<=\b(?:{_PREP}\s+(?:(?P<s>)(?P<momod>{_MONTH_MOD})[\s-]+|)|(?P<s>)(?P<momod>{_MONTH_MOD})[\s-]+))"
    rf"(?P<mo>(?P<mon>{_MONTH}){_NOT_A_DAY_NEXT}(?:,?\s+(?P<moy>{_YEAR})|))",
    # "June 2014"
    rf"(?P<s>)(?P<mo>(?P<mon>{_MONTH}),?\s+(?P<moy>{_YEAR}))",
    # "Wednesday, April 8, 2015", "Sunday, 9 June 2015"
    rf"(?P<s>)(?P<md>{_WD},?\s+(?P<mdmon>{_MONTH})\s+(?P<mdday>{_DAY})(?:(?:,\s*|\s+)(?P<mdyear>{_YEAR})|))",
    rf"(?P<s>)(?P<df>{_WD},?\s+(?P<dfday>{_DAY}){_DF_GAP}(?P<dfmon>{_MONTH})(?:,?\s+(?P<dfyear>{_YEAR})|{_NOT_A_DAY_NEXT}))",
    # "last Thursday", "early Sunday morning", "Saturday afternoon", "this past Thursday"
    rf"(?={_WD})(?<=(?P<s>)(?:\b(?P<wkmod>(?i:last|this\s+past|this\s+coming|next|this))\s+|)"
    r"(?:\b(?i:early|late)\s+(?:(?i:on)\s+|)|))"
    rf"(?P<wk>(?P<wkday>{_WD})(?:\s+{_TOD}|))",
    # "New Year's Eve", "Christmas Eve 2013"
    rf"(?P<s>)(?P<hol>(?P<holn>{_HOLIDAY})\b(?:,?\s+(?P<holy>{_YEAR})|))",
    # "on Christmas", "since New Year's"
    r"(?=New|Christmas|Thanksgiving)(?<=\b(?i:on|since|before|after|until|over)\s+)"
    r"(?P<s>)(?P<hol>(?P<holn>New\s+Year['’]?s|Christmas|Thanksgiving)\b)",
]
# Anchored on an uncommon letter of a relative word, looking back for the rest of it:
# "month" and "tomorrow" on an m, "this afternoon" on its f, "tonight", "this morning"
# and "ago" on a g, "yesterday" and "year" on their first y, "today" on its last, and
# "week" on its k.
_LETTER_FORMS = [
    r"[mM](?:"
    rf"(?i:onth)\b(?<=(?P<s>){_VG_PRE}(?i:month))(?P<vg>)"
    rf"|(?i:orrow)\b(?<=(?P<s>){_REL_PRE}\b(?i:tomorrow))(?:\s+{_TOD}|)(?P<rel>))",
    rf"[fF](?i:ternoon)\b(?<=(?P<s>){_REL_PRE}\b(?i:this\s+afternoon))(?P<rel>)",
    r"[gG](?:"
    rf"(?i:ht)\b(?<=(?P<s>){_REL_PRE}\b(?i:tonight|last\s+night))(?P<rel>)"
    rf"|\b(?<=(?P<s>){_REL_PRE}\b(?i:this\s+(?:morning|evening)))(?P<rel>)"
    rf"|(?i:o)\b(?<=(?P<s>)\b(?P<agon>{_NUMBER})\s+(?P<agou>(?i:days?|weeks?|months?|years?))\s+(?i:ago))(?P<ago>))",
    r"[yY](?:"
    rf"(?i:esterday)\b(?<=(?P<s>){_REL_PRE}(?:\b(?P<before>(?i:(?:the\s+|)day\s+before))\s+|)"
    rf"\b(?i:yesterday))(?:\s+{_TOD}|)(?P<rel>)"
    # "Today" after a capitalised word is a title: "USA Today", "told Ilerna Today that"
    rf"|\b(?<=(?P<s>){_REL_PRE}\b(?:(?i:today)(?<![A-Z][\w&'’-]*[ \t]T(?i:oday))))(?P<rel>)"
    rf"|(?i:ear)\b(?<=(?P<s>){_VG_PRE}(?i:year))(?P<vg>))",
    rf"[kK](?i:end|)\b(?<=(?P<s>){_VG_PRE}(?i:week(?:end|)))(?P<vg>)",
]
# The first three letters of every capitalised word a capital form can start with.
_CAPITAL_GATE = _trie(
    {w[:3] for w in _printed([*_MONTH_WORDS, *_WEEKDAYS, "new", "christmas", "thanksgiving", "fourth",
                              "independence", "halloween", "valentine"])}
)


def _forms(forms: list[str]) -> str:
    return "|".join(f"(?:{f})" for f in forms)


# One pattern for every kind of mention, shaped for a backtracking engine, which tries
# it at every position of the text. Each position costs one test of a character class;
# the few that pass (digits, capitals, and the letters f g k m y) go on to a test of
# their first letters, and only then run the forms that can start there. The words that
# qualify an anchor are looked back for, never scanned for. Every repetition is bounded
# by literal words, so matching stays linear in the text.
_MENTION = (
    r"(?=[0-Zfgkmy])(?:"
    + _forms(_LETTER_FORMS)
    + r"|(?=[A-Z])\b(?=" + _CAPITAL_GATE + r")(?:" + _forms(_CAPITAL_FORMS) + ")"
    + r"|(?=\d)(?<![\w.,:])(?:" + _forms(_DIGIT_FORMS) + ")"
    + ")"
)
_KINDS = ("md", "df", "iso", "us", "hol", "wk", "rel", "ago", "vg", "mo", "yr")


@functools.cache
def _mentions() -> tuple[regex.Pattern, tuple[tuple[str, int], ...], int, dict[str, int]]:
    """The mention pattern, the group of each kind, the group that marks a phrase's start
    before its anchor, and every group by name. Compiled on first use: only finding dates
    in text needs it, and it takes longer to compile than a cached re-check of a story."""
    pattern = regex.compile(_MENTION)
    groups = pattern.groupindex
    return pattern, tuple((kind, groups[kind]) for kind in _KINDS), groups["s"], groups


# Words before a mention that put it ahead of the writer ("will be buried Monday").
_FUTURE_CUE = regex.compile(
    r"(?i:\b(?:will|won['’]t|shall|(?:is|are)\s+(?:scheduled|expected|set|due|slated|planned)"
    r"|plans?\s+to|planned\s+for|planning\s+to|scheduled\s+for|set\s+for|to\s+be\s+held)\b|['’]ll\b)"
)


# The regex timeout costs a few microseconds per call, more than the matching itself on a
# sentence, and about a tenth more per character; it is worth it only on long texts,
# where a runaway could cost seconds. A sentence bounds any runaway by its own length.
_TIMEOUT_FROM = 5_000


def find_date_mentions(text: str, published: date | None) -> list[DateMention]:
    """Every date the text names, resolved against `published`, in order of position.

    Only the candidate spans are interpreted, so the cost is one pass of one compiled
    pattern plus a little work per date. Called on a sentence or on a whole article.
    A long text that would take the pattern unreasonably long (it should not: the
    pattern is linear) returns the mentions found until then.
    """
    if isinstance(published, datetime):  # a datetime would not compare with the days computed
        published = published.date()
    mentions: list[DateMention] = []
    last_end = 0
    pattern, kind_index, start_group, _ = _mentions()
    if len(text) >= _TIMEOUT_FROM:
        matches = pattern.finditer(text, timeout=1.0 + len(text) / 200_000)
    else:
        matches = pattern.finditer(text)
    try:
        for m in matches:
            regs = m.regs
            kind, index = next(k for k in kind_index if regs[k[1]][0] >= 0)
            start, end = regs[start_group][0] if regs[start_group][0] >= 0 else regs[index][0], regs[index][1]
            # A phrase is also found again from anchors inside it ("April" in
            # "Wednesday, April 8"); the first, longest reading stands.
            if start < last_end:
                continue
            try:
                mention = _read(kind, regs, text, start, end, published)
            except (OverflowError, ValueError):  # published at the very ends of the calendar
                mention = _read(kind, regs, text, start, end, None)
            if mention is not None:
                mentions.append(mention)
                last_end = end
    except TimeoutError:
        pass
    return mentions


def _read(kind: str, regs, text: str, start: int, end: int, published: date | None) -> DateMention | None:
    """The mention a match stands for, or None when the words name no real day."""
    groups = _mentions()[3]

    def group(name: str) -> str | None:  # reading spans directly is several times faster
        a, b = regs[groups[name]]
        return text[a:b] if a >= 0 else None

    phrase = text[start:end]
    value: date | None = None
    precision, relative, future = "day", False, False

    if kind == "md" or kind == "df":
        future = _looks_ahead(text, start)
        month, day = _month_number(group(kind + "mon")), int(group(kind + "day").rstrip("stndrh"))
        year = group(kind + "year")
        if year:
            value = make_date(int(year), month, day)
            if value is None:
                return None
        elif make_date(2000, month, day) is None:  # no year has a June 31
            return None
        elif published is not None:
            value = _recent(published, month, day)
            if value is not None and _LAST_YEAR_AFTER.match(text, end):  # "on Aug. 2 last year"
                value = make_date(published.year - 1, month, day)
            if kind == "df":  # the less common order: let dateparser read it, and check it
                parsed = _dateparser_day(phrase, published)
                if parsed is not None and (parsed.month, parsed.day) == (month, day):
                    value = parsed
    elif kind == "iso" or kind == "us":
        value = make_date(int(group(kind + "y")), int(group(kind + "m")), int(group(kind + "d")))
        if value is None:
            return None
    elif kind == "hol":
        holy = group("holy")
        value = _holiday(group("holn"), int(holy) if holy else None, published)
    elif kind == "wk":
        relative = True
        mod = " ".join((group("wkmod") or "").lower().split())
        future = mod in ("next", "this coming") or _looks_ahead(text, start)
        if published is not None:
            value = _weekday(published, _WEEKDAYS.index(group("wkday").lower()), mod)
    elif kind == "rel":
        relative = True
        words = phrase.lower().split()
        if group("before"):  # "the day before yesterday"
            offset = -2
        elif "yesterday" in words or "last" in words:  # "last night": the night before
            offset = -1
        else:
            offset = 1 if "tomorrow" in words else 0
        future = "tomorrow" in words or ("tonight" in words and _looks_ahead(text, start))
        if published is not None:
            value = published + timedelta(days=offset)
    elif kind == "ago":
        relative = True
        unit = group("agou").lower().rstrip("s")
        count = group("agon").lower()
        n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count)
        if unit == "day" and n is not None:
            if published is not None:
                value = published - timedelta(days=n)
        else:
            precision = unit
    elif kind == "vg":
        relative = True
        unit = phrase.rsplit(None, 1)[-1].lower()
        precision = "week" if unit.startswith("week") else unit
        future = group("vgm").lower() == "next"
    elif kind == "mo":
        precision = "month"
        month = _month_number(group("mon"))
        mod = " ".join((group("momod") or "").lower().split())
        relative = mod in ("last", "next", "this", "this past")
        future = mod == "next"
        year = group("moy")
        if year:
            value = date(int(year), month, 1)
        elif published is not None:
            value = _month(published, month, mod)
    else:  # kind == "yr"
        precision = "year"
        value = date(int(group("yv")), 1, 1)
    return DateMention(start, end, phrase, value, precision, relative, future)


_LAST_YEAR_AFTER = regex.compile(r",?\s+(?:of\s+)?last\s+year\b", regex.I)


UPDATE_DAYS = 31  # a day of the publication's year this soon after it is that year's: the article was updated


def _recent(published: date, month: int, day: int) -> date | None:
    """The latest `month`/`day` not after the day after publication, or one of the same
    year a few weeks after it.

    A day of slack, because an article stamped late in the evening in one time zone
    may carry the next day's date in another; and reporters write "Dec. 31" in January
    for the December just gone. A day soon after publication in the same year ("was
    arrested on Aug. 3" in an article first published July 31) is this year's, as news
    style leaves out only the current year: the article was updated, or looks ahead.
    """
    ahead = make_date(published.year, month, day)
    if ahead is not None and published < ahead <= published + timedelta(days=UPDATE_DAYS):
        return ahead
    limit = published + timedelta(days=1)
    for year in range(limit.year, limit.year - 9, -1):  # Feb. 29 may be years back
        candidate = make_date(year, month, day)
        if candidate is not None and candidate <= limit:
            return candidate
    return None


def _weekday(published: date, weekday: int, mod: str) -> date:
    """The newsroom reading of a weekday.

    A bare weekday is the most recent such day, the publication day included (a Monday
    story's "on Monday" is that Monday); "last" or "this past" Thursday is strictly before
    the publication day; "next" or "this coming" Monday is strictly after it.
    """
    back = (published.weekday() - weekday) % 7
    if mod in ("next", "this coming"):
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if mod in ("last", "this past"):
        back = back or 7
    return published - timedelta(days=back)


def _month(published: date, month: int, mod: str) -> date:
    """First day of the month meant: "in May" is the latest May begun by publication."""
    this_year = date(published.year, month, 1)
    if mod == "this":
        return this_year
    if mod == "next":
        return this_year if month > published.month else date(published.year + 1, month, 1)
    if mod in ("last", "this past"):
        return this_year if month < published.month else date(published.year - 1, month, 1)
    return this_year if this_year <= published + timedelta(days=1) else date(published.year - 1, month, 1)


def _holiday(name: str, year: int | None, published: date | None) -> date | None:
    """The day of a named holiday, in the year given or the latest one by publication."""
    key = regex.sub(r"[\s'’]+", " ", name.lower()).strip()
    fixed = {
        "new year s eve": (12, 31), "new years eve": (12, 31),
        "new year s day": (1, 1), "new years day": (1, 1), "new year s": (1, 1), "new years": (1, 1),
        "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
        "fourth of july": (7, 4), "independence day": (7, 4), "halloween": (10, 31),
        "valentine s day": (2, 14), "valentines day": (2, 14),
    }
    if key in fixed:
        month, day = fixed[key]
        if year is not None:
            return date(year, month, day)
        return _recent(published, month, day) if published is not None else None
    # Thanksgiving (US): the fourth Thursday of November.
    def thanksgiving(y: int) -> date:
        first = date(y, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)

    if year is not None:
        return thanksgiving(year)
    if published is None:
        return None
    day = thanksgiving(published.year)
    return day if day <= published + timedelta(days=1) else thanksgiving(published.year - 1)


def _looks_ahead(text: str, start: int) -> bool:
    """True when the clause before a mention speaks of what is to come."""
    window = text[max(0, start - 80) : start]
    clause = max(window.rfind(ch) for ch in ".!?;\n") + 1
    return _FUTURE_CUE.search(window, clause) is not None


_DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month"],
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
}


@functools.lru_cache(maxsize=4096)
def _dateparser_day(phrase: str, published: date | None) -> date | None:
    """dateparser's reading of one found span, with a missing year taken from publication.

    The relative base is the day after publication with dates preferred from the past,
    which gives the same "latest such day by the day after" rule as `_recent`. Imported
    late and cached, because dateparser is slow to load and to run.
    """
    import dateparser

    settings = dict(_DATEPARSER_SETTINGS)
    if published is not None:
        base = published + timedelta(days=1)
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None

"""Extract claims from a source's sentences with the compiled rules.

Each rule type is one reusable check (toll, count, age, date); a rule supplies only
its words and frames. The checks here read what the frames cannot: the parts of a
total ("including three gunmen"), whether the attacker died too, increments ("two more
arrested"), lists of parts ("10 women, 7 men wounded") and reported history.
"""
from __future__ import annotations

import dataclasses
import functools
from datetime import date, timedelta

import regex

from factcheck import numbers, scan
from factcheck.context import read_context
from factcheck.model import INFINITY, LISTED_SUSPECT, SUSPECT, Claim, Part, Quantity, Sentence, Source
from factcheck.numbers import NUMBER_PATTERN, NUMBER_START_PATTERN, WORD_NUMBER_PATTERN, ordinal_value, quantity, word_value
from factcheck.patterns import alternatives
from factcheck.ruleset import NUMBER_START, QUALIFIER_BEFORE, Frame, Rule, RuleSet

# A sentence worth reading: it holds a digit, a number word or a zero told by "no one" or
# "yet to" ("police have yet to make an arrest").
_HAS_NUMBER = regex.compile(
    r"\d|\b"
    + alternatives(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen dozens several "
        "no nobody everyone everybody only lone single first second third fourth fifth sixth seventh eighth ninth tenth not none yet".split()
    )
    + r"\b",
    regex.I,
)
_INCREMENT_AFTER = regex.compile(r"^\s+(?:more|additional|further|new)\b", regex.I)
_INCREMENT_BEFORE = regex.compile(r"\b(?:another|additional|further)\s+$", regex.I)
_SPAN_START = regex.compile(r"\b(?:since|until|through|by)\s+$", regex.I)  # "since Saturday": not the event's day
# "New Year's Eve party", "Fourth of July celebration": a day that names a gathering
_GATHERING_AFTER = regex.compile(r"\s+(?:party|parties|celebrations?|festivities|gatherings?|bash|countdown|fireworks|parade)\b", regex.I)
# "Posted: Wednesday, April 8, 2015", "Updated 4:09 AM": a page's own time stamp
_STAMP_BEFORE = regex.compile(r"\b(?:posted|updated|published|last\s+updated|last\s+modified)\s*(?:on\s*)?:?\s*$", regex.I)
_YEAR = regex.compile(r"\b(?:1[89]|2[01])\d\d\b")
# "police said Friday", "told reporters on Monday": the day of the telling, not of the event
_SPEECH_BEFORE = regex.compile(
    r"\b(?:said|says|told(?:\s+[\p{L}.'’-]+){0,3}?|announced|confirmed|added|reported|tweeted|posted|wrote|stated|"
    r"explained|noted|testified|declared|briefed(?:\s+[\p{L}.'’-]+){0,2}?)(?:\s+(?:via|on|in)(?:\s+[\p{L}.'’-]+){1,3}?)?"
    r"\s+(?:(?:on|early|late|earlier)\s+)?$",
    regex.I,
)
# "On Monday, the police chief said ...": a day that opens a clause about what someone said
_SPEECH_AFTER = regex.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:[\p{L}.'’-]+\s+){1,7}?(?:said|says|told|announced|confirmed|tweeted|wrote)\b(?!\s+(?:he|she|they)\s+(?:was|were)\b)",
    regex.I,
)
# "the captain and two crew", "captain and two crew" (a headline): one person named beside a count
_ONE_AND = regex.compile(
    r"(?:\b(?:the|a|an|his|her|their)\s+[\p{Ll}-]+|(?:^|[,:;]\s*)[\p{L}-]+(?<!ed|ing|en|dead|hurt))\s+and\s+$", regex.I
)
_OTHER_BEFORE = regex.compile(r"\bother\s+$", regex.I)
# "POLICE SHOOTING Three Officers Killed": a verb in capitals before words that are not is a
# headline's label glued to the next headline, not a verb of the count that follows
_LABEL_WORD = regex.compile(r"\b\p{Lu}{4,}\b")
_LOWER = regex.compile(r"\p{Ll}")
_CLAUSE_END = regex.compile(r"[;.]")
# a count that opens the next clause: what follows it is said of it ("27 were wounded, and nine
# remain in hospital"), not of the count before
_NEXT_CLAUSE_COUNT = regex.compile(r",\s*(?:and\s+|while\s+|of\s+whom\s+)?" + NUMBER_START_PATTERN, regex.I)
_AGE_BEFORE = regex.compile(r"[\p{Lu}][\p{L}'’.-]+,\s*$")
# "In Tacloban, 82 were missing": a place that opens the clause, not a name and an age
_PLACE_PREPOSITIONS = ("in", "at", "on", "from", "near", "across", "throughout", "outside", "inside")
_PLACE_BEFORE = regex.compile(r"(?:^|[,;:—–]\s*)(?i:" + alternatives(list(_PLACE_PREPOSITIONS)) + r")\s+[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3},\s*$")
# "two of the 40 passengers were injured": the first number counts the verb's people, the
# second everyone they were part of (a clause of its own, with its own verb, is left alone:
# "three of the five people who were shot"); "two of the seven have died": the verb is the two's
_PART_OF_BEFORE = regex.compile(r"\b" + NUMBER_PATTERN + r"\s+of\s+(?:the|those|these)\s+$", regex.I)
_PART_OF_VERB = regex.compile(r"[^,;]*?\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\b", regex.I)
_RELATIVE = regex.compile(r"\b(?:who|whom|that|which)\b", regex.I)
# "Caixin, 88 of the dead were firefighters": a count of a toll's people, not an age
_OF_THE_TOLL = regex.compile(r"\s+of\s+(?:them|those|whom|the\s+(?:dead|injured|wounded|hurt|missing|victims))\b", regex.I)
# "Precinct 5", "District 9", "Engine 12", "No. 4", "father of 3": a number that names or
# describes, not one that counts
_NAMING_BEFORE = regex.compile(
    r"\b(?:precinct|district|ward|route|highway|interstate|i-|no\.|number|station|unit|engine|ladder|company|squad|"
    r"apartment|apt\.?|room|suite|block|channel|flight|bus|train|gate|pier|building|floor|terminal|platform|lane|"
    r"(?:father|mother|parent|grandfather|grandmother|grandparent)\s+of)\s*$",
    regex.I,
)
_HISTORY = regex.compile(
    r"\b(?:initially|originally|at first|earlier reports?|initial reports?|early reports?|first reports?|first reported|had been reported|previously reported|"
    r"was earlier|were earlier|had risen from|up from|from an earlier|earlier put|had said|had reported|"
    r"an earlier version|earlier version of this|incorrectly (?:said|reported|stated))\b[^.;]*$",
    regex.I,
)
_CHANGED = regex.compile(
    r"\b(?:(?:more|another|additional)\s+(?:\w+\s+){0,2}(?:have|has)\s+(?:since\s+)?died|(?:has|have)\s+since\s+died|"
    r"died\s+(?:later|since|overnight|in\s+hospital)|(?:rose|rises|rising|risen|climbed|climbs|increased|jumped|bringing|brings|brought|raised|revised|corrects|corrected)\s+(?:\w+\s+){0,3}?to|updated|(?:sharp\s+|steep\s+)?(?:rise|increase|jump)\s+from|up\s+from|"
    r"toll\s+(?:[\w-]+\s+){0,3}?(?:reache[sd]|reaching|hits|passe[sd]|passing|tops|topped))\b"
    # a count that fell ("the number of missing fell to 21"), not someone who fell to the ground
    r"|\b(?:fell|falls|fallen|dropped|drops|declined|decreased)\s+(?:\w+\s+){0,2}?to\s+(?:about\s+|around\s+)?(?:\d|" + WORD_NUMBER_PATTERN + r"\b)",
    regex.I,
)


def _changed(text: str, cache: dict) -> bool:
    """Whether the sentence tells of a toll that changed, worked out once per sentence."""
    changed = cache.get("changed")
    if changed is None:
        changed = cache["changed"] = bool(_CHANGED.search(text))
    return changed


# "one of the owners" is a part of the owners; "two of the victims", "two of them" are the
# victims' count told as a part of an earlier one (the shot, the hurt)
# "two people injured in the blast died": a participle with no verb before it describes the
# people a later verb tells of
_BARE_PARTICIPLE = regex.compile(r"(?<!\b(?:were|was|are|is|been|be|being|have|has|had)\s+(?:\p{Ll}+ly\s+)?)\b(?:injured|wounded|hurt)$", regex.I)
# "Two of the seven have died": a count whose verb belongs to the part before it (_PART_OF_BEFORE)
_FINITE_VERB = regex.compile(r"\b(?:were|was|have|has|had|are|is|died)\b", regex.I)
# "Of the 53 injured, 14 were ...": the count that follows is a part of the hurt
_OF_THE_HURT_BEFORE = regex.compile(
    r"\b[Oo]f\s+(?:the|those)\s+(?:" + NUMBER_PATTERN + r"\s+)?(?:[\p{L}-]+\s+){0,2}?(?:injured|wounded|hurt)\s*,\s*$")
_HOW_BADLY = regex.compile(r"\b(?:critically|seriously|severely|gravely)\b", regex.I)
_WHO_WERE_HURT = regex.compile(r"\b(?:who|that)\s+(?:were|was|had\s+been)\s+(?:\p{Ll}+ly\s+)?(?:injured|wounded|hurt)$", regex.I)
_THEN_DIED = regex.compile(r"[^.;,]{0,100}?\b(?:later\s+)?(?:died|have\s+died|has\s+died|had\s+died|succumbed|were\s+killed|was\s+killed)\b", regex.I)
# "killing 13 of the 48 people on board": a toll told as a part of everyone aboard
_PARTITIVE_AFTER = regex.compile(
    r"\s+of\s+(?:the|those|these|its|their|his|her)\s+(?!(?:\p{Ll}+\s+)?(?:victims|people|persons|wounded|injured|dead)\b"
    r"|\d[\d,]*\s+(?:people|persons|passengers|occupants)\b)", regex.I)
_PLACE_OR_TIME_BEFORE = {*_PLACE_PREPOSITIONS, "by", "since", "until"}
_FIRST_NAMES_TOO = {"april", "may", "june", "august", "january"}  # months that are also first names
_NAME_STOP = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "route", "highway", "interstate",
    "room", "page", "chapter", "image", "photo", "suite", "apt", "no", "block", "district", "ward", "precinct",
    "station", "channel", "the", "a", "an", "and", "but", "police", "officials", "authorities", "sheriff",
    "county", "city", "state", "he", "she", "they", "it", "his", "her", "about", "ages", "aged", "age", "court",
    "u.s", "us", "more", "when", "after", "before", "in", "on", "at", "of", "for", "by", "with",
    "mr", "mrs", "ms", "miss", "dr", "sgt", "officer", "deputy", "detective", "capt", "lt", "sen", "rep",
    "gov", "president", "chief", "judge", "sheriff's", "prof", "rev", "father", "sister", "survivor", "victim",
    # titles before a name: "Captain Luigi Rossi" is Luigi Rossi
    "captain", "const", "constable", "sergeant", "lieutenant", "corporal", "cpl", "pvt", "trooper", "col",
    "colonel", "maj", "pastor", "reverend", "mayor", "coach", "nurse", "firefighter", "agent", "professor",
}


@functools.lru_cache(maxsize=16)
def _with_subjects(template: str, subjects: str) -> regex.Pattern:
    """A pattern that needs the counted-subject pattern, compiled once per vocabulary."""
    return regex.compile(template.replace("{n}", NUMBER_PATTERN).replace("{who}", subjects), regex.I)


# "10 women, 7 men": a count right after another count of people is one of a list of parts.
_LIST = r"{n}\s+{who}\s*(?:,|and|,\s*and)\s*$"
# What text before a part of a list or sum ends with (_LIST, _ONE_AND, _SUM_BEFORE): looked
# for first, as a plain search, so that those patterns run only where they can match
_LISTED_BEFORE = regex.compile(r"(?:,|and)\s*$", regex.I)
# "Three children shot, 1 injured": the hurt listed after the shot are hurt some other way, a
# part of a sum with no total
_SHOT_LISTED_BEFORE = regex.compile(NUMBER_PATTERN + r"\s+(?:[\p{L}-]+\s+){0,2}shot\s*(?:,|and|,\s*and)\s*$", regex.I)
# "killing three and wounding three other officers": the first count shares the second's subject.
_ELIDED = r"^\s+and\s+(?:then\s+)?\w+(?:ing|ed)\s+{n}\s+{who}"
# "20 people, including three gunmen", "including the six attackers": a named part of a
# total, or the lone attacker; "701 injured, 71 of them critically", "66 of whom are in a
# critical condition": the part of the hurt in one condition.
# "in the stampede", "as the crowd fled", "trampled": hurt in the rush to escape, not by the
# weapon; a part of the hurt that outlets count in or leave out
_FLEEING = (
    r"(?:in\s+the\s+(?:ensuing\s+)?(?:stampede|crush|rush\s+to\s+(?:flee|escape|get\s+away)|panic)"
    r"|(?:while|when)\s+(?:fleeing|running\s+away|trying\s+to\s+(?:flee|escape))"
    r"|as\s+(?:the\s+)?(?:crowds?|people|they|festival-?goers|revell?ers|spectators)\s+(?:fled|ran|scattered)"
    r"|(?:after\s+being\s+|being\s+)?trampled)"
)
_FLEEING_AFTER = regex.compile(r"\s+(?:(?:people|others)\s+)?(?:were\s+|was\s+)?(?:hurt\s+|injured\s+)?" + _FLEEING, regex.I)
_PART = (
    r"\s*(?:,|;|\s[—–-]+)?\s*(?:and\s+(?=\S+\s+of\s+(?:them|whom)\s))?[(\"“]?(?:(?:including|among\s+them|among\s+whom|of\s+whom|incl\.)\s+|(?=(?:{n}|all|both)\s+of\s+(?:them|whom)\s+)|(?=(?:the\s+)?{n}(?:\s+[\p{L}-]+){1,4}?\s+among\s+them\b)|(?=the\s+driver\s+among\s+them\b))"
    r"(?:(?P<all>all|both)\s+of\s+(?:them|whom)\s+(?:were\s+)?{who}\b(?!\s+(?:and|or)\s|,\s*[\p{L}-]+\s+(?:and|or)\s)|{n}\s+of\s+(?:them|whom)\s+(?:(?:were|are|remain|remained)\s+)?(?:being\s+treated\s+)?(?:(?:listed\s+)?in\s+(?:an?\s+)?(?:very\s+)?(?P<condition>critical|serious)\s+condition|(?P<condition>critical|serious)(?:ly)?\b|in\s+(?P<condition>intensive)\s+care\b"
    r"|(?:hurt\s+|injured\s+)?(?P<fled>" + _FLEEING + r"))"
    r"|{n}\s+of\s+(?:them|whom)\s+(?:were\s+)?(?:[\p{Ll}]+\s+){0,2}?{who}\b|(?:the\s+)?{n}\s+{who}(?:\s+among\s+them\b)?|(?:(?:the|a|an|one)\s+)?(?P<lone>gunman|shooter|suspect|attacker|assailant|bomber|killer|perpetrator|suspected\s+gunman|alleged\s+gunman)\b|(?:the\s+)?(?P<driver>driver)\b(?!['’])|(?P<one>a|an|one)\s+{who}\b)"
)

# "35 were injured, and seven of them remain in critical condition": what follows is said of
# the part, not of the total
_OF_THEM_NEXT = regex.compile(r"\s*,?\s*(?:and\s+)?\S+\s+of\s+(?:them|whom)\b", regex.I)

# Every match of _PART holds one of these ("including", "among them", "of whom", "incl.",
# "three of them", "all of them"): a window without any holds no part, found by a plain search
_PART_WORDS = regex.compile(r"incl|among|whom|them", regex.I)


def _named_subject(mods: str | None, who: str | None, ruleset: RuleSet) -> str:
    """The counted subject: the longest known noun phrase that ends the words, so that
    "27 foreign tourists" counts foreigners, not tourists."""
    words = " ".join(f"{mods or ''} {who or ''}".lower().split()).split()
    for i in range(len(words) - 1):
        phrase = " ".join(words[i:])
        if phrase in ruleset.subjects:
            return phrase
    return " ".join((who or "").lower().split())


def _elided_subject(after: str, ruleset: RuleSet) -> str:
    m = _with_subjects(_ELIDED, ruleset.subject_pattern).match(after)
    return " ".join(m["who"].lower().split()) if m else ""


def _described_subject(after: str, ruleset: RuleSet) -> str:
    """ "The three injured students": the verb describes the noun after it, the one counted."""
    m = _with_subjects(r"^\s+{who}", ruleset.subject_pattern).match(after)
    return " ".join(m["who"].lower().split()) if m and not (m["mods"] or "").strip() else ""


# A claim's context reaches this far either side of it, to the ends of the words there: a
# window cut inside a word would read its first letters as a place ("Calder Ridge Correctional Faci")
BEFORE_CHARS, AFTER_CHARS = 120, 80
_WORD_END = regex.compile(r"[\p{L}\p{N}'’.-]*")
_WORD_START = regex.compile(r"[\p{L}\p{N}'’.-]*$")


def _before(text: str, start: int) -> str:
    """The text before `start`, up to BEFORE_CHARS, from the start of a word."""
    at = max(0, start - BEFORE_CHARS)
    return text[_WORD_START.search(text, 0, at).start() if at else 0 : start]


def _after(text: str, end: int) -> str:
    """The text after `end`, up to AFTER_CHARS, to the end of a word."""
    return text[end : _WORD_END.match(text, min(len(text), end + AFTER_CHARS)).end()]


def _window(sentence: Sentence, start: int, end: int) -> str:
    text = sentence.text
    return _before(text, start) + text[start:end] + _after(text, end)


def _own_stretch(sentence: Sentence, before: str, start: int, end: int) -> str:
    """The window without the stretches of the numbers beside the claim: in "34 dead: 14 at the
    airport and 20 at the station" the places belong to the 14 and the 20, not to the 34."""
    after = _after(sentence.text, end)
    last = None
    for last in NUMBER_START.finditer(before):
        pass
    begin = last.end() if last else 0
    where = _WHERE_CLAUSE.search(before, begin)
    following = NUMBER_START.search(after)
    return before[where.start("place") if where else begin :] + sentence.text[start:end] + after[: following.start() if following else len(after)]


# "taken to hospitals in Hathras and in Etah, where 27 bodies were received": the place the
# clause opens on ("in Etah"; "at the school in Coapa" whole) is the count's, not the places
# listed before it
_WHERE_CLAUSE = regex.compile(
    r"(?:^|[,;]|\band\b|\bor\b)\s*(?P<place>(?:(?!\b(?:and|or)\b)[^,;])*?),\s+where\b(?:(?!\bwhere\b)[^;])*$", regex.I)


def _offsets(source: Source, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    if sentence.clean_start < 0:
        return sentence.start + start, sentence.start + end
    return source.original_offset(sentence.clean_start + start), source.original_offset(sentence.clean_start + end)


def _claim(rule: Rule, source: Source, sentence: Sentence, start: int, end: int, value, ruleset: RuleSet,
           places_in: str | None = None, **fields) -> Claim:
    """A claim of the sentence's text from start to end; `places_in` is the text whose places
    are the claim's (by default, for a count, its own stretch of the sentence)."""
    first, last = _offsets(source, sentence, start, end)
    before = _before(sentence.text, start)
    # a date belongs to its whole sentence's event; a count to the clause around it
    if rule.type == "date":
        around = sentence.text
    else:
        around = _window(sentence, start, end)
        places_in = _own_stretch(sentence, before, start, end) if places_in is None else places_in
    return Claim(
        kind=rule.kind, rule=rule.code, source=source.name, value=value, start=first, end=last,
        words=sentence.text[start:end], sentence=sentence, severity=rule.severity,
        context=read_context(around, ruleset, before, places_in, recalled=_recalled_before(ruleset, sentence.text, start)), **fields,
    )


# "four or five", "10 to 12", "between 10 and 12": one number of a range the text gives ("from
# 5 to 9" is a change, not a range)
_RANGE_NUMBER = r"(?P<other>\d{1,6}|" + numbers.WORD_NUMBER_PATTERN + r")"
_RANGE_BEFORE = regex.compile(r"(?<!\bfrom\s)(?:\b(?P<between>between)\s+)?\b" + _RANGE_NUMBER + r"\s+(?:or|to|(?P<and>and))\s+$", regex.I)
_RANGE_AFTER = regex.compile(r"\s+(?:or|to)\s+" + _RANGE_NUMBER + r"\b(?!\s*(?:%|percent|times|shots|rounds|years?|months?|weeks?|days?|hours?|minutes?|a\.m|p\.m))", regex.I)
_OR_MORE_AFTER = regex.compile(r"\s+or\s+more\b", regex.I)
# "leaving a student aged 16 dead": the number is the student's age
_AGED_BEFORE = regex.compile(r"\b(?:aged|age)\s+$", regex.I)
_AGE_RANGE_BEFORE = regex.compile(r"\b(?:aged|ages|ageing|ranging\s+in\s+age)\s+(?:between\s+|from\s+)?\d{1,3}\s+(?:and|to)\s+$", regex.I)
_FROM_BEFORE = regex.compile(r"\bfrom\s+(?:\S+\s+){0,1}$", regex.I)


def _as_range(text: str, start: int, end: int, q: Quantity) -> Quantity:
    """The number at text[start:end] widened to the range it is one end of, if it is."""
    before = _RANGE_BEFORE.search(text, max(0, start - 40), start)
    if before and (before["and"] is None or before["between"]):
        first, words = word_value(before["other"]), text[before.start("between" if before["between"] else "other") : end]
    elif (after := _RANGE_AFTER.match(text, end)) and not _FROM_BEFORE.search(text, max(0, start - 30), start):
        first, words = word_value(after["other"]), text[start : after.end()]
    elif more := _OR_MORE_AFTER.match(text, end):  # "two or more suspects": at least two
        return Quantity(q.value, q.value, INFINITY, " ".join(text[start : more.end()].lower().split()))
    else:
        return q
    if first is None or first == q.value:
        return q
    return Quantity(q.value, min(first, q.value), max(first, q.value), " ".join(words.lower().split()))


def _recalled_before(ruleset: RuleSet, text: str, start: int) -> bool:
    """Whether an earlier event is recalled before `start` in the sentence ("came days after a
    quake struck"): what follows is that event's."""
    return ruleset.recalled_re is not None and ruleset.recalled_re.search(text, 0, start) is not None


def _as_value(q: Quantity) -> int | float:
    return int(q.value) if float(q.value).is_integer() else q.value


def _starts(anchor: regex.Pattern, text: str, cache: dict) -> list[tuple[int, ...]]:
    """Where the anchor matches, worked out once per sentence; a number may start at its qualifier."""
    key = id(anchor)
    if key not in cache:
        found = []
        for a in anchor.finditer(text):
            q = _qualifier_before(text, a.start()) if anchor is NUMBER_START else None
            found.append((q.start(), a.start()) if q else (a.start(),))
        cache[key] = found
    return cache[key]


# The last word of every qualifier: the text before a number ends with one of them, and white
# space, or no qualifier stands there; a plain test, much cheaper than the search it spares
_QUALIFIER_ENDS = tuple(sorted({q.split()[-1] for q in numbers.QUALIFIERS}))


def _qualifier_before(text: str, at: int):
    """The qualifier right before a number that starts at `at` ("at least" 12), as a match."""
    head = text[max(0, at - 25) : at]
    words = head.rstrip()
    if len(words) == len(head) or not words.casefold().endswith(_QUALIFIER_ENDS):
        return None
    return QUALIFIER_BEFORE.search(text, max(0, at - 25), at)


def frame_matches(rule: Rule, text: str, cache: dict):
    """(frame, match) of each frame of the rule in turn, each tried only where its anchor
    matches and where the words the pattern needs still follow (factcheck.scan): most of a
    sentence is skipped, and a frame the scan rules out everywhere is never compiled."""
    for frame, last in scan.runnable(rule, text, cache):
        found = frame.pattern.finditer(text, timeout=1.0) if frame.anchor is None else _anchored_matches(frame, text, cache, last)
        for m in found:
            yield frame, m


def _anchored_matches(frame: Frame, text: str, cache: dict, last: int | None):
    pattern, end = frame.pattern, 0
    for starts in _starts(frame.anchor, text, cache):
        if starts[-1] < end:
            continue
        for start in starts:
            if last is not None and start > last:
                break
            m = pattern.match(text, start, timeout=1.0)
            if m:
                end = m.end()
                yield m
                break


# Subject groups a part of a toll is a fact of its own for ("three officers were among the
# dead"); any other part ("two of the dead were tourists") is neither the toll nor a fact.
NAMED_GROUPS = frozenset({"police", "hostage", "attacker"})
# the frames that mean none: a listed phrase ("no arrests"), or "no one" before a verb ("nobody was detained")
ZERO_FRAMES = ("zero", "none")


def _toll_claims(rule: Rule, source: Source, sentence: Sentence, ruleset: RuleSet, cache: dict, _published=None) -> list[Claim]:
    text = sentence.text
    claims, taken = [], []
    for frame, m in frame_matches(rule, text, cache):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        g = m.groupdict()
        if frame.name in ZERO_FRAMES:
            q = Quantity(0, 0, 0, "")
        elif frame.name == "one":
            q = Quantity(1, 1, 1, "")
        elif frame.name == "ordinal":
            n = ordinal_value(m["ord"])
            if n is None or n == 1:
                continue  # "the first man arrested" sets him apart from the later ones: no total
            q = Quantity(n, n, n, "")
        else:
            # "the toll passed 320": more than the number
            qualifier = "more than" if g.get("passed") else g.get("q")
            q = quantity(qualifier, m["num"]) if g.get("num") else None
            if q is None:
                continue
        num_start = m.start("num") if g.get("num") else m.start()
        num_end = m.end("num") if g.get("num") else m.end()
        before, after = text[:num_start], text[num_end:]
        if g.get("num") and q.exact:
            if _AGE_RANGE_BEFORE.search(text, max(0, num_start - 40), num_start):
                continue  # "ten victims aged between 20 and 37 were shot": the oldest's age
            q = _as_range(text, num_start, num_end, q)
        start = m.start()
        part_of = _PART_OF_BEFORE.search(before[-60:]) if frame.name == "after" and g.get("num") else None
        if part_of and _PART_OF_VERB.match(text, num_end, m.end()) and not _RELATIVE.search(text, num_end, m.end()):
            q = quantity(part_of["q"], part_of["num"])
            if q is None:
                continue
            start = num_start - len(before[-60:]) + part_of.start()
        if frame.name == "before" and _LABEL_WORD.search(text, m.start(), num_start) and _LOWER.search(text[num_start : m.end()]):
            continue
        if g.get("num") and _item_of_a_breakdown(text, num_start):
            continue  # "35 were brought out alive: 12 freed on Saturday, and 23 rescued": parts of the 35
        listed_before = frame.name not in (*ZERO_FRAMES, "one") and _LISTED_BEFORE.search(before[-60:]) is not None
        if listed_before and not _OF_THE_TOLL.match(after) and (
            _with_subjects(_LIST, ruleset.subject_pattern).search(before[-60:]) or _ONE_AND.search(before[-40:])
        ):
            listed = _with_subjects(_ITEMS_BEFORE, ruleset.subject_pattern).search(text, max(0, num_start - 100), num_start)
            if frame.name == "after" and listed:
                claims += _listed_parts(rule, source, sentence, ruleset, listed.start(), m.end(), (listed.start(), m.end()))
                taken.append((listed.start(), m.end()))
            continue  # "10 women, 7 men wounded", "the captain and two crew arrested": parts of a sum (not "nine suspects, three of whom ...")
        if rule.kind == "injuries" and frame.name in ("after", "noun") and listed_before and _SHOT_LISTED_BEFORE.search(before[-60:]):
            continue  # "Three children shot, 1 injured": hurt some other way than the shot
        if rule.kind == "injuries" and frame.name in ("after", "pattern") and _FLEEING_AFTER.match(text, m.end()):
            beside_the_shot = (_INCREMENT_AFTER.match(after) or _INCREMENT_BEFORE.search(before) or _OTHER_BEFORE.search(before)
                               or "other" in (g.get("mods") or "").lower().split() or (g.get("who") or "").lower() == "others"
                               or regex.search(r"\balso\b", m.group(), regex.I))
            if beside_the_shot:
                taken.append((m.start(), m.end()))  # "four more were hurt in the stampede": the hurt fleeing, beside the shot
                claims.append(_claim(rule, source, sentence, m.start(), m.end(), _as_value(q), ruleset, quantity=q,
                                     subject="hurt fleeing", role="fleeing", part_of_total=True,
                                     history=bool(_HISTORY.search(text[max(0, m.start() - 80) : m.start()]))))
                continue
        if frame.name not in (*ZERO_FRAMES, "one") and (_INCREMENT_AFTER.match(after) or _INCREMENT_BEFORE.search(before)):
            continue  # "two more arrested": an increment, not a total
        if rule.kind == "injuries" and frame.name == "after" and _OF_THE_HURT_BEFORE.search(before[-80:]):
            condition = _HOW_BADLY.search(m.group())
            if condition:  # "Of the 53 injured, 14 were seriously hurt": the hurt in one condition
                kind_of = "critical" if condition[0].lower().startswith("critical") else "serious"
                taken.append((m.start(), m.end()))
                claims.append(_claim(rule, source, sentence, m.start(), m.end(), _as_value(q), ruleset, quantity=q,
                                     subject=f"{kind_of} condition", role=kind_of, part_of_total=True))
            continue  # "Of the 41 wounded, nine were treated and released": a part of the hurt
        if (rule.kind == "injuries" and frame.name == "after" and (_BARE_PARTICIPLE.search(m.group()) or _WHO_WERE_HURT.search(m.group()))
                and _THEN_DIED.match(text, m.end())):
            continue  # "two people injured in the blast died", "two who were seriously hurt died": the dead, told by how they were hurt
        if not g.get("who") and _PARTITIVE_AFTER.match(after):
            continue  # "detained one of the owners": a part of a group, not the total
        if g.get("num") and _AGED_BEFORE.search(before[-12:]):
            continue  # "leaving a student aged 16 dead": an age
        if 1800 <= q.value <= 2100 and not g.get("who"):
            continue  # a year
        if (_AGE_BEFORE.search(before) and not _PLACE_BEFORE.search(before[-80:]) and not _OF_THE_TOLL.match(after)
                and not _counts_its_noun(text, num_end, m)):
            continue  # "Josh Williams, 20, died": an age
        if frame.name == "after" and not g.get("who") and _PART_OF_BEFORE.search(before[-40:]) and _FINITE_VERB.search(m.group()):
            continue  # "two of the seven have died": the seven are everyone hit, the verb is the two's
        if _NAMING_BEFORE.search(before[-30:]):
            continue  # "deputies from Precinct 5 were shot", "the father of 3 was killed"
        who = _named_subject(g.get("mods"), g.get("who"), ruleset)
        if not who and frame.name == "before":
            who = _elided_subject(text[m.end() :], ruleset)
        elif not who and frame.name == "after":
            who = _described_subject(text[m.end() :], ruleset)
        mods = (g.get("mods") or "").lower()
        subject = ruleset.subjects.get(who)
        if g.get("part") is not None and (subject is None or subject.group not in NAMED_GROUPS):
            continue  # "two of the dead were tourists": a part of the toll, a fact only for a named role
        listed = _with_subjects(_ITEMS_AFTER, ruleset.subject_pattern).match(text, m.end()) if frame.name == "before" and subject is not None and subject.group == "subgroup" else None
        if listed:  # "killing six children and two adults": the parts of a toll with no total
            claims += _listed_parts(rule, source, sentence, ruleset, num_start, listed.end(), (m.start(), listed.end()))
            taken.append((m.start(), listed.end()))
            continue
        besides = bool(_OTHER_BEFORE.search(before)) or "other" in mods.split()
        if rule.data.get("others_add_one") and besides:
            q = q.shifted(1)
        if rule.data.get("others_are_parts") and (besides or who == "others"):
            continue  # "one was killed and five others were shot": everyone shot is a sum left unstated
        following = _CLAUSE_END.split(text[m.end() : m.end() + 60], maxsplit=1)[0].lower()
        if (another := _NEXT_CLAUSE_COUNT.search(following)) is not None:
            following = following[: another.start()]  # "27 wounded, and nine remain in hospital": the nine's
        if not _OF_THEM_NEXT.match(following) and any(p in following for p in rule.words("not_followed_by")):
            continue  # "five people injured in the crash remain hospitalized": a part of the injured
        if following.lstrip().startswith(tuple(rule.words("not_right_before"))):
            continue  # "one shot dead": a death, not a count of the people shot
        parts, attacker_extra = _parts(text, m.start(), m.end(), ruleset, q) or _breakdown_next(rule, source, sentence, m.end(), q, ruleset, cache), 0
        if any(p in text[m.end() : m.end() + 90].lower() for p in rule.words("attacker_also_died")):
            attacker_extra = 1
        elif besides_attackers := _attackers_besides(rule, text, m.end(), ruleset):
            attacker_extra = besides_attackers
        taken.append((start, m.end()))
        claim = _claim(
            rule, source, sentence, start, m.end(), _as_value(q), ruleset,
            quantity=q, subject=who, role=subject.role if subject else "",
            parts=parts, attacker_included=True if any(p.role == "attacker" for p in parts) else None,
            attacker_extra=attacker_extra, history=bool(_HISTORY.search(text[max(0, m.start() - 80) : m.start()])),
            changed=_changed(text, cache),
        )
        claims.append(claim)
        if frame.name not in ZERO_FRAMES:
            claims += _listed_places(claim, m.end(), rule, source, sentence, ruleset, taken)
    return claims


# "Thirty-five were brought out alive: 12 freed ..., and 23 rescued ...": a count after a colon
_BREAKDOWN_COLON = regex.compile(r":\s+(?=[^:]*$)")
# each item opens the list or follows a comma or "and": "12 freed ..., and 23 rescued at 4:30"
_COLON_LIST_ITEM = regex.compile(r"(?:^\s*|,\s*(?:and\s+)?|\s+and\s+)" + NUMBER_PATTERN + r"(?=\s+\p{L})", regex.I)


def _counts_its_noun(text: str, num_end: int, m: regex.Match) -> bool:
    """An age never takes a noun: "According to Ines Roth, five people were held" counts the people."""
    return m.groupdict().get("who") is not None and m.start("who") > num_end and "," not in text[num_end : m.start("who")]


def _item_of_a_breakdown(text: str, num_start: int) -> bool:
    """Whether a count is one of the items a count before a colon is broken into, told each
    with its own verb: the items after the colon add up to it."""
    colon = _BREAKDOWN_COLON.search(text, 0, num_start)
    if colon is None or "." in text[colon.end() : num_start] or ";" in text[colon.end() : num_start]:
        return False
    ahead = list(numbers.NUMBER.finditer(text, 0, colon.start()))
    if not ahead or colon.start() - ahead[-1].end() > 60:
        return False
    total = quantity(ahead[-1]["q"], ahead[-1]["num"])
    items = _CLAUSE_END.split(text[colon.end() :], maxsplit=1)[0]
    values = [quantity(n["q"], n["num"]) for n in _COLON_LIST_ITEM.finditer(items)]
    return (total is not None and total.exact and len(values) >= 2 and all(v is not None and v.exact for v in values)
            and sum(v.value for v in values) == total.value)


def _attackers_besides(rule: Rule, text: str, end: int, ruleset: RuleSet) -> int:
    """ "Ten people were killed, not counting the four attackers": the attackers who died
    besides the toll, told right after it."""
    words = rule.words("attackers_besides")
    if not words:
        return 0
    m = _with_subjects(r"^[^.;:\d]{0,40}?,?\s*\b(?:" + alternatives(words) + r")\s+(?:the\s+|all\s+)?{n}\s+{who}\b", ruleset.subject_pattern).match(text[end : end + 120])
    if not m:
        return 0
    q = quantity(m["q"], m["num"])
    subject = ruleset.subjects.get(_named_subject(m["mods"], m["who"], ruleset))
    return int(q.value) if q is not None and q.exact and subject is not None and subject.role == "attacker" else 0


# "six children and two adults died", "killing three women, two men and a boy": a toll told
# only as the list of its parts, each with its noun, in one clause with the toll's verb
_ITEM = r"{n}\s+{who}\b"
_ITEMS_BEFORE = r"(?:{n}\s+{who}\s*(?:,\s*and|,|and)\s*){1,3}$"
_ITEMS_AFTER = r"(?:\s*(?:,\s*and|,|and)\s*{n}\s+{who}\b){1,3}"


def _listed_parts(rule: Rule, source: Source, sentence: Sentence, ruleset: RuleSet, first: int, last: int, clause: tuple[int, int]) -> list[Claim]:
    """The sub-groups of a toll told as a list of two or more parts with no total beside it
    ("19 children and six adults died"), each a part of that toll: compared with the same part
    elsewhere, while their sum is nobody's total. The list runs from `first` to `last`, its
    clause (with the verb) is `clause`. Only the dead and the hurt are told this way."""
    if rule.kind not in ("deaths", "injuries"):
        return []
    text = sentence.text
    items = _counted_items(_with_subjects(_ITEM, ruleset.subject_pattern).finditer(text, first, last), ruleset)
    if items is None or len(items) < 2:
        return []
    places_in = _own_stretch(sentence, text[max(0, clause[0] - 120) : clause[0]], clause[0], clause[1])
    listed_sum = sum(int(q.value) for _item, q, _who, _subject in items)
    return [_claim(rule, source, sentence, item.start(), item.end(), _as_value(q), ruleset, places_in=places_in, quantity=q,
                   subject=who, role="subgroup", part_of_total=True, listed_sum=listed_sum,
                   history=bool(_HISTORY.search(text[max(0, item.start() - 80) : item.start()])))
            for item, q, who, subject in items if subject.group == "subgroup"]


def _counted_items(items, ruleset: RuleSet) -> list[tuple] | None:
    """Each item of a list as (match, quantity, noun, subject); None when one is not an exact
    count of a known noun ("dozens of men and two women": not a list of counted parts)."""
    out = []
    for item in items:
        q = quantity(item["q"], item["num"])
        who = _named_subject(item["mods"], item["who"], ruleset)
        subject = ruleset.subjects.get(who)
        if q is None or not q.exact or subject is None:
            return None
        out.append((item, q, who, subject))
    return out


# "Of them, 20 were women and two were men": a sentence that breaks down the toll the sentence
# before it gives, item by item
# ("Twenty of them were women and two were men, he said."): the sentence may end with who said it
_PARTS_ITEM = r"{n}(?:\s+of\s+them)?\s+(?:are|were|is|was)\s+(?:an?\s+)?{who}\b"
_PARTS_SENTENCE = (
    r"(?:(?:of|among)\s+(?:them|those|the\s+(?:dead|victims|injured|wounded))\s*,?\s*)?" + _PARTS_ITEM
    + r"(?:\s*(?:,\s*and|,|and)\s*" + _PARTS_ITEM + r"){1,3}"
    + r"(?:\s*,\s*(?:he|she|they|police|officials|(?:the\s+)?[\p{L}-]+\s+[\p{L}-]+)\s+(?:said|says|added|told\s+[\p{L}-]+))?\s*[.;]"
)
# the next sentence, a closing quote after its stop left out
_NEXT_SENTENCE = regex.compile(r"\s*(?P<sentence>[^\n]*?[.;])(?=[\"”’')]*(?:\s|$))")


def _breakdown_next(rule: Rule, source: Source, sentence: Sentence, end: int, total: Quantity, ruleset: RuleSet, cache: dict) -> tuple[Part, ...]:
    """The parts of the last toll of a sentence, listed by the sentence after it ("22 bodies
    were recovered. Of them, 17 are women and five are men"), when they add up to it."""
    if not total.exact:
        return ()
    at = (sentence.clean_start if sentence.clean_start >= 0 else sentence.start) + len(sentence.text)
    following = _NEXT_SENTENCE.match(source.clean, at, at + 300)
    listed = following and _with_subjects(_PARTS_SENTENCE, ruleset.subject_pattern).fullmatch(following["sentence"])
    if not listed or any(later.start() >= end for _frame, later in frame_matches(rule, sentence.text, cache)):
        return ()
    items = _counted_items(_with_subjects(_PARTS_ITEM, ruleset.subject_pattern).finditer(following["sentence"]), ruleset)
    if items is None or sum(q.value for _item, q, _who, _subject in items) != total.value:
        return ()
    return tuple(Part(int(q.value), subject.role or subject.group, who) for _item, q, who, subject in items if subject.group != "total")


# "86 died in the capital, 71 in the state of Morelos and 43 in Puebla": the places listed
# after a placed count, each with its own count of the same thing
_PLACE_NAME = r"\p{Lu}[\p{L}'’-]+(?:\.(?=\w))?(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’-]+){0,3}"
# "at the Halvard Square market": a named place may end on the kind of site it is
_SITE = r"(?:\s+(?:market|station|square|mall|school|church|mosque|temple|club|bar|hotel|stadium|airport|hospital|museum|park|campus|port))?\b"
_PLACED_AFTER = regex.compile(r"\s+(?:in|at)\s+(?:the\s+)?" + _PLACE_NAME + _SITE)
_LISTED_PLACE = regex.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?i:" + NUMBER_PATTERN + r")\s+(?:in|at)\s+(?:the\s+(?:[Ss]tate|province|city|town|district|region|county)\s+of\s+|the\s+)?"
    + _PLACE_NAME + _SITE
)


def _listed_places(claim: Claim, end: int, rule: Rule, source: Source, sentence: Sentence, ruleset: RuleSet, taken: list) -> list[Claim]:
    """The counts of the places listed after a count given with its place, as claims of their own."""
    text, found = sentence.text, []
    placed = _PLACED_AFTER.match(text, end)
    at = placed.end() if placed else -1
    while at >= 0:
        item = _LISTED_PLACE.match(text, at)
        if not item:
            break
        q = quantity(item["q"], item["num"])
        if q is None:
            break
        start = item.start("q") if item["q"] else item.start("num")
        taken.append((start, item.end()))
        found.append(_claim(rule, source, sentence, start, item.end(), _as_value(q), ruleset, places_in=text[start : item.end()],
                            quantity=q, subject=claim.subject, role=claim.role, history=claim.history, changed=claim.changed))
        at = item.end()
    return found


# "25 people died there, 21 children and four adults", "the 20 hostages killed were 17
# foreigners and three nationals": a total's breakdown right after it, two to four counts
_BREAKDOWN_ITEM = r"{n}(?:\s+[\p{L}'’-]+){1,3}?"
_BREAKDOWN = (
    r"[^,.;:()\d]{0,40}?(?:,|:|\s[-—–]|\s+were)\s*(?P<items>" + _BREAKDOWN_ITEM
    + r"(?:\s*(?:,\s*and|,|and)\s*" + _BREAKDOWN_ITEM + r"){1,3})\b"
)


def _breakdown(text: str, end: int, total: Quantity, ruleset: RuleSet) -> tuple[Part, ...]:
    """The parts listed right after a total, when they add up to it (a list that does not is
    something else); of them, those whose noun names a sub-group or a role."""
    m = _with_subjects(_BREAKDOWN, ruleset.subject_pattern).match(text, end, min(len(text), end + 160))
    if not m or not total.exact:
        return ()
    counted, parts = 0, []
    for item in NUMBER_START.finditer(text, m.start("items"), m.end("items")):
        named = _with_subjects(_ITEM, ruleset.subject_pattern).match(text, item.start())
        number = named or _with_subjects(r"{n}", ruleset.subject_pattern).match(text, item.start())
        q = quantity(number["q"], number["num"]) if number else None
        if q is None or not q.exact:
            return ()
        counted += q.value
        who = _named_subject(named["mods"], named["who"], ruleset) if named else ""
        subject = ruleset.subjects.get(who)
        if subject is not None and subject.group != "total":
            parts.append(Part(int(q.value), subject.role or subject.group, who))
    return tuple(parts) if counted == total.value else ()


def _parts(text: str, start: int, end: int, ruleset: RuleSet, total: Quantity | None = None) -> tuple[Part, ...]:
    """The part a total names, right after it, inside it ("Three people, including the gunman,
    died") or at the end of its clause ("Nine people died in the siege, including two soldiers"),
    or the parts it is broken down into ("25 died there, 21 children and four adults")."""
    if total is not None and (found := _breakdown(text, end, total, ruleset)):
        return found
    if not _PART_WORDS.search(text, start, min(len(text), end + 100)):
        return ()
    m = _with_subjects(_PART, ruleset.subject_pattern).search(text, start, min(len(text), end + _FAR_PART))
    if not m or (m.start() > end + 3 and (NUMBER_START.search(text, end, m.start()) or (
            (m.start() > end + 40 or regex.search(r"[.;,:]", text[end : m.start()])) and not _ends_sentence(text, m, end)))):
        return ()  # "killed two and wounded five including three children": the part is the five's
    if m["lone"]:
        return (Part(1, "attacker", m["lone"].lower()),)
    if m["driver"]:  # "five people, among them the driver, were killed": one toll counts the driver, another may not
        return (Part(1, "driver", "driver"),)
    if m["one"]:  # "five people were shot, including a police officer"
        who = _named_subject(m["mods"], m["who"], ruleset)
        subject = ruleset.subjects.get(who)
        return (Part(1, subject.role or subject.group, who),) if subject is not None and subject.group in NAMED_GROUPS else ()
    if m["all"]:  # "20 hostages, all of them foreigners": the part is the whole
        whole = 2 if m["all"].lower() == "both" else total.value if total is not None and total.exact else None
        who = _named_subject(m["mods"], m["who"], ruleset)
        subject = ruleset.subjects.get(who)
        return (Part(int(whole), subject.role or subject.group, who),) if whole and subject is not None else ()
    q = quantity(m["q"], m["num"])
    if m["fled"]:  # "nine injured, four of them in the stampede"
        return (Part(int(q.value), "fleeing", "hurt fleeing"),) if q is not None else ()
    if m["condition"]:
        condition = m["condition"].lower()
        return (Part(int(q.value), condition, "in intensive care" if condition == "intensive" else f"{condition} condition"),) if q is not None else ()
    who = _named_subject(m["mods"], m["who"], ruleset)
    subject = ruleset.subjects.get(who)
    if q is None or subject is None:
        return ()
    return (Part(int(q.value), subject.role or subject.group, who),)


# "Fourteen people died in the siege, which began on Friday, among them the four attackers":
# a part that ends the sentence is its toll's across the asides between them, when no other
# number stands there to own it
_FAR_PART = 140
_SENTENCE_END = regex.compile(r"(?:\s*,[^.;:]*)?[.!?\"”]*\s*$")


def _ends_sentence(text: str, m: regex.Match, end: int) -> bool:
    """Whether the part stands in its sentence's last clauses, with no other number after it."""
    return (m["lone"] is None and m["one"] is None and m["all"] is None and m["condition"] is None
            and not regex.search(r"[.;:]", text[end : m.start()]) and _SENTENCE_END.fullmatch(text, m.end()) is not None
            and not NUMBER_START.search(text, m.end()))


_PART_AFTER = regex.compile(r"\s+among\s+(?:them|whom)\b", regex.I)
_PART_BEFORE = regex.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among)\s+$", regex.I)
# "198 passengers and 14 crew": each count is a part of a sum
_SUM_AFTER = regex.compile(rf"^\s+and\s+{NUMBER_PATTERN}\s+(?P<noun>[\p{{L}}-]+)", regex.I)
_SUM_BEFORE = regex.compile(rf"{NUMBER_PATTERN}\s+(?P<noun>[\p{{L}}-]+)\s*(?:,|and|,\s*and)\s*$", regex.I)


# "found in the ruins of two houses": the things a place is named by, not a count of them
_RUINS_OF_BEFORE = regex.compile(r"\b(?:ruins|rubble|wreckage|remains|debris|ashes)\s+of\s+(?:the\s+|its\s+|their\s+)?$", regex.I)


def _count_claims(rule: Rule, source: Source, sentence: Sentence, ruleset: RuleSet, cache: dict, _published=None) -> list[Claim]:
    claims = []
    for _frame, m in frame_matches(rule, sentence.text, cache):
        if (_PART_BEFORE.search(sentence.text[: m.start()]) or _PART_AFTER.match(sentence.text, m.end())
                or _NAMING_BEFORE.search(sentence.text[max(0, m.start() - 30) : m.start()])):
            continue  # "11 hurt, including three firefighters", "three firefighters among them": a part; "Route 9 vehicles": a name
        if _RUINS_OF_BEFORE.search(sentence.text, max(0, m.start() - 40), m.start()):
            continue
        ahead = sentence.text[max(0, m.start() - 40) : m.start()]
        beside = _SUM_AFTER.match(sentence.text[m.end() :]) or (_LISTED_BEFORE.search(ahead) and _SUM_BEFORE.search(ahead))
        if beside and beside["noun"].lower() in ruleset.subjects:
            continue  # people counted in parts, with no total
        q = quantity(m.groupdict().get("q"), m["num"])
        if q is None or q.value == 0:
            continue
        claims.append(_claim(rule, source, sentence, m.start(), m.end(), _as_value(q), ruleset, quantity=q,
                             subject=_longest_noun(rule, sentence.text[m.start() : m.end("noun")], m["noun"])))
    return claims


def _longest_noun(rule: Rule, counted: str, noun: str) -> str:
    """The longest listed noun the counted words end with: "1,200 police officers" counts police
    officers, as "1,200 additional police officers" does, whichever word a modifier took."""
    words = " ".join(counted.lower().split())
    return max((n for n in rule.words("nouns") if words.endswith(" " + n)), key=len, default=" ".join(noun.lower().split()))


ABOUT_AN_AGE = 2  # "about 40": a guess within two years either way


def _age_claims(rule: Rule, source: Source, sentence: Sentence, ruleset: RuleSet, cache: dict | None = None, _published=None) -> list[Claim]:
    claims, taken = [], set()
    suspects = None  # whether the sentence makes its people suspects: read once, when first asked
    for _frame, m in frame_matches(rule, sentence.text, cache):
        g = m.groupdict()
        age = int(word_value(g["age"]) or 0)
        if not 0 < age <= 115 or m.start("age") in taken:
            continue
        name = _person(g.get("name") or "")
        desc = (g.get("desc") or "").lower()
        if g.get("name") is not None and not name:
            continue
        taken.add(m.start("age"))
        if suspects is None:
            suspects = bool(rule.words("suspects")) and _suspects_pattern(tuple(rule.words("suspects"))).search(sentence.text) is not None
        if g.get("more") is not None:  # "ages 28 and 21": a group's ages, kept only for suspects
            if suspects:
                claims += [_claim(rule, source, sentence, n.start(), n.end(), int(n[0]), ruleset, quantity=Quantity(int(n[0]), int(n[0]), int(n[0]), ""),
                                  subject=desc, role=LISTED_SUSPECT) for n in regex.finditer(r"\d+", sentence.text[: m.end()], pos=m.start("age"))]
            continue
        about = g.get("about")
        q = Quantity(age, age - ABOUT_AN_AGE, age + ABOUT_AN_AGE, about.lower()) if about else Quantity(age, age, age, "")
        described = (SUSPECT if suspects else "") if name else _description(rule, sentence.text, m.start(), m.end(), desc)
        claims.append(_claim(rule, source, sentence, m.start(), m.end(), age, ruleset, quantity=q, person=name, subject=desc, role=described))
        other = _person(g.get("name2") or "")
        if other:  # "Lee and Park, both 29": one age for two people
            claims.append(_claim(rule, source, sentence, m.start(), m.end(), age, ruleset, quantity=q, person=other, subject=desc))
    return claims


@functools.lru_cache(maxsize=8)
def _suspects_pattern(words: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(r"\b" + alternatives(list(words)) + r"\b", regex.I)


# the body part a relative clause tells what befell a person by: "whose arm was grazed"
_BODY_PARTS = ["shoulder", "arm", "leg", "head", "face", "hand", "foot", "back", "neck", "chest", "hip", "side"]
# What may stand between a described person and what befell them: "was also grazed", "from
# Kelvoy has been arrested", "was among those arrested", "whose shoulder was grazed"
_BEFELL_GAP = (r"(?:,?\s+(?:who\s+)?(?:was|were|is|are|had\s+been|has\s+been|have\s+been|also|later|then|\p{Ll}+ly"
               r"|whose\s+(?:" + alternatives(_BODY_PARTS) + r")"
               r"|among\s+(?:those|the\s+people)|from\s+(?-i:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)))*\s+")


@functools.lru_cache(maxsize=8)
def _description_patterns(befell: tuple[str, ...], fired_by: tuple[str, ...], who_fired: tuple[str, ...]):
    """The patterns of what befell someone, "shot by" before and "who fired" after: None for
    an empty word list."""
    def compiled(template: str, words: tuple[str, ...]) -> regex.Pattern | None:
        return regex.compile(template.replace("WORDS", alternatives(list(words))), regex.I) if words else None
    return (compiled(_BEFELL_GAP + r"(WORDS)\b", befell), compiled(r"\bWORDS\s+$", fired_by),
            compiled(r"\s*,?\s+who\s+(?:had\s+)?(?:\p{Ll}+ly\s+)?WORDS\b", who_fired),
            compiled(r"\b(WORDS)\s+$", befell))


def _description(rule: Rule, text: str, start: int, end: int, desc: str) -> str:
    """How a person given by age alone is told apart from the story's other people: kin
    ("daughters"), what befell them ("grazed"), or "fired". "" when the sentence does not say."""
    alike = rule.data.get("befell_alike", {})
    befell, fired_by, who_fired, befell_before = _description_patterns(
        tuple(rule.words("befell") + list(alike)), tuple(rule.words("fired_by")), tuple(rule.words("who_fired")))
    if (fired_by is not None and fired_by.search(text, 0, start)) or (who_fired is not None and who_fired.match(text, end)):
        return "fired"
    if desc in rule.words("kin"):
        return desc
    what = befell.match(text, end) if befell is not None else None
    if what is None and befell_before is not None:
        what = befell_before.search(text, max(0, start - 40), start)  # active voice: "a bullet grazed a 17-year-old"
    return alike.get(" ".join(what[1].lower().split()), what[1].lower()) if what else ""


_SURNAME_INITIAL = regex.compile(r"\p{Lu}\.$")
_FULL_WORD = regex.compile(r"\p{Lu}\p{Ll}+$")


def _person(name: str) -> str:
    """The name as a person's, or "" when the words are not a name ("Aug.", "Police")."""
    tokens = [t for t in name.replace("’", "'").split() if t]
    if tokens and tokens[0].lower() in _PLACE_OR_TIME_BEFORE:
        return ""  # "In Tacloban, 82 were missing": a place, not a person
    while tokens and tokens[0].lower().strip(".,") in _NAME_STOP and not (len(tokens) > 1 and tokens[0].lower() in _FIRST_NAMES_TOO):
        tokens = tokens[1:]
    if not tokens or any(t.lower().strip(".,") in _NAME_STOP for t in tokens[-1:]):
        return ""
    if tokens[-1].endswith(".") and tokens[-1].lower() not in ("jr.", "sr."):
        if _SURNAME_INITIAL.match(tokens[-1]) and len(tokens) >= 2 and _FULL_WORD.match(tokens[-2]):
            return " ".join(tokens)  # "Karel D. (38)": a first name and the surname's initial, as European papers print them
        if len(tokens[-1]) <= 3:
            return ""  # an initial or an abbreviation, not the end of a name
        tokens[-1] = tokens[-1].rstrip(".")
    return " ".join(tokens)


# A credit in brackets that closes a line after a full stop ("... on June 8. (Family photo)",
# "(AP Photo/Dana Holt)", in italics or not): the line is a photo caption
_CREDIT_ENDS_LINE = regex.compile(r"[^\n]*?[.!?][\"”’]?[ \t]+\(\p{Lu}[^()\n]{2,60}\)[*_]*[ \t]*(?:\n|$)")


def _date_claims(rule: Rule, source: Source, sentence: Sentence, ruleset: RuleSet, _cache=None, published: date | None = None) -> list[Claim]:
    from factcheck.dates import WIRE_DATELINE_AFTER, WIRE_DATELINE_BEFORE, find_date_mentions

    wanted = set(rule.data.get("events", []))
    claims = []
    text = sentence.text
    if _CREDIT_ENDS_LINE.match(source.text, sentence.start):
        return claims  # a caption's: its days are the picture's
    mentions = find_date_mentions(text, published)
    if not any(m.value is not None and m.precision == "day" for m in mentions):
        return claims  # only a day is claimed: none, no need to read the events
    events = [(m.start(), m.end(), _event_class(text, m, ruleset)) for m in ruleset.event_re.finditer(text)]
    if not any(c in wanted for _s, _e, c in events):
        return claims  # a day is claimed only beside one of the rule's events
    # "Wednesday's shipwreck", "the June 9 crash": an event word its own date stands before
    # is dated; another day in the sentence is not its day ("arrested survivors of
    # Wednesday's shipwreck on Thursday" dates the arrests)
    owned = {s for m in mentions for s, _e, c in events if c and _owns(text, m, s)}
    # "On Sunday, bells tolled for those who lost their lives on October 5": an event word its
    # own date follows right after is not dated by a day told before it
    dated_after = {s: m for m in mentions for s, e, c in events if c and _DAY_RIGHT_AFTER.fullmatch(text, e, m.start)}
    for mention in mentions:
        if mention.value is None or mention.precision != "day":
            continue
        if mention.future or _SPAN_START.search(text, 0, mention.start) or _STAMP_BEFORE.search(text, max(0, mention.start - 30), mention.start) or _said_on(text, mention.start, mention.end):
            continue
        if WIRE_DATELINE_BEFORE.search(text, 0, mention.start) and WIRE_DATELINE_AFTER.match(text, mention.end):
            continue  # the wire dateline: when the copy was filed, not when anything happened
        if _GATHERING_AFTER.match(text, mention.end):
            continue  # "a New Year's Eve party shooting": the day names the party, which ran past midnight
        taken = owned | {s for s, m in dated_after.items() if m is not mention and mention.start < s}
        dated = _dated_event(text, mention, events, taken, wanted)
        if dated is None:
            continue
        event_class, between = dated
        if event_class == ARREST:  # "a third suspect was arrested on Saturday": not the day of the first arrests
            begin, end = _clause(text, mention.start, mention.end)
            nth = _NTH_BEFORE.search(text, begin, mention.start) or _NTH_PERSON.search(text, mention.end, end)
            if nth:
                event_class = f"{nth['ord'].lower()} arrest"
        day, year_given = mention.value, bool(_YEAR.search(mention.phrase))
        if between:  # "on Saturday, a day after the dam burst": the dam burst on Friday
            days = 1 if between["n"].lower() in ("a", "the") else int(word_value(between["n"]) or 0)
            if not days:
                continue
            day += timedelta(days=-days if between["way"].lower() == "after" else days)
        claim = _claim(
            rule, source, sentence, mention.start, mention.end, day.isoformat(), ruleset,
            subject=event_class, relative=mention.relative or not year_given or bool(between),
        )
        if claim.context.other_event and _compared_after(text, mention.end, ruleset):
            claim = dataclasses.replace(claim, context=dataclasses.replace(claim.context, other_event=False))
        claims.append(claim)
    return claims


def _event_class(text: str, word, ruleset: RuleSet) -> str:
    """The class of an event word found in a sentence; none where the words before it make it
    no event of its own ("the site of the blasts", "new fires")."""
    if _NOT_THIS_EVENT.search(text, max(0, word.start() - 60), word.start()):
        return ""
    return ruleset.events.get(" ".join(word.group().lower().split()), "")


# what stands between an event word and the day told right after it: "killed on Saturday", "died Sunday"
_DAY_RIGHT_AFTER = regex.compile(r"\s+(?:(?:early|late)\s+)?(?:on\s+)?", regex.I)


def _dated_event(text: str, mention, events: list[tuple[int, int, str]], owned: set[int], wanted: set[str]):
    """The class of the event a date is of, and the words saying it is days apart from it ("a
    day after the dam burst"); None when the date is of no event the rule compares."""
    mine = [(0, c, s) for s, e, c in events if c and _owns(text, mention, s)]
    near = mine or [(min(abs(s - mention.end), abs(mention.start - e)), c, s) for s, e, c in events if c and s not in owned]
    if not near:
        return None
    distance, event_class, event_start = min(near)
    began = _BEGAN_BEFORE.search(text, max(0, mention.start - 30), mention.start) if not mine else None
    # "the siege, which began late on Friday and ended on Sunday": the day is the beginning
    # of what began, named just before the verb
    subject = [(began.start() - e, c, s) for s, e, c in events if c and s not in owned and began.start() - 60 <= e <= began.start()] if began else []
    if subject:
        _gap, event_class, event_start = min(subject)
        distance = 0
    if (not subject and not mine and event_start > mention.end and "," in text[mention.end : event_start]
            and not _SEQUENCE.search(text, mention.end, event_start)):
        # "arrested him on Sunday, charged him with ...": the day ends the clause it is in
        same_clause = [(mention.start - e, c, s) for s, e, c in events
                       if c and s not in owned and e <= mention.start and not _CLAUSE_BREAK.search(text, e, mention.start)]
        if same_clause:
            distance, event_class, event_start = min(same_clause)
    if event_start > mention.end and _FUTURE_NEXT.fullmatch(text, mention.end, event_start):
        # "a shooting at the school on Monday will be charged": what is yet to come is not what
        # the day dates; the day ends the noun phrase before it
        told = [(mention.start - e, c, s) for s, e, c in events
                if c and s not in owned and e <= mention.start and not _CLAUSE_BREAK.search(text, e, mention.start)]
        if told:
            distance, event_class, event_start = min(told)
    between = _DAYS_APART.search(text, mention.end, event_start) if event_start > mention.end else None
    sequence = _SEQUENCE.search(text, mention.end, event_start) if event_start > mention.end else None
    if not between and event_start > mention.end and (sequence or _COMPLEMENT.match(text, mention.end, event_start)):
        # "was arrested Friday after a standoff", "arrested two men on Sunday in the
        # shooting": the day is the arrest's, told before it
        earlier = [(mention.start - e, c, s) for s, e, c in events if c and e <= mention.start]
        if earlier:
            distance, event_class, event_start = min(earlier)
        elif sequence:
            return None  # "flew in on Sunday, his first visit since the disaster": a day of something else
    if event_class == GENERAL_COURT:
        # "denied bond during a hearing on Tuesday": the step named beside the hearing
        steps = [(d, c, s) for d, c, s in near if c in wanted and d <= STEP_BESIDE_COURT]
        if steps:
            distance, event_class, event_start = min(steps)
    if distance > 150 or event_class not in wanted:
        return None
    return event_class, between


def _compared_after(text: str, end: int, ruleset: RuleSet) -> bool:
    """Whether the only past event of a date's sentence is one it is compared with after the
    date ("reached 45C on Saturday, the highest since 1979, when ..."): the date is the story's."""
    comparison = ruleset.comparison_re.search(text, end)
    return (comparison is not None and not ruleset.comparison_re.search(text, 0, end)
            and not ruleset.other_event_re.search(text, 0, comparison.start()) and not _recalled_before(ruleset, text, end))


# "on Saturday, a day after the dam burst", "two days before the vote": the day of another
# event, a stated number of days from the one the event words name
_DAYS_APART = regex.compile(
    r"\b(?P<n>a|one|the|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<way>after|before)\b", regex.I
)


# Words before an event word that make it no event of its own to date: a place named after it
# ("the wreckage of the warehouse explosions", "the site of the blasts"), a later one ("new
# fires broke out", "a fresh blast") or one feared or awaited ("fearing a storm surge")
_NOT_THIS_EVENT = regex.compile(
    r"(?:\b(?:wreckage|rubble|debris|ruins|site|aftermath)\s+of\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}"
    r"|(?-i:\b(?:new|[Ff]resh|[Ff]urther|[Rr]enewed)|^New)\s+(?:[\p{L}-]+\s+)?"  # not "the New Orleans shooting"
    r"|\b(?:fearing|feared|fear\s+of|fears\s+of|warning\s+of|warnings\s+of|ahead\s+of|in\s+case\s+of|braced\s+for|bracing\s+for|"
    r"threat\s+of|risk\s+of|prepared\s+for|preparing\s+for)\s+(?:(?:a|an|the|another)\s+)?(?:[\p{L}-]+\s+){0,2})$",
    regex.I,
)


_CLAUSE_BREAK = regex.compile(r"[,;:()]")
# a future right after a date, with no subject of its own between: "on Monday will be charged"
_FUTURE_NEXT = regex.compile(r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:will|would|is\s+to|are\s+to|is\s+expected\s+to|are\s+expected\s+to)(?:\s+(?:be|face|not|now|also|likely))*\s*", regex.I)
GENERAL_COURT = "court"  # the class of events.toml that names any step of a case ("a hearing", "in court")
STEP_BESIDE_COURT = 60  # how near a named step must stand to take the day from a general word


# what stands between a day and the event word it dates: "Wednesday's", "Sunday night's", "June 9"
_OWNS_EVENT = regex.compile(r"(?:\s+(?:morning|afternoon|evening|night))?(?:['’]s\s+(?:[\p{Ll}-]+\s+){0,2}?|\s+)")
_YEAR_END = regex.compile(r"\d{4}$")
_COMMA = regex.compile(r",\s+")


def _owns(text: str, mention, event_start: int) -> bool:
    """Whether a date stands right before the event word it dates; after a year, with its
    comma ("the July 29, 2014, shooting")."""
    if _OWNS_EVENT.fullmatch(text, mention.end, event_start):
        return True
    return bool(_YEAR_END.search(mention.phrase)) and _COMMA.fullmatch(text, mention.end, event_start) is not None


# "arrested on Friday after a standoff": the event after the day is told as what came first
_SEQUENCE = regex.compile(r"\b(?:after|following|before|since)\b", regex.I)
ARREST = "arrest"
_ORDINALS = r"(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
# one arrested after others, by rank: "a third suspect", "the second man", "a fourth arrest";
# before the day, also "and a third in Kefra on Monday" (not "for a second time")
_NTH = r"(?:a|the)\s+" + _ORDINALS + r"\s+(?:[\p{Ll}-]+\s+){0,2}?(?:suspects?|man|men|woman|women|person|people|teen(?:ager)?s?|boys?|girls?|juveniles?|arrests?)\b"
_NTH_PERSON = regex.compile(r"\b" + _NTH, regex.I)
_NTH_BEFORE = regex.compile(r"\ba\s+" + _ORDINALS + r"\b(?!\s+(?:time|day|night|week|floor|attempt)\b)|\b" + _NTH, regex.I)
# what opens a clause of its own (a comma may only open an aside: "a third suspect, a woman aged 24, was held")
_CLAUSE_OPENING = regex.compile(r"(?:;|\band\b|\bbut\b|\bwhile\b)", regex.I)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause that holds text[start:end] begins and ends."""
    begin = 0
    for m in _CLAUSE_OPENING.finditer(text, 0, start):
        begin = m.end()
    after = _CLAUSE_OPENING.search(text, end)
    return begin, after.start() if after else len(text)


# a day told as when something began: "which began late on Friday", "that started on Monday"
_BEGAN_BEFORE = regex.compile(r"\b(?:began|begun|started|starting|beginning)\s+(?:(?:late|early)\s+)?(?:on\s+)?$", regex.I)
# "... on Sunday in the drive-by shooting": the event is named as what the verb was about
_COMPLEMENT = regex.compile(r"[\s,]*(?:morning|afternoon|evening|night)?\s*(?:in|for|over)\s+(?:connection\s+with\s+)?(?:the|a|an)\b", regex.I)


def _said_on(text: str, start: int, end: int) -> bool:
    """Whether a date names the day something was said rather than the day of an event."""
    if _SPEECH_BEFORE.search(text, max(0, start - 60), start):
        return True
    opening = not text[:start].strip() or text[:start].strip().lower() in ("on", "early", "late", "on early", "on late")
    return opening and bool(_SPEECH_AFTER.match(text, end, min(len(text), end + 90)))


# The reusable check of each rule type: (rule, source, sentence, ruleset, anchors, published) → claims.
_CHECKS = {"toll": _toll_claims, "count": _count_claims, "age": _age_claims, "date": _date_claims}


def extract_claims(source: Source, sentences: list[Sentence], rules: RuleSet, published: date | None = None) -> list[Claim]:
    """Every claim the rules find in the sentences of one source."""
    published = published or source.published
    claims: list[Claim] = []
    article = scan.Article(rules, [s.text for s in sentences], number=_HAS_NUMBER)
    for i, sentence in enumerate(sentences):
        anchors = article.cache(i)
        for rule in article.rules(i, anchors):
            try:
                claims.extend(_CHECKS[rule.type](rule, source, sentence, rules, anchors, published))
            except TimeoutError:
                continue  # a sentence no pattern can read in time is left unread, the rest is not
    claims = _there(claims, sentences, rules)
    tolls = [(c.start, c.end) for c in claims if c.kind in ("deaths", "injuries", "arrests", "missing")]
    counts = {r.code for r in rules.rules if r.type == "count"}
    # "the five passengers who were killed" is a death toll, not also a count of passengers
    claims = [c for c in claims if c.rule not in counts or not any(a < c.end and c.start < b for a, b in tolls)]
    return [_in_an_earlier_year(c, published) for c in claims]


# "25 people had died there": the place is the one the sentence before named
_THERE_AFTER = regex.compile(r"\s+there\b(?!\s+(?:is|are|was|were|have|has|had|will|would)\b)", regex.I)


def _there(claims: list[Claim], sentences: list[Sentence], ruleset: RuleSet) -> list[Claim]:
    """Counts said to have happened "there", with no place of their own, take the places of
    the sentence before in the same paragraph."""
    before = {}
    for previous, sentence in zip(sentences, sentences[1:]):
        if previous.paragraph == sentence.paragraph:
            before[sentence.start] = previous
    out = []
    for c in claims:
        at = c.sentence.text.find(c.words)
        previous = before.get(c.sentence.start)
        if c.kind != "date" and previous is not None and not c.context.places and at >= 0 and _THERE_AFTER.match(c.sentence.text, at + len(c.words)):
            places = read_context(previous.text, ruleset).places
            c = dataclasses.replace(c, context=dataclasses.replace(c.context, places=places)) if places else c
        out.append(c)
    return out


BACKGROUND_DAYS = 60  # a year that ended this long before publication is another event's


def _in_an_earlier_year(claim: Claim, published: date | None) -> Claim:
    """A count in a sentence naming a year long past ("a 2009 fire there killed two workers")
    is about that year's event, not the story's."""
    if claim.kind in ("date", "age") or published is None or claim.context.other_event:
        return claim
    years = [int(y) for y in _YEAR.findall(claim.sentence.text)]
    past = [y for y in years if y < published.year and (published - date(y, 12, 31)).days > BACKGROUND_DAYS]
    at = claim.sentence.text.find(claim.words)
    if not past and not _dated_weeks_before(claim.sentence.text[: at if at >= 0 else None], published):
        return claim
    return dataclasses.replace(claim, context=dataclasses.replace(claim.context, other_event=True, year=max(past, default=None)))


_MONTH_WORD = regex.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
EARLIER_EVENT_DAYS = 14  # a day named this long before publication is another event's


def _dated_weeks_before(text: str, published: date) -> bool:
    """Whether the words before a count name a day weeks before its article ("The most recent
    was Feb. 28, when six people were shot"): the count belongs to that day's event, not the
    story's. A day named after the count ("arrested 12 people, whose warehouse blew up on
    Aug. 12") dates what the count is about, not the count."""
    if not _MONTH_WORD.search(text):
        return False
    from factcheck.dates import find_date_mentions

    return any(
        m.value is not None and m.precision == "day" and (published - m.value).days > EARLIER_EVENT_DAYS
        for m in find_date_mentions(text, published)
    )

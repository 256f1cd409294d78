"""Give each fact a verdict — agree, explained or conflict — with the reason in words.

A difference is explained only by what the texts themselves show: a qualifier whose
interval holds the other number, a total that counts a part the other leaves out (the
arithmetic is shown), an attacker counted in one toll and not the other, articles
published on different days for counts that change, a text that says the count
changed, or (for ages) articles far enough apart for a birthday to fall between.
"""
from __future__ import annotations

import dataclasses
import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import regex

from factcheck.align import comparable_class, consensus, is_vague
from factcheck.confidence import DEFAULT_MIN_CONFIDENCE, weigh
from factcheck.model import AGREE, CONFLICT, EXPLAINED, INFINITY, SINGLE, UNCERTAIN, UNCLEAR, Claim, Fact, Finding, Quantity, Source
from factcheck.numbers import NUMBER, quantity

CHANGING_KINDS = {"deaths", "injuries", "arrests", "missing"}  # when no rule says otherwise
_STOP = set(
    "a an the of in on at to for from by with and or but was were is are be been being has have had that this "
    "which who whom it its he she they them his her their said says after before as than about more most least "
    "other others all some any no not one two three four five six seven eight nine ten".split()
)
_WORD = regex.compile(r"[\p{L}][\p{L}'-]+")
BIRTHDAY_GAP_DAYS = 182  # articles this far apart may straddle a birthday


@dataclass(frozen=True)
class Reading:
    """One way to read a claim's number, and the words that justify it."""

    quantity: Quantity
    note: str = ""


def _fmt(x: float) -> str:
    return "∞" if x == INFINITY else (str(int(x)) if float(x).is_integer() else str(x))


def _interval(q: Quantity) -> str:
    return _fmt(q.value) if q.exact else f"[{_fmt(q.low)}, {_fmt(q.high)}]"


def readings(claim: Claim) -> list[Reading]:
    """The claim as stated, and as it reads once attackers it counts (or leaves out) are moved."""
    q = claim.quantity
    if q is None:
        return []
    out = [Reading(q)]
    attackers = sum(p.value for p in claim.parts if p.role == "attacker")
    if attackers:
        out.append(Reading(q.shifted(-attackers), f"{_fmt(q.value)} includes {attackers} attacker{'s' if attackers > 1 else ''} ({claim.parts[0].subject}): {_fmt(q.value)} − {attackers} = {_fmt(q.value - attackers)}"))
    if claim.dead_among:
        d = claim.dead_among
        out.append(Reading(q.shifted(-d), f"{_fmt(q.value)} is also the number {claim.source} says were hit, so it counts the {d} dead: {_fmt(q.value)} − {d} = {_fmt(q.value - d)}"))
    if any(p.role == "driver" for p in claim.parts):
        out.append(Reading(q.shifted(-1), f"{_fmt(q.value)} includes the driver: {_fmt(q.value)} − 1 = {_fmt(q.value - 1)}"))
    fleeing = sum(p.value for p in claim.parts if p.role == "fleeing")
    if fleeing:
        out.append(Reading(q.shifted(-fleeing), f"{_fmt(q.value)} includes {fleeing} hurt fleeing: {_fmt(q.value)} − {fleeing} = {_fmt(q.value - fleeing)}"))
    if claim.fleeing_apart:
        n = claim.fleeing_apart
        told = f"{claim.source} tells of {n} hurt fleeing"
        out.append(Reading(q.shifted(-n), f"{told}, whom {_fmt(q.value)} may count: {_fmt(q.value)} − {n} = {_fmt(q.value - n)}"))
        out.append(Reading(q.shifted(n), f"{told}, whom {_fmt(q.value)} may leave out: {_fmt(q.value)} + {n} = {_fmt(q.value + n)}"))
    if claim.attacker_extra:
        out.append(Reading(q.shifted(claim.attacker_extra), f"{_fmt(q.value)} does not count the attacker, who also died: {_fmt(q.value)} + {claim.attacker_extra} = {_fmt(q.value + claim.attacker_extra)}"))
    return out


def _common(readings_per_claim: list[list[Reading]]) -> list[Reading] | None:
    """One reading per claim such that all intervals share a point, preferring readings as stated."""
    best = None
    def walk(i: int, low: float, high: float, chosen: list[Reading]) -> None:
        nonlocal best
        if low > high:
            return
        if i == len(readings_per_claim):
            cost = sum(1 for r in chosen if r.note)
            if best is None or cost < best[0]:
                best = (cost, list(chosen))
            return
        for r in readings_per_claim[i]:
            walk(i + 1, max(low, r.quantity.low), min(high, r.quantity.high), chosen + [r])
    if len(readings_per_claim) <= 12:
        walk(0, -INFINITY, INFINITY, [])
    return best[1] if best else None


def _published(sources: dict[str, Source], name: str) -> date | None:
    s = sources.get(name)
    return s.published if s else None


def _predicate(claim: Claim) -> set[str]:
    """Content words next to a count: what the sentence says of the counted things."""
    text, at = claim.sentence.text, claim.sentence.text.find(claim.words)
    window = text[max(0, at - 30) : at + len(claim.words) + 30] if at >= 0 else text
    noun = set(claim.subject.split())
    words = (m.group() for m in _WORD.finditer(window))
    return {w.lower() for w in words if w[0].islower() and w.lower() not in _STOP and w.lower() not in noun}


class _Clashes:
    """The pairs of a fact's claims that no reading reconciles, found without trying every pair:
    claims are grouped by what they can mean (the intervals of their readings), and clashes
    are worked out between groups. A story of thousands of articles has few groups."""

    def __init__(self, claims: list[Claim], sources: dict[str, Source]):
        self.sources = sources
        self.groups: dict[tuple, list[int]] = {}  # meaning → indexes of its claims, in order
        for i, c in enumerate(claims):
            self.groups.setdefault(tuple((r.quantity.low, r.quantity.high) for r in readings(c)), []).append(i)
        self.all = claims
        first = {key: readings(claims[members[0]]) for key, members in self.groups.items()}
        self.against = {key: [other for other in self.groups if _common([first[key], first[other]]) is None] for key in self.groups}
        self.meaning = {i: key for key, members in self.groups.items() for i in members}
        # per group, its claims' indexes by publication day (None: unknown), for same-day partners
        self.by_day: dict[tuple, dict[date | None, list[int]]] = {}
        for key, members in self.groups.items():
            days = self.by_day[key] = {}
            for i in members:
                days.setdefault(_published(sources, claims[i].source), []).append(i)

    def claims(self) -> list[Claim]:
        """The claims that clash with at least one other."""
        return [self.all[i] for key, members in self.groups.items() for i in members
                if any(other != key or len(members) > 1 for other in self.against[key])]

    def share_a_word(self) -> bool:
        """Whether two clashing claims say a word in common of the counted things (`_predicate`)."""
        words = {key: [_predicate(self.all[i]) for i in members] for key, members in self.groups.items() if self.against[key]}
        union = {key: set().union(*sets) for key, sets in words.items()}
        for key in words:
            for other in self.against[key]:
                if other != key and union[key] & union[other]:
                    return True
                if other == key and any(a & b for a, b in combinations(words[key], 2)):
                    return True
        return False

    def first(self, same_day: bool = False) -> tuple[Claim, Claim] | None:
        """The first clashing pair in the order of `combinations(claims, 2)`; with `same_day`,
        the first whose sources were not published on known, different days."""
        for i, c in enumerate(self.all):
            day = _published(self.sources, c.source)
            partners = []
            for other in self.against[self.meaning[i]]:
                if not same_day or day is None:
                    partners.append(_after(self.groups[other], i))
                else:
                    days = self.by_day[other]
                    partners += [_after(days.get(day, []), i), _after(days.get(None, []), i)]
            found = [j for j in partners if j is not None]
            if found:
                return c, self.all[min(found)]
        return None


def _after(indexes: list[int], i: int) -> int | None:
    """The first of the ordered indexes that comes after i."""
    at = bisect_right(indexes, i)
    return indexes[at] if at < len(indexes) else None


def _fell_below(rose: list[Claim], unchanged: list[Claim], sources: dict[str, Source]) -> bool:
    """Whether a figure its source reports as changed lies below another source's figure of
    the same day (or of an unknown day): a toll revised down is no later news than that."""
    lowest: dict[date | None, float] = {}
    for c in rose:
        day = _published(sources, c.source)
        lowest[day] = min(lowest.get(day, INFINITY), c.quantity.high if c.quantity else c.value)
    anyday = min(lowest.values(), default=INFINITY)
    for c in unchanged:
        day = _published(sources, c.source)
        floor = anyday if day is None else min(lowest.get(day, INFINITY), lowest.get(None, INFINITY))
        if floor < (c.quantity.low if c.quantity else c.value):
            return True
    return False


def _found_dead(claims: list[Claim], sources: dict[str, Source], tolls: dict[str, Claim]) -> str:
    """Why counts of the missing of one day differ, where they do: the missing fall as their
    bodies are found, so a source whose toll is higher by as many as its missing are fewer
    ("6 dead, 30 missing" and "8 dead, 28 missing") tells the same day later. Every claim of
    a day whose figures clash must add up with its source's toll, as written, to one number; days apart
    are the count changing over time. Empty when a day's figures stay unexplained."""
    days = _by_day(claims, sources)
    if None in days and len(days) > 1:
        return ""
    sums = []
    for day, own in days.items():
        if _common([readings(c) for c in own]) is not None:
            continue
        if not all(c.source in tolls for c in own):
            return ""
        added = [c.value + tolls[c.source].value for c in own]
        if len(set(added)) > 1:
            return ""
        when = f" on {day.isoformat()}" if day else ""
        sums.append(f"{when}: " + "; ".join(f"{c.source} {_fmt(tolls[c.source].value)} dead + {_fmt(c.value)} missing = {_fmt(total)}"
                                          for c, total in zip(own, added)))
    if not sums:
        return ""
    return ("the missing fell as bodies were found, the dead and the missing adding up alike"
            + "".join(sums) + ("; the count changed over time between days" if len(days) > 1 else ""))


def _revised(claims: list[Claim], stated: list[Claim]) -> str:
    """Why a fixed count differs, where one source says it revised the others' figure itself:
    "brings the number aboard to 236, up from the 212 listed on the manifest". Its sentence
    tells of a change and names every other figure as the earlier one. Empty otherwise."""
    values = {c.value for c in claims}
    for c in stated:
        if not c.changed or c.value not in values:
            continue
        named = {q.value for m in NUMBER.finditer(c.sentence.text) if (q := quantity(m["q"], m["num"])) is not None}
        if values - {c.value} <= named:
            return f"{c.source} says the count was revised from the others' figure: '{c.sentence.text[:160]}'"
    return ""


def _number_verdict(fact: Fact, sources: dict[str, Source], changing: bool, counts_things: bool, tolerance: float = 0,
                    tolls: dict[str, Claim] | None = None) -> tuple[str, str]:
    claims = fact.claims
    values = {c.value for c in claims}
    if len(values) > 1 and max(values) - min(values) <= tolerance:
        return AGREE, f"{', '.join(_fmt(v) for v in sorted(values))} are within the configured tolerance of {_fmt(tolerance)} for {fact.kind}"
    exact = all(c.quantity is not None and c.quantity.exact for c in claims)
    if len(values) == 1:
        # the same number as written agrees, whatever qualifies it ("about 150", "more than 150")
        qualified = "" if exact else " (" + "; ".join(f"{c.source} '{c.words}'" for c in claims if not c.quantity.exact) + ")"
        return AGREE, f"all {len(claims)} sources say {_fmt(claims[0].value)}{qualified}"
    chosen = _common([readings(c) for c in claims])
    if chosen is not None:
        notes = [f"{c.source}: {r.note}" for c, r in zip(claims, chosen) if r.note]
        vague = [f"{c.source} '{c.words}' is {_interval(r.quantity)}" for c, r in zip(claims, chosen) if not r.quantity.exact]
        if notes:
            return EXPLAINED, "; ".join(notes) + (" — " + "; ".join(vague) if vague else "")
        stated = [c for c in claims if not is_vague(c)]
        if len(values) == 1 or len({c.value for c in stated}) <= 1:
            return AGREE, f"all sources say {_fmt(claims[0].value)}" + (" (" + "; ".join(vague) + ")" if vague else "")
        return EXPLAINED, "the intervals overlap: " + "; ".join(vague)
    clashes = _Clashes(claims, sources)
    if counts_things and not clashes.share_a_word():
        return UNCLEAR, "the same noun, but the sentences say different things of it; not compared"
    same_day = clashes.first(same_day=True)
    if changing and same_day is None:
        when = sorted({(_published(sources, c.source), c.source, c.value) for c in clashes.claims()}, key=lambda w: (w[0], sources[w[1]].time_order(), w[1], w[2]))
        return EXPLAINED, "the count changed over time: " + "; ".join(f"{_fmt(v)} in {s} ({d.isoformat()})" for d, s, v in when) + _same_day_notes(claims, sources)
    # a source that says the count rose explains its own difference with an earlier figure,
    # not two others' on one day, nor another source's that also reports its figure as new
    unchanged = [c for c in claims if not c.changed]
    rose = [c for c in claims if c.changed]
    if (changing and rose and _Clashes(unchanged, sources).first(same_day=True) is None
            and _Clashes(rose, sources).first(same_day=True) is None and not _fell_below(rose, unchanged, sources)):
        return EXPLAINED, "a source says the count changed: " + "; ".join(f"{c.source}: '{c.sentence.text[:120]}'" for c in claims if c.changed)
    found = _found_dead(claims, sources, tolls) if changing and tolls else None
    if found:
        return EXPLAINED, found
    revised = _revised(claims, fact.stated) if not changing else ""
    if revised:
        return EXPLAINED, revised
    a, b = same_day or clashes.first()
    return CONFLICT, f"{a.source} says {_fmt(a.value)} ('{a.words}') and {b.source} says {_fmt(b.value)} ('{b.words}'); nothing in the texts reconciles them"


def _by_day(claims: list[Claim], sources: dict[str, Source]) -> dict[date | None, list[Claim]]:
    """The claims by their sources' day of publication (None: not known)."""
    days: dict[date | None, list[Claim]] = defaultdict(list)
    for c in claims:
        days[_published(sources, c.source)].append(c)
    return days


def _same_day_notes(claims: list[Claim], sources: dict[str, Source]) -> str:
    """How the figures of one day that differ are reconciled ("5 includes the driver"), for a
    reason that otherwise names only the change over time."""
    notes = []
    for day, group in _by_day(claims, sources).items():
        if day is None or len({c.value for c in group}) < 2:
            continue
        chosen = _common([readings(c) for c in group]) or []
        notes += [f"{c.source}: {r.note}" for c, r in zip(group, chosen) if r.note]
    return "; on the same day, " + "; ".join(notes) if notes else ""


# "whose age conflicts with information previously given by police": the text itself says so
_NOTED = regex.compile(
    r"\b(?:conflicts?\s+with|contradicts?|differs?\s+from|previously\s+(?:given|reported|said|listed)|"
    r"(?:earlier|initially|first)\s+(?:given|reported|listed|identified)\s+as|was\s+corrected|corrected\s+(?:her|his|the))\b",
    regex.I,
)


def _age_verdict(fact: Fact, sources: dict[str, Source]) -> tuple[str, str]:
    claims = fact.claims
    if len({c.value for c in claims}) == 1:
        return AGREE, f"all sources give age {claims[0].value}"
    noted = [c for c in fact.stated or claims if _NOTED.search(c.sentence.text)]
    if noted:
        c = noted[0]
        return EXPLAINED, f"{c.source} itself notes the other figure: '{c.sentence.text[:160]}'"
    explained = []
    for a, b in combinations(claims, 2):
        if a.value == b.value:
            continue
        estimate = next((c for c in (a, b) if c.quantity is not None and c.quantity.qualifier), None)
        if estimate is not None and a.quantity.overlaps(b.quantity):
            explained.append(f"{estimate.source} gives an estimate ('{estimate.words}')")
            continue
        da, db = _published(sources, a.source), _published(sources, b.source)
        older, younger = (a, b) if a.value > b.value else (b, a)
        d_old, d_young = (da, db) if older is a else (db, da)
        days = (d_old - d_young).days if d_old and d_young else 0
        if days >= BIRTHDAY_GAP_DAYS and older.value - younger.value <= math.ceil(days / 365.25):
            birthdays = "a birthday" if older.value - younger.value == 1 else f"{older.value - younger.value} birthdays"
            explained.append(f"{younger.source} ({d_young.isoformat()}) gives {younger.value}, {older.source} ({d_old.isoformat()}) gives {older.value}: {birthdays} may fall between")
            continue
        gap = f"{abs((da - db).days)} days apart" if da and db else "publication dates unknown"
        return CONFLICT, f"{a.source} gives {a.value} and {b.source} gives {b.value} ({gap}); ages do not change over days or weeks"
    return EXPLAINED, "; ".join(explained)


_LATE = regex.compile(r"\b(?:late|night|tonight|evening|eve|before\s+midnight|11(?::\d\d)?\s*p\.?m\.?)\b", regex.I)
_EARLY = regex.compile(r"\b(?:early|overnight|after\s+midnight|just\s+after|small\s+hours|wee\s+hours|1[02]?(?::\d\d)?\s*a\.?m\.?|[1-4](?::\d\d)?\s*a\.?m\.?)\b", regex.I)


def _around(claim: Claim) -> str:
    """The date's words and those just beside it: "shortly before midnight on Tuesday"."""
    text, at = claim.sentence.text, claim.sentence.text.find(claim.words)
    return claim.words if at < 0 else text[max(0, at - 40) : at + len(claim.words) + 25]


# a stated time just after midnight: what lets "late Sunday night" and "early Monday" be one
# night (people call 12:30 a.m. Sunday night); "shortly before midnight" against "the first
# minutes of Monday" is a real disagreement
_AFTER_MIDNIGHT = regex.compile(r"\b(?:(?:just|shortly|soon)\s+after\s+midnight|(?:12|1|2)(?::\d\d)?\s*a\.?m\b|0?[0-2]:[0-5]\d\b(?!\s*p\.?m\b))", regex.I)
_BEFORE_MIDNIGHT = regex.compile(r"\bbefore\s+midnight\b", regex.I)


def _one_night(claims: list[Claim]) -> bool:
    """Two days in a row, every claim of the first said late and every claim of the second
    early: one night told two ways. Read claim by claim, not pair by pair."""
    days = sorted({c.value for c in claims})
    if len(days) != 2 or (date.fromisoformat(days[1]) - date.fromisoformat(days[0])).days != 1:
        return False
    late = [_around(c) for c in claims if c.value == days[0]]
    early = [_around(c) for c in claims if c.value == days[1]]
    return all(_LATE.search(t) and not _BEFORE_MIDNIGHT.search(t) for t in late) and all(_EARLY.search(t) for t in early)


def _date_verdict(fact: Fact, sources: dict[str, Source]) -> tuple[str, str]:
    claims = fact.claims
    if len({c.value for c in claims}) == 1:
        return AGREE, f"all sources place it on {claims[0].value}"
    parts = "; ".join(f"{c.source}: {c.value} ('{c.words}')" for c in claims)
    if _one_night(claims) and any(_AFTER_MIDNIGHT.search(sources[name].clean) for name in fact.sources if name in sources):
        return EXPLAINED, f"the same night on either side of midnight, as a stated time shows: {parts}"
    return CONFLICT, f"the sources give different days: {parts}"


def _without_vague_outliers(fact: Fact) -> tuple[Fact, list[Claim]]:
    """ "Dozens" beside "140" is too vague to disagree with it: such claims leave the fact."""
    stated = [c for c in fact.claims if not is_vague(c)]
    if not stated:
        return fact, []
    dropped = [c for c in fact.claims if is_vague(c) and not any(_common([readings(c), readings(s)]) for s in stated)]
    if not dropped:
        return fact, []
    return Fact(fact.kind, fact.key, fact.label, [c for c in fact.claims if c not in dropped], fact.stated), dropped


def _dead_among_hurt(facts: list[Fact], ruleset) -> list[Fact]:
    """Counts of the hurt that equal their source's count of everyone hit ("six shot, one of
    them killed" and "six hurt") read as counting the dead too: the texts reconcile them
    with a count of the hurt alone."""
    if ruleset is None:
        return facts
    hit = defaultdict(set)
    for fact in facts:
        if not _of_everyone(fact, ruleset):
            continue
        rule = ruleset.by_code(fact.claims[0].rule)
        if rule is not None and rule.data.get("counts_everyone_hit"):
            for c in fact.stated or fact.claims:
                hit[c.source].add(c.value)
    toll = {source: c.value for source, c in _tolls(facts, ruleset).items() if c.value > 0}
    out = []
    for fact in facts:
        if fact.kind == "injuries" and _of_everyone(fact, ruleset):
            claims = [dataclasses.replace(c, dead_among=int(toll[c.source])) if c.source in toll and c.value in hit[c.source] else c
                      for c in fact.claims]
            fact = Fact(fact.kind, fact.key, fact.label, claims, fact.stated)
        out.append(fact)
    return out


def _tolls(facts: list[Fact], ruleset, suffix: str | None = None) -> dict[str, Claim]:
    """Each source's toll of everyone, where it gives one; with `suffix`, of the facts whose
    key ends so (the same event and subject as a fact of another kind)."""
    dead = defaultdict(list)
    for fact in facts:
        if fact.kind == "deaths" and _of_everyone(fact, ruleset) and (suffix is None or fact.key.split(":", 1)[1] == suffix):
            for c in fact.claims:
                dead[c.source].append(c)
    return {source: own[0] for source, own in dead.items() if len({c.value for c in own}) == 1}


def _fleeing_apart(facts: list[Fact], ruleset) -> list[Fact]:
    """Counts of the hurt in a source that tells of some hurt fleeing in a sentence of their
    own ("five were wounded ... four more were hurt in the stampede"): outlets count those in
    or leave them out, so a difference of just that many is explained."""
    fleeing = defaultdict(set)
    for fact in facts:
        if fact.kind == "injuries" and comparable_class(fact.claims[0], ruleset) == "condition:fleeing":
            for c in fact.claims:
                fleeing[c.source].add(c.value)
    if not fleeing:
        return facts
    out = []
    for fact in facts:
        if fact.kind == "injuries" and _of_everyone(fact, ruleset):
            claims = [dataclasses.replace(c, fleeing_apart=int(next(iter(fleeing[c.source]))))
                      if len(fleeing.get(c.source, ())) == 1 and not any(p.role == "fleeing" for p in c.parts) else c
                      for c in fact.claims]
            fact = Fact(fact.kind, fact.key, fact.label, claims, fact.stated)
        out.append(fact)
    return out


def _of_everyone(fact: Fact, ruleset) -> bool:
    """Whether a fact counts everyone the event hit, not a named group."""
    return comparable_class(fact.claims[0], ruleset).split(":")[-1] == "total"


def _verdict(fact: Fact, by_name: dict[str, Source], rule, changing: bool, tolerance, tolls: dict[str, Claim] | None = None) -> tuple[str, str]:
    if fact.kind == "age":
        return _age_verdict(fact, by_name)
    if fact.kind == "date":
        return _date_verdict(fact, by_name)
    counts_things = fact.kind == "count" and (rule is None or rule.type == "count")
    return _number_verdict(fact, by_name, changing, counts_things, (tolerance or {}).get(fact.kind, 0), tolls)


def compare_facts(facts: list[Fact], sources: list[Source], ruleset=None, tolerance: dict[str, float] | None = None,
                  min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[Finding]:
    """Findings ordered conflicts first, then explained, uncertain, agreements and single-source facts.

    `tolerance` maps a kind to the difference within which two of its numbers agree; a
    discrepancy whose confidence is below `min_confidence` is `uncertain`."""
    by_name = {s.name: s for s in sources}
    findings = []
    facts = _fleeing_apart(_dead_among_hurt(facts, ruleset), ruleset)
    for fact in facts:
        fact, too_vague = _without_vague_outliers(fact)
        for claim in too_vague:
            findings.append(Finding(fact.kind, f"{fact.key}:{claim.source}", fact.label, SINGLE, [claim], f"'{claim.words}' is too vague to compare", claim.rule, claim.severity))
        rule = ruleset.by_code(fact.claims[0].rule) if ruleset else None
        changing = rule.changes_over_time if rule else fact.kind in CHANGING_KINDS
        if len(fact.sources) < 2:
            status, reason = SINGLE, f"stated by {fact.claims[0].source} only"
        else:
            # the missing of everyone are weighed with the same sources' tolls
            tolls = _tolls(facts, ruleset, fact.key.split(":", 1)[1]) if fact.kind == "missing" and ruleset and _of_everyone(fact, ruleset) else None
            status, reason = _verdict(fact, by_name, rule, changing, tolerance, tolls)
            agreeing = consensus(fact) if status == CONFLICT else None
            if agreeing is not None:
                second = _verdict(agreeing, by_name, rule, changing, tolerance, tolls)
                if second[0] != CONFLICT:
                    moved = [c for c, was in zip(agreeing.claims, fact.claims) if c is not was]
                    also = "; ".join(f"{c.source} also says {_fmt(c.value) if c.quantity else c.value} ('{c.words}')" for c in moved)
                    fact, (status, reason) = agreeing, (second[0], f"{also}: {second[1]}")
        first = fact.claims[0]
        findings.append(Finding(fact.kind, fact.key, fact.label, status, fact.claims, reason, first.rule, first.severity))
    weigh(findings, min_confidence, {s.name: s.published for s in sources})
    order = {CONFLICT: 0, EXPLAINED: 1, UNCERTAIN: 2, AGREE: 3, UNCLEAR: 4, SINGLE: 5}
    return sorted(findings, key=lambda f: order[f.status])

"""Align claims across sources into facts: same kind, same subject, same event, same person.

A false alarm costs a fact-checker as much as a miss, so alignment is conservative:
claims join only when nothing in their context says they are about different things.
Events are told apart by the places a source itself keeps apart (one source giving
20 dead in Paris and 2 in Verviers makes both places distinctive); people by their
names, with a surname alone resolved to the person the source last named in full.
"""
from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from datetime import date

import regex

from factcheck.dates import make_date
from factcheck.model import LISTED_SUSPECT, SUSPECT, Claim, Fact, Quantity, Source
from factcheck.numbers import VAGUE
from factcheck.patterns import alternatives
from factcheck.ruleset import RuleSet
from factcheck.updates import update_marks, update_time

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_NICKNAME = regex.compile(r"[\"“][^\"”]*[\"”]")


# The conditions a part of the hurt is counted in ("66 of them in a critical condition"), or
# how it was hurt apart from the weapon ("four more were hurt in the stampede"): each is a
# fact of its own, compared only with the same condition.
CONDITIONS = frozenset({"critical", "serious", "intensive", "fleeing"})  # "intensive": in intensive care


def comparable_class(claim: Claim, ruleset: RuleSet | None) -> str:
    """Which claims a claim can be compared with: counts of things by their noun, tolls by who was hit."""
    rule = ruleset.by_code(claim.rule) if ruleset else None
    if claim.kind == "count" and (rule is None or rule.type == "count"):
        return f"{claim.rule}:{claim.subject}"
    if claim.role in CONDITIONS:
        return f"condition:{claim.role}"  # "71 of them critically": the hurt in one condition
    subject = ruleset.subjects.get(claim.subject) if ruleset else None
    if rule is not None and rule.data.get("any_subject_is_total") and (subject is None or subject.group != "police"):
        group = "total"
    elif subject is None or subject.group == "total":
        group = "total"
    elif subject.group == "subgroup":
        group = f"subgroup:{_plural(claim.subject, ruleset)}"
    elif subject.group == "police":
        group = f"police:{subject.role}"  # officers with officers, firefighters with firefighters
    else:
        group = subject.group
    return f"{claim.rule}:{group}" if claim.kind == "count" else group


_IRREGULAR_PLURALS = {"child": "children", "man": "men", "woman": "women"}


def _plural(noun: str, ruleset: RuleSet) -> str:
    """The sub-group's noun in the plural, so that "one adult" is compared with "six adults"."""
    plural = _IRREGULAR_PLURALS.get(noun, noun + "s")
    subject = ruleset.subjects.get(plural)
    return plural if subject is not None and subject.group == "subgroup" else noun


def _event_groups(claims: list[Claim], sources: list[Source]) -> dict[str, list[Claim]]:
    """Split claims into events by the places that some source itself keeps apart."""
    by_source = defaultdict(list)
    for c in claims:
        by_source[c.source].append(c)
    distinctive, part_places = set(), set()
    for own in by_source.values():
        placed = [c for c in own if c.context.places]
        for i, a in enumerate(placed):
            for b in placed[i + 1 :]:
                if a.value != b.value and not (a.context.places & b.context.places):
                    distinctive |= a.context.places | b.context.places
        part_places |= _places_of_parts(own)
    distinctive |= part_places
    # places named in the same claim belong to one event
    parent = {p: p for p in distinctive}

    def find(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    def places_of(c: Claim) -> list[str]:
        # a lead states the total, even where it names the places of the parts
        return sorted(c.context.places & (distinctive - part_places if c.sentence.in_lead else distinctive))

    for c in claims:
        mine = places_of(c)
        for other in mine[1:]:
            parent[find(other)] = find(mine[0])
    # each event is named by its place most often given with it
    mentions = Counter(p for c in claims for p in c.context.places & distinctive)
    name = {}
    for p in sorted(distinctive):
        root = find(p)
        if root not in name or (mentions[p], -len(p)) > (mentions[name[root]], -len(name[root])):
            name[root] = p
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        mine = places_of(c)
        groups[name[find(mine[0])] if mine else ""].append(c)
    if "" in groups and len(groups) > 1:
        texts = [s.clean.lower() for s in sources]
        spread = {
            key: sum(any(regex.search(rf"\b{regex.escape(p)}\b", t) for p in distinctive if name[find(p)] == key) for t in texts)
            for key in groups if key
        }
        spread = {k: v for k, v in spread.items() if k not in part_places} or {"": 0}
        best = max(spread.values())
        leaders = [k for k, v in spread.items() if v == best]
        if len(leaders) == 1 and best * 2 >= len(sources):
            groups[leaders[0]].extend(groups.pop(""))
    return groups


def _places_of_parts(own: list[Claim]) -> set[str]:
    """Places where a source counts a part of its total: a smaller number at a named place in
    the body ("more than 100 were killed at the church") beside a total in the title or lead
    that names none."""
    lead = [c.value for c in own if not c.context.places and c.sentence.in_lead and isinstance(c.value, (int, float))]
    parts = {
        p for c in own
        if lead and c.context.places and not c.sentence.in_lead and isinstance(c.value, (int, float)) and c.value < max(lead)
        for p in c.context.places
    }
    return parts | _sites_of_a_split(own)


def _sites_of_a_split(own: list[Claim]) -> set[str]:
    """Places of a count the body splits among sites ("nine died at the market and four at the
    station") that add up to no more than a total in the lead naming none of them: sites of
    the one event, not events of their own."""
    placed = defaultdict(list)
    for c in own:
        if c.context.places and not c.sentence.in_lead and isinstance(c.value, (int, float)):
            placed[(c.kind, id(c.sentence))].append(c)
    sites = set()
    for (kind, _), split in placed.items():
        places = [c.context.places for c in split]
        if len(split) < 2 or any(a & b for i, a in enumerate(places) for b in places[i + 1 :]):
            continue
        named = frozenset().union(*places)
        if any(c.kind == kind and c.sentence.in_lead and isinstance(c.value, (int, float)) and c.value >= sum(x.value for x in split)
               and not (c.context.places & named) for c in own):
            sites |= named
    return sites


SCENE_ZERO_BELOW = 10  # "no one was hurt" beside a toll above this is about another scene


def _without_scene_zeros(claims: list[Claim]) -> list[Claim]:
    """Without a zero stated deep in a text ("a van blew up as it was defused; no one was
    hurt") where other sources count many: sources do not disagree between none and dozens
    about one scene, so the zero answers for a moment or a place of the story, not its toll."""
    most = max((c.value for c in claims if isinstance(c.value, (int, float))), default=0)
    if most <= SCENE_ZERO_BELOW:
        return claims
    return [c for c in claims if c.value != 0 or c.sentence.in_lead]


@functools.lru_cache(maxsize=64)
def _befell_someone(words: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(r"\b(?:was|were|been|is|are)\s+(?:\p{Ll}+ly\s+)?" + alternatives(list(words)) + r"\b", regex.I)


def _without_denied_zeros(claims: list[Claim], sources: dict[str, Source], ruleset: RuleSet | None) -> list[Claim]:
    """Without a zero stated deep in a text that has already told of someone arrested, hurt or
    killed ("Gomez was arrested ... a second house was searched and no arrests were made"):
    the source does not deny its own account, so the zero answers for a later scene."""
    out = []
    for c in claims:
        rule = ruleset.by_code(c.rule) if ruleset is not None and c.value == 0 and not c.sentence.in_lead else None
        source = sources.get(c.source)
        told = rule.words("after") if rule is not None and source is not None else []
        if told and _befell_someone(tuple(told)).search(source.text, 0, c.start):
            continue
        out.append(c)
    return out


def is_vague(claim: Claim) -> bool:
    """ "several", "dozens": no number is stated, so the claim can agree but never differ."""
    return claim.quantity is not None and claim.quantity.qualifier in VAGUE and not any(ch.isdigit() for ch in claim.words)


def _first_in_text(claim: Claim):
    """The title and lead before the body, then the first in the text."""
    return not claim.sentence.in_lead, claim.start


def _earliest_day(claim: Claim):
    """Of a source's dates for one event, the earliest: later ones are mostly of its aftermath."""
    return claim.value, claim.start


def representative(claims: list[Claim], tie=_first_in_text) -> Claim:
    """The claim that stands for a source: a stated number over a vague one ("dozens"), a part
    its total states ("50 dead, including 17 firefighters") over a count told apart from any
    total ("three dead firefighters were found nearby", mostly a scene), then its most
    repeated value, then of that value one that says whether it counts the attackers ("14
    dead" in the title, "14 dead, including the four attackers" in the lead), then the first
    by `tie` (the first in the text)."""
    if len(claims) == 1:
        return claims[0]
    claims = [c for c in claims if not is_vague(c)] or claims
    claims = [c for c in claims if c.part_of_total] or claims
    counts = Counter(c.value for c in claims)
    best = max(counts.values())
    return min((c for c in claims if counts[c.value] == best), key=lambda c: (not _tells_attackers(c), tie(c)))


def _tells_attackers(claim: Claim) -> bool:
    return bool(claim.attacker_extra) or any(p.role == "attacker" for p in claim.parts)


def _fact(kind: str, key: str, label: str, claims: list[Claim], tie=_first_in_text) -> Fact:
    """The fact, with one representative claim per source and every claim stated."""
    by_source = defaultdict(list)
    for c in claims:
        by_source[c.source].append(c)
    return Fact(kind, key, label, [representative(own, tie) for _, own in sorted(by_source.items())], list(claims))


def consensus(fact: Fact) -> Fact | None:
    """The fact read as its sources agree as far as their own words allow: each source that
    states the value most sources state stands by it. None when no value is stated by two
    sources or nothing changes. A source that states both sides of a difference does not
    disagree."""
    by_source = defaultdict(list)
    for c in fact.stated or fact.claims:
        by_source[c.source].append(c)
    support = Counter(v for own in by_source.values() for v in {c.value for c in own if not is_vague(c)})
    if not support or max(support.values()) < 2:
        return None
    top = max(support.values())
    chosen_now = Counter(c.value for c in fact.claims)
    value = max((v for v in support if support[v] == top), key=lambda v: (chosen_now[v], -fact.claims.index(next(c for c in fact.claims if c.value == v)) if chosen_now[v] else 0))
    claims = []
    for c in fact.claims:
        same = [o for o in by_source[c.source] if o.value == value]
        claims.append(min(same, key=lambda o: o.start) if same and c.value != value else c)
    if claims == fact.claims:
        return None
    return Fact(fact.kind, fact.key, fact.label, claims, fact.stated)


def _role_label(subject_class: str) -> str:
    role = subject_class.split(":")[-1]
    return f" of {role}" if role == "police" else f" of {role}s"


def _label(kind: str, subject_class: str, event: str, ruleset: RuleSet | None = None) -> str:
    code, _, group = subject_class.partition(":")
    rule = ruleset.by_code(code) if ruleset and group == "total" else None
    if rule is not None:
        who = f" ({rule.slug})"  # a count of everyone its rule counts: "count (at-large)"
    elif code == "condition":
        who = {"intensive": " in intensive care", "fleeing": " fleeing"}.get(group, f" in {group} condition")
    else:
        who = {"total": "", "attacker": " of attackers", "hostage": " of hostages"}.get(
            subject_class, _role_label(subject_class) if subject_class.startswith("police:") else f" ({subject_class.split(':', 1)[-1]})"
        )
    where = f" at {event.title()}" if event else ""
    return f"{kind}{who}{where}"


def _align_counts(claims: list[Claim], sources: list[Source], ruleset: RuleSet | None) -> list[Fact]:
    by_name = {s.name: s for s in sources}
    by_class = defaultdict(list)
    for c in claims:
        by_class[(c.kind, comparable_class(c, ruleset))].append(c)
    facts: dict[tuple[str, str], list[Fact]] = {}
    event_of: dict[tuple[str, int], str] = {}  # each stated count's event, by source and offset
    places_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # the places of each event's totals, by kind
    totalled = set()  # (kind, event, source, value): the total that stands for each source
    tolls = {(c.source, c.start) for c in claims if not c.part_of_total}
    parts = {}
    for (kind, subject_class), members in sorted(by_class.items()):
        facts[(kind, subject_class)] = []
        if subject_class.startswith("subgroup:"):
            # a part of the victims ("three men", "six children") is never the event's count,
            # and is compared only where a total states it as its part ("26 died, 19 of them
            # children"): told alone, "the children" may be anyone's (the victims' own kids)
            alone = [c for c in members if not c.part_of_total]
            facts[(kind, subject_class)] += [Fact(kind, f"{kind}:{subject_class}:{c.source}:{c.start}", _label(kind, subject_class, ""), [c]) for c in alone]
            parts[(kind, subject_class)] = [c for c in members if c.part_of_total]
            continue
        for event, group in sorted(_event_groups(members, sources).items()):
            kept = _without_denied_zeros(_without_scene_zeros(group), by_name, ruleset)
            if not kept:
                continue  # only a later scene's zero ("a search of a second house ended with no arrests")
            key = ":".join(x for x in (kind, subject_class, event) if x)
            fact = _fact(kind, key, _label(kind, subject_class, event, ruleset), kept)
            stands = {(c.source, c.value) for c in fact.claims}
            event_of.update({(c.source, c.start): event for c in group if (c.source, c.value) in stands and not c.part_of_total})
            if subject_class == "total":
                places_of[(kind, event)].update(p for c in group for p in c.context.places)
                totalled.update((kind, event, c.source, c.value) for c in fact.claims)
            facts[(kind, subject_class)].append(fact)
    for (kind, subject_class), members in parts.items():
        # a part is compared only as a part of the total that stands for its source, and is of
        # that total's event: the children of one school's toll are not the story's children
        by_event = defaultdict(list)
        for c in members:
            event = event_of.get((c.source, c.start)) if (c.source, c.start) in tolls else _listed_event(c, places_of, totalled)
            if event is None:
                facts[(kind, subject_class)].append(Fact(kind, f"{kind}:{subject_class}:{c.source}:{c.start}", _label(kind, subject_class, ""), [c]))
            else:
                by_event[event].append(c)
        for event, group in sorted(by_event.items()):
            key = ":".join(x for x in (kind, subject_class, event) if x)
            facts[(kind, subject_class)].append(_fact(kind, key, _label(kind, subject_class, event), group))
    return [fact for _, found in sorted(facts.items()) for fact in found]


def _listed_event(part: Claim, places_of: dict[tuple[str, str], set[str]], totalled: set[tuple]) -> str | None:
    """The event of a part of a toll told only as a list ("19 children and six adults died at
    the school"): the one event whose totals name its place, in full or by its last words, or,
    where it names no place, the story's own when no total is placed elsewhere and its source
    states no total but the list's sum (beside another total, a list may be of a side scene);
    None where that is not clear."""
    events = [event for (kind, event), places in places_of.items() if kind == part.kind]
    if not part.context.places:
        own = {value for kind, event, source, value in totalled if (kind, source) == (part.kind, part.source)}
        return "" if events in ([], [""]) and own <= {part.listed_sum} else None
    found = [event for event in events if any(_names_same_place(mine, theirs) for mine in part.context.places
                                                       for theirs in places_of[(part.kind, event)])]
    return found[0] if len(found) == 1 else None


def _names_same_place(short: str, full: str) -> bool:
    """ "the Holt school" (or "the school" once a school is named) is the "Mary Holt school"."""
    return full == short or full.endswith(" " + short)


# --- people -----------------------------------------------------------------------------


def _name_tokens(name: str) -> list[str]:
    plain = _NICKNAME.sub(" ", name).replace("’", "'")
    return [t.strip(".,").lower() for t in plain.split() if t.strip(".,")]


def _split_name(tokens: list[str]) -> tuple[str, str, str]:
    suffix = tokens[-1] if tokens and tokens[-1] in _SUFFIXES else ""
    core = tokens[:-1] if suffix else tokens
    if not core:
        return "", "", suffix.rstrip(".")
    return (core[0] if len(core) > 1 else ""), core[-1], suffix.rstrip(".")


def _compatible_last(a: str, b: str) -> bool:
    """ "Trent" and "Trent-Vokes" are one surname written two ways, and so are "D." and
    "Dvoran" ("Karel D. (38)", as European papers print a suspect's name)."""
    if a == b:
        return True
    if not a or not b:
        return False
    return a in b.split("-") or b in a.split("-") or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _compatible_first(a: str, b: str) -> bool:
    if not a or not b:
        return True
    return a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)))


def _resolve_surname(claim: Claim, sources: dict[str, Source]) -> str:
    """A surname alone ("Conley, 48") → the full name the source last gave before it."""
    tokens = _name_tokens(claim.person)
    if len(tokens) != 1:
        return claim.person
    source = sources.get(claim.source)
    if source is None:
        return claim.person
    surname = regex.escape(claim.person.strip())
    before = source.text[: claim.start]
    found = list(regex.finditer(rf"\b([\p{{Lu}}][\p{{Ll}}'’-]+)\s+(?:[\p{{Lu}}][\p{{L}}.'’-]*\s+|[\"“][^\"”]+[\"”]\s+){{0,2}}{surname}\b", before))
    if found:
        return f"{found[-1][1]} {claim.person.strip()}"
    return claim.person


def _candidates(people: list[tuple[str, str, str]], first: str, last: str, suffix: str) -> list[tuple[str, str, str]]:
    found = [p for p in people if (_compatible_last(p[1], last) and _compatible_first(p[0], first)) or (not first and p[0] == last)]
    exact = [p for p in found if p[2] == suffix]
    return exact or [p for p in found if not suffix or not p[2]]


def _longest_names(claims: list[Claim]) -> list[Claim]:
    """Claims whose name is the start of a longer name given in the story take the longer one:
    "Ana Lopez" is "Ana Lopez Garcia", "Edgar Sanchez" is "Edgar Sanchez Rios" (two surnames,
    one left out). A name that starts two different longer names stays as it is."""
    def core(person: str) -> tuple[str, ...]:
        tokens = _name_tokens(person)
        return tuple(tokens[:-1] if tokens and tokens[-1] in _SUFFIXES else tokens)

    names = {core(c.person): c.person for c in claims if len(core(c.person)) >= 2}
    out = []
    for claim in claims:
        mine = core(claim.person)
        longer = {n for n in names if len(mine) >= 2 and len(n) > len(mine) and n[: len(mine)] == mine}
        out.append(dataclasses.replace(claim, person=names[longer.pop()]) if len(longer) == 1 else claim)
    return out


# Titles a story may use alone for the one person it named with them: "Captain Ann Roe" ... "the captain, 51"
_TITLES = frozenset("captain pilot mayor pastor coach principal sheriff governor senator judge sergeant lieutenant constable trooper".split())


def _titled(claim: Claim, title: str) -> bool:
    """Whether the claim's words put the title, whole or cut short, before the name ("Capt.
    Luigi Rossi, 52")."""
    at = claim.words.lower().find(claim.person.split()[0].lower()) if claim.person else -1
    return at > 0 and regex.search(rf"\b{title[:4]}\p{{L}}*\.?\s+$", claim.words[:at], regex.I) is not None


def _align_ages(claims: list[Claim], sources: list[Source]) -> list[Fact]:
    by_name = {s.name: s for s in sources}
    named = _longest_names([c for c in claims if c.person])
    people: list[tuple[str, str, str]] = []
    # full surnames first, so that "Karel D." joins "Karel Dvoran" rather than stand for him
    for parts in sorted((_split_name(_name_tokens(c.person)) for c in named), key=lambda p: (len(p[1]) == 1, p)):
        first, last, suffix = parts
        if first and not any(_compatible_last(p[1], last) and _compatible_first(p[0], first) and p[2] == suffix for p in people):
            people.append(parts)
    # "Douglas Shine" beside only "Douglas Shine Jr." is him; beside a Jr. and a Sr., nobody knows
    people = [p for p in people if p[2] or sum(1 for q in people if q[2] and q[:2] == p[:2]) != 1]
    members: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    alone = []
    for claim in named:
        first, last, suffix = _split_name(_name_tokens(claim.person))
        if first:
            candidates = _candidates(people, first, last, suffix)
            if len(candidates) == 1:
                members[candidates[0]].append(claim)
        else:
            alone.append((claim, last, suffix))
    for claim, last, suffix in alone:
        # a name alone ("Conley, 48") joins the person whose age it repeats, else the person
        # the source last named in full with it, else stands for itself
        candidates = _candidates(people, "", last, suffix)
        same = [p for p in candidates if any(c.value == claim.value for c in members.get(p, []))]
        if len(same) == 1:
            members[same[0]].append(claim)
            continue
        first, last, suffix = _split_name(_name_tokens(_resolve_surname(claim, by_name)))
        resolved = _candidates(people, first, last, suffix) if first else []
        if len(resolved) == 1:
            members[resolved[0]].append(claim)
        elif not candidates:
            members[("", last, suffix)].append(claim)
    for claim in claims:
        if not claim.person and claim.subject in _TITLES:
            titled = {p for p, group in members.items() if any(_titled(c, claim.subject) for c in group)}
            if len(titled) == 1:  # "the captain, 51" is the one person the story calls Captain
                members[titled.pop()].append(claim)
    _join_listed_suspects(members, [c for c in claims if c.role == LISTED_SUSPECT])
    facts = []
    for person, group in sorted(members.items()):
        name = " ".join(x for x in person if x).title()
        facts.append(_fact("age", f"age:{name.lower()}", f"age of {name}", group))
    return facts


RANK_GAP = 3  # ages this far apart keep their order through a slip of a year or two


def _join_listed_suspects(members: dict[tuple, list[Claim]], listed: list[Claim]) -> None:
    """The ages a source lists for its suspects ("two men, ages 28 and 21, were arrested"),
    joined by rank to the suspects other sources name: only where those name as many people
    and no slip of a year or two could swap two of them, in the names or in the list."""
    named = [p for p, group in members.items() if any(c.role == SUSPECT for c in group)]
    spans = sorted((min(c.value for c in members[p]), max(c.value for c in members[p]), p) for p in named)
    if len(spans) < 2 or any(high - low >= RANK_GAP for low, high, _p in spans) or any(
            b[0] - a[1] < RANK_GAP for a, b in zip(spans, spans[1:])):
        return
    naming = {c.source for p in named for c in members[p]}
    by_source: dict[str, dict[int, Claim]] = defaultdict(dict)
    for c in listed:
        if c.source not in naming:
            by_source[c.source].setdefault(c.value, c)  # a list told twice is one list
    for ages in by_source.values():
        ranked = [ages[v] for v in sorted(ages)]
        if len(ranked) == len(spans) and all(b.value - a.value >= RANK_GAP for a, b in zip(ranked, ranked[1:])):
            for (_low, _high, person), claim in zip(spans, ranked):
                members[person].append(claim)


_MALE = frozenset("man boy male son brother father husband nephew grandfather grandson uncle stepfather stepson boyfriend".split())
_FEMALE = frozenset("woman girl female daughter sister mother wife niece grandmother granddaughter aunt stepmother stepdaughter girlfriend".split())
_SEXED = _MALE | _FEMALE


def _align_described(claims: list[Claim]) -> list[Fact]:
    """People given by age alone, told apart by how they are described ("the 17-year-old who
    was grazed", "their 3-year-old daughters", "shot by a 12-year-old"): one person across
    sources only where every source describes one person that way, with one age."""
    by_way: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.role and not c.person and c.role != LISTED_SUSPECT:
            by_way[c.role].append(c)
    facts = []
    for way, group in sorted(by_way.items()):
        sexes = {"m" if c.subject in _MALE else "f" for c in group if c.subject in _SEXED}
        if len(sexes) > 1:
            continue  # a boy and a girl described alike are two people
        values: dict[str, set] = defaultdict(set)
        for c in group:
            values[c.source].add(c.value)
        if len(values) >= 2 and all(len(v) == 1 for v in values.values()):
            who = "the one who fired" if way == "fired" else f"the person {way}" if way.endswith("ed") else f"the {way}"
            facts.append(_fact("age", f"age:described:{way}", f"age of {who}", group))
    return facts


# --- dates ------------------------------------------------------------------------------


NEWS_CYCLE_DAYS = 7  # a bare weekday names a day of the week before publication


BACKGROUND_DATE_DAYS = 180  # a day this long before its article, that no other source gives, is history


def _out_of_cycle(claims: list[Claim], sources: list[Source]) -> set[int]:
    """Indexes of dates that cannot be the day the other sources give: a relative date ("on
    Sunday", "yesterday") in a source published more than a week after that day names
    something later; a day half a year before its own article ("a shooting on New Year's
    Day 2015", in 2017) is the story's history unless a source of that week gives it."""
    published = {s.name: s.published for s in sources}
    by_value = defaultdict(list)  # each day given, and the claims that give it
    for c in claims:
        by_value[c.value].append(c)
    sources_of = {v: {c.source for c in same} for v, same in by_value.items()}
    earliest_first = sorted(by_value, key=date.fromisoformat)
    news = _news_days(claims, published)
    out = set()
    for i, c in enumerate(claims):
        day = published.get(c.source)
        if day is None:
            continue
        # the days other sources give, earliest first
        others = (v for v in earliest_first if sources_of[v] != {c.source})
        earliest_other = next(others, None)
        if c.relative and sources_of[c.value] == {c.source} and earliest_other is not None and (day - date.fromisoformat(earliest_other)).days > NEWS_CYCLE_DAYS:
            out.add(i)
        elif earliest_other is not None and (day - date.fromisoformat(c.value)).days > BACKGROUND_DATE_DAYS and not _was_news(c.value, news):
            out.add(i)
    return out


def _news_days(claims: list[Claim], published: dict[str, date | None]) -> set[date]:
    """The days a source published within a week of them gives: they were news."""
    return {
        date.fromisoformat(c.value) for c in claims
        if published.get(c.source) is not None and 0 <= (published[c.source] - date.fromisoformat(c.value)).days <= NEWS_CYCLE_DAYS
    }


def _was_news(value: str, news: set[date]) -> bool:
    """Whether a day, or the same day of the month a month off (the common slip, "July 29"
    for June 29), was news."""
    day = date.fromisoformat(value)
    months = day.year * 12 + day.month - 1
    slips = [make_date(m // 12, m % 12 + 1, day.day) for m in (months - 1, months + 1)]
    return day in news or any(s in news for s in slips if s is not None)


def _elsewhere(claims: list[Claim], story_places: frozenset[str]) -> list[Claim]:
    """Without the days a source gives for an event in a place no source's title or lead
    names ("after the July 7 attack in Dallas") when it dates its own event weeks away from
    them and no source gives that day at home: they date other events told for context."""
    def away(c: Claim) -> bool:
        return bool(c.context.places) and not c.context.places & story_places and not c.sentence.in_lead

    home, stated_at_home = defaultdict(list), set()
    for c in claims:
        if not away(c):
            home[c.source].append(date.fromisoformat(c.value))
            stated_at_home.add(c.value)

    def elsewhere(c: Claim) -> bool:
        day = date.fromisoformat(c.value)
        return (away(c) and c.value not in stated_at_home and bool(home[c.source])
                and all(abs((d - day).days) > ELSEWHERE_DAYS for d in home[c.source]))

    return [c for c in claims if not elsewhere(c)]


ELSEWHERE_DAYS = 7  # a day this far from all of a source's own dates of an event is another event's


def _align_dates(claims: list[Claim], sources: list[Source], story_places: frozenset[str] = frozenset()) -> list[Fact]:
    facts = []
    by_class = defaultdict(list)
    for c in _elsewhere(claims, story_places):
        by_class[c.subject].append(c)
    for event_class, members in list(by_class.items()):
        stale = _out_of_cycle(members, sources)
        by_class[event_class] = [c for i, c in enumerate(members) if i not in stale]
    for event_class, members in sorted(by_class.items()):
        for event, group in sorted(_event_groups(members, sources).items()):
            key = ":".join(x for x in ("date", event_class, event) if x)
            label = f"date of the {event_class}" + (f" at {event.title()}" if event else "")
            facts.append(_fact("date", key, label, group, tie=_earliest_day))
    return facts


NAMED_ROLES = frozenset({"police", "soldier", "firefighter", "guard", "rescuer", "journalist", "foreigner", "hostage"}) | CONDITIONS


def _named_parts(claims: list[Claim]) -> list[Claim]:
    """The parts with a named role that totals state ("44 dead, 12 of them firefighters", "25
    died, 21 children and four adults"), as claims of their own: a sub-group is a fact of its
    own, compared with the same sub-group."""
    out = []
    for c in claims:
        for part in c.parts:
            if part.role in NAMED_ROLES or part.role == "subgroup":
                q = Quantity(part.value, part.value, part.value)
                out.append(dataclasses.replace(c, value=part.value, quantity=q, subject=part.subject, role=part.role, parts=(),
                                               attacker_included=None, attacker_extra=0, part_of_total=True))
    return out


TOLL_KINDS = ("deaths", "injuries", "missing", "arrests")


def _superseded(claims: list[Claim], sources: list[Source], ruleset: RuleSet | None) -> list[Claim]:
    """Tolls of a live blog's earlier updates, marked as history when a later update of the
    same source gives the same toll again: the newest update is the source's answer."""
    timed = {}
    for source in sources:
        marks = update_marks(source)
        if marks:
            timed[source.name] = marks
    if not timed:
        return claims
    stamp = {id(c): update_time(c.start, timed[c.source]) for c in claims if c.source in timed and c.kind in TOLL_KINDS}
    latest: dict[tuple, int] = {}
    for c in claims:
        t = stamp.get(id(c))
        if t is not None:
            key = (c.source, c.kind, comparable_class(c, ruleset))
            latest[key] = max(latest.get(key, t), t)
    out = []
    for c in claims:
        t = stamp.get(id(c))
        if t is not None and t < latest[(c.source, c.kind, comparable_class(c, ruleset))]:
            c = dataclasses.replace(c, history=True)
        out.append(c)
    return out


# "Hurricane Delphine", "Typhoon Haima": a storm's name, which "the toll from Delphine" also reads as a place
_STORM_NAME = regex.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Tropical\s+Storm|Storm)\s+(\p{Lu}[\p{L}'’-]+)")


def _without_storm_names(claims: list[Claim], sources: list[Source]) -> list[Claim]:
    """Claims without the places that are the name of a storm of the story: a storm is where
    its toll happened, not a place that keeps one event apart from another."""
    storms = {w for s in sources for m in _STORM_NAME.finditer(s.clean) for w in (m[1].lower(), " ".join(m[0].lower().split()))}
    if not storms:
        return claims
    return [c if not (c.context.places & storms) else
            dataclasses.replace(c, context=dataclasses.replace(c.context, places=c.context.places - storms)) for c in claims]


def align_claims(claims: list[Claim], sources: list[Source], ruleset: RuleSet | None = None) -> list[Fact]:
    """Facts in a stable order: by kind, then key. Reported history, superseded live updates
    and other events are left out."""
    claims = _without_storm_names(_superseded(claims, sources, ruleset), sources)
    current = [c for c in claims if not c.history and not c.context.other_event]
    current += _named_parts([c for c in current if c.kind in ("deaths", "injuries", "missing", "arrests")])
    ages = [c for c in current if c.kind == "age"]
    dates = [c for c in current if c.kind == "date"]
    counts = [c for c in current if c.kind not in ("age", "date")]
    story_places = frozenset(p for c in current if c.sentence.in_lead for p in c.context.places)
    named = _align_ages(ages, sources)
    joined = {id(c) for fact in named for c in fact.claims}  # an age joined to a name is no one else's
    described = _align_described([c for c in ages if id(c) not in joined])
    return _align_counts(counts, sources, ruleset) + named + described + _align_dates(dates, sources, story_places)

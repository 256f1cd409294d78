"""How sure a discrepancy is: a confidence between 0 and 1, built from the evidence.

Most false alarms on real news are not misread numbers but numbers that answer another
question: a sub-scene ("three were taken to hospital"), a figure from a caption or a
related-story box, a day that names a later press conference. Such claims leave traces a
reader can see, and each trace lowers the confidence that two claims really disagree:

- where the numbers stand: a title or lead states a story's total; a number deep in the
  text is more often a part or background;
- how the sentence frames the number: "were injured" states a total, "were taken to
  hospital" or "were treated" describes a part of the scene;
- how far apart the values are: real disagreements on a toll are near misses (17 and 20),
  on a date one day (the midnight boundary, a wrong weekday); values far apart are
  mostly about different things;
- whether a value rests on the article's own publication date ("on Sunday");
- whether it stands in a photo caption or a video's blurb, written for the picture and
  often on another day than the article.

A discrepancy below the chosen threshold keeps its confidence and takes the status
`uncertain`: listed, never failing a run.
"""
from __future__ import annotations

from datetime import date

import regex

from factcheck.align import CONDITIONS
from factcheck.model import CONFLICT, EXPLAINED, INFINITY, UNCERTAIN, Claim, Finding

DEFAULT_MIN_CONFIDENCE = 0.5

# Words that describe a part of the scene rather than state the total hurt or held; "taken
# into custody" is how an arrest total is told, not a part of it.
_SCENE = regex.compile(
    r"\b(?:transported|taken(?!\s+into\s+(?:police\s+|federal\s+)?custody)|rushed|airlifted|flown|treated|hospitali[sz]ed|admitted|discharged|released|"
    r"listed|remain(?:s|ed)?|remaining|still\s+in|in\s+(?:the\s+)?hospital|in\s+(?:critical|serious|stable|fair|good)\s+condition|"
    r"at\s+the\s+scene|on\s+the\s+scene|questioned|grazed|critical(?:ly)?|serious(?:ly)?|minor|"
    r"non-life-threatening)\b",
    regex.I,
)
# Where some of the dead died: "one person died at the scene", "two died later in hospital".
_DEATH_SCENE = regex.compile(r"\b(?:at|on)\s+the\s+scene\b|\bin\s+(?:the\s+)?hospital\b|\bon\s+arrival\b|\blater\b", regex.I)


_CLAUSE_END = regex.compile(r"[,.;:!?()]")
# A photo caption or an embedded video's blurb: written for the picture, often on another day
_CAPTION = regex.compile(
    r"Skip in Skip x Embed|Last VideoNext Video|\bBuy Photo\b|\((?:AP )?Photo:|\bPhoto: |\bPHOTO: |"
    r"\|\s*\d{1,2}:\d\d\b|\b(?:AP|Getty Images|Reuters) Photo\b|"
    r"\(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} [—–] [\p{Lu}][\p{L}.&' ]{1,40}\)"  # (Dana Holt — Daily Star)
)


def _framing(claim: Claim) -> str:
    """The claim's words and the rest of their clause: what the sentence says of the number."""
    text = claim.sentence.text
    at = text.find(claim.words)
    if at < 0:
        return claim.words
    end = _CLAUSE_END.search(text, at + len(claim.words))
    return text[at : min(end.start() if end else len(text), at + len(claim.words) + 40)]


# A narrated phase of the event: "then drove to a second house", "went into the
# neighbourhood and fired": what it hurt is a part of the toll
_PHASE = regex.compile(
    r"\b(?:then|went|drove|walked|ran|moved|headed|continued|fled|returned)\s+(?:\w+\s+)?(?:into|to|toward|towards|down|through|across|inside|outside|back)\b",
    regex.I,
)


def _in_a_phase(claim: Claim) -> bool:
    text = claim.sentence.text
    at = text.find(claim.words)
    return at > 0 and bool(_PHASE.search(text, 0, at))


def _salience(claim: Claim) -> float:
    """How plainly a claim's place in the text states the answer to its fact's question (0–1)."""
    score = 1.0 if claim.sentence.in_lead else 0.8
    if _CAPTION.search(claim.sentence.text):
        score *= 0.5
    return score


def _of_a_scene(claim: Claim) -> bool:
    """Whether the clause frames the number as a part of the scene: the hurt in one condition
    always are ("66 of them in a critical condition")."""
    if claim.role in CONDITIONS:
        return True
    if claim.kind in ("injuries", "arrests", "count"):
        return bool(_SCENE.search(_framing(claim))) or _in_a_phase(claim)
    return claim.kind == "deaths" and (bool(_DEATH_SCENE.search(_framing(claim))) or _in_a_phase(claim))


DESCRIBED = 0.8  # an age of someone given by description alone ("a 17-year-old was grazed")
SCENE = 0.6  # a scene's number against a stated total
BOTH_SCENES = 0.8  # two numbers of the scene ("taken to hospital") that disagree may be two parts


def _number_gap(a: float, b: float) -> float:
    """Near misses are real disagreements more often than far ones: 1.0 for 17 and 20, less for 3 and 15."""
    low, high = sorted((abs(a), abs(b)))
    if low == 0 or high - low <= 3:
        return 1.0  # "no arrests" and "two arrests", 4 and 7: the changes and slips of real tolls
    ratio = (high - low) / high
    return 1.0 if ratio <= 0.5 else 0.7 if ratio <= 0.75 else 0.5


def _growth_gap(a: float, b: float) -> float:
    """A toll may grow fivefold over days (20 to 100); beyond that (2 and 15, 7 and 98) it is
    mostly another count."""
    low, high = sorted((abs(a), abs(b)))
    return 0.5 if low and high - low > 3 and (high - low) / high > 0.8 else 1.0


def _explained_gap(claims: list[Claim]):
    """Tolls grow over days and qualifiers stretch: an explained gap must be far larger than an
    unexplained one before it suggests two different things, and has no bound where a source
    says its count rose or the smaller count is open-ended ("at least one")."""
    if any(c.changed for c in claims):
        return lambda a, b: 1.0
    open_ended = {c.value for c in claims if c.quantity is not None and c.quantity.high == INFINITY}
    return lambda a, b: 1.0 if min(a, b) in open_ended else _growth_gap(a, b)


def _date_gap(a: str, b: str) -> float:
    """One day apart is the common real error; a month or a year apart on the same day of the
    month is a slip; anything else is mostly two different events."""
    da, db = date.fromisoformat(a), date.fromisoformat(b)
    days = abs((da - db).days)
    if days <= 1:
        return 1.0
    if (da.month, da.day) == (db.month, db.day):
        return 0.2  # an anniversary: the same day of another year is another event
    if da.day == db.day:
        return 0.7
    return 0.45 if days <= 7 else 0.2


def _reported_before(claims: list[Claim], published: dict[str, date | None]) -> dict[str, bool]:
    """Each day the claims give, and whether it came after another source had already
    reported an earlier day: that source could not have reported an event still to come, so
    the later day is another event's (investigators arriving, a siege ending, a survivor
    pulled out). One pass over the days in order, not one over the claims for each pair."""
    first_published: dict[str, date] = {}  # each day, and the earliest known publication giving it
    for c in claims:
        day = published.get(c.source)
        if day is not None and (c.value not in first_published or day < first_published[c.value]):
            first_published[c.value] = day
    out, earliest = {}, None  # earliest: the first publication of any earlier day
    for value in sorted({c.value for c in claims}):
        out[value] = earliest is not None and earliest < date.fromisoformat(value)
        if value in first_published and (earliest is None or first_published[value] < earliest):
            earliest = first_published[value]
    return out


def _best_pair(claims: list[Claim], published: dict[str, date | None], gap, unexplained: bool) -> float:
    """The largest salience × salience × gap over two claims of different sources and values.

    Claims are grouped by value and publication day, and each group keeps its two most
    salient claims of different sources: the best pair is among those, so a story of
    thousands of claims compares a few groups, not millions of pairs. For an `unexplained`
    difference, pairs published on known, different days count only when no other pair
    exists (a conflict rests on the pairs nothing explains), and a number framed as a scene
    weighs less."""
    groups: dict[tuple, list[tuple[float, str]]] = {}
    for c in claims:
        groups.setdefault((c.value, published.get(c.source), unexplained and _of_a_scene(c)), []).append((_salience(c), c.source))
    top = {}
    for key, members in groups.items():
        best: dict[str, float] = {}
        for salience, source in members:
            best[source] = max(best.get(source, 0.0), salience)
        top[key] = sorted(best.items(), key=lambda item: -item[1])[:2]
    found, found_same_day = [], []
    for (va, da, scene_a), tops_a in top.items():
        for (vb, db, scene_b), tops_b in top.items():
            if va == vb:
                continue
            apart = da is not None and db is not None and da != db
            framing = (SCENE if scene_a != scene_b else BOTH_SCENES if scene_a else 1.0) if unexplained else 1.0
            difference, scores = gap(va, vb), found if apart else found_same_day
            for source_a, salience_a in tops_a:
                for source_b, salience_b in tops_b:
                    if source_a != source_b:
                        scores.append(salience_a * salience_b * framing * difference)
    if unexplained and found_same_day:
        return max(found_same_day)
    return max(found + found_same_day)


ONE_OFF_EVENTS = frozenset({"incident", "departure"})  # event classes (rules/events.toml) that happen once in a story
# events that happen once to each person: an arrest, a charge, an arraignment, a bail ruling
PERSONAL_EVENTS = frozenset({"arrest", "charges", "arraignment", "bail", "appearance"})
REPEATABLE = 0.55  # the days of events that may happen more than once may differ and both be right
ONE_PERSON = 0.8  # ... unless every source tells it of one person
# Words that tell of several people or occasions: "two men were arrested", "another suspect"
# ("police said they arrested Moss" is the police)
_SEVERAL = regex.compile(
    r"\b(?:another|other|others|second|third|fourth|both|several|each|suspects|men|women|boys|girls|teens|"
    r"teenagers|juveniles|defendants|people|persons|brothers|sisters|couple|pair|group|them|hearings|arrests)\b"
    r"|(?<!\b(?:said|say|says)\s)\bthey\b",
    regex.I,
)


# The one a step of a case happened to, by name: "Offray was arrested", "police arrested Offray"
_STEP = r"(?:arrested|detained|captured|apprehended|charged|indicted|arraigned|denied|held|booked)"
_NAMED = regex.compile(
    rf"\b(?P<name>\p{{Lu}}[\p{{L}}'’-]+)(?:,\s*\d{{1,3}},)?\s+(?:was|has\s+been|had\s+been|is|were)\s+(?:\w+\s+)?{_STEP}\b"
    rf"|\b{_STEP}\s+(?P<name>\p{{Lu}}[\p{{L}}'’-]+)"
)
_NOT_NAMES = frozenset("he she they it the a an his her police authorities officers deputies marshals prosecutors".split())


def _named(claim: Claim) -> set[str]:
    return {n.lower() for m in _NAMED.finditer(claim.sentence.text) for n in m.captures("name")} - _NOT_NAMES


def _once(claims: list[Claim]) -> float:
    """How surely the days differ about one event: a story has one incident and one
    departure but may have several arrests, hearings or briefings; an arrest or a hearing
    every source tells of one person, and of no two names, happened once."""
    event = claims[0].subject
    if event in ONE_OFF_EVENTS:
        return 1.0
    names = [_named(c) for c in claims]
    named = [n for n in names if n]
    one_name = all(a & b for a in named for b in named)
    if event in PERSONAL_EVENTS and one_name and not any(_SEVERAL.search(c.sentence.text) for c in claims):
        return ONE_PERSON
    return REPEATABLE


def confidence(finding: Finding, published: dict[str, date | None] | None = None) -> float:
    """The confidence of a discrepancy, from the two claims that differ most plainly."""
    claims = finding.claims
    published = published or {}
    values = sorted({c.value for c in claims}, key=str)
    if len(values) < 2:
        return 1.0
    if finding.kind == "date":
        later_than_reported = _reported_before(claims, published)
        # a later day than a source already reported is another event's, unless it is the
        # same day of another month, a slip of the pen
        gap = max(_date_gap(a, b) * (0.3 if later_than_reported[max(a, b)] and a[-2:] != b[-2:] else 1.0)
                  for a in values for b in values if a != b)
        relative = 0.85 if any(c.relative for c in claims) else 1.0
        return round(0.9 * gap * relative * _once(claims), 2)
    if finding.kind == "age":
        spread = max(c.value for c in claims) - min(c.value for c in claims)
        # a person described, not named, in some source is less surely one person in every source
        described = DESCRIBED if not all(c.person for c in claims) else 1.0
        # ages far apart are mostly two people, unless every source gives the full name
        full_names = all(len(c.person.split()) >= 2 for c in claims)
        return round((0.9 if spread <= 5 or full_names else 0.4) * described, 2)
    gap = _number_gap if finding.status == CONFLICT else _explained_gap(claims)
    # a scene's number weighs against a stated total only where nothing reconciles them: time or
    # a qualifier that does reconciles them as one count told at two moments
    best = _best_pair(claims, published, gap, unexplained=finding.status == CONFLICT)
    back = finding.status == EXPLAINED and not any(c.changed for c in claims) and _back_again(claims, published)
    return round(0.95 * best * (BACK_AGAIN if back else 1.0), 2)


BACK_AGAIN = 0.5  # a toll that returns to its earlier figure, no text saying so, did not change


def _back_again(claims: list[Claim], published: dict[str, date | None]) -> bool:
    """Whether a figure stands between days that give one same other figure (9, then 10,
    then 9 again): tolls move one way, so the odd figure counts something else."""
    days: dict[date, set] = {}
    for c in claims:
        day = published.get(c.source)
        if day is not None:
            days.setdefault(day, set()).add(c.value)
    order = sorted(days)
    for i, day in enumerate(order):
        before = set().union(*(days[d] for d in order[:i]))
        after = set().union(*(days[d] for d in order[i + 1 :]))
        if any(v not in before and v not in after for v in days[day]) and (before & after) - days[day]:
            return True
    return False


def weigh(findings: list[Finding], min_confidence: float = DEFAULT_MIN_CONFIDENCE,
          published: dict[str, date | None] | None = None) -> list[Finding]:
    """Every discrepancy with its confidence; those below `min_confidence` become uncertain.
    `published` maps a source's name to its publication day, where known."""
    for finding in findings:
        if finding.status in (CONFLICT, EXPLAINED):
            finding.confidence = confidence(finding, published)
            if finding.confidence < min_confidence:
                finding.reason = f"{finding.status} at confidence {finding.confidence:.2f}, below {min_confidence:g}: {finding.reason}"
                finding.status = UNCERTAIN
    return findings

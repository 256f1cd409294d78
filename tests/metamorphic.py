"""Meaning-preserving rewrites of a news article, for the metamorphic tests of the checker.

A reader learns the same facts from an article and from any one of these rewrites of it, so
the checker's findings must not change. Each rewrite lists every place in an article where
it applies as an Edit (the spans it replaces and their new text), so a failing case can be
shown as the paragraphs it changed, before and after.

An article is read the way newsroom copy is laid out: front matter or a title line, header
lines (outlet, date line, byline), the lead (the first paragraph of prose), then the body.
Each line is a paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
SMALL = range(2, 21)  # the counts and ages respelled

# AP style: months of five letters or fewer are spelled out in a dateline.
DATELINE_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()

DESCRIPTORS = ("local resident", "longtime resident", "area resident")

# Background: unrelated to any story and free of numbers, or an event of an earlier year
# that says so in its first words.
BACKGROUND = (
    "The neighborhood is known for its tree-lined streets and its busy weekend market.",
    "Local leaders have long argued over how to pay for new sidewalks and street lights.",
    "The area draws hikers and anglers from across the region during the warmer months.",
    "Residents describe the community as close-knit, a place where neighbors know each other by name.",
    "In 2009, a winter storm damaged the old pier and closed the harbor road.",
    "In 1998, a fire destroyed the town's first library, which was later rebuilt.",
    "In 2006, floodwater closed the main bridge for much of the spring.",
)
BACKGROUND_TOLL = (
    "In 2003, a bus crash on the same road killed four people and injured eleven.",
    "In 1997, a fire at a nearby warehouse killed two firefighters.",
    "In 2008, police arrested six people after a brawl at the old stadium.",
)

_BE = r"(?:am|is|are|was|were|be|been|being|got|get)"
_AFTER_BE = rf"(?<=\b{_BE}(?: \p{{Ll}}+ly)? )"  # "were killed", "was fatally injured"
_AFTER_COUNT = r"(?<=(?:\b\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|others?|people|more)) )"
_NEGATED = regex.compile(r"(?:\b[Nn]o one|\b[Nn]obody|\b[Nn]o suspects?|\bnot|n't)\b[^.;:!?]*$")

# Rewrite name → (pattern, replacement): every match may be replaced, keeping an initial
# capital. A replacement that is grammatical only as a participle asks for "be" before it.
SYNONYMS = {
    "killed_slain": [
        (regex.compile(_AFTER_BE + r"killed\b"), "slain"),
        (regex.compile(_AFTER_BE + r"slain\b"), "killed"),
    ],
    "injured_wounded": [
        (regex.compile(r"\b[Ii]njured\b"), "wounded"),
        (regex.compile(r"\b[Ii]njuring\b"), "wounding"),
        (regex.compile(r"\b[Ww]ounded\b"), "injured"),
        (regex.compile(r"\b[Ww]ounding\b"), "injuring"),
        (regex.compile(f"(?:{_AFTER_BE}|{_AFTER_COUNT})injured\\b"), "hurt"),
        (regex.compile(f"(?:{_AFTER_BE}|{_AFTER_COUNT})hurt\\b"), "injured"),
    ],
    "arrested_custody": [
        (regex.compile(_AFTER_BE + r"arrested\b"), "taken into custody"),
        (regex.compile(_AFTER_BE + r"taken into custody\b"), "arrested"),
    ],
}

_FRONT_MATTER = regex.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", regex.S)
# Lines that are not prose: live-blog times, captions, related boxes, bylines, notes.
_NOT_PROSE = regex.compile(
    r"^\s*(?:\*|#|\(|\[|>|By\b|UPDATE|RELATED|Related|PHOTO|Photo|Also\b|Editor|Correction|"
    r"\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|\d{1,2}:\d\d)"
)
_LIVE_BLOG = regex.compile(r"^\s*(?:\*\*)?\s*(?:UPDATE\b|\d{1,2}:\d\d|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)", regex.M)
# Paragraphs that lean on the one before them: moved, they would point at something else.
_LEANS_BACK = regex.compile(
    r"^\s*[“\"‘']?(?:He|She|They|It|His|Her|Their|Its|Him|Them|This|That|These|Those|But|And|Also|"
    r"Both|Another|Others?|Yet|Still|However|Meanwhile|Then|There|Later|Earlier|Afterward|Since|"
    r"The (?:two|three|four|five|other|others|rest|same|man|woman|boy|girl|teen|suspect|victim)s?)\b"
    r"|^\s*[“\"].*?[,?!][”\"] (?:he|she|they|it) (?:said|says|added|told)\b"
)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
# A header line that holds the publication date and nothing else: "Date: 2024-09-11",
# "SEPT. 12, 2024", "Posted: Monday, May 13, 2024 5:48 AM CDT".
_DATE_LINE = regex.compile(
    r"^(?:Date:[ \t]*(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"|(?:Posted:[ \t]*)?(?:\p{L}+day,[ \t]*)?(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*)\.?"
    r"[ \t]+(?P<md>\d{1,2}),[ \t]*(?P<my>\d{4})(?:[ \t]+\d{1,2}:\d\d[ \t]*[AP]M(?:[ \t]+[A-Z]{2,4})?)?)[ \t]*$",
    regex.M,
)
# "EAST CARLOW, Ohio (WECN) —": the place, a state or country, an agency, a dash.
_LEAD_DATELINE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:, [\p{L}][\p{L}. ]{0,30})?)"
    r"(?P<agency> \([^)\n]{1,40}\))? ?[—–-]{1,2} ?"
)
_NAME_WORD = r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?"
# A first and last name with an age after it: "Jamal Price, 19," / "Ana M. Lopez, 45."
_NAMED_WITH_AGE = regex.compile(rf"(?<![\p{{L}}.])(?<first>{_NAME_WORD})(?: \p{{Lu}}\.)? {_NAME_WORD}, \d{{1,3}}\b")
# Words after which "local resident" may come: "killed local resident Jamal Price, 19".
_BEFORE_DESCRIPTOR = regex.compile(r"\b(?:was|were|is|killed|including|and|by|as) $")
# Words that look like a first name at the start of a sentence but say who someone is.
_ROLE_WORDS = frozenset(
    "Survivor Witness Officer Trooper Driver Victim Resident Neighbor Neighbour Teacher Nurse Principal "
    "Pastor Deputy Sergeant Constable Inspector Firefighter Student Coach Owner Manager Mr Mrs Ms Miss".split()
)
_TITLED = regex.compile(
    r"\b(?<title>(?:(?:Police|Fire|Deputy|Assistant|Chief|District|State|County|Group) )*(?:Chief|Sheriff|Mayor|"
    r"Sgt\.|Lt\.|Capt\.|Detective|Officer|Inspector|Superintendent|Commissioner|Dr\.|Gov\.|Prosecutor|Constable|"
    rf"Attorney|Manager|Director|Trooper)) (?<name>(?:{_NAME_WORD} )+(?<surname>{_NAME_WORD}))\b"
)
# What follows a count: a plural noun, "of", or a verb ("5 people", "three of them", "two
# were"), not a time, a duration or a unit ("7 a.m.", "three years", "9 feet").
_COUNTED = (
    r"(?= (?:(?!years|months|weeks|days|hours|minutes|miles|kilometres|kilometers|meters|metres)\p{Ll}+s"
    r"|people|children|men|women|police|staff|crew|of|were|are|have|had|died|remain)\b)"
)
# A small count in digits, not "7:20", "No. 4", "Route 14", "mile 14", "Sept. 12" or "16-year-old".
_DIGITS = regex.compile(rf"(?<![\p{{L}}\p{{N}}$£€#.,:/-])(?<!\p{{Lu}}[\p{{L}}.]* )(\d{{1,2}}){_COUNTED}")
_LABELS = r"(?<!\b(?:No\.|Channel|Route|Highway|Category|Station|Gate|Pier|Platform|Level) )"
_WORDS = regex.compile(rf"(?<![\p{{L}}-]){_LABELS}((?i:{'|'.join(NUMBER_WORDS[2:])})){_COUNTED}")
# An age before a name or a noun: "16-year-old DeShawn Miller", "a Six-year-old girl".
_AGE = regex.compile(rf"(?<![\p{{L}}\p{{N}}-])(\d{{1,2}}|{'|'.join(NUMBER_WORDS[2:])})(?=-year-old\b)", regex.I)


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # before the line break
    text: str


@dataclass(frozen=True)
class Edit:
    """One rewrite of one article: `changes` are (start, end, new text), not overlapping."""

    rewrite: str
    changes: tuple[tuple[int, int, str], ...]

    def apply(self, text: str) -> str:
        out, at = [], 0
        for start, end, new in sorted(self.changes):
            out += [text[at:start], new]
            at = end
        return "".join(out) + text[at:]

    def describe(self, text: str) -> str:
        """Each paragraph the edit changes, before and after."""
        out = []
        for start, end, new in sorted(self.changes):
            first = text.rfind("\n", 0, start) + 1
            last = text.find("\n", end)
            last = len(text) if last < 0 else last
            out.append(f"before: {text[first:last]!r}\nafter:  {text[first:start] + new + text[end:last]!r}")
        return "\n".join(out)


class Article:
    """An article's lines, sorted into header, lead and body."""

    def __init__(self, text: str):
        self.text = text
        front = _FRONT_MATTER.match(text)
        self.body_start = front.end() if front else 0
        self.lines = [Line(m.start(), m.end(), m[0]) for m in regex.finditer(r"[^\n]*\S[^\n]*", text, pos=self.body_start)]
        if not front:
            self.lines = self.lines[1:]  # the title line
        self.lead = next((i for i, line in enumerate(self.lines) if is_prose(line.text)), None)
        self.paragraph_break = "\n\n" if "\n\n" in text[self.body_start:] else "\n"

    @property
    def header(self) -> list[Line]:
        return self.lines[: self.lead or 0]

    @property
    def prose(self) -> list[Line]:
        """The lead and the lines of prose after it, where a story's sentences are."""
        if self.lead is None:
            return []
        return [self.lines[self.lead]] + [line for line in self.lines[self.lead + 1:] if is_prose(line.text)]

    @property
    def is_live_blog(self) -> bool:
        return bool(_LIVE_BLOG.search(self.text, self.body_start))


def is_prose(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 60 and stripped[-1] in ".”\"’?!)" and not _NOT_PROSE.match(stripped)


def _keep_case(old: str, new: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def _starts_sentence(line: str, at: int) -> bool:
    before = line[:at].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?—:"


def _insertion(name: str, line: Line, at: int, new: str) -> Edit:
    return Edit(name, ((line.start + at, line.start + at, new),))


def _replacement(name: str, line: Line, m, new: str) -> Edit:
    return Edit(name, ((line.start + m.start(), line.start + m.end(), new),))


# Each rewrite: article text → every Edit it can make there.


def paragraphs_swapped(text: str) -> list[Edit]:
    """Two body paragraphs after the lead change places. Live blogs keep their order (their
    updates are dated by it), and a paragraph that leans on the one before it stays put."""
    article = Article(text)
    if article.is_live_blog:
        return []
    movable = [line for line in article.prose[1:] if not _LEANS_BACK.match(line.text)]
    return [
        Edit("paragraphs_swapped", ((a.start, a.end, b.text), (b.start, b.end, a.text)))
        for n, a in enumerate(movable) for b in movable[n + 1:]
    ]


def descriptor_before_name(text: str) -> list[Edit]:
    """"local resident" before a full name given with an age ("killed local resident Jamal
    Price, 19"), and the title the article gives a person ("Police Chief Anita Moreno")
    before the places where it names that person without it ("Moreno said")."""
    article = Article(text)
    edits = []
    for line in article.prose:
        for m in _NAMED_WITH_AGE.finditer(line.text):
            at_start = _starts_sentence(line.text, m.start())
            if (at_start or _BEFORE_DESCRIPTOR.search(line.text, 0, m.start())) and m["first"] not in _ROLE_WORDS:
                edits += [_insertion("descriptor_before_name", line, m.start(), _keep_case("X" if at_start else "x", d) + " ")
                          for d in DESCRIPTORS]
    titled = {}
    for m in _TITLED.finditer(text, article.body_start):
        titled.setdefault(m["surname"], (m["title"], m["name"]))
    for surname, (title, name) in titled.items():
        plain = regex.compile(rf"\b(?:{regex.escape(name)}|{regex.escape(surname)})\b(?! \p{{Lu}})")
        for line in article.prose:
            for m in plain.finditer(line.text):
                if not regex.search(r"(?:\p{Lu}\p{L}*\.?|[’']s?) $", line.text[: m.start()]):  # not titled already
                    edits.append(_insertion("descriptor_before_name", line, m.start(), title + " "))
    return edits


def dateline_into_lead(text: str) -> list[Edit]:
    """The header line that dates an article ("Date: 2024-09-11", "SEPT. 12, 2024") becomes
    a wire dateline at the head of the lead, which opens with its place already: "EAST
    CARLOW, Ohio, Sept. 11, 2024 (Outlet) —"."""
    article = Article(text)
    date_line = next((m for line in article.header if (m := _DATE_LINE.match(text, line.start, line.end))), None)
    if not date_line:
        return []
    lead = article.lines[article.lead]
    opening = _LEAD_DATELINE.match(lead.text)
    if not opening:
        return []
    if date_line["y"]:
        year, month, day = int(date_line["y"]), int(date_line["m"]), int(date_line["d"])
    else:
        year, month, day = int(date_line["my"]), _MONTHS.index(date_line["mon"][:3].lower()) + 1, int(date_line["md"])
    when = f"{DATELINE_MONTHS[month - 1]} {day}, {year}"
    drop_until = date_line.end()
    while text[drop_until: drop_until + 1] == "\n" and drop_until < lead.start:
        drop_until += 1
    date_line_dropped = (date_line.start(), drop_until, "")
    agencies = [opening["agency"] or ""]
    outlet = _outlet(article, date_line.start())
    if outlet and not opening["agency"]:
        agencies.append(f" ({outlet})")
    return [
        Edit("dateline_into_lead", (date_line_dropped, (lead.start, lead.start + opening.end(),
                                                        f"{opening['place'].rstrip()}, {when}{agency} — ")))
        for agency in agencies
    ]


def _outlet(article: Article, date_line_at: int) -> str | None:
    """The outlet's name, from a header line that holds nothing else."""
    for line in article.header:
        words = line.text.strip()
        if line.start != date_line_at and len(words) <= 40 and not regex.search(r"\d|:|\bBy\b|\|", words):
            return words
    return None


def counts_respelled(text: str) -> list[Edit]:
    """A small count (2–20) in a sentence changes from digits to words or back: "5 people"
    ↔ "five people", "Three of the wounded" ↔ "3 of the wounded"."""
    edits = []
    for line in Article(text).prose:
        for m in _DIGITS.finditer(line.text):
            if int(m[1]) in SMALL:
                word = NUMBER_WORDS[int(m[1])]
                edits.append(_replacement("counts_respelled", line, m, word.capitalize() if _starts_sentence(line.text, m.start()) else word))
        for m in _WORDS.finditer(line.text):
            edits.append(_replacement("counts_respelled", line, m, str(NUMBER_WORDS.index(m[1].lower()))))
    return edits


def ages_respelled(text: str) -> list[Edit]:
    """An age of 2–20 before a name or noun changes from digits to words or back:
    "16-year-old DeShawn Miller" ↔ "sixteen-year-old DeShawn Miller"."""
    edits = []
    for line in Article(text).prose:
        for m in _AGE.finditer(line.text):
            if m[1].isdigit():
                if int(m[1]) in SMALL:
                    word = NUMBER_WORDS[int(m[1])]
                    edits.append(_replacement("ages_respelled", line, m, word.capitalize() if _starts_sentence(line.text, m.start()) else word))
            else:
                edits.append(_replacement("ages_respelled", line, m, str(NUMBER_WORDS.index(m[1].lower()))))
    return edits


def synonyms_swapped(name: str, group: str, negated: bool | None = None):
    """One word of SYNONYMS[group] replaced; with `negated` True only in clauses that deny
    it ("no one has been arrested"), with False only in the others."""

    def rewrite(text: str) -> list[Edit]:
        return [
            _replacement(name, line, m, _keep_case(m[0], new))
            for line in Article(text).prose
            for pattern, new in SYNONYMS[group]
            for m in pattern.finditer(line.text)
            if negated is None or bool(_NEGATED.search(line.text, 0, m.start())) == negated
        ]

    return rewrite


def background_added(name: str, sentences: tuple[str, ...]):
    """A paragraph of background inserted after the lead or any later paragraph of prose."""

    def rewrite(text: str) -> list[Edit]:
        article = Article(text)
        return [
            Edit(name, ((line.end, line.end, article.paragraph_break + sentence),))
            for line in article.prose for sentence in sentences
        ]

    return rewrite


REWRITES = {
    "paragraphs_swapped": paragraphs_swapped,
    "descriptor_before_name": descriptor_before_name,
    "dateline_into_lead": dateline_into_lead,
    "counts_respelled": counts_respelled,
    "ages_respelled": ages_respelled,
    "killed_slain": synonyms_swapped("killed_slain", "killed_slain"),
    "injured_wounded": synonyms_swapped("injured_wounded", "injured_wounded"),
    "arrested_custody": synonyms_swapped("arrested_custody", "arrested_custody", negated=False),
    "no_arrest_custody": synonyms_swapped("no_arrest_custody", "arrested_custody", negated=True),
    "background_added": background_added("background_added", BACKGROUND),
    "background_toll_added": background_added("background_toll_added", BACKGROUND_TOLL),
}

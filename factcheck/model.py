"""Plain data passed between the stages: load → split → extract → align → compare → render.

Every stage takes and returns these dataclasses and nothing else, so each stage can be
used, tested and replaced on its own, from Python as well as from the CLI.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, timezone
from pathlib import Path

INFINITY = float("inf")

# Statuses a finding can have. The first three are verdicts; `single` is a fact that only
# one source states, and `unclear` claims that share a subject but not what is said of it:
# both are listed, not judged. `uncertain` is a discrepancy whose confidence is below the
# threshold asked for: listed with its confidence, never failing a run.
AGREE, EXPLAINED, CONFLICT, SINGLE, UNCLEAR, UNCERTAIN = "agree", "explained", "conflict", "single", "unclear", "uncertain"


_LINE_BREAK = re.compile(r"\n|\r(?!\n)")  # CRLF is one line end (its LF), and so is a lone CR


@dataclass(frozen=True)
class Source:
    """One article as read from disk.

    `text` is the decoded file; every offset in a claim points into it, so a report can
    point at the article exactly. `clean` is what extraction reads: mojibake repaired and
    boilerplate blanked out with spaces. Where a repair changed the length of a line,
    `anchors` maps offsets in `clean` back to `text` (pairs of equal positions, sorted).

    When `text` was taken out of a bigger file (a feed record, a web page), `located_at`
    says where in that file (`path`) each stretch of `text` came from, so reports point
    at the file's line: (text offset, line, column), sorted; empty when `text` is the file.
    """

    name: str  # path relative to the story folder, with forward slashes
    path: Path
    text: str
    clean: str
    title: str
    digest: str  # sha256 of the file's bytes (of a feed record: of its text)
    published: date | None = None
    published_how: str = "unknown"  # front matter | date line | dateline | inferred | feed | page | manifest | unknown
    published_at: datetime | None = None  # the time of publication too, when known (with its zone when given)
    outlet: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    anchors: tuple[tuple[int, int], ...] = ()  # (clean offset, text offset); empty: identical
    input_format: str = "text"  # text | html | json | jsonl: what `text` was read from
    located_at: tuple[tuple[int, int, int], ...] = ()

    def time_order(self) -> tuple[int, datetime]:
        """Where this source falls among sources of its day: by the instant it was published
        when the time is known (a time without a zone read as UTC), after those when not."""
        at = self.published_at
        if at is None:
            return 1, datetime.min
        return 0, at.astimezone(timezone.utc).replace(tzinfo=None) if at.tzinfo else at

    def original_offset(self, clean_offset: int) -> int:
        """Where a position in `clean` lies in `text`."""
        if not self.anchors:
            return clean_offset
        i = bisect.bisect_right(self.anchors, (clean_offset, float("inf"))) - 1
        if i < 0:
            return clean_offset
        at_clean, at_text = self.anchors[i]
        return at_text + (clean_offset - at_clean)

    @cached_property
    def _line_breaks(self) -> list[int]:
        """Where the text's lines end, sorted: a report asks for the place of every claim of a source."""
        return [m.start() for m in _LINE_BREAK.finditer(self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset into `text`: CRLF is one line end, and so is
        a lone CR (old Mac files). For text taken out of a bigger file, where in that file the
        stretch holding the offset begins."""
        if self.located_at:
            i = max(0, bisect.bisect_right(self.located_at, (offset, float("inf"), 0)) - 1)
            return self.located_at[i][1], self.located_at[i][2]
        at = offset
        breaks = self._line_breaks
        before = bisect.bisect_left(breaks, at)
        start = breaks[before - 1] + 1 if before else 0
        if at and self.text[at - 1 : at + 1] == "\r\n":  # between the CR and LF of a line end: the CR ends a line
            before, start = before + 1, at
        return before + 1, offset - start + 1



@dataclass(frozen=True)
class Problem:
    """Something wrong with an input (or a rule or config) that did not stop the run."""

    path: str
    message: str
    level: str = "warning"  # warning | error

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# The roles of ages: a named suspect, and one age of a list of suspects' ages with no names to it
SUSPECT, LISTED_SUSPECT = "suspect", "one of the suspects"
LEAD_PARAGRAPHS = 2  # the title (paragraph 0) and the first paragraph: where a story states its totals


@dataclass(frozen=True)
class Sentence:
    source: str
    start: int
    end: int
    text: str
    paragraph: int = 0

    @property
    def in_lead(self) -> bool:
        return self.paragraph < LEAD_PARAGRAPHS
    clean_start: int = -1  # where the sentence starts in Source.clean (-1: same as start)


@dataclass(frozen=True)
class Quantity:
    """A stated number as an interval: "more than 20" is [20, inf), "about 150" is [135, 165]."""

    value: float  # the number as written ("more than 20" → 20)
    low: float
    high: float  # INFINITY when open-ended
    qualifier: str = ""  # the words that widened it: "at least", "about", "dozens", ...

    @property
    def exact(self) -> bool:
        return self.low == self.high == self.value

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    def shifted(self, delta: float) -> Quantity:
        return Quantity(self.value + delta, self.low + delta, self.high + delta, self.qualifier)


@dataclass(frozen=True)
class Part:
    """A named part of a total: "20 people, including three gunmen" → Part(3, "attacker", "gunmen")."""

    value: int
    role: str
    subject: str


@dataclass(frozen=True)
class Context:
    """What a claim is about, read from its sentence: used to tell events apart."""

    places: frozenset[str] = frozenset()  # "paris", "verviers", "jewish museum"
    events: frozenset[str] = frozenset()  # normalised event nouns: "shooting", "raid"
    other_event: bool = False  # the sentence recalls an earlier or unrelated event
    year: int | None = None  # a year named beside the claim


@dataclass(frozen=True)
class Claim:
    kind: str
    rule: str  # rule code, FC101
    source: str  # Source.name
    value: int | float | str  # number as stated, or ISO date
    start: int  # offsets of the matched words in Source.text
    end: int
    words: str  # the matched words, as the reader sees them
    sentence: Sentence  # offsets into Source.text, text as the reader sees it
    quantity: Quantity | None = None  # None for dates
    subject: str = ""  # what was counted: people, gunmen, officers, hostages
    role: str = ""  # victim | attacker | police | bystander | "" (unknown); for an age, how the person is told apart
    parts: tuple[Part, ...] = ()
    attacker_included: bool | None = None  # True: the total counts the attacker
    attacker_extra: int = 0  # "killed two and then himself": attackers dead besides the total
    dead_among: int = 0  # a count of the hurt that is the source's own count of everyone hit: its dead are in it
    fleeing_apart: int = 0  # the hurt fleeing its source tells of apart ("four more were hurt in the stampede"): this count may hold them or not
    part_of_total: bool = False  # a named part a total states ("44 dead, 12 of them firefighters"), read as a claim of its own
    listed_sum: int = 0  # for a part of a toll told only as a list ("six children and two adults died"), the list's sum
    person: str = ""  # for ages: the person's name as written
    context: Context = field(default_factory=Context)
    history: bool = False  # "initially reported", "had risen from": not the current claim
    changed: bool = False  # the text says the count changed ("two more have since died")
    relative: bool = False  # a date counted from the publication date ("on Sunday", "Jan. 9" without a year)
    severity: str = "error"


@dataclass
class Fact:
    """Claims from several sources that answer the same question."""

    kind: str
    key: str  # stable id of the question: "deaths:paris", "age:conley", "date:shooting"
    label: str  # the question in words, for people
    claims: list[Claim]  # one per source: what that source asserts as the answer
    stated: list[Claim] = field(default_factory=list)  # every claim of every source on the question

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.claims})


@dataclass
class Finding:
    """A fact with its verdict and the reason for it."""

    kind: str
    key: str
    label: str
    status: str  # agree | explained | conflict | uncertain | unclear | single
    claims: list[Claim]
    reason: str = ""
    rule: str = ""
    severity: str = "error"
    confidence: float | None = None  # for a discrepancy: how sure it is, 0–1 (factcheck.confidence)


@dataclass
class StoryReport:
    """Everything checked in one story folder."""

    path: Path
    sources: list[Source]
    findings: list[Finding]
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (copy, original)


@dataclass
class LoadedStory:
    """The readable sources of one folder, what was wrong with the rest, and exact copies."""

    sources: list[Source]
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (copy, original)

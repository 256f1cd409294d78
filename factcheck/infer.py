"""Publication dates inferred from the cluster, for sources that carry none.

Relative dates ("on Monday") need the article's own date. When an undated article names
the same weekday for the same kind of event as a dated one ("the ministers met on
Monday"), both were written in the same news cycle: the undated one takes the dated
one's publication date, marked as inferred so the report says how it was known. A wire
dateline without a year ("Aug. 12 (NNW) -") dates its article in the year that puts that
day nearest the story's dated articles.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import regex

from factcheck.dates import find_date_mentions, find_yearless_dateline, make_date
from factcheck.model import Source
from factcheck.ruleset import RuleSet

_WEEKDAY = regex.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", regex.I)


def _weekday_events(source: Source, ruleset: RuleSet) -> set[tuple[str, str]]:
    """(weekday, event class) pairs the source names: "on Monday … called for" → (monday, meeting)."""
    text = source.clean
    events = [(m.start(), ruleset.events.get(" ".join(m.group().lower().split()), "")) for m in ruleset.event_re.finditer(text)]
    pairs = set()
    for mention in find_date_mentions(text, None):
        day = _WEEKDAY.search(mention.phrase)
        if not (mention.relative and day) or mention.future:
            continue
        near = [(abs(at - mention.start), cls) for at, cls in events if cls and abs(at - mention.start) <= 80]
        if near:
            pairs.add((day[1].lower(), min(near)[1]))
    return pairs


def infer_publication_dates(sources: list[Source], ruleset: RuleSet) -> list[Source]:
    """The sources, with a date inferred for each undated one that shares a dated one's news cycle."""
    dated = [s for s in sources if s.published]
    if not dated or len(dated) == len(sources):
        return sources
    known = {s.name: _weekday_events(s, ruleset) for s in dated}
    out = []
    for source in sources:
        if source.published:
            out.append(source)
            continue
        day = _dateline_day(source, dated)
        if day:
            out.append(replace(source, published=day, published_how="inferred"))
            continue
        mine = _weekday_events(source, ruleset)
        votes = Counter(s.published for s in dated for _ in mine & known[s.name])
        if votes:
            (best, count), *rest = votes.most_common()
            if not rest or rest[0][1] < count:
                source = replace(source, published=best, published_how="inferred")
        out.append(source)
    return out


NEAR_DAYS = 60  # a yearless dateline's day lies this close to a dated article of the story


def _dateline_day(source: Source, dated: list[Source]) -> date | None:
    """The day of a wire dateline without a year ("Aug. 12 (NNW) -"), in the year that puts
    it nearest the story's dated articles: wire style leaves out only the current year."""
    month_day = find_yearless_dateline(source.clean)
    if month_day is None:
        return None
    years = {s.published.year + shift for s in dated for shift in (-1, 0, 1)}
    days = [d for d in (make_date(y, *month_day) for y in sorted(years)) if d]
    if not days:
        return None
    gap, best = min((min(abs((d - s.published).days) for s in dated), d) for d in days)
    return best if gap <= NEAR_DAYS else None

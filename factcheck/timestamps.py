"""Publication dates and times as feeds, pages and manifests write them.

Feeds and page metadata give times, often with a zone ("2024-03-11T21:40:00-05:00",
RSS's "Mon, 11 Mar 2024 21:40:00 -0500"). The day of publication is the day in the
zone the time was written in, the outlet's own, so that "on Monday" in a story filed at
21:40 in New York is not read as the Tuesday it already was in UTC.
"""
from __future__ import annotations

from datetime import date, datetime


def read_timestamp(value: object) -> tuple[date | None, datetime | None]:
    """(day, time) of a publication date as written: the time is None when only a day is
    given, both are None when the value is not a date."""
    if isinstance(value, datetime):
        return value.date(), value
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str) or not value.strip():
        return None, None
    text = value.strip()
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        at = None
    if at is None:
        from email.utils import parsedate_to_datetime  # slow to import, and rarely needed

        try:
            at = parsedate_to_datetime(text)  # RFC 2822, as RSS writes it
        except (TypeError, ValueError, IndexError):
            at = None
    if at is not None:
        if len(text) <= 10 and at.hour == at.minute == 0:  # a bare day, read as midnight
            return at.date(), None
        return at.date(), at
    from factcheck.load import parse_day

    return parse_day(text), None


def in_zone(at: datetime, zone: str) -> datetime:
    """The same instant on the clock of a named zone ("America/Chicago"); a time written
    without a zone is taken to be that zone's already. Raises ValueError for an unknown zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {zone!r}") from None
    return at.replace(tzinfo=tz) if at.tzinfo is None else at.astimezone(tz)

"""Dates as a reader of each article would understand them."""
from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine_helpers import RULES, claims, source
from factcheck.dates import DateMention, find_date_mentions, find_publication_date
from factcheck.infer import infer_publication_dates


@pytest.mark.parametrize(
    "head, expected",
    [
        ("Paris attack\nDate: 2015-11-23\n\nPolice said ...", (date(2015, 11, 23), "date line")),
        ("By ANDREW HIGGINS and JAMES KANTERJAN. 19, 2015\nBRUSSELS — ...", (date(2015, 1, 19), "dateline")),
        ("Posted: Wednesday, April 8, 2015 4:09 AM EDT\n\nA man ...", (date(2015, 4, 8), "dateline")),
        ("Crash on I-95\nJanuary 1, 2013 7:18 PM\n\nTwo people ...", (date(2013, 1, 1), "dateline")),
        ("MARCH 2, 2024\n\nFire crews ...", (date(2024, 3, 2), "dateline")),
        ("Gas blast\nHatherley Gazette\nPublished: 20 February 2024, 3.15pm\n", (date(2024, 2, 20), "dateline")),
    ],
)
def test_publication_date_is_read_from_the_head(head, expected):
    assert find_publication_date(head) == expected


def test_posted_date_wins_over_updated_date():
    head = "Updated: Thursday, April 9, 2015 1:00 PM\nPosted: Wednesday, April 8, 2015 4:09 AM EDT\n"
    assert find_publication_date(head) == (date(2015, 4, 8), "dateline")


def test_a_date_inside_the_story_is_not_a_dateline():
    text = "Police said the July 29, 2014, shooting left three people dead near the station."
    assert find_publication_date(text) == (None, "unknown")


def test_no_date_in_the_head_is_unknown():
    text = "A headline\n\n" + "Words of the story go on here. " * 30 + "\nDate: 2015-11-23\n"
    assert find_publication_date(text) == (None, "unknown")


# --- mentions ----------------------------------------------------------------------------

MONDAY = date(2015, 1, 19)  # a Monday


def mentions(text, published=MONDAY):
    return [(m.phrase, m.value) for m in find_date_mentions(text, published)]


def only(text, published=MONDAY) -> DateMention:
    found = find_date_mentions(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("The council met on Monday.", "Monday", date(2015, 1, 19)),  # same day
        ("He was shot last Thursday.", "last Thursday", date(2015, 1, 15)),
        ("He was shot on Thursday.", "Thursday", date(2015, 1, 15)),
        ("Police raided the flat Saturday.", "Saturday", date(2015, 1, 17)),
        ("The vigil was held Sunday night.", "Sunday night", date(2015, 1, 18)),
        ("It began early Sunday morning.", "early Sunday morning", date(2015, 1, 18)),
        ("They met this past Thursday.", "this past Thursday", date(2015, 1, 15)),
    ],
)
def test_weekdays_follow_the_newsroom_rule(text, phrase, expected):
    m = only(text)
    assert (m.phrase, m.value, m.precision, m.relative) == (phrase, expected, "day", True)


def test_last_weekday_is_never_the_publication_day():
    assert only("He resigned last Monday.").value == date(2015, 1, 12)
    assert only("He resigned on Monday.").value == date(2015, 1, 19)


def test_next_weekday_looks_forward():
    m = only("The trial opens next Monday.")
    assert (m.value, m.future) == (date(2015, 1, 26), True)


def test_future_tense_is_flagged_but_keeps_the_rule():
    m = only("He will be buried Saturday.")
    assert (m.value, m.future) == (date(2015, 1, 17), True)
    assert only("He was buried Saturday.").future is False


@pytest.mark.parametrize("text,expected", [
    ("She is due back in court on Feb. 3.", date(2015, 2, 3)),
    ("The inquest will open on January 30.", date(2015, 1, 30)),
    ("A memorial service is scheduled for Jan. 24 at the chapel.", date(2015, 1, 24)),
])
def test_a_calendar_day_looked_forward_to_is_flagged_and_read_in_the_year_ahead(text, expected):
    m = only(text)
    assert (m.value, m.future) == (expected, True)


@pytest.mark.parametrize(
    "text, published, phrase, expected",
    [
        ("The raid on Jan. 9 killed two.", MONDAY, "Jan. 9", date(2015, 1, 9)),
        ("It happened on Dec. 31.", date(2015, 1, 5), "Dec. 31", date(2014, 12, 31)),  # rollover
        ("It is set for Jan. 6.", date(2015, 1, 5), "Jan. 6", date(2015, 1, 6)),  # a day of slack
        ("It happened Jan. 7.", date(2015, 1, 5), "Jan. 7", date(2015, 1, 7)),  # an updated article
        ("He was arrested on March 2.", date(2015, 2, 20), "March 2", date(2015, 3, 2)),
        ("The flood began Feb. 25.", date(2015, 1, 5), "Feb. 25", date(2014, 2, 25)),  # weeks ahead: last year's
        ("It happened Jan. 3.", date(2014, 12, 20), "Jan. 3", date(2014, 1, 3)),  # news style: this year's
        ("The June 29, 2014 raid.", MONDAY, "June 29, 2014", date(2014, 6, 29)),
        ("The July 29, 2014, shooting left three dead.", MONDAY, "July 29, 2014", date(2014, 7, 29)),
        ("Officers fired on Aug. 9, 2015.", MONDAY, "Aug. 9, 2015", date(2015, 8, 9)),
        ("He was arrested on August 8th.", date(2015, 8, 10), "August 8th", date(2015, 8, 8)),
        ("The Sept. 11, 2001, attacks.", MONDAY, "Sept. 11, 2001", date(2001, 9, 11)),
        ("Filed March 31, 2013 in court.", MONDAY, "March 31, 2013", date(2013, 3, 31)),
        ("Posted Wednesday, April 8, 2015.", MONDAY, "Wednesday, April 8, 2015", date(2015, 4, 8)),
        ("SEPT. 13 — A blast.", date(2015, 9, 14), "SEPT. 13", date(2015, 9, 13)),
        ("Recorded 2015-08-10 at noon.", MONDAY, "2015-08-10", date(2015, 8, 10)),
        ("Recorded 8/9/2015 at noon.", MONDAY, "8/9/2015", date(2015, 8, 9)),
        ("It opened 9 June 2015.", MONDAY, "9 June 2015", date(2015, 6, 9)),
        ("It opened on the 9th of June.", MONDAY, "9th of June", date(2014, 6, 9)),
        ("Since 31 December nobody left.", date(2015, 1, 5), "31 December", date(2014, 12, 31)),
    ],
)
def test_calendar_dates(text, published, phrase, expected):
    m = only(text, published)
    assert (m.phrase, m.value, m.precision, m.relative) == (phrase, expected, "day", False)
    assert text[m.start : m.end] == phrase


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("He died yesterday.", "yesterday", date(2015, 1, 18)),
        ("Shots rang out late last night.", "late last night", date(2015, 1, 18)),
        ("The mayor spoke today.", "today", date(2015, 1, 19)),
        ("Crowds gathered this morning.", "this morning", date(2015, 1, 19)),
        ("The two met the day before yesterday.", "the day before yesterday", date(2015, 1, 17)),
        ("It was stolen two days ago.", "two days ago", date(2015, 1, 17)),
        ("YESTERDAY a bomb went off.", "YESTERDAY", date(2015, 1, 18)),
    ],
)
def test_days_counted_from_publication(text, phrase, expected):
    m = only(text)
    assert (m.phrase, m.value, m.precision, m.relative) == (phrase, expected, "day", True)


@pytest.mark.parametrize(
    "text, phrase, precision",
    [
        ("Arrests began last week.", "last week", "week"),
        ("The attacks earlier this month shocked Paris.", "earlier this month", "month"),
        ("Prices rose last year.", "last year", "year"),
    ],
)
def test_vague_periods_are_mentions_without_a_day(text, phrase, precision):
    m = only(text)
    assert (m.phrase, m.value, m.precision, m.relative) == (phrase, None, precision, True)


@pytest.mark.parametrize(
    "text, published, phrase, expected, precision",
    [
        ("He moved there in May.", MONDAY, "May", date(2014, 5, 1), "month"),
        ("He moved there in January.", MONDAY, "January", date(2015, 1, 1), "month"),
        ("Talks began in June 2014.", MONDAY, "June 2014", date(2014, 6, 1), "month"),
        ("Talks began in mid-June.", MONDAY, "mid-June", date(2014, 6, 1), "month"),
        ("The group formed in 2014.", MONDAY, "2014", date(2014, 1, 1), "year"),
        ("The group formed in early 2013.", MONDAY, "early 2013", date(2013, 1, 1), "year"),
    ],
)
def test_months_and_years(text, published, phrase, expected, precision):
    m = only(text, published)
    assert (m.phrase, m.value, m.precision) == (phrase, expected, precision)


def test_holidays_take_the_latest_year():
    assert mentions("Fireworks on New Year's Eve.", date(2015, 1, 5)) == [("New Year's Eve", date(2014, 12, 31))]
    assert mentions("Quiet on New Year's Day.", date(2015, 1, 5)) == [("New Year's Day", date(2015, 1, 1))]
    assert mentions("Shops shut on New Year's Eve.", date(2015, 12, 31)) == [("New Year's Eve", date(2015, 12, 31))]


def test_without_a_publication_date_only_absolute_dates_resolve():
    found = find_date_mentions("On Monday, yesterday, Jan. 9 and June 29, 2014, last week.", None)
    assert [(m.phrase, m.value) for m in found] == [
        ("Monday", None),
        ("yesterday", None),
        ("Jan. 9", None),  # no year to take
        ("June 29, 2014", date(2014, 6, 29)),
        ("last week", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We need an alliance. We need to share information more.",
        "He may go to Brussels, she said, and may stay.",
        "The shots were fired at 2:45 a.m. in the 700 block of Main Street.",
        "A 33-year-old man and a 19-year-old were held.",
        "March forward, the crowd chanted, as the march went on.",
        "Image 1 of 40",
        "Jan Peters and Theresa May spoke to USA Today.",
        "Survivor Marta Quiroga, 33, told Ilerna Today that the crew had fled.",
        "The 2015 budget, 1,200 officers, 3.5 million euros.",
    ],
)
def test_words_that_are_not_dates(text):
    assert find_date_mentions(text, MONDAY) == []


def test_a_headline_number_does_not_join_the_dateline_below():
    text = "Three arrested as toll reaches 15\nNov. 30, 2024 14:05 GMT\nBy Petra Lind"
    assert mentions(text, date(2024, 11, 30)) == [("Nov. 30, 2024", date(2024, 11, 30))]


def test_several_mentions_in_one_text_in_order():
    text = "On Monday, three days after the Jan. 16 raids in Verviers, ministers met; the attacks earlier this month killed 17."
    assert mentions(text) == [
        ("Monday", date(2015, 1, 19)),
        ("Jan. 16", date(2015, 1, 16)),
        ("earlier this month", None),
    ]


def test_dateparser_is_asked_once_per_phrase_and_day(monkeypatch):
    import dateparser

    calls = []
    real = dateparser.parse
    monkeypatch.setattr(dateparser, "parse", lambda *a, **k: calls.append(a) or real(*a, **k))
    published = date(2011, 3, 21)
    for _ in range(3):
        assert mentions("It began on the 17th of March.", published) == [("17th of March", date(2011, 3, 17))]
    assert len(calls) == 1


def test_long_near_misses_stay_linear():
    text = ("last early on in mid- May may 1 2 3 Jan Jan. " * 4000) + "\n" + (" " * 50_000) + "Monday"
    started = time.perf_counter()
    found = find_date_mentions(text, MONDAY)
    assert time.perf_counter() - started < 5
    assert found[-1].phrase == "Monday"


_FRAGMENTS = st.sampled_from(
    ["Monday", "last ", "early ", "on ", "in ", "mid-", "Jan.", "Jan", "June", "May", "may", " 9", "9th",
     " of ", ", 2014", "2015-08-10", "8/9/2015", "yesterday", "today", "tonight", "last night", "two days",
     " ago", "this ", "week", "month", "year", "New Year's Eve", "Christmas", "USA ", " ", "\n", ".", ",",
     "-", "/", ":", "'s", "Sept. 31", "Feb. 29", "Sunday night", "the day before "]
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=30).map("".join),
    st.one_of(st.none(), st.dates()),
)
def test_any_text_gives_mentions_inside_it(text, published):
    found = find_date_mentions(text, published)
    last_end = 0
    for m in found:
        assert last_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.phrase
        assert m.precision in ("day", "week", "month", "year")
        assert m.value is None or isinstance(m.value, date)
        last_end = m.end


def test_calendar_edges_do_not_raise():
    text = "Next Monday, tomorrow, next month, Dec. 31, two days ago and on New Year's Day."
    for published in (date.min, date.max):
        assert [m.phrase for m in find_date_mentions(text, published)] == [
            "Next Monday", "tomorrow", "next month", "Dec. 31", "two days ago", "New Year's Day",
        ]


def _inferred(undated_text, *dated):
    sources = [source(f"{i}.txt", f"Story\n\nIt happened on {d:%B} {d.day}.", d) for i, d in enumerate(dated)]
    out = infer_publication_dates([*sources, source("wire.txt", undated_text)], RULES)
    return out[-1].published, out[-1].published_how


@pytest.mark.parametrize(
    "head, dated, expected",
    [
        ("Second man held\n\nCORLISS, Ohio, Aug. 12 (NNW) - Police arrested a man.", [date(2024, 8, 11)], date(2024, 8, 12)),
        ("Toll rises\nHALDENBURG, Dec 15 (Reuters) - Six people have died.", [date(2024, 12, 13)], date(2024, 12, 15)),
        ("New Year crash\n\nOSLO, Jan. 2 (Nordic Wire) — Two died.", [date(2024, 12, 31)], date(2025, 1, 2)),
        ("Late story\n\nDENVER, Oct. 3 (AP) - A man was arrested.", [date(2023, 10, 1), date(2023, 10, 2)], date(2023, 10, 3)),
    ],
)
def test_a_wire_dateline_without_a_year_takes_the_year_of_the_story(head, dated, expected):
    assert _inferred(head, *dated) == (expected, "inferred")


@pytest.mark.parametrize(
    "head",
    [
        "Old copy\n\nDENVER, March 3 (AP) - A man was arrested.",  # half a year from the story
        "Feature\n\nThe festival, which began Aug. 12, drew crowds.",  # a date in a sentence, no dateline
    ],
)
def test_a_yearless_date_far_from_the_story_or_outside_a_dateline_dates_nothing(head):
    assert _inferred(head, date(2024, 8, 11)) == (None, "unknown")


# --- a day told right after its event word ------------------------------------------------


@pytest.mark.parametrize("text, day", [
    ("On Sunday, mourners gathered for the six miners who lost their lives on March 1.", "2024-03-01"),
    ("Investigators on Monday began examining the bend where the train derailed Saturday.", "2024-03-02"),
    ("A man who held four people in a shop on Saturday was charged on Sunday with unlawful detention.", "2024-03-03"),
])
def test_a_day_told_before_an_event_word_that_has_its_own_day_does_not_date_it(text, day):
    from engine_helpers import claims

    assert [c.value for c in claims(text, date(2024, 3, 4), "date")] == [day]  # published on a Monday


def test_a_day_after_the_event_words_still_dates_a_later_step_told_by_ellipsis():
    from engine_helpers import claims

    text = "Two men were detained on Saturday in the capital and a third in the port on Monday."
    assert sorted(c.value for c in claims(text, date(2024, 3, 4), "date")) == ["2024-03-02", "2024-03-04"]


@pytest.mark.parametrize("text", [
    "A teenager accused in a shooting at a high school in Corlin on Monday afternoon will be charged as an adult.",
    "The driver who caused the pile-up on the ring road on Sunday night will face manslaughter charges.",
    "Two men held over a stabbing outside the Nettle Bar on Friday are expected to appear in court.",
])
def test_a_day_right_before_a_future_step_dates_what_was_told_before_it(text):
    [day] = claims(text, date(2024, 3, 20), kind="date")
    assert day.subject == "incident"

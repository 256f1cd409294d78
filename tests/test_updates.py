"""Live blogs: a figure in an earlier update is superseded by a later update's."""
from datetime import date

import pytest

from engine_helpers import findings, judged, source
from factcheck.updates import update_marks

DAY = date(2024, 6, 1)

NEWEST_FIRST = """Live: flooding in Ardmore

**UPDATE 9:15 p.m.** — The county now says six people have died in the floods.

**UPDATE 2:40 p.m.** — Officials say two people have died in the floods.
"""
OLDEST_FIRST = """Ardmore floods, as it happened

08:05 - Heavy rain overnight has flooded the valley.

13:20 - Two people have died in the floods, officials say.

19:45 - The county now says six people have died in the floods.
"""
TWELVE_HOUR = """Ardmore floods live

7:10am Roads are closed across the valley.

3:55pm Two people have died in the floods.

10:30pm Six people have died in the floods, the county says.
"""


@pytest.mark.parametrize("blog", [NEWEST_FIRST, OLDEST_FIRST, TWELVE_HOUR])
def test_the_latest_update_is_the_live_blogs_answer(blog):
    found = findings(("a.txt", blog, DAY), ("b.txt", "Six people have died in the Ardmore floods.", DAY))
    [fact] = judged(found, "deaths")
    assert fact.status == "agree" and {c.value for c in fact.claims} == {6}


def test_an_ordinary_article_with_one_time_is_not_a_live_blog():
    text = "Floods\n\n9:15 p.m. is when the river broke its banks, officials said. Two people died."
    assert update_marks(source("a.txt", text)) == []


def test_stamps_read_in_twelve_and_twenty_four_hour_time():
    marks = update_marks(source("a.txt", TWELVE_HOUR))
    assert [m for _, m in marks] == [7 * 60 + 10, 15 * 60 + 55, 22 * 60 + 30]


def test_stamps_after_a_quote_mark_or_an_updated_label_and_a_line_break():
    text = "Ardmore floods live\n\n> 08:05 - Roads are closed.\n\nUpdated:\n13:20 - Two people died.\n\nSome 9:40 - not a stamp.\n"
    assert [m for _, m in update_marks(source("a.txt", text))] == [8 * 60 + 5, 13 * 60 + 20]


@pytest.mark.parametrize("later", [
    "By nightfall 40 had been recaptured, up from about 20 in the afternoon.",
    "Police said 40 inmates had been recaptured by evening, up from 20.",
    "The number recaptured stood at 40 by late Monday, up from about 20 earlier.",
])
def test_a_count_up_from_another_sources_figure_the_same_day_is_a_change(later):
    found = findings(
        ("a.txt", "About 20 had been recaptured by Monday afternoon, officials said.", DAY),
        ("b.txt", later, DAY),
    )
    [fact] = judged(found, "count")
    assert fact.status == "explained"

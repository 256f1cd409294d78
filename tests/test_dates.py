"""Dates as a reader of each article would understand them."""
from __future__ import annotations

from datetime import date

import pytest

from factcheck.dates import find_publication_date


@pytest.mark.parametrize(
    "head, expected",
    [
        ("Paris attack\nDate: 2015-11-23\n\nPolice said ...", (date(2015, 11, 23), "date line")),
        ("By ANDREW HIGGINS and JAMES KANTERJAN. 19, 2015\nBRUSSELS — ...", (date(2015, 1, 19), "dateline")),
        ("Posted: Wednesday, April 8, 2015 4:09 AM EDT\n\nA man ...", (date(2015, 4, 8), "dateline")),
        ("Crash on I-95\nJanuary 1, 2013 7:18 PM\n\nTwo people ...", (date(2013, 1, 1), "dateline")),
        ("MARCH 2, 2024\n\nFire crews ...", (date(2024, 3, 2), "dateline")),
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

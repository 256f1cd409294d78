"""Number phrases become the intervals a careful reader would accept for them."""
import math

import pytest

from factcheck.numbers import ordinal_value, parse_number_phrase


@pytest.mark.parametrize(
    "phrase, value, low, high",
    [
        ("17", 17, 17, 17),
        ("1,200", 1200, 1200, 1200),
        ("twenty-one", 21, 21, 21),
        ("a dozen", 12, 12, 12),
        ("two dozen", 24, 24, 24),
        ("1.2 million", 1_200_000, 1_200_000, 1_200_000),
        ("two hundred and fifty", 250, 250, 250),
        ("more than 20", 20, 20, math.inf),  # outlets round a count down to say "more than"
        ("at least 17", 17, 17, math.inf),
        ("about 150", 150, 135, 165),
        ("nearly 40", 40, 32, 40),
        ("up to 5", 5, 0, 5),
        ("fewer than 10", 10, 0, 9),
        ("dozens", 24, 24, 99),
        ("hundreds", 200, 200, 999),
        ("several thousand", 3000, 3000, 9999),
    ],
)
def test_phrases_read_as_intervals(phrase, value, low, high):
    q = parse_number_phrase(phrase)
    assert (q.value, q.low, q.high) == (value, low, high)


def test_qualified_numbers_overlap_the_exact_number_they_allow():
    assert parse_number_phrase("at least 4").overlaps(parse_number_phrase("5"))
    assert not parse_number_phrase("more than 20").overlaps(parse_number_phrase("17"))


@pytest.mark.parametrize("phrase", ["people", "several people", "the", ""])
def test_words_that_are_not_numbers_give_nothing(phrase):
    assert parse_number_phrase(phrase) is None


def test_ordinals():
    assert ordinal_value("eighth") == 8
    assert ordinal_value("6th") == 6
    assert ordinal_value("last") is None

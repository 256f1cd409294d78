"""Sentence splitting: glued web copy, abbreviations, numbers, line breaks, paragraphs, offsets."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.clean import blank, prepare
from factcheck.model import Source
from factcheck.split import MAX_SENTENCE, split_sentences


def source(text: str, clean: str | None = None, anchors=()) -> Source:
    return Source("a.txt", Path("a.txt"), text, text if clean is None else clean, "", "", anchors=anchors)


def cleaned(text: str) -> Source:
    tidy, anchors = prepare(text)
    return source(text, blank(tidy), anchors)


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(source(text))]


@pytest.mark.parametrize(
    "glued, first, second",
    [
        ("at the end of the meeting.“We need an alliance,” she said.", "at the end of the meeting.", "“We need an alliance,” she said."),
        ("in the town of Verviers.The authorities declined.", "in the town of Verviers.", "The authorities declined."),
        ("in Paris received training.“We need an alliance.", "in Paris received training.", "“We need an alliance."),
        ("request in court.A third man escaped.", "request in court.", "A third man escaped."),
        ("on Sept. 11, 2001.Please verify.", "on Sept. 11, 2001.", "Please verify."),
        ('said the meeting."We need it," she said.', 'said the meeting.', '"We need it," she said.'),
        ("with these partner countries.”The police in Greece", "with these partner countries.”", "The police in Greece"),
        ("Where is he?She did not know.", "Where is he?", "She did not know."),
    ],
)
def test_glued_sentences_are_split(glued, first, second):
    assert sentences(glued) == [first, second]


@pytest.mark.parametrize(
    "whole",
    [
        "Mr. Reynders and Ms. Mogherini met Mrs. Smith and Dr. Jones.",
        "Police in St. Louis said so.",
        "It happened on Jan. 9, Feb. 2, Aug. 3, Sept. 11, Oct. 5, Nov. 6 and Dec. 7.",
        "Gov. Jerry Brown, Sen. Ann Lee, Rep. Tom Price, Lt. Gov. Smith, Sgt. Craig Clopton and Capt. Hook spoke.",
        "The U.S. Army and U.K. Foreign Office agreed.",
        "It began at 9 a.m. Monday and ended at 2 p.m. Tuesday.",
        "He lived at No. 5 Main Street.",
        "Martin Luther King Jr. Memorial Park and John Smith Sr. Elementary reopened.",
        "Acme Inc. Chief Executive Joe Lee and Smith & Co. Partners declined.",
        "John F. Kennedy flew to Washington, D.C. Officials met him.",
        "The E.U. Urges Cooperation headline ran.",
        "It cost 1.2 million euros, or $5.5 billion, up 3.14 percent.",
        "\"We will discuss how to increase the level of cooperation... we need an alliance,\" she said.",
        "\"Why?\" he asked.",
        "By ANDREW HIGGINS and JAMES KANTERJAN. 19, 2015",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(whole):
    assert sentences(whole) == [whole]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He moved to the U.S. The police said so.", ["He moved to the U.S.", "The police said so."]),
        ("It began at 9 a.m. The police arrived.", ["It began at 9 a.m.", "The police arrived."]),
        ("He founded Acme Inc. The firm grew.", ["He founded Acme Inc.", "The firm grew."]),
        ("We waited... Then they came.", ["We waited...", "Then they came."]),
        ("It was 2014. 20 people died.", ["It was 2014.", "20 people died."]),
    ],
)
def test_abbreviations_that_can_end_a_sentence_do_before_a_sentence_start(text, expected):
    assert sentences(text) == expected


def test_a_line_break_ends_a_sentence_and_a_paragraph():
    out = split_sentences(source("Gunman kills 3 in Paris\nImage 2 of 40\nThe police said. Two died.\n\n\nA third line."))
    assert [(s.text, s.paragraph) for s in out] == [
        ("Gunman kills 3 in Paris", 0),
        ("Image 2 of 40", 1),
        ("The police said.", 2),
        ("Two died.", 2),
        ("A third line.", 3),
    ]


def test_hard_wrapped_lines_are_one_sentence():
    text = "Headline in sentence case\npolice said the gunman killed\n20 people and wounded\nmore than 30 others.\nNext one."
    out = split_sentences(source(text))
    assert [(s.text, s.paragraph) for s in out] == [
        ("Headline in sentence case", 0),
        ("police said the gunman killed\n20 people and wounded\nmore than 30 others.", 1),
        ("Next one.", 2),
    ]


def test_the_title_line_is_its_own_paragraph_even_when_the_next_line_runs_on():
    out = split_sentences(source("\n\n  Title words\nlower case line."))
    assert [(s.text, s.paragraph) for s in out] == [("Title words", 0), ("lower case line.", 1)]


def test_offsets_point_into_the_article_as_written():
    text = "Title\r\nHe said donâ€™t.\tâ€œWe needâ€\x9d 20 people.AdvertisementMany left."
    src = cleaned(text)
    out = split_sentences(src)
    assert [s.text for s in out] == ["Title", "He said don’t.", "“We need” 20 people.", "Many left."]
    assert [text[s.start : s.end] for s in out] == ["Title", "He said donâ€™t.", "â€œWe needâ€\x9d 20 people.", "Many left."]
    for s in out:
        assert src.clean[s.clean_start : s.clean_start + len(s.text)] == s.text


def test_a_page_without_a_full_stop_is_cut_into_bounded_pieces():
    text = "word " * 2000
    out = split_sentences(source(text))
    assert len(out) > 1 and max(len(s.text) for s in out) <= MAX_SENTENCE
    assert " ".join(s.text for s in out) == text.strip()


def test_splitting_is_fast():
    seeds = sorted(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt"))
    article = "\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n"
    text = article * (2_000_000 // len(article))
    src = source(text)
    began = time.perf_counter()
    out = split_sentences(src)
    rate = len(text) / (time.perf_counter() - began) / 1e6
    assert len(out) > 10_000
    assert rate > 1.0, f"{rate:.1f} MB/s"


# --- properties ----------------------------------------------------------------------------

def pieces(*items: str, size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(items), max_size=size).map("".join)


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
PUNCTUATED = pieces(*"ab AB.?!…\n\r\t\"“”’'()19", "...", ".\n", "\n\n", " a", "Mr.", "Sgt.", "U.S.", "p.m.", size=300)
MOJIBAKE = pieces(*"aA .\n\r\u00a0\u200b\x00\x1b\x85&;#[", "â€™", "Ã©", "Ã ", "&amp;", "ﬁ", "e\u0301", "Advertisement", "Image 1 of 2 ", "大", size=200)


@settings(max_examples=500, deadline=None)
@given(st.one_of(ANY_TEXT, PUNCTUATED))
def test_sentences_lie_within_the_text_in_order(text):
    out = split_sentences(source(text))
    previous_end = 0
    for s in out:
        assert previous_end <= s.start < s.end <= len(text)
        assert s.text == text[s.start : s.end] == s.text.strip()
        assert s.clean_start == s.start
        previous_end = s.end
    assert [s.paragraph for s in out] == sorted(s.paragraph for s in out)


@settings(max_examples=500, deadline=None)
@given(st.one_of(ANY_TEXT, MOJIBAKE))
def test_cleaned_text_splits_into_sentences_that_map_back_in_order(text):
    src = cleaned(text)
    assert len(src.clean) == len(prepare(text)[0])
    out = split_sentences(src)
    previous_end = 0
    for s in out:
        assert previous_end <= s.start <= s.end <= len(text)
        assert src.clean[s.clean_start : s.clean_start + len(s.text)] == s.text
        previous_end = s.end

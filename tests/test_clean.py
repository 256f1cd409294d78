"""Cleaning: mojibake repaired, invisible characters and boilerplate blanked, offsets exact."""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from factcheck.clean import blank, boilerplate, prepare
from factcheck.model import Source

ENTRIES = boilerplate().entries


def cleaned(text: str) -> Source:
    tidy, anchors = prepare(text)
    return Source("a.txt", Path("a.txt"), text, blank(tidy), "", "", anchors=anchors)


def in_text(source: Source, start: int, end: int) -> str:
    """What a report quotes for a span of `clean`: the article as written."""
    return source.text[source.original_offset(start) : source.original_offset(end)]


# --- boilerplate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, rest",
    [(ex["line"], ex["rest"]) for e in ENTRIES for ex in e.get("blank", [])],
)
def test_boilerplate_examples_are_blanked(line, rest):
    out = blank(line)
    assert len(out) == len(line)
    assert " ".join(out.split()) == rest


@pytest.mark.parametrize("line", [ex for e in ENTRIES for ex in e.get("keep", [])])
def test_article_text_like_boilerplate_is_kept(line):
    assert blank(line) == line


def test_every_pattern_has_an_id_a_reason_and_an_example():
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids))
    for entry in ENTRIES:
        assert entry["why"].strip(), entry["id"]
        assert entry.get("blank"), f"{entry['id']} has no example"


def test_blanking_keeps_length_and_line_breaks():
    text = "Headline\nAdvertisement\nThe police said.AdvertisementMany left.\r\nShare this\n\nComments\n"
    out = blank(prepare(text)[0])
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert "Advertisement" not in out and "Share" not in out and "Comments" not in out
    assert "The police said." in out and "Many left." in out


def test_glued_boilerplate_is_blanked_only_at_a_sentence_boundary():
    assert blank("extremism.AdvertisementMany Muslims") == "extremism.             Many Muslims"
    assert blank("the NoAdvertisementMany rule") == "the NoAdvertisementMany rule"
    assert blank("extremism. Advertisement Many Muslims") == "extremism. Advertisement Many Muslims"


def test_front_matter_spans_are_blanked_with_the_boilerplate():
    text = "---\ntitle: X\n---\nBody."
    assert blank(text, [(0, 17)]) == "   \n        \n   \nBody."


# --- repair --------------------------------------------------------------------------------


def test_classic_mojibake_is_repaired_in_clean_not_in_text():
    source = cleaned("Officials said they donâ€™t know. â€œWe needâ€\x9d more.")
    assert source.clean == "Officials said they don’t know. “We need” more."
    assert "donâ€™t" in source.text


def test_offsets_of_unchanged_characters_map_back_exactly():
    text = "He said donâ€™t go. Caf\u00e9 &amp; naÃ¯ve â€” ﬁne e\u0301 BelgiumÃ¢â‚¬â„¢s 20 people.\nNext line â€œokâ€\x9d."
    source = cleaned(text)
    assert source.anchors
    clean = source.clean
    for i, ch in enumerate(clean):
        if ch.isascii() and ch not in "fi&":  # ftfy writes "fi" for "ﬁ" and "&" for "&amp;"
            assert text[source.original_offset(i)] == ch, (i, ch)
    offsets = [source.original_offset(i) for i in range(len(clean) + 1)]
    assert offsets == sorted(offsets)
    assert offsets[-1] == len(text)


def test_a_repaired_word_is_quoted_from_the_article_as_written():
    source = cleaned("The suspect donâ€™t said Belgiumâ€™s police.")
    start = source.clean.index("don’t")
    assert in_text(source, start, start + len("don’t")) == "donâ€™t"
    start = source.clean.index("police")
    assert in_text(source, start, start + len("police")) == "police"


def test_repairs_on_many_lines_keep_later_offsets_exact():
    text = "".join(f"Line {i} donâ€™t &amp; stop.\n" for i in range(200)) + "Final 17 killed."
    source = cleaned(text)
    start = source.clean.index("17 killed")
    assert in_text(source, start, start + 9) == "17 killed"


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_long_runs_without_spaces_are_repaired(wrong):
    mojibake = "大阪".encode("utf-8").decode(wrong, errors="replace")
    source = cleaned("Osaka: " + mojibake * 300 + " end")
    assert source.clean == "Osaka: " + "大阪" * 300 + " end"
    start = source.clean.index("end")
    assert in_text(source, start, start + 3) == "end"


def test_text_without_anything_to_repair_is_left_as_is():
    text = "Plain text with “curly quotes” — dashes, café, naïve and 日本語."
    source = cleaned(text)
    assert source.clean == text and source.anchors == ()


# --- characters that are blank to a reader -------------------------------------------------


def test_invisible_characters_become_spaces_keeping_length():
    text = "20\u00a0people\u200bkilled\u202ein\u2066Paris\ufeff.\tTab stays."
    source = cleaned(text)
    assert source.clean == "20 people killed in Paris .\tTab stays."


def test_line_ends_are_kept_where_the_reader_sees_them():
    source = cleaned("One.\r\nTwo.\rThree.\u2028Four.\x0cFive.")
    assert source.clean == "One. \nTwo.\nThree.\nFour.\nFive."


def test_every_control_format_and_space_character_is_blanked():
    invisible = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zs", "Zl", "Zp")
        and chr(c) not in "\n\t "
        and not 0x80 <= c <= 0x9F  # C1 controls are cp1252 bytes: ftfy repairs them
        and c != 0xAD  # a soft hyphen is removed, joining the word
    ]
    text = "a".join(invisible)
    assert prepare(text)[0] == "a".join(" \n"[ch in "\u2028\u2029\x0b\x0c\r"] for ch in invisible)


def test_an_invisible_character_past_the_basic_plane_is_blanked_in_otherwise_plain_text():
    assert prepare("Flag\U000e0067\U000e0062 of \U0001f1eb\U0001f1f7, ‘20 dead’.")[0] == "Flag   of \U0001f1eb\U0001f1f7, ‘20 dead’."

"""Loading a story folder: one source per article, titles, dates, outlets, decoding, errors."""
from __future__ import annotations

import codecs
import hashlib
from datetime import date
from pathlib import Path

import pytest

from factcheck.load import ARTICLE_SUFFIXES, StoryError, load_story
from factcheck.split import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def only(folder: Path):
    [source] = load_story(folder).sources
    return source


# --- the seeds: real web copy --------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    return {s.name[:3]: s for s in load_story(SEEDS).sources}


def test_every_seed_is_a_source_named_by_its_file(seeds):
    assert [s.name for s in load_story(SEEDS).sources] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for s in seeds.values():
        assert s.digest == hashlib.sha256(s.path.read_bytes()).hexdigest()
        assert s.encoding == "utf-8" and len(s.clean) == len(s.text)


def test_seed_titles(seeds):
    assert seeds["001"].title == "EU calls for anti-terror alliance with Arab countries after deadly attacks, raids in Europe"
    assert seeds["000"].title.startswith("The European Union (EU) has called for a broad counter terrorism alliance")
    # 002 opens with its byline and runs its body on one line; the print note names the headline
    assert seeds["002"].title == "E.U. Urges Cooperation to Combat Terrorism"


def test_the_glued_byline_dateline_is_the_publication_date(seeds):
    assert (seeds["002"].published, seeds["002"].published_how) == (date(2015, 1, 19), "dateline")
    assert (seeds["000"].published, seeds["000"].published_how) == (None, "unknown")


def test_glued_advertisements_and_prompts_are_blanked_in_clean_only(seeds):
    s = seeds["002"]
    assert s.text.count("Advertisement") == 3 and "Advertisement" not in s.clean
    assert "extremism.             Many Muslims" in s.clean
    for prompt in ("not a robot", "Invalid email", "View all New York Times newsletters", "Order Reprints", "interested in your feedback"):
        assert prompt in s.text and prompt not in s.clean
    assert "Also Read" in seeds["000"].text and "Also Read" not in seeds["000"].clean


def test_glued_seed_sentences_are_split(seeds):
    texts = [x.text for x in split_sentences(seeds["002"])]
    assert "in the town of Verviers, near the German border." in texts[8]
    assert texts[9].startswith("The authorities have declined to name the dead men")
    assert any(t.startswith("A third man who escaped from the house without injury") for t in texts)
    assert any(t.startswith("Many Muslims living in Belgium") for t in texts)
    assert any(t.startswith("“We need an alliance, a dialogue") for t in texts)
    assert all("Advertisement" not in t for t in texts)


# --- metadata ------------------------------------------------------------------------------


def test_front_matter_gives_title_outlet_date_and_url(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: \"Gunman kills 3\"\noutlet: Example News\npublished: 2016-07-31\nurl: https://www.example.com/x\n---\n\n# Other heading\n\nThree people died.\n")
    s = only(tmp_path)
    assert (s.title, s.outlet, s.published, s.published_how, s.url) == ("Gunman kills 3", "Example News", date(2016, 7, 31), "front matter", "https://www.example.com/x")
    assert "published" not in s.clean and "title" not in s.clean  # not article text
    assert len(s.clean) == len(s.text)


def test_front_matter_dates_in_words_and_outlet_from_the_url(tmp_path):
    write(tmp_path, "a.md", "---\npublished: July 31, 2016 10:00 AM\nurl: https://www.kvue.com/story\n---\nHeadline\n")
    s = only(tmp_path)
    assert (s.published, s.published_how, s.outlet) == (date(2016, 7, 31), "front matter", "kvue.com")


def test_an_unreadable_front_matter_date_is_reported_and_the_text_is_read_instead(tmp_path):
    write(tmp_path, "a.md", "---\npublished: sometime soon\n---\nHeadline\nPosted: Wednesday, April 8, 2015 4:09 AM EDT\n")
    loaded = load_story(tmp_path)
    [s] = loaded.sources
    assert (s.published, s.published_how, s.title) == (date(2015, 4, 8), "dateline", "Headline")
    assert [p.path for p in loaded.problems] == ["a.md"] and "sometime soon" in loaded.problems[0].message


@pytest.mark.parametrize("title_line,headline", [
    ('title: "Warehouse fire kills 4, injures 12"', "Warehouse fire kills 4, injures 12"),
    ("title: Warehouse fire kills 4, injures 12", "Warehouse fire kills 4, injures 12"),
    ("headline: 'Four dead, 12 hurt in warehouse fire'", "Four dead, 12 hurt in warehouse fire"),
])
def test_a_front_matter_title_is_checked_like_a_headline(tmp_path, title_line, headline):
    from factcheck.check import check_story

    write(tmp_path, "a.md", f"---\noutlet: Valley News\n{title_line}\npublished: 2024-05-02\n---\n\nCrews worked through the night.\n")
    write(tmp_path, "b.txt", "Warehouse fire\n\nFour people died and 12 were injured in the fire on Wednesday.\n")
    report = check_story(tmp_path)
    injuries = [f for f in report.findings if f.kind == "injuries"]
    assert [f.status for f in injuries] == ["agree"]
    [from_title] = [c for c in injuries[0].claims if c.source == "a.md"]
    assert from_title.sentence.in_lead and from_title.sentence.text == headline
    assert (tmp_path / "a.md").read_text()[from_title.start : from_title.end] == from_title.words


def test_a_markdown_rule_at_the_top_is_not_front_matter(tmp_path):
    write(tmp_path, "a.md", "---\nThe police said three people died.\n---\n")
    s = only(tmp_path)
    assert s.title == "---" and "three people died" in s.clean


def test_a_date_line_is_the_publication_date_and_not_article_text(tmp_path):
    write(tmp_path, "01_nbcnews.com.txt", "Nine Injured in Shooting\nDate: 2014-06-29\n\nNine people were injured.\n")
    s = only(tmp_path)
    assert (s.title, s.published, s.published_how, s.outlet) == ("Nine Injured in Shooting", date(2014, 6, 29), "date line", "nbcnews.com")
    assert "2014-06-29" not in s.clean


@pytest.mark.parametrize(
    "head, expected",
    [
        ("Posted: Wednesday, April 8, 2015 4:09 AM EDT\n\nA man was shot.", date(2015, 4, 8)),
        ("Crash on I-95\nJanuary 1, 2013 7:18 PM\n\nTwo people died.", date(2013, 1, 1)),
        ("Headline\nPolice said the July 29, 2014, shooting left three dead.", None),
    ],
)
def test_datelines_near_the_top(tmp_path, head, expected):
    write(tmp_path, "a.txt", head)
    s = only(tmp_path)
    assert s.published == expected
    assert s.published_how == ("dateline" if expected else "unknown")


@pytest.mark.parametrize(
    "name, outlet",
    [("01_nbcnews.com.txt", "nbcnews.com"), ("www.bbc.co.uk.md", "bbc.co.uk"), ("03_losangeles.cbslocal.com.txt", "losangeles.cbslocal.com"), ("000_0d4f42a500fad8d8.txt", None), ("notes.txt", None)],
)
def test_outlet_from_a_file_named_after_the_site(tmp_path, name, outlet):
    write(tmp_path, name, "Headline\nText.")
    assert only(tmp_path).outlet == outlet


def test_title_skips_a_byline_and_markdown_marks(tmp_path):
    write(tmp_path, "a.md", "\n\nBy JANE DOE and JOHN ROE\n# Three killed in Ocala\nText.")
    assert only(tmp_path).title == "Three killed in Ocala"


def test_a_body_on_one_line_gives_a_shortened_title(tmp_path):
    write(tmp_path, "a.txt", "word " * 500)
    title = only(tmp_path).title
    assert len(title) <= 202 and title.endswith("…") and title.startswith("word word")


# --- decoding ------------------------------------------------------------------------------

ARTICLE = "Gunman’s “rampage” killed 3 in Zürich — police.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_decoded(tmp_path, data, encoding):
    write(tmp_path, "a.txt", data)
    s = only(tmp_path)
    assert (s.text, s.clean, s.encoding) == (ARTICLE, ARTICLE, encoding)
    assert s.title == ARTICLE.strip()


def test_latin1_is_the_last_resort(tmp_path):
    write(tmp_path, "a.txt", b"Z\xfcrich police: 3 dead\x81.\n")  # 0x81 is not cp1252
    s = only(tmp_path)
    assert s.encoding == "latin-1" and s.text.startswith("Zürich police: 3 dead")


@pytest.mark.parametrize(
    "quoted, encoding",
    [("“We need” 20 people.", "latin-1"), ("‘We need’ 20 people.", "cp1252")],  # ” is E2 80 9D: 9D is not cp1252
)
def test_invalid_utf8_is_decoded_and_its_mojibake_repaired_in_clean(tmp_path, quoted, encoding):
    data = f"He said they don’t know. {quoted}".encode("utf-8") + b" Caf\xe9.\n"
    write(tmp_path, "a.txt", data)
    s = only(tmp_path)
    assert (s.encoding, s.text) == (encoding, data.decode(encoding))
    assert "donâ" in s.text
    assert s.clean == f"He said they don’t know. {quoted} Café.\n"
    for i, ch in enumerate(s.clean):
        if ch.isascii():
            assert s.text[s.original_offset(i)] == ch
    sentence = split_sentences(s)[1]
    assert sentence.text == quoted
    assert s.text[sentence.start : sentence.end] == quoted.encode("utf-8").decode(encoding)


UTF8_STORY = "Ana Ortíz, 34, told reporters the fire started at dawn. " * 6 + "Ortíz said 12 were hurt.\n"


def test_utf8_with_a_few_bad_bytes_stays_utf8_with_them_replaced_and_a_warning(tmp_path):
    data = UTF8_STORY.encode("utf-8").replace(b"dawn. ", b"dawn\x97 ", 1)  # one cp1252 dash in UTF-8 text
    write(tmp_path, "a.txt", data)
    loaded = load_story(tmp_path)
    [s] = loaded.sources
    assert s.encoding == "utf-8"
    assert s.text == data.decode("utf-8", "replace") and "Ortíz" in s.text and "OrtÃ" not in s.clean
    assert [str(p) for p in loaded.problems] == ["a.txt: invalid UTF-8: 1 bad byte replaced with \ufffd"]


def test_utf8_with_many_bad_bytes_or_no_multibyte_sequence_stays_a_single_byte_encoding(tmp_path):
    write(tmp_path, "a.txt", "Police in Montr".encode() + b"\xe9al said 3 people were hurt.\n")  # no multi-byte sequence
    write(tmp_path, "b.txt", "Ortíz said ".encode("utf-8") + b"caf\xe9 owners were safe.\n")  # 1 bad byte in 34
    loaded = load_story(tmp_path)
    assert [s.encoding for s in loaded.sources] == ["cp1252", "cp1252"]
    assert loaded.sources[0].text.startswith("Police in Montréal")
    assert loaded.problems == []


def test_an_article_with_a_few_terminal_colour_codes_is_text_not_binary(tmp_path):
    write(tmp_path, "a.txt", "\x1b[1mFire\x1b[0m\n\x1b[31mBREAKING\x1b[0m: 20 were killed.\n")
    assert "20 were killed" in only(tmp_path).text


# --- folders -------------------------------------------------------------------------------


def test_only_txt_and_md_files_directly_in_the_folder_sorted_by_name(tmp_path):
    write(tmp_path, "b.md", "B\n")
    write(tmp_path, "a.TXT", "A\n")
    write(tmp_path, "c.html", "C\n")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "d.txt", "D\n")
    assert [s.name for s in load_story(tmp_path).sources] == ["a.TXT", "b.md"]
    assert ARTICLE_SUFFIXES == {".txt", ".md"}


def test_a_missing_folder_is_a_story_error(tmp_path):
    with pytest.raises(StoryError, match="no such folder"):
        load_story(tmp_path / "nope")
    write(tmp_path, "a.txt", "A\n")
    with pytest.raises(StoryError, match="not a folder"):
        load_story(tmp_path / "a.txt")


def test_a_folder_without_articles_is_a_story_error(tmp_path):
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    with pytest.raises(StoryError, match=r"no articles \(\.txt, \.md or \.html files, or JSON feeds\)"):
        load_story(tmp_path)


def test_a_folder_without_a_readable_article_names_the_reasons(tmp_path):
    write(tmp_path, "a.txt", "")
    write(tmp_path, "b.txt", b"\x00\x01")
    with pytest.raises(StoryError) as raised:
        load_story(tmp_path)
    assert str(raised.value) == f"{tmp_path}: no readable article (a.txt: empty file; b.txt: binary file (NUL bytes))"
    assert [p.path for p in raised.value.problems] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_skipped(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes("Headline\nNine people were injured in the shooting on Sunday.\n".encode(encoding))
    [source] = load_story(tmp_path).sources
    assert source.encoding == encoding
    assert "Nine people were injured" in source.text


def test_nul_bytes_that_are_not_utf16_still_mark_a_binary_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (tmp_path / "b.txt").write_text("Headline\nText.\n")
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["b.txt"]
    assert "binary" in loaded.problems[0].message


def test_recursive_story_folders_leave_out_hidden_folders(tmp_path):
    from factcheck.check import story_folders

    for folder in ("paris", "paris/.git", ".venv/lib", "brussels/day2"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "a.txt").write_text("Headline\nText.\n")
    found = [f.relative_to(tmp_path).as_posix() for f in story_folders(tmp_path, recursive=True)]
    assert found == ["brussels/day2", "paris"]


def test_lines_and_columns_count_crlf_lf_and_a_lone_cr_as_one_line_end_each():
    from factcheck.model import Source

    text = "Title\r\nOne 20.\rTwo 30.\nThree\r\n\r\n40 dead"
    source = Source("a.txt", Path("a.txt"), text, text, "Title", "")
    places = {word: source.line_col(text.index(word)) for word in ("Title", "20", "30", "Three", "40")}
    assert places == {"Title": (1, 1), "20": (2, 5), "30": (3, 5), "Three": (4, 1), "40": (6, 1)}
    assert source.line_col(text.index("\n")) == (2, 1)  # between a CR and its LF
    assert source.line_col(len(text) + 5) == (6, 13)

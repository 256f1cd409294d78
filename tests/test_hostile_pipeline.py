"""Arbitrary and hostile text through extraction and the whole check: nothing raises,
everything ends, offsets stay inside the article, and every report format stays valid."""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine_helpers import claims
from factcheck.check import check_story
from factcheck.load import StoryError
from factcheck.output import render

# Text made of the words the rules look for, so that the patterns are really exercised.
WORDS = st.sampled_from(
    "killed dead died injured wounded arrested missing people two three 20 more than at least about "
    "including the gunman and then himself , . Smith John 33-year-old aged Monday Jan. 9 2015 no one was "
    "were have been of in Paris dozens several 1,200 1.2 million ٣ \n \t [bold] \x1b[31m \u202e".split(" ")
)
ARTICLE = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))


@settings(max_examples=500, deadline=None)
@given(ARTICLE)
def test_extraction_never_raises_and_points_inside_the_text(text):
    for claim in claims(text):
        assert 0 <= claim.start <= claim.end <= len(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE, ARTICLE)
def test_the_whole_check_of_any_two_articles_renders_valid_reports(first, second):
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a.txt").write_text("Headline\n" + first, encoding="utf-8", errors="surrogatepass")
        Path(folder, "b.txt").write_text("Headline\n" + second, encoding="utf-8", errors="surrogatepass")
        try:
            report = check_story(Path(folder))
        except StoryError:
            return  # nothing readable: the CLI reports it in one line and exits 2
        data = json.loads(render([report], "json"))
        assert {f["status"] for f in data["findings"]} <= {"agree", "explained", "conflict", "uncertain", "unclear", "single"}
        text = render([report], "full", color=False)
        assert "\x1b" not in text


@pytest.mark.parametrize(
    "text",
    [
        "killed " * 5000,
        "1 " * 20000 + "killed",
        "Smith, 2, " * 3000,
        "people " * 20000 + "were killed",
        "more than " * 5000 + "20 people died",
        "A" * 200_000,
        "1," * 50_000,
    ],
)
def test_worst_inputs_we_could_build_finish_quickly(text):
    start = time.process_time()
    claims(text)
    assert time.process_time() - start < 20  # loose: the bench measures it precisely


@pytest.mark.parametrize(
    "text, value",
    [
        ("The blast killed " + "1" + "0" * 400 + " people.", None),
        ("1,000,000 people were evacuated.", 1_000_000),
        ("Officials said 1.000.000 people were evacuated.", None),
        ("1,2,3,4,5 people were injured.", None),
    ],
)
def test_odd_numbers_are_read_or_left_alone_never_garbled(text, value):
    found = [c.value for c in claims(text) if c.kind in ("deaths", "injuries") or c.rule == "FC205"]
    assert found == ([] if value is None else [value])


def test_a_json_report_stays_valid_for_text_full_of_markup_and_escapes(tmp_path):
    hostile = "Police [bold red]said[/] 3 people were killed \x1b]8;;http://x\x07here\u202e.\n"
    (tmp_path / "a.txt").write_text("Headline\n" + hostile, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Headline\nPolice said 4 people were killed.\n", encoding="utf-8")
    report = check_story(tmp_path)
    data = json.loads(render([report], "json"))
    assert [sorted(c["value"] for c in f["claims"]) for f in data["findings"] if f["kind"] == "deaths"] == [[3, 4]]
    shown = render([report], "full", color=True)
    assert "[bold red]" in shown and "\x1b]8;;" not in shown and "\u202e" not in shown

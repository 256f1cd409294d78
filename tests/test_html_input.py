"""Saved web pages: the article is taken out of navigation, cookie banners and related
stories, its metadata gives title, outlet and publication time, and claims point at the
page's line where their paragraph begins."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import check_story
from factcheck.cli import app
from factcheck.load import load_story

INPUTS = Path(__file__).parent / "inputs"
PAGES = INPUTS / "ferry-pages"

needs_trafilatura = pytest.mark.skipif(
    __import__("importlib").util.find_spec("trafilatura") is None, reason="web pages need the html extra (trafilatura)"
)


def check(*args):
    return CliRunner().invoke(app, ["check", "--no-cache", "-j", "1", *map(str, args)])


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@needs_trafilatura
def test_only_the_article_is_read_not_the_banner_navigation_or_related_stories():
    report = check_story(PAGES)
    for source in report.sources:
        assert "cookies" not in source.text and "Related stories" not in source.text and "Obituaries" not in source.text
    values = {c.value for f in report.findings for c in f.claims}
    assert not values & {214, 30, 7}  # the banner's partners, the related stories' tolls
    assert {"deaths", "injuries"} <= {f.kind for f in report.findings}


@needs_trafilatura
def test_title_outlet_url_and_time_come_from_the_page_metadata():
    gazette = load_story(PAGES).sources[0]
    assert (gazette.title, gazette.outlet, gazette.url) == (
        "Four dead in ferry fire off Casco Point", "Harbor Gazette", "https://harborgazette.example/news/harbor-gazette")
    assert (gazette.published.isoformat(), gazette.published_at.isoformat()) == ("2025-06-02", "2025-06-02T07:40:00-04:00")
    assert (gazette.published_how, gazette.input_format) == ("page", "html")


@needs_trafilatura
def test_article_published_time_is_read_from_a_meta_tag(here):
    (here / "story").mkdir()
    (here / "story" / "page.htm").write_text(
        '<html><head><meta property="article:published_time" content="2025-06-01T23:50:00+02:00">'
        '<meta property="og:site_name" content="Nordkyst Avis"></head><body><nav><a href="/">Forside</a></nav><article>'
        "<h1>Storm on the coast</h1><p>High winds tore roofs from houses along the coast road late on Sunday, "
        "and two people were injured by falling debris, the police said.</p><p>Ferries between the islands stayed in port "
        "through the night while crews cleared the roads.</p></article></body></html>"
    )
    (page,) = load_story(here / "story").sources
    assert (page.outlet, page.published.isoformat(), page.published_at.isoformat()) == ("Nordkyst Avis", "2025-06-01", "2025-06-01T23:50:00+02:00")


@needs_trafilatura
def test_claims_point_at_the_page_line_where_their_paragraph_begins(here):
    result = check(PAGES, "--format", "json", "--verbose")
    data = json.loads(result.stdout)
    lines = (PAGES / "01_harbor-gazette.html").read_text().splitlines()
    injuries = next(f for f in data["findings"] if f["kind"] == "injuries")
    claim = next(c for c in injuries["claims"] if c["source"] == "01_harbor-gazette.html")
    assert lines[claim["line"] - 1][claim["column"] - 1:].startswith("A fire swept through the passenger ferry")
    assert claim["text"] == "injuring 12 others"  # the offsets are into the extracted text
    assert [s["input_format"] for s in data["sources"]] == ["html"] * 3


@needs_trafilatura
def test_the_terminal_report_says_the_text_was_extracted_from_html(here):
    result = check(PAGES, "--verbose")
    assert result.stdout.count("extracted from HTML") == 3
    assert "07:40 -0400" in result.stdout


@needs_trafilatura
def test_a_page_that_is_not_an_article_is_one_warning_and_the_rest_is_checked(here):
    story = here / "story"
    shutil.copytree(PAGES, story)
    (story / "index.html").write_text('<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>')
    result = check("story")
    assert "warning: story/index.html: not an article: no paragraph of running text in the page\n" in result.stderr
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_without_trafilatura_one_line_says_how_to_install_it(here, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if it were not installed
    story = here / "story"
    shutil.copytree(PAGES, story)
    shutil.copy(INPUTS / "ferry-text" / "01_harbor-gazette.txt", story)
    result = check("story")
    assert result.stderr == "warning: story/01_harbor-gazette.html: skipped (3 pages): reading web pages needs trafilatura: pip install 'factcheck[html]'\n"
    shutil.rmtree(story)
    shutil.copytree(PAGES, story)
    result = check("story")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: story: ") and "pip install 'factcheck[html]'" in result.stderr

"""The HTML report as written: one self-contained page, article text escaped, findings in the
order an editor reads them, every source's full text with the claims marked, timelines."""
from __future__ import annotations

import base64
import hashlib
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck import check_story
from factcheck.cli import app
from factcheck.model import INFINITY, Quantity
from factcheck.output import render
from factcheck.report import Outcome
from html_helpers import STORIES, article_marks, finding_link, parse_html

ROOT = Path(__file__).resolve().parent.parent
A = "Flood in Valdora\nThe flood killed 20 people, officials said.\n"
B = "Valdora flood\nRescuers said 17 people died.\n"
CONFLICT = ("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)],
            {"key": "deaths:valdora", "label": "deaths at Valdora", "reason": "a.txt says 20 and b.txt says 17"})


@pytest.fixture(scope="module")
def seeds_page():
    return render([check_story(ROOT / "seeds")], "html")


@pytest.fixture(scope="module")
def hostile_page():
    return render([check_story(STORIES / "hostile-paris")], "html")


def csp_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_one_page_that_fetches_nothing_and_runs_only_its_own_script(seeds_page):
    page = parse_html(seeds_page)
    [style], [script] = page.find_all("style"), page.find_all("script")
    assert not page.find_all("link") and not page.find_all("img") and not page.find_all("iframe")
    assert not [e for e in page.iter() if "src" in e.attrs]
    assert all(a.attrs["href"].startswith("#") for a in page.find_all("a"))
    policy = page.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == csp_source(script.text)
    assert directives["style-src"] == csp_source(style.text)


def test_the_paris_finding_shows_its_arithmetic_and_both_claims_in_their_articles(seeds_page):
    page = parse_html(seeds_page)
    link = finding_link(page, "deaths at Paris")
    assert link.find("span", "badge").text == "explained"
    assert "20 − 3 = 17" in link.parent.find("p", "reason").text
    detail = page.find("article", id=link.attrs["href"][1:])
    assert "20 includes 3 attackers (gunmen): 20 − 3 = 17" in detail.find("p", "reason").text
    claims = detail.attrs["data-claims"].split()
    marks = [m for m in article_marks(page) if set(m.attrs["data-c"].split()) & set(claims)]
    assert sorted(m.text for m in marks) == ["killed 17 people", "killed 20 people"]
    columns = {m.ancestor("div").parent.find("p", "outlet").text for m in marks}
    assert columns == {"000_0d4f42a500fad8d8.txt", "002_dbfe1eaa353e252a.txt"}
    assert {a.attrs["href"][1:] for a in detail.find_all("a", "to-claim")} == {m.attrs["id"] for m in marks}


def test_every_source_is_a_column_with_its_full_text_and_how_its_date_was_known(seeds_page):
    page = parse_html(seeds_page)
    columns = page.find_all("div", "source")
    assert len(columns) == 3
    for column, path in zip(columns, sorted((ROOT / "seeds").glob("*.txt"))):
        assert column.find("div", "article").text == path.read_text("utf-8").replace("\r\n", "\n")
        assert column.find("p", "outlet").text == path.name
    assert "published 2015-01-19 (from its dateline)" in columns[2].find("p", "published").text
    kinds = {c for m in article_marks(page) for c in m.classes if c.startswith("k-")}
    assert {"k-deaths", "k-date", "k-count"} <= kinds


def test_hostile_articles_stay_text(hostile_page):
    page = parse_html(hostile_page)
    assert len(page.find_all("script")) == 1 and len(page.find_all("style")) == 1
    assert not page.find_all("img") and not page.find_all("iframe") and len(page.find_all("meta")) == 4
    assert not [(e.tag, a) for e in page.iter() for a in e.attrs if a.startswith("on")]
    assert not [e for e in page.iter() if e.attrs.get("href", "").lower().startswith("javascript:")]
    text = page.find("div", "article").text
    assert '<script>document.documentElement.dataset.pwned = "script";</script>' in text
    assert "</style><style>body { display: none }</style>" in text
    assert "{{ 7 * 7 }}" in text
    assert ["\\u202e", "\\u202c"] == [s.text for s in page.find_all("span", "ctl")]
    titles = [h.text for h in page.find_all("h4")]
    assert titles[0] == 'Gunmen storm a Paris newsroom <script>document.documentElement.dataset.pwned = "title"</script>'


def test_findings_conflicts_first_unknown_statuses_and_confidence_shown(make_story):
    statuses = ["agree", "single", "explained", "uncertain", "conflict"]
    story = make_story({"a.txt": A, "b.txt": B}, [
        (status, "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)],
         {"key": f"deaths:{status}", "label": f"{status} toll", "reason": f"why {status}"})
        for status in statuses
    ])
    story.findings[3].confidence = 0.625
    page = parse_html(render([story], "html"))
    items = page.find("nav").find_all("li", "finding")
    assert [li.find("span", "badge").text for li in items] == ["conflict", "explained", "uncertain", "agree", "single"]
    assert [li.find("p", "reason").text for li in items] == ["why conflict", "why explained", "why uncertain", "why agree", "why single"]
    assert items[2].find("span", "confidence").text == "confidence 0.62"
    assert "confidence 0.62" in page.find("article", id="deaths-uncertain").find("p", "meta").text
    assert [b.text for b in page.find("p", "totals").find_all("span", "badge")] == [
        "1 conflict", "1 explained", "1 uncertain", "1 agree", "1 single"]


def test_agreements_and_single_source_facts_are_listed_on_request(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [("agree", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 20)])])
    quiet = parse_html(render([story], "html"))
    assert "checked" not in quiet.find("input", id="show-agree").attrs
    verbose = parse_html(render([story], "html", verbose=True))
    assert "checked" in verbose.find("input", id="show-agree").attrs and "checked" in verbose.find("input", id="show-single").attrs


def test_baselined_findings_are_left_out(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [CONFLICT])
    page = parse_html(render([story], "html", outcome=Outcome(reports=[story], baselined={id(story.findings[0])})))
    assert not page.find("nav").find_all("li", "finding")
    assert not page.find_all("article", "detail")


def _dated(story, days: dict[str, date], outlets: dict[str, str]):
    sources = [replace(s, published=days.get(s.name), outlet=outlets.get(s.name)) for s in story.sources]
    return replace(story, sources=sources)


def test_a_toll_that_moves_gets_a_timeline_with_qualifiers_as_ranges(make_story):
    texts = {"a.txt": "Quake\nAt least 4 people died.\n", "b.txt": "Quake\nThe quake killed 9 people.\n",
             "c.txt": "Quake\nAbout 10 people died.\n"}
    story = make_story(texts, [("explained", "deaths", [("a.txt", "At least 4", 4), ("b.txt", "9 people", 9), ("c.txt", "About 10", 10)],
                                {"key": "deaths:quake", "label": "deaths in the quake"}),
                               ("agree", "age", [("a.txt", "Quake", 4), ("b.txt", "Quake", 4)], {"key": "age:x"})])
    a, b, c = story.findings[0].claims
    story.findings[0].claims = [replace(a, quantity=Quantity(4, 4, INFINITY, "at least")),
                                replace(b, quantity=Quantity(9, 9, 9)), replace(c, quantity=Quantity(10, 9, 11, "about"))]
    story = _dated(story, {"a.txt": date(2024, 3, 1), "b.txt": date(2024, 3, 3)}, {"a.txt": "Coast Post", "b.txt": "Coast Post"})
    page = parse_html(render([story], "html"))
    [chart] = page.find("article", id="deaths-quake").find_all("svg", role="img")
    assert [t.text for t in chart.find("g", text_anchor="middle").find_all("text")] == ["2024-03-01", "2024-03-03", "undated"]
    post, other = chart.find_all("g", "series")
    assert len(post.find_all("circle")) == 2 and post.find_all("polyline")
    assert post.find("circle").find("title").text == "a.txt: At least 4 = 4"
    assert post.find_all("path", "open"), "at least 4 has no upper bound: an arrow"
    assert len(other.find_all("line", "range")) == 1, "about 10 is drawn as the range 9 to 11"
    low_y, high_y = (float(other.find("line", "range").attrs[k]) for k in ("y1", "y2"))
    assert low_y > float(other.find("circle").attrs["cy"]) > high_y
    legend = [s.text.strip() for s in page.find("article", id="deaths-quake").find_all("span", "legend")]
    assert legend == ["Coast Post", "c.txt"]
    assert not page.find("article", id="age-x").find_all("svg", role="img"), "ages do not move with the news"


def test_several_stories_each_with_its_own_findings_and_links(make_story):
    one = make_story({"a.txt": A, "b.txt": B}, [CONFLICT], folder="valdora")
    two = make_story({"a.txt": A, "b.txt": B}, [CONFLICT], folder="other/valdora")
    page = parse_html(render([one, two], "html"))
    ids = [a.attrs["href"][1:] for a in page.find("nav").find_all("a")]
    assert ids == ["valdora--deaths-valdora", "valdora--deaths-valdora-2"]
    assert [d.find("summary").text.split()[0] for d in page.find_all("details")] == ["valdora", "other/valdora"]
    for section, fid in zip(page.find_all("section", "story"), ids):
        assert [a.attrs["id"] for a in section.find_all("article", "detail")] == [fid]
    assert page.find("span", "across").text == "across 4 sources in 2 stories"


def test_the_cli_writes_the_page_for_several_stories(toy_engine, tmp_path, story_files):
    story_files(tmp_path / "paris", {"a.txt": "Paris\ndeaths: 20.\n", "b.txt": "Paris\ndeaths: 17.\n"})
    story_files(tmp_path / "lyon", {"a.txt": "Lyon\ndeaths: 3.\n", "b.txt": "Lyon\ndeaths: 3.\n"})
    result = CliRunner().invoke(app, ["check", "paris", "lyon", "-j", "1", "--format", "html", "-o", "report.html", "--statistics"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "FC101  deaths" in result.stderr, "statistics go to stderr, not into the page"
    page = parse_html((tmp_path / "report.html").read_text("utf-8"))
    assert [s.find("h2").text for s in page.find_all("section", "story")] == ["paris", "lyon"]


def test_500_generated_stories_make_a_page_under_20_mb(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from factcheck.parallel import check_folders

    generate(tmp_path, 500, 3, seed=3)
    reports = check_folders(sorted(p for p in tmp_path.iterdir() if p.is_dir()), None, None)
    assert len(reports) == 500 and sum(len(r.sources) for r in reports) > 1400
    page = render(reports, "html").encode("utf-8")
    assert 5_000_000 < len(page) < 20_000_000


def test_every_claim_link_has_its_place_even_when_two_facts_share_the_words(make_story):
    story = make_story({"a.txt": "Crash\nThe bus carried 15 passengers.\n", "b.txt": "Crash\nAll 15 passengers survived.\n"}, [
        ("agree", "count", [("a.txt", "15 passengers", 15), ("b.txt", "15 passengers", 15)], {"key": "count:aboard"}),
        ("agree", "count", [("a.txt", "15 passengers", 15), ("b.txt", "15 passengers", 15)], {"key": "count:passengers"}),
    ])
    page = parse_html(render([story], "html"))
    targets = [a.attrs["href"][1:] for a in page.find_all("a", "to-claim")]
    assert len(set(targets)) == 4
    assert all(len(page.find_all(id=t)) == 1 for t in targets)
    [first, _] = article_marks(page)
    assert first.text == "15 passengers" and len(first.attrs["data-c"].split()) == 2


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("<>&\"'/=` \n\r\tabc:;{}%") + ["\u202e", "\u2066", "\x00", "\x1b", "é", "\U0001f600"]), min_size=1),
       cut=st.integers(0, 50))
def test_any_article_text_comes_back_as_text(text, cut):
    from factcheck.model import Claim, Finding, Sentence, Source, StoryReport

    sources = [Source(name, Path(name), text, text, text[:20], "0" * 64) for name in ("a.txt", "b.txt")]
    start, end = min(cut, len(text) - 1), len(text)
    if text[start - 1 : start + 1] == "\r\n":
        start -= 1  # a claim never starts between the two characters of one line end
    claims = [Claim("deaths", "FC101", s.name, 1, start, end, text[start:end], Sentence(s.name, 0, end, text)) for s in sources]
    page = parse_html(render([StoryReport(Path("story"), sources, [Finding("deaths", "deaths", "deaths", "conflict", claims, text)])], "html"))
    article = page.find("div", "article")
    assert {e.tag for e in article.iter()} <= {"div", "mark", "span"}
    shown = "".join(_unescaped(article))
    assert shown == re.sub(r"\r\n?", "\n", text)
    assert page.find("article", "detail").find("p", "reason").text == "Why: " + _visible(text)
    assert page.find("nav").find("p", "reason").text == _visible(text)
    assert len(page.find_all("script")) == 1


def _visible(text: str) -> str:
    return re.sub("[\x00-\x08\x0b-\x1f\u202e\u2066]", lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 256 else f"\\u{ord(m[0]):04x}", text)


def _unescaped(element):
    """The text of an element with the visible escapes of control characters turned back."""
    for child in element.children:
        if isinstance(child, str):
            yield child
        elif "ctl" in child.classes:
            yield chr(int(child.text[2:], 16))
        else:
            yield from _unescaped(child)

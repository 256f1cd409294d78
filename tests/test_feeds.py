"""JSON and JSON Lines feeds: each article record is a source named FILE:LINE or FILE#N and
located at that line, --group-by splits a feed into stories, non-feed JSON is left alone,
and broken lines or odd records are warnings that name where they are."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import check_story
from factcheck.cli import app
from factcheck.feeds import FeedGroup
from factcheck.load import StoryError, load_story

INPUTS = Path(__file__).parent / "inputs"


def check(*args):
    return CliRunner().invoke(app, ["check", "--no-cache", "-j", "1", *map(str, args)])


def findings(report):
    """What a reader compares across input formats: each finding's question, verdict and values
    in the order of the sources that state them."""
    order = [s.name for s in report.sources]
    return sorted(
        (f.kind, f.key, f.status, tuple(v for _, v in sorted({(order.index(c.source), c.value) for c in f.claims})))
        for f in report.findings
    )


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_record_of_a_json_lines_feed_is_a_source_named_and_located_at_its_line():
    report = check_story(FeedGroup(INPUTS / "desk-feed.jsonl", "story_id", "gull-point-fire"))
    assert [s.name for s in report.sources] == ["desk-feed.jsonl:1", "desk-feed.jsonl:4", "desk-feed.jsonl:7"]
    assert [s.input_format for s in report.sources] == ["jsonl"] * 3
    deaths = next(f for f in report.findings if f.kind == "deaths")
    assert deaths.status == "conflict"
    by_name = {s.name: s for s in report.sources}
    assert {c.source: by_name[c.source].line_col(c.start)[0] for c in deaths.claims} == {"desk-feed.jsonl:1": 1, "desk-feed.jsonl:4": 4, "desk-feed.jsonl:7": 7}


def test_common_field_names_give_title_outlet_url_and_the_time_with_its_zone():
    sources = load_story(FeedGroup(INPUTS / "desk-feed.jsonl", "story_id", "gull-point-fire")).sources
    gazette, wire, times = sources
    assert (gazette.title, gazette.outlet, gazette.url) == ("Four dead in ferry fire off Casco Point", "harborgazette.example", "https://harborgazette.example/a")
    assert (wire.outlet, wire.published_at.isoformat()) == ("Coastline Wire", "2025-06-02T02:05:00+00:00")  # source.name
    assert (times.title, times.outlet, times.published_at.isoformat()) == ("Brannock Island mourns after ferry fire", "Island Times", "2025-06-03T09:15:00-04:00")
    assert all(s.published_how == "feed" for s in sources)


def test_the_same_story_as_text_as_json_lines_as_a_news_api_response_and_as_web_pages_gives_the_same_findings():
    pytest.importorskip("trafilatura", reason="web pages need the html extra (trafilatura)")
    as_text = findings(check_story(INPUTS / "ferry-text"))
    assert ("deaths", "deaths:total", "conflict", (4, 5, 4)) in as_text
    assert findings(check_story(FeedGroup(INPUTS / "desk-feed.jsonl", "story_id", "gull-point-fire"))) == as_text
    assert findings(check_story(INPUTS / "newsapi-response.json")) == as_text
    assert findings(check_story(INPUTS / "ferry-pages")) == as_text


def test_a_json_array_names_each_record_file_hash_n_at_the_line_where_it_begins(here):
    result = check(INPUTS / "newsapi-response.json", "--format", "json")
    data = json.loads(result.stdout)
    assert [s["name"] for s in data["sources"]] == ["newsapi-response.json#1", "newsapi-response.json#2", "newsapi-response.json#3"]
    claims = {c["source"]: c["line"] for f in data["findings"] if f["kind"] == "deaths" for c in f["claims"]}
    lines = (INPUTS / "newsapi-response.json").read_text().splitlines()
    assert claims and all(lines[line - 1].strip() == "{" for line in claims.values())
    assert claims["newsapi-response.json#1"] < claims["newsapi-response.json#2"] < claims["newsapi-response.json#3"]


def test_every_format_points_at_the_record_line(here):
    feed = shutil.copy(INPUTS / "desk-feed.jsonl", here / "feed.jsonl")
    concise = check(feed, "--group-by", "story_id", "--format", "concise").stdout
    assert "feed.jsonl:1:1: FC101 conflict deaths: 4 (feed.jsonl:1, feed.jsonl:7) vs 5 (feed.jsonl:4)" in concise
    assert "feed.jsonl:2:1: FC102 conflict injuries: 2 (feed.jsonl:2) vs 3 (feed.jsonl:5)" in concise
    sarif = json.loads(check(feed, "--group-by", "story_id", "--format", "sarif").stdout)
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif["runs"][0]["results"]}
    assert regions == {"FC101": 1, "FC102": 2}
    github = check(feed, "--group-by", "story_id", "--format", "github").stdout
    assert "::error file=feed.jsonl,line=1,endLine=1,col=1," in github and "::error file=feed.jsonl,line=2,endLine=2,col=1," in github


def test_group_by_splits_a_feed_into_stories_whatever_the_order_of_its_records(here):
    result = check(INPUTS / "desk-feed.jsonl", "--group-by", "story_id", "--format", "json")
    data = json.loads(result.stdout)
    stories = {Path(s["story"]).name: [src["name"] for src in s["sources"]] for s in data["stories"]}
    assert stories == {
        "desk-feed.jsonl[story_id=gull-point-fire]": ["desk-feed.jsonl:1", "desk-feed.jsonl:4", "desk-feed.jsonl:7"],
        "desk-feed.jsonl[story_id=bridge-closure]": ["desk-feed.jsonl:2", "desk-feed.jsonl:5"],
    }
    assert result.exit_code == 1


def test_without_group_by_a_feed_is_one_story(here):
    data = json.loads(check(INPUTS / "desk-feed.jsonl", "--format", "json").stdout)
    assert len(data["sources"]) == 5


def test_a_broken_line_and_a_record_of_no_known_shape_are_warnings_and_the_rest_is_read(here):
    result = check(INPUTS / "desk-feed.jsonl", "--group-by", "story_id", "--format", "concise")
    warnings = [line for line in result.stderr.splitlines()]
    assert any(w.startswith("warning: ") and "desk-feed.jsonl:3: line skipped: not valid JSON" in w for w in warnings)
    assert any("desk-feed.jsonl:6: record skipped: no article text field" in w and "headline, story_id, video_url" in w for w in warnings)
    assert len(warnings) == 2 and "Traceback" not in result.output
    assert result.exit_code == 1


def test_a_gzip_feed_reads_as_the_plain_one(here):
    (here / "feed.jsonl.gz").write_bytes(gzip.compress((INPUTS / "desk-feed.jsonl").read_bytes()))
    plain = check_story(FeedGroup(INPUTS / "desk-feed.jsonl", "story_id", "bridge-closure"))
    packed = check_story(FeedGroup(here / "feed.jsonl.gz", "story_id", "bridge-closure"))
    assert findings(packed) == findings(plain) and [s.name for s in packed.sources] == ["feed.jsonl.gz:2", "feed.jsonl.gz:5"]


def test_a_damaged_gzip_feed_is_one_warning(here):
    story = here / "story"
    shutil.copytree(INPUTS / "ferry-text", story)
    (story / "feed.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    result = check(story)
    assert "warning: story/feed.jsonl.gz: not a readable gzip file" in result.stderr
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_json_that_is_not_a_feed_is_skipped_quietly(here):
    story = here / "story"
    shutil.copytree(INPUTS / "ferry-text", story)
    (story / "gold.json").write_text(json.dumps({"cluster": "ferry fire", "facts": [{"id": "deaths", "claims": {"a.txt": 4}}]}))
    (story / "factcheck-baseline.json").write_text(json.dumps({"version": 1, "findings": []}))
    (story / "settings.json").write_text("[1, 2, 3]")
    (story / "broken.json").write_text("{not json")
    check(story, "--format", "json", "-o", story / "report.json")
    result = check(story, "--format", "json")
    assert result.stderr == "" and result.exit_code == 1
    assert [s["name"] for s in json.loads(result.stdout)["sources"]] == ["01_harbor-gazette.txt", "02_coastline-wire.txt", "03_island-times.txt"]


def test_a_folder_holding_only_non_feed_json_is_no_story_when_searched_recursively(here):
    shutil.copytree(INPUTS / "ferry-text", here / "news" / "ferry")
    (here / "news" / "scores").mkdir()
    (here / "news" / "scores" / "gold.json").write_text(json.dumps({"facts": []}))
    (here / "news" / "api").mkdir()
    shutil.copy(INPUTS / "newsapi-response.json", here / "news" / "api" / "response.json")
    result = check("news", "-r", "--format", "json")
    assert result.stderr == ""
    assert sorted(Path(s["story"]).name for s in json.loads(result.stdout)["stories"]) == ["api", "ferry"]


@pytest.mark.parametrize("text,reason", [
    (json.dumps({"facts": []}), "not a feed"),
    (json.dumps([{"title": "only a title", "story_id": "x"}]), "not a feed"),
    (json.dumps([{"text": "A story with no key."}]), "no record has a 'story_id' to group by"),
])
def test_group_by_on_what_gives_no_story_is_one_error_line(here, text, reason):
    (here / "feed.json").write_text(text)
    result = check("feed.json", "--group-by", "story_id")
    assert result.exit_code == 2 and result.stderr.startswith("error: feed.json: ") and reason in result.stderr
    assert result.stderr.count("\n") == 1


def test_records_without_the_key_are_counted_in_one_warning(here):
    records = [
        {"event_id": 7, "text": "Police said two people were killed in the crash."},
        {"text": "An article with no event."},
        {"event_id": "7", "text": "Three people were killed in the crash, police said."},
    ]
    (here / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    result = check("feed.jsonl", "--group-by", "event_id", "--format", "json")
    assert result.stderr == "warning: feed.jsonl: 1 record without a 'event_id' skipped\n"
    (story,) = [json.loads(result.stdout)]
    assert story["story"] == "feed.jsonl[event_id=7]" and [s["name"] for s in story["sources"]] == ["feed.jsonl:1", "feed.jsonl:3"]


def test_a_feed_record_repeated_in_another_feed_is_a_duplicate_not_a_second_source(here):
    story = here / "story"
    story.mkdir()
    record = {"text": "Officials said four people were killed in the fire.", "published": "2025-06-02"}
    other = {"text": "Five people were killed in the fire, officials said.", "published": "2025-06-02"}
    (story / "a.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(other) + "\n")
    (story / "b.json").write_text(json.dumps([record]))
    loaded = load_story(story)
    assert [s.name for s in loaded.sources] == ["a.jsonl:1", "a.jsonl:2"] and loaded.duplicates == [("b.json#1", "a.jsonl:1")]


def test_a_feed_that_holds_no_article_is_a_story_error_when_given_alone(here):
    (here / "gold.json").write_text(json.dumps({"facts": []}))
    with pytest.raises(StoryError, match="no articles"):
        load_story(here / "gold.json")


def test_hostile_feeds_are_warnings_or_left_alone_never_a_traceback(here):
    story = here / "story"
    shutil.copytree(INPUTS / "ferry-text", story)
    (story / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (story / "deep.jsonl").write_text('{"text": "Two people were killed."}\n' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "\n")
    (story / "binary.jsonl").write_bytes(b"\x00\xff\xfe" * 1000)
    (story / "latin.jsonl").write_bytes(b'{"text": "Caf\xe9 fire"}\n')
    (story / "not-objects.jsonl").write_text('"just a string"\n[1, 2]\n')
    result = check("story", "-r")
    assert "Traceback" not in result.output and result.exit_code == 1
    assert "warning: story/deep.jsonl:2: line skipped: not valid JSON (nested too deeply)" in result.stderr
    assert "warning: story/not-objects.jsonl:1: line skipped: a JSON str, not an object" in result.stderr
    assert "warning: story/latin.jsonl:1: line skipped: not valid JSON (not UTF-8)" in result.stderr
    assert "deep.json:" not in result.stderr


def test_the_report_is_never_written_over_a_feed_being_checked(here):
    shutil.copy(INPUTS / "desk-feed.jsonl", here / "feed.jsonl")
    before = (here / "feed.jsonl").read_bytes()
    result = check("feed.jsonl", "--group-by", "story_id", "--format", "json", "-o", "feed.jsonl")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, "error: feed.jsonl: refusing to write the report over a source article")
    assert (here / "feed.jsonl").read_bytes() == before

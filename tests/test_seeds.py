"""The demo corpus end to end: what a fact-checker must see on seeds/."""
from pathlib import Path

from factcheck.check import check_story

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_the_only_discrepancy_is_the_paris_toll_explained_by_the_gunmen():
    report = check_story(SEEDS)
    discrepancies = [f for f in report.findings if f.status in ("conflict", "explained")]
    assert [(f.kind, f.status) for f in discrepancies] == [("deaths", "explained")]
    [paris] = discrepancies
    assert sorted(c.value for c in paris.claims) == [17, 20]
    assert "gunmen" in paris.reason and "20 − 3 = 17" in paris.reason


def test_agreements_verviers_member_states_meeting_and_raid_dates():
    agreed = {(f.kind, tuple(sorted((c.source[:3], c.value) for c in f.claims))) for f in check_story(SEEDS).findings if f.status == "agree"}
    assert ("deaths", (("000", 2), ("002", 2))) in agreed
    assert ("count", (("001", 28), ("002", 28))) in agreed
    # 000 dates only its own report ("a media report said Monday"): the day of a saying is no event's
    assert ("date", (("001", "2015-01-19"), ("002", "2015-01-19"))) in agreed
    assert ("date", (("000", "2015-01-15"), ("002", "2015-01-15"))) in agreed


def test_other_attacks_recalled_in_the_story_never_join_the_paris_toll():
    report = check_story(SEEDS)
    for finding in report.findings:
        values = {c.value for c in finding.claims}
        if finding.kind == "deaths" and 4 in values:
            assert not values & {17, 20}, finding


def test_undated_articles_take_the_date_of_the_news_cycle_they_share():
    sources = {s.name[:3]: s for s in check_story(SEEDS).sources}
    assert (sources["002"].published.isoformat(), sources["002"].published_how) == ("2015-01-19", "dateline")
    assert (sources["000"].published.isoformat(), sources["000"].published_how) == ("2015-01-19", "inferred")

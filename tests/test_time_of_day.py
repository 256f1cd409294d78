"""Sources of one day are ordered by their time of publication wherever sources are ordered
by date (the reason of a count that changed, the HTML timeline), but the time of day never
explains a difference between two sources of the same day."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from factcheck.check import check_story
from factcheck.config import Config
from factcheck.model import Quantity
from factcheck.output import render
from html_helpers import parse_html

EVERY_DISCREPANCY = Config(min_confidence=0)


def _story(folder: Path, articles: dict[str, tuple[str, int]]) -> Path:
    """A story whose sources.toml gives each file's publication time: {file: (time, dead)}."""
    folder.mkdir()
    manifest = []
    for name, (published, dead) in articles.items():
        (folder / name).write_text(f"Blast in Corrin, as {name} tells it\n\n{dead} people were killed when a warehouse exploded in Corrin. "
                                  "The owner said the building had passed its inspection.\n")
        manifest.append(f'[[source]]\nfile = "{name}"\npublished = {published}\n')
    (folder / "sources.toml").write_text("".join(manifest))
    return folder


def _deaths(folder: Path):
    return next(f for f in check_story(folder, config=EVERY_DISCREPANCY).findings if f.kind == "deaths")


def test_a_changing_count_lists_the_sources_of_one_day_by_their_time(tmp_path):
    folder = _story(tmp_path / "blast", {
        "a.txt": ("2021-03-14T20:00:00+00:00", 4),
        "b.txt": ("2021-03-14T09:00:00+00:00", 4),
        "c.txt": ("2021-03-15T07:00:00+00:00", 6),
    })
    deaths = _deaths(folder)
    assert deaths.status == "explained"
    assert deaths.reason == "the count changed over time: 4 in b.txt (2021-03-14); 4 in a.txt (2021-03-14); 6 in c.txt (2021-03-15)"


def test_times_in_different_zones_are_ordered_by_the_instant(tmp_path):
    folder = _story(tmp_path / "blast", {
        "a.txt": ("2021-03-14T11:00:00+02:00", 4),  # 09:00 UTC
        "b.txt": ("2021-03-14T06:00:00-05:00", 4),  # 11:00 UTC
        "c.txt": ("2021-03-15T07:00:00+00:00", 6),
    })
    assert _deaths(folder).reason.startswith("the count changed over time: 4 in a.txt (2021-03-14); 4 in b.txt")


def test_hours_apart_on_one_day_never_explain_a_difference(tmp_path):
    folder = _story(tmp_path / "blast", {
        "a.txt": ("2021-03-14T06:00:00+00:00", 4),
        "b.txt": ("2021-03-14T23:00:00+00:00", 6),
    })
    deaths = _deaths(folder)
    assert deaths.status == "conflict"
    assert "changed over time" not in deaths.reason


def test_the_timeline_places_the_sources_of_one_day_by_their_time(make_story):
    texts = {name: f"Quake\nThe quake killed {n} people.\n" for name, n in (("a.txt", 4), ("b.txt", 5), ("c.txt", 9))}
    story = make_story(texts, [("explained", "deaths", [("a.txt", f"{4} people", 4), ("b.txt", "5 people", 5), ("c.txt", "9 people", 9)],
                                {"key": "deaths:quake", "label": "deaths in the quake"})])
    story.findings[0].claims = [replace(c, quantity=Quantity(c.value, c.value, c.value)) for c in story.findings[0].claims]
    day = date(2024, 3, 1)
    at = {"a.txt": datetime(2024, 3, 1, 21, 0, tzinfo=timezone.utc), "b.txt": datetime(2024, 3, 1, 6, 0, tzinfo=timezone.utc)}
    published = {"a.txt": day, "b.txt": day, "c.txt": day + timedelta(days=2)}
    outlets = {"a.txt": "Coast Post", "b.txt": "Coast Post", "c.txt": "Hill Times"}
    story = replace(story, sources=[replace(s, published=published[s.name], published_at=at.get(s.name), outlet=outlets[s.name])
                                    for s in story.sources])
    page = parse_html(render([story], "html"))
    chart = page.find("article", id="deaths-quake").find("svg", role="img")
    ticks = {t.text: float(t.attrs["x"]) for t in chart.find("g", text_anchor="middle").find_all("text")}
    post = chart.find_all("g", "series")[0]
    x = {c.find("title").text.split(": ")[0]: float(c.attrs["cx"]) for c in post.find_all("circle")}
    assert x["b.txt (06:00)"] < ticks["2024-03-01"] < x["a.txt (21:00)"] < ticks["2024-03-03"]
    line = [float(p.split(",")[0]) for p in post.find("polyline").attrs["points"].split()]
    assert line == sorted(line) and line[0] == x["b.txt (06:00)"], "the line runs from the morning's value to the evening's"

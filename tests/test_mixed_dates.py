"""Stories whose articles mix known and unknown publication dates (and times) check whole:
every pairing of dated and undated sources compares, and an undated source's difference is
never put down to time."""
from __future__ import annotations

import json
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import check_story
from factcheck.config import Config
from factcheck.output import render

DAY = date(2021, 3, 14)
# how a source gives its publication date: not at all, a date line, or a date with a time
DATE_HEADERS = st.one_of(
    st.none(),
    st.integers(0, 3).map(lambda d: f"Date: {(DAY + timedelta(days=d)).isoformat()}\n"),
    st.tuples(st.integers(0, 3), st.integers(0, 23)).map(
        lambda dh: f"Date: {(DAY + timedelta(days=dh[0])).isoformat()}T{dh[1]:02d}:15:00+02:00\n"
    ),
)
EVERY_DISCREPANCY = Config(min_confidence=0)  # judge every difference, however unsure
SOURCE = st.tuples(DATE_HEADERS, st.integers(2, 9), st.integers(2, 14), st.integers(30, 33))


def _write(folder: Path, sources) -> None:
    for i, (header, dead, hurt, age) in enumerate(sources):
        text = (
            f"Warehouse blast in Corrin, report {i + 1}\n{header or ''}\n"
            f"{dead} people were killed and {hurt} were injured when a warehouse exploded in Corrin. "
            f"The owner, Dana Quell, {age}, said the building had passed its inspection.\n"
        )
        Path(folder, f"{i:02d}_outlet.txt").write_text(text, encoding="utf-8")


@settings(max_examples=60, deadline=None)
@given(st.lists(SOURCE, min_size=2, max_size=5))
def test_any_mix_of_dated_and_undated_sources_is_checked_whole(sources):
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), sources)
        report = check_story(Path(folder), config=EVERY_DISCREPANCY)
        data = json.loads(render([report], "json"))
    deaths = [f for f in data["findings"] if f["kind"] == "deaths" and len(f["claims"]) > 1]
    assert len(deaths) == 1
    undated = {f"{i:02d}_outlet.txt" for i, s in enumerate(sources) if s[0] is None}
    values = {c["source"]: c["value"] for c in deaths[0]["claims"]}
    # a difference involving an undated source cannot be put down to time
    if any(v != values[u] for u in undated & set(values) for v in values.values()):
        assert deaths[0]["status"] == "conflict"


def test_an_undated_article_that_differs_from_dated_ones_is_a_conflict(tmp_path):
    _write(tmp_path, [("Date: 2021-03-14\n", 4, 5, 30), ("Date: 2021-03-15\n", 6, 5, 30), (None, 5, 5, 30)])
    report = check_story(tmp_path)
    deaths = next(f for f in report.findings if f.kind == "deaths")
    assert deaths.status == "conflict"
    assert "00_outlet.txt" in deaths.reason or "02_outlet.txt" in deaths.reason


def test_dated_articles_of_different_days_still_explain_a_rising_toll(tmp_path):
    _write(tmp_path, [("Date: 2021-03-14\n", 4, 5, 30), ("Date: 2021-03-15\n", 6, 5, 30)])
    deaths = next(f for f in check_story(tmp_path).findings if f.kind == "deaths")
    assert deaths.status == "explained"
    assert "changed over time" in deaths.reason

"""The HTML report opened in a real browser (headless Chromium): a shared link selects its
finding, both sentences are outlined, the reason is shown, and no script from an article runs.

Each test saves a screenshot in its tmp folder. Needs Chromium (`apt-get install chromium`).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck import check_story
from factcheck.output import render
from html_helpers import STORIES, article_marks, finding_link, parse_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium)")


def chromium(tmp_path: Path, *args: str) -> str:
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium refuses to run as root with its sandbox
    done = subprocess.run(
        [CHROMIUM, "--headless", "--disable-gpu", "--no-first-run", *sandbox, f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1400,1000", *args],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def open_report(tmp_path: Path, story: Path, label: str, name: str):
    """Write the story's report, open it at the finding with this label; the DOM after its script
    ran, the finding's id, and the screenshot's path."""
    page_path = tmp_path / f"{name}.html"
    page_path.write_text(render([check_story(story)], "html"), encoding="utf-8")
    finding_id = finding_link(parse_html(page_path.read_text("utf-8")), label).attrs["href"][1:]
    url = f"{page_path.as_uri()}#{finding_id}"
    dom = parse_html(chromium(tmp_path, "--dump-dom", url))
    shot = tmp_path / f"{name}.png"
    chromium(tmp_path, f"--screenshot={shot}", url)
    return dom, finding_id, shot


def outlined(dom) -> list[str]:
    return sorted(m.text for m in article_marks(dom) if "on" in m.classes)


def assert_screenshot(path: Path) -> None:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_a_link_to_the_paris_finding_opens_it_with_both_sentences_and_the_reason(tmp_path):
    dom, finding_id, shot = open_report(tmp_path, ROOT / "seeds", "deaths at Paris", "seeds")
    html = dom.find("html")
    assert html.attrs.get("data-ready") == "true", "the report's own script ran"
    assert dom.find("body").attrs["data-chosen"] == finding_id
    detail = dom.find("article", id=finding_id)
    assert "on" in detail.classes
    assert "20 includes 3 attackers (gunmen): 20 − 3 = 17" in detail.find("p", "reason").text
    assert outlined(dom) == ["killed 17 people", "killed 20 people"]
    assert [li.find("span", "label").text for li in dom.find("nav").find_all("li", "on")] == ["deaths at Paris"]
    assert_screenshot(shot)


def test_a_link_to_one_claim_opens_its_finding(tmp_path):
    page_path = tmp_path / "seeds.html"
    page_path.write_text(render([check_story(ROOT / "seeds")], "html"), encoding="utf-8")
    page = parse_html(page_path.read_text("utf-8"))
    finding_id = finding_link(page, "deaths at Paris").attrs["href"][1:]
    claim_id = page.find("article", id=finding_id).attrs["data-claims"].split()[1]
    dom = parse_html(chromium(tmp_path, "--dump-dom", f"{page_path.as_uri()}#{claim_id}"))
    assert dom.find("body").attrs["data-chosen"] == finding_id
    assert outlined(dom) == ["killed 17 people", "killed 20 people"]


def test_no_script_from_a_hostile_article_runs(tmp_path):
    dom, finding_id, shot = open_report(tmp_path, STORIES / "hostile-paris", "deaths", "hostile")
    html, body = dom.find("html"), dom.find("body")
    assert html.attrs.get("data-ready") == "true", "the report's own script ran"
    assert "data-pwned" not in html.attrs and "data-pwned" not in body.attrs
    assert len(dom.find_all("script")) == 1
    assert not dom.find_all("img") and not dom.find_all("iframe") and not dom.find_all("textarea")
    assert not [(e.tag, a) for e in dom.iter() for a in e.attrs if a.startswith("on")]
    assert body.attrs["data-chosen"] == finding_id
    assert outlined(dom) == ["killed 10 people", "killed 12 people"]
    assert "says 12" in dom.find("article", id=finding_id).find("p", "reason").text
    assert_screenshot(shot)

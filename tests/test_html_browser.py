"""The HTML report opened in a real browser (headless Chromium): a shared link selects its
finding, both sentences are outlined, the reason is shown, no script from an article runs,
keys step through the findings, and narrow windows and print get their layouts.

Pages are opened with Chromium's own `--dump-dom` and `--screenshot` (saved in each test's
tmp folder), or driven over its DevTools pipe. Needs Chromium (`apt-get install chromium`).
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
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


def _above_nine(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class DevTools:
    """Chromium driven over its DevTools pipe (`--remote-debugging-pipe`): keys, window sizes,
    print media, and the page's state read back, without any other package."""

    def __init__(self, tmp_path: Path):
        to_browser, self._browser_in = os.pipe()
        self._browser_out, from_browser = os.pipe()
        # Chromium reads fd 3 and writes fd 4; the pipe ends are moved above 9 first so that
        # wiring one cannot overwrite the other.
        to_browser, from_browser = (_above_nine(fd) for fd in (to_browser, from_browser))
        sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
        self.process = subprocess.Popen(
            ["bash", "-c", f'exec "$@" 3<&{to_browser} 4>&{from_browser}', "bash", CHROMIUM, "--headless", "--disable-gpu",
             "--no-first-run", *sandbox, f"--user-data-dir={tmp_path / 'profile'}", "--remote-debugging-pipe"],
            pass_fds=(to_browser, from_browser), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next = 0
        target = self.send("Target.createTarget", False, url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", False, targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable")

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._browser_out], [], [], 300)
            chunk = os.read(self._browser_out, 1 << 16) if ready else b""
            assert chunk, "Chromium stopped answering"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, on_page: bool = True, **params) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if on_page:
            message["sessionId"] = self.session
        os.write(self._browser_in, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self._next:
                assert "error" not in answer, answer
                return answer.get("result", {})

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        while self._message().get("method") != "Page.loadEventFired":
            pass

    def value(self, expression: str):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def settled(self, expression: str, expected):
        """The expression's value once it equals `expected`, or its last value after the page
        had plenty of turns to get there (hash changes are handled after the key's event)."""
        for _ in range(100):
            value = self.value(expression)
            if value == expected:
                break
            self.send("Runtime.evaluate", expression="new Promise(done => setTimeout(done, 20))", awaitPromise=True)
        return value

    def key(self, key: str) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, text=key if kind == "keyDown" else "")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        os.close(self._browser_in)
        os.close(self._browser_out)


@pytest.fixture
def browser(tmp_path):
    devtools = DevTools(tmp_path)
    yield devtools
    devtools.close()


@pytest.fixture
def seeds_url(tmp_path):
    page = tmp_path / "seeds.html"
    page.write_text(render([check_story(ROOT / "seeds")], "html", verbose=True), encoding="utf-8")
    return page.as_uri()


CHOSEN = "document.body.dataset.chosen"


def test_keys_step_through_the_listed_findings_and_the_address_follows(browser, seeds_url):
    browser.open(seeds_url)
    listed = browser.value("[...document.querySelectorAll('#findings a')].map(a => a.getAttribute('href').slice(1))")
    assert browser.value(CHOSEN) == listed[0] == "deaths-total-paris"
    browser.key("j")
    assert browser.settled(CHOSEN, listed[1]) == listed[1]
    browser.key("n")
    assert browser.settled(CHOSEN, listed[2]) == listed[2] and browser.value("location.hash") == f"#{listed[2]}"
    browser.key("k")
    assert browser.settled(CHOSEN, listed[1]) == listed[1]
    browser.key("p")
    assert browser.settled(CHOSEN, listed[0]) == listed[0]
    browser.key("p")
    assert browser.settled(CHOSEN, listed[-1]) == listed[0], "previous stops at the first finding"
    browser.value("document.getElementById('show-agree').click(); document.getElementById('show-single').click()")
    browser.key("j")
    assert browser.settled("location.hash", f"#{listed[1]}") == f"#{listed[0]}", "with agreements and single-source facts hidden, the Paris finding is the only one"


def test_a_narrow_window_stacks_the_sources_and_print_gives_them_full_length(browser, seeds_url, tmp_path):
    browser.send("Emulation.setDeviceMetricsOverride", width=1400, height=1000, deviceScaleFactor=1, mobile=False)
    browser.open(seeds_url)
    columns = "[...document.querySelectorAll('.current .source')].map(s => Math.round(s.getBoundingClientRect().left))"
    assert len(set(browser.value(columns))) == 3, "side by side in a wide window"
    browser.send("Emulation.setDeviceMetricsOverride", width=400, height=900, deviceScaleFactor=1, mobile=False)
    assert len(set(browser.value(columns))) == 1, "one above the other in a narrow one"
    assert browser.value("document.documentElement.scrollWidth") <= 400, "nothing wider than the window"
    browser.send("Emulation.setEmulatedMedia", media="print")
    assert browser.value("getComputedStyle(document.getElementById('findings')).display") == "none"
    assert browser.value("[...document.querySelectorAll('.current .article')].every(a => a.scrollHeight <= a.clientHeight)")
    printed = browser.send("Page.printToPDF")["data"]
    (tmp_path / "seeds.pdf").write_bytes(base64.b64decode(printed))
    assert (tmp_path / "seeds.pdf").read_bytes()[:5] == b"%PDF-"


def test_clicking_an_outlined_claim_goes_to_the_same_fact_in_the_next_source(browser, seeds_url):
    browser.open(seeds_url)
    column = "(m => [...document.querySelectorAll('.current .source')].indexOf(m.closest('.source')))"
    assert browser.value(f"[...document.querySelectorAll('mark.on')].map({column})") == [0, 2]
    browser.value("document.querySelectorAll('mark.on')[0].click()")
    assert browser.value(f"[...document.querySelectorAll('mark.flash')].map({column})") == [2]

"""How long a browser takes to open the HTML report of many stories.

    python bench/html_open.py                 # 500 stories of 3 articles
    python bench/html_open.py --stories 100 --runs 5

Generates the stories (bench/generate.py), checks them, writes `--format html`, then opens
the page in headless Chromium several times. The page is loaded into a frame of a small
harness page that reads the clock before the load starts and after the report's load event
and a forced layout, so the figure is the report's own parse, script and layout time,
without the browser's start-up. Prints the page size and the median and slowest of the runs.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

HARNESS = """<!DOCTYPE html><title>pending</title><body><script>
var start = performance.now();
var frame = document.createElement("iframe");
frame.width = 1400; frame.height = 1000;
frame.onload = function () {
  var page = frame.contentDocument;
  page.body.offsetHeight;
  document.title = "opened " + (performance.now() - start).toFixed(0) + " ready " + page.documentElement.dataset.ready;
};
frame.src = "report.html";
document.body.appendChild(frame);
</script>"""


def open_ms(chromium: str, harness: Path, profile: Path) -> float:
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
    done = subprocess.run(
        [chromium, "--headless", "--disable-gpu", "--no-first-run", *sandbox, "--allow-file-access-from-files",
         f"--user-data-dir={profile}", "--dump-dom", harness.as_uri()],
        capture_output=True, text=True, timeout=600,
    )
    found = re.search(r"<title>opened (\d+) ready (\w+)</title>", done.stdout)
    if not found or found[2] != "true":
        raise SystemExit(f"the report did not open: {done.stderr.strip()[-300:]}")
    return float(found[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=500)
    ap.add_argument("--articles", type=int, default=3, help="articles a story")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if chromium is None:
        raise SystemExit("no Chromium found (apt-get install chromium)")
    from factcheck.output import render
    from factcheck.parallel import check_folders

    work = Path(tempfile.mkdtemp(prefix="factcheck-html-"))
    try:
        tree = work / "tree"
        generate(tree, a.stories, a.articles, seed=a.seed)
        text_bytes = sum(p.stat().st_size for p in tree.rglob("*.txt"))
        reports = check_folders(sorted(p for p in tree.iterdir() if p.is_dir()), None, None)
        (work / "report.html").write_text(render(reports, "html"), encoding="utf-8")
        (work / "harness.html").write_text(HARNESS, encoding="utf-8")
        times = [open_ms(chromium, work / "harness.html", work / "profile") for _ in range(a.runs)]
        size = (work / "report.html").stat().st_size
        version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{a.stories} stories, {a.stories * a.articles} articles ({text_bytes / 1e6:.1f} MB of text); "
              f"report {size / 1e6:.1f} MB; {version}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}\n")
        print("| runs | median s | slowest s |\n|---:|---:|---:|")
        print(f"| {a.runs} | {statistics.median(times) / 1000:.2f} | {max(times) / 1000:.2f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

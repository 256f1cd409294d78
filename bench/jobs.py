"""When do worker processes pay off? `-j 1` against `-j 2` over trees of small stories,
with an empty and a warm claims cache, and the pace of one story checked in-process.

    python bench/jobs.py                      # 40 stories each of 1, 2, 4 and 8 articles
    python bench/jobs.py --stories 80 --articles 2 4

The figures set MIN_STORY_SECONDS and MIN_WORK_SECONDS in factcheck/parallel.py: the
default `-j` starts workers only for stories slower than the pace where `-j 2` starts to win.
Each run is a fresh process, as in CI.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=40)
    ap.add_argument("--articles", type=int, nargs="+", default=[1, 2, 4, 8], help="articles a story, one tree each")
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    print(f"{a.stories} stories a tree; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}\n")
    print("| articles a story | cache | story pace, -j 1 (s) | -j 1 (s) | -j 2 (s) | default (s) |")
    print("|---:|---|---:|---:|---:|---:|")
    for articles in a.articles:
        work = Path(tempfile.mkdtemp(prefix="factcheck-jobs-"))
        try:
            tree = work / "tree"
            generate(tree, a.stories, articles, seed=a.seed, min_bytes=1024, max_bytes=3072)
            cli = [sys.executable, "-m", "factcheck", "check", str(tree), "--recursive", "--format", "json"]
            empty = timed([sys.executable, "-m", "factcheck", "--version"], work)  # start-up alone
            for cache in ("empty", "warm"):
                extra = ["--no-cache"] if cache == "empty" else []
                if cache == "warm":
                    timed([*cli, "-j", "1"], work)  # fill it
                one = timed([*cli, "-j", "1", *extra], work)
                two = timed([*cli, "-j", "2", *extra], work)
                default = timed([*cli, *extra], work)
                pace = (one - empty) / a.stories
                print(f"| {articles} | {cache} | {pace:.3f} | {one:.2f} | {two:.2f} | {default:.2f} |")
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

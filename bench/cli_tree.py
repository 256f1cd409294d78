"""The CLI over a tree of many stories: first run, cached re-run, and one worker against all.

    python bench/cli_tree.py                 # 500 stories of 2 articles (about 1.9 MB)
    python bench/cli_tree.py --stories 100

Prints a Markdown table; wall-clock seconds of `factcheck check TREE --recursive --format
json`, each in a fresh process and a fresh cache folder, so the figures are what a CI job
sees.
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
    ap.add_argument("--stories", type=int, default=500)
    ap.add_argument("--articles", type=int, default=2, help="articles a story")
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="factcheck-tree-"))
    try:
        tree = work / "tree"
        generate(tree, a.stories, a.articles, seed=a.seed, min_bytes=1024, max_bytes=3072)
        size = sum(p.stat().st_size for p in tree.rglob("*.txt"))
        cli = [sys.executable, "-m", "factcheck", "check", str(tree), "--recursive", "--format", "json"]
        rows = []
        for name, extra, fresh in [
            ("first run, -j 2", ["-j", "2"], True),
            ("re-run, cache warm, -j 2", ["-j", "2"], False),
            ("re-run, cache warm, -j 1", ["-j", "1"], False),
            ("--no-cache, -j 1", ["-j", "1", "--no-cache"], False),
            ("--no-cache, -j 2", ["-j", "2", "--no-cache"], False),
            ("re-run, cache warm, default -j", [], False),
            ("--no-cache, default -j", ["--no-cache"], False),
        ]:
            run_dir = work / "run"
            if fresh:
                shutil.rmtree(run_dir, ignore_errors=True)
            run_dir.mkdir(exist_ok=True)
            rows.append((name, timed(cli + extra, run_dir)))
        print(f"{a.stories} stories, {a.stories * a.articles} articles, {size / 1e6:.1f} MB; "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}\n")
        print("| run | seconds |\n|---|---:|")
        for name, seconds in rows:
            print(f"| {name} | {seconds:.2f} |")
        times = dict(rows)
        print(f"\ncached re-run {times['first run, -j 2'] / times['re-run, cache warm, -j 2']:.1f}× faster than the first; "
              f"-j 2 {times['--no-cache, -j 1'] / times['--no-cache, -j 2']:.2f}× the speed of -j 1")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

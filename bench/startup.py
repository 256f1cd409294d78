"""Start-up of the command line: `factcheck --help` and a check of the seeds with a warm cache.

What a pre-commit hook or an editor waits for. Each command runs N times as a fresh process
(wall clock, median and spread); the check runs in a temporary working directory whose
claims cache is filled by one untimed run first.

    python bench/startup.py                  # 20 runs of each, with this interpreter
    python bench/startup.py --runs 50 --python .venv/bin/python
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(command: list[str], runs: int, cwd: Path, env: dict) -> list[float]:
    return [timed(command, cwd, env) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (default 20)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter factcheck is installed in")
    args = parser.parse_args()

    python = Path(args.python)
    script = python.parent / "factcheck"  # the console script, as a user runs it
    cli = [str(script)] if script.exists() else [str(python), "-m", "factcheck"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["NO_COLOR"] = "1"
    commands = [("`factcheck --help`", cli + ["--help"]),
                ("`factcheck check seeds`, cache warm", cli + ["check", str(ROOT / "seeds")])]
    with tempfile.TemporaryDirectory(prefix="factcheck-startup-") as work:
        cwd = Path(work)
        timed(commands[-1][1], cwd, env)  # fills the claims cache
        print(f"{args.runs} runs of each, wall clock in seconds: {' '.join(cli)}\n")
        print("| command | median | min | max |")
        print("|---|---:|---:|---:|")
        for name, command in commands:
            times = measure(command, args.runs, cwd, env)
            print(f"| {name} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} |", flush=True)

if __name__ == "__main__":
    main()

"""Start-up of the command line: `factcheck --help` and a check of the seeds with a warm cache.

What a pre-commit hook or an editor waits for. Each command runs N times as a fresh process:
wall clock (median and spread) and CPU time (user + system, median), which stays honest
when other work shares the machine. The check runs in a temporary working directory whose
claims cache is filled by one untimed run first.

    python bench/startup.py                  # 20 runs of each, with this interpreter
    python bench/startup.py --runs 50 --python .venv/bin/python
    python bench/startup.py --at HEAD~3      # the package as committed at a revision
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import export

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """(wall clock, CPU time) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (default 20)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter factcheck is installed in")
    parser.add_argument("--at", metavar="REV", help="time the package as committed at REV instead of the working tree")
    args = parser.parse_args()

    python = Path(args.python)
    script = python.parent / "factcheck"  # the console script, as a user runs it
    cli = [str(script)] if script.exists() else [str(python), "-m", "factcheck"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["NO_COLOR"] = "1"
    commands = [("`factcheck --help`", cli + ["--help"]),
                ("`factcheck check seeds`, cache warm", cli + ["check", str(ROOT / "seeds")])]
    with tempfile.TemporaryDirectory(prefix="factcheck-startup-") as work:
        cwd = Path(work) / "run"
        cwd.mkdir()
        if args.at:  # first on the path, before the installed package
            env["PYTHONPATH"] = str(export(args.at, Path(work) / "src"))
        timed(commands[-1][1], cwd, env)  # fills the claims cache
        print(f"{args.runs} runs of each, seconds: {' '.join(cli)}, {'package at ' + args.at if args.at else 'working tree'}\n")
        print("| command | wall, median | min | max | CPU, median |")
        print("|---|---:|---:|---:|---:|")
        for name, command in commands:
            walls, cpus = zip(*(timed(command, cwd, env) for _ in range(args.runs)))
            print(f"| {name} | {statistics.median(walls):.3f} | {min(walls):.3f} | {max(walls):.3f} | {statistics.median(cpus):.3f} |", flush=True)


if __name__ == "__main__":
    main()

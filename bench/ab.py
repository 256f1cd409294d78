#!/usr/bin/env python3
"""Two versions of the tool on the same corpus, taken in turns: CPU time of extraction and of
the whole check, the fastest of each version's rounds.

    python bench/ab.py DIR --at REV             # the working tree against REV, 3 rounds
    python bench/ab.py DIR --at REV --rounds 5

On a machine shared with other work a figure taken now and another taken ten minutes later
differ by more than most changes do; taken in turns, each round of the two versions meets
about the same load, and the fastest round of each is the least disturbed. Each round is a
fresh process: the rules are loaded and their patterns compiled (every frame, and what a
first few articles need besides) before the clock starts, so the figures are those of a
long run.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def measure(corpus: Path) -> dict:
    """CPU seconds of extraction and of the whole check (with the JSON report) over the corpus."""
    import time

    from factcheck.check import check_story, source_claims
    from factcheck.infer import infer_publication_dates
    from factcheck.load import load_story
    from factcheck.output import render
    from factcheck.ruleset import load_rules

    from run import corpus_folders

    rules = load_rules()
    folders = corpus_folders(corpus)
    sources = [s for f in folders for s in infer_publication_dates(load_story(f).sources, rules)]
    for rule in rules.rules:  # every frame compiled, and what the first articles need besides
        for frame in rule.frames:
            frame.pattern
    for source in sources[:20]:
        source_claims(source, rules)
    start = time.process_time()
    claims = sum(len(source_claims(s, rules)) for s in sources)
    extract = time.process_time() - start
    start = time.process_time()
    for folder in folders:
        render([check_story(folder, rules)], "json")
    whole = time.process_time() - start
    return {"bytes": sum(len(s.text.encode()) for s in sources), "claims": claims, "extract": extract, "whole": whole}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="two versions of factcheck on one corpus, in turns")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--at", default="HEAD", metavar="REV", help="the version to compare the working tree with (default HEAD)")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    corpus = a.corpus.resolve()
    sys.path.insert(0, str(BENCH))
    from run import call_with, export

    best: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        src = export(a.at, Path(scratch) / "src")
        for n in range(a.rounds):
            for name, where in ((a.at, src), ("working tree", None)):
                r = call_with(where, "ab", "measure", corpus, where or ROOT)
                print(f"round {n + 1}, {name}: extract {r['extract']:.2f} s, whole check {r['whole']:.2f} s", file=sys.stderr)
                kept = best.setdefault(name, r)
                for key in ("extract", "whole"):
                    kept[key] = min(kept[key], r[key])
    mb = best["working tree"]["bytes"] / 1e6
    print(f"{corpus}: {mb:.2f} MB, {best['working tree']['claims']:,} claims; CPU time, fastest of {a.rounds} rounds each")
    print("| version | extract s | extract MB/s | whole check s | whole check MB/s |")
    print("|---|---:|---:|---:|---:|")
    for name in (a.at, "working tree"):
        r = best[name]
        print(f"| {name} | {r['extract']:.2f} | {mb / r['extract']:.2f} | {r['whole']:.2f} | {mb / r['whole']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

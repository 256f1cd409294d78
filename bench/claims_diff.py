#!/usr/bin/env python3
"""Record the claims every article of a corpus yields, and compare two versions of the tool.

    python bench/claims_diff.py DIR                  # the working tree against HEAD
    python bench/claims_diff.py DIR --at REV         # the working tree against REV
    python bench/claims_diff.py DIR --no-scan        # the word scan on against off, same tree

Every folder under DIR that holds articles is one story. A claim is recorded as its file,
rule, kind, value, offsets, subject and person; the two records must be identical. Exit
code 0 when they are, 1 with the differences listed when not. Speed work must leave this
at 0: it may change how fast claims are found, never which.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def record(corpus: Path, scan: bool = True) -> list[list]:
    """Each claim of each article under `corpus`, in a stable order."""
    from factcheck.check import source_claims
    from factcheck.infer import infer_publication_dates
    from factcheck.load import load_story
    from factcheck.ruleset import load_rules

    try:
        from factcheck import scan as word_scan

        word_scan.PREFILTER = scan
    except ImportError:  # a version without the scan
        pass
    from run import corpus_folders

    rules = load_rules()
    rows = []
    for folder in corpus_folders(corpus):
        sources = infer_publication_dates(load_story(folder).sources, rules)
        for source in sources:
            for c in source_claims(source, rules):
                rows.append([str(folder.relative_to(corpus)), source.name, c.rule, c.kind, str(c.value), c.start, c.end,
                             c.subject or "", getattr(c, "person", "") or ""])
    return sorted(rows)


def record_at(corpus: Path, rev: str) -> list[list]:
    """The claims as the package committed at `rev` finds them, in a process of its own."""
    from run import call_with, export

    with tempfile.TemporaryDirectory() as scratch:
        return call_with(export(rev, Path(scratch) / "src"), "claims_diff", "record", corpus, Path(scratch))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="compare the claims two versions of factcheck find in a corpus")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--at", default="HEAD", metavar="REV", help="the version to compare the working tree with (default HEAD)")
    ap.add_argument("--no-scan", action="store_true", help="compare the word scan on and off in the working tree instead")
    a = ap.parse_args(argv)
    corpus = a.corpus.resolve()
    mine = record(corpus)
    theirs = record(corpus, scan=False) if a.no_scan else record_at(corpus, a.at)
    other = "the word scan off" if a.no_scan else a.at
    from collections import Counter

    mine_n, theirs_n = Counter(map(tuple, mine)), Counter(map(tuple, theirs))
    only_mine, only_theirs = sorted((mine_n - theirs_n).elements()), sorted((theirs_n - mine_n).elements())
    print(f"{corpus}: {len(mine):,} claims in the working tree, {len(theirs):,} with {other}")
    for row in only_theirs:
        print("  only with", other + ":", row)
    for row in only_mine:
        print("  only in the working tree:", row)
    if only_mine or only_theirs:
        return 1
    print("identical: every claim, value, offset and rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())

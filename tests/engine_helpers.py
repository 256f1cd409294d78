"""Build sources from literal text for tests of the extraction, alignment and comparison stages."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from factcheck.align import align_claims
from factcheck.compare import compare_facts
from factcheck.extract import extract_claims
from factcheck.model import Source
from factcheck.ruleset import load_rules
from factcheck.split import split_sentences

RULES = load_rules()


def source(name: str, text: str, published: date | None = None) -> Source:
    return Source(name, Path(name), text, text, text.split("\n", 1)[0], hashlib.sha256(text.encode()).hexdigest(),
                  published, "date line" if published else "unknown")


def claims(text: str, published: date | None = None, kind: str | None = None):
    s = source("a.txt", text, published)
    found = extract_claims(s, split_sentences(s), RULES)
    return [c for c in found if kind is None or c.kind == kind]


def findings(*articles: tuple[str, str, date | None], min_confidence: float | None = None):
    sources = [source(name, text, published) for name, text, published in articles]
    everything = [c for s in sources for c in extract_claims(s, split_sentences(s), RULES)]
    options = {} if min_confidence is None else {"min_confidence": min_confidence}
    return compare_facts(align_claims(everything, sources, RULES), sources, RULES, **options)


def judged(found, kind: str):
    return [f for f in found if f.kind == kind and f.status != "single"]

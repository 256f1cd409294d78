"""Extract claims from a source's sentences with the rules (being written)."""
from __future__ import annotations


def extract_claims(source, sentences, rules):
    return []

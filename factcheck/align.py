"""Align claims across sources into facts (being written)."""
from __future__ import annotations


def align_claims(claims, sources):
    return []

"""Split a source into sentences (placeholder: to be replaced by the full splitter)."""
from __future__ import annotations

import regex

from factcheck.model import Sentence, Source

_END = regex.compile(r"[^\n.!?]+(?:[.!?]+[\"”’']*|\n|$)")


def split_sentences(source: Source) -> list[Sentence]:
    out = []
    for m in _END.finditer(source.clean):
        text = m.group().strip()
        if text:
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append(Sentence(source.name, start, start + len(text), text))
    return out

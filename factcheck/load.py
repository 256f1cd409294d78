"""Load every article of a story folder as a Source (placeholder: to be replaced by the full loader)."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from factcheck.model import LoadedStory, Source

ARTICLE_SUFFIXES = {".txt", ".md"}


def load_story(folder: Path) -> LoadedStory:
    sources = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        m = re.search(r"^Date: (\d{4})-(\d\d)-(\d\d)", text, re.M)
        published = date(int(m[1]), int(m[2]), int(m[3])) if m else None
        title = text.strip().split("\n", 1)[0] if text.strip() else path.name
        sources.append(Source(path.name, path, text, text, title, hashlib.sha256(data).hexdigest(),
                              published, "date line" if m else "unknown"))
    return LoadedStory(sources)

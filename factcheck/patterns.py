"""Lists of words as fast patterns: the regex module tries a plain alternation branch by
branch, so word lists are written as tries (one branch per first letter, and so on)."""
from __future__ import annotations

import functools

import regex


def alternatives(phrases: list[str]) -> str:
    """Phrases as one non-capturing group; spaces inside a phrase match any run of white space."""
    return _alternatives(tuple(phrases))


@functools.lru_cache(maxsize=1024)
def _alternatives(phrases: tuple[str, ...]) -> str:
    """Built once a process for each list: the rules are loaded more than once a run."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for token in regex.findall(r"\s+|[^\s]", " ".join(phrase.split())):
            node = node.setdefault(r"\s+" if token.isspace() else regex.escape(token), {})
        node[""] = {}
    return "(?:" + trie_pattern(trie) + ")"


def trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [token + trie_pattern(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body

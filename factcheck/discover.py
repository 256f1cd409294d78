"""Which files and folders are looked at: exclude globs, and what git ignores.

A README, a changelog or a `node_modules` folder is not a story, and neither is anything a
repository's `.gitignore` leaves out. As with ruff, a path named on the command line is
always used; these rules only skip what is found inside it.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Hidden folders (.git, .venv, .factcheck_cache), dependency trees and a project's own papers.
DEFAULT_EXCLUDE = (
    ".*", "node_modules", "venv", "site-packages", "__pycache__",
    "README*", "CHANGELOG*", "CHANGES*", "HISTORY*", "LICENSE*", "LICENCE*", "NOTICE*",
    "AUTHORS*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*",
)


@dataclass(frozen=True)
class Exclusions:
    """Globs to skip, and whether `.gitignore` files count.

    A glob without a slash matches a file or folder name (`drafts`, `*.bak.txt`); one with a
    slash matches the absolute path (relative globs are made absolute when they are read).
    """

    globs: tuple[str, ...] = DEFAULT_EXCLUDE
    gitignore: bool = True

    def skips(self, path: Path) -> bool:
        path = Path(os.path.abspath(path))
        by_name, by_path = _compiled_globs(self.globs)
        if (by_name and by_name(path.name)) or (by_path and by_path(path.as_posix())):
            return True
        return self.gitignore and ignored_by_git(path)


@lru_cache(maxsize=64)
def _compiled_globs(globs: tuple[str, ...]):
    """The globs without a slash (matched against a name) and those with one (against the
    path), each kind as one regex: what fnmatchcase does glob by glob, in one match."""
    def one(kind):
        return re.compile("|".join(fnmatch.translate(g) for g in kind)).match if kind else None

    return one([g for g in globs if "/" not in g]), one([g for g in globs if "/" in g])


def absolute_glob(glob: str, base: Path) -> str:
    """A glob with a slash is relative to `base` (the config file's folder, or the working directory)."""
    if "/" not in glob or glob.startswith("/"):
        return glob
    return (Path(os.path.abspath(base)) / glob).as_posix()


# --- .gitignore --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    negated: bool
    folders_only: bool


def ignored_by_git(path: Path) -> bool:
    """Whether the `.gitignore` files of the repository holding `path` leave it out.

    Only inside a git repository (a folder above holding `.git`), as git, ripgrep and ruff
    read them. A folder left out leaves out everything in it.
    """
    path = Path(os.path.abspath(path))
    top = _repository(path.parent)
    if top is None:
        return False
    parts = path.relative_to(top).parts
    for depth in range(1, len(parts) + 1):
        here = top.joinpath(*parts[:depth])
        is_dir = depth < len(parts) or here.is_dir()
        if _ignored(top, parts[:depth], is_dir):
            return True
    return False


def _ignored(top: Path, parts: tuple[str, ...], is_dir: bool) -> bool:
    """The last rule that matches decides, the nearest .gitignore's rules coming last."""
    verdict = False
    for depth in range(len(parts)):
        folder = top.joinpath(*parts[:depth])
        rest = "/".join(parts[depth:])
        for rule in _rules(folder):
            if rule.folders_only and not is_dir:
                continue
            if rule.pattern.fullmatch(rest):
                verdict = not rule.negated
    return verdict


@lru_cache(maxsize=4096)
def _repository(folder: Path) -> Path | None:
    for here in (folder, *folder.parents):
        if (here / ".git").exists():
            return here
    return None


@lru_cache(maxsize=4096)
def _rules(folder: Path) -> tuple[_Rule, ...]:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ()
    return tuple(rule for rule in map(_rule, lines) if rule is not None)


def _rule(line: str) -> _Rule | None:
    line = line.rstrip()
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    line = line[1:] if negated else line
    line = line[1:] if line.startswith("\\") else line
    folders_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line
    body = _translate(line.lstrip("/"))
    return _Rule(re.compile(body if anchored else f"(?:.*/)?{body}"), negated, folders_only)


def _translate(glob: str) -> str:
    """A gitignore glob as a regex: `**` crosses folders, `*` and `?` do not."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 1:]:
            end = glob.index("]", i + 1)
            members = glob[i + 1:end]
            out.append("[" + ("^" + members[1:] if members.startswith("!") else members) + "]")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)

"""The dependencies the CLI is built on are pinned to the range the tests run on."""
from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def _ranges() -> dict[str, tuple[str, str]]:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    out = {}
    for requirement in declared:
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([\d.]+),<([\d.]+)", requirement.replace(" ", ""))
        if m:
            out[m[1].lower()] = (m[2], m[3])
    return out


@pytest.mark.parametrize("name", ["typer", "rich", "regex", "dateparser"])
def test_installed_version_is_inside_the_declared_range(name):
    ranges = _ranges()
    assert name in ranges, f"{name} needs a lower and an upper bound in pyproject.toml"
    low, high = ranges[name]
    assert _release(low) <= _release(version(name)) < _release(high)

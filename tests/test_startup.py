"""A fast start: what `factcheck --help` and a re-check from the claims cache leave unloaded.

Each run is a fresh interpreter, so the modules it loaded are the ones the command needed.
Speed itself is measured in bench/startup.py, not here.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Run the CLI in a fresh interpreter, then report on stderr which of the given modules it loaded.
RUN = """
import json, sys
from factcheck.cli import main
watched, sys.argv = sys.argv[1], ["factcheck", *sys.argv[2:]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nLOADED " + json.dumps([m for m in json.loads(watched) if m in sys.modules]) + "\\n")
"""

HEAVY = ["regex", "dateparser", "jinja2", "pydantic", "ftfy", "rich", "factcheck.config", "factcheck.check"]
PIPELINE = ["factcheck.extract", "ftfy", "dateparser", "jinja2", "pydantic", "rich"]

ARTICLE_A = """Ferry fire in the harbour
Date: 2026-03-02

Four people were killed when a ferry caught fire in the harbour on Sunday, the coast guard said.
"""
ARTICLE_B = """Harbour ferry blaze
Date: 2026-03-02

Five people were killed in the blaze aboard the ferry, officials said.
"""


def loaded(cwd: Path, *args: str, watched: list[str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(watched), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    line = done.stderr.rstrip("\n").rpartition("\n")[2]
    assert line.startswith("LOADED "), done.stderr
    return json.loads(line.removeprefix("LOADED "))


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], []])
def test_help_loads_no_engine_and_no_heavy_library(tmp_path, args):
    assert loaded(tmp_path, *args, watched=HEAVY) == []


@pytest.fixture
def story(tmp_path) -> Path:
    folder = tmp_path / "ferry"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


@pytest.mark.parametrize("output_format", ["concise", "json"])
def test_a_recheck_from_the_cache_needs_no_extraction_and_no_heavy_library(tmp_path, story, output_format):
    first = loaded(tmp_path, "check", "ferry", "--format", output_format, watched=PIPELINE)
    assert "factcheck.extract" in first  # nothing cached yet: the articles are read by the rules
    assert loaded(tmp_path, "check", "ferry", "--format", output_format, watched=PIPELINE) == []

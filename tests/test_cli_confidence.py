"""--min-confidence and the `min-confidence` setting through the CLI: an unsure difference is
listed as uncertain and never fails the run; 0 judges every difference; every format shows
the confidence."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

# Same day, two dates a month apart with no slip between them: mostly two different events.
UNSURE = {
    "a.txt": "Mill fire\nDate: 2023-05-20\n\nThe fire at the mill broke out on May 2, 2023, and killed two workers.\n",
    "b.txt": "Mill blaze\nDate: 2023-05-20\n\nThe fire at the mill broke out on May 15, 2023, and killed two workers.\n",
}


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story").mkdir()
    for name, text in UNSURE.items():
        (tmp_path / "story" / name).write_text(text, encoding="utf-8")
    return tmp_path


def check(*args):
    return CliRunner().invoke(app, ["check", "story", "--no-cache", "-j", "1", *map(str, args)])


def _date(result) -> dict:
    return next(f for f in json.loads(result.stdout)["findings"] if f["kind"] == "date")


def test_an_unsure_difference_is_uncertain_and_does_not_fail_the_run(story):
    result = check("--format", "json")
    assert result.exit_code == 0
    finding = _date(result)
    assert finding["status"] == "uncertain" and finding["confidence"] < 0.5
    assert finding["fails"] is False


def test_min_confidence_zero_judges_every_difference(story):
    result = check("--format", "json", "--min-confidence", "0")
    assert result.exit_code == 1
    finding = _date(result)
    assert finding["status"] == "conflict" and finding["confidence"] < 0.5


def test_the_setting_in_a_config_file_does_the_same(story):
    (story / "factcheck.toml").write_text("min-confidence = 0\n")
    assert _date(check("--format", "json"))["status"] == "conflict"
    assert _date(check("--format", "json", "--min-confidence", "0.9"))["status"] == "uncertain"


@pytest.mark.parametrize("fmt", ["concise", "github", "sarif", "gitlab", "junit", "csv"])
def test_every_format_shows_the_confidence(story, fmt):
    result = check("--format", fmt, "--min-confidence", "0")
    assert "confidence" in result.stdout
    assert "0.1" in result.stdout or "0.2" in result.stdout


def test_the_terminal_lists_uncertain_differences_with_verbose(story):
    plain = check("--color", "never")
    assert "Uncertain differences (1)" in plain.stdout and "--verbose lists them" in plain.stdout
    verbose = check("--color", "never", "--verbose")
    assert "UNCERTAIN" in verbose.stdout and "confidence 0." in verbose.stdout


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_a_threshold_outside_zero_to_one_is_a_usage_error(story, value):
    result = check("--min-confidence", value)
    assert result.exit_code == 2

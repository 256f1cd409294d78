"""The JSON report schema: a valid 2020-12 schema, shipped with the package, and strict enough
that a report missing a contract field fails it."""
from __future__ import annotations

import copy
import json
import tomllib
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from factcheck.output import render

A = "Paris mourns\nThe attacks killed 20 people, police said.\n"
B = "Attack\nOfficials said 17 people died.\n"


def schema() -> dict:
    return json.loads(resources.files("factcheck").joinpath("schema/report.schema.json").read_text("utf-8"))


def test_schema_is_a_valid_draft_2020_12_schema():
    s = schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(s)


def test_schema_is_package_data():
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["factcheck"]
    assert "schema/*.json" in patterns


@pytest.fixture
def report(make_story) -> dict:
    story = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])])
    return json.loads(render([story], "json"))


@pytest.mark.parametrize("damage", [
    lambda r: r.pop("findings"),
    lambda r: r["findings"][0].pop("kind"),
    lambda r: r["findings"][0].update(status="maybe"),
    lambda r: r["findings"][0]["claims"][0].pop("source"),
    lambda r: r["findings"][0]["claims"][0].update(value=[20]),
    lambda r: r["findings"][0].update(fingerprint="short"),
    lambda r: r.update(stories=[]),
    lambda r: r["summary"].pop("failing"),
])
def test_a_damaged_report_fails_the_schema(report, validate, damage):
    validate(report)
    broken = copy.deepcopy(report)
    damage(broken)
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_every_json_report_in_the_tests_is_validated(make_story, monkeypatch):
    """The conftest wrapper catches a renderer that drifts from the schema."""
    from factcheck.output import json_report

    story = make_story({"a.txt": A, "b.txt": B})
    monkeypatch.setattr(json_report, "report_dict", lambda *a, **k: {"tool": {"name": "factcheck", "version": "0"}})
    with pytest.raises(jsonschema.ValidationError):
        render([story], "json")

"""The JSON report: the contract fields pipelines read, and what the run adds around them."""
from __future__ import annotations

import json

from factcheck.baseline import fingerprint
from factcheck.model import Problem
from factcheck.output import render
from factcheck.report import Outcome, StoryFailure

A = "Paris mourns\nThe attacks killed 20 people, police said.\n"
B = "Attack\nOfficials said 17 people died.\n"
CONFLICT = ("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])


def test_one_story_keeps_the_contract_fields_at_the_top(make_story, validate):
    story = make_story({"a.txt": A, "b.txt": B}, [CONFLICT])
    data = validate(render([story], "json"))
    assert data["story"] == "story"
    [finding] = data["findings"]
    assert (finding["kind"], finding["status"]) == ("deaths", "conflict")
    assert [(c["source"], c["value"]) for c in finding["claims"]] == [("a.txt", 20), ("b.txt", 17)]
    claim = finding["claims"][0]
    assert (claim["line"], claim["column"], claim["end_line"], claim["end_column"]) == (2, 20, 2, 29)
    assert finding["fingerprint"] == fingerprint(story.findings[0])
    assert finding["fails"] is True and finding["baselined"] is False
    assert data["summary"]["by_status"]["conflict"] == 1 and data["summary"]["failing"] == 1


def test_several_stories_list_each_and_all_findings_naming_their_story(make_story, validate):
    one = make_story({"a.txt": A, "b.txt": B}, [CONFLICT], folder="one")
    two = make_story({"a.txt": A, "b.txt": B}, [CONFLICT], folder="two", problems=[Problem("c.pdf", "not text")])
    data = validate(render([one, two], "json"))
    assert "story" not in data
    assert [s["story"] for s in data["stories"]] == ["one", "two"]
    assert [f["story"] for f in data["findings"]] == ["one", "two"]
    assert data["stories"][1]["problems"] == [{"path": "c.pdf", "message": "not text", "level": "warning"}]


def test_baseline_marks_errors_and_stale_entries(make_story, validate, tmp_path):
    story = make_story({"a.txt": A, "b.txt": B}, [CONFLICT, ("explained", "injuries", [("a.txt", "police", 2), ("b.txt", "died", 3)], {"rule": "FC102"})])
    stale = {"fingerprint": "f" * 64, "rule": "FC103", "kind": "age", "key": "age:x", "story": "story", "claims": [["a.txt", 4]]}
    outcome = Outcome(reports=[story], failures=[StoryFailure("gone", "no such folder")],
                      baselined={id(story.findings[0])}, stale=[stale], baseline_path=tmp_path / "fc-baseline.json")
    data = validate(render([story], "json", outcome=outcome))
    assert [f["baselined"] for f in data["findings"]] == [True, False]
    assert [f["fails"] for f in data["findings"]] == [False, False]
    assert data["errors"] == [{"path": "gone", "message": "no such folder"}]
    assert data["baseline"] == {"path": "fc-baseline.json", "baselined": 1, "stale": [stale]}
    assert data["summary"]["baselined"] == 1 and data["summary"]["by_status"]["conflict"] == 0


def test_output_is_strict_json_even_with_odd_values(make_story, validate):
    story = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", float("nan")), ("b.txt", "17 people", 17.0)])])
    text = render([story], "json")
    json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    validate(text)


def test_library_callers_can_render_without_an_outcome(make_story):
    from factcheck.output.json_report import render as json_render

    data = json.loads(json_render([make_story({"a.txt": A, "b.txt": B}, [CONFLICT])]))
    assert data["findings"][0]["fails"] is True and data["baseline"] is None


def test_one_storys_report_is_laid_out_as_the_standard_library_indents_it(make_story):
    from factcheck.output import indented_json
    from factcheck.output.json_report import report_dict

    story = make_story({"a.txt": A, "b.txt": B}, [CONFLICT], problems=[Problem("c.pdf", "not text")])
    assert render([story], "json") == json.dumps(report_dict([story]), indent=2, ensure_ascii=False) + "\n"
    odd = {"empty": [[], {}], "mixed": [1, "two", [3.5, None], {"x": True}, float("inf"), -0.0], "text": "é \"q\" \x00\u2028",
           "keys": {1: "int", 2.5: "float", None: "none", False: [{}]}, "deep": {"a": {"b": [{"c": (1, 2)}]}}, "n": 10**20}
    assert indented_json(odd) == json.dumps(odd, indent=2, ensure_ascii=False)

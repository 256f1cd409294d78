"""The concise format: one grep-able line per discrepancy, `path:line:col: RULE status kind: values`."""
from __future__ import annotations

from factcheck.model import Problem
from factcheck.output import render
from factcheck.report import Outcome

A = "Paris mourns\nThe attacks killed 20 people, police said.\n"
B = "Attack\nOfficials said 17 people died.\n"
C = "Vigil\nAt least 17 people died, and 4 were hurt.\n"


def test_one_line_per_conflict_with_path_line_and_column(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])])
    assert render([story], "concise") == "story/a.txt:2:20: FC101 conflict deaths: 20 (a.txt) vs 17 (b.txt)\n"


def test_sources_stating_the_same_value_are_grouped(make_story):
    story = make_story({"a.txt": A, "b.txt": B, "c.txt": C},
                       [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17), ("c.txt", "17 people", 17)])])
    assert render([story], "concise").endswith("deaths: 20 (a.txt) vs 17 (b.txt, c.txt)\n")


def test_explained_listed_agreements_only_with_verbose(make_story):
    story = make_story({"a.txt": A, "b.txt": B, "c.txt": C}, [
        ("explained", "deaths", [("a.txt", "20 people", 20), ("c.txt", "17 people", 17)]),
        ("agree", "deaths", [("b.txt", "17 people", 17), ("c.txt", "17 people", 17)], {"key": "d2"}),
        ("single", "injuries", [("c.txt", "4 were hurt", 4)], {"rule": "FC102"}),
    ])
    plain = render([story], "concise").splitlines()
    assert plain == ["story/a.txt:2:20: FC101 explained deaths: 20 (a.txt) vs 17 (c.txt)"]
    verbose = render([story], "concise", verbose=True).splitlines()
    assert [line.split(": ", 2)[1] for line in verbose] == ["FC101 explained deaths", "FC101 agree deaths", "FC102 single injuries"]


def test_baselined_findings_are_left_out(make_story):
    story = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])])
    outcome = Outcome(reports=[story], baselined={id(story.findings[0])})
    assert render([story], "concise", outcome=outcome) == ""


def test_line_breaks_in_names_cannot_split_a_line(make_story):
    story = make_story({"a\nb.txt": A, "b.txt": B},
                       [("conflict", "deaths", [("a\nb.txt", "20 people", 20), ("b.txt", "17 people", 17)])])
    out = render([story], "concise")
    assert out.count("\n") == 1 and "a\\x0ab.txt" in out


def test_several_stories_one_line_each_with_their_own_paths(make_story):
    one = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("a.txt", "20 people", 20), ("b.txt", "17 people", 17)])], folder="x")
    two = make_story({"a.txt": A, "b.txt": B}, [("conflict", "deaths", [("b.txt", "17 people", 17), ("a.txt", "20 people", 20)])], folder="y",
                     problems=[Problem("c.pdf", "not an article")])
    lines = render([one, two], "concise").splitlines()
    assert [line.split(":")[0] for line in lines] == ["x/a.txt", "y/b.txt"]

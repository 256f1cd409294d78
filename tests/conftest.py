"""Shared test helpers: every JSON report is validated against the shipped schema, synthetic
stories for the output formats, and a tiny stand-in engine for CLI tests that must not
depend on the real rules' accuracy."""
from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from factcheck.model import Claim, Finding, Sentence, Source, StoryReport

REPORT_SCHEMA = json.loads(resources.files("factcheck").joinpath("schema/report.schema.json").read_text("utf-8"))


def validate_report(report) -> dict:
    """Parse (if text) and validate a JSON report against factcheck/schema/report.schema.json."""
    data = json.loads(report) if isinstance(report, str) else report
    jsonschema.Draft202012Validator(REPORT_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


@pytest.fixture(autouse=True)
def _every_json_report_is_valid(monkeypatch):
    """Wrap the JSON renderer so every report any test produces (CLI or library) is checked."""
    from factcheck.output import json_report

    original = json_report.render

    def checked(*args, **kwargs):
        text = original(*args, **kwargs)
        validate_report(text)
        return text

    monkeypatch.setattr(json_report, "render", checked)


@pytest.fixture
def validate():
    return validate_report


def sentence_of(source: Source, start: int) -> Sentence:
    line_start = source.text.rfind("\n", 0, start) + 1
    line_end = source.text.find("\n", start)
    line_end = len(source.text) if line_end < 0 else line_end
    return Sentence(source.name, line_start, line_end, source.text[line_start:line_end])


def claim_on(source: Source, words: str, value, kind: str = "deaths", rule: str = "FC101") -> Claim:
    """A claim on the first occurrence of `words`; its sentence is the line holding them."""
    start = source.text.index(words)
    return Claim(kind=kind, rule=rule, source=source.name, value=value, start=start, end=start + len(words),
                 words=words, sentence=sentence_of(source, start))


@pytest.fixture
def make_story(tmp_path, monkeypatch):
    """make_story({"a.txt": text}, [(status, kind, [(source, words, value)], {finding options})])

    Writes the articles under tmp_path/<folder> (tmp_path is the working directory) and
    returns a StoryReport whose findings point at the words in them.
    """
    monkeypatch.chdir(tmp_path)

    def make(files: dict[str, str], findings=(), folder: str = "story", problems=()) -> StoryReport:
        root = Path(folder)
        sources = {}
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            sources[name] = Source(name, path, text, text, name, hashlib.sha256(text.encode()).hexdigest())
        out = []
        for status, kind, claims, *rest in findings:
            opts = rest[0] if rest else {}
            rule = opts.get("rule", "FC101")
            cl = [claim_on(sources[n], words, value, kind, rule) for n, words, value in claims]
            out.append(Finding(kind, opts.get("key", kind), opts.get("label", kind), status, cl,
                               opts.get("reason", ""), rule, opts.get("severity", "error")))
        return StoryReport(root, list(sources.values()), out, list(problems))

    return make


TOY = re.compile(r"\b(deaths|injuries)\W{1,3}(\d+)")
TOY_RULES = {"deaths": "FC101", "injuries": "FC102"}


class ToyEngine:
    """Claims are `deaths: N` / `injuries: N` anywhere in a text; a fact per kind; differing values
    conflict unless a sentence says "since" (explained). Counts extraction calls."""

    def __init__(self):
        self.extracted = 0

    def extract(self, source, sentences, rules):
        self.extracted += 1
        return [
            Claim(kind=m[1], rule=TOY_RULES[m[1]], source=source.name, value=int(m[2]), start=m.start(),
                  end=m.end(), words=m[0], sentence=sentence_of(source, m.start()))
            for m in TOY.finditer(source.text)
        ]

    def align(self, claims, *_args):
        kinds: dict[str, list[Claim]] = {}
        for c in claims:
            kinds.setdefault(c.kind, []).append(c)
        return list(kinds.items())

    def compare(self, facts, *_args, **_kwargs):
        out = []
        for kind, claims in facts:
            values = {c.value for c in claims}
            if len({c.source for c in claims}) < 2:
                status = "single"
            elif len(values) == 1:
                status = "agree"
            elif any("since" in c.sentence.text for c in claims):
                status = "explained"
            else:
                status = "conflict"
            out.append(Finding(kind, f"{kind}:story", kind, status, claims, rule=TOY_RULES[kind]))
        return out


@pytest.fixture
def toy_engine(monkeypatch, tmp_path):
    """Swap the engine's stages in factcheck.check for the ToyEngine; tmp_path becomes the working directory."""
    import factcheck.check as check

    engine = ToyEngine()
    monkeypatch.setattr(check, "extract_claims", engine.extract)
    monkeypatch.setattr(check, "align_claims", engine.align)
    monkeypatch.setattr(check, "compare_facts", engine.compare)
    monkeypatch.chdir(tmp_path)
    return engine


def write_story(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def story_files():
    return write_story

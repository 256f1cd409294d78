"""Run the examples rules carry, and annotated fixture articles, against the extraction.

A rule is only as good as what it finds, so a rule file carries its own examples
(`[[examples]]`: `text`, optional `published`, `expect` = the values it must yield, `[]` for
none). An example runs through the same stages as a real article: a one-source `Source`
built from the text, `split_sentences`, then `extract_claims` with a rule set holding that
rule alone. It passes when the multiset of values equals `expect`.

Fixture articles (`.txt`/`.md`, searched recursively) are real texts annotated inline:

    <!-- expect: FC101 20 -->      the rule must yield 20 in the marker's region
    <!-- expect: deaths 20 3 -->   ...20 and 3 (codes or slugs; several values allowed)
    <!-- ok: FC101, FC102 -->      these rules must yield nothing there

A marker's region: when article text stands before the marker on its line, the paragraph
(run of non-blank lines) that holds it; otherwise the next paragraph — from the marker to
the first blank line after the text that follows it (blank lines and other markers right
after it are skipped). A claim is in the region when its first character is. `expect`
values of one rule in one region form a multiset that must be contained in what the rule
yields there (other values are allowed); `ok` allows nothing. Markers are blanked out before
extraction, so they cannot be read as article text. Files are read with the real loader
(front matter, publication date, cleaning), so a `published:` line dates relative days.
"""
from __future__ import annotations

import dataclasses
import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import regex

from factcheck.model import Source
from factcheck.ruleset import Rule, RuleError, RuleSet
from factcheck.suppress import did_you_mean, matches, next_paragraph, paragraph_around

EXAMPLE_KEYS = {"text", "published", "expect", "note"}
_EXAMPLE_TABLE = regex.compile(r"^[^\S\n]*\[\[[^\S\n]*examples[^\S\n]*\]\]", regex.M)
_MARKER = regex.compile(r"<!--[^\S\n]*(?P<verb>expect|ok)[^\S\n]*:(?P<body>.*?)-->", regex.S | regex.I)
_ANY_MARKER = regex.compile(r"<!--[^\S\n]*(?:expect|ok)[^\S\n]*:.*?-->", regex.S | regex.I)
# A comment opening with a word: a marker, or something meant as one (`expct:`, `expect` with no colon).
_WORD_COMMENT = regex.compile(r"<!--[^\S\n]*(?P<word>[A-Za-z]+)(?P<colon>[^\S\n]*:)?[^\n]*?-->")


class FixtureError(Exception):
    """A fixture article that cannot be used: a marker that does not parse, an unknown rule."""


@dataclass(frozen=True)
class Example:
    rule: Rule
    index: int  # 1-based, in file order
    text: str
    published: date | None
    expect: tuple
    line: int | None  # of its [[examples]] header, when the file uses that form

    @property
    def where(self) -> str:
        return f"{self.rule.origin}:{self.line}" if self.line else self.rule.origin


@dataclass
class CaseResult:
    """One example or one fixture region: what the rule had to yield and what it did."""

    rule: str  # code
    slug: str
    kind: str  # example | expect | ok
    name: str  # "FC101 deaths example 3", "FC101 deaths at story/a.md:12"
    where: str  # file:line
    text: str
    expected: list
    got: list
    passed: bool

    def difference(self) -> str:
        """Expected against got, and what is missing or extra, in a line."""
        want, have = Counter(map(value_key, self.expected)), Counter(map(value_key, self.got))
        missing = list((want - have).elements())
        extra = list((have - want).elements())
        head = f"expected {show(self.expected)}, got {show(self.got)}"
        if self.kind == "expect":
            extra = []  # other values are allowed in a fixture region
        notes = [f"missing {show(missing)}"] * bool(missing) + [f"unexpected {show(extra)}"] * bool(extra)
        return head + (" (" + "; ".join(notes) + ")" if notes else "")

    def as_dict(self) -> dict:
        return {
            "rule": self.rule, "slug": self.slug, "kind": self.kind, "name": self.name, "where": self.where,
            "text": self.text, "expected": [plain(v) for v in self.expected], "got": [plain(v) for v in self.got],
            "passed": self.passed,
        }


@dataclass
class RuleTestRun:
    results: list[CaseResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # rules without a negative example, say

    @property
    def failed(self) -> list[CaseResult]:
        return [r for r in self.results if not r.passed]


# --- values ---------------------------------------------------------------------------------


def value_key(value) -> object:
    """What makes two values equal: 20 == 20.0; dates by their ISO text."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return str(value)


def plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def show(values: list) -> str:
    return "[" + ", ".join(str(plain(v)) for v in sorted(values, key=lambda v: (isinstance(value_key(v), str), value_key(v)))) + "]"


def _marker_value(token: str):
    for cast in (int, float):
        try:
            return cast(token)
        except ValueError:
            pass
    return token


# --- examples ------------------------------------------------------------------------------


def _example_lines(origin: str) -> list[int]:
    try:
        text = Path(origin).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [text.count("\n", 0, m.start()) + 1 for m in _EXAMPLE_TABLE.finditer(text)]


def examples_of(rule: Rule) -> list[Example]:
    """The rule's examples, checked: RuleError names the file, line and key of one that does not parse."""
    lines = _example_lines(rule.origin)
    out = []
    for i, raw in enumerate(rule.examples, 1):
        line = lines[i - 1] if len(lines) == len(rule.examples) else None
        at = f"{rule.origin}:{line}: examples[{i}]" if line else f"{rule.origin}: examples[{i}]"
        if not isinstance(raw, dict):
            raise RuleError(f"{at}: must be a table with text and expect")
        unknown = sorted(set(raw) - EXAMPLE_KEYS)
        if unknown:
            raise RuleError(f"{at}: unknown key '{unknown[0]}' (an example has {', '.join(sorted(EXAMPLE_KEYS))})")
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip():
            raise RuleError(f"{at}: key 'text': missing or empty (the sentence the rule is tried on)")
        if "expect" not in raw:
            raise RuleError(f"{at}: missing key 'expect' (the values the rule must yield, [] for none)")
        expect = raw["expect"]
        if not isinstance(expect, list) or not all(
            isinstance(v, (int, float, str, date)) and not isinstance(v, bool) for v in expect
        ):
            raise RuleError(f"{at}: key 'expect': must be a list of numbers or dates, like [20] or [], not {expect!r}")
        published = raw.get("published")
        if isinstance(published, datetime):
            published = published.date()
        elif isinstance(published, str):
            try:
                published = date.fromisoformat(published)
            except ValueError:
                raise RuleError(f"{at}: key 'published': {published!r} is not a date (YYYY-MM-DD)") from None
        elif published is not None and not isinstance(published, date):
            raise RuleError(f"{at}: key 'published': {published!r} is not a date (YYYY-MM-DD)")
        out.append(Example(rule, i, text, published, tuple(expect), line))
    return out


def check_examples(rules: RuleSet) -> None:
    """Raise RuleError for the first example of any rule that does not parse."""
    for rule in rules.rules:
        examples_of(rule)


def only(rules: RuleSet, chosen: list[Rule]) -> RuleSet:
    """The same vocabulary with only these rules (already compiled)."""
    return dataclasses.replace(rules, rules=list(chosen))


def example_source(example: Example) -> Source:
    """A one-source story holding just the example's text."""
    return Source(
        name=f"{example.rule.code} example {example.index}", path=Path(example.rule.origin),
        text=example.text, clean=example.text, title="", digest="", published=example.published,
        published_how="example" if example.published else "unknown",
    )


def run_example(rules: RuleSet, example: Example) -> CaseResult:
    from factcheck.extract import extract_claims
    from factcheck.split import split_sentences

    source = example_source(example)
    claims = extract_claims(source, split_sentences(source), only(rules, [example.rule]))
    got = [c.value for c in claims]
    passed = Counter(map(value_key, got)) == Counter(map(value_key, example.expect))
    rule = example.rule
    return CaseResult(
        rule.code, rule.slug, "example", f"{rule.code} {rule.slug} example {example.index}", example.where,
        example.text, list(example.expect), got, passed,
    )


def lint_examples(rule: Rule) -> list[str]:
    """What a rule's examples leave untested: no example, or none that must yield nothing."""
    if not rule.examples:
        return [f"{rule.code} {rule.slug}: no examples ({rule.origin})"]
    if not any(isinstance(e, dict) and e.get("expect") == [] for e in rule.examples):
        return [f"{rule.code} {rule.slug}: no negative example (one with expect = []) ({rule.origin})"]
    return []


# --- fixtures ------------------------------------------------------------------------------


@dataclass
class _Marker:
    verb: str  # expect | ok
    rule: Rule
    values: list
    line: int
    region: tuple[int, int]


def fixture_files(path: Path) -> list[Path]:
    from factcheck.load import ARTICLE_SUFFIXES

    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FixtureError(f"{path}: no such file or folder")
    return sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())


def _load_fixtures(files: list[Path]) -> list[Source]:
    """Each file through the real loader, folder by folder; a file it cannot read is an error."""
    from factcheck.load import StoryError, load_story

    by_folder: dict[Path, list[Path]] = {}
    for f in files:
        by_folder.setdefault(f.parent, []).append(f)
    sources = []
    for folder, wanted in sorted(by_folder.items()):
        try:
            loaded = load_story(folder)
        except StoryError as error:
            raise FixtureError(str(error)) from None
        for path in wanted:
            source = next((s for s in loaded.sources if s.path.name == path.name), None)
            if source is not None:
                sources.append(dataclasses.replace(source, path=path))
                continue
            if any(copy == path.name for copy, _original in loaded.duplicates):
                continue  # a byte-identical copy of another fixture: nothing new to test
            why = next((p.message for p in loaded.problems if p.path == path.name), "not readable")
            raise FixtureError(f"{path}: {why}")
    return sources


def _rule_named(rules: RuleSet, name: str) -> Rule | None:
    return next((r for r in rules.rules if r.code == name.upper() or r.slug == name), None)


def _markers(source: Source, rules: RuleSet) -> list[_Marker]:
    text, out = source.text, []
    for m in _MARKER.finditer(text):
        line = source.line_col(m.start())[0]
        at = f"{source.path}:{line}"
        verb = m["verb"].lower()
        tokens = m["body"].replace(",", " ").split()
        if not tokens:
            raise FixtureError(f"{at}: marker names no rule: write <!-- {verb}: FC101{' 20' if verb == 'expect' else ''} -->")
        names, values = (tokens[:1], tokens[1:]) if verb == "expect" else (tokens, [])
        if verb == "expect" and not values:
            raise FixtureError(f"{at}: expect marker without a value: write <!-- expect: {tokens[0]} 20 --> (or <!-- ok: {tokens[0]} --> for none)")
        line_start = text.rfind("\n", 0, m.start()) + 1
        text_before = _ANY_MARKER.sub("", text[line_start : m.start()]).strip()
        region = paragraph_around(text, m.start()) if text_before else next_paragraph(text, m.end())
        for name in names:
            rule = _rule_named(rules, name)
            if rule is None:
                raise FixtureError(f"{at}: unknown rule {name!r} in marker{did_you_mean(name, rules.defined)}")
            out.append(_Marker(verb, rule, [_marker_value(v) for v in values], line, region))
    return out


def marker_typos(source: Source) -> list[str]:
    """Comments meant as markers that are not read as one, which would test nothing unnoticed:
    a misspelt verb (`expct:`) or a verb without its colon (`expect FC101 20`)."""
    out = []
    for m in _WORD_COMMENT.finditer(source.text):
        word = m["word"].lower()
        if word in ("expect", "ok"):
            if m["colon"]:
                continue
            meant = word
        else:
            close = difflib.get_close_matches(word, ["expect"], n=1, cutoff=0.75) if m["colon"] else []
            if not close:
                continue
            meant = close[0]
        line = source.line_col(m.start())[0]
        out.append(f"{source.path}:{line}: {' '.join(m.group().split())!r} is not a marker (did you mean '{meant}:'?)")
    return out


def _blank_markers(text: str) -> str:
    return _ANY_MARKER.sub(lambda m: regex.sub(r"[^\n]", " ", m.group()), text)


def _excerpt(text: str, region: tuple[int, int], width: int = 100) -> str:
    words = " ".join(_ANY_MARKER.sub(" ", text[region[0] : region[1]]).split())
    return words if len(words) <= width else words[: width - 1] + "…"


def run_fixture(source: Source, rules: RuleSet, tested: list[Rule]) -> list[CaseResult]:
    from factcheck.extract import extract_claims
    from factcheck.split import split_sentences

    markers = [m for m in _markers(source, rules) if m.rule in tested]
    if not markers:
        return []
    groups: dict[tuple[str, tuple[int, int]], list[_Marker]] = {}
    for marker in markers:
        groups.setdefault((marker.rule.code, marker.region), []).append(marker)
    for (code, _region), group in groups.items():
        if len({m.verb for m in group}) > 1:
            lines = ", ".join(str(m.line) for m in group)
            raise FixtureError(f"{source.path}:{group[0].line}: expect and ok markers for {code} on the same paragraph (lines {lines})")
    blanked = dataclasses.replace(source, clean=_blank_markers(source.clean))
    used = [r for r in tested if any(m.rule is r for m in markers)]
    claims = extract_claims(blanked, split_sentences(blanked), only(rules, used))
    results = []
    for (code, (start, end)), group in groups.items():
        rule, first = group[0].rule, group[0]
        got = [c.value for c in claims if c.rule == code and start <= c.start < end]
        expected = [v for m in group for v in m.values]
        if first.verb == "ok":
            passed = not got
        else:
            passed = not (Counter(map(value_key, expected)) - Counter(map(value_key, got)))
        where = f"{source.path}:{first.line}"
        results.append(CaseResult(
            rule.code, rule.slug, first.verb, f"{rule.code} {rule.slug} at {where}", where,
            _excerpt(source.text, (start, end)), expected, got, passed,
        ))
    return results


# --- everything ----------------------------------------------------------------------------


def run_all(rules: RuleSet, fixtures: Path | None = None, select: list[str] | None = None) -> RuleTestRun:
    """Every example of every rule (or of the selected ones), then every fixture under `fixtures`.

    Raises RuleError for an example that does not parse and FixtureError for a bad fixture.
    """
    slugs = {r.code: r.slug for r in rules.rules}
    tested = [r for r in rules.rules if not select or any(matches(s, r.code, slugs) for s in select)]
    run = RuleTestRun()
    for rule in tested:
        run.warnings.extend(lint_examples(rule))
        for example in examples_of(rule):
            run.results.append(run_example(rules, example))
    if fixtures is not None:
        files = fixture_files(Path(fixtures))
        for source in _load_fixtures(files):
            run.warnings.extend(marker_typos(source))
            run.results.extend(run_fixture(source, rules, tested))
    return run

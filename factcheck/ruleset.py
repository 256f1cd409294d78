"""Rules are data: TOML files under rules/ (and a user's folders), loaded with tomllib; their
patterns are compiled once, on first use.

A rule file names its code, kind and type, lists the words that signal a claim, and
carries its own examples. The rule *types* (toll, count, age, date) are reusable
checks: a user adds "evacuated" by writing a toll rule with the word lists, not code.
Phrase lists are turned into patterns here; `patterns` entries are regex frames with the
placeholders {n} (a number phrase), {who} (an optional counted subject), {aux} (optional
auxiliaries such as "were" or "have been"), {name} and {age}.
"""
from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import regex

from factcheck import scan
from factcheck.patterns import alternatives as _alternatives
from factcheck.numbers import NUMBER_PATTERN, NUMBER_START_PATTERN, QUALIFIER_BEFORE_PATTERN, NUMBER_WORDS, ORDINAL_PATTERN, WORD_NUMBER_PATTERN

RULE_TYPES = ("toll", "count", "age", "date")
KINDS = ("deaths", "injuries", "arrests", "missing", "age", "count", "date")
SEVERITIES = ("error", "warning", "info")

_COMMON_KEYS = {
    "code", "slug", "kind", "type", "severity", "summary", "what", "why", "examples",
    "changes_over_time", "patterns", "options",
}
_TYPE_KEYS = {
    "toll": {
        "after", "before", "left", "nouns", "toll", "zero", "one", "attacker_also_died", "attackers_besides", "others_add_one", "others_are_parts",
        "ordinal_after", "not_followed_by", "not_right_before", "not_right_after", "zero_verbs", "any_subject_is_total", "counts_everyone_hit", "triggers",
    },
    "count": {"nouns", "hyphenated", "triggers"},
    "age": {"descriptors", "kin", "befell", "befell_alike", "fired_by", "who_fired", "suspects", "triggers"},
    "date": {"events"},
}


class RuleError(Exception):
    """A rule or subjects file that cannot be used: names the file, the key and what is wrong."""


@dataclass(frozen=True)
class Subject:
    noun: str
    role: str  # victim | attacker | police | hostage | bystander | ""
    group: str  # total | attacker | police | hostage | subgroup


@dataclass
class Rule:
    code: str
    slug: str
    kind: str
    type: str
    severity: str
    summary: str
    what: str
    why: str
    data: dict
    examples: list[dict]
    origin: str  # the file it came from
    changes_over_time: bool = False
    patterns: list[str] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    has_triggers: bool = False  # True: a sentence without one of its trigger words cannot match

    def words(self, key: str) -> list[str]:
        return list(self.data.get(key, []))


@dataclass
class Frame:
    """One of a rule's patterns. Each is compiled on first use, one at a time: a run whose
    claims all come from the cache compiles nothing, and a short check compiles only the
    frames the word scan (factcheck.scan) lets run."""

    name: str
    source: str  # the regex, placeholders expanded
    flags: int
    written: str  # the frame as the rule states it: its opening words say where it can start

    @cached_property
    def pattern(self) -> regex.Pattern:
        return _compiled(self.source, self.flags)

    @cached_property
    def anchor(self) -> regex.Pattern | None:
        """Where a match can start: the pattern is tried only where this matches."""
        return _anchor(self.written)


@dataclass
class RuleSet:
    rules: list[Rule]
    subjects: dict[str, Subject]
    events: dict[str, str]  # event word → event class
    other_event_markers: list[str]
    version: str
    # code → slug of every rule the files define, selected or not: a name outside it is a typo.
    defined: dict[str, str] = field(default_factory=dict)
    comparison_markers: list[str] = field(default_factory=list)
    recalled_markers: list[str] = field(default_factory=list)

    @cached_property
    def subject_pattern(self) -> str:
        """ `{who}`: up to four modifiers ("three Baton Rouge police officers") and a subject noun."""
        alternatives = _alternatives(list(self.subjects))
        NOT_MODIFIERS = _alternatives(_NOT_MODIFIERS + NUMBER_WORDS)
        return rf"(?:(?P<mods>(?:(?!{NOT_MODIFIERS}\b)[\p{{L}}][\p{{L}}-]*\s+){{0,4}})(?P<who>{alternatives})\b)"

    @cached_property
    def other_event_re(self) -> regex.Pattern:
        return _any_of(self.other_event_markers)

    @cached_property
    def other_event_patterns(self) -> tuple[regex.Pattern, ...]:
        """The other-event markers one by one: whether a text holds one is found about three
        times as fast by searching for each in turn as by their alternation. The alternation
        alone when a marker could read differently on its own (inline flags, back references)."""
        if any(regex.search(r"\(\?(?!:|=|!|<=|<!|P<)|\\\d|\\g<", m) for m in self.other_event_markers):
            return (self.other_event_re,)
        return tuple(regex.compile(m, regex.I) for m in self.other_event_markers)

    @cached_property
    def comparison_re(self) -> regex.Pattern:
        return _any_of(self.comparison_markers)

    @cached_property
    def recalled_re(self) -> regex.Pattern | None:
        return _any_of(self.recalled_markers) if self.recalled_markers else None

    @cached_property
    def event_re(self) -> regex.Pattern:
        return regex.compile(r"\b" + _alternatives(list(self.events)) + r"\b", regex.I)

    @cached_property
    def trigger_index(self) -> tuple[regex.Pattern | None, dict[str, frozenset[int]]]:
        """One pattern for every rule's trigger words, and which rules each matched phrase wakes.

        A phrase wakes the rules of every trigger phrase it contains ("shot dead" holds
        "dead"), since the pattern matches only the longest phrase at a place.
        """
        owners: dict[str, set[int]] = {}
        for i, rule in enumerate(self.rules):
            for key in _TRIGGER_KEYS.get(rule.type, ()) if rule.has_triggers else ():
                for words in rule.words(key):
                    owners.setdefault(" ".join(words.lower().split()), set()).add(i)
        return _trigger_index(tuple((phrase, frozenset(rules)) for phrase, rules in owners.items()))

    def rules_for(self, text: str) -> list[Rule]:
        """The rules a sentence can match: those without triggers, and those whose words it holds."""
        scan.register(self)  # so that extract.matches knows the words each frame needs
        pattern, index = self.trigger_index
        woken = set()
        if pattern is not None:
            for m in pattern.finditer(text):
                woken |= index.get(" ".join(m.group().lower().split()), frozenset())
        return [r for i, r in enumerate(self.rules) if not r.has_triggers or i in woken]

    def by_code(self, code: str) -> Rule | None:
        # an index of the rules, made again when the list is replaced (a config's selection)
        index = self.__dict__.get("_code_index")
        if index is None or index[0] is not self.rules:
            index = self.__dict__["_code_index"] = (self.rules, {r.code: r for r in reversed(self.rules)})
        return index[1].get(code)


@lru_cache(maxsize=16)
def _trigger_index(owners: tuple[tuple[str, frozenset[int]], ...]) -> tuple[regex.Pattern | None, dict[str, frozenset[int]]]:
    """Built once a process for each set of trigger phrases: a caller that loads the rules
    for every story gets the same index back."""
    if not owners:
        return None, {}
    index = {}
    for phrase, _rules in owners:
        padded = f" {phrase} "
        index[phrase] = frozenset(i for other, rules in owners if f" {other} " in padded for i in rules)
    return regex.compile(r"\b" + _alternatives([phrase for phrase, _rules in owners]) + r"\b", regex.I), index


# Words that never modify a counted subject: "two people", but not "two years after a three people".
_NOT_MODIFIERS = (
    "were was are is have has had been and or of in at by to from with for on a an the than after before "
    "when while as who that which year years month months week weeks day days hour hours killed dead "
    "injured wounded"
).split()
AUX = r"(?:(?:were|was|are|is|have|has|had|been|being|be|all|both|reportedly|later|also|now|confirmed|believed|known|feared|thought|to|still|who|that|seriously|critically|ultimately|eventually|subsequently|since|then|currently|each|were\s+all|so\s+far)\s+){0,5}"
# the auxiliaries of a verb whose subject is "no one": not "who" ("no one who was hurt ...")
_NONE_AUX = r"(?:(?:has|have|had|was|were|is|been|yet|so\s+far|ever|reportedly)\s+){0,4}"




# "arrested two blocks from the scene", "detained three miles away": a distance, not the people counted
_DISTANCES = r"blocks?|miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|yards?|doors?|streets?\s+(?:away|from)"

# A person's name as written: capitalised words, nicknames in quotes, particles (de, van, al).
NAME_PATTERN = (
    r"(?:[\p{Lu}][\p{L}'’.-]*|\"[^\"\n]{1,25}\"|“[^”\n]{1,25}”)"
    r"(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|\"[^\"\n]{1,25}\"|“[^”\n]{1,25}”|de|van|der|la|del|von|bin|al|el|da|dos)){0,4}"
)


def expand(frame: str, subject_pattern: str, descriptors: list[str] = ()) -> str:
    """Turn a rule frame into a regex: placeholders become the shared sub-patterns."""
    out = frame.replace(" {who}", r"(?:\s+{who})?").replace(" {aux}", r"\s+{aux}")
    out = out.replace(" ", r"\s+").replace(r"\s+{aux}", r"\s+" + AUX).replace("{aux}", AUX)
    return (
        out.replace("{n}", r"(?<![\d:$£€.,/#-])(?<!\b[Nn]o\s)" + NUMBER_PATTERN)
        .replace("{who}", subject_pattern)
        .replace("{ord}", ORDINAL_PATTERN)
        .replace("{name}", NAME_PATTERN)
        # before "-year-old" an age may be written in words ("sixteen-year-old"); elsewhere a
        # word would be read too often ("Smith, one of the victims")
        .replace(r"{age}[-\s+]years?[-\s+]old", r"(?<![\p{L}\d.,$-])(?P<age>\d{1,3}|(?i:" + WORD_NUMBER_PATTERN + r"))[-\s]years?[-\s]old")
        .replace("{age}", r"(?<![\d.,$-])(?P<age>\d{1,3})(?![\d,]*\d)")
        .replace("{desc}", _alternatives(list(descriptors)) if descriptors else "(?!)")
    )


def toll_frames(rule: Rule) -> list[tuple[str, str]]:
    """The patterns a toll rule's word lists stand for, by frame name."""
    frames = []
    if rule.words("after"):
        # "Three people, including the gunman, died", "one man, aged 45, was arrested", "20
        # people, most of them soldiers, were hurt", "15 people, the two gunmen among them, died",
        # "one man, the hostage-taker, was detained": an aside may stand before the verb, a clause
        # on who they were too ("two gunmen, who were shot dead"), and where they came from ("from
        # the area", "of Vesk", "from Lower Brenn")
        frames.append(("after", "{n} {who}" + r"(?:\s+in\s+(?:all|total))?(?:\s+who\s+(?:were|had\s+been)\s+[^,.;]{1,60}?(?=\s+(?:were|had\s+been)\s))?(?:\s+(?:from\s+(?:the\s+)?\p{Ll}+(?:\s+\p{Ll}+)?|(?:from|of)\s+(?-i:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}))(?=\s+(?:were|was|had|have|has|are)\b))?(?:,\s+(?:(?:including|among\s+them|(?:most|many|some|several|all|half|none)\s+of\s+(?:them|whom))\s+[^.;]{1,60}?|[^,.;]{1,40}?\s+among\s+them|aged\s+\d{1,3}|(?:the|a|an)\s+[^,.;:\d]{1,40}?|(?:police|officials|authorities)\s+said|according\s+to\s+[^,.;]{1,40}),|,(?=\s+who\s))?" + " {aux}" + _alternatives(rule.words("after")) + r"\b"))
    if rule.words("before"):
        # "fatally injuring two men": a word right before the verb may make it another kind's count
        not_after = r"(?<!\b" + _alternatives(rule.words("not_right_after")) + r"\s+)" if rule.words("not_right_after") else ""
        frames.append(("before", r"\b" + not_after + _alternatives(rule.words("before")) + r" (?:(?:an?\s+)?(?:total\s+of\s+))?{n} {who}" + r"(?!\s+(?:times|shots|rounds|calls?|years|months|weeks|days|hours|minutes|counts|percent|%|" + _DISTANCES + r"))\b"))
    if rule.words("left"):
        frames.append(("left", r"\bleft {n} {who} " + _alternatives(rule.words("left")) + r"\b"))
    if rule.words("nouns"):
        frames.append(("noun", "{n} " + _alternatives(rule.words("nouns")) + r"\b"))
    if rule.words("toll"):
        frames.append(("toll", r"\b" + _alternatives(rule.words("toll")) + r"\s+(?:[\w'’-]+\s+){0,16}?(?:of|at|to|is|was|reached|reaches|hit|hits|stands\s+at|stood\s+at|(?P<passed>passe[sd]|tops|topped|exceeds|exceeded|surpasse[sd]))\s+{n}\b"))
    if rule.words("ordinal_after"):
        frames.append(("ordinal", r"\b(?:an?\s+|the\s+)?{ord}\s+{who}\s+" + AUX + _alternatives(rule.words("ordinal_after")) + r"\b"))
    frames.extend(("pattern", p) for p in rule.patterns)
    return frames


# The word lists whose words every match of a rule contains: a cheap test that lets most
# sentences skip the rule's patterns.
_TRIGGER_KEYS = {
    "toll": ("after", "before", "left", "nouns", "toll", "zero", "zero_verbs", "one", "ordinal_after", "triggers"),
    "count": ("nouns", "hyphenated", "triggers"),
    "age": ("triggers",),
    "date": (),
}


def _compile(rule: Rule, ruleset: RuleSet) -> None:
    if rule.type == "toll":
        # the zero and one phrases first: "No one was killed" must not read as "one was killed"
        frames = []
        if rule.words("zero"):
            frames.append(("zero", r"\b" + _alternatives(rule.words("zero")) + r"\b"))
        if rule.words("zero_verbs"):
            # "nobody has so far been detained", "no one lost their life": any tense of a verb
            # that means none, with "no one" or "nobody" as its subject
            frames.append(("none", r"\b(?:no\s+one|no-one|nobody)\s+" + _NONE_AUX + _alternatives(rule.words("zero_verbs")) + r"\b"))
        if rule.words("one"):
            frames.append(("one", r"\b" + _alternatives(rule.words("one")) + r"\b"))
        frames += toll_frames(rule)
    elif rule.type == "count":
        nouns = _alternatives(rule.words("nouns")) if rule.words("nouns") else None
        frames = []
        if nouns:
            frames.append(("count", r"{n}\s+(?:(?P<mods>[\p{Ll}-]+)\s+)?(?P<noun>" + nouns[3:-1] + r")\b"))
        if rule.words("hyphenated"):
            frames.append(("hyphen", r"(?<![\d.,-])(?P<num>\d+|" + r"[\p{L}]+" + r")-(?P<noun>" + _alternatives(rule.words("hyphenated"))[3:-1] + r")\b"))
        frames.extend(("pattern", p) for p in rule.patterns)
    else:
        frames = [("pattern", p) for p in rule.patterns]
    words = [w for key in _TRIGGER_KEYS.get(rule.type, ()) for w in rule.words(key)]
    rule.has_triggers = bool(words) and (not rule.patterns or bool(rule.words("triggers")))
    flags = regex.I if rule.type != "age" else 0
    rule.frames = []
    for name, frame in frames:
        source = expand(frame, ruleset.subject_pattern, rule.words("descriptors"))
        if name == "pattern":  # written by hand: checked now, so a bad one is reported at once
            _check_pattern(rule, frame, flags)
        rule.frames.append(Frame(name, source, flags, frame))


# Stand-ins for the placeholders: a hand-written frame is checked with these, which is as
# good a syntax check as the full expansion and a hundred times cheaper to compile.
_STAND_INS = {
    "{n}": "(?P<q>)(?P<num>1)", "{who}": "(?P<mods>)(?P<who>x)", "{aux}": "", "{name}": "x",
    "{age}": "(?P<age>1)", "{desc}": "x", "{ord}": "(?P<ord>1)",
}


def _check_pattern(rule: Rule, frame: str, flags: int) -> None:
    stand_in = frame
    for placeholder, text in _STAND_INS.items():
        stand_in = stand_in.replace(placeholder, text)
    try:
        regex.compile(stand_in, flags)
    except regex.error as error:
        raise RuleError(f"{rule.origin}: pattern {frame!r}: {error.msg}") from None


NUMBER_START = regex.compile(NUMBER_START_PATTERN, regex.I)
QUALIFIER_BEFORE = regex.compile(QUALIFIER_BEFORE_PATTERN, regex.I)
_LEADING_WORDS = regex.compile(r"^\\b(\(\?:(?:[^()\\]|\\.)*\))")


@lru_cache(maxsize=512)
def _compiled(source: str, flags: int) -> regex.Pattern:
    """A frame's pattern, compiled once a process however often the rules are loaded."""
    return regex.compile(source, flags)


@lru_cache(maxsize=512)
def _anchor(frame: str) -> regex.Pattern | None:
    """Where a frame can start: at a number phrase, or at the words it opens with."""
    if frame.startswith("{n}"):
        return NUMBER_START
    m = _LEADING_WORDS.match(frame)
    return regex.compile(r"\b" + m[1], regex.I) if m else None


def _read_toml(path: Path) -> dict:
    try:
        return copy.deepcopy(_parse_toml(path.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"{path}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}: cannot read: {error}") from None


@lru_cache(maxsize=256)
def _parse_toml(text: str) -> dict:
    """A rule file's data, parsed once a process: the check command loads the rules twice
    (to check them, then to run them), and parsing is most of the loading."""
    return tomllib.loads(text)


_TEXT_KEYS = {"code", "slug", "kind", "type", "severity", "summary", "what", "why"}


def _check_values(data: dict, origin: str) -> None:
    """A value of the wrong type is named here rather than failing later inside compilation."""
    for key, value in data.items():
        if key == "changes_over_time" and not isinstance(value, bool):
            raise RuleError(f"{origin}: key '{key}': must be true or false, not {value!r}")
        if key in _TEXT_KEYS:
            if not isinstance(value, str) or (key in ("code", "slug", "kind") and not value.strip()):
                raise RuleError(f"{origin}: key '{key}': must be a non-empty string, not {value!r}")
        elif isinstance(value, bool) or key == "options":
            continue  # a flag such as others_add_one
        elif key == "examples":
            if not isinstance(value, list):
                raise RuleError(f"{origin}: key 'examples': must be a list of [[examples]] tables")
        elif key == "befell_alike":
            if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
                raise RuleError(f"{origin}: key '{key}': must be a table of phrases and the word each says, not {value!r}")
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise RuleError(f"{origin}: key '{key}': must be a list of words or phrases (strings), not {value!r}")
    if not regex.fullmatch(r"[a-z][a-z0-9-]*", data["slug"]):
        raise RuleError(f"{origin}: key 'slug': {data['slug']!r} must be lower-case letters, digits and hyphens")


def parse_rule(data: dict, origin: str) -> Rule:
    for key in ("code", "slug", "kind", "type"):
        if key not in data:
            raise RuleError(f"{origin}: missing key '{key}'")
    rule_type = data["type"]
    if rule_type not in RULE_TYPES:
        raise RuleError(f"{origin}: key 'type': unknown rule type {rule_type!r} (one of {', '.join(RULE_TYPES)})")
    unknown = set(data) - _COMMON_KEYS - _TYPE_KEYS[rule_type]
    if unknown:
        known = ", ".join(sorted(_COMMON_KEYS | _TYPE_KEYS[rule_type]))
        raise RuleError(f"{origin}: unknown key '{sorted(unknown)[0]}' (a {rule_type} rule may have: {known})")
    _check_values(data, origin)
    if not regex.fullmatch(r"FC\d{3}", str(data["code"])):
        raise RuleError(f"{origin}: key 'code': {data['code']!r} is not of the form FC123")
    severity = data.get("severity", "error")
    if severity not in SEVERITIES:
        raise RuleError(f"{origin}: key 'severity': {severity!r} is not one of {', '.join(SEVERITIES)}")
    typed = {k: v for k, v in data.items() if k in _TYPE_KEYS[rule_type]}
    return Rule(
        code=data["code"], slug=data["slug"], kind=data["kind"], type=rule_type, severity=severity,
        summary=data.get("summary", ""), what=data.get("what", ""), why=data.get("why", ""),
        data=typed, examples=list(data.get("examples", [])), origin=origin,
        changes_over_time=bool(data.get("changes_over_time", False)), patterns=list(data.get("patterns", [])),
    )


def _any_of(markers: list[str]) -> regex.Pattern:
    """One pattern for a list of marker patterns; an empty list matches nothing."""
    return regex.compile("|".join(f"(?:{m})" for m in markers) or "(?!)", regex.I)


def shipped_rules_dir() -> Path:
    return Path(str(resources.files("factcheck.rules")))


def _load_vocabulary(folder: Path) -> tuple[dict[str, Subject], dict[str, str], list[str], list[str]]:
    data = _read_toml(folder / "subjects.toml")
    subjects = {}
    for group, entries in data.get("groups", {}).items():
        for role, nouns in entries.items():
            for noun in nouns:
                subjects[noun] = Subject(noun, "" if role == "any" else role, group)
    events = {}
    event_data = _read_toml(folder / "events.toml")
    for event_class, words in event_data.get("classes", {}).items():
        for word in words:
            events[" ".join(word.lower().split())] = event_class  # matched as the text's words, lowercased
    for word in event_data.get("not_events", {}).get("words", []):
        events[" ".join(word.lower().split())] = ""  # read as a whole, so its event word does not count
    other_event = event_data.get("other_event", {})
    return (subjects, events, list(other_event.get("markers", [])), list(other_event.get("comparisons", [])),
            list(other_event.get("recalled_after", [])))


VOCABULARY_FILES = ("subjects.toml", "events.toml", "boilerplate.toml")


def load_rules(extra_dirs: list[Path] | tuple = (), select: list[str] | None = None, ignore: list[str] | None = None) -> RuleSet:
    """The shipped rules plus a user's folders (or single rule files); a later one overrides
    a code of an earlier one."""
    import hashlib

    base = shipped_rules_dir()
    subjects, events, markers, comparisons, recalled = _load_vocabulary(base)
    by_code: dict[str, Rule] = {}
    digest = hashlib.sha256()
    for folder in [base, *map(Path, extra_dirs)]:
        if folder.is_file():
            files = [folder]
        elif folder.is_dir():
            files = [p for p in sorted(folder.glob("*.toml")) if p.name not in VOCABULARY_FILES]
        else:
            raise RuleError(f"{folder}: rules folder does not exist")
        seen_here: dict[str, str] = {}
        for path in files:
            raw = path.read_bytes()
            digest.update(raw)
            rule = parse_rule(_read_toml(path), str(path))
            if rule.code in seen_here:
                raise RuleError(f"{path}: key 'code': duplicate code {rule.code} (also in {seen_here[rule.code]})")
            seen_here[rule.code] = str(path)
            by_code[rule.code] = rule
    rules = sorted(by_code.values(), key=lambda r: r.code)
    defined = {r.code: r.slug for r in rules}
    if select:
        rules = [r for r in rules if any(r.code.startswith(s) or r.slug == s for s in select)]
    if ignore:
        rules = [r for r in rules if not any(r.code.startswith(s) or r.slug == s for s in ignore)]
    ruleset = RuleSet(rules, subjects, events, markers, digest.hexdigest()[:12], defined, comparisons, recalled)
    for rule in rules:
        _compile(rule, ruleset)
    return ruleset

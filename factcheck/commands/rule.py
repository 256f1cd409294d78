"""`factcheck rule FC101` (or a slug): one rule explained, laid out like `ruff rule`.

Title, what it does, why it matters, the word lists it is made of (Options), its own
patterns (Triggers) and its examples, as Markdown; `--format json` gives the same fields.
"""
from __future__ import annotations

import difflib
import json
from pathlib import Path

import typer

from factcheck.commands import _settings as s

# What each word list of a rule type is for, in the words of a rule writer.
OPTION_HELP = {
    "after": 'words after the number: "17 people were ___"',
    "before": 'words before the number: "___ 17 people"',
    "left": 'after "left N people": "left 3 people ___"',
    "nouns": 'nouns right after the number: "17 ___"',
    "toll": 'a toll noun and its number: "___ rose to 17", "a ___ of 17"',
    "zero": "phrases that mean none",
    "one": "phrases that mean exactly one",
    "attacker_also_died": "words after a toll saying the attacker died too (+1)",
    "others_add_one": '"the other five suspects" counts the one in focus too (+1)',
    "ordinal_after": 'after an ordinal: "a third person ___" (3)',
    "hyphenated": 'nouns after a hyphenated number: "the 28-___ bloc"',
    "descriptors": 'words between an age and a name: "a 22-year-old ___, John Smith"',
    "events": "event classes whose dates are compared (see events.toml)",
    "triggers": "words every match of the rule's own patterns holds: a sentence without one skips the rule",
}


def find_rule(rules, name: str):
    wanted = name.strip()
    return next((r for r in rules.rules if r.code == wanted.upper() or r.slug == wanted.lower()), None)


def as_dict(rule) -> dict:
    from factcheck.rule_tests import examples_of, plain

    return {
        "code": rule.code, "slug": rule.slug, "kind": rule.kind, "type": rule.type, "severity": rule.severity,
        "changes_over_time": rule.changes_over_time, "summary": rule.summary.strip(), "what": rule.what.strip(),
        "why": rule.why.strip(), "origin": rule.origin, "builtin": s.is_builtin(rule.origin),
        "options": dict(rule.data), "triggers": list(rule.patterns),
        "examples": [
            {"text": e.text, "published": e.published.isoformat() if e.published else None,
             "expect": [plain(v) for v in e.expect]}
            for e in examples_of(rule)
        ],
    }


def _paragraphs(text: str) -> str:
    """Rule prose is hard-wrapped in TOML; paragraphs are kept, lines joined."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return "\n\n".join(b for b in blocks if b)


def _values(values: list) -> str:
    from factcheck.rule_tests import plain

    return ", ".join(str(plain(v)) for v in values)


def markdown(rule) -> str:
    from factcheck.rule_tests import examples_of

    out = [f"# {rule.slug} ({rule.code})", ""]
    if rule.summary.strip():
        out += [_paragraphs(rule.summary), ""]
    facts = f"Kind: {rule.kind} · Type: {rule.type} · Severity: {rule.severity}"
    if rule.changes_over_time:
        facts += " · Changes over time"
    out += [facts, "", f"Defined in {s.origin_label(rule.origin)}.", ""]
    if rule.what.strip():
        out += ["## What it does", "", _paragraphs(rule.what), ""]
    if rule.why.strip():
        out += ["## Why it matters", "", _paragraphs(rule.why), ""]
    if rule.data:
        out += ["## Options", ""]
        for key, value in rule.data.items():
            shown = ", ".join(f'"{v}"' for v in value) if isinstance(value, list) else json.dumps(value)
            help_text = OPTION_HELP.get(key)
            out.append(f"- `{key}`" + (f" ({help_text})" if help_text else "") + f": {shown}")
        out.append("")
    if rule.patterns:
        out += ["## Triggers", ""]
        out += [f"- `{p}`" for p in rule.patterns]
        out.append("")
    examples = examples_of(rule)
    if examples:
        out += ["## Examples", ""]
        for e in examples:
            yields = f"yields {_values(list(e.expect))}" if e.expect else "yields nothing"
            dated = f" (published {e.published.isoformat()})" if e.published else ""
            out.append(f"- {e.text}{dated}")
            out.append(f"  → {yields}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def run(
    name: str = typer.Argument(..., metavar="RULE", show_default=False, hidden=True),
    output_format: s.TextOrJson = s.FORMAT_OPTION,
    config_file: Path = s.CONFIG_OPTION,
    rules_dirs: list[Path] = s.RULES_OPTION,
) -> None:
    """Explain one RULE, a code (FC101) or slug (deaths): what it finds, why it matters, its word
    lists, patterns and examples."""
    _config, rules = s.load(None, config_file, s.overrides(rules_dirs))
    rule = find_rule(rules, name)
    if rule is None:
        names = [r.code for r in rules.rules] + [r.slug for r in rules.rules]
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"; did you mean {close[0]}?" if close else "; `factcheck rules` lists them"
        s.fail(f"unknown rule {name!r}{hint}")
    if output_format == s.TextOrJson.json:
        s.emit(json.dumps(as_dict(rule), indent=2, ensure_ascii=False, default=str))
    else:
        s.emit(markdown(rule))

"""`factcheck config [PATH]`: the settings that apply to the story at PATH and where each one
came from: the config nearest PATH for what is checked, the working directory's for what
shapes the run (format, fail-on), as `check` applies them, also under `--recursive`.

Printed as TOML a user can paste into factcheck.toml, each line with its origin (default,
FILE:key, or the command-line option); `--format json` for programs. The rules are loaded
too, so a selector that names no rule is reported here, as `check` would.
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from factcheck.commands import _settings as s


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = []
        for k, v in value.items():
            key = k if all(ch.isalnum() or ch in "-_" for ch in k) else json.dumps(k, ensure_ascii=False)
            items.append(f"{key} = {_toml_value(v)}")
        return "{ " + ", ".join(items) + " }"
    return json.dumps(str(value))


def text(config) -> str:
    from factcheck.config import describe

    from factcheck import scan

    found = f"# config file: {config.path}" if config.path else "# config file: none found (defaults in use)"
    lines = [found, f"# extraction prefilter: {scan.engine()}"]
    entries = [(f"{key} = {_toml_value(value)}", origin) for key, value, origin in describe(config)]
    width = max(len(e) for e, _ in entries)
    lines += [f"{entry.ljust(width)}  # {origin}" for entry, origin in entries]
    return "\n".join(lines) + "\n"


def as_json(config) -> str:
    from factcheck.config import describe

    from factcheck import scan

    doc = {
        "config_file": str(config.path) if config.path else None,
        "prefilter": scan.engine(),
        "settings": {key: {"value": value, "origin": origin} for key, value, origin in describe(config)},
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


def run(
    path: Path = typer.Argument(None, metavar="PATH", show_default=False, hidden=True),
    config_file: Path = s.CONFIG_OPTION,
    rules_dirs: list[Path] = s.RULES_OPTION,
    select: list[str] = s.SELECT_OPTION,
    ignore: list[str] = s.IGNORE_OPTION,
    output_format: s.TextOrJson = s.FORMAT_OPTION,
) -> None:
    """Show the settings that apply to the story folder PATH (default: the current folder) and
    where each came from: default, FILE:key or the command line."""
    from factcheck.config import ConfigError, story_config

    if path is not None and not path.exists():
        s.fail(f"{path}: no such file or folder")
    options = s.overrides(rules_dirs, select, ignore)
    config, _rules = s.load(None, config_file, options)
    if config_file is None and path is not None:
        try:
            config = story_config(path, config, options)
        except ConfigError as error:
            s.fail(error)
        s.load_rules(config)
    s.emit(as_json(config) if output_format == s.TextOrJson.json else text(config))

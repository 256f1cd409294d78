"""What the rule and config subcommands share: their options, loading, and one-line errors.

A broken rule or config file stops every command the same way: one line on stderr naming
the file, the line or key and what is wrong, and exit 2 — never a traceback.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer

EXIT_ERROR = 2


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


CONFIG_OPTION = typer.Option(None, "--config", metavar="FILE", show_default=False,
                             help="Read settings from FILE instead of searching for factcheck.toml / pyproject.toml.")
RULES_OPTION = typer.Option(None, "--rules", metavar="DIR", show_default=False,
                            help="Also load the rule files in DIR, or one rule file (repeatable); added to the config's `rules`.")
SELECT_OPTION = typer.Option(None, "--select", metavar="CODES", show_default=False,
                             help="Only these rules: codes, code prefixes or slugs, comma-separated (repeatable).")
IGNORE_OPTION = typer.Option(None, "--ignore", metavar="CODES", show_default=False,
                             help="Leave out these rules: codes, code prefixes or slugs, comma-separated (repeatable).")
FORMAT_OPTION = typer.Option(TextOrJson.text, "--format", metavar="FORMAT", case_sensitive=False,
                             help="text for people (the default), json for programs.", show_default=False)


def fail(message: object) -> NoReturn:
    """Print `error: message` as one line on stderr and exit 2."""
    line = " ".join(str(message).split())
    sys.stderr.write(f"error: {line}\n")
    sys.stderr.flush()
    raise typer.Exit(EXIT_ERROR)


def overrides(rules: list[Path] | None = None, select: list[str] | None = None, ignore: list[str] | None = None, **more) -> dict:
    """Command-line values for `load_config`: an option not given is None."""
    out = {"rules": list(rules) if rules else None, "select": list(select) if select else None,
           "ignore": list(ignore) if ignore else None}
    out.update(more)
    return out


def load(start: Path | None, config_file: Path | None, options: dict, with_rules: bool = True):
    """(Config, RuleSet or None), or exit 2 with the error in one line."""
    from factcheck.config import ConfigError, load_config
    from factcheck.rule_tests import FixtureError
    from factcheck.ruleset import RuleError

    try:
        config = load_config(start if start is not None else Path.cwd(), config_file, options)
    except (ConfigError, RuleError, FixtureError) as error:
        fail(error)
    return config, load_rules(config) if with_rules else None


def load_rules(config):
    """The rules a config picks, or exit 2 with the error in one line."""
    from factcheck.config import ConfigError
    from factcheck.rule_tests import FixtureError
    from factcheck.ruleset import RuleError

    try:
        return config.ruleset()
    except (ConfigError, RuleError, FixtureError) as error:
        fail(error)


def origin_label(origin: str) -> str:
    """Where a rule came from, short: `built-in: deaths.toml` or the file's path."""
    from factcheck.ruleset import shipped_rules_dir

    path = Path(origin)
    try:
        if path.resolve().parent == shipped_rules_dir().resolve():
            return f"built-in: {path.name}"
    except OSError:
        pass
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def is_builtin(origin: str) -> bool:
    return origin_label(origin).startswith("built-in: ")


def emit(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()

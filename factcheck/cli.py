"""Command line: parses arguments and calls the library; every subcommand lives in commands/."""
from __future__ import annotations

import typer

from factcheck.commands import check as check_command
from factcheck.commands import config as config_command
from factcheck.commands import rule as rule_command
from factcheck.commands import rules as rules_command
from factcheck.commands import test_rules as test_rules_command

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Check news articles about one story against each other.")
app.command("check", help="Check each story folder: every number and date its sources state, where they agree and where they disagree.")(check_command.run)
app.command("rules")(rules_command.run)
app.command("rule")(rule_command.run)
app.command("test-rules")(test_rules_command.run)
app.command("config")(config_command.run)


@app.callback()
def _root() -> None:
    """Check news articles about one story against each other."""


def main() -> None:
    app()

"""Command line: parses arguments and calls the library; every subcommand lives in commands/."""
from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from factcheck.commands import check as check_command
from factcheck.commands import config as config_command
from factcheck.commands import rule as rule_command
from factcheck.commands import rules as rules_command
from factcheck.commands import test_rules as test_rules_command
from factcheck.commands._coercion import Command, DirectConversion

PROG_NAME = "factcheck"


class OneLineErrors(DirectConversion, TyperGroup):
    """Usage errors as one line on stderr, like the tool's own errors, exit 2; never a box."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except typer.TyperException as error:  # click's usage errors derive from it
            if type(error).__name__ == "NoArgsIsHelpError":  # `factcheck` alone: the help
                typer.echo(error.ctx.get_help(), err=True)
            else:
                sys.stderr.write(f"error: {usage_error(error)}\n")
            sys.exit(error.exit_code)
        except typer.Abort:
            sys.stderr.write("error: interrupted\n")
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def usage_error(error: typer.TyperException) -> str:
    """`check: no such option: --formt (possible options: --format, --output-format)`."""
    message = " ".join(error.format_message().split())
    message = message[:1].lower() + message[1:]
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path.partition(" ")[2] if ctx is not None else ""
    return f"{command}: {message}" if command else message


app = typer.Typer(
    cls=OneLineErrors, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    context_settings={"max_content_width": 100},
    help="Check news articles about one story against each other.",
)
app.command("check", cls=Command)(check_command.run)
app.command("rules", cls=Command)(rules_command.run)
app.command("rule", cls=Command)(rule_command.run)
app.command("test-rules", cls=Command)(test_rules_command.run)
app.command("config", cls=Command)(config_command.run)


def _version(value: bool) -> None:
    if not value:
        return
    from factcheck import __version__
    from factcheck.ruleset import load_rules

    typer.echo(f"{PROG_NAME} {__version__} (rules {load_rules().version})")
    raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Show the tool and rules versions and exit."),
) -> None:
    """Check news articles about one story against each other."""


def main() -> None:
    app(prog_name=PROG_NAME)

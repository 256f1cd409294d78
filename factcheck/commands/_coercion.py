"""Command-line values converted without pydantic, so a run does not pay for importing it.

typer converts every option's value through a pydantic TypeAdapter: importing pydantic and
building the adapters costs about a tenth of a second, more than a pre-commit hook's whole
check of a small story should take. The options of this tool are paths, strings, choices
and lists of those: for them the conversion is done here with typer's own helpers, exactly
as the adapters do it. A value that fails here, or a type not listed (numbers, whose range
errors pydantic words), is handed to typer's own conversion, so every message is typer's.
This leans on typer's internals: a typer without them keeps its own conversion throughout.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer.core import TyperCommand

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path, lenient_issubclass, routes_to_path
    from typer.core import _TyperParameter
except ImportError:  # another typer's internals: its own conversion, pydantic and all
    RuntimeParam = _TyperParameter = None


class PlainValues(RuntimeParam or object):
    """Paths, strings and choices (and lists of them) converted directly; other values, and
    any value that does not convert, by typer's own pydantic-based conversion."""

    def _coerce_value(self, value: Any, param, ctx) -> Any:
        try:
            if get_origin(self.annotation) is list:
                items = value if isinstance(value, (list, tuple)) else [value]
                return [self._one(get_args(self.annotation)[0], item, param, ctx) for item in items]
            return self._one(self.annotation, value, param, ctx)
        except Exception:  # typer's conversion says what is wrong, in its own words
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    def _one(self, annotation: Any, value: Any, param, ctx) -> Any:
        info = self.parameter_info
        if info.parser is not None:
            raise TypeError("a custom parser")
        if lenient_issubclass(annotation, Enum):
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        if annotation is str and isinstance(value, str):
            return value
        if lenient_issubclass(annotation, Path) and routes_to_path(annotation, info) and isinstance(value, (str, Path)):
            path_type = info.path_type or annotation
            return coerce_cli_path(path_type(value), info, path_type=path_type, param=param, ctx=ctx)
        raise TypeError(f"no direct conversion to {annotation!r}")


def convert_directly(param) -> None:
    """Give a parameter the direct conversion (not a file's: typer opens those itself)."""
    descriptor = getattr(param, "type_descriptor", None)
    if (RuntimeParam is not None and isinstance(param, _TyperParameter) and getattr(param, "_runtime_param", False) is None
            and getattr(descriptor, "file_annotation", False) is None):
        param._runtime_param = PlainValues(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info)


class DirectConversion:
    """For a click command class: every parameter, `--help` included, converted directly.
    An option not given (None) then needs no conversion at all, whatever its type."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            convert_directly(param)
        return params


class Command(DirectConversion, TyperCommand):
    """A typer command whose values are converted without pydantic."""

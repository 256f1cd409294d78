"""Project settings: `factcheck.toml`, or `[tool.factcheck]` in `pyproject.toml`.

A newsroom keeps its rule choices beside its stories, so the file is found by walking up
from the checked folder: the first folder holding either file wins, `factcheck.toml` before
`pyproject.toml` (a pyproject without `[tool.factcheck]` does not count). `--config FILE`
skips the search. Command-line options override the file, the file overrides the defaults,
and `Config.origins` says which of the three each setting came from, for `factcheck config`.

Keys (kebab-case, as in the file):
  select, ignore          lists of rule code prefixes ("FC1") or slugs ("deaths"); "*" is every rule
  severity                table: rule code or slug → error | warning | info
  fail-on                 conflict | explained
  tolerance               table: kind → absolute difference within which two numbers agree
  min-confidence          0–1: a discrepancy less sure than this is `uncertain` and never fails a run
  rules                   list of extra rule folders, relative to the config file
  output-format           full | concise | json | jsonl | sarif | github | gitlab | junit | html | csv
  per-source-ignores      table: glob → list of codes, for articles whose name matches
  max-file-size           bytes (an integer, or a string such as "5MB")
  exclude                 globs of files and folders not to read (replaces the defaults)
  extend-exclude          more globs, added to `exclude`
"""
from __future__ import annotations

import difflib
import fnmatch
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import regex

from factcheck.confidence import DEFAULT_MIN_CONFIDENCE
from factcheck.discover import DEFAULT_EXCLUDE, Exclusions, absolute_glob
from factcheck.model import Claim, Source

CONFIG_NAME = "factcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("conflict", "explained")
OUTPUT_FORMATS = ("full", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit", "html", "csv")
SEVERITIES = ("error", "warning", "info")
DEFAULT_MAX_FILE_SIZE = 20_000_000

# Setting name in the file → attribute of Config.
KEYS = {
    "select": "select",
    "ignore": "ignore",
    "severity": "severity",
    "fail-on": "fail_on",
    "tolerance": "tolerance",
    "min-confidence": "min_confidence",
    "rules": "rules",
    "output-format": "output_format",
    "per-source-ignores": "per_source_ignores",
    "max-file-size": "max_file_size",
    "exclude": "exclude",
    "extend-exclude": "extend_exclude",
}
# Settings that shape the whole run rather than one story's check: under `check -r`, they come
# from the working directory's config, every other setting from the config nearest each story.
RUN_KEYS = ("output-format", "fail-on", "exclude", "extend-exclude")
_SELECTOR = regex.compile(r"\*|FC\d{0,3}|[a-z][a-z0-9-]*")
_SIZE = regex.compile(r"\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?\s*", regex.I)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


class ConfigError(Exception):
    """A config file or option that cannot be used: names the file, the key and what is wrong."""


@dataclass
class Config:
    """The effective settings. `origins[key]` is "default", "FILE:key" or "command line (--opt)"."""

    select: list[str] = field(default_factory=lambda: ["*"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "conflict"
    tolerance: dict[str, float] = field(default_factory=dict)
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    rules: list[Path] = field(default_factory=list)  # resolved folders
    output_format: str = "full"
    per_source_ignores: dict[str, list[str]] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    path: Path | None = None  # the config file read, if any
    origins: dict[str, str] = field(default_factory=lambda: {key: "default" for key in KEYS})

    def value(self, key: str):
        return getattr(self, KEYS[key])

    def exclusions(self) -> Exclusions:
        return Exclusions(tuple(self.exclude + self.extend_exclude))

    def as_dict(self) -> dict:
        """Settings as plain JSON values, by file key."""
        out = {}
        for key in KEYS:
            v = self.value(key)
            if key == "rules":
                v = [str(p) for p in v]
            out[key] = v
        return out

    # --- rules --------------------------------------------------------------------------

    def ruleset(self, extra_dirs: list[Path] | tuple = ()):
        """The rules these settings ask for: shipped + `rules` + `extra_dirs`, selected, with severities.

        Raises RuleError for a broken rule file or example, ConfigError for a selector or
        severity entry that names no rule. The rule set's version covers the selection, so a
        claims cache never hands one selection's claims to another.
        """
        from factcheck.rule_tests import check_examples
        from factcheck.ruleset import load_rules
        from factcheck.suppress import matches

        everything = load_rules(extra_dirs=[*self.rules, *map(Path, extra_dirs)])
        check_examples(everything)
        _check_slugs(everything)
        slugs = {r.code: r.slug for r in everything.rules}
        self._check_selectors(slugs, everything.rules)
        chosen = [
            r for r in everything.rules
            if any(matches(s, r.code, slugs) for s in self.select)
            and not any(matches(s, r.code, slugs) for s in self.ignore)
        ]
        for rule in chosen:
            override = self.severity_of(rule.code, slugs)
            if override:
                rule.severity = override
        everything.rules = chosen
        picked = ",".join(f"{r.code}={r.severity}" for r in chosen)
        everything.version = f"{everything.version}-{hashlib.sha256(picked.encode()).hexdigest()[:8]}"
        return everything

    def rules_options(self, extra_dirs: list[Path] | tuple = ()) -> dict:
        """Keyword arguments for `load_rules` that pick the same rules as `ruleset()` (for
        worker processes; `ruleset()` is what checks the files and the selectors)."""
        select = None if "*" in self.select else list(self.select)
        return {"extra_dirs": [*self.rules, *map(Path, extra_dirs)], "select": select, "ignore": list(self.ignore) or None}

    def severity_of(self, code: str, slugs: dict[str, str]) -> str | None:
        for key, level in self.severity.items():
            if key.upper() == code or slugs.get(code) == key:
                return level
        return None

    def _check_selectors(self, slugs: dict[str, str], everything_rules) -> None:
        from factcheck.suppress import matches

        lists = [("select", s) for s in self.select] + [("ignore", s) for s in self.ignore]
        lists += [("severity", s) for s in self.severity]
        lists += [("per-source-ignores", s) for codes in self.per_source_ignores.values() for s in codes]
        kinds = {r.kind for r in everything_rules}
        for kind in self.tolerance:
            if kind not in kinds:
                raise ConfigError(f"{self._where('tolerance')}.{kind}: no rule has kind {kind!r} (kinds: {', '.join(sorted(kinds))})")
        for key, selector in lists:
            if key == "severity" and not any(selector.upper() == c or slugs[c] == selector for c in slugs):
                raise ConfigError(f"{self._where(key)}: {selector!r} is not a rule code or slug (see `factcheck rules`)")
            if not any(matches(selector, code, slugs) for code in slugs):
                raise ConfigError(f"{self._where(key)}: {selector!r} names no rule (see `factcheck rules`)")

    def _where(self, key: str) -> str:
        origin = self.origins.get(key, "default")
        return origin if origin != "default" else f"key '{key}'"

    # --- claims -------------------------------------------------------------------------

    def apply(self, sources: list[Source], claims: list[Claim], rules=None) -> list[Claim]:
        """Claims as these settings want them: of selected rules only, severities overridden,
        per-source ignores applied. Done after extraction, so cached claims obey it too."""
        from dataclasses import replace

        from factcheck.suppress import matches

        slugs = {r.code: r.slug for r in rules.rules} if rules is not None else {}
        active = set(slugs) if rules is not None else None
        by_name = {s.name: s for s in sources}
        ignored_in: dict[str, list[str]] = {}
        for name, source in by_name.items():
            ignored_in[name] = [code for glob, codes in self.per_source_ignores.items()
                                if self._source_matches(glob, source) for code in codes]
        out = []
        for claim in claims:
            if active is not None and claim.rule not in active:
                continue
            if any(matches(s, claim.rule, slugs) for s in ignored_in.get(claim.source, ())):
                continue
            level = self.severity_of(claim.rule, slugs)
            out.append(replace(claim, severity=level) if level and level != claim.severity else claim)
        return out

    def _source_matches(self, glob: str, source: Source) -> bool:
        """A glob matches the article's name in its story folder, its file name, or its path
        relative to the config file's folder."""
        names = {source.name, Path(source.name).name}
        if self.path is not None:
            try:
                names.add(source.path.resolve().relative_to(self.path.parent.resolve()).as_posix())
            except (ValueError, OSError):
                pass
        return any(fnmatch.fnmatchcase(n, glob) for n in names)


def _check_slugs(rules) -> None:
    """Two rules with one slug would make `factcheck rule SLUG` and slug selectors ambiguous."""
    from factcheck.ruleset import RuleError

    seen = {}
    for rule in rules.rules:
        if rule.slug in seen:
            other = seen[rule.slug]
            raise RuleError(f"{rule.origin}: key 'slug': duplicate slug '{rule.slug}' ({rule.code}; {other.code} in {other.origin} has it too)")
        seen[rule.slug] = rule


# --- finding and reading ---------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The config file for a folder: walk up from it, `factcheck.toml` before a pyproject with the table."""
    start = Path(start).resolve()
    folder = start if start.is_dir() else start.parent
    for here in (folder, *folder.parents):
        candidate = here / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = here / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge unless it is the one we read
    tool = data.get("tool")
    return isinstance(tool, dict) and "factcheck" in tool


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error).replace("(at end of document)", f"(at end of document, line {text.count(chr(10)) + 1})")
        raise ConfigError(f"{path}: TOML syntax error: {message}") from None
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("factcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: key 'tool.factcheck': must be a table")
        return table
    return data


def _key_name(path: Path, key: str) -> str:
    return f"tool.factcheck.{key}" if path.name == PYPROJECT else key


def load_config(start: Path | None = None, explicit: Path | None = None, overrides: dict | None = None) -> Config:
    """The effective settings for a run over `start`: defaults < the file < `overrides`.

    `explicit` (--config FILE) replaces discovery. `overrides` maps setting names (file keys
    or attribute names) to command-line values; None means the option was not given. Paths
    in `overrides["rules"]` are taken as given (relative to the working directory).
    """
    config = Config()
    path = Path(explicit) if explicit is not None else find_config(Path(start) if start is not None else Path.cwd())
    if path is not None:
        data = _read(path)
        config.path = path
        for key, raw in data.items():
            if key not in KEYS:
                close = difflib.get_close_matches(key.replace("_", "-"), list(KEYS), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(KEYS)})"
                raise ConfigError(f"{path}: unknown key '{_key_name(path, key)}'{hint}")
            where = f"{path}:{_key_name(path, key)}"
            setattr(config, KEYS[key], _parse(key, raw, where, path.parent))
            config.origins[key] = where
    for name, raw in (overrides or {}).items():
        key = name.replace("_", "-")
        if key not in KEYS:
            raise ConfigError(f"unknown setting '{name}'")
        if raw is None:
            continue
        option = f"--{key}" if key != "output-format" else "--format"
        where = f"command line ({option})"
        value = _parse(key, raw, where, Path.cwd())
        if key in ("rules", "extend-exclude"):  # --rules DIR and --extend-exclude add to the file's
            value = [*config.value(key), *value]
            where = where if config.origins[key] == "default" else f"{config.origins[key]} + {where}"
        setattr(config, KEYS[key], value)
        config.origins[key] = where
    return config


def story_config(folder: Path, run: Config, overrides: dict | None = None) -> Config:
    """The settings for one story of a run whose settings are `run` (the working directory's).

    What is checked and how comes from the config nearest the story, as if it were checked
    alone; what shapes the run (RUN_KEYS) stays the run's. `overrides` are the command line's,
    as for `load_config`. Not for a run with `--config FILE`, which applies to every story.
    """
    path = find_config(folder)
    if path == run.path:
        return run
    config = load_config(folder, path, overrides)
    for key in RUN_KEYS:
        setattr(config, KEYS[key], run.value(key))
        config.origins[key] = run.origins[key]
    return config


# --- values ----------------------------------------------------------------------------------


def _codes(raw, where: str) -> list[str]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, (list, tuple)) or not all(isinstance(s, str) for s in raw):
        raise ConfigError(f"{where}: must be a list of rule codes or slugs, like [\"FC1\", \"age\"]")
    out = []
    for s in (x for item in raw for x in regex.split(r"[,\s]+", item) if x):
        selector = s.upper() if s.upper().startswith("FC") else s
        if not _SELECTOR.fullmatch(selector):
            raise ConfigError(f"{where}: {s!r} is not a rule code (FC101), code prefix (FC1) or slug (deaths)")
        out.append(selector)
    return out


def _table(raw, where: str) -> dict:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: must be a table")
    return raw


def _parse(key: str, raw, where: str, base: Path):
    """One setting's value, checked; `base` is what relative rule folders are relative to."""
    if key in ("select", "ignore"):
        return _codes(raw, where)
    if key == "severity":
        out = {}
        for code, level in _table(raw, where).items():
            if level not in SEVERITIES:
                raise ConfigError(f"{where}.{code}: {level!r} is not one of {', '.join(SEVERITIES)}")
            out[_codes([code], f"{where}.{code}")[0]] = level
        return out
    if key == "fail-on":
        if raw not in FAIL_ON:
            raise ConfigError(f"{where}: {raw!r} is not one of {', '.join(FAIL_ON)}")
        return raw
    if key == "output-format":
        if raw not in OUTPUT_FORMATS:
            raise ConfigError(f"{where}: {raw!r} is not one of {', '.join(OUTPUT_FORMATS)}")
        return raw
    if key == "tolerance":
        out = {}
        for kind, amount in _table(raw, where).items():
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0:
                raise ConfigError(f"{where}.{kind}: {amount!r} must be a number of 0 or more")
            out[kind] = amount
        return out
    if key == "min-confidence":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0 <= raw <= 1:
            raise ConfigError(f"{where}: {raw!r} must be a number from 0 to 1")
        return float(raw)
    if key == "rules":
        if isinstance(raw, (str, Path)):
            raw = [raw]
        if not isinstance(raw, (list, tuple)) or not all(isinstance(p, (str, Path)) for p in raw):
            raise ConfigError(f"{where}: must be a list of folders")
        return [_rules_path(Path(p) if Path(p).is_absolute() else base / p, str(p), where) for p in raw]
    if key == "per-source-ignores":
        return {str(glob): _codes(codes, f"{where}.{glob!r}") for glob, codes in _table(raw, where).items()}
    if key == "max-file-size":
        return _size(raw, where)
    if key in ("exclude", "extend-exclude"):
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, (list, tuple)) or not all(isinstance(g, str) and g.strip() for g in raw):
            raise ConfigError(f"{where}: must be a list of globs, like [\"drafts\", \"*.bak.txt\"]")
        return [absolute_glob(g.strip(), base) for item in raw for g in item.split(",") if g.strip()]
    raise ConfigError(f"{where}: unknown setting")  # pragma: no cover - KEYS and _parse agree


def _rules_path(path: Path, given: str, where: str) -> Path:
    """A folder of rule files or one rule file; a folder without any is a mistake, not a no-op."""
    from factcheck.ruleset import VOCABULARY_FILES

    if path.is_file():
        if path.suffix.lower() != ".toml":
            raise ConfigError(f"{where}: {given!r} is not a folder or a .toml rule file ({path})")
        return path
    if not path.exists():
        raise ConfigError(f"{where}: rules folder {given!r} does not exist ({path})")
    if not path.is_dir():
        raise ConfigError(f"{where}: {given!r} is not a folder or a .toml rule file ({path})")
    if not any(p.name not in VOCABULARY_FILES for p in path.glob("*.toml")):
        raise ConfigError(f"{where}: rules folder {given!r} holds no rule files (*.toml) ({path})")
    return path


def _size(raw, where: str) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0:
        return raw
    m = _SIZE.fullmatch(raw) if isinstance(raw, str) else None
    if not m:
        raise ConfigError(f"{where}: {raw!r} is not a size (bytes, or a string like \"5MB\")")
    size = int(float(m[1]) * _UNITS[(m[2] or "b").lower()])
    if size < 1:
        raise ConfigError(f"{where}: {raw!r} is not a size above 0")
    return size


def describe(config: Config) -> list[tuple[str, object, str]]:
    """(key, value, origin) for every setting, in the documented order."""
    return [(key, config.as_dict()[key], config.origins[key]) for key in KEYS]

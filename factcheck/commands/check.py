"""`factcheck check PATH...`: check each story folder and report what its sources disagree on.

Exit codes: 0 nothing fails the run, 1 at least one conflict (with `--fail-on explained`
an explained discrepancy too; baselined findings never count; `--exit-zero` gives 0),
2 a usage or input error: a folder that does not exist or cannot be read, a bad baseline,
an output file that cannot be written, or no readable article anywhere. A bad folder
among several is reported on stderr and the others are still checked; a path that does not
exist still makes the run exit 2, so a mistyped path never passes CI.

stdout carries the report only; warnings, errors, stale-baseline notes, the progress bar
and (for machine formats) `--statistics` go to stderr.
"""
from __future__ import annotations

import contextlib
import os
import sys
from enum import Enum
from pathlib import Path

import typer

from factcheck.commands import _settings as _s


class Format(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    html = "html"
    csv = "csv"


class FailOn(str, Enum):
    conflict = "conflict"
    explained = "explained"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


PROGRESS_FORMATS = {Format.full, Format.concise}


class InputError(Exception):
    """A problem with the command line's inputs: reported as one line, exit 2."""


def _err(line: str) -> None:
    sys.stderr.write(line.rstrip("\n") + "\n")
    sys.stderr.flush()


def _note(line: str, quiet: bool) -> None:
    """A warning or note: left out under --quiet, where only the report and errors are shown."""
    if not quiet:
        _err(line)


def _safe(text: object) -> str:
    from factcheck.output import one_line

    return one_line(text)


# --- inputs -------------------------------------------------------------------------------


def story_folders(paths: list[Path], recursive: bool, group_by: str | None = None, exclusions=None,
                  max_bytes: int | None = None, index_dir: Path | None = None,
                  cluster=None) -> tuple[list, list[StoryFailure]]:
    """The stories to check, each once (folders, feed files, or the groups of feeds split by
    `group_by`), and a failure for every path that gives none. A JSON Lines feed is grouped
    on the Dask cluster (a factcheck.dask.Cluster) if one is given, whatever its size; else, when it is
    larger than `max_bytes` (by default the config's default), on disk with its index in
    `index_dir`."""
    from factcheck.check import story_folders as folders_under
    from factcheck.config import DEFAULT_MAX_FILE_SIZE
    from factcheck.feeds import is_feed
    from factcheck.load import StoryError, feed_stories
    from factcheck.report import StoryFailure, display_path

    max_bytes = DEFAULT_MAX_FILE_SIZE if max_bytes is None else max_bytes

    folders: list = []
    failures: list[StoryFailure] = []
    seen: set = set()
    for path in paths:
        if not path.exists():
            failures.append(StoryFailure(str(path), "no such folder"))
            continue
        if path.is_file() and is_feed(path.name):
            try:
                if not group_by:
                    groups, problems = [path], []
                elif cluster is not None:
                    groups, problems = _group_on_cluster(path, group_by, cluster, max_bytes)
                else:
                    groups, problems = feed_stories(path, group_by, max_bytes, index_dir)
            except StoryError as e:
                failures.append(StoryFailure(str(path), str(e).removeprefix(f"{path}: ")))
                continue
            for problem in problems:
                _err(f"{problem.level}: {_safe(display_path(path.parent / problem.path))}: {_safe(problem.message)}")
            folders.extend(g for g in groups if (g.resolve() if isinstance(g, Path) else g) not in seen)
            seen.update(g.resolve() if isinstance(g, Path) else g for g in groups)
            continue
        if not path.is_dir():
            failures.append(StoryFailure(str(path), "not a folder (give the story's folder, not an article)"))
            continue
        try:
            found = folders_under(path, recursive, exclusions)
        except OSError as e:
            failures.append(StoryFailure(str(path), f"cannot read folder: {e.strerror or e}"))
            continue
        if not found:
            failures.append(StoryFailure(str(path), "no articles found in this folder or below it"))
        for folder in found:
            resolved = folder.resolve()
            if resolved not in seen:
                seen.add(resolved)
                folders.append(folder)
    return folders, failures


def _group_on_cluster(path: Path, group_by: str, cluster, max_bytes: int) -> tuple[list, list]:
    from factcheck.dask import ClusterError, group_feed

    try:
        return group_feed(path, group_by, cluster.client(), max_bytes=max_bytes)
    except ClusterError as e:
        raise InputError(str(e)) from None


def _article_files(folders: list) -> set[Path]:
    from factcheck.load import is_input

    out = set()
    for folder in folders:
        if not isinstance(folder, Path) or folder.is_file():  # a feed, or one group of a feed
            out.add(Path(getattr(folder, "path", folder)).resolve())
            continue
        try:
            real = folder.resolve()  # a file that is no symlink resolves to its name in it
            with os.scandir(folder) as entries:
                out.update(Path(e.path).resolve() if e.is_symlink() else real / e.name
                           for e in entries if is_input(e.name) and e.is_file())
        except OSError:
            pass
    return out


def check_output_target(output: Path, articles: set[Path], folders: list[Path], what: str = "report") -> None:
    """Refuse an output path we could not or should not write: one that is not a regular
    file, a device, a FIFO or `-`; an article being checked; or a new file that would become
    an article of a checked story on the next run."""
    from factcheck.atomic import OutputError, final_target, output_kind
    from factcheck.load import is_input

    try:
        kind = output_kind(output)
    except OutputError as e:
        raise InputError(str(e)) from None
    if kind != "file":
        return
    target = final_target(output)
    if target in articles:
        raise InputError(f"{output}: refusing to write the {what} over a source article")
    # A .json report is no feed (it holds no article text), so a story folder may keep one.
    if is_input(target.name) and not target.name.lower().endswith(".json") and target.parent in {f.resolve() for f in folders if isinstance(f, Path) and f.is_dir()}:
        raise InputError(f"{output}: refusing to write the {what} into a story folder, where it would be read as an article")
    if not target.parent.is_dir():
        raise InputError(f"{output}: cannot write the {what}: no such folder {target.parent}")


def _same_target(output: Path | None, baseline: Path) -> bool:
    """Whether the report and the baseline would land in one place (stdout is the report's default)."""
    from factcheck.atomic import final_target, is_stdout

    if is_stdout(baseline):
        return output is None or is_stdout(output)
    return output is not None and not is_stdout(output) and final_target(output) == final_target(baseline)


# --- running ------------------------------------------------------------------------------


def _progress(enabled: bool, total: int, color: Color = Color.auto):
    """A rich progress bar on stderr, or a no-op."""
    if not enabled or total < 1:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True, no_color=color == Color.never), transient=True,
    )
    return progress


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def run_checks(folders: list, jobs: int | None, cache_dir: Path | None, show_progress: bool, configs=None,
               cluster=None, color: Color = Color.auto, on_result=None) -> list:
    """The stories checked in local processes, or on the Dask cluster given (a factcheck.dask.Cluster);
    `configs[i]` is the settings of `folders[i]`. `on_result(story, result)` is called as
    each story is done."""
    from factcheck.parallel import check_folders

    configs = list(configs) if configs is not None else [None] * len(folders)
    progress = _progress(show_progress, len(folders), color)
    on_done = on_result
    if progress is not None:
        task = progress.add_task("checking", total=len(folders))

        def on_done(story, result) -> None:
            if on_result is not None:
                on_result(story, result)
            progress.advance(task)
    if cluster is not None:
        with progress or contextlib.nullcontext():
            return _on_cluster(folders, configs, cluster, cache_dir, on_done)
    return check_folders(folders, jobs, cache_dir, on_done=on_done, display=progress, configs=configs)


def _on_cluster(folders: list, configs: list, cluster, cache_dir: Path | None, on_done) -> list:
    """The stories on a Dask cluster, one batch per distinct settings, in the order given."""
    from factcheck.dask import ClusterError, check_on_cluster

    batches: dict[int, list[int]] = {}
    for i, config in enumerate(configs):
        batches.setdefault(id(config), []).append(i)
    results: list = [None] * len(folders)
    for indices in batches.values():
        config = configs[indices[0]]
        settings = {} if config is None else {"rules_options": config.rules_options(), "check_options": {"config": config}}
        try:
            done = check_on_cluster([folders[i] for i in indices], cluster.client(), cache_dir=cache_dir, on_done=on_done, **settings)
        except ClusterError as e:
            raise InputError(str(e)) from None
        for i, result in zip(indices, done):
            results[i] = result
    return results


class Settings:
    """The run's settings (the working directory's config, or --config FILE) and each story's.

    Every config file is read, and its rules checked, once, so a broken rule or config file
    is one error line, not a failure per story.
    """

    def __init__(self, config_file: Path | None, options: dict):
        from factcheck.config import load_config

        self.explicit = config_file is not None
        self.options = options
        self.run = self._checked(lambda: load_config(Path.cwd(), config_file, options))
        self._by_file: dict = {self.run.path: self.run}

    def for_story(self, folder: Path):
        from factcheck.config import find_config, story_config

        if self.explicit:
            return self.run
        path = find_config(folder)
        if path not in self._by_file:
            self._by_file[path] = self._checked(lambda: story_config(folder, self.run, self.options))
        return self._by_file[path]

    @staticmethod
    def _checked(load):
        from factcheck.config import ConfigError

        try:
            config = load()
            config.ruleset()
        except (ConfigError, *_rule_errors()) as e:
            raise InputError(str(e)) from None
        return config


def _rule_errors() -> tuple[type[BaseException], ...]:
    from factcheck import ruleset

    error = getattr(ruleset, "RuleError", None)
    return (error,) if isinstance(error, type) and issubclass(error, Exception) else ()


def split_results(results: list, verbose: bool, quiet: bool = False) -> tuple[list[StoryReport], list[StoryFailure]]:
    """Reports with at least one readable article, and failures for the rest; warnings printed."""
    from factcheck.output import problem_path
    from factcheck.report import StoryFailure

    reports, failures = [], []
    for result in results:
        if isinstance(result, StoryFailure):
            failures.append(result)
            continue
        for problem in result.problems:
            line = f"{problem.level}: {_safe(problem_path(result, problem))}: {_safe(problem.message)}"
            if problem.level == "error":
                _err(line)
            else:
                _note(line, quiet)
        if result.sources:
            reports.append(result)
        else:
            skipped = len(result.problems)
            why = f"no readable article ({skipped} file{'s' if skipped != 1 else ''} skipped)" if skipped else "no readable article"
            failures.append(StoryFailure(str(result.path), why))
    return reports, failures


def report_failures(failures: list[StoryFailure], verbose: bool) -> None:
    for failure in failures:
        _err(f"error: {_safe(failure.path)}: {_safe(failure.message)}")
        if verbose and failure.detail:
            sys.stderr.write(failure.detail)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "backslashreplace")


def emit(text: str, output_format: Format) -> None:
    """The report on stdout: UTF-8 bytes for machine formats, the terminal's encoding for people."""
    try:
        _emit(text, output_format)
    except BrokenPipeError:
        # The reader went away (`| head`): the exit code still tells the outcome, without a traceback.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass


def _emit(text: str, output_format: Format) -> None:
    stream = sys.stdout
    if output_format in PROGRESS_FORMATS:
        try:
            stream.write(text)
            stream.flush()
            return
        except UnicodeEncodeError:
            pass
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text.encode("utf-8", "backslashreplace").decode("utf-8", "replace"))
    else:
        stream.flush()
        buffer.write(_encode(text))
        buffer.flush()


class StreamedReport:
    """`--format jsonl -o FILE`: each story's line is written as soon as it and the stories
    given before it are checked (so the lines come in the order of a whole-run report), into
    a temporary file beside FILE that replaces FILE when the run is done. What the run keeps
    of a written story is what its outcome needs (findings' verdicts, sources' names), not
    its articles, so memory does not grow with the articles of a large run."""

    def __init__(self, output: Path, stories: list, fail_on: str):
        from factcheck.atomic import AtomicFile, final_target

        self.output = output
        self.file = AtomicFile(final_target(output))
        self.place = {story: i for i, story in enumerate(stories)}
        self.fail_on = fail_on
        self.waiting: dict[int, str | None] = {}  # lines done out of order, by story index
        self.next = 0

    def add(self, story, result) -> None:
        from factcheck.model import StoryReport
        from factcheck.output.jsonl import story_line
        from factcheck.report import Outcome

        line = None
        if isinstance(result, StoryReport) and result.sources:
            line = story_line(result, Outcome(reports=[result], fail_on=self.fail_on))
            _keep_outcome_only(result)
        self.waiting[self.place[story]] = line
        while self.next in self.waiting:
            line = self.waiting.pop(self.next)
            if line is not None:
                self._write(line)
            self.next += 1

    def _write(self, line: str) -> None:
        try:
            self.file.write(_encode(line))
        except OSError as e:
            raise InputError(f"{self.output}: cannot write the report: {e.strerror or e}") from None

    def finish(self, failures: list[StoryFailure]) -> None:
        """The lines of the stories that could not be checked, last, and FILE replaced."""
        from factcheck.output.jsonl import failure_line

        for failure in failures:
            self._write(failure_line(failure))
        self.file.commit()

    def __enter__(self) -> "StreamedReport":
        return self

    def __exit__(self, *_) -> None:
        self.file.discard()


def _keep_outcome_only(report: StoryReport) -> None:
    """Drop from a written story what its line held and the run's outcome does not need:
    article texts and claims. Verdicts, rules and source paths stay, for the exit code,
    --statistics and the check that the report is not written over an article."""
    from dataclasses import replace

    report.sources = [replace(s, text="", clean="", anchors=(), located_at=()) for s in report.sources]
    report.findings = [replace(f, claims=[]) for f in report.findings]


def _streams(output_format: Format, output: Path | None, baseline: Path | None, write_baseline: Path | None) -> bool:
    """Whether the report is streamed to its file: JSON Lines into a regular file, without
    baselines (which are matched across the whole run)."""
    from factcheck.atomic import output_kind

    return (output_format == Format.jsonl and output is not None and output_kind(output) == "file"
            and baseline is None and write_baseline is None)


# --- the command --------------------------------------------------------------------------


def run(
    paths: list[Path] = typer.Argument(None, metavar="PATH", show_default=False, hidden=True),
    output_format: Format = typer.Option(
        None, "--format", "--output-format", metavar="FORMAT", case_sensitive=False, show_default=False,
        help="full (terminal, the default), concise (one line per discrepancy), json, jsonl (one line per "
             "story), sarif, github (Actions annotations), gitlab (Code Quality), junit, html (a page to "
             "open in a browser), csv (one row per claim).",
    ),
    output: Path = typer.Option(None, "--output", "-o", metavar="FILE", show_default=False,
                                help="Write the report to FILE instead of stdout (- is stdout)."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Treat every folder under PATH that holds articles as one story."),
    group_by: str = typer.Option(None, "--group-by", metavar="FIELD", show_default=False,
                                 help="Split feed files given as PATH into stories by this field of their records (story_id, event_id, cluster)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List agreements and single-source facts too; show internal errors in full."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the report and errors only: no warnings, notes or progress bar."),
    color: Color = typer.Option(Color.auto, "--color", metavar="WHEN", case_sensitive=False,
                                help="Colour the terminal report: auto (on a terminal, unless NO_COLOR), always, never."),
    fail_on: FailOn = typer.Option(None, "--fail-on", metavar="STATUS", case_sensitive=False, show_default=False,
                                   help="conflict: exit 1 on conflicts only (the default); explained: on explained discrepancies too."),
    min_confidence: float = typer.Option(None, "--min-confidence", metavar="X", min=0.0, max=1.0, show_default=False,
                                         help="Discrepancies less sure than this (0-1) are listed as uncertain and never fail the run; 0 reports every discrepancy (default: 0.5)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even if discrepancies are found (2 still means an error)."),
    statistics: bool = typer.Option(False, "--statistics", help="Print counts per rule, kind and status (on stderr for machine formats)."),
    baseline: Path = typer.Option(None, "--baseline", metavar="FILE", show_default=False,
                                  help="Report only discrepancies not recorded in this baseline file."),
    write_baseline: Path = typer.Option(None, "--write-baseline", metavar="FILE", show_default=False,
                                        help="Record the current discrepancies in this baseline file (- is stdout)."),
    jobs: int = typer.Option(None, "--jobs", "-j", metavar="N", min=1, show_default=False,
                             help="Stories checked in parallel (default: all cores, when the work is large enough)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the claims cache (.factcheck_cache/ in the current folder)."),
    exclude: list[str] = typer.Option(None, "--exclude", metavar="GLOBS", show_default=False,
                                      help="Files and folders not to read, comma-separated globs (repeatable); replaces the default list."),
    extend_exclude: list[str] = typer.Option(None, "--extend-exclude", metavar="GLOBS", show_default=False,
                                             help="Globs to leave out in addition to --exclude or the config's (repeatable)."),
    scheduler: str = typer.Option(None, "--scheduler", metavar="ADDRESS", envvar="DASK_SCHEDULER_ADDRESS", show_default=False,
                                  help="Check the stories on the Dask cluster of this scheduler (tcp://host:8786) instead of local processes."),
    config_file: Path = _s.CONFIG_OPTION,
    rules_dirs: list[Path] = _s.RULES_OPTION,
    select: list[str] = _s.SELECT_OPTION,
    ignore: list[str] = _s.IGNORE_OPTION,
) -> None:
    """Check each story folder PATH (default: the current folder): every number and date its
    articles state, where they agree and where they disagree."""
    try:
        paths = list(paths or [Path(".")])
        settings = Settings(config_file, _s.overrides(
            rules_dirs, select, ignore, output_format=output_format.value if output_format else None,
            fail_on=fail_on.value if fail_on else None, min_confidence=min_confidence,
            exclude=exclude or None, extend_exclude=extend_exclude or None,
        ))
        code = main(
            paths, Format(settings.run.output_format), output, recursive, verbose, FailOn(settings.run.fail_on), exit_zero,
            statistics, baseline, write_baseline, jobs, no_cache, settings=settings, group_by=group_by, scheduler=scheduler,
            quiet=quiet, color=color,
        )
    except InputError as e:
        from factcheck.report import EXIT_ERROR

        _err(f"error: {_safe(e)}")
        code = EXIT_ERROR
    except KeyboardInterrupt:
        _err("error: interrupted")
        code = 130
    raise typer.Exit(code)


def main(*args, **options) -> int:
    """The run; a report streamed to its file is left out if the run stops before its end."""
    with contextlib.ExitStack() as cleanup:
        return _main(*args, cleanup=cleanup, **options)


def _main(
    paths: list[Path], output_format: Format, output: Path | None, recursive: bool, verbose: bool,
    fail_on: FailOn, exit_zero: bool, statistics: bool, baseline: Path | None, write_baseline: Path | None,
    jobs: int | None, no_cache: bool, settings: Settings | None = None, group_by: str | None = None,
    scheduler: str | None = None, quiet: bool = False, color: Color = Color.auto, *, cleanup: contextlib.ExitStack,
) -> int:
    from factcheck import baseline as baselines
    from factcheck.atomic import OutputError, final_target, is_stdout, write_output
    from factcheck.cache import default_dir
    from factcheck.feeds import is_feed
    from factcheck.output import MACHINE_FORMATS, render
    from factcheck.report import EXIT_ERROR, DISCREPANCIES, Outcome, statistics_table

    known = None
    if baseline is not None:
        try:
            known = baselines.load(baseline)
        except baselines.BaselineError as e:
            raise InputError(str(e)) from None
    if write_baseline is not None and _same_target(output, write_baseline):
        raise InputError(f"{write_baseline}: the report and the baseline cannot both be written there")

    cluster = None
    if scheduler:
        from factcheck.dask import Cluster

        cluster = Cluster(scheduler)
        cleanup.callback(cluster.close)
    index_dir = None
    if group_by and not scheduler:  # a cluster keeps no index here
        import tempfile

        index_dir = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="factcheck-feeds-")))
    folders, failures = story_folders(paths, recursive, group_by, settings.run.exclusions() if settings is not None else None,
                                      settings.run.max_file_size if settings is not None else None, index_dir, cluster)
    # A mistyped path must not pass CI: the other stories are still checked, but the run is exit 2.
    missing_paths = [p for p in paths if not p.is_dir() and not (p.is_file() and is_feed(p.name))]
    targets = [(target, what) for target, what in ((output, "report"), (write_baseline, "baseline")) if target is not None]
    articles = _article_files(folders) if targets else set()
    for target, what in targets:
        check_output_target(target, articles, folders, what)

    stream = None
    if _streams(output_format, output, baseline, write_baseline):
        stream = cleanup.enter_context(StreamedReport(output, folders, fail_on.value))

    show_progress = output_format in PROGRESS_FORMATS and stderr_is_terminal() and not quiet
    try:
        configs = [settings.for_story(Path(getattr(f, "path", f))) for f in folders] if settings is not None else None
        results = run_checks(folders, jobs, None if no_cache else default_dir(), show_progress, configs, cluster, color,
                             stream.add if stream else None) if folders else []
    except _rule_errors() as e:  # a rule file that cannot be used stops every story alike
        raise InputError(str(e)) from None
    reports, more = split_results(results, verbose, quiet)
    failures += more
    report_failures(failures, verbose)

    outcome = Outcome(reports=reports, failures=failures, fail_on=fail_on.value, baseline_path=baseline)
    if not outcome.checked_anything:
        if not failures:
            _err("error: no readable article to check")
        return EXIT_ERROR

    sources = {s.path.resolve() for r in reports for s in r.sources}
    for target, what in ((output, "report"), (write_baseline, "baseline")):
        if target is not None and not is_stdout(target) and final_target(target) in sources:
            raise InputError(f"{target}: refusing to write the {what} over a source article")

    if known is not None:
        baselines.apply(outcome, known)
        for entry in outcome.stale:
            _note(f"warning: {_safe(baseline)}: stale baseline entry, no longer found: {_safe(baselines.describe(entry))}", quiet)
    if write_baseline is not None:
        try:
            written = baselines.write(write_baseline, outcome)
        except OutputError as e:
            raise InputError(str(e)) from None
        except OSError as e:
            raise InputError(f"{write_baseline}: cannot write the baseline: {e.strerror or e}") from None
        # What was just recorded is accepted: this run is judged as the next one will be.
        outcome.baselined |= {id(f) for r in reports for f in r.findings if f.status in DISCREPANCIES}
        outcome.stale = []
        if outcome.baseline_path is None:
            outcome.baseline_path = write_baseline
        _note(f"note: wrote {len(written)} finding{'s' if len(written) != 1 else ''} to baseline {_safe(write_baseline)}", quiet)
    elif outcome.baselined:
        n = len(outcome.baselined)
        _note(f"note: {n} finding{'s' if n != 1 else ''} already in baseline {_safe(baseline)} not counted", quiet)

    options: dict = {"verbose": verbose}
    if output_format == Format.full:
        to_file = output is not None and not is_stdout(output)
        options["color"] = {Color.always: True, Color.never: False}.get(color, False if to_file else None)
    options["outcome"] = outcome
    text = "" if stream is not None else render(reports, output_format.value, **options)
    if statistics:
        table = statistics_table(outcome.statistics())
        if output_format.value in MACHINE_FORMATS:
            _err(table.rstrip("\n"))
        else:
            text = text.rstrip("\n") + "\n\n" + table

    if output is not None and not is_stdout(output):
        try:
            if stream is not None:
                stream.finish(failures)
            else:
                write_output(output, _encode(text))
        except OutputError as e:
            raise InputError(str(e)) from None
        except OSError as e:
            raise InputError(f"{output}: cannot write the report: {e.strerror or e}") from None
    else:
        emit(text, output_format)
    return EXIT_ERROR if missing_paths else outcome.exit_code(exit_zero)

"""Check many story folders, in worker processes when there is more than one to do.

Workers are fed whole stories (a story's facts are aligned across its articles, so a story
is the smallest unit of work), each with its own settings, and load each rule set once. One
story, or `jobs=1`, runs in this process. Without a `jobs` number, workers start only when
the work is seen to be worth them: the first stories are checked here, and the rest go to
workers if, at that pace, they would take long enough to pay for starting them. Whatever
goes wrong with one story comes back as a `StoryFailure` for that story; the others are
still checked. If the pool itself breaks (a worker killed by the OS), the stories it did
not finish are checked in this process.
"""
from __future__ import annotations

import contextlib
import os
import time
import traceback
from pathlib import Path
from typing import Callable

from factcheck.feeds import FeedGroup
from factcheck.model import StoryReport
from factcheck.report import StoryFailure

Result = StoryReport | StoryFailure

# When workers pay off, measured with bench/jobs.py and bench/cli_tree.py on 2 cores (figures
# in the README, "Many stories"): work left shorter than MIN_WORK_SECONDS did not pay for
# starting workers and shipping reports back (40 stories of 2 articles, 2.4 s of work alone,
# 3.6 s with two workers; 500 stories, 16 s alone, 11 s with two), and a story quicker than
# MIN_STORY_SECONDS (claims from a warm cache) costs less here than its report costs to send
# back.
MIN_STORY_SECONDS = 0.01
MIN_WORK_SECONDS = 5.0
# How long the first stories are checked here before deciding to stay here.
SAMPLE_SECONDS = 1.0
# A story checked here (the only one, or those left when workers did not pay) has its
# articles extracted by worker processes when this much of its text is not in the claims
# cache: about a second and a half of extraction, more than starting workers and sending
# the articles and their claims across costs, each worker compiling the frames besides (the
# CLI on one story of 1.6 MB of generated copy took 4.5–5.9 s with two workers against
# 6.0–7.7 s alone; "Many stories" in the README).
MIN_SHARED_BYTES = 1_000_000
# The articles go out in about this many pieces a worker, so that a slow piece leaves no
# core idle for long at the end.
PIECES_PER_WORKER = 4


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _story_error_types() -> tuple[type[BaseException], ...]:
    from factcheck import load

    story_error = getattr(load, "StoryError", None)
    types: tuple[type[BaseException], ...] = (OSError, UnicodeError)
    if isinstance(story_error, type) and issubclass(story_error, BaseException):
        types = (story_error, *types)
    return types


def _message(exc: BaseException, folder: str) -> str:
    """The error's own words, without repeating the folder the caller will put in front."""
    text = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    for prefix in (f"{folder}: ", f"{folder}:"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text or type(exc).__name__


def _rules_key(config) -> str:
    """Stories whose settings pick the same rules share one loaded rule set."""
    options = config.rules_options() if config is not None else {}
    return repr(sorted((k, [str(v) for v in vs] if isinstance(vs, list) else vs) for k, vs in options.items()))


def _rules_for(config, loaded: dict):
    from factcheck.ruleset import load_rules

    key = _rules_key(config)
    if key not in loaded:
        loaded[key] = load_rules(**(config.rules_options() if config is not None else {}))
    return loaded[key]


def check_one(story: str | Path | FeedGroup, rules=None, claims_of=None, **options) -> Result:
    """One story (a folder, a feed file or a group of a feed), with every failure turned
    into a StoryFailure for that story.

    `options` are keyword arguments for `check_story` (config, suppress)."""
    from factcheck.check import check_story

    folder = str(story)
    try:
        return check_story(story if isinstance(story, FeedGroup) else Path(folder), rules, claims_of=claims_of, **options)
    except _story_error_types() as e:
        skipped = "".join(f"{p.level}: {Path(folder) / p.path}: {p.message}\n" for p in getattr(e, "problems", None) or [])
        return StoryFailure(folder, _message(e, folder), detail=skipped)
    except Exception as e:  # a bug in a stage: report it for this story and go on with the others
        return StoryFailure(folder, f"internal error: {type(e).__name__}: {e}", detail=traceback.format_exc())


# --- worker processes ---------------------------------------------------------------------

_worker: dict = {}


def cached_claims(cache_dir: str | None):
    """`claims_of` for check_story, reading and writing the claims cache in `cache_dir` (None: no cache)."""
    if cache_dir is None:
        return None
    from factcheck.cache import CachedClaims, ClaimCache

    return CachedClaims(ClaimCache(Path(cache_dir)))


def _init_worker(cache_dir: str | None, rules: dict | None = None) -> None:
    import signal

    # Ctrl-C is the parent's to handle: it cancels the pool; workers would only print tracebacks.
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError, AttributeError):
        pass
    # Forked workers inherit the rule sets the parent loaded (or are handed them at the
    # fork, which copies them without pickling); others load each once.
    if rules is not None:
        _worker["rules"] = rules
    _worker.setdefault("rules", {})
    _worker["claims_of"] = cached_claims(cache_dir)


def _run_in_worker(story: Path | FeedGroup, config) -> Result:
    return check_one(story, _rules_for(config, _worker["rules"]), _worker["claims_of"], **_options(config))


def _options(config) -> dict:
    return {} if config is None else {"config": config}


def _claims_in_worker(sources: list, config) -> list[list]:
    from factcheck.check import source_claims

    rules = _rules_for(config, _worker["rules"])
    claims_of = _worker["claims_of"] or source_claims
    return [claims_of(source, rules) for source in sources]


class ArticlePool:
    """Worker processes that extract the articles of a big story checked in this process,
    which alone would keep one core busy and leave the others idle. They start with the
    first story big enough to need them, forked while `paused()` (a context manager) holds:
    a thread holding a lock at the fork, a progress bar's, would leave it held in them."""

    def __init__(self, jobs: int, cache: str | None, loaded: dict, paused: Callable = contextlib.nullcontext):
        self.jobs, self.cache, self.loaded, self.paused = jobs, cache, loaded, paused
        self.pool = None
        self.broken = False

    def claims_all(self, config) -> Callable:
        """`claims_all` for check_story, for a story with these settings."""

        def claims_all(sources: list, rules, claims_of) -> list[list]:
            if self.broken or sum(len(s.clean) for s in sources) < MIN_SHARED_BYTES:
                return [claims_of(source, rules) for source in sources]  # too little to share, even uncached
            cache = _claims_cache(claims_of)
            found = [cache.get(source, rules) if cache is not None else None for source in sources]
            todo = [i for i, claims in enumerate(found) if claims is None]
            if todo and sum(len(sources[i].clean) for i in todo) >= MIN_SHARED_BYTES:
                from concurrent.futures.process import BrokenProcessPool

                pieces = _pieces(todo, sources, self.jobs * PIECES_PER_WORKER)
                try:
                    results = self._start().map(_claims_in_worker, [[sources[i] for i in piece] for piece in pieces],
                                                [config] * len(pieces))
                    for piece, claims in zip(pieces, results):
                        for i, each in zip(piece, claims):
                            found[i] = each
                except (BrokenProcessPool, OSError):  # no workers possible, or one died: the rest here
                    self.broken = True
            return [claims if claims is not None else claims_of(sources[i], rules) for i, claims in enumerate(found)]

        return claims_all

    def _start(self):
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            with self.paused():
                self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker, initargs=(self.cache, self.loaded if _forks() else None))
                self.pool.submit(int).result()  # the workers are forked now, while paused
        return self.pool

    def close(self) -> None:
        """Stop the workers (a later big story starts them again)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _claims_cache(claims_of):
    """The claims cache a `claims_of` reads, to ask it without extracting; None for another."""
    from factcheck.cache import CachedClaims

    return claims_of.cache if isinstance(claims_of, CachedClaims) else None


def _forks() -> bool:
    """Whether worker processes are forked from this one (and so get its rule sets for free)."""
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=False) == "fork"


def _pieces(todo: list[int], sources: list, count: int) -> list[list[int]]:
    """The articles to extract, in order, cut into about `count` pieces of about equal text."""
    total = sum(len(sources[i].clean) for i in todo)
    pieces, piece, size = [], [], 0
    for i in todo:
        piece.append(i)
        size += len(sources[i].clean)
        if size * count >= total * (len(pieces) + 1):
            pieces.append(piece)
            piece = []
    return pieces + [piece] if piece else pieces


def check_folders(
    folders: list[Path | FeedGroup],
    jobs: int | None = None,
    cache_dir: Path | None = None,
    on_done: Callable[[Path, Result], None] | None = None,
    display=None,
    configs: list | None = None,
) -> list[Result]:
    """A result per folder, in the order given. `cache_dir=None` disables the claims cache.

    `configs[i]` (a factcheck.config.Config, or None for the defaults) is the settings of
    `folders[i]`: the rules it loads and how its claims are shaped, in this process and in
    every worker alike.

    `display` (a context manager, e.g. a progress bar) is entered only once the worker
    processes exist, so no display thread is running when they are forked; the workers
    that share out a big story's articles are forked with it stopped (its `stop` and
    `start`, when it has them).
    """
    folders = [f if isinstance(f, FeedGroup) else Path(f) for f in folders]
    configs = list(configs) if configs is not None else [None] * len(folders)
    measure = jobs is None
    jobs = default_jobs() if jobs is None else max(1, jobs)
    loaded: dict = {}
    for config in configs:  # before any fork, so forked workers need not load them again
        _rules_for(config, loaded)
    cache = str(Path(cache_dir).resolve()) if cache_dir is not None else None
    results: list[Result | None] = [None] * len(folders)
    with contextlib.ExitStack() as stack:
        shown = False

        def show() -> None:
            nonlocal shown
            if display is not None and not shown:
                stack.enter_context(display)
                shown = True

        claims_of = cached_claims(cache)

        @contextlib.contextmanager
        def paused():
            stop = getattr(display, "stop", None) if shown else None
            if stop is not None:
                stop()
            try:
                yield
            finally:
                if stop is not None:
                    display.start()

        articles = ArticlePool(jobs, cache, loaded, paused) if jobs > 1 else None
        if articles is not None:
            stack.callback(articles.close)

        def here(i: int) -> None:
            options = _options(configs[i])
            if articles is not None:
                options["claims_all"] = articles.claims_all(configs[i])
            results[i] = check_one(folders[i], _rules_for(configs[i], loaded), claims_of, **options)
            if on_done:
                on_done(folders[i], results[i])

        if jobs > 1 and len(folders) > 1:
            from concurrent.futures.process import BrokenProcessPool  # not imported for one story

            start = _first_here(len(folders), here) if measure else 0
            if start < len(folders):
                if articles is not None:  # the stories' workers take the cores
                    articles.close()
                _worker["rules"] = loaded
                try:
                    _check_in_pool(folders, configs, range(start, len(folders)), min(jobs, len(folders) - start), cache, results, on_done, show)
                except (BrokenProcessPool, OSError):  # no pool possible, or it died: finish here
                    pass
                finally:
                    _worker.clear()

        todo = [i for i, r in enumerate(results) if r is None]
        if todo:
            show()
            for i in todo:
                here(i)
    return results  # type: ignore[return-value]


def _first_here(total: int, here: Callable[[int], None]) -> int:
    """Check stories in this process until the rest are seen to be worth workers (return the
    index they start at) or SAMPLE_SECONDS have passed (return `total`: all stay here).

    The first story is left out of the pace: it pays for imports and compiling patterns,
    which the workers inherit from this process.
    """
    start = time.perf_counter()
    here(0)
    first = time.perf_counter() - start
    done = 1
    while done < total:
        spent = time.perf_counter() - start
        if spent >= SAMPLE_SECONDS:
            return total
        here(done)
        done += 1
        pace = (time.perf_counter() - start - first) / (done - 1)
        if done < total and pace >= MIN_STORY_SECONDS and pace * (total - done) >= MIN_WORK_SECONDS:
            return done
    return total


def _check_in_pool(folders, configs, indices, workers, cache, results, on_done, started) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(cache,))
    try:
        futures = {pool.submit(_run_in_worker, folders[i], configs[i]): i for i in indices}
        started()
        for future in as_completed(futures):
            i = futures[future]
            try:
                results[i] = future.result()
            except BrokenProcessPool:
                raise
            except Exception as e:  # the result could not come back (e.g. not picklable)
                results[i] = StoryFailure(str(folders[i]), f"internal error: {type(e).__name__}: {e}")
            if on_done:
                on_done(folders[i], results[i])
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)

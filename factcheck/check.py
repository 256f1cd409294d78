"""The whole check for one story folder, stage by stage, and for many folders."""
from __future__ import annotations

from pathlib import Path

from factcheck.align import align_claims
from factcheck.compare import compare_facts
from factcheck.feeds import FeedGroup
from factcheck.infer import infer_publication_dates
from factcheck.load import load_story
from factcheck.model import Claim, Source, StoryReport
from factcheck.ruleset import RuleSet, load_rules
from factcheck.split import split_sentences


def extract_claims(source: Source, sentences: list, rules: RuleSet) -> list[Claim]:
    """The extraction stage, imported on first use: a run whose claims all come from the
    cache never loads it (nor compiles its patterns)."""
    from factcheck.extract import extract_claims as extract

    return extract(source, sentences, rules)


def source_claims(source: Source, rules: RuleSet) -> list[Claim]:
    """Split and extract one source: the per-source step a claims cache can stand in for."""
    return extract_claims(source, split_sentences(source), rules)


def check_story(folder: Path | FeedGroup, rules: RuleSet | None = None, claims_of=None, *, config=None, suppress: bool = True,
                claims_all=None) -> StoryReport:
    """Load, split, extract, align and compare the articles of one story: a folder, a feed
    file, or one group of a feed.

    `claims_of(source, rules)` replaces `source_claims` (the CLI passes a cached version).
    `claims_all(sources, rules, claims_of)`, the claims of each source in order, replaces
    asking `claims_of` one source at a time (factcheck.parallel shares a big story's
    articles out to worker processes). `config` (a factcheck.config.Config) picks the rules
    when none are given and shapes the claims; with `suppress`, the articles'
    `factcheck: ignore[...]` comments remove claims.
    """
    rules = rules or (config.ruleset() if config is not None else load_rules())
    claims_of = claims_of or source_claims
    loaded = load_story(folder if isinstance(folder, FeedGroup) else Path(folder), **_load_options(config))
    sources = infer_publication_dates(loaded.sources, rules)
    found = claims_all(sources, rules, claims_of) if claims_all is not None else [claims_of(source, rules) for source in sources]
    claims = [claim for each in found for claim in each]
    claims, notes = settle_claims(sources, claims, rules, config, suppress)
    facts = align_claims(claims, sources, rules)
    findings = compare_facts(facts, sources, rules, **_compare_options(config))
    return StoryReport(Path(str(folder)), sources, findings, loaded.problems + notes, loaded.duplicates)


def _compare_options(config) -> dict:
    """Comparison options a config sets: tolerances and the confidence threshold."""
    if config is None:
        return {}
    return {"tolerance": config.tolerance, "min_confidence": config.min_confidence}


def _load_options(config) -> dict:
    """Loader options a config sets (the loader's own size limit unless it sets one), and
    the files it leaves out: a README or a changelog is not an article."""
    from factcheck.discover import Exclusions

    options = {"skip": (config.exclusions() if config is not None else Exclusions()).skips}
    if config is not None and config.origins.get("max-file-size", "default") != "default":
        options["max_bytes"] = config.max_file_size
    return options


def settle_claims(sources: list[Source], claims: list[Claim], rules: RuleSet, config=None, suppress: bool = True):
    """(claims, problems): the claims as the user asked to see them, before alignment, so
    every output format agrees. Suppressions first, then the config's selection, severities
    and per-source ignores (applied to claims, not rules, so cached claims obey them too)."""
    notes = []
    if suppress:
        from factcheck.suppress import apply_suppressions

        claims, notes = apply_suppressions(sources, claims, rules)
    if config is not None:
        claims = config.apply(sources, claims, rules)
    return claims, notes


def story_folders(path: Path, recursive: bool, exclusions=None) -> list[Path]:
    """The story folders under a path: the path itself, or with `recursive` every folder holding
    articles, leaving out what `exclusions` (a discover.Exclusions; by default hidden folders,
    node_modules, READMEs and what git ignores) skips."""
    import os

    from factcheck.discover import Exclusions
    from factcheck.load import is_article_file

    if not recursive:
        return [path]
    exclusions = exclusions or Exclusions()
    folders = []
    for here, dirs, files in os.walk(path):
        here = Path(here)
        dirs[:] = sorted(d for d in dirs if not exclusions.skips(here / d))
        if any((here / f).is_file() and is_article_file(here / f) and not exclusions.skips(here / f) for f in files):
            folders.append(here)
    return sorted(folders)


def check_paths(paths: list[Path], recursive: bool = False, rules: RuleSet | None = None, *, config=None, suppress: bool = True) -> list[StoryReport]:
    rules = rules or (config.ruleset() if config is not None else load_rules())
    exclusions = config.exclusions() if config is not None else None
    return [
        check_story(folder, rules, config=config, suppress=suppress)
        for path in paths for folder in story_folders(Path(path), recursive, exclusions)
    ]

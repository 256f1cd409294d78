"""The whole check for one story folder, stage by stage, and for many folders."""
from __future__ import annotations

from pathlib import Path

from factcheck.align import align_claims
from factcheck.compare import compare_facts
from factcheck.extract import extract_claims
from factcheck.infer import infer_publication_dates
from factcheck.load import load_story
from factcheck.model import Claim, Source, StoryReport
from factcheck.ruleset import RuleSet, load_rules
from factcheck.split import split_sentences


def source_claims(source: Source, rules: RuleSet) -> list[Claim]:
    """Split and extract one source: the per-source step a claims cache can stand in for."""
    return extract_claims(source, split_sentences(source), rules)


def check_story(folder: Path, rules: RuleSet | None = None, claims_of=None) -> StoryReport:
    """Load, split, extract, align and compare the articles of one story.

    `claims_of(source, rules)` replaces `source_claims` (the CLI passes a cached version).
    """
    rules = rules or load_rules()
    claims_of = claims_of or source_claims
    loaded = load_story(Path(folder))
    sources = infer_publication_dates(loaded.sources, rules)
    claims = []
    for source in sources:
        claims.extend(claims_of(source, rules))
    facts = align_claims(claims, sources, rules)
    findings = compare_facts(facts, sources, rules)
    return StoryReport(Path(folder), sources, findings, loaded.problems, loaded.duplicates)


def story_folders(path: Path, recursive: bool) -> list[Path]:
    """The story folders under a path: the path itself, or with `recursive` every folder holding articles."""
    from factcheck.load import ARTICLE_SUFFIXES

    if not recursive:
        return [path]
    folders = {p.parent for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()}
    return sorted(folders)


def check_paths(paths: list[Path], recursive: bool = False, rules: RuleSet | None = None) -> list[StoryReport]:
    rules = rules or load_rules()
    return [check_story(folder, rules) for path in paths for folder in story_folders(Path(path), recursive)]

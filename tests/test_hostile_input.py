"""Bad input never stops the run: every hostile file is skipped with a reason, or read safely.

The corpus is made in tmp_path by the tests themselves; none of it is committed.
"""
from __future__ import annotations

import errno
import hashlib
import os
import time
import tracemalloc
from pathlib import Path

import pytest

import factcheck.load
from factcheck.load import StoryError, load_story
from factcheck.split import MAX_SENTENCE, split_sentences

GOOD = "Gunman kills 3 in Paris\n\nThree people were killed on Monday, the police said.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def problems(loaded) -> dict[str, str]:
    return {p.path: p.message for p in loaded.problems}


def test_binary_empty_and_blank_files_are_skipped_and_the_rest_load(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "nul.txt", b"PK\x03\x04\x00\x00 some zip")
    write(tmp_path, "controls.txt", bytes(range(1, 9)) * 100)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", " \n\t\r\n  \n")
    write(tmp_path, "bom-only.txt", b"\xef\xbb\xbf")
    write(tmp_path, "furniture.txt", "Advertisement\nShare this\nComments\n")
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["good.txt"]
    assert problems(loaded) == {
        "nul.txt": "binary file (NUL bytes)",
        "controls.txt": "binary file (mostly control characters)",
        "empty.txt": "empty file",
        "blank.md": "empty file (only whitespace)",
        "bom-only.txt": "empty file",
        "furniture.txt": "no article text (only front matter or page boilerplate)",
    }
    assert all(p.level == "warning" and "\n" not in str(p) for p in loaded.problems)


def test_a_50_mb_article_is_skipped_without_being_read(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    with open(tmp_path / "huge.txt", "wb") as f:
        line = b"Police said 20 people were killed in the attack on Monday. " * 1000 + b"\n"
        for _ in range(50 * 2**20 // len(line) + 1):
            f.write(line)
    tracemalloc.start()
    try:
        loaded = load_story(tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [s.name for s in loaded.sources] == ["good.txt"]
    assert problems(loaded) == {"huge.txt": "larger than 20 MB limit (52 MB)"}
    assert peak < 5_000_000


def test_the_size_limit_can_be_lowered(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "big.txt", GOOD * 100)
    loaded = load_story(tmp_path, max_bytes=1000)
    assert problems(loaded) == {"big.txt": "larger than 1 KB limit (8 KB)"}


def test_ten_thousand_tiny_files_load_quickly(tmp_path):
    for i in range(10_000):
        write(tmp_path, f"{i:05d}.txt", f"Headline {i}\nDate: 2015-01-{i % 28 + 1:02d}\n\nPolice said {i} people were hurt.\n")
    began = time.perf_counter()
    loaded = load_story(tmp_path)
    took = time.perf_counter() - began
    assert len(loaded.sources) == 10_000 and not loaded.problems
    assert loaded.sources[1234].title == "Headline 1234"
    assert took < 60, f"{took:.1f} s"


def test_one_5_mb_line_without_a_sentence_end_splits_without_hanging(tmp_path):
    write(tmp_path, "line.txt", "word " * 1_000_000)
    began = time.perf_counter()
    [source] = load_story(tmp_path).sources
    out = split_sentences(source)
    assert time.perf_counter() - began < 30
    assert max(len(s.text) for s in out) <= MAX_SENTENCE
    assert out[-1].end == len(source.text.rstrip())


@pytest.mark.parametrize(
    "unit",
    ["\n", "\r\n", " ", ".", "a.", "A. ", "“", "â€™", "Ã ", "&amp;", "\xa0", "\u200b", "大", "Advertisement.", "Mr. "],
)
def test_a_megabyte_of_one_odd_pattern_loads_and_splits_in_bounded_time(tmp_path, unit):
    write(tmp_path, "odd.txt", "Headline\n" + unit * (1_000_000 // len(unit)))
    began = time.perf_counter()
    [source] = load_story(tmp_path).sources
    out = split_sentences(source)
    assert time.perf_counter() - began < 20
    assert all(0 <= s.start <= s.end <= len(source.text) for s in out)


def test_symlink_loops_broken_links_directories_and_pipes_are_skipped(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    (tmp_path / "folder.txt").mkdir()
    os.mkfifo(tmp_path / "pipe.txt")
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["good.txt"]
    assert problems(loaded) == {
        "broken.txt": "cannot read: broken symlink",
        "folder.txt": "cannot read: is a directory",
        "loop-a.txt": "cannot read: symlink loop",
        "loop-b.txt": "cannot read: symlink loop",
        "pipe.txt": "cannot read: not a regular file",
    }


def test_a_symlink_to_an_article_elsewhere_is_read(tmp_path):
    elsewhere = write(tmp_path, "elsewhere.dat", GOOD)
    (tmp_path / "story").mkdir()
    os.symlink(elsewhere, tmp_path / "story" / "linked.txt")
    [source] = load_story(tmp_path / "story").sources
    assert source.text == GOOD


def test_an_unreadable_file_is_skipped(tmp_path, monkeypatch):
    write(tmp_path, "good.txt", GOOD)
    locked = write(tmp_path, "locked.txt", GOOD + "x")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(factcheck.load.os, "open", refuse)
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["good.txt"]
    assert problems(loaded) == {"locked.txt": "cannot read: permission denied"}


def test_a_file_without_read_permission_is_skipped(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    locked = write(tmp_path, "locked.txt", GOOD + "x")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("this user reads files without read permission (root)")
        assert problems(load_story(tmp_path)) == {"locked.txt": "cannot read: permission denied"}
    finally:
        locked.chmod(0o644)


def test_a_file_deleted_between_listing_and_reading_is_skipped(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", GOOD + "b")
    listed = factcheck.load._list_articles

    def list_then_delete(folder):
        paths = listed(folder)
        (folder / "a.txt").unlink()
        return paths

    monkeypatch.setattr(factcheck.load, "_list_articles", list_then_delete)
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["b.txt"]
    assert problems(loaded) == {"a.txt": "cannot read: file no longer exists"}


def test_a_file_that_fails_to_process_does_not_cost_the_others(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", "Trigger a bug\n")
    real = factcheck.load.prepare

    def buggy(text):
        if text.startswith("Trigger"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text)

    monkeypatch.setattr(factcheck.load, "prepare", buggy)
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["a.txt"]
    [problem] = loaded.problems
    assert (problem.path, problem.level) == ("b.txt", "error")
    assert problem.message == "cannot process: RecursionError: maximum recursion depth exceeded"


def test_images_pdfs_and_archives_are_ignored_silently(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    write(tmp_path, "report.pdf", b"%PDF-1.4\x00")
    write(tmp_path, "all.zip", b"PK\x03\x04\x00")
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["good.txt"] and loaded.problems == []


def test_byte_identical_copies_are_duplicates_not_sources(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", GOOD)
    write(tmp_path, "c.txt", GOOD + "Different.\n")
    os.symlink(tmp_path / "a.txt", tmp_path / "d.txt")
    loaded = load_story(tmp_path)
    assert [s.name for s in loaded.sources] == ["a.txt", "c.txt"]
    assert loaded.duplicates == [("b.txt", "a.txt"), ("d.txt", "a.txt")]
    assert loaded.problems == []


def test_crlf_and_tabs_keep_line_and_column_right(tmp_path):
    write(tmp_path, "a.txt", "Headline\r\n\r\n\tPolice said:\t17 people were killed.\r\nIn all, 20 died.\r\n")
    [source] = load_story(tmp_path).sources
    assert "\r" not in source.clean and len(source.clean) == len(source.text)
    sentences = split_sentences(source)
    assert [s.text for s in sentences] == ["Headline", "Police said:\t17 people were killed.", "In all, 20 died."]
    where = source.clean.index("17 people")
    assert source.line_col(source.original_offset(where)) == (3, 15)
    assert source.line_col(sentences[2].start) == (4, 1)


def test_file_names_that_are_not_utf8_are_shown_safely(tmp_path):
    folder = os.fsencode(tmp_path)
    for raw in (b"caf\xe9.txt", b"line\nbreak.txt"):
        with open(os.path.join(folder, raw), "wb") as f:
            f.write(GOOD.encode() + raw)
    (tmp_path / "good.txt").write_text(GOOD + "x")
    loaded = load_story(tmp_path)
    names = [s.name for s in loaded.sources]
    assert sorted(names) == sorted(["caf\ufffd.txt", "line\ufffdbreak.txt", "good.txt"])
    for name in names:
        name.encode("utf-8")  # printable and encodable: no surrogates, no control characters
        assert "\n" not in name


def test_inputs_are_never_modified(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.md", "---\ntitle: B\n---\nText donâ€™t.\r\n")
    write(tmp_path, "c.txt", b"\xff\xfe" + "UTF-16 text.\n".encode("utf-16-le"))
    write(tmp_path, "d.txt", b"\x00binary")
    write(tmp_path, "e.txt", GOOD)
    write(tmp_path, "f.jpg", b"\xff\xd8")
    before = {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode) for p in tmp_path.iterdir()}
    load_story(tmp_path)
    after = {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode) for p in tmp_path.iterdir()}
    assert after == before


def test_an_unreadable_folder_is_a_story_error(tmp_path, monkeypatch):
    def refuse(folder):
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr(factcheck.load.os, "scandir", refuse)
    with pytest.raises(StoryError, match="cannot read folder: permission denied"):
        load_story(tmp_path)


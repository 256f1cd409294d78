"""Where `-o` and `--write-baseline` may write: regular files atomically, devices and FIFOs
by writing into them, symlinks at their target, `-` to stdout, and nothing else."""
from __future__ import annotations

import json
import os
import socket
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

CONFLICT = {"a.txt": "Fire\ndeaths: 20 in the blaze.\n", "b.txt": "Blaze\nOfficials said deaths: 17.\n"}


def check(*args):
    return CliRunner().invoke(app, ["check", "-j", "1", *map(str, args)])


@pytest.fixture
def story(toy_engine, tmp_path, story_files):
    return story_files(tmp_path / "story", CONFLICT)


def test_a_symlink_keeps_pointing_at_its_target_which_gets_the_report(story, tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "latest.json").write_text("old")
    os.symlink("reports/latest.json", tmp_path / "link.json")
    os.symlink("link.json", tmp_path / "chain.json")
    result = check("story", "--format", "json", "-o", "chain.json")
    assert result.exit_code == 1, result.stderr
    assert os.readlink(tmp_path / "chain.json") == "link.json"
    assert os.readlink(tmp_path / "link.json") == "reports/latest.json"
    assert json.loads((tmp_path / "reports" / "latest.json").read_text())["findings"]


def test_a_dangling_symlink_creates_its_target_and_stays_a_link(story, tmp_path):
    os.symlink("baseline.json", tmp_path / "fc-baseline.json")
    result = check("story", "--write-baseline", "fc-baseline.json")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "fc-baseline.json").is_symlink()
    assert json.loads((tmp_path / "baseline.json").read_text())["findings"]


def test_a_fifo_is_written_into_and_stays_a_fifo(story, tmp_path):
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = check("story", "--format", "json", "-o", fifo)
    reader.join(timeout=60)
    assert result.exit_code == 1, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["findings"]


def test_a_character_device_is_written_into_not_replaced(story, tmp_path):
    device = tmp_path / "null"
    try:  # a node of its own, like /dev/null, so no system device is touched
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here")
    result = check("story", "--write-baseline", device)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_dash_writes_the_report_to_stdout(story, tmp_path):
    result = check("story", "--format", "json", "-o", "-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"]
    assert not (tmp_path / "-").exists()


def test_dash_writes_the_baseline_to_stdout_beside_a_report_file(story, tmp_path):
    result = check("story", "--format", "json", "-o", "report.json", "--write-baseline", "-")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["factcheck_baseline"] == 1
    assert json.loads((tmp_path / "report.json").read_text())["findings"]


def test_report_and_baseline_cannot_both_go_to_stdout(story):
    result = check("story", "--write-baseline", "-")
    assert (result.exit_code, result.stderr) == (2, "error: -: the report and the baseline cannot both be written there\n")


def test_a_socket_is_refused_with_one_line_and_left_alone(story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("report.sock")
        result = check("story", "-o", "report.sock")
        assert result.exit_code == 2
        assert result.stderr == "error: report.sock: not a regular file, character device or FIFO; refusing to replace it\n"
        assert stat.S_ISSOCK(os.lstat(tmp_path / "report.sock").st_mode)
    finally:
        server.close()


def test_a_folder_is_refused(story, tmp_path):
    (tmp_path / "out").mkdir()
    result = check("story", "--write-baseline", "out")
    assert (result.exit_code, result.stderr) == (2, "error: out: is a folder, not a file\n")


def test_a_symlink_to_an_article_is_refused(story, tmp_path):
    os.symlink("story/a.txt", tmp_path / "report.txt")
    before = (tmp_path / "story" / "a.txt").read_text()
    result = check("story", "-o", "report.txt")
    assert (result.exit_code, result.stderr) == (2, "error: report.txt: refusing to write the report over a source article\n")
    assert (tmp_path / "story" / "a.txt").read_text() == before
    assert Path(tmp_path / "report.txt").is_symlink()

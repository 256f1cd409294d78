"""Stories checked on a Dask distributed cluster (a real LocalCluster on loopback, two
worker processes) give the same report as a local run."""
from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

distributed = pytest.importorskip("distributed", reason="checking on a cluster needs the dask extra (dask[distributed])")

PLACES = ["Alder Creek", "Brackenridge", "Colton Bay", "Dunmore", "Eastfield", "Fairhaven", "Glenroe", "Harwick"]
EVENTS = [("fire", "a warehouse fire"), ("crash", "a bus crash"), ("flood", "flash flooding"), ("collapse", "a roof collapse")]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]


def article(n: int, outlet: int) -> str:
    """One outlet's short report of story n: the tolls differ between outlets for some stories."""
    place, (_, event) = PLACES[n % len(PLACES)], EVENTS[n % len(EVENTS)]
    dead = (n % 5) + 2 + (outlet if n % 3 == 0 else 0)
    hurt = (n % 7) + 3
    day = ["Monday", "Tuesday", "Wednesday"][n % 3]
    return (
        f"{WORDS[dead - 2].capitalize()} people were killed in {event} in {place} on {day}, officials said.\n\n"
        f"Emergency crews said {hurt} people were injured. The cause is being investigated.\n"
    )


def make_stories(root):
    """150 story folders and a feed of 50 more, split by story_id: 200 stories."""
    for n in range(150):
        folder = root / "tree" / f"story-{n:03}"
        folder.mkdir(parents=True)
        for outlet in range(2):
            (folder / f"{outlet + 1:02}_outlet-{outlet}.txt").write_text(f"---\npublished: 2025-03-{10 + n % 9:02}\n---\n{article(n, outlet)}")
    lines = [
        json.dumps({"story_id": f"s{n}", "text": article(n, outlet), "publishedAt": f"2025-03-{10 + n % 9:02}T0{outlet + 6}:15:00+01:00", "source": {"name": f"Outlet {outlet}"}})
        for outlet in range(2) for n in range(150, 200)
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n")


def check(*args):
    return CliRunner().invoke(app, ["check", "--no-cache", *map(str, args)])


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as local:
        yield local


def test_two_hundred_stories_on_a_local_cluster_give_the_local_report(tmp_path, monkeypatch, cluster):
    monkeypatch.chdir(tmp_path)
    make_stories(tmp_path)
    args = ["tree", "-r", "feed.jsonl", "--group-by", "story_id", "--format", "json"]
    local = check(*args, "-j", "1")
    remote = check(*args, "--scheduler", cluster.scheduler_address)
    assert (remote.exit_code, remote.stderr) == (local.exit_code, local.stderr) == (1, "")
    data = json.loads(remote.stdout)
    assert len(data["stories"]) == 200 and data["summary"]["by_status"]["conflict"] > 0
    assert remote.stdout == local.stdout


def test_the_scheduler_address_may_come_from_the_environment(tmp_path, monkeypatch, cluster):
    monkeypatch.chdir(tmp_path)
    make_stories(tmp_path)
    local = check("tree/story-003", "--format", "concise", "-j", "1")
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
    remote = check("tree/story-003", "--format", "concise")
    assert remote.stdout == local.stdout and "FC101 conflict deaths" in remote.stdout


def test_a_scheduler_that_cannot_be_reached_is_one_error_line(tmp_path, monkeypatch):
    import dask

    monkeypatch.chdir(tmp_path)
    make_stories(tmp_path)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = check("tree/story-001", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2 and result.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_without_distributed_one_line_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_stories(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = check("tree/story-001", "--scheduler", "tcp://127.0.0.1:8786")
    assert (result.exit_code, result.stderr) == (2, "error: checking on a Dask cluster needs distributed: pip install 'factcheck[dask]'\n")


def make_feed(path, stories: int = 200):
    """A feed of `stories` stories by two outlets: every story's first report, a broken line,
    a report with no story_id, then the second reports in the opposite order, so that the
    two records of a story lie far apart in the file."""
    def record(n, outlet):
        return json.dumps({"story_id": f"s{n}", "text": article(n, outlet), "publishedAt": f"2025-03-{10 + n % 9:02}T0{outlet + 6}:15:00+01:00",
                           "source": {"name": f"Outlet {outlet}"}})

    lines = [record(n, 0) for n in range(stories)]
    lines += ['{"story_id": "s7", "text": "Crews were still', json.dumps({"text": article(3, 1)})]
    lines += [record(n, 1) for n in reversed(range(stories))]
    path.write_text("\n".join(lines) + "\n")
    return path


def partitions_read(cluster) -> int:
    """How many feed partitions the cluster's workers have read so far."""
    prefix = cluster.scheduler.task_prefixes.get("read_partition")
    return 0 if prefix is None else prefix.state_counts["memory"]


def test_a_feed_of_two_hundred_stories_is_read_in_partitions_on_the_cluster_as_a_local_run_reads_it(tmp_path, monkeypatch, cluster):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("factcheck.dask_feed.PARTITION_BYTES", 4096)
    size = make_feed(tmp_path / "desk.jsonl").stat().st_size
    args = ["desk.jsonl", "--group-by", "story_id", "--format", "json"]
    local = check(*args, "-j", "1")
    before = partitions_read(cluster)
    remote = check(*args, "--scheduler", cluster.scheduler_address)
    assert partitions_read(cluster) - before == -(-size // 4096) > 20
    assert remote.exit_code == local.exit_code == 1
    assert remote.stderr == local.stderr == (
        "warning: desk.jsonl:201: line skipped: not valid JSON (Unterminated string starting at at column 28)\n"
        "warning: desk.jsonl: 1 record without a 'story_id' skipped\n"
    )
    data = json.loads(remote.stdout)
    assert len(data["stories"]) == 200 and all(len(story["sources"]) + len(story["duplicates"]) == 2 for story in data["stories"])
    assert remote.stdout == local.stdout


def test_the_library_checks_a_feed_read_in_partitions_on_the_cluster(tmp_path, cluster):
    from factcheck.check import check_story
    from factcheck.dask import check_feed_on_cluster
    from factcheck.load import feed_stories
    from factcheck.output import render

    feed = make_feed(tmp_path / "desk.jsonl", stories=30)
    whole, whole_problems = feed_stories(feed, "story_id")
    with distributed.Client(cluster) as client:
        results, problems = check_feed_on_cluster(feed, "story_id", client, partition_bytes=700)
    assert problems == whole_problems and len(problems) == 2
    assert render(results, "json") == render([check_story(g) for g in whole], "json")


def test_a_jsonl_file_that_is_not_a_feed_is_the_same_one_line_error_on_the_cluster(tmp_path, monkeypatch, cluster):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gold.jsonl").write_text('{"story_id": "s1", "deaths": 4}\n{"story_id": "s2", "deaths": 2}\n')
    local = check("gold.jsonl", "--group-by", "story_id", "-j", "1")
    remote = check("gold.jsonl", "--group-by", "story_id", "--scheduler", cluster.scheduler_address)
    assert (remote.exit_code, remote.stderr) == (local.exit_code, local.stderr)
    assert remote.exit_code == 2 and remote.stderr.count("\n") == 1 and "not a feed" in remote.stderr


def test_one_run_connects_to_the_scheduler_once_and_closes_its_client(tmp_path, monkeypatch, cluster):
    """Two feeds grouped on the cluster and their stories checked there, with two settings
    files: one client for the whole run, closed at its end."""
    import factcheck.dask

    monkeypatch.chdir(tmp_path)
    for side in ("north", "south"):
        (tmp_path / side).mkdir()
        make_feed(tmp_path / side / "desk.jsonl", stories=6)
    (tmp_path / "south" / "factcheck.toml").write_text("min-confidence = 0.2\n")
    clients = []
    connect = factcheck.dask.connect

    def counted(address):
        clients.append(connect(address))
        return clients[-1]

    monkeypatch.setattr(factcheck.dask, "connect", counted)
    result = check("north/desk.jsonl", "south/desk.jsonl", "--group-by", "story_id", "--format", "json", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 1 and len(json.loads(result.stdout)["stories"]) == 12
    assert len(clients) == 1 and clients[0].status == "closed"

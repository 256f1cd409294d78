"""The same story gives the same report in every run: CI diffs, baselines and caches rely on it."""
import json
import os
import subprocess
import sys


def _keys(story, seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(story), "--format", "json", "--no-cache", "-j", "1"],
        capture_output=True, text=True, env=env, check=False,
    )
    return [f["key"] for f in json.loads(out.stdout)["findings"]]


def test_a_place_event_is_named_the_same_whatever_the_hash_seed(tmp_path):
    # one count names two places a source keeps apart from a third: the event takes one name
    (tmp_path / "a.txt").write_text("Floods in the north\n\nTwo people died in Kelso on Monday.\n\n"
                                    "Four people died in Brora, near Dunes, on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Northern floods\n\nFour people died in Brora, near Dunes, on Monday.\n", encoding="utf-8")
    runs = {tuple(_keys(tmp_path, seed)) for seed in ("1", "2", "3", "4", "5", "6")}
    assert len(runs) == 1 and "deaths:total:brora" in next(iter(runs))

#!/usr/bin/env python3
"""Benchmarks for factcheck: speed, memory and scaling, beside what users would use instead.

    python bench/run.py            # default: 1,000 -> 10,000 articles, under 5 minutes on 2 cores
    python bench/run.py --full     # adds 100,000 articles (both 100k targets measured, not extrapolated)
    python bench/run.py --quick    # a smoke test of the harness itself (small sizes, seconds)

Prints Markdown tables to stdout and writes bench/results.json. Every measurement runs in a
fresh subprocess (`run.py --worker SPEC.json`) so that peak memory (ru_maxrss) and warm caches
do not bleed from one figure into the next. See bench/README.md for what each figure means.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

STAGES = ["load", "split", "extract", "align", "compare", "render"]
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion dozen dozens score scores"
).split()
# the floor: every number in one pass, digits (1,234 / 3.5 / 2015) and number words
FLOOR_PATTERN = r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(NUMBER_WORDS) + r")\b"
MB = 1e6


# ============================================================================ worker side
# Runs in its own process: `python bench/run.py --worker SPEC.json` (the task in a file), prints one line
# "RESULT {json}" at the end.

def _rss_kb(who) -> int:
    import resource

    return resource.getrusage(who).ru_maxrss  # KiB on Linux


_RULES = None


def _init_worker():
    global _RULES
    from factcheck.ruleset import load_rules

    _RULES = load_rules()


def _takes_rules(fn) -> bool:
    """align_claims/compare_facts grew a `rules` argument; call them either way."""
    import inspect

    try:
        return len(inspect.signature(fn).parameters) >= 3
    except (TypeError, ValueError):
        return False


def _one_story(job):
    """Check one story folder; with `stages`, time each stage on its own. Never raises.

    Each stage is timed twice: wall clock (perf_counter) and CPU time of this process
    (process_time), so that a busy machine shows as a core share below 100%.
    """
    folder, stages = job
    from factcheck.output import render

    wall = dict.fromkeys(STAGES, 0.0)
    cpu = dict.fromkeys(STAGES, 0.0)
    res = {"sources": 0, "claims": 0, "facts": 0, "findings": 0, "out": 0, "error": None, "wall": wall, "cpu": cpu}
    pc, pt = time.perf_counter, time.process_time
    marks = [(pc(), pt())]

    def lap(stage):
        now = (pc(), pt())
        wall[stage] = wall.get(stage, 0.0) + now[0] - marks[-1][0]
        cpu[stage] = cpu.get(stage, 0.0) + now[1] - marks[-1][1]
        marks.append(now)

    try:
        if not stages:
            from factcheck.check import check_story

            report = check_story(Path(folder), _RULES)
            lap("check")
            out = render([report], "json")
            lap("render")
            res.update(sources=len(report.sources), findings=len(report.findings), out=len(out))
            return res
        from factcheck.align import align_claims
        from factcheck.compare import compare_facts
        from factcheck.extract import extract_claims
        from factcheck.load import load_story
        from factcheck.model import StoryReport
        from factcheck.split import split_sentences

        loaded = load_story(Path(folder))
        lap("load")
        claims = []
        for source in loaded.sources:
            sentences = split_sentences(source)
            lap("split")
            claims.extend(extract_claims(source, sentences, _RULES))
            lap("extract")
        extra = (_RULES,) if _takes_rules(align_claims) else ()
        facts = align_claims(claims, loaded.sources, *extra)
        lap("align")
        extra = (_RULES,) if _takes_rules(compare_facts) else ()
        findings = compare_facts(facts, loaded.sources, *extra)
        lap("compare")
        report = StoryReport(Path(folder), loaded.sources, findings, loaded.problems, loaded.duplicates)
        out = render([report], "json")
        lap("render")
        res.update(sources=len(loaded.sources), claims=len(claims), facts=len(facts), findings=len(findings), out=len(out))
    except Exception as e:  # a stage still being written must not stop the bench
        res["error"] = f"{type(e).__name__}: {e}"[:300]
    return res


def _cpu_now() -> tuple[float, float]:
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def _task_check(spec) -> dict:
    import resource

    pc = time.perf_counter
    t0 = pc()
    import factcheck  # noqa: F401  (imports are part of start-up, reported apart)

    t_import = pc() - t0
    t0 = pc()
    _init_worker()
    t_rules = pc() - t0
    base = _rss_kb(resource.RUSAGE_SELF)
    jobs = [(f, spec["stages"]) for f in spec["folders"]]
    cores = spec["cores"]
    deadline = spec.get("deadline")
    cpu0 = _cpu_now()
    t0 = pc()
    if cores == 1:
        results = []
        for j in jobs:
            results.append(_one_story(j))
            if deadline and pc() - t0 > deadline and len(results) >= spec.get("min_stories", 1):
                break
    else:
        import multiprocessing as mp

        chunk = max(1, len(jobs) // (cores * 32))
        with mp.get_context("fork").Pool(cores) as pool:  # rules are loaded before the fork
            results = list(pool.imap_unordered(_one_story, jobs, chunksize=chunk))
            pool.close()
            pool.join()
    wall = pc() - t0
    cpu1 = _cpu_now()
    stage_wall: dict[str, float] = {}
    stage_cpu: dict[str, float] = {}
    for r in results:
        for k, v in r["wall"].items():
            stage_wall[k] = stage_wall.get(k, 0.0) + v
        for k, v in r["cpu"].items():
            stage_cpu[k] = stage_cpu.get(k, 0.0) + v
    errors = [r["error"] for r in results if r["error"]]
    return {
        "wall": wall, "cpu": (cpu1[0] - cpu0[0]) + (cpu1[1] - cpu0[1]), "done": len(results),
        "import_s": t_import, "rules_s": t_rules, "stage_wall": stage_wall, "stage_cpu": stage_cpu,
        "sources": sum(r["sources"] for r in results), "claims": sum(r["claims"] for r in results),
        "facts": sum(r["facts"] for r in results), "findings": sum(r["findings"] for r in results),
        "out_bytes": sum(r["out"] for r in results), "errors": len(errors), "first_error": errors[0] if errors else None,
        "rss_base_kb": base, "rss_self_kb": _rss_kb(resource.RUSAGE_SELF),
        "rss_children_kb": _rss_kb(resource.RUSAGE_CHILDREN),
    }


def _article_paths(folders):
    for folder in folders:
        for p in sorted(Path(folder).iterdir()):
            if p.suffix in (".txt", ".md"):
                yield p


def _task_floor(spec) -> dict:
    import regex

    pat = regex.compile(FLOOR_PATTERN, regex.IGNORECASE)
    paths = list(_article_paths(spec["folders"]))
    pat.findall("warm up: 12 people, twenty-one")
    t0, c0 = time.perf_counter(), time.process_time()
    size = found = 0
    for p in paths:
        data = p.read_bytes()
        size += len(data)
        found += len(pat.findall(data.decode("utf-8", errors="replace")))
    return {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0, "bytes": size,
            "articles": len(paths), "numbers": found}


def _task_peers(spec) -> dict:
    """dateparser.search.search_dates + quantulum3.parser.parse per article, within a time budget."""
    import warnings

    warnings.filterwarnings("ignore")
    pc = time.perf_counter
    out: dict = {"python": sys.executable}
    t0 = pc()
    from dateparser.search import search_dates

    out["import_dateparser_s"] = pc() - t0
    try:
        t0 = pc()
        from quantulum3 import parser as qparser

        out["import_quantulum3_s"] = pc() - t0
    except Exception as e:  # noqa: BLE001
        qparser = None
        out["quantulum3_error"] = f"{type(e).__name__}: {e}"[:200]
    paths = list(_article_paths(spec["folders"]))
    # first calls build caches and (quantulum3) load or train its classifier: timed apart
    warm = paths[0].read_bytes().decode("utf-8", errors="replace")
    t0 = pc()
    search_dates(warm, languages=["en"])
    out["warmup_dateparser_s"] = pc() - t0
    if qparser:
        t0 = pc()
        qparser.parse(warm)
        out["warmup_quantulum3_s"] = pc() - t0
    t_dates = t_quant = c_dates = c_quant = 0.0
    size = n = n_dates = n_quant = 0
    budget = spec["budget"]
    pt = time.process_time
    for p in paths:
        text = p.read_bytes().decode("utf-8", errors="replace")
        t0, c0 = pc(), pt()
        found = search_dates(text, languages=["en"]) or []
        t1, c1 = pc(), pt()
        qs = qparser.parse(text) if qparser else []
        t2, c2 = pc(), pt()
        t_dates += t1 - t0
        t_quant += t2 - t1
        c_dates += c1 - c0
        c_quant += c2 - c1
        n_dates += len(found)
        n_quant += len(qs)
        size += len(text.encode("utf-8"))
        n += 1
        if t_dates + t_quant > budget and n >= spec.get("min_articles", 5):
            break
    out.update(bytes=size, articles=n, dateparser_s=t_dates, quantulum3_s=t_quant if qparser else None,
               dateparser_cpu=c_dates, quantulum3_cpu=c_quant if qparser else None,
               dates_found=n_dates, quantities_found=n_quant)
    return out


def worker_main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    for k, v in spec.get("env", {}).items():
        os.environ[k] = v
    if spec.get("cwd"):
        os.chdir(spec["cwd"])
    task = {"check": _task_check, "floor": _task_floor, "peers": _task_peers}[spec["task"]]
    result = task(spec)
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")


# ============================================================================ parent side

class Bench:
    def __init__(self, args):
        self.a = args
        self.nproc = os.cpu_count() or 1
        self.scratch = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
        self.log_lines: list[str] = []
        self.t_start = time.perf_counter()
        self.src = export(args.at, self.scratch / "src") if args.at else None

    def log(self, msg: str) -> None:
        line = f"[{time.perf_counter() - self.t_start:6.1f}s] {msg}"
        print(line, file=sys.stderr, flush=True)

    # ---------------------------------------------------------------- subprocesses
    def isolated_env(self) -> dict:
        """A HOME and cache folder of its own, so that no cache is warm from an earlier figure."""
        home = Path(tempfile.mkdtemp(prefix="home-", dir=self.scratch))
        env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), PYTHONHASHSEED="0")
        env.pop("PYTHONSTARTUP", None)
        if self.src:  # the exported revision comes before the installed (editable) package
            env["PYTHONPATH"] = str(self.src) + os.pathsep + env.get("PYTHONPATH", "")
        return env

    def worker(self, spec: dict, python: str | None = None) -> dict:
        env = self.isolated_env()
        spec = dict(spec, cwd=env["HOME"])
        spec_path = Path(env["HOME"]) / "spec.json"  # in a file: 100,000 paths are too long for a command line
        spec_path.write_text(json.dumps(spec))
        cmd = [python or sys.executable, str(BENCH / "run.py"), "--worker", str(spec_path)]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=self.a.timeout, env=env)
        except subprocess.TimeoutExpired:
            return {"error": f"timeout after {self.a.timeout} s"}
        for line in reversed(r.stdout.splitlines()):
            if line.startswith("RESULT "):
                return json.loads(line[7:])
        return {"error": f"exit {r.returncode}: " + (r.stderr.strip().splitlines() or [""])[-1][:300]}

    def timed_cli(self, argv: list[str], cwd: Path, env: dict) -> dict:
        """Run a command, return wall seconds, its peak RSS, exit code and output size."""
        out_path = self.scratch / "cli-out.json"
        t0 = time.perf_counter()
        with open(out_path, "wb") as out, open(self.scratch / "cli-err.txt", "wb") as err:
            p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
            _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        res = {"wall": wall, "rss_kb": ru.ru_maxrss, "exit": p.returncode, "out_bytes": out_path.stat().st_size}
        if p.returncode not in (0, 1):  # 1: conflicts found, which is a result, not a failure
            tail = (self.scratch / "cli-err.txt").read_text(errors="replace").strip().splitlines()
            res["error"] = f"exit {p.returncode}: " + (tail[-1][:300] if tail else "")
        return res

    # ---------------------------------------------------------------- corpora
    def corpus(self, stories: int) -> tuple[Path, list[dict]]:
        """The main corpus (stories x articles_per_story), grown in place and reused across runs."""
        from generate import GENERATOR_VERSION, generate

        per, seed = self.a.per_story, self.a.seed
        root = self.a.out / f"corpus-v{GENERATOR_VERSION}-seed{seed}-per{per}"
        manifest_path = root / "manifest.json"
        manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {"stories": []}
        have = len(manifest["stories"])
        if have < stories:
            self.log(f"generating stories {have + 1}..{stories} ({per} articles each) in {root}")
            generate(root, stories - have, per, seed, first=have + 1, jobs=self.nproc)
            for i in range(have + 1, stories + 1):
                folder = root / f"story_{i:04d}"
                sizes = [p.stat().st_size for p in folder.iterdir()]
                manifest["stories"].append({"folder": str(folder), "articles": len(sizes), "bytes": sum(sizes)})
            manifest_path.write_text(json.dumps(manifest))
        return root, manifest["stories"][:stories]

    def given_corpus(self) -> tuple[Path, list[dict]]:
        """`--corpus DIR`: every folder under DIR that holds .txt or .md articles is one story."""
        root = self.a.corpus.resolve()
        stories = []
        for folder in sorted({p.parent for p in root.rglob("*") if p.suffix in (".txt", ".md") and p.is_file()}):
            if any(part.startswith(".") for part in folder.relative_to(root).parts):
                continue
            sizes = [p.stat().st_size for p in folder.iterdir() if p.suffix in (".txt", ".md") and p.is_file()]
            stories.append({"folder": str(folder), "articles": len(sizes), "bytes": sum(sizes)})
        if not stories:
            raise SystemExit(f"{root}: no folder of .txt or .md articles")
        return root, stories

    def one_story(self, n: int) -> tuple[Path, int]:
        from generate import GENERATOR_VERSION, write_story

        root = self.a.out / f"onestory-v{GENERATOR_VERSION}-seed{self.a.seed}"
        folder = root / f"n{n:05d}"
        if not (folder / ".done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            write_story(root, self.a.seed, 900_001, n, name=folder.name)
            (folder / ".done").write_text("")
        return folder, sum(p.stat().st_size for p in folder.iterdir() if p.suffix == ".txt")

    # ---------------------------------------------------------------- measurements
    def check(self, stories: list[dict], cores: int, stages: bool, deadline: float | None = None) -> dict:
        spec = {"task": "check", "folders": [s["folder"] for s in stories], "cores": cores, "stages": stages}
        if deadline:
            spec.update(deadline=deadline, min_stories=2)
        t0 = time.perf_counter()
        r = self.worker(spec)
        r["process_s"] = time.perf_counter() - t0
        done = stories[: r.get("done", len(stories))]
        r["articles"] = sum(s["articles"] for s in done)
        r["bytes"] = sum(s["bytes"] for s in done)
        r["stories"] = len(done)
        r["cores"] = cores
        if "wall" in r:
            r["peak_rss_mb"] = max(r["rss_self_kb"], r["rss_children_kb"]) / 1024
            r["base_rss_mb"] = r["rss_base_kb"] / 1024
        return r

    def find_cli(self) -> list[str]:
        exe = Path(sys.executable).parent / "factcheck"
        return [str(exe)] if exe.exists() else [sys.executable, "-m", "factcheck"]

    def peer_python(self) -> tuple[str | None, bool]:
        """An interpreter that has dateparser (and ideally quantulum3): this one, or bench/.venv's."""
        cands = [sys.executable, str(BENCH / ".venv" / "bin" / "python")]
        best = None
        for py in cands:
            if not Path(py).exists():
                continue
            ok = lambda mod: subprocess.run([py, "-c", f"import {mod}"], capture_output=True).returncode == 0  # noqa: E731
            if ok("dateparser.search"):
                if ok("quantulum3.parser"):
                    return py, True
                best = best or py
        return best, False

    # ---------------------------------------------------------------- the run
    def plan(self, res: dict) -> dict:
        """Sizes for this run: the defaults, scaled down if the pipeline is too slow for --budget."""
        a = self.a
        if a.quick:
            sizes, one_sizes, cli_articles = [200, 1000], [10, 100, 300], 200
        else:
            sizes = [1000, 10_000] + ([100_000] if a.full else [])
            one_sizes, cli_articles = [10, 100, 500, 1000, 2000], 1000
        if a.sizes:
            sizes = sorted(a.sizes)
        if a.one_story:
            one_sizes = sorted(a.one_story)
        per = a.per_story
        ref = max([s for s in sizes if s <= 10_000] or sizes[:1])
        plan = {"scale": 1.0, "budget_s": a.budget}
        if a.corpus:  # the given stories, whole: one size, no scaling
            total = sum(s["articles"] for s in self.given_corpus()[1])
            sizes, ref, cli_articles = [total], total, total
        elif a.budget:
            # calibrate: the whole check on one core for a few seconds
            _, stories = self.corpus(max(2, 400 // per))
            self.log("calibrating: whole check on one core for a few seconds")
            cal = self.check(stories, 1, False, deadline=a.calibrate_seconds)
            res["calibration"] = cal
            if "wall" not in cal or not cal["articles"]:
                raise SystemExit(f"the whole check does not run: {cal.get('error') or cal.get('first_error')}")
            speed = cal["articles"] / cal["wall"]  # articles/s on one core
            overhead = max(0.5, cal["process_s"] - cal["wall"])  # interpreter, imports, rules
            work = (sum(sizes) + ref + 2 * ref / (0.9 * self.nproc) + sum(one_sizes) + 3 * cli_articles) / speed
            n_measurements = len(sizes) + 4 + len(one_sizes)
            fixed = a.peer_seconds + 40 + (ref if not a.full else sizes[-1]) / 2000 + n_measurements * overhead + 3 * overhead
            left = a.budget - (time.perf_counter() - self.t_start) - fixed
            plan.update(calibrated_articles_per_s=speed, projected_s=work + fixed)
            if work > left:
                scale = max(left, 1.0) / work
                plan["scale"] = scale
                # sizes shrink to whole stories; keep growth and one-story points distinct
                sizes = sorted({max(per, int(n * scale) // per * per) for n in sizes})
                if len(sizes) < 2:  # growth needs two points however slow the pipeline
                    sizes = [per, 4 * per]
                # the reference (stages, all cores, side by side) stays the largest size short of 100k
                ref = sizes[-2] if a.full and len(sizes) > 2 else sizes[-1]
                one_sizes = sorted({max(10, int(n * scale)) for n in one_sizes})
                if len(one_sizes) < 2:
                    one_sizes = [10, 40]
                cli_articles = max(per, int(cli_articles * scale) // per * per)
                # fixed costs that scaling cannot shrink: fewer of them
                plan["derive_stages_n"] = True
                a.peer_seconds = min(a.peer_seconds, 10.0)
                self.log(f"the whole check runs at {speed:.1f} articles/s: sizes scaled by {scale:.3f} to fit "
                         f"--budget {a.budget:.0f} s (--budget 0 runs the default sizes)")
        plan.update(sizes=sizes, reference_size=ref, one_story_sizes=one_sizes, cli_articles=cli_articles)
        return plan

    def run(self) -> dict:
        a = self.a
        per = a.per_story
        res: dict = {"machine": machine(), "package": package_state(a.at), "args": {k: str(v) for k, v in vars(a).items()},
                     "articles_per_story": per, "load_start": os.getloadavg()}
        plan = self.plan(res)
        res["plan"] = plan
        sizes, ref, one_sizes, cli_articles = plan["sizes"], plan["reference_size"], plan["one_story_sizes"], plan["cli_articles"]
        res["sizes"], res["reference_size"] = sizes, ref
        big = sizes[-1]

        root, all_stories = self.given_corpus() if a.corpus else self.corpus(max(1, big // per))
        res["corpus"] = {"path": str(root), "seed": None if a.corpus else a.seed, "stories": len(all_stories),
                         "articles": sum(s["articles"] for s in all_stories),
                         "bytes": sum(s["bytes"] for s in all_stories)}

        def subset(n):
            return all_stories if a.corpus else all_stories[: max(1, n // per)]

        # 1. growth: whole check on one core at each size
        res["growth"] = []
        for n in sizes:
            self.log(f"whole check, 1 core, {n:,} articles")
            res["growth"].append(self.check(subset(n), 1, False))
        # 2. stages and all cores, at the reference size (10,000 by default)
        ref_st = subset(ref)
        self.log(f"stages, 1 core, {ref:,} articles")
        res["stages_1"] = self.check(ref_st, 1, True)
        self.log(f"whole check, {self.nproc} cores, {ref:,} articles")
        res["whole_n"] = self.check(ref_st, self.nproc, False)
        if plan.get("derive_stages_n") and ok(res["stages_1"]) and ok(res["whole_n"]):
            # short of time: split the all-cores wall clock by the one-core stage shares
            res["stages_n"] = dict(res["whole_n"], stage_cpu=res["stages_1"]["stage_cpu"], derived=True)
        else:
            self.log(f"stages, {self.nproc} cores, {ref:,} articles")
            res["stages_n"] = self.check(ref_st, self.nproc, True)
        if big > ref:
            self.log(f"whole check, {self.nproc} cores, {big:,} articles")
            res["whole_n_big"] = self.check(subset(big), self.nproc, False)
        # 3. side by side on the same text
        self.log(f"floor: one regex pass, {ref:,} articles")
        res["floor"] = self.worker({"task": "floor", "folders": [s["folder"] for s in ref_st]})
        self.log("looking for dateparser and quantulum3 (this interpreter, then bench/.venv)")
        py, has_q = self.peer_python()
        if py:
            self.log(f"glued pipeline (dateparser + quantulum3) for ~{a.peer_seconds:.0f} s with {py}")
            res["peers"] = self.worker({"task": "peers", "folders": [s["folder"] for s in ref_st],
                                        "budget": a.peer_seconds, "min_articles": 3}, python=py)
            res["peers"]["has_quantulum3"] = has_q
        else:
            res["peers"] = {"error": "dateparser not importable"}
        # 4. one story with more and more articles
        res["one_story"] = []
        for n in one_sizes:
            folder, size = self.one_story(n)
            self.log(f"one story of {n:,} articles")
            r = self.check([{"folder": str(folder), "articles": n, "bytes": size}], 1, True)
            res["one_story"].append(r)
        if one_sizes and one_sizes[-1] >= 2000:  # as a user runs it: a fresh process, every core
            folder, _size = self.one_story(one_sizes[-1])
            self.log(f"one story of {one_sizes[-1]:,} articles with the CLI, {self.nproc} jobs")
            env = self.isolated_env()
            res["one_story_cli"] = {"articles": one_sizes[-1], "cores": self.nproc, **self.timed_cli(
                self.find_cli() + ["check", str(folder), "--no-cache", "--format", "json", "--jobs", str(self.nproc)],
                Path(env["HOME"]), env)}
        # 5. the CLI over a tree: first run, cached re-run, --no-cache
        res["cli"] = self.cli(subset(cli_articles))
        res["targets"] = targets(res, self.nproc, a.full)
        res["load_end"] = os.getloadavg()
        res["total_s"] = time.perf_counter() - self.t_start
        shutil.rmtree(self.scratch, ignore_errors=True)
        return res

    def cli(self, stories: list[dict]) -> dict:
        tree = self.scratch / "tree"
        tree.mkdir()
        for s in stories:
            shutil.copytree(s["folder"], tree / Path(s["folder"]).name)
        out: dict = {"articles": sum(s["articles"] for s in stories), "bytes": sum(s["bytes"] for s in stories),
                     "stories": len(stories)}
        cli = self.find_cli()
        env = self.isolated_env()
        env.update(COLUMNS="200", NO_COLOR="1", TERM="dumb")
        cwd = Path(env["HOME"])
        helptext = subprocess.run(cli + ["check", "--help"], capture_output=True, text=True, env=env, cwd=cwd)
        out["has_no_cache"] = "--no-cache" in (helptext.stdout + helptext.stderr)
        self.log("CLI start-up: factcheck --help")
        out["startup"] = min((self.timed_cli(cli + ["--help"], cwd, env) for _ in range(3)), key=lambda r: r["wall"])
        seeds = ROOT / "seeds"
        if seeds.is_dir():  # a pre-commit hook's check: cold (no cache yet), then warm
            self.log("CLI start-up: factcheck check seeds, cold and warm cache")
            out["seeds_cold"] = self.timed_cli(cli + ["check", str(seeds)], cwd, env)
            out["seeds_warm"] = min((self.timed_cli(cli + ["check", str(seeds)], cwd, env) for _ in range(3)),
                                    key=lambda r: r["wall"])
        base = cli + ["check", str(tree), "--recursive", "--format", "json"]
        version_before = code_version(env)
        self.log(f"CLI first run over {len(stories)} stories")
        out["first"] = self.timed_cli(base, cwd, env)
        self.log("CLI re-run")
        out["rerun"] = self.timed_cli(base, cwd, env)
        out["code_changed"] = version_before != code_version(env)
        if out["has_no_cache"]:
            self.log("CLI --no-cache")
            out["no_cache"] = self.timed_cli(base + ["--no-cache"], cwd, env)
        return out


# ============================================================================ reporting

def export(rev: str, dest: Path) -> Path:
    """The package as committed at `rev`, importable from `dest` (factcheck.rules is the rules/ folder)."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "factcheck", "rules"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    if not (dest / "factcheck" / "rules").exists():
        (dest / "factcheck" / "rules").symlink_to("../rules")
    return dest


def corpus_folders(corpus: Path) -> list[Path]:
    """The story folders under a corpus: each folder that holds an article."""
    return sorted({p.parent for p in corpus.rglob("*") if p.suffix in (".txt", ".md") and p.is_file()})


def call_with(src: Path | None, module: str, function: str, corpus: Path, cwd: Path):
    """`function(corpus)` of a bench module, in a process of its own that imports the package
    from `src` (None: as installed, the working tree); what it returns, through JSON."""
    path = "" if src is None else f"sys.path.insert(0, {str(src)!r}); "
    code = (f"import json, sys; {path}sys.path.insert(1, {str(BENCH)!r}); import {module}; "
            f"print(json.dumps({module}.{function}(__import__('pathlib').Path({str(corpus)!r}))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd)
    return json.loads(out.stdout.splitlines()[-1])


def code_version(env=None) -> str | None:
    """The digest the claims cache keys on (None where there is no cache module)."""
    r = subprocess.run([sys.executable, "-c", "from factcheck.cache import code_version; print(code_version())"],
                       capture_output=True, text=True, env=env, cwd=(env or {}).get("HOME"))
    return r.stdout.strip() if r.returncode == 0 else None


def machine() -> dict:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "implementation": platform.python_implementation(), "os": platform.platform(), "memory_gib": mem}


def package_state(at: str | None = None) -> dict:
    def git(*args):
        r = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else None

    rev = at or "HEAD"
    dirty = False if at else bool(git("status", "--porcelain", "factcheck", "rules"))
    return {"commit": git("rev-parse", "--short", rev), "dirty": dirty, "subject": git("log", "-1", "--format=%s", rev),
            "source": f"git archive {at}" if at else "working tree"}


def rate(n, seconds):
    return n / seconds if seconds and seconds > 0 else None


def f_num(x, digits=0):
    if x is None or (isinstance(x, float) and (math.isinf(x) or math.isnan(x))):
        return "n/a"
    return f"{x:,.{digits}f}"


def times(x, digits):
    return "n/a" if x is None else f"{f_num(x, digits)}x"


def f_mbps(x):
    if x is None:
        return "n/a"
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.2f}" if x >= 0.1 else f"{x:.3f}" if x >= 0.001 else f"{x:.5f}"


def ok(r: dict) -> bool:
    return "wall" in r


def per_core(r: dict) -> tuple[float | None, float | None]:
    """One core: articles/s and MB/s by the CPU time the measuring process(es) used."""
    if not ok(r):
        return None, None
    return rate(r["articles"], r["cpu"]), rate(r["bytes"] / MB, r["cpu"])


def by_wall(r: dict) -> tuple[float | None, float | None]:
    if not ok(r):
        return None, None
    return rate(r["articles"], r["wall"]), rate(r["bytes"] / MB, r["wall"])


def core_share(r: dict) -> float | None:
    """How much of its cores a measurement got: CPU time / (wall x cores). Below ~0.9 the machine was busy."""
    if not ok(r) or not r["wall"]:
        return None
    return r["cpu"] / (r["wall"] * r["cores"])


def floor_mbps(res):
    fl = res.get("floor", {})
    return rate(fl["bytes"] / MB, fl["cpu"]) if ok(fl) else None


def peer_mbps(res, which=("dateparser_cpu", "quantulum3_cpu")):
    p = res.get("peers", {})
    if "bytes" not in p or any(p.get(k) is None for k in which):
        return None
    if "quantulum3_cpu" in which and not p.get("has_quantulum3"):
        return None
    return rate(p["bytes"] / MB, sum(p[k] for k in which))


def ref_check(res):
    """The one-core whole check at the reference size."""
    for r in res["growth"]:
        if r["articles"] >= res["reference_size"]:
            return r
    return res["growth"][-1]


def targets(res, nproc, full) -> list[dict]:
    out = []
    c = ref_check(res)
    _, c_mbps = per_core(c)
    a_mbps, b_mbps = floor_mbps(res), peer_mbps(res)

    def add(name, measured, passed, note=""):
        out.append({"target": name, "measured": measured,
                    "result": "n/a" if passed is None else ("PASS" if passed else "FAIL"), "note": note})

    add("whole check >= 2 MB/s per core", f"{f_mbps(c_mbps)} MB/s", None if c_mbps is None else c_mbps >= 2,
        f"{c['articles']:,} articles, CPU time")
    ca = a_mbps / c_mbps if a_mbps and c_mbps else None
    add("within 10x of the floor (c/a <= 10)", times(ca, 1), None if ca is None else ca <= 10)
    bc = c_mbps / b_mbps if b_mbps and c_mbps else None
    add(">= 30x faster than dateparser + quantulum3 (b/c >= 30)", times(bc, 0), None if bc is None else bc >= 30,
        "" if b_mbps else "quantulum3 not installed: see bench/README.md")
    name = f"100,000 articles in < 60 s on {nproc} cores"
    big = res.get("whole_n_big")
    if full and big and ok(big) and big["articles"] >= 100_000:
        add(name, f"{big['wall']:,.1f} s", big["wall"] < 60, f"measured, wall clock, core share {core_share(big):.0%}")
    else:
        wn = res.get("whole_n", {})
        if ok(wn):
            t = wn["wall"] * 100_000 / wn["articles"]
            add(name, f"{t:,.1f} s", t < 60, f"extrapolated from {wn['articles']:,} articles (--full measures it), "
                f"wall clock, core share {core_share(wn):.0%}")
        else:
            add(name, "n/a", None, wn.get("error", ""))
    by = {r["articles"]: r for r in res["growth"] if ok(r)}
    name = "peak memory flat (+-20%) from 10,000 to 100,000 articles"
    if full and 10_000 in by and 100_000 in by:
        m0, m1 = by[10_000]["peak_rss_mb"], by[100_000]["peak_rss_mb"]
        add(name, f"{m0:,.0f} -> {m1:,.0f} MB ({(m1 - m0) / m0:+.0%})", abs(m1 - m0) / m0 <= 0.20, "1 core, peak RSS")
    else:
        sizes = sorted(by)
        meas = "not measured"
        if len(sizes) >= 2:
            m0, m1 = by[sizes[0]]["peak_rss_mb"], by[sizes[-1]]["peak_rss_mb"]
            meas += f"; {sizes[0]:,} -> {sizes[-1]:,} articles: {m0:,.0f} -> {m1:,.0f} MB ({(m1 - m0) / m0:+.0%})"
        add(name, meas, None, "needs --full")
    cli = res.get("cli", {})
    for key, name, limit in (("startup", "start-up <= 0.25 s (`factcheck --help`)", 0.25),
                             ("seeds_warm", "check of the seeds <= 0.4 s, cache warm", 0.4)):
        r = cli.get(key)
        ran = bool(r) and "error" not in r
        add(name, f"{r['wall']:.2f} s" if ran else "n/a", r["wall"] <= limit if ran else None, "wall clock, best of 3")
    two_k = res.get("one_story_cli")
    ran = bool(two_k) and "error" not in two_k
    one_core = [r for r in res.get("one_story", []) if ok(r) and r["articles"] >= 2000]
    add("a 2,000-article story in <= 10 s", f"{two_k['wall']:.1f} s" if ran else "n/a", two_k["wall"] <= 10 if ran else None,
        f"the CLI, fresh process, {two_k['cores'] if ran else '-'} jobs, wall clock"
        + (f"; one core, stages timed apart: {one_core[0]['wall']:.1f} s" if one_core else ""))
    return out


def table(headers, rows, left=(0,)) -> str:
    """A Markdown table; columns not in `left` hold figures and are right-aligned."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" if i in left else "---:" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def stage_rates(r: dict, stage: str) -> tuple[float | None, float | None]:
    """On one core, the stage's own CPU time; on n cores, its share of the wall clock."""
    if not ok(r):
        return None, None
    cpu = r["stage_cpu"]
    total = sum(cpu.get(s, 0.0) for s in STAGES)
    t = cpu.get(stage, 0.0)
    if r["cores"] > 1:
        t = r["wall"] * t / total if total else None
    return rate(r["articles"], t), rate(r["bytes"] / MB, t)


def report(res: dict) -> str:
    m, nproc = res["machine"], res["machine"]["nproc"]
    pk = res["package"]
    out, notes = [], []
    out.append(f"Machine: {m['nproc']} cores, {m['cpu']}, {m.get('memory_gib')} GiB, {m['implementation']} {m['python']}; "
               f"load average {res['load_start'][0]:.1f} at the start, {res['load_end'][0]:.1f} at the end. "
               f"Package: {pk['source']} at {pk['commit']}{' with uncommitted changes' if pk['dirty'] else ''}. "
               + (f"Corpus: {res['corpus']['path']}, {res['corpus']['stories']:,} stories as found, "
                  if res["corpus"]["seed"] is None else
                  f"Corpus: seed {res['corpus']['seed']}, {res['articles_per_story']} articles a story, ")
               + f"{res['corpus']['bytes'] / res['corpus']['articles'] / 1000:.1f} KB an article on average.")
    plan = res.get("plan", {})
    if plan.get("scale", 1.0) < 1.0:
        out.append(f"\n**Sizes scaled by {plan['scale']:.2g}** to keep the run within --budget {plan['budget_s']:.0f} s: "
                   f"the whole check ran at {plan['calibrated_articles_per_s']:.1f} articles/s on one core when calibrated, "
                   f"and the default sizes would have taken about {plan['projected_s'] / 60:.0f} min. "
                   f"`--budget 0` runs them in full.")

    def rss(r):
        return f_num(r.get("peak_rss_mb")) if ok(r) else "n/a"

    # --- whole check and stages
    s1, sn, w1, wn = res["stages_1"], res["stages_n"], ref_check(res), res["whole_n"]
    rows = []
    a1, m1 = per_core(w1)
    an, mn = by_wall(wn)
    rows.append(["**whole check**", f_num(a1), f_mbps(m1), f_num(an), f_mbps(mn), rss(w1), rss(wn)])
    for st in STAGES:
        x1, y1 = stage_rates(s1, st)
        xn, yn = stage_rates(sn, st)
        rows.append([st, f_num(x1), f_mbps(y1), f_num(xn), f_mbps(yn), rss(s1) if st == "load" else "",
                     rss(sn) if st == "load" else ""])
    out.append(f"\n### Whole check and each stage ({w1['articles']:,} articles, {w1['bytes'] / MB:.1f} MB, {w1['stories']:,} stories)\n")
    out.append(table(["stage", "articles/s, 1 core", "MB/s, 1 core", f"articles/s, {nproc} cores",
                      f"MB/s, {nproc} cores", "peak RSS MB, 1 core", f"peak RSS MB, {nproc} cores"], rows))
    shares = {label: core_share(r) for r, label in ((w1, "whole check, 1 core"), (wn, f"whole check, {nproc} cores"))}
    if ok(w1):
        notes.append(f"One-core figures are by CPU time; by wall clock the same run did "
                     f"{f_mbps(by_wall(w1)[1])} MB/s, getting {shares['whole check, 1 core']:.0%} of a core. "
                     f"{nproc}-core figures are by wall clock (core share {shares[f'whole check, {nproc} cores'] or 0:.0%}); "
                     f"a stage's {nproc}-core figure is its share of that wall clock"
                     + (f" (shares taken from the one-core pass: no {nproc}-core stage pass, to save time)." if sn.get("derived") else "."))
    for r, label in ((w1, "whole check, 1 core"), (wn, f"whole check, {nproc} cores"), (s1, "stages, 1 core"), (sn, f"stages, {nproc} cores")):
        if "error" in r:
            notes.append(f"{label}: {r['error']}")
        elif r.get("errors"):
            notes.append(f"{label}: {r['errors']} of {r['stories']} stories raised ({r['first_error']})")
    if ok(s1):
        notes.append(f"Stages: {s1['claims']:,} claims, {s1['facts']:,} facts, {s1['findings']:,} findings from "
                     f"{s1['sources']:,} sources. Start-up is not counted: imports {s1['import_s']:.2f} s, rules {s1['rules_s']:.2f} s.")
        if s1["claims"] == 0:
            notes.append("The pipeline returned no claims: extract (and so align and compare) is still a placeholder.")

    # --- growth
    rows = []
    for r in res["growth"] + ([res["whole_n_big"]] if res.get("whole_n_big") else []):
        if not ok(r):
            rows.append([f"{r['articles']:,}", f"{r['cores']}", f"{r['bytes'] / MB:,.1f}", r.get("error", "n/a")] + [""] * 6)
            continue
        ac, mc = per_core(r)
        _, mw = by_wall(r)
        rows.append([f"{r['articles']:,}", f"{r['cores']}", f"{r['bytes'] / MB:,.1f}", f"{r['wall']:,.2f}", f"{r['cpu']:,.2f}",
                     f_num(ac), f_mbps(mc), f_mbps(mw), rss(r), f_num(r.get("base_rss_mb"))])
    out.append(f"\n### Growth: whole check, " + ("the given stories" if res["corpus"]["seed"] is None else f"stories of {res['articles_per_story']} articles") + "\n")
    out.append(table(["articles", "cores", "MB", "wall s", "CPU s", "articles/s (CPU)", "MB/s (CPU)", "MB/s (wall)",
                      "peak RSS MB", "RSS before MB"], rows))

    # --- one story
    rows, pts = [], []
    for r in res["one_story"]:
        if not ok(r):
            rows.append([f"{r['articles']:,}", f"{r['bytes'] / MB:.2f}", r.get("error", "n/a"), "", "", "", "", ""])
            continue
        cpu = r["stage_cpu"]
        total = sum(cpu.get(s, 0) for s in STAGES)
        pts.append((r["articles"], cpu["align"], cpu["compare"]))
        rows.append([f"{r['articles']:,}", f"{r['bytes'] / MB:.2f}", f"{total:.3f}", f"{cpu['align'] * 1e3:,.2f}",
                     f"{cpu['align'] / r['articles'] * 1e6:,.1f}", f"{cpu['compare'] * 1e3:,.2f}",
                     f"{r['claims']:,}", rss(r)])
    out.append("\n### One story, more and more articles (1 core, CPU time)\n")
    out.append(table(["articles", "MB", "all stages s", "align ms", "align µs/article", "compare ms", "claims", "peak RSS MB"], rows))
    if len(pts) >= 2:
        (n0, al0, co0), (n1, al1, co1) = pts[0], pts[-1]

        def exponent(t0, t1):
            return math.log(t1 / t0) / math.log(n1 / n0) if t0 > 1e-4 and t1 > 0 else None

        e_al, e_co = exponent(al0, al1), exponent(co0, co1)
        res["one_story_exponent"] = {"align": e_al, "compare": e_co}
        if e_al is None:
            notes.append(f"Align took under 0.1 ms at {n0} articles: too little to fit a growth exponent.")
        else:
            notes.append(f"One story from {n0:,} to {n1:,} articles: align time grows as n^{e_al:.2f} (linear is 1, "
                         f"quadratic 2); compare as " + (f"n^{e_co:.2f}." if e_co is not None else "(too small to fit)."))

    # --- CLI
    cli = res["cli"]
    rows = []
    for key, label in (("startup", "start-up (`factcheck --help`)"), ("seeds_cold", "`factcheck check seeds`, cache cold"),
                       ("seeds_warm", "`factcheck check seeds`, cache warm"), ("first", "first run"),
                       ("rerun", "re-run, cache warm"), ("no_cache", "re-run with `--no-cache`")):
        r = cli.get(key)
        if key in ("rerun", "no_cache") and not cli["has_no_cache"]:
            rows.append([label, "n/a", "", "n/a", "no cache in this build" if key == "rerun" else "no --no-cache flag"])
            continue
        if r is None or "error" in r:
            rows.append([label, "n/a", "", "n/a", (r or {}).get("error", "")])
            continue
        arts = f_num(rate(cli["articles"], r["wall"])) if key in ("first", "rerun", "no_cache") else ""
        rows.append([label, f"{r['wall']:.2f}", arts, f_num(r["rss_kb"] / 1024), f"exit {r['exit']}, {r['out_bytes']:,} bytes of output"])
    out.append(f"\n### CLI over a tree: `factcheck check TREE --recursive --format json` "
               f"({cli['stories']} stories, {cli['articles']:,} articles, {cli['bytes'] / MB:.1f} MB; wall clock)\n")
    out.append(table(["run", "seconds", "articles/s", "peak RSS MB", "note"], rows, left=(0, 4)))
    if cli.get("code_changed"):
        notes.append("The engine's code changed between the CLI runs (its cache key includes a digest of the code), "
                     "so the re-run could not use the cache: rerun the bench on a quiet tree.")
    if not cli["has_no_cache"] and ok(cli.get("rerun", {})):
        notes.append(f"No cache yet: a re-run took {cli['rerun']['wall']:.2f} s, the same work as the first.")

    # --- side by side
    fl, pe = res.get("floor", {}), res.get("peers", {})
    a_mbps, b_mbps = floor_mbps(res), peer_mbps(res)
    c_mbps = per_core(w1)[1]
    rows = [["(a) floor: one `regex` pass for every number", f_mbps(a_mbps),
             f"{fl['articles']:,} articles, {fl['bytes'] / MB:.1f} MB" if ok(fl) else fl.get("error", "n/a"),
             f"{fl['numbers']:,} numbers" if ok(fl) else ""]]
    if "bytes" in pe:
        d_mbps = peer_mbps(res, ("dateparser_cpu",))
        q_mbps = peer_mbps(res, ("quantulum3_cpu",))
        sample = f"{pe['articles']:,} articles, {pe['bytes'] / MB:.3f} MB (sample)"
        rows.append(["(b) `dateparser.search.search_dates` + `quantulum3.parser.parse`", f_mbps(b_mbps), sample,
                     f"{pe['dates_found']:,} dates, {pe['quantities_found']:,} quantities" if b_mbps else "quantulum3 not installed"])
        rows.append(["  of which `search_dates`", f_mbps(d_mbps), sample, f"first call ({pe['warmup_dateparser_s']:.1f} s) not counted"])
        rows.append(["  of which `quantulum3.parser.parse`", f_mbps(q_mbps), sample,
                     f"first call ({pe['warmup_quantulum3_s']:.1f} s) not counted" if q_mbps else pe.get("quantulum3_error", "n/a")])
    else:
        rows.append(["(b) `dateparser.search.search_dates` + `quantulum3.parser.parse`", "n/a", pe.get("error", ""), ""])
    rows.append(["(c) factcheck, whole check", f_mbps(c_mbps), f"{w1['articles']:,} articles, {w1['bytes'] / MB:.1f} MB",
                 f"{w1.get('findings', 0):,} findings"])
    out.append("\n### Side by side: one core, CPU time, the same corpus\n")
    out.append(table(["tool", "MB/s", "text", "found"], rows, left=(0, 2, 3)))
    bc = c_mbps / b_mbps if c_mbps and b_mbps else None
    ca = a_mbps / c_mbps if c_mbps and a_mbps else None
    line = (f"\nTime per MB: **b/c = {times(bc, 0)}** (factcheck is that many times faster than the glued pipeline); "
            f"**c/a = {times(ca, 1)}** (factcheck takes that many times as long as the floor).")
    if b_mbps and ok(w1):
        line += (f" At its sample's speed the glued pipeline would take {w1['bytes'] / MB / b_mbps / 60:,.1f} min of CPU for the "
                 f"{w1['articles']:,} articles that factcheck checks in {w1['cpu']:,.1f} s.")
    out.append(line)

    # --- targets
    rows = [[t["target"], t["measured"], f"**{t['result']}**", t["note"]] for t in res["targets"]]
    out.append("\n### Targets\n")
    out.append(table(["target", "measured", "result", "note"], rows, left=(0, 3)))
    if notes:
        out.append("\nNotes:\n" + "\n".join(f"- {n}" for n in notes))
    out.append(f"\nThe bench took {res['total_s']:.0f} s.")
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="factcheck benchmarks (see bench/README.md)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--full", action="store_true", help="grow to 100,000 articles and measure the 100k targets")
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke test of the harness")
    ap.add_argument("--sizes", type=int, nargs="+", help="article counts for the growth table (overrides the defaults)")
    ap.add_argument("--one-story", type=int, nargs="+", help="article counts for the one-story table (default 10 100 500 1000 2000)")
    ap.add_argument("--per-story", type=int, default=10, help="articles in each story of the main corpus (default 10)")
    ap.add_argument("--seed", type=int, default=1)
    # outside the repository: the check, like the CLI, leaves out what git ignores
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench",
                    help="where corpora are generated and kept (default: factcheck-bench in the temporary folder)")
    ap.add_argument("--peer-seconds", type=float, default=None, help="time budget for the glued pipeline's sample")
    ap.add_argument("--timeout", type=float, default=None, help="seconds before one measurement is given up")
    ap.add_argument("--budget", type=float, default=None,
                    help="seconds the whole run may take; sizes are scaled down to fit (default 240, none with --full; 0: no limit)")
    ap.add_argument("--calibrate-seconds", type=float, default=6.0, help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, default=BENCH / "results.json")
    ap.add_argument("--corpus", type=Path, metavar="DIR",
                    help="measure on the stories under DIR (every folder of .txt/.md articles) instead of generated copy")
    ap.add_argument("--at", metavar="REV", help="measure the package as committed at REV (e.g. HEAD) instead of the working tree")
    a = ap.parse_args(argv)
    if a.worker:
        worker_main(a.worker)
        return 0
    if a.peer_seconds is None:
        a.peer_seconds = 5.0 if a.quick else (90.0 if a.full else 20.0)
    if a.budget is None:
        a.budget = 0.0 if a.full else (90.0 if a.quick else 240.0)
    if a.timeout is None:
        a.timeout = 3600.0 if a.full else 600.0
    a.out = a.out.resolve()
    bench = Bench(a)
    try:
        res = bench.run()
    finally:
        shutil.rmtree(bench.scratch, ignore_errors=True)
    text = report(res)
    res["markdown"] = text
    a.json.write_text(json.dumps(res, indent=2, default=str) + "\n")
    sys.stdout.write(text)
    bench.log(f"wrote {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

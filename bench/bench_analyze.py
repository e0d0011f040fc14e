"""Time `mirror analyze --all` (whole process, with its worker processes) on generated
journals of 1k, 10k and 100k reflections; print wall and CPU medians. The budget at 100k
is 30 s wall. Not part of the test suite (timings are noisy): the machine's load is
printed beside the figures.

Journals are generated once with bench/journal_gen.py into the work folder and reused;
each run re-derives the whole journal. Two lines per size: `cold`, every kept care
reading removed first (as after an upgrade, when each was made by another detector: every
text is read for care again), and `kept`, the readings the run before kept (as after an
engine-profile change, a repair or an interrupted run: `mirror.engine.care.readings`).

    python bench/bench_analyze.py                           # 1k, 10k, 100k, 3 runs each
    python bench/bench_analyze.py --sizes 1000 10000 --runs 5
    python bench/bench_analyze.py --in-process 1500        # ms of CPU per reflection
    python bench/bench_analyze.py --first-reflect 3        # a new journal's first reflect
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from journal_gen import generate  # noqa: E402

# Bytecode compiled as pip would (see bench_aggregates.py).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def analyse(home: Path) -> tuple[float, float]:
    """(wall s, CPU s including workers) of one `mirror analyze --all`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "analyze", "--all"],
                          capture_output=True, cwd=HERE.parent, env=ENV)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"analyze --all failed: {proc.stderr.decode()}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def forget_readings(home: Path) -> None:
    """Remove every kept care reading, so the next run reads every text for care."""
    import sqlite3

    conn = sqlite3.connect(home / "mirror.db")
    with conn:
        conn.execute("DELETE FROM care_readings")
    conn.close()


def in_process(count: int, passes: int = 4) -> None:
    """CPU ms per generated reflection for `analyze` and for its care detector alone, in
    this process, best of `passes` over the same reflections after one warm-up pass (the
    per-process memos then hold the journal's vocabulary, as they soon do in a long run)."""
    import random

    from journal_gen import reflection_text

    from mirror.engine.analysis import analyze
    from mirror.engine.care import assess

    rng = random.Random(11)
    texts = [reflection_text(rng) for _ in range(count)]
    words = sum(len(t.split()) for t in texts) / count
    for text in texts:
        analyze(text)
    best: dict[str, float] = {}
    for name, fn in [("analyze", analyze), ("care", assess)] * passes:
        began = time.process_time()
        for text in texts:
            fn(text)
        ms = (time.process_time() - began) / count * 1000
        best[name] = min(best.get(name, ms), ms)
    print(f"{count} reflections of ~{words:.0f} words: analyze {best['analyze']:.3f} ms CPU each, "
          f"of which care {best['care']:.3f} ms (load {os.getloadavg()[0]:.1f})")


def first_reflect(runs: int) -> None:
    """Wall and CPU of the first `mirror reflect` in a new journal (after `mirror init`),
    with this user's machine-wide care index absent (a machine's first journal) and
    present (every later one); a private cache folder stands in for the user's."""
    import shutil
    import tempfile

    env = {k: v for k, v in ENV.items() if k != "MIRROR_CARE_CACHE"}
    text = "I should call my mother but I'm afraid she'll be disappointed"
    with tempfile.TemporaryDirectory(prefix="mirror-first-") as tmp:
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "xdg")
        results: dict[str, list[tuple[float, float]]] = {"absent": [], "present": []}
        for run in range(runs):
            for state in ("absent", "present"):
                if state == "absent":
                    shutil.rmtree(Path(tmp) / "xdg", ignore_errors=True)
                home = Path(tmp) / f"home-{run}-{state}"
                subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "init"],
                               capture_output=True, cwd=HERE.parent, env=env, check=True)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                began = time.perf_counter()
                subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "reflect", text],
                               capture_output=True, cwd=HERE.parent, env=env, check=True)
                wall = time.perf_counter() - began
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                results[state].append((wall, after.ru_utime - before.ru_utime
                                       + after.ru_stime - before.ru_stime))
    for state, runs_ in results.items():
        print(f"first reflect, machine's care index {state:7}: wall "
              f"{statistics.median(r[0] for r in runs_):5.2f} s  CPU "
              f"{statistics.median(r[1] for r in runs_):5.2f} s  (median of {len(runs_)}; "
              f"load {os.getloadavg()[0]:.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=HERE / "journals")
    parser.add_argument("--in-process", type=int, metavar="N", default=0,
                        help="time analyze() on N generated reflections in this process instead")
    parser.add_argument("--first-reflect", type=int, metavar="RUNS", default=0,
                        help="time the first reflect in a new journal instead")
    args = parser.parse_args()
    if args.first_reflect:
        first_reflect(args.first_reflect)
        return 0
    if args.in_process:
        in_process(args.in_process)
        return 0
    for size in args.sizes:
        home = args.workdir / f"analyse-{size}"
        if not (home / "mirror.db").exists():
            generate(size, home)
        analyse(home)  # warm-up: migrations, the care index cache
        runs: dict[str, list[tuple[float, float]]] = {"cold": [], "kept": []}
        for _ in range(args.runs):  # alternating, so both see the same machine
            forget_readings(home)
            runs["cold"].append(analyse(home))
            runs["kept"].append(analyse(home))
        for kind, timed in runs.items():
            wall = statistics.median(r[0] for r in timed)
            cpu = statistics.median(r[1] for r in timed)
            load = os.getloadavg()[0]
            print(f"{size:>7} reflections, {kind}: wall {wall:7.2f} s  CPU {cpu:7.2f} s  "
                  f"({size / wall:,.0f}/s wall; load {load:.1f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

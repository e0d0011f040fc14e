"""`mirror export --format jrnl` (and reading it back with `import --from jrnl`) on a
generated journal: the median wall time of the whole command (`python -m mirror …` in a
fresh process, as a person runs it) and its peak memory. Not part of the test suite.

    python bench/bench_interop.py                       # 100k reflections, 3 runs
    python bench/bench_interop.py --size 10000 --runs 5 --ops export-jrnl,export-json,import-jrnl
    python bench/bench_interop.py --ops import-jrnl-write   # the import without analysis
    python bench/bench_interop.py --ops import-jrnl,import-jrnl-wait   # background vs --wait

`import-jrnl` times the command as a person runs it (a large import leaves reading its
entries to a background reader), then `analyze --pending` (which waits for that reader):
the second line is the time until every entry is read. Its CPU figure misses the
background reader's own (not a child of this process); `--wait` measures all of it.

Journals are generated once per size (bench/journal_gen.py) under --work and reused.
Target (100k): export --format jrnl <= 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _timed(cmd: list[str], what: str, env: dict | None = None) -> tuple[dict, str]:
    """One process timed: wall seconds, CPU seconds (user + system: what the command itself
    costs, less inflated than wall time on a shared machine) and the child's peak RSS, with
    its standard output. A failing process stops the bench with its error."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    began = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=HERE.parent)
    seconds = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed: {proc.stderr.strip()}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime - cpu_before,
             "peak_mb": max(usage.ru_maxrss, before) / 1024}, proc.stdout)


def run_mirror(home: Path, *args: str) -> dict:
    """One `mirror` command in its own process, timed as `_timed` says."""
    env = {**os.environ, "MIRROR_HOME": str(home)}
    figures, out = _timed([sys.executable, "-m", "mirror", *args, "--json"],
                          f"mirror {' '.join(args)}", env)
    return {**figures, **json.loads(out)}


def measure(label: str, runs: int, fn) -> None:
    results = [fn(i) for i in range(runs)]
    times = [r["seconds"] for r in results]
    print(f"{label:<28} median {statistics.median(times):6.2f} s wall, "
          f"{statistics.median(r['cpu'] for r in results):6.2f} s CPU  "
          f"(wall min {min(times):.2f}, max {max(times):.2f}, n={runs})  "
          f"peak {max(r['peak_mb'] for r in results):.0f} MB", flush=True)


def bench_size(size: int, runs: int, root: Path, ops: list[str]) -> None:
    from journal_gen import generate

    work = root / str(size)
    source = work / "source"
    if not (source / "mirror.db").exists():
        shutil.rmtree(source, ignore_errors=True)
        print(f"generating {size} reflections…", flush=True)
        generate(size, source)
    print(f"-- {size} reflections (load {os.getloadavg()[0]:.2f})", flush=True)
    out = work / "journal.jrnl.txt"
    if "export-jrnl" in ops or not out.exists():
        measure("export --format jrnl", runs,
                lambda i: run_mirror(source, "export", "--format", "jrnl", str(out), "--force"))
        print(f"jrnl file: {out.stat().st_size / 1e6:.1f} MB", flush=True)
    if "export-json" in ops:  # the same journal as Mirror's JSON, for comparison
        measure("export --format json", runs, lambda i: run_mirror(
            source, "export", "--format", "json", str(work / "journal.json"), "--force"))
    if "import-jrnl" in ops:
        target = work / "target"
        until_read: list[dict] = []

        def fresh(i: int) -> dict:
            shutil.rmtree(target, ignore_errors=True)
            figures = run_mirror(target, "import", "--from", "jrnl", str(out), "--tz", "UTC")
            # the background reader's work: waited for before the next run, and timed
            rest = run_mirror(target, "analyze", "--pending")
            until_read.append({"seconds": figures["seconds"] + rest["seconds"],
                               "cpu": figures["cpu"] + rest["cpu"], "peak_mb": rest["peak_mb"]})
            print(f"  left to the background reader: {figures['reading_later']}", flush=True)
            return figures

        measure("import --from jrnl (empty)", runs, fresh)
        measure("  … until every entry is read", runs, lambda i: until_read[i])
    if "import-jrnl-wait" in ops:  # everything read before the command returns
        target = work / "target"

        def waited(i: int) -> dict:
            shutil.rmtree(target, ignore_errors=True)
            return run_mirror(target, "import", "--from", "jrnl", str(out), "--tz", "UTC", "--wait")

        measure("import --from jrnl --wait", runs, waited)
    if "import-jrnl-write" in ops:  # the same import with the analysis stubbed out
        target = work / "target"

        def write_only(i: int) -> dict:
            shutil.rmtree(target, ignore_errors=True)
            return run_write_only(target, out)

        measure("import --from jrnl, no analysis", runs, write_only)


WRITE_ONLY = r"""
import json, sys
from mirror.services import deriving
from mirror.services.journal import Journal


def analyse_rows(rows, profile=None):  # forked workers find it here too
    return []


deriving.analyse_rows = analyse_rows
with Journal.open(sys.argv[1]) as journal:
    print(json.dumps(journal.import_foreign("jrnl", sys.argv[2], tz="UTC").changes))
"""


def run_write_only(home: Path, source: Path) -> dict:
    """`import --from jrnl` through the service in a fresh process, analysis stubbed: the
    import's own reading and writing (wall, CPU, peak RSS as for `run_mirror`)."""
    return _timed([sys.executable, "-c", WRITE_ONLY, str(home), str(source)], "write-only import")[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, action="append", help="repeatable; 100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/mirror-bench-interop")
    parser.add_argument("--ops", default="export-jrnl")
    args = parser.parse_args()
    root = Path(args.work)
    root.mkdir(parents=True, exist_ok=True)
    for size in args.size or [100_000]:
        bench_size(size, args.runs, root, args.ops.split(","))


if __name__ == "__main__":
    main()

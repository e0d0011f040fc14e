"""Sync between two devices with large journals (issue 16): N new reflections written on
one device, then a whole `mirror sync` process on each side, and an idle sync (nothing new).

    python bench/bench_sync.py --size 100000 --new 1000 --runs 3

Both devices start from copies of one generated journal, paired through a folder and with
nothing pending (as two devices that have synced before). Times are whole processes (start-
up included), wall clock; the receiving side is also split into the merge (change set
opened and applied in one transaction) and the re-derivation of what arrived (the offline
engine analysing the new reflections, as after a bundle import). The machine's load is
printed with each size: on a shared machine every figure is inflated.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

CPU: list[float] = []
BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))


def child(home: str, folder: str) -> None:
    """One sync in this process, with the re-derivation timed apart."""
    from mirror.services import deriving as service  # sync imports it when something arrives
    from mirror.services.journal import Journal

    spent = {"derive": 0.0}
    original = service.derive_after_import

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent["derive"] += time.perf_counter() - began

    service.derive_after_import = timed
    began = time.perf_counter()
    journal = Journal.open(home)
    report = journal.sync(folder)
    journal.close()
    total = time.perf_counter() - began
    print(json.dumps({"total": total, "derive": spent["derive"], "applied": len(report.applied),
                      "added": report.changes.get("reflections_added", 0)}))


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mirror(home: Path, *args: str) -> tuple[float, str]:
    """Run `mirror ARGS`; returns (wall seconds, stdout). CPU seconds go to `CPU[-1]`."""
    env = {**os.environ, "MIRROR_HOME": str(home)}
    cpu = children_cpu()
    began = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mirror", *args], env=env, cwd=REPO,
                         capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - began
    CPU.append(children_cpu() - cpu)
    if run.returncode != 0:
        raise SystemExit(f"mirror {' '.join(args)} failed: {run.stderr.strip()}")
    return elapsed, run.stdout


def settled(home: Path) -> None:
    """Nothing pending: the devices are as after an earlier sync of the same journal."""
    conn = sqlite3.connect(home / "mirror.db")
    with conn:
        conn.execute("DELETE FROM sync_dirty")
    conn.close()


def warm_care_index(home: Path) -> None:
    """Build the care index into the journal's cache/ once, as on any device that has
    analysed a reflection before (a fresh home pays ~2.5 s for it on its first analysis,
    once; `--cold` measures that)."""
    code = ("import sys; from mirror.services.journal import Journal;"
            " from mirror.engine.analysis import analyze;"
            " j = Journal.open(sys.argv[1]); analyze('warm up'); j.close()")
    subprocess.run([sys.executable, "-c", code, str(home)], cwd=REPO, check=True)


def setup(source: Path, work: Path) -> tuple[Path, Path, Path]:
    a, b, folder = work / "a", work / "b", work / "shared"
    for path in (a, b, folder):
        shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(source, a)
    shutil.copytree(source, b)
    _, out = mirror(a, "sync", "pair", str(folder), "--json")
    code = json.loads(out)["code"]
    mirror(b, "sync", "pair", str(folder), "--code", code)
    settled(a)
    settled(b)
    mirror(a, "sync", str(folder))  # each device learns of the other (no change set yet)
    mirror(b, "sync", str(folder))
    return a, b, folder


def bench_size(size: int, new: int, runs: int, root: Path, cold: bool = False) -> None:
    from journal_gen import entries, generate

    from mirror.storage.store import Store

    work = root / str(size)
    source = work / "source"
    if not (source / "mirror.db").exists():
        shutil.rmtree(source, ignore_errors=True)
        print(f"generating {size} reflections…", flush=True)
        generate(size, source)
    if cold:
        shutil.rmtree(source / "cache", ignore_errors=True)
    else:
        warm_care_index(source)
    print(f"-- {size} reflections, {new} new (load {os.getloadavg()[0]:.2f})"
          + (" (cold: no care index yet)" if cold else ""), flush=True)
    write, receive, merge_part, derive_part, idle = [], [], [], [], []
    write_cpu: list[float] = []
    receive_cpu: list[float] = []
    idle_cpu: list[float] = []
    for run in range(runs):
        a, b, folder = setup(source, work)
        store = Store(a / "mirror.db")
        store.reflections.create_many(list(entries(new, seed=1000 + run)))
        store.close()
        elapsed, _ = mirror(a, "sync", str(folder))
        write.append(elapsed)
        write_cpu.append(CPU[-1])
        cpu = children_cpu()
        began = time.perf_counter()
        run_child = subprocess.run([sys.executable, __file__, "--child", str(b), str(folder)],
                                   capture_output=True, text=True, check=False, cwd=REPO)
        if run_child.returncode != 0:
            raise SystemExit(f"the receiving sync failed: {run_child.stderr.strip()}")
        receive.append(time.perf_counter() - began)
        receive_cpu.append(children_cpu() - cpu)
        figures = json.loads(run_child.stdout)
        assert figures["added"] == new - sum(1 for e in entries(new, seed=1000 + run) if e.private), figures
        derive_part.append(figures["derive"])
        merge_part.append(figures["total"] - figures["derive"])
        for _ in range(5):
            idle.append(mirror(b, "sync", str(folder))[0])
            idle_cpu.append(CPU[-1])
    med = statistics.median
    print(f"write {new} on A (whole process): wall {med(write):.2f} s, CPU {med(write_cpu):.2f} s", flush=True)
    print(f"receive on B (whole process): wall {med(receive):.2f} s, CPU {med(receive_cpu):.2f} s"
          f" (wall: merge {med(merge_part):.2f} s + re-derive {med(derive_part):.2f} s)", flush=True)
    print(f"idle sync (whole process): wall {med(idle):.3f} s, CPU {med(idle_cpu):.3f} s"
          f" (load {os.getloadavg()[0]:.2f})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, action="append", help="repeatable; default 100000")
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/mirror-bench-sync")
    parser.add_argument("--cold", action="store_true",
                        help="devices that never analysed anything (no care index in cache/)")
    args = parser.parse_args()
    for size in args.size or [100_000]:
        bench_size(size, args.new, args.runs, Path(args.work), args.cold)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()

"""Bundle export / verify / import on a generated journal: medians of wall time and peak
memory, each operation measured in a fresh child process (`resource.getrusage` of that
process, so the numbers are what `mirror export` etc. cost). Not part of the test suite.

    python bench/bench_bundles.py                    # 100k reflections, 3 runs each
    python bench/bench_bundles.py --size 1000 --size 10000 --size 100000 --encrypted
    python bench/bench_bundles.py --size 10000 --runs 5 --ops export,import
    python bench/bench_bundles.py --ops import --write-only   # the import without analysis

Journals are generated once per size (bench/journal_gen.py) under --work and reused.
Targets (100k): export <= 10 s, encrypted export <= 15 s and <= 300 MB peak, verify <= 10 s,
import into an empty journal <= 20 s, re-import of the same bundle <= 20 s, no changes.
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

PASSPHRASE = "bench passphrase"


def _no_analysis(rows, profile=None):  # type: ignore[no-untyped-def]
    """--write-only: the import's own work without the engine's (workers fork from this
    process, so they find this function here)."""
    return []


def child(op: str, home: str, bundle: str, encrypted: bool) -> None:
    """Run one operation in this process and print its time and peak memory."""

    from mirror.services.journal import Journal

    if os.environ.get("BENCH_WRITE_ONLY"):
        from mirror.services import deriving

        deriving.analyse_rows = _no_analysis

    passphrase = PASSPHRASE if encrypted else None
    began = time.perf_counter()
    with Journal.open(home) as journal:
        if op == "export":
            exported = journal.export_bundle(bundle, passphrase=passphrase, overwrite=True)
            extra = {"bytes": exported.size}
        elif op == "verify":
            checked = journal.verify_bundle(bundle, passphrase=passphrase)
            extra = {"reflections": checked.counts["reflections"]}
        elif op == "pending":  # waits for the background reader a later import started
            extra = {"read": journal.analyze_pending().reflections}
        else:  # "import" reads everything first (`--wait`), "import-later" as `mirror import`
            imported = journal.import_bundle(bundle, passphrase=passphrase,
                                             read_later=op == "import-later")
            extra = {"changed": imported.changed, "reading_later": imported.reading_later,
                     **{k: v for k, v in imported.changes.items() if v}}
    seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, **extra}))


def run_child(op: str, home: Path, bundle: Path, encrypted: bool) -> dict:
    """One operation in a fresh process: its figures, plus the CPU seconds (user + system)
    of that process and of the analysis workers it forked (they are reaped by it, so they
    count in its children's usage)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = usage.ru_utime + usage.ru_stime
    proc = subprocess.run([sys.executable, __file__, "--child", op, str(home), str(bundle),
                           "1" if encrypted else "0"], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{op} failed: {proc.stderr.strip()}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {**json.loads(proc.stdout.strip().splitlines()[-1]),
            "cpu": usage.ru_utime + usage.ru_stime - before}


def measure(label: str, runs: int, fn) -> None:
    results = [fn(i) for i in range(runs)]
    secs = statistics.median(r["seconds"] for r in results)
    cpu = statistics.median(r["cpu"] for r in results)
    mem = statistics.median(r["peak_mb"] for r in results)
    extra = {k: v for k, v in results[-1].items() if k not in ("seconds", "peak_mb", "cpu")}
    print(f"{label:<28} median {secs:6.2f} s wall, {cpu:6.2f} s CPU   peak {mem:6.0f} MB"
          f"   {extra}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, action="append", help="repeatable; 100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/mirror-bench-bundles")
    parser.add_argument("--encrypted", action="store_true", help="also measure .zip.age")
    parser.add_argument("--ops", default="export,verify,import,reimport",
                        help="also: import-later (as `mirror import` runs: returns when the "
                        "entries are written; then the time until every entry is read)")
    parser.add_argument("--write-only", action="store_true",
                        help="imports without the analysis (what the import itself costs)")
    args = parser.parse_args()
    if args.write_only:
        os.environ["BENCH_WRITE_ONLY"] = "1"
    for size in args.size or [100_000]:
        bench_size(size, args.runs, Path(args.work), args.encrypted, args.ops.split(","))


def bench_size(size: int, runs: int, root: Path, encrypted_too: bool, ops: list[str]) -> None:
    from journal_gen import generate

    work = root / str(size)
    source = work / "source"
    if not (source / "mirror.db").exists():
        shutil.rmtree(source, ignore_errors=True)
        print(f"generating {size} reflections…", flush=True)
        generate(size, source)
    print(f"-- {size} reflections (load {os.getloadavg()[0]:.2f})", flush=True)
    variants = [False, True] if encrypted_too else [False]
    for encrypted in variants:
        tag = " (age)" if encrypted else ""
        bundle = work / ("bundle.zip.age" if encrypted else "bundle.zip")
        if "export" in ops or not bundle.exists():
            measure(f"export{tag}", runs, lambda i: run_child("export", source, bundle, encrypted))
        if "verify" in ops:
            measure(f"verify{tag}", runs, lambda i: run_child("verify", source, bundle, encrypted))
        target = work / "target"

        def fresh_import(i: int) -> dict:
            shutil.rmtree(target, ignore_errors=True)
            return run_child("import", target, bundle, encrypted)

        if "import" in ops:
            measure(f"import into empty{tag}", runs, fresh_import)
        if "import-later" in ops:  # as `mirror import` runs: the reading left to a reader
            until_read: list[dict] = []

            def later_import(i: int) -> dict:
                shutil.rmtree(target, ignore_errors=True)
                figures = run_child("import-later", target, bundle, encrypted)
                rest = run_child("pending", target, bundle, encrypted)
                until_read.append({"seconds": figures["seconds"] + rest["seconds"],
                                   "cpu": figures["cpu"] + rest["cpu"],
                                   "peak_mb": rest["peak_mb"]})
                return figures

            measure(f"import, reading later{tag}", runs, later_import)
            measure("  … until every entry is read", runs, lambda i: until_read[i])
        if "reimport" in ops:
            if not target.exists():
                fresh_import(0)
            measure(f"re-import (no changes){tag}", runs,
                    lambda i: run_child("import", target, bundle, encrypted))
        print(f"bundle size{tag}: {bundle.stat().st_size / 1e6:.1f} MB", flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "1")
    else:
        main()

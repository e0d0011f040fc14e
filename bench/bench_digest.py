"""Time `mirror digest --month` and `--week` (whole processes) on generated journals of 1k,
10k and 100k reflections and print the median of each (the budget: `digest --month` at
100k within 2 s). Not part of the test suite (timings are noisy).

Journals are generated once with bench/journal_gen.py (reflections spread evenly over
2019-2025: about 1,200 a month at 100k); the digested month and the one before are
analysed once (patterns and tensions need analysis), so later runs reuse them.

    python bench/bench_digest.py                       # 1k, 10k, 100k
    python bench/bench_digest.py --sizes 100000 --runs 9 --work /tmp/mirror-bench

A denser month: any journal under WORK/digest-SIZE is used as it is (a journal of 200k
generated reflections there has 2,346 in November 2025, twice the density of 100k).
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

DAY = "2025-11-15"                        # inside the generated span: a full month before it
SINCE, UNTIL = "2025-10-01", "2025-12-01"  # analysed: the month digested and the one before
COMMANDS = {
    "digest --month": ["digest", "--month", "--date", DAY],
    "digest --week": ["digest", "--week", "--date", DAY],
    "digest --month --json": ["digest", "--month", "--date", DAY, "--json"],
}
# An installed Mirror has its bytecode compiled by pip; a source checkout run with
# PYTHONDONTWRITEBYTECODE would recompile every module on every run and time that instead.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def mirror(home: Path, *args: str) -> tuple[float, float]:
    """(wall ms, CPU ms) of one `mirror` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *args],
                          capture_output=True, cwd=HERE.parent, env=ENV)
    wall = (time.perf_counter() - began) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{args} failed: {proc.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def journal(size: int, workdir: Path) -> Path:
    home = workdir / f"digest-{size}"
    if not (home / ".analysed").exists():
        if not (home / "mirror.db").exists():  # generating again would add `size` more
            generate(size, home)
        from mirror.models import ListFilter
        from mirror.services import deriving
        from mirror.services.journal import Journal

        began = time.perf_counter()
        with Journal.open(home) as j:
            ids = [r.id for r in j.store.reflections.iter_all(ListFilter(since=SINCE, until=UNTIL))]
            deriving.derive_ids(j.context, ids)
            j.store.derived.rebuild_counts()
        print(f"  analysed {len(ids)} reflections of {SINCE}..{UNTIL} in "
              f"{time.perf_counter() - began:.1f} s", file=sys.stderr)
        (home / ".analysed").touch()
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mirror-bench-digest"))
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    for size in args.sizes:
        home = journal(size, args.work)
        mirror(home, *COMMANDS["digest --month"])  # warm-up: migrations, bytecode, page cache
        for name, command in COMMANDS.items():
            walls, cpus = zip(*(mirror(home, *command) for _ in range(args.runs)), strict=True)
            print(f"{size:>7}  {name:<24} median {statistics.median(walls):7.0f} ms wall "
                  f"{statistics.median(cpus):7.0f} ms CPU  (min {min(walls):.0f}, "
                  f"max {max(walls):.0f}, {args.runs} runs)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

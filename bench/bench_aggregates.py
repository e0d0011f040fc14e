"""Time `mirror stats` and `mirror patterns` (whole processes) on analysed journals of 1k,
10k and 100k reflections, and print each size's median against the 1k median (the budget:
100k within 1.5x of 1k). Not part of the test suite (timings are noisy).

Journals are generated once with bench/journal_gen.py and analysed once with
`mirror analyze --all` (patterns need analysis); later runs reuse them, so the same
journals can be timed before and after a change (an older journal is migrated by the
warm-up run, which is not timed).

    python bench/bench_aggregates.py                    # 1k, 10k, 100k
    python bench/bench_aggregates.py --sizes 1000 --runs 15
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

COMMANDS = {
    "stats": ["stats"],
    "patterns": ["patterns"],
    "patterns --by week": ["patterns", "--by", "week"],
    "patterns --since": ["patterns", "--since", "2024-06-15"],
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
    home = workdir / f"analysed-{size}"
    if not (home / ".analysed").exists():
        generate(size, home)
        began = time.perf_counter()
        mirror(home, "analyze", "--all")
        print(f"[{size:>7}] generated and analysed in {time.perf_counter() - began:.0f} s")
        (home / ".analysed").touch()
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--workdir", type=Path, default=HERE / "journals")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f} (2 cores)")
    base: dict[str, float] = {}
    for size in args.sizes:
        home = journal(size, args.workdir)
        for name, cmd in COMMANDS.items():
            mirror(home, *cmd)  # warm-up: caches, bytecode, a pending migration
            runs = [mirror(home, *cmd) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            base.setdefault(name, wall)
            print(f"[{size:>7}] {name:<20} wall {wall:7.1f} ms  cpu {cpu:7.1f} ms  "
                  f"x{wall / base[name]:.2f} of the first size")


if __name__ == "__main__":
    main()

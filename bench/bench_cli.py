"""Time whole-process CLI commands on generated journals of 1k, 10k and 100k reflections,
and bulk-insert throughput. Prints medians. Not part of the test suite (timings are noisy).

    python bench/bench_cli.py                 # 1k, 10k, 100k
    python bench/bench_cli.py --sizes 1000 --runs 15
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from journal_gen import generate  # noqa: E402

COMMANDS = {
    "reflect": ["reflect", "Walked by the river and thought about work, but it felt calm."],
    "search": ["search", "garden"],
    "list -n 20": ["list", "-n", "20"],
}


# An installed Mirror has its bytecode compiled by pip; a source checkout run with
# PYTHONDONTWRITEBYTECODE would recompile every module on every run and time that instead.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], home: Path) -> float:
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *cmd],
                          capture_output=True, cwd=HERE.parent, env=ENV)
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed: {proc.stderr.decode()}")
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--workdir", type=Path, default=HERE / "journals")
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    for size in args.sizes:
        home = args.workdir / f"journal-{size}"
        if home.exists():
            shutil.rmtree(home)
        rate = generate(size, home)
        print(f"[{size:>7}] bulk insert: {rate:,.0f} reflections/s")
        results[size] = {}
        for name, cmd in COMMANDS.items():
            timed(cmd, home)  # warm the page cache once
            samples = [timed(cmd, home) for _ in range(args.runs)]
            results[size][name] = statistics.median(samples)
            print(f"[{size:>7}] {name:<12} median {results[size][name]:6.1f} ms"
                  f"  (min {min(samples):.1f}, max {max(samples):.1f}, n={args.runs})")
    smallest = min(results)
    for size in sorted(results):
        if size == smallest:
            continue
        ratios = ", ".join(f"{name} {results[size][name] / results[smallest][name]:.2f}x"
                           for name in COMMANDS)
        print(f"[{size:>7}] vs {smallest}: {ratios}")


if __name__ == "__main__":
    main()

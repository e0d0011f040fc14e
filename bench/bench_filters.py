"""What the everyday filters cost (issue 14, item 3): wall time of whole `mirror` processes
(start-up included, as a person waits for them) for `list --on`, `--contains`, tag AND/OR/
NOT, combined filters, `onthisday` with and without filters, and `search` with filters,
medians over runs, on the generated journals bench_startup.py uses (bench/journals/
startup-N, made once by journal_gen.py). The journal is copied first: runs never change it.
Beside each, the same command run in this process (`mirror.cli.main`: parsing, opening the
journal, the query, printing; no interpreter start-up or imports), which shows what the
filter itself costs when the machine is shared.

    python bench/bench_filters.py --sizes 100000
    python bench/bench_filters.py --sizes 1000 10000 100000 --runs 11
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_startup import journal  # noqa: E402 - the same generated journals

COMMANDS = {
    "list (no filter)": ["list"],
    "list --on": ["list", "--on", "2024-06-15"],
    "list --contains (common)": ["list", "--contains", "leaking tap"],
    "list --contains (absent)": ["list", "--contains", "no such words anywhere"],
    "list --contains (absent word)": ["list", "--contains", "zzqqx"],
    "list --contains (non-ASCII)": ["list", "--contains", "Ärger"],
    "list --tag --tag (AND)": ["list", "--tag", "work", "--tag", "family"],
    "list --any-tag (OR)": ["list", "--any-tag", "travel,sleep"],
    "list --not-tag": ["list", "--not-tag", "work,family"],
    "list combined": ["list", "--tag", "work", "--not-tag", "family", "--contains", "garden",
                      "--since", "2023-01-01", "--until", "2024-12-31"],
    "list --starred --any-tag": ["list", "--starred", "--any-tag", "travel,sleep"],
    "onthisday": ["onthisday", "--date", "2026-06-15"],
    "onthisday --tag --contains": ["onthisday", "--date", "2026-06-15", "--tag", "work",
                                   "--contains", "river"],
    "search + filters": ["search", "river", "--tag", "work", "--since", "2024-01-01"],
    "search --on": ["search", "river", "--on", "2024-06-15"],
}


def wall(source: Path, home: Path, args: list[str]) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *args],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=source,
                   check=True)
    return time.perf_counter() - began


def in_process(home: Path, args: list[str]) -> float:
    """One command through `mirror.cli.main` in this process, its output discarded."""
    import contextlib
    import io

    from mirror.cli import main as mirror_main

    began = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = mirror_main(["--home", str(home), *args])
    elapsed = time.perf_counter() - began
    if code != 0:
        raise SystemExit(f"mirror {' '.join(args)} exited with {code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=HERE.parent)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "home"
            shutil.copytree(journal(size), home)
            wall(args.source, home, ["list"])  # migrate the copy, compile bytecode
            sys.path.insert(0, str(args.source))
            for name, cmd in COMMANDS.items():
                times = sorted(wall(args.source, home, cmd) for _ in range(args.runs))
                inner = statistics.median(in_process(home, cmd) for _ in range(args.runs))
                print(f"[{size:>6}] {name:<30} median {statistics.median(times) * 1000:6.0f} ms"
                      f"  (min {times[0] * 1000:.0f}, max {times[-1] * 1000:.0f})"
                      f"  in-process {inner * 1000:6.1f} ms", flush=True)


if __name__ == "__main__":
    main()

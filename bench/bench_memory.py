"""Time the offline memory sentence (mirror/services/remembering.py) on generated journals
of 1k, 10k and 100k reflections: `mirror reflect` as a whole process with texts that make
each rule run (a name found in ~45 % of reflections, a phrase found in most), against a
text that gives the memory nothing to find; and `remember()` itself, in process. Also
`mirror onthisday`. Prints medians. Not part of the test suite (timings are noisy).

The generated journals end on 1 January 2026, so every reflect is dated 31 December 2025:
the 30-day window then holds as many reflections as the journal's density gives it
(~1,200 at 100k), the worst case for the name rule.

    python bench/bench_memory.py                      # 1k, 10k, 100k
    python bench/bench_memory.py --sizes 1000 --runs 9
"""

from __future__ import annotations

import argparse
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

from journal_gen import generate  # noqa: E402

WHEN = ["--date", "2025-12-31 12:00"]
COMMANDS = {
    "reflect (no memory found)": ["reflect", *WHEN,
                                  "Walked by the river and thought about work, but it felt calm."],
    "reflect (a name: Sam)": ["reflect", *WHEN,
                              "Late in the evening Sam called about the weekend, and it felt calm."],
    "reflect (a shared phrase)": ["reflect", *WHEN,
                                  "Today I wanted to call my mother, but part of me wanted to "
                                  "stay in bed."],
    "onthisday": ["onthisday", "--date", "2025-12-31"],
}
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], home: Path) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) milliseconds of one whole `mirror` process. On a
    shared, busy machine the CPU time is the steadier figure: wall time then mostly
    measures waiting for the processor and for fsync."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *cmd],
                          capture_output=True, cwd=HERE.parent, env=ENV)
    elapsed = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed: {proc.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed * 1000, cpu * 1000


def in_process(home: Path, runs: int) -> tuple[float, str | None]:
    """Median CPU ms of `remember()` alone for the name text, and the sentence it gives."""
    from mirror.engine.analysis import analyze
    from mirror.services import remembering
    from mirror.services.journal import Journal

    with Journal.open(home) as journal:
        reflection = journal.write(COMMANDS["reflect (a name: Sam)"][-1],
                                   when=WHEN[1])
        analysis = analyze(reflection.content)
        sentence = remembering.remember(journal.context, reflection, analysis)
        samples = []
        for _ in range(runs):
            began = time.process_time()
            remembering.remember(journal.context, reflection, analysis)
            samples.append((time.process_time() - began) * 1000)
    return statistics.median(samples), sentence


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--workdir", type=Path, default=HERE / "journals")
    args = parser.parse_args()
    for size in args.sizes:
        home = args.workdir / f"memory-{size}"
        if home.exists():
            shutil.rmtree(home)
        generate(size, home)
        for name, cmd in COMMANDS.items():
            timed(cmd, home)  # warm the page cache once
            pairs = [timed(cmd, home) for _ in range(args.runs)]
            wall = [w for w, _ in pairs]
            cpu = [c for _, c in pairs]
            print(f"[{size:>7}] {name:<28} median {statistics.median(wall):6.1f} ms wall,"
                  f" {statistics.median(cpu):6.1f} ms CPU  (wall min {min(wall):.1f},"
                  f" max {max(wall):.1f}, n={args.runs})")
        median, sentence = in_process(home, args.runs * 4)
        print(f"[{size:>7}] remember() in process        median {median:6.2f} ms  -> {sentence!r}")


if __name__ == "__main__":
    main()

"""A/B of the memory sentence's cost inside `Journal.answer` (the offline engine), in one
process so that start-up and fsync noise cancel out: the same kind of reflection answered
with `remembering.remember` and with it switched off, alternately, CPU time per answer.
Needs a journal from bench/bench_memory.py (e.g. bench/journals/memory-100000).

    python bench/bench_memory_ab.py bench/journals/memory-100000
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mirror.services import reflecting  # noqa: E402
from mirror.services.journal import Journal  # noqa: E402

TEXTS = ["Today I wanted to call my mother, but part of me wanted to stay in bed. {i}",
         "Late in the evening Sam called about the weekend, and it felt calm. {i}"]


def main(home: str, rounds: int = 24) -> None:
    real = reflecting.remember
    results: dict[str, list[float]] = {"with memory": [], "without": []}
    with Journal.open(home) as journal:
        for i in range(rounds):
            for variant in results:
                reflecting.remember = real if variant == "with memory" else (  # type: ignore[assignment]
                    lambda ctx, reflection, analysis: None)
                reflection = journal.write(TEXTS[i % 2].format(i=i), when="2025-12-31 12:00")
                began = time.process_time()
                journal.answer(reflection)
                results[variant].append((time.process_time() - began) * 1000)
    reflecting.remember = real
    for variant, samples in results.items():
        warm = samples[4:]
        print(f"{variant:<12} median {statistics.median(warm):.1f} ms CPU per answer (n={len(warm)})")


if __name__ == "__main__":
    main(sys.argv[1])

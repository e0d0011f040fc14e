"""How long care detection takes, in process, after the index is open.

    python bench/bench_care.py [--runs 21]

Prints medians for: opening the detector (cached index), an ordinary short entry, an
ordinary 5,000-word entry, a 5,000-word entry with one crisis sentence in the middle, and
the care corpus entries (median per entry). The index is built first if needed (the
figure for that is printed too: it is paid once per set of rules).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from journal_gen import reflection_text  # noqa: E402


def words_text(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words:
        parts.append(reflection_text(rng))
    return " ".join(parts)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args()
    cache = Path(tempfile.mkdtemp(prefix="mirror-care-bench-"))
    os.environ["MIRROR_CARE_CACHE"] = str(cache)
    from mirror.engine.care import detect

    t = time.perf_counter()
    detect.detector()
    print(f"build the index (once per set of rules): {(time.perf_counter() - t) * 1000:8.1f} ms")

    def reopen() -> None:
        detect.detector.cache_clear()
        detect.detector()

    print(f"open the cached index:                 {median_ms(reopen, args.runs):8.2f} ms")
    rng = random.Random(5)
    short = reflection_text(rng)
    long_text = words_text(rng, 5000)
    half = len(long_text) // 2
    crisis = long_text[:half] + " I keep thinking about killing myself. " + long_text[half:]
    for label, text in (("short ordinary entry", short), ("5,000-word ordinary entry", long_text),
                        ("5,000 words, one crisis sentence", crisis)):
        ms = median_ms(lambda text=text: detect.assess(text), args.runs)
        print(f"{label:38} {ms:8.2f} ms   ({len(text.split())} words, tier {detect.assess(text).tier})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

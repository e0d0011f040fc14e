"""Offline engine throughput: analyze + compose + checks, reflections per second, one core.

    python bench/bench_engine.py [--count 2000] [--words 150] [--runs 5] [--json]

Reflections are generated deterministically (mirror.engine.samples), so runs compare. The
first pass warms the per-process caches (constitution, compiled lexicons) and is not timed;
each timed run goes through fresh texts so the tokenizer's small cache cannot flatter it.
The figure reported is the median of the runs. The target is >= 500 reflections/s for
~150-word reflections.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mirror.engine.analysis import analyze  # noqa: E402
from mirror.engine.checks import check  # noqa: E402
from mirror.engine.offline import compose  # noqa: E402
from mirror.engine.samples import generated_reflections  # noqa: E402

TARGET_PER_S = 500


def one_pass(texts: list[str]) -> float:
    """Seconds to analyse, compose and check every text once."""
    started = time.perf_counter()
    for text in texts:
        analysis = analyze(text)
        mirrorback = compose(text, analysis)
        if not check(mirrorback, text).passed:
            raise SystemExit(f"offline mirrorback failed its checks for: {text[:80]!r}")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--words", type=int, default=150)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    pool = generated_reflections(args.count * (args.runs + 1), words=args.words)
    batches = [pool[i * args.count : (i + 1) * args.count] for i in range(args.runs + 1)]
    one_pass(batches[0])  # warm-up: load the constitution, compile lexicons
    rates = [args.count / one_pass(batch) for batch in batches[1:]]
    median = statistics.median(rates)
    words = statistics.mean(len(t.split()) for t in batches[1])
    result = {
        "reflections_per_s": round(median),
        "runs": [round(r) for r in rates],
        "count": args.count,
        "mean_words": round(words, 1),
        "ms_per_reflection": round(1000 / median, 3),
        "target_per_s": TARGET_PER_S,
        "meets_target": median >= TARGET_PER_S,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"offline engine: {result['reflections_per_s']} reflections/s "
              f"(median of {args.runs} runs of {args.count}, ~{result['mean_words']} words each, "
              f"{result['ms_per_reflection']} ms each; target {TARGET_PER_S}/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

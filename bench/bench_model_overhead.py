"""Mirror's own overhead around a model call, against a fake Ollama server answering at once.

For each of N new reflections in a 10k journal (bench/journal_gen.py), times the service
call `journal.answer(reflection)` with engine `ollama`, and separately the time spent inside
the adapter's `generate` (the official ollama client over HTTP, including client setup and
connection): the difference is what Mirror itself adds — analysis, related-context search,
prompt building, response-cache lookup, budget check, egress ledger, checks, storage of the
mirrorback and engine run. Also reports the related-context search alone. Medians, in ms.
The budget is <= 20 ms median overhead.

    python bench/bench_model_overhead.py [--calls 100] [--size 10000] [--home DIR] [--json]

`--home` reuses (or creates) a generated journal there; without it, one is generated in a
temporary folder first (not timed). Saving the reflection is not part of the measure: it
happens before `answer`, whatever engine is configured.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.journal_gen import generate, reflection_text  # noqa: E402
from mirror.adapters.ollama_adapter import OllamaAdapter  # noqa: E402
from mirror.services.journal import Journal  # noqa: E402
from mirror.services.reflecting import related_context  # noqa: E402
from tests.fakeservers import OllamaServer, Reply  # noqa: E402

BUDGET_MS = 20.0
REPLY = "You wrote about the week and the people in it; what part of it stays with you tonight?"


class AdapterClock:
    """Accumulates the time spent inside OllamaAdapter.generate's own steps (each `next`),
    so the consumer's work between chunks is not counted as the adapter's."""

    def __init__(self) -> None:
        self.spent = 0.0
        self._original = OllamaAdapter.generate

    def install(self) -> None:
        original = self._original
        clock = self

        def timed(adapter, system, messages, options) -> Iterator:
            it = iter(original(adapter, system, messages, options))
            while True:
                began = time.perf_counter()
                try:
                    chunk = next(it)
                except StopIteration:
                    clock.spent += time.perf_counter() - began
                    return
                clock.spent += time.perf_counter() - began
                yield chunk

        OllamaAdapter.generate = timed  # type: ignore[method-assign]

    def uninstall(self) -> None:
        OllamaAdapter.generate = self._original  # type: ignore[method-assign]


def ensure_journal(home: Path, size: int) -> None:
    if (home / "mirror.db").exists():
        return
    began = time.perf_counter()
    generate(size, home)
    print(f"generated a {size}-reflection journal in {time.perf_counter() - began:.1f} s", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    temp = None
    if args.home is None:
        temp = Path(tempfile.mkdtemp(prefix="mirror-bench-model-"))
        home = temp / "home"
    else:
        home = args.home
    try:
        ensure_journal(home, args.size)
        with OllamaServer() as server:
            server.default = Reply(REPLY, chunks=12)
            journal = Journal.open(home)
            journal.settings.set("engine", ["ollama"])
            journal.settings.set("ollama.endpoint", [server.url])
            rng = random.Random(11)
            clock = AdapterClock()
            clock.install()
            totals, adapter, context = [], [], []
            try:
                for i in range(args.calls + 10):  # the first 10 warm up and are not kept
                    reflection = journal.write(reflection_text(rng) + f" (bench {i})", private=False)
                    began = time.perf_counter()
                    related_context(journal.context, reflection)
                    context_s = time.perf_counter() - began
                    clock.spent = 0.0
                    began = time.perf_counter()
                    result = journal.answer(reflection)
                    total_s = time.perf_counter() - began
                    if result.mirrorback.engine != "ollama":
                        raise SystemExit(f"the model did not answer: {result.notices}")
                    if i >= 10:
                        totals.append(total_s)
                        adapter.append(clock.spent)
                        context.append(context_s)
            finally:
                clock.uninstall()
                journal.close()
            requests = len([r for r in server.requests if r.method == "POST"])
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)

    ms = lambda values: statistics.median(values) * 1000  # noqa: E731
    overhead = [t - a for t, a in zip(totals, adapter)]
    report = {
        "journal_size": args.size,
        "calls": args.calls,
        "requests_sent": requests,
        "answer_median_ms": round(ms(totals), 3),
        "adapter_median_ms": round(ms(adapter), 3),
        "overhead_median_ms": round(ms(overhead), 3),
        "overhead_p90_ms": round(sorted(overhead)[int(len(overhead) * 0.9) - 1] * 1000, 3),
        "related_context_median_ms": round(ms(context), 3),
        "budget_ms": BUDGET_MS,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"journal of {args.size} reflections, {args.calls} answers (engine ollama, fake server)")
        print(f"journal.answer         median {report['answer_median_ms']:8.3f} ms")
        print(f"  inside the adapter   median {report['adapter_median_ms']:8.3f} ms")
        print(f"  related context      median {report['related_context_median_ms']:8.3f} ms")
        print(f"Mirror's overhead      median {report['overhead_median_ms']:8.3f} ms "
              f"(p90 {report['overhead_p90_ms']:.3f} ms; budget {BUDGET_MS:.0f} ms)")
    return 0 if report["overhead_median_ms"] <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

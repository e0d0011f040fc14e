"""Per-call overhead of the Ollama adapter itself, against a fake server answering at once.

Measures, over N calls each: (a) a bare httpx POST /api/chat reading the NDJSON stream on a
kept-alive connection, the floor any client pays; (b) the full OllamaAdapter.generate path
(official ollama client, chunk parsing, error mapping, Usage). The difference is what the
adapter layer costs per mirrorback. Numbers are medians, in milliseconds.

    python bench/bench_adapter_overhead.py [--calls 200] [--chunks 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from mirror.adapters.base import GenerateOptions, Message  # noqa: E402
from mirror.adapters.ollama_adapter import OllamaAdapter  # noqa: E402
from tests.fakeservers import OllamaServer, Reply  # noqa: E402

TEXT = " ".join(f"word{i}" for i in range(60))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_raw(url: str, calls: int) -> list[float]:
    body = {"model": "llama3.2", "messages": [{"role": "user", "content": "hi"}], "stream": True}
    samples = []
    with httpx.Client(base_url=url, trust_env=False) as client:
        for _ in range(calls):
            start = time.perf_counter()
            with client.stream("POST", "/api/chat", json=body) as response:
                for _line in response.iter_lines():
                    pass
            samples.append(time.perf_counter() - start)
    return samples


def bench_adapter(url: str, calls: int) -> list[float]:
    adapter = OllamaAdapter(endpoint=url)
    messages = [Message("user", "hi")]
    options = GenerateOptions()
    samples = []
    for _ in range(calls):
        start = time.perf_counter()
        for _chunk in adapter.generate("system", messages, options):
            pass
        samples.append(time.perf_counter() - start)
    adapter.close()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--chunks", type=int, default=20)
    args = parser.parse_args()
    with OllamaServer() as server:
        server.default = Reply(TEXT, chunks=args.chunks)
        bench_raw(server.url, 20)  # warm-up: imports, connection
        bench_adapter(server.url, 20)
        raw = median_ms(bench_raw(server.url, args.calls))
        full = median_ms(bench_adapter(server.url, args.calls))
    print(f"calls={args.calls} chunks/call={args.chunks}")
    print(f"raw httpx stream   median {raw:7.3f} ms")
    print(f"OllamaAdapter      median {full:7.3f} ms")
    print(f"adapter overhead   median {full - raw:7.3f} ms per call")


if __name__ == "__main__":
    main()

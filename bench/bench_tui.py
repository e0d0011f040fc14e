"""TUI performance on a generated journal (default 100k reflections). Prints medians.
Not part of the test suite (timings are noisy).

    python bench/bench_tui.py                    # 100k, 5 runs of each measure
    python bench/bench_tui.py --size 10000 --runs 3

Measures
  first paint   process start -> the timeline's first rows are drawn (headless driver,
                whole process: interpreter, imports, opening the journal, first page)
  search        last key of a query typed into the live search -> ranked results shown
                (includes the real 120 ms typing debounce)
  scroll        End pressed repeatedly until every reflection has been paged in; the
                longest stall of the event loop meanwhile (a 2 ms ticker measures lag)
  memory        peak RSS of the process after the whole timeline is loaded
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

QUERIES = ["garden", "kitchen window", "promis*", "deadline moving", "apologise sam"]


def ensure_journal(size: int, workdir: Path) -> Path:
    home = workdir / f"tui-{size}"
    marker = home / ".complete"
    if not marker.exists():
        import shutil

        from journal_gen import generate

        shutil.rmtree(home, ignore_errors=True)
        rate = generate(size, home)
        marker.write_text(str(size))
        print(f"generated {size} reflections into {home} ({rate:,.0f}/s)")
    return home


# -- first paint (child process) -------------------------------------------------------------
def child_first_paint(home: str) -> None:
    from mirror.tui.app import MirrorApp
    from mirror.tui.widgets.timeline_list import TimelineList

    class Probe(MirrorApp):
        def on_mount(self) -> None:   # Textual also runs MirrorApp.on_mount (MRO dispatch)
            self._probe = self.set_interval(0.002, self._check)

        def _check(self) -> None:
            if self.current_mode == "timeline":
                rows = self.screen.query(TimelineList)
                if rows and rows.first().rows:
                    self._probe.stop()
                    self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            print(f"PAINTED {time.time():.6f}", flush=True)
            self.exit(0)

    Probe(home=home, offer_drafts=False).run(headless=True, size=(120, 40))


def first_paint(home: Path, runs: int) -> list[float]:
    samples = []
    for _ in range(runs + 1):
        began = time.time()
        out = subprocess.run([sys.executable, __file__, "--child-first-paint", str(home)],
                             capture_output=True, text=True, cwd=HERE.parent, timeout=120)
        line = next((l for l in out.stdout.splitlines() if l.startswith("PAINTED")), None)
        if line is None:
            raise SystemExit(f"first paint failed: {out.stderr[-2000:]}")
        samples.append((float(line.split()[1]) - began) * 1000)
    return samples[1:]  # the first run warms the page cache


# -- in-process measures ------------------------------------------------------------------------
class LagMeter:
    """How long the event loop was blocked: a 2 ms ticker records its own lateness."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.samples: list[float] = []
        self._task: asyncio.Task | None = None

    async def _run(self) -> None:
        interval = 0.002
        while True:
            before = time.perf_counter()
            await asyncio.sleep(interval)
            late = time.perf_counter() - before - interval
            self.samples.append(late)
            self.worst = max(self.worst, late)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    def reset(self) -> None:
        self.worst = 0.0

    def stop(self) -> None:
        if self._task:
            self._task.cancel()


async def wait_until(predicate, timeout: float = 30.0) -> float:
    began = time.perf_counter()
    while not predicate():
        if time.perf_counter() - began > timeout:
            raise TimeoutError("condition not reached")
        await asyncio.sleep(0.001)
    return time.perf_counter()


async def in_process(home: Path, runs: int) -> dict[str, object]:
    from mirror.services.journal import Journal
    from mirror.tui.app import MirrorApp
    from mirror.tui.widgets.timeline_list import TimelineList

    journal = Journal.open(home)
    app = MirrorApp(journal, offer_drafts=False)          # the real debounces
    results: dict[str, object] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = None

        def loaded() -> bool:
            nonlocal timeline
            if app.current_mode != "timeline":
                return False
            found = app.screen.query(TimelineList)
            timeline = found.first() if found else None
            return bool(timeline and timeline.rows)

        await wait_until(loaded)
        total = journal.stats().reflections
        # search
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        search_samples = []
        for _ in range(runs):
            for query in QUERIES:
                screen.query_one("#search-input").value = ""
                await pilot.pause()
                await pilot.press(*query)
                last_key = time.perf_counter()
                shown = await wait_until(lambda: screen._shown == screen._serial and screen._serial > 0
                                         and screen.query_one("#search-status").render().plain != "")
                await pilot.pause()
                search_samples.append((shown - last_key) * 1000)
        results["search_ms"] = search_samples
        # scroll the whole timeline
        await pilot.press("f3")
        await pilot.pause()
        timeline.focus()
        meter = LagMeter()
        meter.start()
        began = time.perf_counter()
        presses = 0
        while timeline.has_more or len(timeline.rows) < total:
            before = len(timeline.rows)
            await pilot.press("end")
            presses += 1
            await wait_until(lambda: len(timeline.rows) > before or not timeline.has_more, timeout=60)
        await pilot.press("home")
        await pilot.press("pagedown", "pagedown", "end", "pageup")
        await pilot.pause()
        results["scroll_s"] = time.perf_counter() - began
        results["scroll_presses"] = presses
        results["scroll_worst_stall_ms"] = meter.worst * 1000
        lags = sorted(meter.samples)
        results["scroll_p99_stall_ms"] = lags[int(len(lags) * 0.99)] * 1000 if lags else 0.0
        results["scroll_stalls_over_100ms"] = sum(1 for lag in lags if lag > 0.1)
        results["rows"] = len(timeline.rows)
        meter.stop()
    results["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    journal.close()
    return results


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child-first-paint":
        child_first_paint(sys.argv[2])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=HERE / "journals")
    args = parser.parse_args()
    os.environ.setdefault("TZ", "Europe/Berlin")
    home = ensure_journal(args.size, args.workdir)
    paint = first_paint(home, args.runs)
    print(f"[{args.size:>7}] first paint   median {statistics.median(paint):7.1f} ms"
          f"  (min {min(paint):.1f}, max {max(paint):.1f}, n={len(paint)})   target <= 1000 ms")
    got = asyncio.run(in_process(home, args.runs))
    search = got["search_ms"]
    print(f"[{args.size:>7}] search        median {statistics.median(search):7.1f} ms"
          f"  (min {min(search):.1f}, max {max(search):.1f}, n={len(search)})   target <= 200 ms")
    print(f"[{args.size:>7}] scroll        {got['rows']:,} rows in {got['scroll_s']:.1f} s"
          f" ({got['scroll_presses']} End presses); worst event-loop stall"
          f" {got['scroll_worst_stall_ms']:.1f} ms, p99 {got['scroll_p99_stall_ms']:.1f} ms,"
          f" {got['scroll_stalls_over_100ms']} stalls > 100 ms   target <= 100 ms")
    print(f"          (load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"[{args.size:>7}] memory        peak RSS {got['maxrss_mb']:.0f} MB   target <= 250 MB")


if __name__ == "__main__":
    main()

"""Time `mirror evolve report` (a whole process) on a journal of 100k reflections and 100k
engine runs, every run inside the 30-day window (the worst case: the critics read them
all), plus mirrorbacks, ratings, flags and pattern rows for the feedback to join. Prints
the median of several runs. Not part of the test suite (timings are noisy).

The journal is generated once (bench/journal_gen.py for the reflections; runs, mirrorbacks
and feedback written here with plain SQL, like rows Mirror wrote) and reused.

    python bench/bench_evolve.py                          # 100k reflections, 100k runs
    python bench/bench_evolve.py --size 10000 --runs 7
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench_aggregates import mirror  # noqa: E402
from journal_gen import generate  # noqa: E402

CHECKS = ("directive_ratio", "explicit_advice", "outcome_optimisation")


def seed_runs(db: Path, runs: int, now: datetime, seed: int = 11) -> None:
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM reflections")]
    window = timedelta(days=29).total_seconds()
    run_rows, mb_rows, fb_rows, pattern_rows = [], [], [], []
    for i in range(runs):
        rid = ids[i % len(ids)]
        model = rng.random() < 0.3
        engine = "ollama" if model else "offline"
        flagged = model and rng.random() < 0.12
        flags = [rng.choice(CHECKS)] if flagged else []
        attempts = [{"engine": engine, "outcome": "violation" if flagged else "passed",
                     "flags": flags}] + ([{"engine": engine, "outcome": "passed", "flags": []}]
                                         if flagged else [])
        started = now - timedelta(seconds=rng.random() * window)
        stamp = started.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        run_rows.append((str(uuid.UUID(int=rng.getrandbits(128))), rid, engine, engine, stamp,
                         rng.uniform(5, 2500 if model else 40), json.dumps([]), json.dumps(flags),
                         0, 0, "ok", "configured", json.dumps(attempts)))
        if i % 10 == 0:   # one mirrorback in ten is rated or flagged
            mb = str(uuid.UUID(int=rng.getrandbits(128)))
            mb_rows.append((mb, rid, "A reflection back.", engine, "1", "x" * 64, "passed", stamp))
            flag = rng.choice(["inaccurate", "directive", "generic", None])
            fb_rows.append((str(uuid.UUID(int=rng.getrandbits(128))), mb, rng.randint(1, 5),
                            json.dumps([flag] if flag else []), stamp))
            pattern_rows.append((str(uuid.UUID(int=rng.getrandbits(128))), rid, "obligation",
                                 json.dumps([{"start": 0, "end": 6, "text": "got to"}]), stamp))
    with conn:
        conn.executemany(
            "INSERT INTO engine_runs (id, reflection_id, engine, final_source, started_at,"
            " duration_ms, patterns, flags, tokens_in, tokens_out, status, route_reason, attempts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", run_rows)
        conn.executemany(
            "INSERT INTO mirrorbacks (id, reflection_id, content, engine, engine_version,"
            " answered_text_sha256, verdict, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mb_rows)
        conn.executemany(
            "INSERT INTO engine_feedback (id, mirrorback_id, rating, flags, created_at)"
            " VALUES (?, ?, ?, ?, ?)", fb_rows)
        conn.executemany(
            "INSERT INTO reflection_patterns (id, reflection_id, pattern, evidence, detected_at)"
            " VALUES (?, ?, ?, ?, ?)", pattern_rows)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def journal(size: int, runs: int, workdir: Path) -> Path:
    home = workdir / f"evolve-{size}-{runs}"
    if not (home / ".seeded").exists():
        generate(size, home)
        seed_runs(home / "mirror.db", runs, datetime.now(UTC))
        (home / ".seeded").write_text("")
    return home


def hook_cost(home: Path, rounds: int = 2000) -> float:
    """Median µs that evolution adds to one reflect, measured in-process on the same
    journal: reading the profile in force, stamping the run, telling the observers (the
    built-in tally). The UPDATE runs inside a transaction, as in a reflect, and is rolled
    back (the reflect's own commit is not evolution's cost)."""
    import time

    from mirror.services.evolution import hook
    from mirror.services.journal import Journal

    journal = Journal.open(home)
    ctx = journal.context
    run_id = ctx.store.conn.execute("SELECT id FROM engine_runs LIMIT 1").fetchone()[0]
    samples = []
    for _ in range(rounds):
        ctx.store.conn.execute("BEGIN IMMEDIATE")
        began = time.perf_counter()
        profile = hook.load_profile(ctx)
        hook.run_recorded(ctx, run_id, engine="ollama", status="ok", flags=["explicit_advice"],
                          duration_ms=900.0, attempts=2, profile_version=profile.version)
        samples.append((time.perf_counter() - began) * 1e6)
        ctx.store.conn.execute("ROLLBACK")
    journal.close()
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="reflections (default 100k)")
    parser.add_argument("--engine-runs", type=int, default=100_000, help="runs (default 100k)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs (default 5)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/mirror-bench"))
    args = parser.parse_args()
    home = journal(args.size, args.engine_runs, args.work)
    mirror(home, "evolve", "report", "--json")           # warm-up: migrates, files proposals
    walls, cpus = [], []
    for _ in range(args.runs):
        wall, cpu = mirror(home, "evolve", "report", "--json")
        walls.append(wall)
        cpus.append(cpu)
    floor = [mirror(home, "evolve", "proposals", "--json") for _ in range(args.runs)]
    print(f"the floor, `mirror evolve proposals --json` (start-up, open, a few rows): median "
          f"{statistics.median(w for w, _ in floor):.0f} ms wall, "
          f"{statistics.median(c for _, c in floor):.0f} ms CPU")
    print(f"evolution's share of one reflect (profile read, run stamped, observers told): "
          f"median {hook_cost(home):.0f} µs")
    print(f"mirror evolve report, {args.size:,} reflections, {args.engine_runs:,} runs in the "
          f"window: median {statistics.median(walls):.0f} ms wall, "
          f"{statistics.median(cpus):.0f} ms CPU (min {min(walls):.0f}, max {max(walls):.0f})")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""kill -9 a Mirror writer hundreds of times and check that nothing it reported saved is lost.

Each round starts a child that opens the journal through the service layer and writes
reflections in a loop, printing "ID SHA256 TOKEN" only after `Journal.write` returned
(after COMMIT). The parent SIGKILLs it at a seeded point (after N lines, or at a byte offset
in the middle of a line, or right after opening) and carries on with the same journal.
At the end (and every --check-every rounds) it verifies: every printed ID is present with
exactly the printed text, `PRAGMA integrity_check` is ok, the FTS index agrees with the
table and finds each reflection, the audit chain verifies.

    python bench/crash_kill.py --rounds 300 --seed 7
    python bench/crash_kill.py --rounds 50 --home /tmp/crash-journal --keep

Exit status 0 when every promise held, 1 otherwise. Not part of the test suite (the short
version is tests/storage/test_crash_safety.py).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# The experiment itself is the one the test suite runs a few rounds of.
from tests.storage.crash_harness import broken_promises, run_and_kill, write_writer  # noqa: E402


def kill_point(rng: random.Random, max_lines: int) -> tuple[str, int]:
    roll = rng.random()
    if roll < 0.1:
        return "open", 0
    if roll < 0.55:
        return "lines", rng.randint(0, max_lines)
    return "bytes", rng.randint(5, max_lines * 120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="how many kills (default 200)")
    parser.add_argument("--seed", type=int, default=20260314, help="seed for the kill points")
    parser.add_argument("--max-lines", type=int, default=60, help="latest kill, in printed lines")
    parser.add_argument("--check-every", type=int, default=50, help="verify every N rounds (0: only at the end)")
    parser.add_argument("--home", type=Path, help="journal folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary journal")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    workdir = Path(tempfile.mkdtemp(prefix="mirror-crash-"))
    home = args.home or workdir / "home"
    script = write_writer(workdir)
    promised: list[tuple[str, str, str]] = []
    kinds = {"open": 0, "lines": 0, "bytes": 0}
    problems: list[str] = []
    started = time.perf_counter()
    try:
        for round_no in range(args.rounds):
            how, amount = kill_point(rng, args.max_lines)
            kinds[how] += 1
            promised += run_and_kill(script, home, round_no, how, amount)[1]
            if args.check_every and (round_no + 1) % args.check_every == 0:
                problems = broken_promises(home, promised)
                print(f"round {round_no + 1}: {len(promised)} promised, "
                      f"{'ok' if not problems else f'{len(problems)} problems'}", flush=True)
                if problems:
                    break
        if not problems:
            problems = broken_promises(home, promised)
    finally:
        if not args.keep and args.home is None:
            shutil.rmtree(workdir, ignore_errors=True)
        elif args.home is None:
            print(f"journal kept in {home}")
    elapsed = time.perf_counter() - started
    print(f"rounds      {args.rounds} (after open: {kinds['open']}, after N lines: {kinds['lines']},"
          f" mid-line: {kinds['bytes']})")
    print(f"promised    {len(promised)} reflections reported saved")
    print(f"elapsed     {elapsed:.1f} s")
    print(f"result      {'every promise held' if not problems else 'FAILED'}")
    for problem in problems[:20]:
        print(f"  - {problem}")
    return 0 if not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())

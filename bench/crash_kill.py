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
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent('''
    import hashlib, sys
    from mirror.services.journal import Journal

    home, round_no = sys.argv[1], int(sys.argv[2])
    journal = Journal.open(home)
    sys.stdout.write("open\\n")
    sys.stdout.flush()
    for i in range(1_000_000):
        token = f"crashmark{round_no}q{i}"
        size = (i * 7919 + round_no * 104729) % 6000
        text = f"{token} naïve café 🌊 שלום e\\u0301 " + "ink and paper " * (size // 14)
        reflection = journal.write(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        sys.stdout.write(f"{reflection.id} {digest} {token}\\n")
        sys.stdout.flush()
''')


def kill_point(rng: random.Random, max_lines: int) -> tuple[str, int]:
    roll = rng.random()
    if roll < 0.1:
        return "open", 0
    if roll < 0.55:
        return "lines", rng.randint(0, max_lines)
    return "bytes", rng.randint(5, max_lines * 120)


def run_round(script: Path, home: Path, round_no: int, how: str, amount: int) -> list[tuple[str, str, str]]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, str(script), str(home), str(round_no)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=env,
                            bufsize=0)
    buffer = b""
    try:
        fd = proc.stdout.fileno()
        while True:
            chunk = os.read(fd, 1 if how == "bytes" else 4096)
            if not chunk:
                break
            buffer += chunk
            lines = buffer.count(b"\n")
            if (how == "open" and lines >= 1) or (how == "lines" and lines >= amount + 1) \
                    or (how == "bytes" and len(buffer) >= amount):
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        buffer += proc.stdout.read()
        err = proc.stderr.read().decode("utf-8", "replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    if proc.returncode != -signal.SIGKILL:
        raise RuntimeError(f"round {round_no}: writer ended by itself ({proc.returncode}): {err.strip()}")
    complete = buffer[: buffer.rfind(b"\n") + 1].decode("utf-8").splitlines()
    if not complete:
        return []   # killed while opening: nothing was promised
    if complete[0] != "open":
        raise RuntimeError(f"round {round_no}: unexpected output {complete[0]!r}")
    return [tuple(line.split(" ")) for line in complete[1:]]


def verify(home: Path, promised: list[tuple[str, str, str]]) -> list[str]:
    sys.path.insert(0, str(REPO))
    from mirror.clock import Clock
    from mirror.errors import MirrorError
    from mirror.services.journal import Journal

    problems: list[str] = []
    with Journal.open(home, clock=Clock()) as journal:
        for rid, digest, token in promised:
            try:
                reflection = journal.get(rid)
            except MirrorError as exc:
                problems.append(f"{rid}: reported saved, now missing ({exc})")
                continue
            if hashlib.sha256(reflection.content.encode("utf-8")).hexdigest() != digest:
                problems.append(f"{rid}: text differs from what was saved")
            if [hit.reflection.id for hit in journal.search(token)] != [rid]:
                problems.append(f"{rid}: full-text search for {token} does not find it")
        check = journal.store.integrity_check()
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        try:
            journal.store.conn.execute(
                "INSERT INTO reflections_fts(reflections_fts, rank) VALUES ('integrity-check', 1)")
        except Exception as exc:   # noqa: BLE001 - reported, not raised
            problems.append(f"FTS index disagrees with the table: {exc}")
        report = journal.audit_verify()
        if not report.ok:
            problems.append(f"audit chain: {report.problem}")
    return problems


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
    script = workdir / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    promised: list[tuple[str, str, str]] = []
    kinds = {"open": 0, "lines": 0, "bytes": 0}
    problems: list[str] = []
    started = time.perf_counter()
    try:
        for round_no in range(args.rounds):
            how, amount = kill_point(rng, args.max_lines)
            kinds[how] += 1
            promised += run_round(script, home, round_no, how, amount)
            if args.check_every and (round_no + 1) % args.check_every == 0:
                problems = verify(home, promised)
                print(f"round {round_no + 1}: {len(promised)} promised, "
                      f"{'ok' if not problems else f'{len(problems)} problems'}", flush=True)
                if problems:
                    break
        if not problems:
            problems = verify(home, promised)
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

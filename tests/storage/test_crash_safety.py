"""A reflection Mirror said it saved survives `kill -9` (DESIGN §3).

A child process writes reflections in a loop through the service layer and prints each ID
and the SHA-256 of its text only after `Journal.write` returned (after COMMIT). The parent
SIGKILLs it at fixed points — after N printed lines, in the middle of a line (a byte offset
from a fixed seed), and right after the journal opened — several rounds on the same
journal. Every line the child managed to print is a promise that must hold afterwards.
`bench/crash_kill.py` runs the same experiment hundreds of times.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mirror.clock import Clock
from mirror.services.journal import Journal
from tests.storage.helpers import REPO, child_env

WRITER = textwrap.dedent('''
    import hashlib, sys
    from mirror.services.journal import Journal

    home, round_no = sys.argv[1], int(sys.argv[2])
    journal = Journal.open(home)
    sys.stdout.write("open\\n")
    sys.stdout.flush()
    for i in range(100_000):
        token = f"crashmark{round_no}q{i}"
        size = (i * 7919 + round_no * 104729) % 6000   # some rows need overflow pages
        text = f"{token} naïve café 🌊 שלום e\\u0301 " + "ink and paper " * (size // 14)
        reflection = journal.write(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        sys.stdout.write(f"{reflection.id} {digest} {token}\\n")
        sys.stdout.flush()
''')

SEED = 20260314
# (how to decide when to kill, parameter)
KILL_POINTS = [
    ("lines", 3),
    ("lines", 17),
    ("open", 0),        # right after the journal opened: the first write is in flight
    ("lines", 40),
    ("bytes", random.Random(SEED).randrange(200, 40 * 120)),   # mid-line, seeded
    ("lines", 1),
]


def _run_and_kill(script: Path, home: Path, round_no: int, how: str, amount: int) -> list[tuple[str, str, str]]:
    """Start a writer, SIGKILL it at the chosen point; return every complete line it printed."""
    proc = subprocess.Popen(
        [sys.executable, str(script), str(home), str(round_no)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=child_env(), bufsize=0,
    )
    buffer = b""
    try:
        fd = proc.stdout.fileno()
        while True:
            chunk = os.read(fd, 1 if how == "bytes" else 4096)
            if not chunk:
                break  # the child died by itself: reported below
            buffer += chunk
            lines = buffer.count(b"\n")
            if how == "open" and lines >= 1:
                break
            if how == "lines" and lines >= amount + 1:   # +1: the "open" line
                break
            if how == "bytes" and len(buffer) >= amount:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        buffer += proc.stdout.read()     # lines already in the pipe were promises too
        err = proc.stderr.read().decode("utf-8", "replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, f"writer ended on its own ({proc.returncode}): {err}"
    complete = buffer[: buffer.rfind(b"\n") + 1].decode("utf-8").splitlines()
    assert complete and complete[0] == "open", err
    return [tuple(line.split(" ")) for line in complete[1:]]


@pytest.fixture
def writer_script(tmp_path: Path) -> Path:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    return script


def test_every_reflection_reported_saved_survives_repeated_kill_9(writer_script, mirror_home):
    """A person who saw "saved" never loses that reflection, even when Mirror is killed
    with SIGKILL mid-write, again and again on the same journal."""
    promised: list[tuple[str, str, str]] = []
    for round_no, (how, amount) in enumerate(KILL_POINTS):
        printed = _run_and_kill(writer_script, mirror_home, round_no, how, amount)
        if how == "lines":
            assert len(printed) >= amount
        promised += printed

    assert len(promised) >= 3 + 17 + 40 + 1
    assert len({rid for rid, _, _ in promised}) == len(promised)

    with Journal.open(mirror_home, clock=Clock()) as journal:
        for rid, digest, token in promised:
            reflection = journal.get(rid)
            assert hashlib.sha256(reflection.content.encode("utf-8")).hexdigest() == digest
            assert reflection.content.startswith(token + " ")
            assert [hit.reflection.id for hit in journal.search(token)] == [rid]

        assert journal.store.integrity_check() == "ok"
        report = journal.audit_verify()
        assert report.ok, report.problem
        conn = journal.store.conn
        # The full-text index agrees with the table, row for row.
        conn.execute("INSERT INTO reflections_fts(reflections_fts, rank) VALUES ('integrity-check', 1)")
        # Every stored reflection (also those committed but not yet printed) has its audit entry.
        stored = {row[0] for row in conn.execute("SELECT id FROM reflections")}
        audited = {row[0] for row in conn.execute(
            "SELECT entity_id FROM audit_log WHERE entity = 'reflection' AND action = 'create'")}
        assert stored == audited
        assert {rid for rid, _, _ in promised} <= stored

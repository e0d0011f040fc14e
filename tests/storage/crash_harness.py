"""The kill -9 experiment, shared by the test (a few fixed rounds) and
`bench/crash_kill.py` (hundreds of seeded rounds): a child writes reflections and prints
"ID SHA256 TOKEN" only after `Journal.write` returned (after COMMIT); the parent SIGKILLs
it at a chosen point; every printed line is a promise that must hold afterwards."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent('''
    import hashlib, sys
    from mirror.services.journal import Journal

    home, round_no = sys.argv[1], int(sys.argv[2])
    journal = Journal.open(home)
    sys.stdout.write("open\\n")
    sys.stdout.flush()
    for i in range(1_000_000):
        token = f"crashmark{round_no}q{i}"
        size = (i * 7919 + round_no * 104729) % 6000   # some rows need overflow pages
        text = f"{token} naïve café 🌊 שלום e\\u0301 " + "ink and paper " * (size // 14)
        reflection = journal.write(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        sys.stdout.write(f"{reflection.id} {digest} {token}\\n")
        sys.stdout.flush()
''')

Promise = tuple[str, str, str]   # (reflection ID, SHA-256 of its text, unique token)


def write_writer(folder: Path) -> Path:
    script = folder / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    return script


def run_and_kill(script: Path, home: Path, round_no: int, how: str, amount: int) -> tuple[bool, list[Promise]]:
    """Start a writer and SIGKILL it: after the journal opened (`how="open"`), after
    `amount` printed lines ("lines") or after `amount` bytes, possibly mid-line ("bytes").
    Returns whether the journal had opened, and every complete line printed."""
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
                break  # the child died by itself: reported below
            buffer += chunk
            lines = buffer.count(b"\n")
            if (how == "open" and lines >= 1) or (how == "lines" and lines >= amount + 1) \
                    or (how == "bytes" and len(buffer) >= amount):
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        buffer += proc.stdout.read()     # lines already in the pipe were promises too
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
        return False, []   # killed while opening: nothing was promised
    if complete[0] != "open":
        raise RuntimeError(f"round {round_no}: unexpected output {complete[0]!r}")
    return True, [tuple(line.split(" ")) for line in complete[1:]]


def broken_promises(home: Path, promised: list[Promise]) -> list[str]:
    """Everything wrong with the journal after the kills (empty when every promise held):
    each promised reflection present with exactly its text and found by search, SQLite and
    FTS integrity, the audit chain, and an audit entry for every stored reflection."""
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
        conn = journal.store.conn
        try:
            conn.execute("INSERT INTO reflections_fts(reflections_fts, rank) VALUES ('integrity-check', 1)")
        except Exception as exc:   # noqa: BLE001 - reported, not raised
            problems.append(f"FTS index disagrees with the table: {exc}")
        report = journal.audit_verify()
        if not report.ok:
            problems.append(f"audit chain: {report.problem}")
        stored = {row[0] for row in conn.execute("SELECT id FROM reflections")}
        audited = {row[0] for row in conn.execute(
            "SELECT entity_id FROM audit_log WHERE entity = 'reflection' AND action = 'create'")}
        if stored != audited:
            problems.append(f"{len(stored ^ audited)} reflection(s) without their audit entry")
    return problems

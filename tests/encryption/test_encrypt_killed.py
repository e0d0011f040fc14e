"""`mirror encrypt` killed with SIGKILL at any point leaves a usable journal: the original
before the swap, the verified encrypted copy after it, never half of each."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirror.storage import encryption
from tests.storage.helpers import child_env

PASS = "kill me softly"

# A child that converts the journal and kills itself (SIGKILL: no cleanup runs) at one step.
CHILD = r"""
import os, signal, sys
from pathlib import Path
from mirror.storage import encryption

step = sys.argv[2]

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

real_digest = encryption._digest
calls = []

def digest(conn, schema):
    calls.append(schema)
    if step == "before-swap" and len(calls) == 3:  # the original's, the copy's, then the recheck
        die()
    return real_digest(conn, schema)

if step == "after-export":
    encryption._verify = die
elif step == "after-swap":
    encryption._fsync_folder = die
encryption._digest = digest
encryption.convert(Path(sys.argv[1]), None, encryption.derive(sys.argv[3], os.urandom(16)))
"""


def _listing(home: Path, env: dict[str, str]) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "list", "--json", "-n", "500"],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["reflections"]


def _fill(home: Path, n: int) -> None:
    from mirror.clock import Clock
    from mirror.services.journal import Journal

    with Journal.open(home, clock=Clock()) as journal:
        for i in range(n):
            journal.write(f"reflection {i}: the river was loud today and so was I")


@pytest.mark.slow
@pytest.mark.parametrize("step", ["after-export", "before-swap", "after-swap"])
def test_killed_at_each_step_the_journal_is_before_or_after(tmp_path, step):
    home = tmp_path / "home"
    _fill(home, 40)
    env = child_env(MIRROR_HOME=str(home))
    env.pop(encryption.PASSPHRASE_ENV, None)
    before = _listing(home, env)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(home / "mirror.db"), step, PASS],
                          env=env, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    db = home / "mirror.db"
    if step == "after-swap":
        assert encryption.is_encrypted(db)
        assert _listing(home, {**env, encryption.PASSPHRASE_ENV: PASS}) == before
    else:
        assert not encryption.is_encrypted(db)
        assert _listing(home, env) == before
        # the next conversion clears what the killed one left and succeeds
        done = subprocess.run([sys.executable, "-m", "mirror", "encrypt", "--json"], capture_output=True,
                              env={**env, encryption.PASSPHRASE_ENV: PASS}, timeout=120)
        assert done.returncode == 0, done.stderr
        assert _listing(home, {**env, encryption.PASSPHRASE_ENV: PASS}) == before
    assert not (home / "mirror.db.converting").exists()


@pytest.mark.slow
def test_mirror_encrypt_killed_while_it_copies_leaves_the_original(tmp_path):
    home = tmp_path / "home"
    _fill(home, 400)
    env = child_env(MIRROR_HOME=str(home), **{encryption.PASSPHRASE_ENV: PASS})
    before = _listing(home, {k: v for k, v in env.items() if k != encryption.PASSPHRASE_ENV})
    part = home / "mirror.db.converting"
    proc = subprocess.Popen([sys.executable, "-m", "mirror", "encrypt"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not (part.exists() and part.stat().st_size > 0) and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.001)  # polling observable state: the copy being written
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    db = home / "mirror.db"
    plain_env = {k: v for k, v in env.items() if k != encryption.PASSPHRASE_ENV}
    if encryption.is_encrypted(db):  # the copy finished and was swapped in before the kill
        assert _listing(home, env) == before
    else:
        assert _listing(home, plain_env) == before

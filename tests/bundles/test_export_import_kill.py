"""`kill -9` of `mirror import` at several moments: the journal is always either exactly as
before or fully imported, never in between, and the next command cleans the leftovers."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirror.services.deriving import PARALLEL_THRESHOLD
from mirror.storage.reflections import NewReflection
from tests.bundles.journalkit import full_digest, open_journal
from tests.conftest import REPO

SIZE = PARALLEL_THRESHOLD + 500  # large enough that re-derivation uses worker processes


def _content(home: Path) -> str:
    journal = open_journal(home, seed=11)
    try:
        from mirror.storage import merge

        assert journal.store.integrity_check() == "ok"
        return merge.content_digest(journal.store.conn)
    finally:
        journal.close()


@pytest.mark.slow
def test_kill_9_during_import_leaves_before_or_after(tmp_path: Path) -> None:
    import sys as _sys

    _sys.path.insert(0, str(REPO / "bench"))
    from journal_gen import entries

    source = open_journal(tmp_path / "source")
    source.store.reflections.create_many(entries(SIZE))
    source.export_bundle(tmp_path / "big.zip")
    source.close()

    home = tmp_path / "target"
    target = open_journal(home, seed=5)
    target.store.reflections.create_many([NewReflection(content=f"own words {i} #mine")
                                          for i in range(20)])
    target.close()
    before_full, before = full_digest(home / "mirror.db"), _content(home)
    reference = tmp_path / "reference"
    shutil.copytree(home, reference)
    ref = open_journal(reference, seed=6)
    ref.import_bundle(tmp_path / "big.zip")
    ref.close()
    after = _content(reference)
    assert after != before

    env = {**os.environ, "MIRROR_HOME": str(home)}
    outcomes = []
    for delay in (0.0, 0.3, 0.8, 1.6, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "mirror", "import", str(tmp_path / "big.zip")],
                                env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if (home / "tmp").is_dir() and any((home / "tmp").iterdir()):
                break
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = _content(home)
        assert state in (before, after), delay
        if state == before:
            assert full_digest(home / "mirror.db") == before_full
            outcomes.append("before")
        else:
            outcomes.append("after")
            break
    assert "before" in outcomes  # at least one kill landed mid-import
    # the next command removes what the killed imports left in MIRROR_HOME/tmp
    run = subprocess.run([sys.executable, "-m", "mirror", "import", str(tmp_path / "big.zip")],
                         env=env, cwd=REPO, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert _content(home) == after
    assert list((home / "tmp").iterdir()) == []
    conn = sqlite3.connect(home / "mirror.db")
    assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == SIZE + 20
    conn.close()

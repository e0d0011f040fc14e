"""`kill -9` of `mirror sync` at several moments (writing this device's change set,
merging another's, re-deriving): the journal is always exactly as before or as after, and
the next sync finishes the job with nothing lost or doubled (issue 16, item 2)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirror.services.deriving import PENDING_FILE
from mirror.storage import merge
from mirror.storage.reflections import NewReflection
from tests.conftest import REPO
from tests.sync.kit import make_template, open_device

SIZE = 400


def _content(home: Path) -> str:
    journal = open_device(home, 7)
    try:
        assert journal.store.integrity_check() == "ok"
        return merge.content_digest(journal.store.conn)
    finally:
        journal.close()


def _derived(home: Path) -> int:
    """How many reflections have their patterns analysed (all of them, once derivation ran)."""
    journal = open_device(home, 9)
    try:
        return journal.store.conn.execute(
            "SELECT count(DISTINCT reflection_id) FROM reflection_patterns").fetchone()[0]
    finally:
        journal.close()


def _restore(pristine: Path, root: Path) -> None:
    for name in ("b", "shared"):
        shutil.rmtree(root / name, ignore_errors=True)
        shutil.copytree(pristine / name, root / name)


@pytest.mark.slow
def test_kill_9_during_sync_leaves_before_or_after(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from journal_gen import entries

    root = make_template(tmp_path / "devices", ("a", "b"))
    a = open_device(root / "a", 1)
    a.store.reflections.create_many(list(entries(SIZE)))
    a.sync(root / "shared")
    a.close()
    b = open_device(root / "b", 2)
    b.store.reflections.create_many([NewReflection(content=f"B's own words {i} #mine") for i in range(50)])
    b.close()
    pristine = tmp_path / "pristine"
    shutil.copytree(root, pristine)
    before = _content(root / "b")

    reference = tmp_path / "reference"
    shutil.copytree(root, reference)
    ref = open_device(reference / "b", 3)
    ref.sync(reference / "shared")
    ref.close()
    after = _content(reference / "b")
    reference_derived = _derived(reference / "b")
    assert after != before

    env = {**os.environ, "MIRROR_HOME": str(root / "b")}
    outcomes = []
    for delay in (0.0, 0.3, 0.6, 1.2, 2.5):
        _restore(pristine, root)
        proc = subprocess.Popen([sys.executable, "-m", "mirror", "sync", str(root / "shared")],
                                env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = _content(root / "b")
        assert state in (before, after), delay
        outcomes.append("before" if state == before else "after")
        # the next sync completes it: the same journal as a sync never interrupted
        run = subprocess.run([sys.executable, "-m", "mirror", "sync", str(root / "shared")],
                             env=env, cwd=REPO, capture_output=True, timeout=300)
        assert run.returncode == 0, run.stderr
        assert _content(root / "b") == after
        assert not (root / "b" / PENDING_FILE).exists()  # re-derivation finished too
        assert _derived(root / "b") == reference_derived
    assert "before" in outcomes, outcomes

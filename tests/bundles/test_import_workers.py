"""Analysis workers die with the import that started them (issue 12, item 6): `kill -9` or
SIGTERM of a large `mirror import` leaves no worker process behind holding the journal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirror.services.deriving import PARALLEL_THRESHOLD
from tests import processes
from tests.bundles.journalkit import open_journal
from tests.conftest import REPO

SIZE = PARALLEL_THRESHOLD + 1_500  # large enough that re-derivation uses worker processes

pytestmark = pytest.mark.skipif(not processes.available(), reason="needs /proc (Linux)")


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    from journal_gen import entries

    folder = tmp_path_factory.mktemp("workers")
    source = open_journal(folder / "source")
    source.store.reflections.create_many(entries(SIZE))
    source.export_bundle(folder / "big.zip")
    source.close()
    return folder / "big.zip"


def _wait_for(condition, what: str, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_workers_end_with_a_killed_import(big_bundle: Path, tmp_path: Path,
                                          how: signal.Signals) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "MIRROR_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "mirror", "import", "--allow-deletes",
                             str(big_bundle)], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # observable state: the import has forked its analysis workers
        workers = _wait_for(lambda: processes.children_of(proc.pid), "analysis workers")
    finally:
        proc.send_signal(how)
        proc.wait(timeout=60)

    assert proc.returncode == -how
    _wait_for(lambda: not any(processes.alive(pid) for pid in workers),
              "the workers to end", timeout=30)
    assert not [pid for pid in workers if processes.alive(pid)]

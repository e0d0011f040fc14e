"""Writers are not blocked by a long import (issue 12, item 5): the import holds the write
lock only for its merge; derivation runs afterwards in short transactions, so `reflect`
and `edit` from other processes succeed, and finish, while it is still deriving. An import
killed after its merge committed leaves the rest of the derivation to the next import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirror.services.deriving import PARALLEL_THRESHOLD, PENDING_FILE
from tests.bundles.journalkit import open_journal
from tests.conftest import REPO

SIZE = max(PARALLEL_THRESHOLD + 500, 2_500)  # past the threshold: forked workers derive, for seconds


def _wait_for(condition, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    from journal_gen import entries

    folder = tmp_path_factory.mktemp("concurrent")
    source = open_journal(folder / "source")
    source.store.reflections.create_many(entries(SIZE))
    source.export_bundle(folder / "big.zip")
    source.close()
    return folder / "big.zip"


def _deriving(home: Path) -> bool:
    """The import's merge has committed (a reader sees its reflections) and its derivation
    has not finished (the pending list is still there)."""
    if not (home / PENDING_FILE).exists():
        return False
    conn = sqlite3.connect(f"file:{home / 'mirror.db'}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute("SELECT count(*) FROM reflections").fetchone()[0] >= SIZE
    finally:
        conn.close()


def _derived(home: Path) -> int:
    journal = open_journal(home, seed=9)
    try:
        return journal.store.conn.execute(
            "SELECT count(DISTINCT reflection_id) FROM reflection_patterns").fetchone()[0]
    finally:
        journal.close()


@pytest.mark.slow
def test_reflect_and_edit_succeed_while_an_import_derives(tmp_path: Path, big_bundle: Path) -> None:
    home = tmp_path / "home"
    own = open_journal(home, seed=7)
    mine = own.write("My own words before the import").id
    own.close()

    env = {**os.environ, "MIRROR_HOME": str(home)}
    importer = subprocess.Popen([sys.executable, "-m", "mirror", "import", str(big_bundle)],
                                env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    pending = home / PENDING_FILE
    try:
        # observable state: the merge committed and derivation is under way
        _wait_for(lambda: _deriving(home) or importer.poll() is not None, "the import to derive")
        assert importer.poll() is None, "the import ended before deriving"
        commands = [["reflect", f"Written during the import, number {i}"] for i in range(3)]
        commands.append(["edit", mine, "--text", "My own words, edited during the import"])
        writers = [subprocess.Popen([sys.executable, "-m", "mirror", *args], env=env, cwd=REPO,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE) for args in commands]
        results = [(w.wait(timeout=120), w.stderr.read().decode()) for w in writers]
        for w in writers:
            w.stdout.close()
            w.stderr.close()
        still_deriving = importer.poll() is None and pending.exists()
    finally:
        _, err = importer.communicate(timeout=600)

    assert [code for code, _ in results] == [0] * len(commands), results
    assert still_deriving  # every writer finished while the import was still working
    assert importer.returncode == 0, err.decode()
    assert not pending.exists()
    journal = open_journal(home, seed=8)
    try:
        assert journal.store.reflections.count() == SIZE + 4
        assert journal.get(mine).content == "My own words, edited during the import"
    finally:
        journal.close()
    assert _derived(home) > SIZE // 2  # the import's reflections were derived after all


@pytest.mark.slow
def test_an_import_killed_while_deriving_is_finished_by_the_next(tmp_path: Path,
                                                                big_bundle: Path) -> None:
    home = tmp_path / "home"
    open_journal(home, seed=7).close()
    env = {**os.environ, "MIRROR_HOME": str(home)}
    pending = home / PENDING_FILE
    importer = subprocess.Popen([sys.executable, "-m", "mirror", "import", str(big_bundle)],
                                env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _deriving(home) or importer.poll() is not None, "the import to derive")
    finally:
        importer.send_signal(signal.SIGKILL)
        importer.wait(timeout=60)
    assert pending.exists()  # killed after the merge committed, before derivation ended
    partly = _derived(home)
    assert partly < SIZE // 2

    again = subprocess.run([sys.executable, "-m", "mirror", "import", str(big_bundle)], env=env,
                           cwd=REPO, capture_output=True, timeout=600)

    assert again.returncode == 0, again.stderr
    assert "nothing to change" in again.stderr.decode()  # the merge itself was complete
    assert not pending.exists()
    assert _derived(home) > SIZE // 2

"""An encrypted journal keeps the crash promise too: a reflection Mirror said it saved
survives `kill -9` mid-write, round after round (the storage tests' experiment, run on an
encrypted journal: SQLCipher encrypts pages below SQLite's pager and WAL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mirror.services.journal import Journal
from mirror.storage import encryption
from tests.storage.crash_harness import broken_promises, run_and_kill, write_writer
from tests.storage.test_crash_safety import KILL_POINTS


@pytest.mark.slow
def test_every_reflection_reported_saved_survives_kill_9_on_an_encrypted_journal(
        tmp_path: Path, mirror_home, monkeypatch):
    passfile = tmp_path / "pass.txt"
    passfile.write_text("crash passphrase\n", encoding="utf-8")
    Journal.create(mirror_home, encrypted=True, passphrase_file=passfile)
    monkeypatch.setenv(encryption.PASSPHRASE_FILE_ENV, str(passfile))  # the writers inherit it
    script = write_writer(tmp_path)
    promised = []
    for round_no, (how, amount) in enumerate(KILL_POINTS):
        opened, printed = run_and_kill(script, mirror_home, round_no, how, amount)
        assert opened
        if how == "lines":
            assert len(printed) >= amount
        promised += printed
    assert len(promised) >= 3 + 17 + 40 + 1
    assert encryption.is_encrypted(mirror_home / "mirror.db")
    assert broken_promises(mirror_home, promised) == []

"""Fuzzing the import path with bundles Mirror itself wrote: seeded mutations of the
bundle's bytes, and of its database's rows behind a container that verifies. Whatever
comes in, `verify` and `import` end in success or a refusal (never exit 1, an internal
error), within a time bound, and a refusal leaves the journal exactly as it was."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest

from tests.bundles.journalkit import full_digest, open_journal, populate, rebundle

SEED = 20260314
BYTE_CASES = 30
ROW_CASES = 10
ALLOWED = {0, 3, 4, 6, 7}  # success, or a refusal with its meaning (DESIGN §8)
JUNK = [b"\xff\xfe", "2026-13-45T00:00:00Z", "not a date", "", " ", "\x00", -1, 2**62, 1.5,
        "x" * 5000, "../../etc/passwd", "Mars/Olympus", "[1]", "{}", "You should leave him.",
        "2026-02-30T10:00:00.000000Z", None, "passed", "care", "sync_full_public"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-src")
    journal = open_journal(folder / "a")
    populate(journal)
    journal.export_bundle(folder / "good.zip")
    journal.close()
    return folder / "good.zip"


@pytest.fixture
def target(cli, mirror_home: Path) -> Path:
    cli("reflect", "My own reflection, which no bundle may damage")
    return mirror_home / "mirror.db"


def _check(cli, bundle: Path, db: Path, case: str) -> None:
    before = full_digest(db)
    for command in ("verify", "import"):
        started = time.monotonic()
        run = cli(command, str(bundle))
        assert time.monotonic() - started < 60, (case, command, "too slow")
        assert run.code in ALLOWED, (case, command, run.code, run.err)
        assert run.err.count("\n") <= 2, (case, run.err)
        if run.code != 0:
            assert full_digest(db) == before, (case, command)
    assert cli("list").code == 0, case


@pytest.mark.slow
def test_mutated_bundle_bytes(exported, target, cli, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    data = exported.read_bytes()
    for case in range(BYTE_CASES):
        mutated = bytearray(data)
        kind = rng.choice(["flip", "flip", "truncate", "insert", "zero run"])
        at = rng.randrange(len(mutated))
        if kind == "flip":
            for _ in range(rng.randint(1, 8)):
                mutated[rng.randrange(len(mutated))] ^= 1 << rng.randrange(8)
        elif kind == "truncate":
            del mutated[at:]
        elif kind == "insert":
            mutated[at:at] = rng.randbytes(rng.randint(1, 64))
        else:
            mutated[at:at + rng.randint(1, 512)] = bytes(min(512, len(mutated) - at))
        bundle = tmp_path / f"bytes-{case}.zip"
        bundle.write_bytes(bytes(mutated))
        _check(cli, bundle, target, f"bytes {case} ({kind} at {at})")


def _mutate_rows(rng: random.Random):
    def edit(db: Path) -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        try:
            triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE '%domain%'").fetchall()
            for name, _sql in triggers:
                conn.execute(f"DROP TRIGGER {name}")
            conn.execute("PRAGMA ignore_check_constraints = ON")
            tables = ["reflections", "reflection_revisions", "tombstones", "tags", "threads",
                      "thread_members", "tensions", "mirrorbacks", "engine_feedback"]
            for _ in range(rng.randint(1, 3)):
                table = rng.choice(tables)
                columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")
                           if row[1] not in ("seq",)]
                column = rng.choice(columns)
                value = rng.choice(JUNK)
                try:
                    conn.execute(f"UPDATE {table} SET {column} = ?", (value,))
                except sqlite3.Error:
                    pass  # NOT NULL or UNIQUE: this mutation does not apply
            for _name, sql in triggers:
                conn.execute(sql)
        finally:
            conn.close()
    return edit


@pytest.mark.slow
def test_mutated_bundle_databases(exported, target, cli, tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    for case in range(ROW_CASES):
        bundle = rebundle(exported, tmp_path / f"rows-{case}.zip", _mutate_rows(rng),
                          work=tmp_path / f"w{case}")
        _check(cli, bundle, target, f"rows {case}")

"""Bad input and storage failures: the documented exit code (DESIGN §8), one clear line on
stderr starting with `mirror:` (never a traceback), and nothing already saved is lost."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

from mirror.errors import InvalidInput, StorageError
from mirror.storage import migrations
from mirror.storage.db import transaction
from mirror.storage.reflections import NewReflection
from tests.storage.helpers import assert_clean_error, contents, raw_connect

KEEP = "A reflection that must never be lost, whatever goes wrong next."


@pytest.fixture
def saved(cli, mirror_home: Path) -> str:
    """A journal with one reflection already in it; returns its ID."""
    run = cli("reflect", "--json", input=KEEP)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def _still_saved(cli, reflection_id: str) -> None:
    run = cli("show", reflection_id, "--json")
    assert run.code == 0, run.err
    assert run.json["reflection"]["content"] == KEEP


# -- bad input ----------------------------------------------------------------------------

def test_unknown_id_is_not_found(cli, saved):
    """`mirror show` with an ID that does not exist says so and exits 3."""
    assert_clean_error(cli("show", "deadbeef"), 3, "deadbeef")
    assert_clean_error(cli("edit", "deadbeef", "--text", "new words"), 3, "deadbeef")
    _still_saved(cli, saved)


def test_ambiguous_prefix_is_not_found_and_names_the_problem(cli, journal):
    """Two IDs sharing a prefix: the short prefix is refused as ambiguous (exit 3), a longer
    one still finds the right reflection."""
    first = journal.store.reflections.create(NewReflection(
        content="the first of two", id="abcd1234-0000-4000-8000-000000000001"))
    second = journal.store.reflections.create(NewReflection(
        content="the second of two", id="abcd1234-0000-4000-8000-000000000002"))
    assert_clean_error(cli("show", "abcd1234"), 3, "ambiguous")
    run = cli("show", "abcd1234-0000-4000-8000-000000000002", "--json")
    assert run.code == 0 and run.json["reflection"]["content"] == second.content
    assert {r.id for r in journal.list().items} == {first.id, second.id}


@pytest.mark.parametrize("how", ["stdin", "argv"])
def test_blank_reflection_is_invalid_input_and_nothing_is_saved(cli, saved, mirror_home, how):
    """A reflection of only spaces is refused (exit 4) and adds nothing to the journal."""
    run = cli("reflect", input="   \n\t  ") if how == "stdin" else cli("reflect", "   ")
    assert_clean_error(run, 4, "empty")
    assert contents(mirror_home / "mirror.db") == {saved: KEEP}


def test_unreadable_date_is_invalid_input_and_nothing_is_saved(cli, saved, mirror_home):
    """`--date "not a date at all"` is refused (exit 4) with a hint; nothing is written."""
    run = cli("reflect", "--date", "not a date at all", "a perfectly good reflection")
    assert_clean_error(run, 4, "not a date at all")
    assert contents(mirror_home / "mirror.db") == {saved: KEEP}


def test_delete_without_yes_off_a_terminal_is_a_usage_error(cli, saved):
    """A script that forgets `--yes` gets exit 2, and the reflection is still there."""
    assert_clean_error(cli("delete", saved), 2, "--yes")
    _still_saved(cli, saved)


# -- databases Mirror must refuse -----------------------------------------------------------

def test_garbage_database_file_is_a_storage_error_and_left_alone(cli, saved, mirror_home):
    """A mirror.db overwritten with garbage is reported (exit 7), not replaced by a fresh
    journal: the file is left exactly as it was, for the person to recover."""
    db = mirror_home / "mirror.db"
    garbage = random.Random(7).randbytes(64 * 1024)
    db.write_bytes(garbage)
    for wal in (mirror_home / "mirror.db-wal", mirror_home / "mirror.db-shm"):
        wal.unlink(missing_ok=True)
    assert_clean_error(cli("list"), 7, "not a valid mirror database")
    assert_clean_error(cli("reflect", "written after the damage"), 7)
    assert db.read_bytes() == garbage


def test_database_with_corrupt_pages_is_a_storage_error(cli, saved, mirror_home):
    """A journal whose header survived but whose pages are damaged: exit 7, one line."""
    db = mirror_home / "mirror.db"
    data = bytearray(db.read_bytes())
    rng = random.Random(11)
    for i in range(100, len(data)):   # keep the 100-byte SQLite header, ruin everything else
        data[i] = rng.randrange(256)
    db.write_bytes(bytes(data))
    assert_clean_error(cli("list"), 7, "malformed")
    assert_clean_error(cli("reflect", "written after the damage"), 7)


def _foreign_db(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT PRIMARY KEY, steps TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('bread', 'knead, wait, bake')")
    conn.commit()
    conn.close()


def test_foreign_sqlite_database_is_refused_and_its_data_kept(cli, mirror_home):
    """Another application's SQLite file where the journal should be: exit 7, "not a Mirror
    journal", and that application's data is untouched (no Mirror tables added)."""
    db = mirror_home / "mirror.db"
    _foreign_db(db)
    assert_clean_error(cli("reflect", "hello"), 7, "not a Mirror journal")
    conn = raw_connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"recipes"}
    assert [tuple(r) for r in conn.execute("SELECT * FROM recipes")] == [("bread", "knead, wait, bake")]
    conn.close()


def test_foreign_sqlite_database_file_is_not_modified_at_all(cli, mirror_home):
    """Refusing another application's database must not change it: Mirror may not even
    switch it to write-ahead logging (a persistent change to the file's header) before
    discovering that the file is not its own."""
    db = mirror_home / "mirror.db"
    _foreign_db(db)
    before = db.read_bytes()
    assert_clean_error(cli("list"), 7, "not a Mirror journal")
    after = db.read_bytes()
    # Header bytes 18-19 are the file format's read/write versions: 1 = rollback journal,
    # 2 = WAL. Compared first so a failure says what changed instead of dumping the file.
    assert (after[18], after[19]) == (before[18], before[19]) == (1, 1), \
        "the foreign database was switched to WAL mode"
    assert hashlib.sha256(after).hexdigest() == hashlib.sha256(before).hexdigest()


def test_journal_from_a_newer_mirror_is_refused(cli, saved, mirror_home):
    """A journal migrated by a newer Mirror is refused (exit 7, says it is newer) instead of
    being written with an older schema in mind; its reflections stay."""
    conn = raw_connect(mirror_home / "mirror.db")
    conn.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at, app_version)"
                 " VALUES (999, 'from_the_future', 'x', '2030-01-01T00:00:00.000000Z', '99.0')")
    conn.close()
    assert_clean_error(cli("list"), 7, "newer")
    assert_clean_error(cli("reflect", "not now"), 7, "newer")
    assert contents(mirror_home / "mirror.db") == {saved: KEEP}


def test_edited_applied_migration_is_refused(cli, saved, mirror_home, monkeypatch):
    """If a migration that a journal already applied changes, Mirror refuses to continue
    (exit 7) rather than silently diverging; with the original migration all is well."""
    shipped = migrations.available()
    edited = [migrations.Migration(m.version, m.name, m.sql + "\n-- edited afterwards\n")
              if m.version == 1 else m for m in shipped]
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "available", lambda: edited)
        assert_clean_error(cli("list"), 7, "changed")
    _still_saved(cli, saved)


# -- storage failures through the storage API ---------------------------------------------------

def test_read_only_journal_write_is_a_storage_error(journal):
    """Writing to a journal that cannot be written is a StorageError (exit 7) saying
    "read-only", and the reflections already there stay readable.

    The CI suite runs as root, for whom chmod 0o400/0o500 does not stop writes; so the
    journal is made read-only inside SQLite instead (`PRAGMA query_only`), which produces
    the same SQLITE_READONLY error a read-only file or folder does."""
    kept = journal.write("written before the journal became read-only")
    journal.store.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StorageError, match="read-only") as caught:
        journal.write("this cannot be saved")
    assert caught.value.exit_code == 7
    assert [r.id for r in journal.list().items] == [kept.id]
    assert not journal.store.conn.in_transaction


def test_disk_full_is_a_storage_error_and_loses_nothing(journal):
    """When the disk fills up mid-write, the person is told (exit 7, "disk is full"),
    nothing half-written remains, earlier reflections are intact, and once space is free
    again the journal works and its audit chain is intact."""
    earlier = [journal.write(f"an earlier reflection, number {i}").id for i in range(5)]
    conn = journal.store.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match="disk is full") as caught:
        journal.write("a long reflection that needs many new pages " * 5000)
    assert caught.value.exit_code == 7
    assert not conn.in_transaction
    assert sorted(r.id for r in journal.list().items) == sorted(earlier)
    conn.execute("PRAGMA max_page_count = 1073741823")
    later = journal.write("space is free again")
    assert {r.id for r in journal.list().items} == {*earlier, later.id}
    assert journal.audit_verify().ok
    assert journal.store.integrity_check() == "ok"


def test_locked_journal_is_a_storage_error_not_a_hang(journal, mirror_home):
    """While another process holds the write lock beyond the busy timeout, a write fails
    with a StorageError saying the journal is locked (exit 7); once the lock is released
    the same write succeeds."""
    before = journal.write("written before the lock").id
    journal.store.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(mirror_home / "mirror.db", isolation_level=None, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="locked") as caught:
            journal.write("blocked by the other writer")
        assert caught.value.exit_code == 7
    finally:
        other.execute("ROLLBACK")
        other.close()
    after = journal.write("written after the lock was released").id
    assert {r.id for r in journal.list().items} == {before, after}


def test_check_constraint_violation_is_invalid_input_not_integrity_error(journal):
    """A value outside its domain (a tension position of 2.0, outside [-1, 1]) surfaces as
    Mirror's InvalidInput (a ValueError, exit 4), not a raw sqlite3.IntegrityError, and the
    whole transaction is rolled back."""
    reflection = journal.write("torn between rest and work")
    conn = journal.store.conn
    with pytest.raises(InvalidInput) as caught:
        with transaction(conn):
            conn.execute("INSERT INTO tensions (id, axis_a, axis_b, origin, created_at)"
                         " VALUES ('t1', 'rest', 'work', 'user_created', '2026-03-14T09:30:00.000000Z')")
            conn.execute("INSERT INTO tension_observations (id, tension_id, reflection_id, position,"
                         " intensity, observed_at) VALUES ('o1', 't1', ?, 2.0, 0.5,"
                         " '2026-03-14T09:30:00.000000Z')", (reflection.id,))
    assert isinstance(caught.value, ValueError)
    assert not isinstance(caught.value, sqlite3.Error)
    assert caught.value.exit_code == 4
    assert "allowed range" in str(caught.value)
    assert conn.execute("SELECT count(*) FROM tensions").fetchone()[0] == 0
    assert journal.get(reflection.id).content == "torn between rest and work"

"""Schema migrations (DESIGN §3): each shipped migration applied once, in order, recorded
with its checksum; an existing journal is backed up (`VACUUM INTO`) before it is migrated
and the backup is removed only after the migration committed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mirror.clock import utc_iso
from mirror.errors import StorageError
from mirror.services.journal import Journal
from mirror.storage import migrations
from tests.storage.helpers import assert_clean_error, contents, raw_connect

GRATITUDE = migrations.Migration(
    0, "gratitude_notes",
    "-- a harmless later migration, for the test\n"
    "CREATE TABLE gratitude_notes (\n    id TEXT PRIMARY KEY,\n    note TEXT NOT NULL\n);\n"
    "CREATE INDEX gratitude_notes_note ON gratitude_notes(note);\n",
)
BROKEN = migrations.Migration(
    0, "broken_on_purpose",
    "CREATE TABLE half_done (id TEXT PRIMARY KEY);\n"
    "INSERT INTO no_such_table VALUES (1);\n",
)


def _with_extra(extra: migrations.Migration) -> list[migrations.Migration]:
    shipped = migrations.available()
    return [*shipped, migrations.Migration(len(shipped) + 1, extra.name, extra.sql)]


def _recorded(db: Path) -> list[tuple[int, str, str]]:
    conn = raw_connect(db)
    try:
        return [tuple(r) for r in conn.execute(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version")]
    finally:
        conn.close()


def _backups(home: Path) -> list[Path]:
    return sorted(home.glob("mirror.db.before-schema-*"))


@pytest.fixture
def older_journal(mirror_home: Path, fixed_clock) -> tuple[Path, list[str]]:
    """A journal at the schema this Mirror ships, with reflections in it: from the point of
    view of a Mirror that ships one more migration, an older journal."""
    with Journal.open(mirror_home, clock=fixed_clock) as journal:
        ids = [journal.write(f"written before the upgrade, number {i}").id for i in range(3)]
    return mirror_home, ids


def test_fresh_journal_records_every_shipped_migration_with_its_checksum(journal):
    """A new journal carries every migration this Mirror ships, in order, each with the
    SHA-256 of its file, so a later change to that file can be detected."""
    shipped = migrations.available()
    assert shipped, "Mirror ships at least the core schema"
    assert _recorded(journal.paths.db) == [(m.version, m.name, m.checksum) for m in shipped]
    assert journal.store.schema_version == len(shipped)
    assert journal.stats().schema_version == len(shipped)
    assert not _backups(journal.paths.home)   # nothing to back up on a new journal


def test_reopening_an_up_to_date_journal_applies_nothing(journal, fixed_clock):
    """Opening a journal that is up to date changes nothing: no migration runs again,
    no backup is taken, the ledger is untouched."""
    db = journal.paths.db
    conn = raw_connect(db)
    ledger = [tuple(r) for r in conn.execute("SELECT * FROM schema_migrations ORDER BY version")]
    conn.close()
    assert migrations.migrate(journal.store.conn, db, utc_iso(fixed_clock.now())) == 0
    with Journal.open(journal.paths.home, clock=fixed_clock):
        pass
    conn = raw_connect(db)
    assert [tuple(r) for r in conn.execute("SELECT * FROM schema_migrations ORDER BY version")] == ledger
    conn.close()
    assert not _backups(journal.paths.home)


def test_migrating_an_older_journal_backs_it_up_first_and_removes_the_backup_after(
        older_journal, fixed_clock, monkeypatch):
    """Upgrading Mirror migrates the journal; while the new migration runs, a complete
    backup of the old journal exists beside it; once committed, the backup is gone and every
    reflection is still there."""
    home, ids = older_journal
    db = home / "mirror.db"
    before = contents(db)
    upgraded = _with_extra(GRATITUDE)
    seen: list[dict] = []
    real_statements = migrations._statements

    def watching(sql: str) -> list[str]:
        if sql == GRATITUDE.sql:      # running the new migration, inside its transaction
            [backup] = _backups(home)
            snap = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
            seen.append({
                "backup": backup.name,
                "versions": [r[0] for r in snap.execute("SELECT version FROM schema_migrations")],
                "reflections": dict(snap.execute("SELECT id, content FROM reflections").fetchall()),
                "integrity": snap.execute("PRAGMA integrity_check").fetchone()[0],
            })
            snap.close()
        return real_statements(sql)

    monkeypatch.setattr(migrations, "available", lambda: upgraded)
    monkeypatch.setattr(migrations, "_statements", watching)
    with Journal.open(home, clock=fixed_clock) as journal:
        assert journal.store.schema_version == len(upgraded)
        assert sorted(r.id for r in journal.list().items) == sorted(ids)

    new_version = len(upgraded)
    assert seen == [{
        "backup": f"mirror.db.before-schema-{new_version:03d}.bak",
        "versions": list(range(1, new_version)),
        "reflections": before,
        "integrity": "ok",
    }]
    assert not _backups(home)
    assert _recorded(db) == [(m.version, m.name, m.checksum) for m in upgraded]
    assert contents(db) == before
    conn = raw_connect(db)
    assert conn.execute("SELECT count(*) FROM gratitude_notes").fetchone()[0] == 0
    conn.close()


def test_failed_migration_keeps_the_backup_and_leaves_the_journal_usable(
        older_journal, fixed_clock, monkeypatch, cli):
    """A migration that fails is rolled back as a whole: Mirror says so (StorageError,
    exit 7), the backup taken before it is kept, and the journal still opens at its old
    schema with every reflection."""
    home, ids = older_journal
    db = home / "mirror.db"
    before = contents(db)
    old_version = len(migrations.available())
    failing = _with_extra(BROKEN)
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "available", lambda: failing)
        with pytest.raises(StorageError) as caught:
            Journal.open(home, clock=fixed_clock)
        assert caught.value.exit_code == 7
        assert "no_such_table" in str(caught.value)
        assert_clean_error(cli("list"), 7, "no_such_table")

    [backup] = _backups(home)
    assert backup.name == f"mirror.db.before-schema-{old_version + 1:03d}.bak"
    assert contents(backup) == before
    conn = raw_connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "half_done" not in tables          # the failed migration left nothing behind
    assert [v for v, _, _ in _recorded(db)] == list(range(1, old_version + 1))

    with Journal.open(home, clock=fixed_clock) as journal:   # this Mirror, as shipped
        assert journal.store.schema_version == old_version
        assert sorted(r.id for r in journal.list().items) == sorted(ids)
        journal.write("the journal still takes new reflections")
        assert journal.audit_verify().ok
        assert journal.store.integrity_check() == "ok"

"""Numbered SQL migrations, applied once each, in order, each in its own transaction.

Migration files live in `schemas/sqlite/NNN_name.sql`. Each applied migration is recorded
with the SHA-256 of its file; if a recorded file later changes, the journal is refused
rather than silently diverging. A journal carrying a migration newer than this Mirror knows
is refused too (a newer Mirror wrote it). Before an existing journal is migrated, a
`VACUUM INTO` backup is taken and kept until the migration has committed.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mirror import __version__
from mirror.errors import StorageError
from mirror.fileio import create_private
from mirror.resources import schemas_dir
from mirror.storage.db import translate

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered schema migration shipped in schemas/sqlite/."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def available() -> list[Migration]:
    """The migrations this Mirror ships, in order."""
    found = []
    for entry in (schemas_dir() / "sqlite").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StorageError(f"Mirror's migrations are not numbered 1..N: {versions}")
    return found


def latest_version() -> int:
    return len(available())


_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version      INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    checksum     TEXT NOT NULL,
    applied_at   TEXT NOT NULL,
    app_version  TEXT NOT NULL
)"""


def _user_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {row[0] for row in rows}


def applied(conn: sqlite3.Connection) -> dict[int, str]:
    """version -> checksum of what this journal has applied."""
    if "schema_migrations" not in _user_tables(conn):
        return {}
    return {row[0]: row[1] for row in conn.execute("SELECT version, checksum FROM schema_migrations")}


def schema_version(conn: sqlite3.Connection) -> int:
    done = applied(conn)
    return max(done) if done else 0


def check(conn: sqlite3.Connection, db_path: Path) -> list[Migration]:
    """Validate the journal against the shipped migrations; return those still pending."""
    tables = _user_tables(conn)
    if tables and "schema_migrations" not in tables:
        raise StorageError(f"{db_path} is a SQLite database but not a Mirror journal")
    shipped = available()
    done = applied(conn)
    newest = max(done) if done else 0
    if newest > len(shipped):
        raise StorageError(
            f"this journal was written by a newer Mirror (schema {newest}; this Mirror knows "
            f"{len(shipped)}): upgrade Mirror to open it"
        )
    for migration in shipped:
        recorded = done.get(migration.version)
        if recorded is not None and recorded != migration.checksum:
            raise StorageError(
                f"migration {migration.version:03d}_{migration.name} was changed after it was "
                "applied to this journal; refusing to continue"
            )
    return [m for m in shipped if m.version not in done]


def migrate(conn: sqlite3.Connection, db_path: Path, now_iso: str) -> int:
    """Bring the journal to the latest schema. Returns how many migrations were applied."""
    pending = check(conn, db_path)
    if not pending:
        return 0
    backup = None
    if applied(conn):
        backup = db_path.with_name(f"{db_path.name}.before-schema-{pending[0].version:03d}.bak")
        backup.unlink(missing_ok=True)
        create_private(backup)  # a copy of the journal: 0600, not the umask's mode
        conn.execute("VACUUM INTO ?", (str(backup),))
    for migration in pending:
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(_LEDGER)
            # Re-check inside the write lock: another process may have migrated meanwhile.
            if migration.version in applied(conn):
                conn.execute("COMMIT")
                continue
            for statement in _statements(migration.sql):
                conn.execute(statement, {"applied_at": now_iso})
            conn.execute(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at, app_version)"
                " VALUES (?, ?, ?, ?, ?)",
                (migration.version, migration.name, migration.checksum, now_iso, __version__),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise translate(exc, db_path) from exc
    if backup is not None:
        backup.unlink(missing_ok=True)
    return len(pending)


def _statements(sql: str) -> list[str]:
    """Split a migration into complete statements (triggers contain inner semicolons)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()
    ):
        raise StorageError("a migration file ends with an incomplete statement")
    return statements


@cache
def reference_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """(type, name, tbl_name, sql) of every schema object Mirror's migrations 1..version
    create: the exact allow-list for a foreign database of that version."""
    shipped = available()[:version]
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute(_LEDGER)
        for migration in shipped:
            for statement in _statements(migration.sql):
                conn.execute(statement, {"applied_at": "1970-01-01T00:00:00Z"})
        return frozenset(tuple(row) for row in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()

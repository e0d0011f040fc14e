"""Numbered SQL migrations, applied once each, in order, each in its own transaction.

Migration files live in `schemas/sqlite/NNN_name.sql`. Each applied migration is recorded
with the SHA-256 of its file; if a recorded file later changes, the journal is refused
rather than silently diverging. A journal carrying a migration newer than this Mirror knows
is refused too (a newer Mirror wrote it). Before an existing journal is migrated, a
`VACUUM INTO` backup is taken and kept until the migration has committed.

Every open compares the shipped files with the journal's ledger. The files are read once
per process; their SHA-256 digests come from the journal's `cache/migrations.json`, keyed
by each file's length and CRC-32, so a read command loads neither `hashlib` (OpenSSL,
~3 ms) nor hashes anything unless a file changed since the cache was written.
"""

from __future__ import annotations

import json
import re
import sqlite3
from binascii import crc32
from functools import cache
from pathlib import Path

from mirror import __version__
from mirror.errors import StorageError
from mirror.fileio import create_private, write_private
from mirror.resources import schemas_dir
from mirror.storage.db import translate

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


class Migration:
    """One numbered schema migration shipped in schemas/sqlite/ (a plain class: every open
    reads them, and a named tuple or a dataclass costs start-up time to define, and
    `typing` with it)."""

    __slots__ = ("version", "name", "sql")

    def __init__(self, version: int, name: str, sql: str) -> None:
        self.version = version
        self.name = name
        self.sql = sql

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Migration)
                and (other.version, other.name, other.sql) == (self.version, self.name, self.sql))

    def __hash__(self) -> int:
        return hash((self.version, self.name, self.sql))

    def __repr__(self) -> str:
        return f"Migration({self.version}, {self.name!r})"

    @property
    def checksum(self) -> str:
        import hashlib  # only when a digest is not in the journal's cache

        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def available() -> list[Migration]:
    """The migrations this Mirror ships, in order (the files are read once per process)."""
    return list(_shipped())


@cache
def _shipped() -> tuple[Migration, ...]:
    found = []
    for entry in (schemas_dir() / "sqlite").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StorageError(f"Mirror's migrations are not numbered 1..N: {versions}")
    return tuple(found)


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


def check(conn: sqlite3.Connection, db_path: Path, cache_folder: Path | None = None) -> list[Migration]:
    """Validate the journal against the shipped migrations; return those still pending.
    `cache_folder`: where the shipped files' digests may be kept (the journal's `cache/`)."""
    tables = _user_tables(conn)
    if tables and "schema_migrations" not in tables:
        raise StorageError(f"{db_path} is a SQLite database but not a Mirror journal")
    shipped = available()
    done = _ledger(conn) if tables else {}
    newest = max(done) if done else 0
    if newest > len(shipped):
        raise StorageError(
            f"this journal was written by a newer Mirror (schema {newest}; this Mirror knows "
            f"{len(shipped)}): upgrade Mirror to open it"
        )
    digests = _digests(shipped, cache_folder) if done else {}
    for migration in shipped:
        recorded = done.get(migration.version)
        if recorded is not None and recorded != digests[migration.version]:
            raise StorageError(
                f"migration {migration.version:03d}_{migration.name} was changed after it was "
                "applied to this journal; refusing to continue"
            )
    return [m for m in shipped if m.version not in done]


def _ledger(conn: sqlite3.Connection) -> dict[int, str]:
    return {row[0]: row[1] for row in conn.execute("SELECT version, checksum FROM schema_migrations")}


_DIGESTS_FILE = "migrations.json"


def _digests(shipped: list[Migration], folder: Path | None) -> dict[int, str]:
    """version -> SHA-256 of each shipped migration. With a cache folder, a digest is
    reused while the file's length and CRC-32 are those it was computed for (a cache is
    derived data: a missing, damaged or stale entry is recomputed and the file rewritten).
    The CRC guards against an edited file, as the ledger check does; it is not a defence
    against someone who can already rewrite Mirror's own files."""
    keys = {m.version: f"{len(m.sql)}:{crc32(m.sql.encode('utf-8'))}" for m in shipped}
    cached: dict[str, list[str]] = {}
    if folder is not None:
        try:
            cached = json.loads((folder / _DIGESTS_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            cached = {}
    digests, fresh = {}, True
    for migration in shipped:
        entry = cached.get(str(migration.version)) if isinstance(cached, dict) else None
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == keys[migration.version]:
            digests[migration.version] = str(entry[1])
        else:
            digests[migration.version], fresh = migration.checksum, False
    if folder is not None and not fresh:
        _save_digests(folder, {str(v): [keys[v], d] for v, d in digests.items()})
    return digests


def _save_digests(folder: Path, data: dict[str, list[str]]) -> None:
    """Write the cache atomically (0600, like every file in a journal's folder); failing to
    write it only costs the next open a hash."""
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        write_private(folder / _DIGESTS_FILE, json.dumps(data).encode("utf-8"))
    except OSError:
        pass


def migrate(conn: sqlite3.Connection, db_path: Path, now_iso: str, cache_folder: Path | None = None) -> int:
    """Bring the journal to the latest schema. Returns how many migrations were applied.
    `cache_folder`: where to keep the shipped files' digests for the next open."""
    pending = check(conn, db_path)
    if not pending:
        return 0
    backup = None
    if applied(conn):
        backup = db_path.with_name(f"{db_path.name}.before-schema-{pending[0].version:03d}.bak")
        _back_up(conn, db_path, backup)
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
    if cache_folder is not None:  # digested above: the next open reads them instead
        _digests(available(), cache_folder)
    return len(pending)


def _back_up(conn: sqlite3.Connection, db_path: Path, backup: Path) -> None:
    """`VACUUM INTO` a file of this process's own, renamed over `backup`: processes that
    open a journal together may all decide to back it up, and two `VACUUM INTO` the same
    file fail with a disk I/O error (each copy is a whole journal; the last rename wins)."""
    import os

    part = backup.with_name(f".{backup.name}.{os.getpid()}.part")
    part.unlink(missing_ok=True)
    create_private(part)  # a copy of the journal: 0600, not the umask's mode
    try:
        conn.execute("VACUUM INTO ?", (str(part),))
        os.replace(part, backup)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


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

"""Opening the journal database and running transactions safely.

Every connection gets the same pragmas (DESIGN §3): WAL so readers never block the writer,
`synchronous=FULL` so a COMMIT the user was told about survives power loss, foreign keys,
a busy timeout so concurrent writers queue instead of failing, and `secure_delete` so
deleted text is overwritten rather than left in free pages. Writes go through
`transaction()`, which issues `BEGIN IMMEDIATE`: the write lock is taken up front, so two
writers never deadlock upgrading a read lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mirror.errors import InvalidInput, StorageError

BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 32_768  # page cache ceiling per connection; bulk FTS writes need room to merge


def connect(path: Path, *, readonly: bool = False, wal: bool = True) -> sqlite3.Connection:
    """Open `path` with Mirror's pragmas. Autocommit mode: transactions are explicit.

    `wal=False` leaves the journal mode alone: switching to WAL rewrites the file header, so
    a file must be known to be a Mirror journal (or new) before `enable_wal` is called."""
    try:
        if readonly:
            conn = sqlite3.connect(
                f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
            )
        else:
            conn = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                check_same_thread=False,
            )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if wal and not readonly:
            enable_wal(conn, path)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    return conn


def enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StorageError(f"cannot enable write-ahead logging on {path} (got {mode})")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """`BEGIN IMMEDIATE` … `COMMIT`, rolled back on any exception, errors translated."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        yield conn
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise translate(exc) from exc
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc) from exc


def translate(exc: sqlite3.Error, path: Path | None = None) -> Exception:
    """Turn a raw sqlite3 error into the Mirror error a user can act on."""
    message = str(exc)
    lowered = message.lower()
    where = f" ({path})" if path else ""
    if isinstance(exc, sqlite3.IntegrityError):
        if "check constraint" in lowered:
            return InvalidInput(f"value outside its allowed range: {message}")
        if "unique" in lowered:
            return InvalidInput(f"already exists: {message}")
        return InvalidInput(f"inconsistent data refused: {message}")
    if "locked" in lowered or "busy" in lowered:
        return StorageError(f"the journal is locked by another Mirror process{where}; try again")
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return StorageError(f"the disk is full{where}; nothing was saved — free space and try again")
    if "readonly" in lowered or "read-only" in lowered:
        return StorageError(f"the journal is read-only{where}; check the folder's permissions")
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return StorageError(f"the journal database is not a valid Mirror database{where}: {message}")
    if "unable to open" in lowered:
        return StorageError(f"cannot open the journal database{where}: check that the folder exists and is writable")
    return StorageError(f"storage error{where}: {message}")

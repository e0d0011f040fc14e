"""Opening the journal database and running transactions safely.

Every connection gets the same pragmas (DESIGN §3): WAL so readers never block the writer,
`synchronous=FULL` so a COMMIT the user was told about survives power loss, foreign keys,
a busy timeout so concurrent writers queue instead of failing, and `secure_delete` so
deleted text is overwritten rather than left in free pages. Writes go through
`transaction()`, which issues `BEGIN IMMEDIATE`: the write lock is taken up front, so two
writers never deadlock upgrading a read lock.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mirror.errors import InvalidInput, StorageError
from mirror.fileio import make_private
from mirror.storage.journalfile import JournalFile

#: The longest text one field may hold (a reflection, a mirrorback): what a bundle accepts
#: on import (`domain`), so what is stored here must never be longer. (Defined here, which
#: every command loads anyway, rather than in `domain`, which costs `typing` at start-up.)
MAX_TEXT_BYTES = 64 * 1024 * 1024

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from mirror.storage.encryption import CipherKey

#: The connection type, for the layers above that pass one along without touching SQL.
Connection = sqlite3.Connection

BUSY_TIMEOUT_MS = 30_000
#: What to do about a damaged journal file.
DAMAGED_HINT = ("salvage it with `mirror doctor --recover` (SQLite's .recover into a new file) "
                "or restore your latest bundle")
CACHE_KIB = 32_768  # page cache ceiling per connection; bulk FTS writes need room to merge


class JournalConnection(JournalFile, sqlite3.Connection):
    """A connection to the live (plain) journal."""


def connect(path: Path, *, readonly: bool = False, wal: bool = True,
            readonly_reason: str | None = None, immutable: bool = False,
            key: CipherKey | None = None) -> sqlite3.Connection:
    """Open `path` with Mirror's pragmas. Autocommit mode: transactions are explicit.

    `wal=False` leaves the journal mode alone: switching to WAL rewrites the file header, so
    a file must be known to be a Mirror journal (or new) before `enable_wal` is called.
    `readonly_reason` is what a write will be refused with; `immutable` (only for a file
    nothing can change, e.g. on a read-only mount) lets SQLite read a WAL journal without
    creating its shared-memory file. `key`: the journal is encrypted (SQLCipher, opt-in)."""
    try:
        if key is not None:
            from mirror.storage import encryption  # the optional extra: encrypted journals only

            conn = encryption.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000, readonly=readonly,
                                      immutable=immutable)
            if readonly:
                conn.readonly_reason = readonly_reason or "the journal was opened read-only"
            else:
                conn.path = path
        elif readonly:
            conn = sqlite3.connect(
                f"{path.as_uri()}?{'immutable=1' if immutable else 'mode=ro'}", uri=True,
                isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                check_same_thread=False, factory=JournalConnection,
            )
            conn.readonly_reason = readonly_reason or "the journal was opened read-only"
        else:
            conn = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                check_same_thread=False, factory=JournalConnection,
            )
            conn.path = path
            # 0600 before SQLite makes the WAL and SHM files, which take the database's mode.
            make_private(path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
        if key is None:
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
    except UnicodeDecodeError:  # SQLite's error text quoted bytes that are not UTF-8
        raise StorageError(f"the journal database is damaged ({path}): "
                           + DAMAGED_HINT) from None
    return conn


def writable(conn: sqlite3.Connection) -> bool:
    """False for a journal opened read-only because it cannot be written."""
    return not getattr(conn, "readonly_reason", None)


def check_before_writing(conn: sqlite3.Connection) -> None:
    """Refuse the first write of a process into a journal that cannot be written or that
    fails `PRAGMA quick_check`: writing into a damaged file spreads the damage. Reads never
    pay for the check (it reads every page: ~1 s for 100k reflections); a writer pays once."""
    reason = getattr(conn, "readonly_reason", None)
    if reason:
        raise StorageError(f"cannot save: {reason}")
    if not isinstance(conn, JournalFile) or conn.checked:
        return
    if conn.path is not None and _sealed_state(conn.path) == _file_state(conn.path):
        conn.checked = True  # nothing but Mirror has touched the file since it was checked
        return
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    except UnicodeDecodeError:
        result = "unreadable"
    if result != "ok":
        raise StorageError("the journal database is damaged; nothing was written: "
                           + DAMAGED_HINT)
    conn.checked = True


# -- the seal: the quick check is paid when the file changed behind Mirror's back -----------
# A checked journal that a Mirror process closed cleanly gets a seal: the size, time and
# inode of its files at that moment. The next writer finds the files as sealed and skips
# the check (which reads every page: ~1.5 s at 100k reflections, on every `reflect`).
# Anything else that changed the file (a copy, a disk fault, an editor) changes the state,
# and a killed process leaves the old seal, which no longer matches: the check runs.
def _seal_path(path: Path) -> Path:
    return path.with_name(path.name + "-checked")


def _file_state(path: Path) -> str:
    parts = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            st = file.stat()
        except OSError:
            st = None
        if st is None or st.st_size == 0:  # no log, or the empty one an open creates
            parts.append("-")
        else:
            parts.append(f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


def _sealed_state(path: Path) -> str | None:
    try:
        return _seal_path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def seal(conn: sqlite3.Connection) -> None:
    """After closing `conn`: record the checked file's state, so the next writer trusts it.
    Only for a file this process checked (or found sealed); a failure to seal costs the
    next writer one check, nothing else."""
    if not isinstance(conn, JournalFile) or not conn.checked or conn.path is None:
        return
    target = _seal_path(conn.path)
    try:
        part = target.with_name(target.name + ".part")
        part.write_text(_file_state(conn.path) + "\n", encoding="ascii")
        os.replace(part, target)
    except OSError:
        pass


def enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StorageError(f"cannot enable write-ahead logging on {path} (got {mode})")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """`BEGIN IMMEDIATE` … `COMMIT`, rolled back on any exception, errors translated."""
    check_before_writing(conn)
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
        return StorageError(f"the journal is read-only{where}: its file system, file or folder "
                            "cannot be written")
    if "malformed" in lowered or "corrupt" in lowered:
        return StorageError(f"the journal database is damaged ({message}){where}: "
                            + DAMAGED_HINT)
    if "not a database" in lowered:
        return StorageError(f"the journal database is not a valid Mirror database{where}: {message}")
    if "unable to open" in lowered:
        return StorageError(f"cannot open the journal database{where}: {_why_unopenable(path)}")
    if "disk i/o error" in lowered:
        return StorageError(f"a disk read or write failed{where} (disk full, file size limit "
                            "or failing disk)")
    return StorageError(f"storage error{where}: {message}")


def _why_unopenable(path: Path | None) -> str:
    """The first thing that stands in the way, found by asking the file system."""
    if path is None:
        return "check that its folder exists and can be read and written"
    folder = path.parent
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if not os.access(folder, os.R_OK | os.X_OK):
        return f"Mirror cannot read the folder {folder}"
    if path.exists() and not os.access(path, os.R_OK):
        return f"Mirror cannot read {path.name}"
    if not path.exists() and not os.access(folder, os.W_OK):
        return f"Mirror cannot create files in {folder}"
    return "check the permissions of the file and its folder"

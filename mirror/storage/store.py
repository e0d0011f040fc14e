"""Mirror OS: one open journal database, migrated, with its stores.

Opening a journal is the same path for a new and an old database (as the migration docs
say): connect with the safety pragmas, refuse what is not ours or is newer than us, back up
and migrate, make sure the default identity exists.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from mirror.clock import Clock, utc_iso
from mirror.errors import StorageError
from mirror.storage import audit, migrations
from mirror.storage.db import DAMAGED_HINT, connect, enable_wal, seal, transaction, translate
from mirror.storage.journalfile import is_encrypted
from mirror.storage.reflections import ReflectionStore
from mirror.storage.threads import ThreadStore

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from mirror.models.status import JournalStats
    from mirror.storage.audit_report import AuditReport
    from mirror.storage.derived import DerivedStore
    from mirror.storage.egress import EgressStore
    from mirror.storage.encryption import CipherKey, Keys

#: How long an empty mirror.db may be another process's journal being created.
EMPTY_GRACE_SECONDS = 60


class Store:
    def __init__(self, path: Path, clock: Clock | None = None, *, keys: Keys | None = None,
                 ask_passphrase: Callable[[], str] | None = None,
                 create_key: CipherKey | None = None) -> None:
        """`keys`: where the passphrase of an encrypted journal comes from (by default the
        environment, the session's kept key, then `ask_passphrase`); `create_key`: create a
        new journal encrypted with this key (ignored for an existing one)."""
        self.path = path
        self.clock = clock or Clock()
        _check_openable(path)
        #: The key of an encrypted journal (SQLCipher), or None for a plain one.
        self.cipher_key = _cipher_key(path, keys, ask_passphrase, create_key)
        #: Why this journal cannot be written (a read-only mount, a snapshot, permissions),
        #: or None. A journal that cannot be written is still opened, read-only, so it can
        #: be listed, searched and exported; each write says why it cannot be saved.
        self.readonly_reason = _unwritable(path)
        if self.readonly_reason is None:
            self.conn = connect(path, wal=False, key=self.cipher_key)
        else:
            self.conn = connect(path, readonly=True, readonly_reason=self.readonly_reason,
                                immutable=_nothing_can_write(path), key=self.cipher_key)
        if self.cipher_key is not None:
            from mirror.storage.encryption import opened_with  # encrypted journals only

            opened_with(path, self.cipher_key)
        try:
            # Refuse a foreign, corrupt or newer file before anything writes to it (even
            # switching to WAL rewrites the header).
            self._check_header()
            cache = None if self.readonly_reason else path.parent / "cache"
            pending = migrations.check(self.conn, path, cache)
            if self.readonly_reason is None:
                enable_wal(self.conn, path)
                if pending:  # migrate() checks again, inside the write lock
                    migrations.migrate(self.conn, path, utc_iso(self.clock.now()), cache)
            elif pending:
                raise StorageError(f"this journal needs an upgrade Mirror cannot write: "
                                   f"{self.readonly_reason}")
            self.identity_id = self._default_identity()
        except sqlite3.Error as exc:
            self.conn.close()
            raise translate(exc, path) from exc
        except UnicodeDecodeError:  # SQLite's error text quoted bytes that are not UTF-8
            self.conn.close()
            raise StorageError(f"the journal database is damaged ({path}): "
                               + DAMAGED_HINT) from None
        except BaseException:
            self.conn.close()
            raise
        self.reflections = ReflectionStore(self.conn, self.clock, self.identity_id)
        self.threads = ThreadStore(self.conn, self.clock)

    # The derived and egress stores (and their records) are built on first use: listing,
    # searching and writing never touch them, and every command pays for what it imports.
    @cached_property
    def derived(self) -> DerivedStore:
        from mirror.storage.derived import DerivedStore  # see above: on first use

        return DerivedStore(self.conn, self.clock)

    @cached_property
    def egress(self) -> EgressStore:
        from mirror.storage.egress import EgressStore  # see above: on first use

        return EgressStore(self.conn, self.clock)

    def _check_header(self) -> None:
        # Reading the schema forces SQLite to parse the file header: a foreign or corrupt
        # file fails here with a clear message instead of deep inside a later statement.
        self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def _default_identity(self) -> str:
        row = self.conn.execute("SELECT id FROM identities WHERE is_default = 1").fetchone()
        if row:
            return row[0]
        if self.readonly_reason is not None:
            return ""  # nothing can be written, so nothing needs an author
        with transaction(self.conn):
            row = self.conn.execute("SELECT id FROM identities WHERE is_default = 1").fetchone()
            if row:
                return row[0]
            identity_id = self.clock.new_id()
            now = utc_iso(self.clock.now())
            self.conn.execute(
                "INSERT INTO identities (id, name, is_default, created_at) VALUES (?, ?, 1, ?)",
                (identity_id, "me", now))
            audit.append(self.conn, now, "create", "identity", identity_id, {})
        return identity_id

    @property
    def encrypted(self) -> bool:
        return self.cipher_key is not None

    @property
    def schema_version(self) -> int:
        return migrations.schema_version(self.conn)

    def stats(self) -> JournalStats:
        from mirror.storage.stats import journal_stats  # `stats` and doctor only

        return journal_stats(self.conn)

    def audit_verify(self) -> AuditReport:
        return audit.verify(self.conn)

    def audit_head(self) -> str:
        return audit.head(self.conn)

    def integrity_check(self) -> str:
        """'ok', or SQLite's first finding (a damaged file can also fail to answer)."""
        try:
            rows = self.conn.execute("PRAGMA integrity_check(3)").fetchall()
        except sqlite3.DatabaseError as exc:
            raise translate(exc, self.path) from exc
        except UnicodeDecodeError:
            return "unreadable"
        return "; ".join(row[0] for row in rows)

    def close(self) -> None:
        try:
            if self.reflections.purge_pending:
                # A reader blocked the post-delete checkpoint; the last close retries it so
                # deleted text does not outlive this process in the write-ahead log.
                self.reflections.checkpoint()
            self.conn.close()
        except sqlite3.Error as exc:  # pragma: no cover - closing rarely fails
            raise StorageError(f"could not close the journal: {exc}") from exc
        seal(self.conn)


def _cipher_key(path: Path, keys: Keys | None, ask: Callable[[], str] | None,
                create_key: CipherKey | None) -> CipherKey | None:
    """The key to open `path` with: an encrypted file's (asked of `keys`), a new file's
    `create_key`, or None for a plain journal (which never imports the encryption code)."""
    if is_encrypted(path):
        from mirror.storage.encryption import INSTALL_HINT, Keys, available  # encrypted journals only

        if not available():  # said before a passphrase is asked for
            raise StorageError(f"{path} is not a valid Mirror database as plain SQLite; if it is an "
                               f"encrypted journal, {INSTALL_HINT}")
        return (keys or Keys(ask=ask)).key_for(path)
    if create_key is not None and (not path.exists() or path.stat().st_size == 0):
        return create_key
    return None


def _check_openable(path: Path) -> None:
    """Problems SQLite would report vaguely ("unable to open"), named precisely."""
    folder = path.parent
    if not os.access(folder, os.R_OK | os.X_OK):
        raise StorageError(f"Mirror cannot read the journal folder {folder}: check its permissions")
    try:
        stat = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError(f"Mirror cannot read {path}: {exc.strerror}") from None
    if stat.st_size == 0 and time.time() - stat.st_mtime > EMPTY_GRACE_SECONDS:
        # SQLite would take an empty file for a new journal. Mirror writes a new journal's
        # schema within milliseconds of creating the file (another process may be doing so
        # right now), so an empty file that old is a truncated journal, not a new one.
        raise StorageError(f"{path} is empty (0 bytes), not a journal: restore it from a "
                           "bundle (mirror import) or move it away to start a new journal")
    if not os.access(path, os.R_OK):
        raise StorageError(f"Mirror cannot read {path}: check its permissions")


def _unwritable(path: Path) -> str | None:
    """Why the journal cannot be written, asked of the file system; None if it can."""
    if _read_only_mount(path.parent):
        return "the journal is on a read-only file system"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path.name} cannot be written (its permissions or an immutable flag)"
    if not os.access(path.parent, os.W_OK):
        return f"the journal folder {path.parent} cannot be written"
    return None


def _nothing_can_write(path: Path) -> bool:
    """True when no process can change the file (a read-only mount, or a folder nobody
    may create the journal's lock files in): SQLite may then read it as immutable."""
    return _read_only_mount(path.parent) or not os.access(path.parent, os.W_OK)


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): rely on access checks
        return False

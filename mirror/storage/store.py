"""Mirror OS: one open journal database, migrated, with its stores.

Opening a journal is the same path for a new and an old database (as the migration docs
say): connect with the safety pragmas, refuse what is not ours or is newer than us, back up
and migrate, make sure the default identity exists.
"""

from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mirror.clock import Clock, utc_iso
from mirror.errors import StorageError
from mirror.storage import audit, migrations
from mirror.storage.db import connect, enable_wal, transaction, translate
from mirror.storage.reflections import ReflectionStore
from mirror.storage.threads import ThreadStore

if TYPE_CHECKING:
    from mirror.models.status import JournalStats
    from mirror.storage.derived import DerivedStore
    from mirror.storage.egress import EgressStore


class Store:
    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = path
        self.clock = clock or Clock()
        self.conn = connect(path, wal=False)
        try:
            # Refuse a foreign, corrupt or newer file before anything writes to it (even
            # switching to WAL rewrites the header).
            self._check_header()
            migrations.check(self.conn, path)
            enable_wal(self.conn, path)
            migrations.migrate(self.conn, path, utc_iso(self.clock.now()))
            self.identity_id = self._default_identity()
        except sqlite3.Error as exc:
            self.conn.close()
            raise translate(exc, path) from exc
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
    def schema_version(self) -> int:
        return migrations.schema_version(self.conn)

    def stats(self) -> JournalStats:
        from mirror.storage.stats import journal_stats  # `stats` and doctor only

        return journal_stats(self.conn)

    def audit_verify(self) -> audit.AuditReport:
        return audit.verify(self.conn)

    def audit_head(self) -> str:
        return audit.head(self.conn)

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    def close(self) -> None:
        try:
            if self.reflections.purge_pending:
                # A reader blocked the post-delete checkpoint; the last close retries it so
                # deleted text does not outlive this process in the write-ahead log.
                self.reflections.checkpoint()
            self.conn.close()
        except sqlite3.Error as exc:  # pragma: no cover - closing rarely fails
            raise StorageError(f"could not close the journal: {exc}") from exc

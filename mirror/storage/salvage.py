"""Salvaging a damaged journal file into a new one (`mirror doctor --recover`).

The damaged file is never written: its bytes (and its write-ahead log) are copied into a
work folder beside it, and everything is done on the copy. Rows are read out of the copy,
stepping over damaged pages (Mirror's own salvage: the `sqlite3` tool's `.recover` is not in
every build — Debian's 3.40 fails on a damaged WAL journal — so one tested way is used
everywhere), and inserted, table by table, into a fresh journal built
by Mirror's migrations, so the new file has exactly Mirror's schema, indexes and full-text
index, and every row passes the same CHECK constraints, domain triggers and foreign keys a
new row would. Only after the new file opens as a journal and passes `PRAGMA
integrity_check` does it take `mirror.db`'s place; the damaged files are kept beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from mirror.clock import Clock, utc_iso
from mirror.errors import InvalidInput, NotFound, StorageError
from mirror.fileio import copy_private
from mirror.storage import audit, migrations
from mirror.storage.db import transaction, translate
from mirror.storage.stats import MAINTAINED_TABLES
from mirror.storage.store import Store

#: Files SQLite keeps beside a journal; a damaged journal keeps them with it.
SIDE_FILES = ("-wal", "-shm")
#: How many rowids before a damaged stretch's end are looked up one by one.
POINT_LOOKUPS = 4096


@dataclass(frozen=True, slots=True)
class Recovery:
    """What a recovery did: where the damaged files are kept, how it read them, and how
    many reflections came back (of how many the damaged file said it held, if it could)."""

    kept_as: str
    method: str
    reflections: int
    damaged_reflections: int | None
    rows: int
    rows_skipped: int

    def to_json(self) -> dict[str, Any]:
        return {"kept_as": self.kept_as, "method": self.method, "reflections": self.reflections,
                "damaged_reflections": self.damaged_reflections, "rows": self.rows,
                "rows_skipped": self.rows_skipped}


def recover(db: Path, clock: Clock) -> Recovery:
    """Salvage `db` into a new journal that takes its place; the damaged files are renamed
    `<name>.damaged-<timestamp>` (never deleted). Raises `InvalidInput` for a healthy
    journal and `StorageError` when nothing could be recovered; in both cases every file of
    the journal is left exactly as it was."""
    if not db.exists():
        raise NotFound(f"there is no journal at {db}: nothing to recover")
    stamp = clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    work = db.with_name(f"{db.name}.recovering-{stamp}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(mode=0o700)
    try:
        copy = work / "damaged.db"
        _copy_journal(db, copy)
        if _healthy(copy):
            raise InvalidInput(f"{db} passes SQLite's integrity check: nothing to recover")
        damaged_count = _count_reflections(copy)
        method = "row by row"
        fresh = work / "recovered.db"
        rows, skipped = _rebuild(copy, fresh)
        reflections = _check_new_journal(fresh, clock)
        if reflections == 0 and damaged_count != 0:
            raise StorageError(f"nothing could be recovered from {db}; it was left as it was")
        kept = db.with_name(f"{db.name}.damaged-{stamp}")
        _swap(db, fresh, kept)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Recovery(str(kept), method, reflections, damaged_count, rows, skipped)


# -- reading the damaged copy -------------------------------------------------------------------
def _copy_journal(db: Path, copy: Path) -> None:
    """The journal and its write-ahead log (committed writes may live only there)."""
    try:
        copy_private(db, copy)
        wal = db.with_name(db.name + "-wal")
        if wal.exists():
            copy_private(wal, copy.with_name(copy.name + "-wal"))
    except OSError as exc:
        raise StorageError(f"cannot copy {db} to recover it: {exc.strerror}") from None


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    return conn


def _healthy(copy: Path) -> bool:
    try:
        conn = _open(copy)
        try:
            rows = conn.execute("PRAGMA integrity_check(1)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return [row[0] for row in rows] == ["ok"]


def _count_reflections(copy: Path) -> int | None:
    """How many reflections the damaged file holds, if it can still say (counting may read
    an intact index even when table pages are damaged)."""
    try:
        conn = _open(copy)
        try:
            return int(conn.execute("SELECT count(*) FROM reflections").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _readable_rows(conn: sqlite3.Connection, table: str, columns: list[str],
                   rowid: bool) -> Iterator[tuple[Any, ...]]:
    """Every row of `table` that can still be read. A rowid table is walked in rowid
    order, so damage costs only the rows it touched: an unreadable row is stepped over, and
    a damaged page the walk cannot seek through is passed by searching for the first rowid
    from which a seek works again. A table without rowid is read until the damage."""
    cols = ", ".join(f'"{c}"' for c in columns)
    if not rowid:
        try:
            yield from conn.execute(f'SELECT {cols} FROM "{table}"')
        except sqlite3.Error:
            return
        return
    try:
        top = conn.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except sqlite3.Error:
        top = None
    after = -(2 ** 63)
    while True:  # `after` grows on every turn: the walk ends
        failed = False
        try:
            for row in conn.execute(
                    f'SELECT rowid, {cols} FROM "{table}" WHERE rowid > ? ORDER BY rowid', (after,)):
                if row[0] <= after:  # a scrambled page hands back rowids out of order
                    failed = True
                    break
                after = row[0]
                yield tuple(row[1:])
        except sqlite3.Error:
            failed = True
        if not failed:
            return
        following = _seek(conn, table, after)
        if isinstance(following, int) and following <= after:  # out of order: damaged too
            following = _DAMAGED
        if following is None:  # no row after it: done
            return
        if following is not _DAMAGED:  # read the next row alone, or step over it
            after = int(following)  # type: ignore[call-overload]
            try:
                row = conn.execute(f'SELECT {cols} FROM "{table}" WHERE rowid = ?', (after,)).fetchone()
            except sqlite3.Error:
                continue
            if row is not None:
                yield tuple(row)
            continue
        if not isinstance(top, int) or top - 1 <= after:
            return
        found = _first_seekable(conn, table, after, top - 1)
        if found is None:
            return
        # Rows up to `found` may sit on intact pages that a point lookup still reaches.
        for point in range(max(after + 1, found - POINT_LOOKUPS), found + 1):
            try:
                row = conn.execute(f'SELECT {cols} FROM "{table}" WHERE rowid = ?', (point,)).fetchone()
            except sqlite3.Error:
                continue
            if row is not None:
                yield tuple(row)
        after = found


_DAMAGED = object()


def _seek(conn: sqlite3.Connection, table: str, after: int) -> object:
    """The first rowid after `after`, None at the end, `_DAMAGED` if the seek fails."""
    try:
        row = conn.execute(f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1',
                           (after,)).fetchone()
    except sqlite3.Error:
        return _DAMAGED
    return None if row is None else row[0]


def _first_seekable(conn: sqlite3.Connection, table: str, low: int, high: int) -> int | None:
    """The smallest point in (low, high] from which a seek works again (a seek from `low`
    fails), by bisection: a damaged page spans one run of rowids."""
    if _seek(conn, table, high) is _DAMAGED:
        return None
    while high - low > 1:
        middle = (low + high) // 2
        if _seek(conn, table, middle) is _DAMAGED:
            low = middle
        else:
            high = middle
    return high


# -- writing the new journal ---------------------------------------------------------------------
def _schema_version(source: sqlite3.Connection) -> int:
    try:
        row = source.execute("SELECT max(version) FROM schema_migrations").fetchone()
    except sqlite3.Error:
        row = None
    latest = migrations.latest_version()
    if not row or not isinstance(row[0], int) or not 1 <= row[0] <= latest:
        return latest
    return int(row[0])


def _create_schema(conn: sqlite3.Connection, version: int) -> None:
    """Mirror's migrations 1..version, recorded as applied (the store migrates the rest)."""
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(migrations._LEDGER)  # noqa: SLF001 - the same ledger migrate() writes
    for migration in migrations.available()[:version]:
        for statement in migrations._statements(migration.sql):  # noqa: SLF001
            conn.execute(statement, {"applied_at": "1970-01-01T00:00:00Z"})
        conn.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at, app_version)"
                     " VALUES (?, ?, ?, ?, ?)",
                     (migration.version, migration.name, migration.checksum,
                      "1970-01-01T00:00:00Z", "recovered"))
    conn.execute("COMMIT")


def _tables(conn: sqlite3.Connection) -> list[tuple[str, bool]]:
    """Mirror's tables in the order the migrations create them (parents before children),
    each with whether it has a rowid; the full-text index and the maintained counts are
    rebuilt by their triggers (copying counts would count lost rows)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
    return [(name, "WITHOUT ROWID" not in (sql or "").upper()) for name, sql in rows
            if not name.startswith(("sqlite_", "reflections_fts")) and name != "schema_migrations"
            and not (sql or "").upper().startswith("CREATE VIRTUAL")
            and name not in MAINTAINED_TABLES]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.Error:
        return []


def _rebuild(source_path: Path, fresh: Path) -> tuple[int, int]:
    """Copy every readable row Mirror knows into a fresh journal. Returns (rows copied,
    rows refused by the schema: damaged values, or children whose parent was lost)."""
    source = _open(source_path)
    target = _open(fresh)
    copied = skipped = 0
    try:
        target.execute("PRAGMA foreign_keys = ON")
        _create_schema(target, _schema_version(source))
        target.execute("BEGIN IMMEDIATE")
        for table, rowid in _tables(target):
            have = set(_columns(source, table))
            columns = [c for c in _columns(target, table) if c in have]
            if not columns:
                continue
            # Rows a migration seeded (the engine profile in force, say) give way to the
            # journal's own: the salvaged value is the one the person had.
            seeded = target.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None
            verb = "INSERT OR REPLACE" if seeded else "INSERT"
            insert = (f'{verb} INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
                      f'VALUES ({", ".join("?" for _ in columns)})')
            for row in _readable_rows(source, table, columns, rowid):
                try:
                    target.execute(insert, row)
                    copied += 1
                except sqlite3.Error:  # a CHECK, domain trigger, UNIQUE or foreign key said no
                    skipped += 1
        target.execute("COMMIT")
    except sqlite3.Error as exc:
        raise translate(exc, fresh) from exc
    finally:
        source.close()
        target.close()
    return copied, skipped


def _check_new_journal(fresh: Path, clock: Clock) -> int:
    """Open the new file the way Mirror opens a journal (migrations, WAL, identity), check
    every page, and count its reflections."""
    store = Store(fresh, clock)
    try:
        result = store.integrity_check()
        if result != "ok":
            raise StorageError(f"the recovered journal fails SQLite's integrity check ({result})")
        reflections = int(store.conn.execute("SELECT count(*) FROM reflections").fetchone()[0])
        with transaction(store.conn):  # the chain records that this journal was salvaged
            audit.append(store.conn, utc_iso(clock.now()), "recover", "journal", None,
                         {"reflections": reflections})
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return reflections


def _swap(db: Path, fresh: Path, kept: Path) -> None:
    """Keep the damaged files under `kept`, then put the new journal in `db`'s place."""
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *SIDE_FILES):
            old = db.with_name(db.name + suffix)
            if old.exists():
                os.replace(old, kept.with_name(kept.name + suffix))
                moved.append((old, kept.with_name(kept.name + suffix)))
        db.with_name(db.name + "-checked").unlink(missing_ok=True)  # the seal of the old file
        os.replace(fresh, db)
        wal = fresh.with_name(fresh.name + "-wal")
        if wal.exists():
            os.replace(wal, db.with_name(db.name + "-wal"))
    except OSError as exc:
        for old, new in reversed(moved):  # put the damaged journal back as it was
            try:
                os.replace(new, old)
            except OSError:
                pass
        raise StorageError(f"cannot put the recovered journal in place: {exc.strerror}") from None

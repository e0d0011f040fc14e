"""Opening a SQLite file that came from outside (a bundle's mirror.db) as hostile input.

A SQLite file is not data, it is a program: its schema can hold triggers that run on every
write, views and virtual tables that run on every read, CHECK and DEFAULT expressions,
and pages crafted to make the library spend unbounded time or memory. So a foreign
database is only ever:

- opened read-only and `immutable` through a URI (no journal, no locks, no WAL replay),
  with `trusted_schema=OFF`, `cell_size_check=ON`, no memory mapping and tight limits;
- run under a progress handler that interrupts any statement past a time budget;
- compared, object by object (type, name, table, SQL text), against the schema Mirror's
  own migrations produce for the schema version it claims — one extra trigger, view,
  table, index or column, or one changed character, refuses it (bundles from format 2 on
  carry no full-text index: its table, shadow tables and triggers must then be absent);
- refused when its migrations ledger is from a newer Mirror, or lists a migration whose
  checksum differs from the one this Mirror ships;
- checked with `PRAGMA integrity_check` and `foreign_key_check`, and every value the
  merge reads checked against its domain (`storage.domain`: real dates, zones, UUIDs,
  UTF-8, sizes, enums).

Only after all of that is a *private copy* of it migrated (if older) and read by the
importer. The foreign file is never adopted as a live database.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from mirror.errors import BundleRefused
from mirror.storage import domain, migrations
from mirror.storage.migrations import reference_schema

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Wall-clock budget for opening and checking one foreign database (integrity_check reads
#: every page: ~2 s for a 100k-reflection journal here; 10 minutes means "hostile").
FOREIGN_TIME_LIMIT_SECONDS = 600.0
#: The longest string or blob a foreign row may hold (a reflection is far below this).
MAX_VALUE_BYTES = 64 * 1024 * 1024
_PROGRESS_EVERY = 10_000  # SQLite VM instructions between deadline checks

#: Tables that describe this device, not the person's journal: they are emptied in every
#: snapshot before it is bundled and never read from a bundle.
DEVICE_TABLES = ("trusted_keys", "bundle_imports", "sync_state", "sync_devices", "sync_ledger",
                 "sync_versions", "sync_dirty")
#: Derived or cached rows that never enter a bundle (re-derived after an import).
NOT_EXPORTED = ("care_markers", "care_readings", "care_dismissals", "response_cache")


#: The full-text index: its FTS5 table, shadow tables and triggers all carry this prefix.
#: It is derived from the reflections (external content), so bundles leave it out (a fifth
#: of a snapshot) and the importing journal indexes what it merges.
FTS_PREFIX = "reflections_fts"

Schema = frozenset[tuple[str, str, str, str | None]]


def without_fts(schema: Schema) -> Schema:
    """`schema` less every object of the full-text index."""
    return frozenset(obj for obj in schema if not obj[1].startswith(FTS_PREFIX))


def drop_fts(conn: sqlite3.Connection) -> None:
    """Remove the full-text index (table, shadow tables, triggers) from a snapshot copy;
    the caller VACUUMs afterwards so its pages are gone too."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                " AND substr(name, 1, ?) = ?",
                                (len(FTS_PREFIX), FTS_PREFIX)).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                " AND substr(name, 1, ?) = ? ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC",
                                (len(FTS_PREFIX), FTS_PREFIX)).fetchall():
        # the word and trigram indexes (their shadow tables go with them), then the word
        # index's vocabulary (migration 014)
        conn.execute(f'DROP TABLE IF EXISTS "{name}"')


def restore_fts(conn: sqlite3.Connection, version: int) -> None:
    """Put the full-text index of schema `version` back into a checked private copy (exact
    SQL from Mirror's own migrations) and rebuild it from the reflections, so migrations
    that touch reflections find the schema they were written for."""
    objects = [obj for obj in reference_schema(version) if obj[1].startswith(FTS_PREFIX)]
    tables = sorted(o for o in objects if o[0] == "table")
    for _kind, _name, _tbl, sql in tables:
        if sql and sql.upper().startswith("CREATE VIRTUAL"):  # the word and trigram indexes
            conn.execute(sql)
    # Plain tables the virtual ones did not create as their shadow tables: the vocabulary
    # of migration 014, created empty (nothing read yet: the next `--contains` reads it).
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    for _kind, name, _tbl, sql in tables:
        if sql and name not in present:
            conn.execute(sql)
    for _kind, _name, _tbl, sql in sorted(o for o in objects if o[0] == "trigger"):
        if sql:
            conn.execute(sql)
    for _kind, name, _tbl, sql in objects:
        if (sql or "").upper().startswith("CREATE VIRTUAL"):  # the word and trigram indexes
            conn.execute(f"INSERT INTO \"{name}\"(\"{name}\") VALUES ('rebuild')")


def counted_tables(schema: frozenset[tuple[str, str, str, str | None]]) -> list[str]:
    """The tables whose row counts a manifest lists: every real table of the schema except
    the full-text index's shadow tables (they are rebuilt, not data)."""
    return sorted(name for kind, name, _tbl, sql in schema
                  if kind == "table" and not name.startswith("sqlite_")
                  and not name.startswith(FTS_PREFIX)
                  and not (sql or "").upper().startswith("CREATE VIRTUAL"))


def row_counts(conn: sqlite3.Connection, schema_name: str = "main") -> dict[str, int]:
    schema = frozenset(tuple(r) for r in conn.execute(
        f"SELECT type, name, tbl_name, sql FROM {schema_name}.sqlite_master"))
    return {table: conn.execute(f'SELECT count(*) FROM {schema_name}."{table}"').fetchone()[0]
            for table in counted_tables(schema)}


@dataclass(frozen=True)
class ForeignReport:
    schema_version: int
    counts: dict[str, int]
    size: int


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.hit = False

    def __call__(self) -> int:
        if time.monotonic() > self.end:
            self.hit = True
            return 1  # non-zero interrupts the running statement
        return 0


def open_readonly(path: Path, deadline: _Deadline) -> sqlite3.Connection:
    """The hardened read-only connection (see the module docstring)."""
    uri = "file:" + urllib.parse.quote(str(Path(path).resolve())) + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        for pragma in ("trusted_schema = OFF", "cell_size_check = ON", "mmap_size = 0",
                       "query_only = ON", "cache_size = -16384"):
            conn.execute(f"PRAGMA {pragma}")
        if hasattr(conn, "setlimit"):
            conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
            conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
            conn.setlimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 200)
        conn.set_progress_handler(deadline, _PROGRESS_EVERY)
    except BaseException:
        conn.close()
        raise
    return conn


def database_head_problem(head: bytes, size: int) -> str:
    """Why a file starting with `head` (its first 100 bytes) and `size` bytes long cannot be
    a SQLite database, or "". The header states the page size and, when its "valid for"
    counter matches, the page count: a member that declares more bytes than its own header
    accounts for (a bomb dressed as a database) is refused after its first chunk."""
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return "not a SQLite database"
    page_size = int.from_bytes(head[16:18], "big")
    if page_size == 1:
        page_size = 65536
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        return f"damaged SQLite file (page size {page_size}, {size} bytes)"
    pages = int.from_bytes(head[28:32], "big")
    if pages and head[92:96] == head[24:28] and pages * page_size != size:
        return (f"damaged SQLite file (its header accounts for {pages * page_size} bytes, "
                f"the file has {size})")
    return ""


def check_foreign_database(path: Path, label: str, *, claimed_version: int | None = None,
                           with_fts: bool = True,
                           time_limit: float = FOREIGN_TIME_LIMIT_SECONDS) -> ForeignReport:
    """Every check on a bundled database, without changing it; `BundleRefused` with one
    line naming the first problem otherwise. `with_fts`: whether the full-text index must
    be there (bundle format 1) or must not (format 2 on)."""
    path = Path(path)
    size = path.stat().st_size
    with open(path, "rb") as handle:
        header = handle.read(100)
    problem = database_head_problem(header, size)
    if problem:
        raise BundleRefused(f"{label}: {problem}")
    deadline = _Deadline(time_limit)
    conn = None
    try:
        conn = open_readonly(path, deadline)
        found = frozenset(tuple(row) for row in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"))
        version = _schema_version(conn, found, label, migrations)
        if claimed_version is not None and claimed_version != version:
            raise BundleRefused(f"{label}: the manifest says schema version {claimed_version}, "
                                f"the database is at version {version}")
        expected = reference_schema(version)
        if not with_fts:
            expected = without_fts(expected)
        if found != expected:
            raise BundleRefused(f"{label}: the database holds {_difference(found, expected)}, "
                                f"outside Mirror's schema version {version} (refused as "
                                "hostile)")
        result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        if result != "ok":
            raise BundleRefused(f"{label}: the database is damaged ({result})")
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BundleRefused(f"{label}: the database has rows pointing at missing rows")
        counts = row_counts(conn)
        _check_text(conn, label, counts)
        try:
            domain.check_rows(conn)
        except BundleRefused as exc:
            raise BundleRefused(f"{label}: {exc}") from None
        conn.close()
        conn = None
        try:
            _check_constraints(path, deadline)
        except BundleRefused as exc:
            raise BundleRefused(f"{label}: {exc}") from None
    except UnicodeDecodeError:  # SQLite's own error text quoted bytes that are not UTF-8
        raise BundleRefused(f"{label}: the database is damaged or not a Mirror database "
                            "(SQLite described the problem in text that is not UTF-8)") from None
    except sqlite3.Error as exc:
        if deadline.hit:
            raise BundleRefused(f"{label}: checking the database took longer than "
                                f"{time_limit:.0f} s (hostile or damaged)") from None
        raise BundleRefused(f"{label}: the database is damaged or not a Mirror database "
                            f"({exc})") from None
    finally:
        if conn is not None:
            conn.close()
    return ForeignReport(version, counts, size)


def _check_text(conn: sqlite3.Connection, label: str, tables: dict[str, int]) -> None:
    """Every text value must be valid UTF-8: SQLite stores whatever bytes it is given, and
    one bad value merged into the live journal would make every later read of it fail.
    The refusal names the table, never the bytes."""
    for table in tables:
        try:
            for _row in conn.execute(f'SELECT * FROM "{table}"'):
                pass
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc).lower():
                raise
            raise BundleRefused(f"{label}: table '{table}' holds text that is not valid UTF-8 "
                                "(refused)") from None


def _check_constraints(path: Path, deadline: _Deadline) -> None:
    """CHECK and NOT NULL constraints of every row. SQLite's integrity_check skips CHECK
    constraints on a read-only connection, and `trusted_schema=OFF` forbids the
    json_valid() our constraints use; so, once the schema is known to be exactly Mirror's
    (as trusted as the live journal's), the *private extracted copy* is opened normally
    for this one read-only pragma."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA mmap_size = 0")
        conn.set_progress_handler(deadline, _PROGRESS_EVERY)
        result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        raise BundleRefused(f"rows break the journal's rules ({result})")


def _schema_version(conn: sqlite3.Connection, found, label: str, migrations) -> int:
    """The version from the database's own migrations ledger, which must be a prefix of
    this Mirror's migrations with the same checksums."""
    if not any(kind == "table" and name == "schema_migrations" for kind, name, _t, _s in found):
        raise BundleRefused(f"{label}: not a Mirror database (no migrations ledger)")
    rows = conn.execute("SELECT version, name, checksum FROM schema_migrations"
                        " ORDER BY version").fetchall()
    shipped = migrations.available()
    versions = [row[0] for row in rows]
    if not rows or versions != list(range(1, len(rows) + 1)):
        raise BundleRefused(f"{label}: the database's migrations ledger is not 1..N "
                            f"({versions[:10]})")
    if versions[-1] > len(shipped):
        raise BundleRefused(f"{label}: the database is from a newer Mirror (schema version "
                            f"{versions[-1]}; this Mirror knows {len(shipped)}): upgrade Mirror")
    for (version, name, checksum), mine in zip(rows, shipped):
        if (name, checksum) != (mine.name, mine.checksum):
            raise BundleRefused(f"{label}: the database's migration {version:03d} is not the "
                                "one this Mirror ships (altered schema)")
    return versions[-1]


def _difference(found, expected) -> str:
    extra = sorted(found - expected, key=lambda o: (str(o[0]), str(o[1])))
    if extra:
        kind, name = extra[0][0], extra[0][1]
        if any(e[0] == kind and e[1] == name for e in expected):
            return f"a changed {kind} {name!r}"
        return f"an extra {kind} {name!r}"
    missing = sorted(expected - found, key=lambda o: (str(o[0]), str(o[1])))
    return f"no {missing[0][0]} {missing[0][1]!r}"


def stage_for_import(path: Path, label: str, now_iso: str, *, with_fts: bool = True) -> int:
    """Bring a *private copy* of a checked foreign database to this Mirror's schema
    version (older bundles), then check the result against the newest allow-list.
    A copy without its full-text index (`with_fts` False) gets it back first, rebuilt,
    so every migration runs on the schema it was written for. Returns the version it was
    migrated from."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # The schema was just compared, object by object, with Mirror's own: it is now as
        # trusted as the live journal's (whose CHECK constraints need json_valid()).
        conn.execute("PRAGMA foreign_keys = ON")
        before = migrations.schema_version(conn)
        if not with_fts:
            restore_fts(conn, before)
        if before < migrations.latest_version():
            migrations.migrate(conn, path, now_iso)
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        raise BundleRefused(f"{label}: migrating the bundled database failed ({exc})") from None
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        try:
            os.unlink(str(path) + suffix)
        except FileNotFoundError:
            pass
    check_foreign_database(path, label, claimed_version=migrations.latest_version())
    return before

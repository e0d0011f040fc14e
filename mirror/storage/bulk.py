"""The bulk write path: many new reflections in one transaction, set-based.

Every importer of another tool's journal (jrnl, Day One, Markdown, Mirror's JSON export)
writes through here, chunk by chunk as its reader streams the source: a chunk is staged in
a temporary table with one `executemany`, the reflections not already here (by ID, or
deleted: tombstones win) go in with one `INSERT … SELECT` (the full-text triggers index
them), their tags with two set-based statements, and their audit entries — a hash chain,
so computed here in order — with one `executemany`. The bundle merge (`storage.merge`)
is set-based in the same way, on a whole attached database instead of a staged chunk, and
writes its audit entries through `audit_rows` too.

The caller owns the transaction: a chunk is never committed on its own, so an import
killed at any point leaves the journal as it was, and one applied leaves all of it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mirror.errors import InvalidInput
from mirror.storage import audit
from mirror.storage import tags as tagstore
from mirror.storage.reflections import NewReflection, validate_text

#: An ID already in the one spelling `str(uuid.UUID(...))` gives (what every importer derives):
#: taken as it is, without building a UUID object for each of 100k rows.
_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

#: (reflection ID, text, created_at) of each reflection a chunk added: what analysing it needs.
Added = tuple[str, str, str]
#: A care reading kept for a reflection by the detector in use now: (text digest, finding
#: JSON or None). See `mirror.engine.care.readings`.
Kept = tuple[str, "str | None"]
#: What re-deriving a stored reflection reads: its `Added` fields and its kept reading.
Stored = tuple[str, str, str, "Kept | None"]

_STAGE = ("CREATE TEMP TABLE IF NOT EXISTS bulk_stage (pos INTEGER PRIMARY KEY, id TEXT NOT NULL"
          " UNIQUE ON CONFLICT IGNORE, content, content_type, visibility, private, source,"
          " created_at, created_tz, starred, metadata, tags)")
_FIELDS = "content, content_type, visibility, private, source, created_at, created_tz, starred, metadata"


@dataclass
class BulkInserter:
    """Adds chunks of new reflections inside the caller's write transaction (see the
    module docstring). `now` stamps every row and audit entry of the import."""

    conn: sqlite3.Connection
    identity_id: str
    now: str
    audit_tail: tuple[int, str] | None = None
    #: Reflections skipped because they were deleted here (a tombstone): an import must be
    #: able to say "deleted here", not "already here", of an entry the person removed.
    deleted_here: int = 0

    def __post_init__(self) -> None:
        self.conn.execute(_STAGE)
        self.conn.execute("DELETE FROM temp.bulk_stage")

    def add(self, chunk: Sequence[NewReflection]) -> list[Added]:
        """Write the reflections of `chunk` that are new here; returns them in order. A
        reflection whose ID is already here, or was deleted here, or came earlier in the
        same import, is skipped (imports are idempotent)."""
        rows = [_row(pos, new, self.now) for pos, new in enumerate(chunk)]
        conn = self.conn
        conn.executemany(f"INSERT INTO temp.bulk_stage (pos, id, {_FIELDS}, tags)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        fresh = "NOT EXISTS (SELECT 1 FROM main.reflections m WHERE m.id = s.id) AND NOT EXISTS" \
                " (SELECT 1 FROM main.tombstones t WHERE t.id = s.id)"
        added = conn.execute(f"SELECT s.id, s.content, s.created_at, s.source, s.private, s.tags"
                             f" FROM temp.bulk_stage s WHERE {fresh} ORDER BY s.pos").fetchall()
        if added:
            conn.execute(
                f"INSERT INTO main.reflections (id, identity_id, {_FIELDS}, updated_at)"
                f" SELECT s.id, ?, {', '.join('s.' + f for f in _FIELDS.split(', '))}, ?"
                f" FROM temp.bulk_stage s WHERE {fresh} ORDER BY s.pos", (self.identity_id, self.now))
            links = [(row[0], name) for row in added for name in json.loads(row[5])]
            if links:
                _link_tags(conn, links)
            self.audit_tail = audit_rows(conn, self.now, "create", "reflection", (
                (row[0], {"source": row[3], "private": bool(row[4])}) for row in added),
                after=self.audit_tail)
        self.deleted_here += conn.execute(
            "SELECT count(DISTINCT s.id) FROM temp.bulk_stage s WHERE EXISTS"
            " (SELECT 1 FROM main.tombstones t WHERE t.id = s.id)").fetchone()[0]
        conn.execute("DELETE FROM temp.bulk_stage")
        return [(row[0], row[1], row[2]) for row in added]

    def close(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.bulk_stage")


def _row(pos: int, new: NewReflection, now: str) -> tuple:
    validate_text(new.content)
    if new.id is None:
        raise InvalidInput("an imported reflection needs its ID")
    reflection_id = new.id
    if not _CANONICAL_ID.fullmatch(reflection_id):
        try:  # one canonical spelling, so a tombstone cannot be dodged by letter case
            reflection_id = str(uuid.UUID(new.id))
        except ValueError as exc:
            raise InvalidInput(f"not a valid reflection ID: {new.id}") from exc
    names = tagstore.normalise([*tagstore.parse_tags(new.content), *new.tags])
    return (pos, reflection_id, new.content, new.content_type, new.visibility, int(new.private),
            new.source, new.created_at or now, new.created_tz, int(new.starred),
            json.dumps(new.metadata, ensure_ascii=False),
            json.dumps(names, ensure_ascii=False) if names else "[]")


def _link_tags(conn: sqlite3.Connection, links: list[tuple[str, str]]) -> None:
    """Create the tags not known yet (first spelling wins, as `tags.attach` does) and link
    them, set-based."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS bulk_tags (pos INTEGER PRIMARY KEY,"
                 " reflection_id TEXT NOT NULL, name TEXT NOT NULL)")
    conn.execute("DELETE FROM temp.bulk_tags")
    conn.executemany("INSERT INTO temp.bulk_tags (reflection_id, name) VALUES (?, ?)", links)
    conn.execute("INSERT OR IGNORE INTO main.tags (name) SELECT name FROM temp.bulk_tags ORDER BY pos")
    conn.execute("INSERT OR IGNORE INTO main.reflection_tags (reflection_id, tag_id)"
                 " SELECT b.reflection_id, t.id FROM temp.bulk_tags b JOIN main.tags t"
                 " ON t.name = b.name ORDER BY b.pos")
    conn.execute("DELETE FROM temp.bulk_tags")


def audit_rows(conn: sqlite3.Connection, at: str, action: str, entity: str,
               entries: Iterable[tuple[str | None, dict]],
               after: tuple[int, str] | None = None) -> tuple[int, str]:
    """Append one audit entry per (entity ID, details), chained exactly as `audit.append`
    chains them one by one, with one `executemany`. Returns the new tail."""
    if after is None:
        row = conn.execute("SELECT seq, hash FROM main.audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        after = (row[0], row[1]) if row else (0, audit.GENESIS)
    seq, prev = after
    rows = []
    for entity_id, details in entries:
        seq += 1
        details_json = json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        digest = audit.entry_hash(prev, seq, at, action, entity, entity_id, details_json)
        rows.append((seq, at, action, entity, entity_id, details_json, prev, digest))
        prev = digest
    conn.executemany("INSERT INTO main.audit_log (seq, at, action, entity, entity_id, details,"
                     " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return seq, prev


def analysis_rows(conn: sqlite3.Connection, batch: int = 500,
                  detector: str | None = None) -> Iterable[list[Stored]]:
    """(ID, text, created_at, kept reading) of every reflection, newest first as
    `Reflections.list` pages them (by `created_at`, then `seq`), `batch` at a time: what
    re-deriving the whole journal reads. The kept reading is the care detector's, when it
    was read by `detector` (the key of the detector in use), else None. Only these columns:
    building whole reflections (tags, threads, revisions and care tier, one subquery each)
    cost `analyze --all` ~0.1 ms a reflection."""
    select = ("SELECT r.id, r.content, r.created_at, r.seq, k.text_digest, k.finding FROM reflections r"
              " LEFT JOIN care_readings k ON k.reflection_id = r.id AND k.detector = ?")
    rows = conn.execute(select + " ORDER BY r.created_at DESC, r.seq DESC LIMIT ?",
                        (detector, batch)).fetchall()
    while rows:
        yield [(row[0], row[1], row[2], None if row[4] is None else (row[4], row[5])) for row in rows]
        if len(rows) < batch:
            return
        last = rows[-1]
        rows = conn.execute(
            select + " WHERE (r.created_at, r.seq) < (?, ?)"
            " ORDER BY r.created_at DESC, r.seq DESC LIMIT ?", (detector, last[2], last[3], batch)).fetchall()

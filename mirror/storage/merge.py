"""Merging another journal into this one: all the SQL of imports lives here.

Every function runs inside the caller's write transaction (the service opens exactly one
per import, so an import is all-or-nothing) on the live connection, with the bundle's
staged, checked and migrated database ATTACHed as `src`. Rules (bundles/README.md):

- reflections merge by ID; a tombstone on either side wins (a reflection the bundle says
  was deleted is deleted here too; one deleted here is never resurrected);
- when both sides hold a reflection, the newer `updated_at` wins; the other side's text
  (if different) is kept as a revision; `private` is sticky (an import never makes a
  private reflection shareable); a tie keeps the local version;
- revisions, threads (by ID, else by title), thread membership, user-created tensions,
  mirrorbacks and their feedback are added by ID, never changed;
- tags follow the winning version (by name, case-insensitively);
- nothing derived (patterns, tension observations, care markers) is read: the service
  re-derives it from the text; identities, settings, integrations, engine runs, the egress
  ledger, the audit log, constitution versions, trusted keys and import records describe
  the other machine and are not merged.

Applying the same bundle twice changes nothing the second time: every insert is keyed by
ID, and a revision is never added when its text is already the reflection's text or one
of its revisions.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import urllib.parse
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mirror.fileio import create_private
from mirror.models.bundles import ImportRecord
from mirror.storage import audit, domain, migrations
from mirror.storage import tags as tagstore
from mirror.storage.bulk import audit_rows
from mirror.storage.db import transaction, writable
from mirror.storage.foreign import drop_fts, row_counts
from mirror.storage.reflections import CHILD_TABLES, _Bulk

#: Namespace for IDs Mirror derives during imports (revisions made by a merge, and
#: reflections imported from other tools), so that re-importing mints the same IDs.
IMPORT_NAMESPACE = uuid.UUID("6f1d8a52-3c3e-4b8e-9d0f-2a7c5e4b9a11")

_REFLECTION_FIELDS = ("content", "content_type", "visibility", "private", "source",
                      "created_at", "created_tz", "updated_at", "starred", "metadata")


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(IMPORT_NAMESPACE, "\x1f".join(parts)))


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class MergeResult:
    counts: dict[str, int] = field(default_factory=dict)
    #: reflections whose text is new here: their derived data must be recomputed
    to_derive: list[str] = field(default_factory=list)
    deleted: int = 0
    #: mirrorbacks added from the bundle (to be re-checked before they can be shown)
    mirrorbacks: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


def attach(conn: sqlite3.Connection, path: str) -> None:
    """ATTACH the staged bundle database as `src` (outside any transaction)."""
    conn.execute("ATTACH DATABASE ? AS src", (path,))


def detach(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("DETACH DATABASE src")
    except sqlite3.Error:
        pass


def count_deletions(conn: sqlite3.Connection) -> int:
    """How many of this journal's reflections the attached bundle's tombstones would
    delete (read only: asked before the write transaction, so a person can say no)."""
    return conn.execute("SELECT count(*) FROM main.reflections r"
                        " JOIN src.tombstones t ON t.id = r.id").fetchone()[0]


def restore_deleted(conn: sqlite3.Connection, identity_id: str, now: str,
                    new_id: Callable[[], str], details: dict[str, Any]) -> list[str]:
    """Bring back, as new reflections, the attached bundle's reflections that were deleted
    here (`mirror import --restore-deleted`); returns their new IDs. Inside the import's
    transaction, after `merge_attached`.

    The tombstone stays and keeps winning: the copy gets a new ID (its metadata names the
    old one, `restored_from`), so a later import, a sync with a device that saw the delete,
    or another restore from an older bundle never resurrects the old ID, and a reflection
    restored once is not restored twice. Text, date, zone, star, private mark and tags come
    from the bundle; each restore is an audited create naming the ID it came from."""
    rows, done = _deleted_here(conn)
    restored: list[str] = []
    for row in rows:
        old = row[0]
        if old in done:
            continue
        try:
            metadata = json.loads(row[9] or "{}")
        except ValueError:
            metadata = {}
        metadata = {**(metadata if isinstance(metadata, dict) else {}), "restored_from": old}
        fresh = new_id()
        conn.execute(
            "INSERT INTO main.reflections (id, identity_id, content, content_type, visibility,"
            " private, source, created_at, created_tz, updated_at, starred, metadata)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (fresh, identity_id, row[1], row[2], row[3], row[4], row[5], row[6], row[7], now,
             row[8], json.dumps(metadata, ensure_ascii=False)))
        names = [r[0] for r in conn.execute(
            "SELECT st.name FROM src.reflection_tags rt JOIN src.tags st ON st.id = rt.tag_id"
            " WHERE rt.reflection_id = ? ORDER BY st.name", (old,))]
        tagstore.attach(conn, fresh, tagstore.normalise(names))
        audit.append(conn, now, "create", "reflection", fresh,
                     {**details, "by": "restore deleted", "restored_from": old,
                      "source": row[5], "private": bool(row[4])})
        done.add(old)
        restored.append(fresh)
    return restored


def restored_earlier(conn: sqlite3.Connection) -> int:
    """How many of the attached bundle's reflections deleted here were brought back by an
    earlier `--restore-deleted` (an import must not offer to restore them again)."""
    rows, done = _deleted_here(conn)
    return sum(1 for row in rows if row[0] in done)


def _deleted_here(conn: sqlite3.Connection) -> tuple[list[sqlite3.Row], set[str]]:
    """(the attached bundle's reflections deleted here, the old IDs already restored)."""
    rows = conn.execute(
        "SELECT s.id, s.content, s.content_type, s.visibility, s.private, s.source, s.created_at,"
        " s.created_tz, s.starred, s.metadata FROM src.reflections s"
        " WHERE EXISTS (SELECT 1 FROM main.tombstones t WHERE t.id = s.id) ORDER BY s.seq").fetchall()
    if not rows:
        return [], set()
    done = {row[0] for row in conn.execute(
        "SELECT json_extract(metadata, '$.restored_from') FROM main.reflections"
        " WHERE json_valid(metadata) AND json_extract(metadata, '$.restored_from') IS NOT NULL")}
    return rows, done


def new_ids(conn: sqlite3.Connection) -> list[str]:
    """IDs of the attached bundle's reflections that a merge now would add (read only,
    before the merge's transaction: their analysis can start while it runs)."""
    return [row[0] for row in conn.execute(
        "SELECT s.id FROM src.reflections s WHERE NOT EXISTS (SELECT 1 FROM main.reflections m"
        " WHERE m.id = s.id) AND NOT EXISTS (SELECT 1 FROM main.tombstones t WHERE t.id = s.id)"
        " AND NOT EXISTS (SELECT 1 FROM src.tombstones t WHERE t.id = s.id) ORDER BY s.seq")]


class StagedTexts:
    """(id, text, created_at) of reflections in a staged bundle database (already checked),
    read on a connection of its own, opened by the thread that first asks (the analysis
    feeder, while the merge runs on the journal's connection)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None

    def __call__(self, ids: list[str]) -> list[tuple[str, str, str]]:
        if self.conn is None:
            self.conn = sqlite3.connect(f"file:{urllib.parse.quote(self.path)}?mode=ro", uri=True,
                                        check_same_thread=False)
        marks = ",".join("?" * len(ids))
        return [(row[0], row[1], row[2]) for row in self.conn.execute(
            f"SELECT id, content, created_at FROM reflections WHERE id IN ({marks})", ids)]

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


#: Decides, for a reflection on both sides that differs, whether the attached side's version
#: wins: (reflection ID, local row, their row) -> bool.
TheirsWins = Callable[[str, sqlite3.Row, sqlite3.Row], bool]


def newer_updated_at(reflection_id: str, local: sqlite3.Row, theirs: sqlite3.Row) -> bool:
    """Bundles: the newer `updated_at` wins; a tie keeps the local version."""
    return bool(theirs["updated_at"] > local["updated_at"])


def merge_attached(conn: sqlite3.Connection, identity_id: str, now: str, import_id: str,
                   new_id, theirs_wins: TheirsWins = newer_updated_at) -> MergeResult:
    """Apply `src` to the live journal (see the module docstring). `new_id` mints IDs.
    `theirs_wins` orders two versions of one reflection (sync passes its revision
    counters; bundles keep the newer `updated_at`)."""
    result = MergeResult()
    tail = _tail(conn)
    details = {"import": import_id}
    for name in ("m_gone", "m_new", "m_diff", "m_won", "m_thread"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    conn.execute("CREATE TEMP TABLE m_gone (id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("CREATE TEMP TABLE m_new (id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("CREATE TEMP TABLE m_diff (id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("CREATE TEMP TABLE m_won (id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("CREATE TEMP TABLE m_thread (src_id TEXT PRIMARY KEY, main_id TEXT NOT NULL)")

    # -- tombstones: the bundle's deletions apply here; ours are never undone -----------
    conn.execute("INSERT OR IGNORE INTO m_gone SELECT id FROM main.tombstones")
    conn.execute("INSERT OR IGNORE INTO m_gone SELECT id FROM src.tombstones")
    doomed = [row[0] for row in conn.execute(
        "SELECT r.id FROM main.reflections r JOIN src.tombstones t ON t.id = r.id ORDER BY r.id")]
    if doomed:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS m_doomed (id TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("DELETE FROM m_doomed")
        conn.executemany("INSERT INTO m_doomed VALUES (?)", [(i,) for i in doomed])
        for table in CHILD_TABLES:
            conn.execute(f"DELETE FROM main.{table} WHERE reflection_id IN (SELECT id FROM m_doomed)")
        conn.execute("DELETE FROM main.reflections WHERE id IN (SELECT id FROM m_doomed)")
        tail = audit_rows(conn, now, "delete", "reflection",
                          ((i, {**details, "by": "bundle tombstone"}) for i in doomed), after=tail)
        conn.execute("DROP TABLE m_doomed")
        result.deleted = len(doomed)
        result.add("reflections_deleted", len(doomed))
    added = conn.execute(
        "INSERT INTO main.tombstones (id, deleted_at) SELECT s.id, s.deleted_at"
        " FROM src.tombstones s WHERE NOT EXISTS (SELECT 1 FROM main.tombstones m WHERE m.id = s.id)"
    ).rowcount
    result.add("tombstones_added", added)

    # -- classify the bundle's reflections ------------------------------------------------
    conn.execute(
        "INSERT INTO m_new SELECT s.id FROM src.reflections s WHERE s.id NOT IN (SELECT id FROM m_gone)"
        " AND NOT EXISTS (SELECT 1 FROM main.reflections m WHERE m.id = s.id)")
    same = " AND ".join(f"m.{f} IS s.{f}" for f in _REFLECTION_FIELDS)
    conn.execute(
        "INSERT INTO m_diff SELECT s.id FROM src.reflections s JOIN main.reflections m ON m.id = s.id"
        f" WHERE NOT ({same})")
    result.add("reflections_skipped_deleted", conn.execute(
        "SELECT count(*) FROM src.reflections WHERE id IN (SELECT id FROM m_gone)").fetchone()[0])

    # -- new reflections: one INSERT … SELECT (the full-text triggers index them) --------
    added = conn.execute(
        "INSERT INTO main.reflections (id, identity_id, content, content_type, visibility, private,"
        " source, created_at, created_tz, updated_at, starred, metadata)"
        " SELECT s.id, ?, s.content, s.content_type, s.visibility, s.private, s.source, s.created_at,"
        " s.created_tz, s.updated_at, s.starred, s.metadata FROM src.reflections s"
        " WHERE s.id IN (SELECT id FROM m_new) ORDER BY s.seq", (identity_id,)).rowcount
    result.add("reflections_added", added)
    conn.execute("INSERT INTO m_won SELECT id FROM m_new")
    created = conn.execute(
        "SELECT s.id, s.source, s.private FROM src.reflections s"
        " WHERE s.id IN (SELECT id FROM m_new) ORDER BY s.seq").fetchall()
    tail = audit_rows(conn, now, "create", "reflection",
                      ((row[0], {**details, "source": row[1], "private": bool(row[2])})
                       for row in created), after=tail)  # one executemany, chained in order
    result.to_derive += [row[0] for row in created]

    # -- reflections on both sides that differ: the newer wins --------------------------
    cols = ", ".join(_REFLECTION_FIELDS)
    for (reflection_id,) in conn.execute("SELECT id FROM m_diff ORDER BY id").fetchall():
        local = conn.execute(f"SELECT {cols} FROM main.reflections WHERE id = ?",
                             (reflection_id,)).fetchone()
        theirs = conn.execute(f"SELECT {cols} FROM src.reflections WHERE id = ?",
                              (reflection_id,)).fetchone()
        changed: list[str] = []
        if theirs_wins(reflection_id, local, theirs):
            values = {f: theirs[f] for f in _REFLECTION_FIELDS}
            values["private"] = max(int(local["private"]), int(theirs["private"]))
            changed += [f for f in _REFLECTION_FIELDS if values[f] != local[f]]
            conn.execute(
                "UPDATE main.reflections SET " + ", ".join(f"{f} = ?" for f in _REFLECTION_FIELDS)
                + " WHERE id = ?", [*(values[f] for f in _REFLECTION_FIELDS), reflection_id])
            if local["content"] != theirs["content"]:
                if add_revision(conn, reflection_id, local["content"], theirs["updated_at"]):
                    result.add("revisions_added")
                    changed.append("revisions")
                result.to_derive.append(reflection_id)
            conn.execute("DELETE FROM main.reflection_tags WHERE reflection_id = ?", (reflection_id,))
            conn.execute("INSERT INTO m_won VALUES (?)", (reflection_id,))
            changed.append("tags")
            result.add("reflections_updated")
        else:
            if local["content"] != theirs["content"] and add_revision(
                    conn, reflection_id, theirs["content"], local["updated_at"]):
                result.add("revisions_added")
                changed.append("revisions")
            result.add("reflections_kept_local")
        if changed:
            tail = audit.append(conn, now, "edit", "reflection", reflection_id,
                                {**details, "changed": sorted(set(changed))}, after=tail)

    # -- tags follow the winning version -------------------------------------------------
    conn.execute("INSERT OR IGNORE INTO main.tags (name) SELECT st.name FROM src.tags st"
                 " WHERE st.id IN (SELECT rt.tag_id FROM src.reflection_tags rt"
                 " WHERE rt.reflection_id IN (SELECT id FROM m_won))")
    result.add("tag_links_added", conn.execute(
        "INSERT OR IGNORE INTO main.reflection_tags (reflection_id, tag_id)"
        " SELECT rt.reflection_id, mt.id FROM src.reflection_tags rt"
        " JOIN src.tags st ON st.id = rt.tag_id JOIN main.tags mt ON mt.name = st.name"
        " WHERE rt.reflection_id IN (SELECT id FROM m_won)").rowcount)
    tagstore.prune(conn)

    # -- revisions from the bundle, by ID -------------------------------------------------
    result.add("revisions_added", conn.execute(
        "INSERT OR IGNORE INTO main.reflection_revisions (id, reflection_id, revision, content,"
        " revised_at) SELECT s.id, s.reflection_id, s.revision, s.content, s.revised_at"
        " FROM src.reflection_revisions s WHERE s.reflection_id IN (SELECT id FROM m_new)"
        " ORDER BY s.reflection_id, s.revision").rowcount)
    for row in conn.execute(
            "SELECT s.id, s.reflection_id, s.revision, s.content, s.revised_at"
            " FROM src.reflection_revisions s"
            " WHERE s.reflection_id NOT IN (SELECT id FROM m_new)"
            " AND s.reflection_id IN (SELECT id FROM main.reflections)"
            " AND NOT EXISTS (SELECT 1 FROM main.reflection_revisions m WHERE m.id = s.id)"
            " ORDER BY s.reflection_id, s.revision").fetchall():
        if add_revision(conn, row["reflection_id"], row["content"], row["revised_at"],
                        revision_id=row["id"], number=row["revision"]):
            result.add("revisions_added")

    # -- threads by ID, else by title; membership added ----------------------------------
    for row in conn.execute("SELECT id, title, created_at, archived_at FROM src.threads"
                            " ORDER BY created_at, id").fetchall():
        match = conn.execute("SELECT id FROM main.threads WHERE id = ? OR title = ?"
                             " ORDER BY id = ? DESC LIMIT 1",
                             (row["id"], row["title"], row["id"])).fetchone()
        if match is None:
            conn.execute("INSERT INTO main.threads (id, title, created_at, archived_at)"
                         " VALUES (?, ?, ?, ?)", tuple(row))
            tail = audit.append(conn, now, "create", "thread", row["id"], details, after=tail)
            result.add("threads_added")
            target = row["id"]
        else:
            target = match[0]
        conn.execute("INSERT INTO m_thread VALUES (?, ?)", (row["id"], target))
    result.add("thread_members_added", conn.execute(
        "INSERT OR IGNORE INTO main.thread_members (thread_id, reflection_id, added_at)"
        " SELECT t.main_id, tm.reflection_id, tm.added_at FROM src.thread_members tm"
        " JOIN m_thread t ON t.src_id = tm.thread_id"
        " WHERE tm.reflection_id IN (SELECT id FROM main.reflections)").rowcount)

    # -- user-created tensions (others are re-derived from the text) --------------------
    result.add("tensions_added", conn.execute(
        "INSERT INTO main.tensions (id, axis_a, axis_b, origin, created_at)"
        " SELECT s.id, s.axis_a, s.axis_b, s.origin, s.created_at FROM src.tensions s"
        " WHERE s.origin = 'user_created' AND NOT EXISTS (SELECT 1 FROM main.tensions m"
        " WHERE m.id = s.id OR (lower(m.axis_a) = lower(s.axis_a) AND lower(m.axis_b) = lower(s.axis_b))"
        " OR (lower(m.axis_a) = lower(s.axis_b) AND lower(m.axis_b) = lower(s.axis_a)))").rowcount)

    # -- mirrorbacks and feedback: the person's history, added by ID ---------------------
    # (each one added is re-checked against the constitution by the service before COMMIT:
    # a bundle's own "passed" is a claim, not a verdict)
    result.mirrorbacks = [row[0] for row in conn.execute(
        "SELECT s.id FROM src.mirrorbacks s WHERE s.reflection_id IN (SELECT id FROM main.reflections)"
        " AND NOT EXISTS (SELECT 1 FROM main.mirrorbacks m WHERE m.id = s.id) ORDER BY s.id")]
    result.add("mirrorbacks_added", conn.execute(
        "INSERT INTO main.mirrorbacks (id, reflection_id, content, engine, engine_version, model,"
        " constitution_version, prompt_version, answered_text_sha256, verdict, flags, created_at)"
        " SELECT s.id, s.reflection_id, s.content, s.engine, s.engine_version, s.model,"
        " s.constitution_version, s.prompt_version, s.answered_text_sha256, s.verdict, s.flags,"
        " s.created_at FROM src.mirrorbacks s"
        " WHERE s.reflection_id IN (SELECT id FROM main.reflections)"
        " AND NOT EXISTS (SELECT 1 FROM main.mirrorbacks m WHERE m.id = s.id)").rowcount)
    result.add("feedback_added", conn.execute(
        "INSERT INTO main.engine_feedback (id, mirrorback_id, rating, flags, note, created_at)"
        " SELECT s.id, s.mirrorback_id, s.rating, s.flags, s.note, s.created_at"
        " FROM src.engine_feedback s WHERE s.mirrorback_id IN (SELECT id FROM main.mirrorbacks)"
        " AND NOT EXISTS (SELECT 1 FROM main.engine_feedback m WHERE m.id = s.id)").rowcount)

    unchanged = conn.execute(
        "SELECT count(*) FROM src.reflections s JOIN main.reflections m ON m.id = s.id"
        " WHERE s.id NOT IN (SELECT id FROM m_diff) AND s.id NOT IN (SELECT id FROM m_new)"
    ).fetchone()[0]
    result.add("reflections_unchanged", unchanged)
    for name in ("m_gone", "m_new", "m_diff", "m_won", "m_thread"):
        conn.execute(f"DROP TABLE temp.{name}")
    result.to_derive = list(dict.fromkeys(result.to_derive))
    return result


def mirrorbacks_to_recheck(conn: sqlite3.Connection, ids: list[str]
                           ) -> list[tuple[str, str, str, str, list[str]]]:
    """(id, content, verdict, the reflection's text, flags) of imported mirrorbacks."""
    rows: list[tuple[str, str, str, str, list[str]]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows += [(row[0], row[1], row[2], row[3], json.loads(row[4])) for row in conn.execute(
            "SELECT m.id, m.content, m.verdict, r.content, m.flags FROM main.mirrorbacks m"
            f" JOIN main.reflections r ON r.id = m.reflection_id WHERE m.id IN ({marks})", chunk)]
    return rows


def mark_mirrorback_failed(conn: sqlite3.Connection, mirrorback_id: str, flags: list[str]) -> None:
    """Keep an imported mirrorback as history only: `failed` is never shown as an answer."""
    conn.execute("UPDATE main.mirrorbacks SET verdict = 'failed', flags = ? WHERE id = ?",
                 (json.dumps(flags), mirrorback_id))


def add_revision(conn: sqlite3.Connection, reflection_id: str, content: str, revised_at: str,
                 *, revision_id: str | None = None, number: int | None = None) -> bool:
    """Keep `content` as a revision of the reflection unless it already is its text or one
    of its revisions. The number is kept when free, else the next one."""
    row = conn.execute("SELECT content FROM main.reflections WHERE id = ?", (reflection_id,)).fetchone()
    if row is None or row[0] == content or conn.execute(
            "SELECT 1 FROM main.reflection_revisions WHERE reflection_id = ? AND content = ?",
            (reflection_id, content)).fetchone():
        return False
    taken = number is None or conn.execute(
        "SELECT 1 FROM main.reflection_revisions WHERE reflection_id = ? AND revision = ?",
        (reflection_id, number)).fetchone() is not None
    if taken:
        number = conn.execute("SELECT coalesce(max(revision), 0) + 1 FROM main.reflection_revisions"
                              " WHERE reflection_id = ?", (reflection_id,)).fetchone()[0]
    conn.execute(
        "INSERT OR IGNORE INTO main.reflection_revisions (id, reflection_id, revision, content,"
        " revised_at) VALUES (?, ?, ?, ?, ?)",
        (revision_id or derived_id("revision", reflection_id, text_sha(content)), reflection_id,
         number, content, revised_at))
    return True


def existing_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of `ids` are already reflections or tombstones here (imports skip them)."""
    found: set[str] = set()
    batch = list(ids)
    for start in range(0, len(batch), 500):
        chunk = batch[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for table in ("reflections", "tombstones"):
            found |= {r[0] for r in conn.execute(
                f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)}
    return found


def insert_reflections(store, entries: list, details: dict[str, Any]) -> list[str]:
    """Create reflections from another journal inside the caller's transaction (through
    the same code path as `mirror reflect`, so tags, the index and the audit entry are
    identical). Callers skip IDs that already exist or were deleted (`existing_ids`)."""
    bulk = _Bulk()
    ids = []
    for new in entries:
        reflection_id, bulk.audit_tail = store._insert(new, bulk)
        ids.append(reflection_id)
    return ids


def record_import(conn: sqlite3.Connection, import_id: str, kind: str, bundle_id: str | None,
                  now: str, details: dict[str, Any], summary: dict[str, Any]) -> None:
    """The import record and its audit entry (inside the import's transaction)."""
    conn.execute("INSERT INTO bundle_imports (id, kind, bundle_id, imported_at, details)"
                 " VALUES (?, ?, ?, ?, ?)",
                 (import_id, kind, bundle_id, now,
                  json.dumps({**details, "summary": summary}, ensure_ascii=False, sort_keys=True)))
    audit.append(conn, now, "import", kind, import_id,
                 {"bundle_id": bundle_id, "summary": summary,
                  **{k: details[k] for k in ("constitution_version", "audit_head", "manifest_sha256",
                                             "signature", "path") if k in details}})


def record_export(conn: sqlite3.Connection, now: str, bundle_id: str, details: dict[str, Any]) -> None:
    if not writable(conn):
        return  # a read-only journal can still be exported; its audit log cannot say so
    with transaction(conn):
        audit.append(conn, now, "export", "bundle", bundle_id, details)


def imports(conn: sqlite3.Connection, limit: int = 50) -> list[ImportRecord]:
    """Earlier imports, newest first."""
    return [ImportRecord(id=row["id"], kind=row["kind"], bundle_id=row["bundle_id"],
                         imported_at=row["imported_at"], details=json.loads(row["details"]))
            for row in conn.execute("SELECT id, kind, bundle_id, imported_at, details"
                                    " FROM bundle_imports ORDER BY imported_at DESC LIMIT ?",
                                    (limit,))]


# -- snapshots -----------------------------------------------------------------------------

def snapshot(conn: sqlite3.Connection, dest: str) -> None:
    """A consistent copy of the live database (`VACUUM INTO`: one read transaction)."""
    if getattr(conn, "encrypted", False):  # an encrypted journal's copy is a plain one
        from mirror.storage.encryption import plain_snapshot  # the optional extra

        plain_snapshot(conn, dest)
        return
    create_private(dest)  # VACUUM INTO would create it under the umask
    conn.execute("VACUUM INTO ?", (dest,))


@dataclass(frozen=True)
class SnapshotFacts:
    """What a bundle's manifest says about the snapshot it carries."""

    counts: dict[str, int]
    schema_version: int
    audit_head: str


#: What a damaged time becomes in a bundle when no other time of the row is sound (the
#: original is kept in the reflection's `metadata.damaged`).
SNAPSHOT_FALLBACK_TIME = "1970-01-01T00:00:00.000000Z"


def scrub_snapshot(path: str, tables: Iterable[str]) -> SnapshotFacts:
    """Empty `tables` and drop the full-text index in a snapshot copy, VACUUM it so no
    trace of their rows is left in free pages, fsync it, and return its row counts,
    schema version and audit head. Times
    outside their domain are repaired in the copy (`domain.repair_times`), so Mirror never
    writes a bundle its own import refuses."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("BEGIN IMMEDIATE")
        # A row damaged before migration 006 must not make the bundle one Mirror refuses.
        removed = domain.repair_times(conn, SNAPSHOT_FALLBACK_TIME)
        for table in tables:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (table,)).fetchone():
                removed += conn.execute(f'DELETE FROM "{table}"').rowcount
        drop_fts(conn)  # derived from the reflections: the importing journal indexes them
        removed += 1
        for stats in ("sqlite_stat1", "sqlite_stat4"):
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (stats,)).fetchone():
                conn.execute(f"DROP TABLE {stats}")
                removed += 1
        conn.execute("COMMIT")
        if removed:  # nothing deleted: VACUUM INTO already left no free pages
            conn.execute("VACUUM")
        facts = SnapshotFacts(row_counts(conn), migrations.schema_version(conn), audit.head(conn))
    finally:
        conn.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return facts


# -- digests (tests, dry runs, the README's "nothing changed" promise) ----------------------

_DIGEST_QUERIES = {
    "reflections": "SELECT id, content, content_type, visibility, private, source, created_at,"
                   " created_tz, updated_at, starred, metadata FROM {s}.reflections ORDER BY id",
    "revisions": "SELECT reflection_id, revision, content, revised_at FROM {s}.reflection_revisions"
                 " ORDER BY reflection_id, revision",
    "tombstones": "SELECT id, deleted_at FROM {s}.tombstones ORDER BY id",
    "tags": "SELECT rt.reflection_id, lower(t.name) FROM {s}.reflection_tags rt"
            " JOIN {s}.tags t ON t.id = rt.tag_id ORDER BY 1, 2",
    "threads": "SELECT id, title, created_at, archived_at FROM {s}.threads ORDER BY id",
    "thread_members": "SELECT thread_id, reflection_id, added_at FROM {s}.thread_members ORDER BY 1, 2",
    "user_tensions": "SELECT id, axis_a, axis_b, created_at FROM {s}.tensions"
                     " WHERE origin = 'user_created' ORDER BY id",
    "mirrorbacks": "SELECT id, reflection_id, content, engine, verdict, created_at FROM {s}.mirrorbacks"
                   " ORDER BY id",
    "feedback": "SELECT id, mirrorback_id, rating, flags, note FROM {s}.engine_feedback ORDER BY id",
}


def content_digest(conn: sqlite3.Connection, schema: str = "main") -> str:
    """SHA-256 over the person's journal content (what a bundle round trip must keep)."""
    digest = hashlib.sha256()
    for name, sql in _DIGEST_QUERIES.items():
        digest.update(f"\x1e{name}\x1e".encode())
        for row in conn.execute(sql.format(s=schema)):
            digest.update(json.dumps(list(row), ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()


def _tail(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM main.audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, audit.GENESIS)

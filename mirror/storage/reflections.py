"""Reflections: create, read, edit (keeping revisions), delete without trace, list (search:
mirror.storage.search).

Every write runs in one `BEGIN IMMEDIATE` transaction together with its audit entry, so a
reflection the user was told is saved is durably saved, and the audit chain never misses it.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mirror.clock import Clock, utc_iso
from mirror.errors import InvalidInput, NotFound
from mirror.models import ListFilter, Page, Reflection, Revision
from mirror.storage import audit
from mirror.storage import tags as tagstore
from mirror.storage.db import BUSY_TIMEOUT_MS, MAX_TEXT_BYTES, transaction

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any

_COLUMNS = (
    "r.seq, r.id, r.content, r.content_type, r.visibility, r.private, r.source, r.created_at,"
    " r.created_tz, r.updated_at, r.starred, r.metadata"
)
_TAGS_OF = (
    "(SELECT group_concat(t.name, char(31)) FROM reflection_tags rt"
    " JOIN tags t ON t.id = rt.tag_id WHERE rt.reflection_id = r.id) AS tag_names"
)
_THREADS_OF = (
    "(SELECT group_concat(th.title, char(31)) FROM thread_members tm"
    " JOIN threads th ON th.id = tm.thread_id WHERE tm.reflection_id = r.id) AS thread_titles"
)
_REVISIONS_OF = (
    "(SELECT count(*) FROM reflection_revisions rv WHERE rv.reflection_id = r.id) AS revision_count"
)
RANK_WINDOW = 20_000  # see mirror.storage.search
#: The trigram index of the reflections with letters outside ASCII (migration 013).
SUBSTRING_INDEX = "reflections_fts_substring"
#: At most this many reflections named by the substring index (or carrying the rarest tag
#: asked) are looked up by key; more mean a common needle or tag: the date index is walked.
CANDIDATES = 2000
#: A reflection's tags, for EXISTS filters (tag names compare without case: NOCASE column).
_TAGGED = ("SELECT 1 FROM reflection_tags rt JOIN tags t ON t.id = rt.tag_id"
           " WHERE rt.reflection_id = r.id")

#: The tier of a care marker the person has not dismissed for the text as it reads now.
ACTIVE_CARE = (
    "(SELECT cm.tier FROM care_markers cm WHERE cm.reflection_id = r.id AND NOT EXISTS"
    " (SELECT 1 FROM care_dismissals d WHERE d.reflection_id = r.id"
    " AND d.reflection_updated_at = r.updated_at))"
)
SELECT = (f"SELECT {_COLUMNS}, {_TAGS_OF}, {_THREADS_OF}, {_REVISIONS_OF},"
          f" {ACTIVE_CARE} AS care_tier FROM reflections r")


#: Every table whose rows belong to one reflection (by `reflection_id`): what deleting it,
#: here or by a bundle's tombstone (`merge`), removes, derived data and kept readings too.
CHILD_TABLES = ("reflection_revisions", "reflection_patterns", "tension_observations",
                "mirrorbacks", "engine_runs", "care_markers", "care_readings", "care_dismissals",
                "response_cache", "reflection_tags", "thread_members")


@dataclass
class NewReflection:
    """What a caller supplies to create a reflection; storage fills in the rest."""

    content: str
    created_at: str | None = None          # UTC ISO; now if None
    created_tz: str = "UTC"
    tags: list[str] = field(default_factory=list)
    starred: bool = False
    private: bool = False
    source: str = "cli"
    content_type: str = "text/plain"
    visibility: str = "local_only"
    metadata: dict[str, Any] = field(default_factory=dict)
    thread_ids: list[str] = field(default_factory=list)
    id: str | None = None


@dataclass
class _Bulk:
    """What one write transaction can remember between rows instead of re-reading."""

    tag_ids: dict[str, int] = field(default_factory=dict)
    audit_tail: tuple[int, str] | None = None


def validate_text(text: str) -> str:
    """The rules every stored text follows; raises InvalidInput with the reason."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("a reflection cannot be empty")
    if "\x00" in text:
        raise InvalidInput("the text contains a NUL character, which Mirror cannot store")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InvalidInput("the text is not valid Unicode (unpaired surrogate)") from exc
    if size > MAX_TEXT_BYTES:  # a bundle refuses a longer text: it must never be stored
        raise InvalidInput(f"the text is {size} bytes, more than the {MAX_TEXT_BYTES // 2 ** 20}"
                           " MiB a reflection holds")
    return text


def row_to_reflection(row: sqlite3.Row) -> Reflection:
    split = lambda value: tuple(sorted(value.split("\x1f"), key=str.casefold)) if value else ()
    return Reflection(
        id=row["id"], content=row["content"], content_type=row["content_type"],
        visibility=row["visibility"], private=bool(row["private"]), source=row["source"],
        created_at=row["created_at"], created_tz=row["created_tz"], updated_at=row["updated_at"],
        starred=bool(row["starred"]), metadata=json.loads(row["metadata"]),
        tags=split(row["tag_names"]), threads=split(row["thread_titles"]),
        revisions=row["revision_count"], care=row["care_tier"],
    )


class ReflectionStore:
    def __init__(self, conn: sqlite3.Connection, clock: Clock, identity_id: str) -> None:
        self.conn = conn
        self.clock = clock
        self.identity_id = identity_id
        #: What `_where` looked up for `--contains` and `--tag`, kept while the journal is
        #: unchanged (`onthisday` asks the same filter once a year back).
        self._decided: dict[tuple[str, ...], tuple[str, list[Any]]] = {}
        self._decided_at: tuple[int, int] = (-1, -1)

    # -- writing -----------------------------------------------------------------------
    def create(self, new: NewReflection) -> Reflection:
        with transaction(self.conn):
            reflection_id, _ = self._insert(new, _Bulk())
        return self.get(reflection_id)

    def create_many(self, entries: Iterable[NewReflection]) -> list[str]:
        """Bulk insert in one transaction (imports, benchmarks). Returns the new IDs."""
        ids = []
        bulk = _Bulk()
        with transaction(self.conn):
            for new in entries:
                reflection_id, bulk.audit_tail = self._insert(new, bulk)
                ids.append(reflection_id)
        return ids

    def _insert(self, new: NewReflection, bulk: _Bulk) -> tuple[str, tuple[int, str]]:
        validate_text(new.content)
        now = utc_iso(self.clock.now())
        try:  # one canonical spelling, so a tombstone cannot be dodged by letter case
            reflection_id = _canonical_id(new.id) if new.id else self.clock.new_id()
        except ValueError as exc:
            raise InvalidInput(f"not a valid reflection ID: {new.id}") from exc
        if self.conn.execute("SELECT 1 FROM tombstones WHERE id = ?", (reflection_id,)).fetchone():
            raise InvalidInput(f"reflection {reflection_id} was deleted and cannot be recreated")
        self.conn.execute(
            "INSERT INTO reflections (id, identity_id, content, content_type, visibility, private,"
            " source, created_at, created_tz, updated_at, starred, metadata)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reflection_id, self.identity_id, new.content, new.content_type, new.visibility,
             int(new.private), new.source, new.created_at or now, new.created_tz, now,
             int(new.starred), json.dumps(new.metadata, ensure_ascii=False)),
        )
        names = tagstore.normalise([*tagstore.parse_tags(new.content), *new.tags])
        tagstore.attach(self.conn, reflection_id, names, bulk.tag_ids)
        for thread_id in new.thread_ids:
            self.conn.execute(
                "INSERT OR IGNORE INTO thread_members (thread_id, reflection_id, added_at)"
                " VALUES (?, ?, ?)", (thread_id, reflection_id, now))
        tail = audit.append(self.conn, now, "create", "reflection", reflection_id,
                            {"source": new.source, "private": new.private}, after=bulk.audit_tail)
        return reflection_id, tail

    def update(self, reflection_id: str, *, content: str | None = None,
               starred: bool | None = None, private: bool | None = None,
               add_tags: list[str] | None = None, remove_tags: list[str] | None = None) -> Reflection:
        """Edit in place; a changed text keeps the previous one as a numbered revision."""
        with transaction(self.conn):
            self._update(reflection_id, content=content, starred=starred, private=private,
                         add_tags=add_tags, remove_tags=remove_tags)
        return self.get(reflection_id)

    def update_many(self, reflection_ids: list[str], *, starred: bool | None = None,
                    private: bool | None = None, add_tags: list[str] | None = None,
                    remove_tags: list[str] | None = None) -> list[Reflection]:
        """The same marks and tags on several reflections, all or none, in one transaction
        (bulk `mirror edit` over a filter: one commit, not one per reflection)."""
        with transaction(self.conn):
            for reflection_id in reflection_ids:
                self._update(reflection_id, starred=starred, private=private,
                             add_tags=add_tags, remove_tags=remove_tags)
        return [self.get(reflection_id) for reflection_id in reflection_ids]

    def _update(self, reflection_id: str, *, content: str | None = None,
                starred: bool | None = None, private: bool | None = None,
                add_tags: list[str] | None = None, remove_tags: list[str] | None = None) -> None:
        """`update` inside the caller's transaction."""
        changed: list[str] = []
        row = self.conn.execute(
            "SELECT content FROM reflections WHERE id = ?", (reflection_id,)).fetchone()
        if row is None:
            raise NotFound(f"no reflection with ID {reflection_id}")
        now = utc_iso(self.clock.now())
        if content is not None and content != row["content"]:
            validate_text(content)
            number = self.conn.execute(
                "SELECT coalesce(max(revision), 0) + 1 FROM reflection_revisions"
                " WHERE reflection_id = ?", (reflection_id,)).fetchone()[0]
            self.conn.execute(
                "INSERT INTO reflection_revisions (id, reflection_id, revision, content,"
                " revised_at) VALUES (?, ?, ?, ?, ?)",
                (self.clock.new_id(), reflection_id, number, row["content"], now))
            self.conn.execute("UPDATE reflections SET content = ? WHERE id = ?",
                              (content, reflection_id))
            current = self._tag_names(reflection_id)
            inline_old = {t.casefold() for t in tagstore.parse_tags(row["content"])}
            kept = [t for t in current if t.casefold() not in inline_old]
            tagstore.replace(self.conn, reflection_id,
                             tagstore.normalise([*tagstore.parse_tags(content), *kept]))
            changed.append("content")
        if starred is not None:
            self.conn.execute("UPDATE reflections SET starred = ? WHERE id = ?",
                              (int(starred), reflection_id))
            changed.append("starred")
        if private is not None:
            self.conn.execute("UPDATE reflections SET private = ? WHERE id = ?",
                              (int(private), reflection_id))
            changed.append("private")
        if add_tags:
            tagstore.attach(self.conn, reflection_id, tagstore.normalise(add_tags))
            changed.append("tags")
        if remove_tags:
            gone = {t.casefold() for t in tagstore.normalise(remove_tags)}
            tagstore.replace(self.conn, reflection_id,
                             [t for t in self._tag_names(reflection_id) if t.casefold() not in gone])
            changed.append("tags")
        if changed:
            self.conn.execute("UPDATE reflections SET updated_at = ? WHERE id = ?",
                              (now, reflection_id))
            audit.append(self.conn, now, "edit", "reflection", reflection_id,
                         {"changed": sorted(set(changed))})

    def redate(self, reflection_id: str, created_at: str, created_tz: str) -> Reflection:
        """Give a reflection another date (it was about another day): the text is
        unchanged, so no revision is kept; the move is audited with both dates."""
        with transaction(self.conn):
            row = self.conn.execute("SELECT created_at FROM reflections WHERE id = ?",
                                    (reflection_id,)).fetchone()
            if row is None:
                raise NotFound(f"no reflection with ID {reflection_id}")
            now = utc_iso(self.clock.now())
            self.conn.execute("UPDATE reflections SET created_at = ?, created_tz = ?, updated_at = ?"
                              " WHERE id = ?", (created_at, created_tz, now, reflection_id))
            audit.append(self.conn, now, "redate", "reflection", reflection_id,
                         {"from": row["created_at"], "to": created_at})
        return self.get(reflection_id)

    def delete(self, reflection_id: str) -> bool:
        """Remove the reflection and everything derived from it, leaving only a tombstone,
        then purge the text from the full-text index and the write-ahead log. Returns False
        when another open Mirror kept the log from being truncated (retried on close)."""
        return self.delete_many([reflection_id])

    def delete_many(self, reflection_ids: list[str]) -> bool:
        """Delete several reflections as `delete` does, all or none in one transaction,
        purging the index and the log once at the end (bulk `mirror delete` over a filter)."""
        with transaction(self.conn):
            now = utc_iso(self.clock.now())
            for reflection_id in reflection_ids:
                if not self.conn.execute("SELECT 1 FROM reflections WHERE id = ?",
                                         (reflection_id,)).fetchone():
                    raise NotFound(f"no reflection with ID {reflection_id}")
                # Children first: their ON DELETE CASCADE would do it, but explicit deletes
                # keep the statement list obvious for anyone auditing what a deletion removes.
                for table in CHILD_TABLES:
                    self.conn.execute(f"DELETE FROM {table} WHERE reflection_id = ?",
                                      (reflection_id,))
                self.conn.execute("DELETE FROM reflections WHERE id = ?", (reflection_id,))
                self.conn.execute("INSERT OR REPLACE INTO tombstones (id, deleted_at) VALUES (?, ?)",
                                  (reflection_id, now))
                audit.append(self.conn, now, "delete", "reflection", reflection_id, {})
            tagstore.prune(self.conn)
        return self.purge_deleted_text()

    purge_pending = False

    def purge_deleted_text(self) -> bool:
        """FTS5 keeps deleted tokens in old index segments until they are merged; merging
        everything and truncating the WAL leaves no copy of deleted text in the files
        (`secure_delete` zeroes the freed pages)."""
        with transaction(self.conn):
            self.conn.execute("INSERT INTO reflections_fts(reflections_fts) VALUES ('optimize')")
            self.conn.execute("INSERT INTO reflections_fts_trigram(reflections_fts_trigram)"
                              " VALUES ('optimize')")
            self.conn.execute(f"INSERT INTO {SUBSTRING_INDEX}({SUBSTRING_INDEX}) VALUES ('optimize')")
        return self.checkpoint()

    def checkpoint(self, busy_timeout_ms: int = 2000) -> bool:
        """Copy the WAL into the database and truncate it. A reader holding an old snapshot
        blocks this; after a short wait we report it instead of pretending."""
        self.conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        try:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.purge_pending = bool(busy)
        return not busy

    # -- reading -----------------------------------------------------------------------
    def get(self, reflection_id: str) -> Reflection:
        row = self.conn.execute(f"{SELECT} WHERE r.id = ?", (reflection_id,)).fetchone()
        if row is None:
            raise NotFound(f"no reflection with ID {reflection_id}")
        return row_to_reflection(row)

    def resolve(self, prefix: str) -> str:
        """A full ID from a unique prefix (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4 or any(ch not in "0123456789abcdef-" for ch in prefix):
            raise NotFound(f"'{prefix}' is not a reflection ID (give at least 4 hex characters)")
        rows = self.conn.execute(
            "SELECT id FROM reflections WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (prefix, prefix + "~")).fetchall()
        if not rows:
            if self.conn.execute("SELECT 1 FROM tombstones WHERE id >= ? AND id < ?",
                                 (prefix, prefix + "~")).fetchone():
                raise NotFound(f"reflection {prefix} was deleted")
            raise NotFound(f"no reflection with ID {prefix}")
        if len(rows) > 1:
            raise NotFound(f"ID prefix {prefix} is ambiguous: give more characters")
        return rows[0][0]

    def revisions(self, reflection_id: str) -> list[Revision]:
        return [
            Revision(reflection_id, row["revision"], row["content"], row["revised_at"])
            for row in self.conn.execute(
                "SELECT revision, content, revised_at FROM reflection_revisions"
                " WHERE reflection_id = ? ORDER BY revision", (reflection_id,))
        ]

    def list(self, filters: ListFilter, limit: int = 20, cursor: str | None = None) -> Page:
        """Newest first, keyset-paged: cost per page does not grow with the journal."""
        where, params = self._where(filters)
        if cursor:
            created_at, seq = _decode_cursor(cursor)
            where.append("(r.created_at, r.seq) < (?, ?)")
            params += [created_at, seq]
        sql = SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY r.created_at DESC, r.seq DESC LIMIT ?"
        rows = self.conn.execute(sql, [*params, limit + 1]).fetchall()
        items = [row_to_reflection(row) for row in rows[:limit]]
        next_cursor = _encode_cursor(rows[limit - 1]) if len(rows) > limit else None
        return Page(items, next_cursor)

    def iter_all(self, filters: ListFilter | None = None, batch: int = 500) -> Iterable[Reflection]:
        """Every reflection, newest first, streamed page by page (memory stays flat)."""
        cursor = None
        while True:
            page = self.list(filters or ListFilter(), limit=batch, cursor=cursor)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def iter_oldest_first(self, batch: int = 500) -> Iterable[Reflection]:
        """Every reflection, oldest first by its stored time (then by `seq`), streamed page
        by page along the `created_at` index (streaming exports: memory stays flat)."""
        where = ""
        params: tuple[Any, ...] = ()
        while True:
            rows = self.conn.execute(SELECT + where + " ORDER BY r.created_at, r.seq LIMIT ?",
                                     (*params, batch)).fetchall()
            yield from (row_to_reflection(row) for row in rows)
            if len(rows) < batch:
                return
            where, params = " WHERE (r.created_at, r.seq) > (?, ?)", (rows[-1]["created_at"],
                                                                    rows[-1]["seq"])

    def with_damaged_time(self) -> set[str]:
        """IDs of reflections whose `created_at` is outside its domain (damaged before
        migration 006): an export writes another time for them, so a streaming export
        cannot place them by their stored time and handles them apart (usually none)."""
        from mirror.storage.domain import utc_time  # exports only

        return {row[0] for row in self.conn.execute("SELECT id, created_at FROM reflections")
                if utc_time(str(row[1]).encode("utf-8", "replace"))}

    def ids(self, filters: ListFilter) -> list[str]:
        """The IDs of every reflection `filters` selects, newest first (bulk edit and
        delete show the count before anything changes)."""
        where, params = self._where(filters)
        sql = ("SELECT r.id FROM reflections r" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY r.created_at DESC, r.seq DESC")
        return [row[0] for row in self.conn.execute(sql, params)]

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM reflections").fetchone()[0]

    def texts_for_analysis(self, ids: list[str], detector: str | None = None
                           ) -> list[tuple[str, str, str, tuple[str, str | None] | None]]:
        """(id, content, created_at, kept reading) of `ids`, for re-derivation: one query
        per batch. The kept reading is the care detector's (text digest, finding), when it
        was read by `detector` (`storage.bulk.analysis_rows`)."""
        marks = ",".join("?" * len(ids))
        return [(row[0], row[1], row[2], None if row[3] is None else (row[3], row[4]))
                for row in self.conn.execute(
                    "SELECT r.id, r.content, r.created_at, k.text_digest, k.finding"
                    " FROM main.reflections r LEFT JOIN main.care_readings k"
                    f" ON k.reflection_id = r.id AND k.detector = ? WHERE r.id IN ({marks})",
                    [detector, *ids])]

    def related_by_words(self, words: list[str], *, exclude_id: str, until: str,
                         include_private: bool, limit: int, window: int) -> list[Reflection]:
        """Reflections matching any of `words` in full text, best first: written no later
        than `until`, never `exclude_id`, never one with a care marker, private ones only
        with `include_private`. BM25 costs time per matching row, so matches are ranked
        among the newest `window` reflections first, and over the whole journal only when
        that window holds fewer than `limit`."""
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        ranked = ("SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ? {extra}"
                  " ORDER BY bm25(reflections_fts), rowid LIMIT ?")  # `rank`, without FTS5's full sort (search._ranked)
        newest = self.conn.execute("SELECT coalesce(max(seq), 0) FROM reflections").fetchone()[0]
        seqs: list[int] = []
        if newest > window:
            seqs = [row[0] for row in self.conn.execute(ranked.format(extra="AND rowid > ?"),
                                                        (match, newest - window, limit))]
        if len(seqs) < limit:
            seqs = [row[0] for row in self.conn.execute(ranked.format(extra=""), (match, limit))]
        if not seqs:
            return []
        marks = ",".join("?" * len(seqs))
        where = (f" WHERE r.seq IN ({marks}) AND r.id != ? AND r.created_at <= ?"
                 " AND NOT EXISTS (SELECT 1 FROM care_markers cm WHERE cm.reflection_id = r.id)"
                 + ("" if include_private else " AND r.private = 0"))
        rows = {row["seq"]: row_to_reflection(row)
                for row in self.conn.execute(SELECT + where, (*seqs, exclude_id, until))}
        return [rows[q] for q in seqs if q in rows]

    def written_with(self, needle: str, *, since: str, until: str, exclude_id: str,
                     include_private: bool, limit: int) -> Iterable[tuple[str, str, str]]:
        """(id, content, created_at) of reflections written in [since, until) whose text
        holds `needle` exactly (case-sensitive: a name), newest first, at most `limit`;
        never `exclude_id`, never one that received care, private ones only with
        `include_private`. The date range walks the created_at index: the cost follows the
        reflections of the period, not the size of the journal."""
        sql = ("SELECT r.id, r.content, r.created_at FROM reflections r"
               " WHERE r.created_at >= ? AND r.created_at < ? AND r.id != ?"
               " AND instr(r.content, ?) > 0"
               " AND NOT EXISTS (SELECT 1 FROM care_markers cm WHERE cm.reflection_id = r.id)"
               + ("" if include_private else " AND r.private = 0")
               + " ORDER BY r.created_at DESC LIMIT ?")
        return [(row[0], row[1], row[2]) for row in self.conn.execute(
            sql, (since, until, exclude_id, needle, limit))]

    def with_phrases(self, phrases: list[str], *, until: str, exclude_id: str,
                     include_private: bool, limit: int) -> Iterable[tuple[str, str, str, str]]:
        """(id, content, created_at, created_tz) of reflections holding any of `phrases`
        (each matched as a phrase), written before `until`, newest first, at most `limit`;
        never `exclude_id`, never one that received care, private ones only with
        `include_private`. The full-text index is walked newest first and stops at
        `limit`: no ranking over every match, so a common phrase costs no more than a rare
        one."""
        if not phrases:
            return []
        match = " OR ".join('"' + p.replace('"', '""') + '"' for p in phrases)
        sql = ("SELECT r.id, r.content, r.created_at, r.created_tz FROM reflections_fts f"
               " JOIN reflections r ON r.seq = f.rowid"
               " WHERE reflections_fts MATCH ? AND r.created_at < ? AND r.id != ?"
               " AND NOT EXISTS (SELECT 1 FROM care_markers cm WHERE cm.reflection_id = r.id)"
               + ("" if include_private else " AND r.private = 0")
               + " ORDER BY f.rowid DESC LIMIT ?")
        return [(row[0], row[1], row[2], row[3]) for row in self.conn.execute(
            sql, (match, until, exclude_id, limit))]

    def first_written(self) -> str | None:
        """The created_at of the oldest reflection (None for an empty journal)."""
        return self.conn.execute("SELECT min(created_at) FROM reflections").fetchone()[0]

    def _where(self, filters: ListFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if filters.since:
            where.append("r.created_at >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("r.created_at <= ?")
            params.append(filters.until)
        if filters.tags:
            names = [name.lstrip("#@") for name in filters.tags]
            clause, values = self._decide(("tags", *names), lambda: _all_tags(self.conn, names))
            where.append(clause)
            params += values
        if filters.any_tags:
            names = [name.lstrip("#@") for name in filters.any_tags]
            where.append(f"EXISTS ({_TAGGED} AND t.name IN ({','.join('?' * len(names))}))")
            params += names
        if filters.not_tags:
            names = [name.lstrip("#@") for name in filters.not_tags]
            where.append(f"NOT EXISTS ({_TAGGED} AND t.name IN ({','.join('?' * len(names))}))")
            params += names
        if filters.contains:
            needle = filters.contains
            clause, values = self._decide(("contains", needle), lambda: _contains(self.conn, needle))
            where.append(clause)
            params += values
        if filters.starred is not None:
            where.append("r.starred = ?")
            params.append(int(filters.starred))
        if filters.private is not None:
            where.append("r.private = ?")
            params.append(int(filters.private))
        if filters.thread_id:
            where.append("EXISTS (SELECT 1 FROM thread_members tm"
                         " WHERE tm.reflection_id = r.id AND tm.thread_id = ?)")
            params.append(filters.thread_id)
        if filters.pattern:
            where.append("EXISTS (SELECT 1 FROM reflection_patterns rp"
                         " WHERE rp.reflection_id = r.id AND rp.pattern = ?)")
            params.append(filters.pattern)
        if filters.care is not None:
            where.append(f"{ACTIVE_CARE} IS NOT NULL" if filters.care else f"{ACTIVE_CARE} IS NULL")
        return where, params

    def _decide(self, key: tuple[str, ...],
                look_up: Callable[[], tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
        """`look_up()`, or what it gave for `key` while nothing was written since (by this
        connection: total_changes; by another: data_version). Never inside a transaction,
        which may yet roll back what was looked up."""
        if self.conn.in_transaction:
            return look_up()
        state = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        if state != self._decided_at:
            self._decided.clear()
            self._decided_at = state
        if key not in self._decided:
            self._decided[key] = look_up()
        clause, values = self._decided[key]
        return clause, list(values)

    def _tag_names(self, reflection_id: str) -> list[str]:
        return [row[0] for row in self.conn.execute(
            "SELECT t.name FROM reflection_tags rt JOIN tags t ON t.id = rt.tag_id"
            " WHERE rt.reflection_id = ? ORDER BY t.name", (reflection_id,))]


def _contains(conn: sqlite3.Connection, needle: str) -> tuple[str, list[Any]]:
    """A WHERE clause finding `needle` anywhere in the text, ignoring case. SQLite's LIKE
    folds only ASCII letters (and runs in C); a needle with other letters ("Ärger", "Σ")
    is compared casefolded by a Python function, registered on the connection when needed.

    Reading every text costs ~0.3-0.5 s at 100k reflections, so:
    - an ASCII needle with a run of at least three letters or digits: the vocabulary of
      the word index and the substring index name the texts that can hold it
      (mirror.storage.vocabulary, migration 014); up to CANDIDATES are looked up by seq, as
      below. A needle they cannot narrow (common, or too short) is, when of several words,
      narrowed by the word index: its inner words (spaces on both sides) are whole words of
      any text that holds it, and its last word begins one. (`+r.seq` keeps the newest-
      first walk of the date index, so a common needle still stops after one page.)
    - a needle that casefolds to letters outside ASCII can only be in a text with such
      letters, and those are in the substring index (migration 013): it names the texts
      holding every trigram the needle is sure to leave there (mirror.storage.substring).
      Up to CANDIDATES are looked up by seq (an absent word: none, answered at once); more
      mean a common needle, and the newest-first walk with the exact test alone finds a
      page among the first rows. A needle with no sure trigram reads every text with
      letters outside ASCII, as before.
    Only the texts named are read; the exact test decides."""
    if needle.isascii():
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clause, params = "r.content LIKE ? ESCAPE '\\'", [f"%{escaped}%"]
        from mirror.storage import vocabulary  # only an ASCII `--contains` needs it (start-up)

        named = vocabulary.candidates(conn, needle, CANDIDATES)
        if named is not None:
            return f"r.seq IN ({','.join('?' * len(named))}) AND {clause}", [*named, *params]
        words = needle.split()
        terms = [f'"{w}"' for w in words[1:-1] if w.isalnum()]
        if len(words) > 1 and words[-1].isalnum():
            terms.append(f'"{words[-1]}"' + ("" if needle[-1].isspace() else "*"))
        if terms:
            clause = ("+r.seq IN (SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?)"
                      f" AND {clause}")
            params = [" ".join(terms), *params]
        return clause, list(params)
    sought = needle.casefold()
    # One name per test: a clause `_decide` kept must still call the same one.
    name = "mirror_contains" if sought.isascii() else "mirror_contains_wide"
    conn.create_function(name, 2, _folded_test(sought.isascii()), deterministic=True)
    clause = f"{name}(r.content, ?)"
    if sought.isascii():  # "strasse" from "Straße": a text of ASCII only may hold it
        from mirror.storage import vocabulary  # (start-up: only such a needle needs it)

        named = vocabulary.candidates(conn, sought, CANDIDATES, casefolded=True)
        if named is not None:
            return f"r.seq IN ({','.join('?' * len(named))}) AND {clause}", [*named, sought]
        return clause, [sought]
    from mirror.storage import substring  # only such a `--contains` needs it (start-up)

    groups = substring.trigrams(sought)
    if not groups:
        return clause, [sought]
    seqs = [row[0] for row in conn.execute(
        f"SELECT rowid FROM {SUBSTRING_INDEX} WHERE {SUBSTRING_INDEX} MATCH ? LIMIT ?",
        (substring.match_query(groups), CANDIDATES + 1))]
    if len(seqs) > CANDIDATES:  # common: the newest-first walk finds a page soon
        return clause, [sought]
    return f"r.seq IN ({','.join('?' * len(seqs))}) AND {clause}", [*seqs, sought]


def _all_tags(conn: sqlite3.Connection, names: list[str]) -> tuple[str, list[Any]]:
    """A WHERE clause for reflections carrying every tag of `names` (`--tag a --tag b`).

    The names are looked up once (NOCASE, as the tags table compares them) with how many
    reflections carry each, counted up to CANDIDATES + 1: a name no tag has selects nothing
    at once, instead of a walk over every reflection looking for it. When the rarest tag
    is on at most CANDIDATES reflections, the query starts from those (looked up by ID,
    then sorted); otherwise it walks the date index newest first and stops after a page,
    each row tested by tag ID (one primary-key probe, no join to `tags`)."""
    found = []
    for name in dict.fromkeys(names):
        row = conn.execute("SELECT t.id, (SELECT count(*) FROM (SELECT 1 FROM reflection_tags rt"
                           " WHERE rt.tag_id = t.id LIMIT ?)) FROM tags t WHERE t.name = ?",
                           (CANDIDATES + 1, name)).fetchone()
        if row is None:
            return "0", []
        found.append((row[1], row[0]))
    found = sorted(dict.fromkeys(found))  # the rarest first; one tag named twice counts once
    tagged = "EXISTS (SELECT 1 FROM reflection_tags rt WHERE rt.reflection_id = r.id AND rt.tag_id = ?)"
    clauses = [tagged] * len(found)
    if found[0][0] <= CANDIDATES:
        clauses[0] = "r.id IN (SELECT rt.reflection_id FROM reflection_tags rt WHERE rt.tag_id = ?)"
    return " AND ".join(clauses), [tag_id for _count, tag_id in found]


def _encode_cursor(row: sqlite3.Row) -> str:
    raw = json.dumps([row["created_at"], row["seq"]]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, seq = json.loads(raw)
        return str(created_at), int(seq)
    except (ValueError, TypeError) as exc:
        raise InvalidInput(f"not a valid page cursor: {cursor}") from exc


def _canonical_id(given: str) -> str:
    """A given ID in its one spelling (ValueError if it is not a UUID). `uuid` is imported
    here, not at the top: it brings `platform` (~4 ms), and only imports give IDs."""
    import uuid

    return str(uuid.UUID(given))


def _folded_test(sought_is_ascii: bool) -> Callable[[str | None, str], bool]:
    """mirror_contains[_wide](text, sought): `sought` (casefolded) in the casefolded text."""
    if sought_is_ascii:
        return lambda text, sought: sought in text.casefold() if text else False
    return lambda text, sought: bool(text) and not text.isascii() and sought in text.casefold()

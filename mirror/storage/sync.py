"""Sync (issue 16): all the SQL of `mirror sync` lives here.

A change set is the journal content that changed on one device since its previous change
set: reflections (with their tags and revisions), tombstones, threads with their members,
and feedback with the mirrorback it rates, each with its ID and, for reflections, a version
(`sync_versions`: a revision counter and the device that wrote it). Change sets never carry
derived data: the receiving device re-derives what is new, as for bundles.

Applying one reuses the bundle merge (`merge.merge_attached`) on the same connection, with
the change set's rows in an in-memory database ATTACHed as `src`, and with one difference:
the winner of two versions of a reflection is the one with the higher (counter, device,
text) — the same answer on every device whatever the order of arrival — instead of the
newer `updated_at` (clocks of two devices disagree).

Threads are merged here before the bundle merge runs (`merge_threads`; the bundle merge
then finds each one by ID and only adds its members): a thread's title and archived state
are one version, stamped when it last changed (migration 012), and the later stamp wins,
then the title and archived state themselves, so any order of arrival ends the same. Two
threads that want one title are both kept (`threads.settle_titles`).

What changed here is kept by the triggers of migrations 010 and 012 in `sync_dirty`, only
once the device is paired, so an idle sync reads one small table and a journal that never
syncs pays nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from mirror.storage import audit, domain
from mirror.storage.db import transaction
from mirror.storage.threads import settle_titles

#: Reflection fields a change set carries (the merge's fields, plus the ID).
REFLECTION_FIELDS = ("id", "content", "content_type", "visibility", "private", "source",
                     "created_at", "created_tz", "updated_at", "starred", "metadata")

#: The tables the merge reads from `src`, with only the columns it reads (no constraints:
#: every row is checked by the live journal's own constraints and triggers as it is merged).
_SRC_TABLES = {
    "reflections": "seq INTEGER PRIMARY KEY, id TEXT UNIQUE, content, content_type, visibility,"
                   " private, source, created_at, created_tz, updated_at, starred, metadata",
    "reflection_revisions": "id TEXT PRIMARY KEY, reflection_id, revision, content, revised_at",
    "tombstones": "id TEXT PRIMARY KEY, deleted_at",
    "tags": "id INTEGER PRIMARY KEY, name TEXT UNIQUE COLLATE NOCASE",
    "reflection_tags": "reflection_id, tag_id, PRIMARY KEY (reflection_id, tag_id)",
    "threads": "id TEXT PRIMARY KEY, title, created_at, archived_at, changed_at",
    "thread_members": "thread_id, reflection_id, added_at, PRIMARY KEY (thread_id, reflection_id)",
    "tensions": "id TEXT PRIMARY KEY, axis_a, axis_b, origin, created_at",
    "mirrorbacks": "id TEXT PRIMARY KEY, reflection_id, content, engine, engine_version, model,"
                   " constitution_version, prompt_version, answered_text_sha256, verdict, flags,"
                   " created_at",
    "engine_feedback": "id TEXT PRIMARY KEY, mirrorback_id, rating, flags, note, created_at",
    "sync_versions": "reflection_id TEXT PRIMARY KEY, counter, device_id",
}
_MIRRORBACK_FIELDS = ("id", "reflection_id", "content", "engine", "engine_version", "model",
                      "constitution_version", "prompt_version", "answered_text_sha256", "verdict",
                      "flags", "created_at")
_FEEDBACK_FIELDS = ("id", "mirrorback_id", "rating", "flags", "note", "created_at")


# -- this device ---------------------------------------------------------------------------

def state(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT device_id, folder, include_private, paired_at, last_sync_at,"
                       " next_seq FROM sync_state WHERE id = 1").fetchone()
    return dict(row) if row is not None else None


def pair(conn: sqlite3.Connection, device_id: str, folder: str, public_key: str, label: str,
         now: str, include_private: bool) -> None:
    """Start syncing: this device's row, itself as a paired device, and everything already
    in the journal marked as changed (the first change set carries the whole journal)."""
    with transaction(conn):
        fresh = conn.execute("SELECT 1 FROM sync_state").fetchone() is None
        conn.execute("INSERT INTO sync_state (id, device_id, folder, include_private, paired_at)"
                     " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET folder = excluded.folder,"
                     " include_private = excluded.include_private",
                     (device_id, folder, int(include_private), now))
        conn.execute("INSERT INTO sync_devices (device_id, public_key, label, paired_at)"
                     " VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET unpaired_at = NULL",
                     (device_id, public_key, label, now))
        if fresh:
            mark_all(conn)
        audit.append(conn, now, "pair", "sync", device_id, {"folder": folder})


def mark_all(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT OR IGNORE INTO sync_dirty SELECT 'r', id FROM reflections")
    conn.execute("INSERT OR IGNORE INTO sync_dirty SELECT 't', id FROM tombstones")
    conn.execute("INSERT OR IGNORE INTO sync_dirty SELECT 'h', id FROM threads")
    conn.execute("INSERT OR IGNORE INTO sync_dirty SELECT 'f', id FROM engine_feedback")


def mark_private(conn: sqlite3.Connection) -> None:
    """The device opted in to send private reflections: the ones held back go next time."""
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO sync_dirty SELECT 'r', id FROM reflections WHERE private = 1")
        conn.execute("INSERT OR IGNORE INTO sync_dirty SELECT 'h', thread_id FROM thread_members"
                     " WHERE reflection_id IN (SELECT id FROM reflections WHERE private = 1)")


def leave(conn: sqlite3.Connection, now: str) -> str | None:
    """This device stops syncing (its ledger and versions stay, for a later pairing)."""
    with transaction(conn):
        row = conn.execute("SELECT device_id FROM sync_state").fetchone()
        conn.execute("DELETE FROM sync_state")
        conn.execute("DELETE FROM sync_dirty")
        if row is not None:
            audit.append(conn, now, "unpair", "sync", row[0], {"self": True})
    return row[0] if row is not None else None


def devices(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT d.device_id, d.public_key, d.label, d.paired_at, d.last_seen_at, d.unpaired_at,"
        " (SELECT count(*) FROM sync_ledger l WHERE l.device_id = d.device_id) AS change_sets"
        " FROM sync_devices d ORDER BY d.paired_at, d.device_id")]


def add_device(conn: sqlite3.Connection, device_id: str, public_key: str, label: str | None,
               now: str) -> bool:
    """Accept a device announced in the folder (its announcement was authenticated with the
    journal key). One unpaired here stays unpaired. True when it is new."""
    with transaction(conn):
        added = conn.execute("INSERT OR IGNORE INTO sync_devices (device_id, public_key, label,"
                             " paired_at) VALUES (?, ?, ?, ?)",
                             (device_id, public_key, label, now)).rowcount
        if added:
            audit.append(conn, now, "pair", "sync", device_id, {"label": label})
    return bool(added)


def unpair_device(conn: sqlite3.Connection, device_id: str, now: str) -> bool:
    with transaction(conn):
        changed = conn.execute("UPDATE sync_devices SET unpaired_at = ? WHERE device_id = ?"
                               " AND unpaired_at IS NULL", (now, device_id)).rowcount
        if changed:
            audit.append(conn, now, "unpair", "sync", device_id, {})
    return bool(changed)


def ledger_names(conn: sqlite3.Connection) -> dict[str, str]:
    """File name -> changeset ID of every change set applied or written here."""
    return {row[0]: row[1] for row in conn.execute(
        "SELECT device_id || '/' || file_name, changeset_id FROM sync_ledger")}


def seen(conn: sqlite3.Connection, changeset_id: str) -> bool:
    return conn.execute("SELECT 1 FROM sync_ledger WHERE changeset_id = ?",
                        (changeset_id,)).fetchone() is not None


def pending_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]


def record(conn: sqlite3.Connection, changeset_id: str, device_id: str, seq: int,
           file_name: str, sha256: str, now: str) -> None:
    """Inside the caller's transaction: the change set is now part of this journal."""
    conn.execute("INSERT INTO sync_ledger (changeset_id, device_id, seq, file_name, sha256,"
                 " applied_at) VALUES (?, ?, ?, ?, ?, ?)",
                 (changeset_id, device_id, seq, file_name, sha256, now))
    conn.execute("UPDATE sync_devices SET last_seen_at = ? WHERE device_id = ?", (now, device_id))


# -- writing a change set --------------------------------------------------------------------

@dataclass
class Outgoing:
    """What this device sends next: the rows, and the dirty marks they settle."""

    body: dict[str, Any]
    marks: list[tuple[str, str]]
    versions: list[tuple[str, int, str]]

    @property
    def empty(self) -> bool:
        return not any(self.body[k] for k in ("reflections", "tombstones", "threads", "feedback"))


def _chunks(ids: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def collect(conn: sqlite3.Connection, device_id: str, include_private: bool) -> Outgoing:
    """Read what changed here (call inside the transaction that `settle`s it). A private
    reflection is left out unless this device opted in (its mark is settled all the same:
    opting in later marks every private reflection again)."""
    marks = [(r[0], r[1]) for r in conn.execute("SELECT kind, id FROM sync_dirty ORDER BY kind, id")]
    by_kind: dict[str, list[str]] = {"r": [], "t": [], "h": [], "f": []}
    for kind, ident in marks:
        by_kind[kind].append(ident)
    body: dict[str, Any] = {"reflections": [], "revisions": [], "tombstones": [], "threads": [],
                            "mirrorbacks": [], "feedback": []}
    versions: list[tuple[str, int, str]] = []
    cols = ", ".join(f"r.{f}" for f in REFLECTION_FIELDS)
    sent: set[str] = set()
    for chunk in _chunks(by_kind["r"]):
        marks_sql = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT {cols}, coalesce(v.counter, 0) AS counter FROM reflections r"
            f" LEFT JOIN sync_versions v ON v.reflection_id = r.id WHERE r.id IN ({marks_sql})"
            + ("" if include_private else " AND r.private = 0") + " ORDER BY r.seq", chunk).fetchall()
        tags: dict[str, list[str]] = {}
        for rid, name in conn.execute(
                "SELECT rt.reflection_id, t.name FROM reflection_tags rt JOIN tags t ON t.id = rt.tag_id"
                f" WHERE rt.reflection_id IN ({marks_sql}) ORDER BY t.name", chunk):
            tags.setdefault(rid, []).append(name)
        for row in rows:
            counter = row["counter"] + 1
            versions.append((row["id"], counter, device_id))
            sent.add(row["id"])
            body["reflections"].append({**{f: row[f] for f in REFLECTION_FIELDS},
                                        "tags": tags.get(row["id"], []),
                                        "counter": counter, "device": device_id})
        body["revisions"] += [dict(r) for r in conn.execute(
            "SELECT id, reflection_id, revision, content, revised_at FROM reflection_revisions"
            f" WHERE reflection_id IN ({marks_sql})" + ("" if include_private else
            " AND reflection_id IN (SELECT id FROM reflections WHERE private = 0)")
            + " ORDER BY reflection_id, revision", chunk)]
    for chunk in _chunks(by_kind["t"]):
        body["tombstones"] += [dict(r) for r in conn.execute(
            f"SELECT id, deleted_at FROM tombstones WHERE id IN ({','.join('?' * len(chunk))})"
            " ORDER BY id", chunk)]
    hidden = "" if include_private else \
        " AND reflection_id NOT IN (SELECT id FROM reflections WHERE private = 1)"
    for chunk in _chunks(by_kind["h"]):
        for row in conn.execute("SELECT id, coalesce(wanted_title, title) AS title, created_at,"
                                " archived_at, changed_at FROM threads"
                                f" WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk):
            members = [[m[0], m[1]] for m in conn.execute(
                "SELECT reflection_id, added_at FROM thread_members WHERE thread_id = ?" + hidden
                + " ORDER BY reflection_id", (row["id"],))]
            body["threads"].append({**dict(row), "members": members})
    for chunk in _chunks(by_kind["f"]):
        marks_sql = ",".join("?" * len(chunk))
        fb = [dict(r) for r in conn.execute(
            "SELECT f.id, f.mirrorback_id, f.rating, f.flags, f.note, f.created_at"
            " FROM engine_feedback f JOIN mirrorbacks m ON m.id = f.mirrorback_id"
            f" WHERE f.id IN ({marks_sql})" + hidden.replace("reflection_id", "m.reflection_id"),
            chunk)]
        body["feedback"] += fb
        mb_ids = sorted({f["mirrorback_id"] for f in fb})
        if mb_ids:
            body["mirrorbacks"] += [dict(r) for r in conn.execute(
                f"SELECT {', '.join(_MIRRORBACK_FIELDS)} FROM mirrorbacks"
                f" WHERE id IN ({','.join('?' * len(mb_ids))}) ORDER BY id", mb_ids)]
    return Outgoing(body, marks, versions)


def settle_marks(conn: sqlite3.Connection, outgoing: Outgoing) -> None:
    """Inside the caller's transaction: the marks are dealt with (nothing to send)."""
    conn.executemany("DELETE FROM sync_dirty WHERE kind = ? AND id = ?", outgoing.marks)


def settle(conn: sqlite3.Connection, outgoing: Outgoing, changeset_id: str, device_id: str,
           seq: int, file_name: str, sha256: str, now: str) -> None:
    """Inside the caller's transaction, once the change set file is in the folder: the new
    versions are this journal's, the marks are settled, the change set is in the ledger."""
    conn.executemany("INSERT INTO sync_versions (reflection_id, counter, device_id) VALUES (?, ?, ?)"
                     " ON CONFLICT (reflection_id) DO UPDATE SET counter = excluded.counter,"
                     " device_id = excluded.device_id", outgoing.versions)
    settle_marks(conn, outgoing)
    record(conn, changeset_id, device_id, seq, file_name, sha256, now)
    conn.execute("UPDATE sync_state SET next_seq = ?, last_sync_at = ?", (seq + 1, now))
    audit.append(conn, now, "sync_write", "sync", changeset_id,
                 {"seq": seq, "reflections": len(outgoing.body["reflections"]),
                  "tombstones": len(outgoing.body["tombstones"])})


def touch(conn: sqlite3.Connection, now: str) -> None:
    with transaction(conn):
        conn.execute("UPDATE sync_state SET last_sync_at = ?", (now,))


# -- applying a change set -------------------------------------------------------------------

def stage(conn: sqlite3.Connection, body: dict[str, Any]) -> None:
    """ATTACH an in-memory `src` holding the change set's rows (outside any transaction).
    Rows SQLite cannot even hold are a `ValueError` (the change set is refused)."""
    conn.execute("ATTACH DATABASE ':memory:' AS src")
    try:
        _fill(conn, body)
    except sqlite3.Error as exc:
        raise ValueError(str(exc)) from None


def _fill(conn: sqlite3.Connection, body: dict[str, Any]) -> None:
    for name, columns in _SRC_TABLES.items():
        conn.execute(f"CREATE TABLE src.{name} ({columns})")
    fields = ", ".join(REFLECTION_FIELDS)
    conn.executemany(f"INSERT OR IGNORE INTO src.reflections ({fields}) VALUES ({', '.join('?' * len(REFLECTION_FIELDS))})",
                     [[r[f] for f in REFLECTION_FIELDS] for r in body["reflections"]])
    conn.executemany("INSERT OR IGNORE INTO src.sync_versions VALUES (?, ?, ?)",
                     [(r["id"], r["counter"], r["device"]) for r in body["reflections"]])
    names = sorted({t for r in body["reflections"] for t in r["tags"]}, key=str.casefold)
    conn.executemany("INSERT OR IGNORE INTO src.tags (name) VALUES (?)", [(n,) for n in names])
    conn.executemany("INSERT OR IGNORE INTO src.reflection_tags SELECT ?, id FROM src.tags WHERE name = ?",
                     [(r["id"], t) for r in body["reflections"] for t in r["tags"]])
    conn.executemany("INSERT OR IGNORE INTO src.reflection_revisions VALUES (?, ?, ?, ?, ?)",
                     [(v["id"], v["reflection_id"], v["revision"], v["content"], v["revised_at"])
                      for v in body["revisions"]])
    conn.executemany("INSERT OR IGNORE INTO src.tombstones VALUES (?, ?)",
                     [(t["id"], t["deleted_at"]) for t in body["tombstones"]])
    conn.executemany("INSERT OR IGNORE INTO src.threads VALUES (?, ?, ?, ?, ?)",
                     [(t["id"], _text(t["title"]), t["created_at"], t["archived_at"],
                       _time(t.get("changed_at")))  # absent: an older Mirror
                      for t in body["threads"]])
    conn.executemany("INSERT OR IGNORE INTO src.thread_members VALUES (?, ?, ?)",
                     [(t["id"], m[0], m[1]) for t in body["threads"] for m in t["members"]])
    conn.executemany(f"INSERT OR IGNORE INTO src.mirrorbacks VALUES ({', '.join('?' * len(_MIRRORBACK_FIELDS))})",
                     [[m[f] for f in _MIRRORBACK_FIELDS] for m in body["mirrorbacks"]])
    conn.executemany(f"INSERT OR IGNORE INTO src.engine_feedback VALUES ({', '.join('?' * len(_FEEDBACK_FIELDS))})",
                     [[f[k] for k in _FEEDBACK_FIELDS] for f in body["feedback"]])


def _text(value: Any) -> str:
    """A title as a change set must hold it (anything else refuses the change set whole)."""
    if not isinstance(value, str):
        raise ValueError(f"not text: {value!r:.40}")
    return value


def _time(value: Any) -> str | None:
    """When a thread last changed, as `clock.utc_iso` writes it, or None (never, or an
    older Mirror). Checked here, not only by the journal's CHECK: a version that loses is
    never written, and a bad one must not pass unnoticed either."""
    if value is None:
        return None
    if not isinstance(value, str) or domain.utc_time(value.encode("utf-8")) or len(value) != 27:
        raise ValueError(f"not a UTC time: {value!r:.40}")
    return value


def thread_key(row: sqlite3.Row | dict[str, Any]) -> tuple[str, str, str]:
    """The order of two versions of one thread: when its title or archived state last
    changed (its creation when never), then the title the person gave, then the archived
    state (the same answer on every device, and a tie between two different versions is
    still ordered)."""
    return (row["changed_at"] or row["created_at"], row["title"], row["archived_at"] or "")


def merge_threads(conn: sqlite3.Connection, now: str, import_id: str) -> dict[str, int]:
    """Inside the merge's transaction, before the bundle merge: each thread of `src` is
    added here, or replaces this journal's version when it is newer (`thread_key`); then
    every thread gets the title it should show. Returns counts for the report
    (`thread_title_clashes`: threads that now show "Title (n)")."""
    details = {"import": import_id}
    added = changed = 0
    for theirs in conn.execute("SELECT id, title, created_at, archived_at, changed_at"
                               " FROM src.threads ORDER BY id").fetchall():
        mine = conn.execute("SELECT coalesce(wanted_title, title) AS title, created_at, archived_at,"
                            " changed_at FROM main.threads WHERE id = ?", (theirs["id"],)).fetchone()
        if mine is None:
            conn.execute("INSERT INTO main.threads (id, title, created_at, archived_at, changed_at,"
                         " wanted_title) VALUES (?, char(31) || ?, ?, ?, ?, ?)",
                         (theirs["id"], theirs["id"], theirs["created_at"], theirs["archived_at"],
                          theirs["changed_at"], theirs["title"]))
            audit.append(conn, now, "create", "thread", theirs["id"], details)
            added += 1
        elif thread_key(theirs) > thread_key(mine):
            conn.execute("UPDATE main.threads SET wanted_title = ?, archived_at = ?, changed_at = ?"
                         " WHERE id = ?", (theirs["title"], theirs["archived_at"],
                                           theirs["changed_at"], theirs["id"]))
            what = [name for name in ("title", "archived_at") if theirs[name] != mine[name]]
            audit.append(conn, now, "edit", "thread", theirs["id"], {**details, "changed": what})
            changed += 1
    clashes = settle_titles(conn) if added or changed else []
    for thread_id, wanted, shown in clashes:
        audit.append(conn, now, "rename", "thread", thread_id,
                     {**details, "wanted": wanted, "shown": shown})
    return {"threads_added": added, "threads_changed": changed,
            "thread_title_clashes": len(clashes)}


def version_key(counter: int, device_id: str, row: sqlite3.Row | dict[str, Any]) -> tuple:
    """The order of two versions of one reflection: revision counter, then device, then the
    text and fields themselves (two versions equal so far are then still ordered the same
    way on every device)."""
    fields = json.dumps([row[f] for f in REFLECTION_FIELDS[1:]], ensure_ascii=False)
    return (counter, device_id, hashlib.sha256(fields.encode("utf-8")).hexdigest())


def theirs_wins(conn: sqlite3.Connection) -> Callable[[str, sqlite3.Row, sqlite3.Row], bool]:
    """The merge's rule for sync: the higher `version_key` wins (see the module docstring)."""
    def decide(reflection_id: str, local: sqlite3.Row, theirs: sqlite3.Row) -> bool:
        mine = conn.execute("SELECT counter, device_id FROM main.sync_versions WHERE reflection_id = ?",
                            (reflection_id,)).fetchone()
        other = conn.execute("SELECT counter, device_id FROM src.sync_versions WHERE reflection_id = ?",
                             (reflection_id,)).fetchone()
        local_key = version_key(mine[0], mine[1], local) if mine else (-1, "", "")
        their_key = version_key(other[0], other[1], theirs) if other else (-1, "", "")
        return their_key > local_key
    return decide


def after_merge(conn: sqlite3.Connection, marked_before: set[tuple[str, str]]) -> None:
    """Inside the merge's transaction: each reflection keeps the higher version (the one
    that won), and the marks the merge's own writes left are cleared — what arrives is
    not a change of this device's to send back."""
    for rid, counter, device in conn.execute(
            "SELECT reflection_id, counter, device_id FROM src.sync_versions").fetchall():
        local = conn.execute("SELECT counter, device_id FROM main.sync_versions WHERE reflection_id = ?",
                             (rid,)).fetchone()
        if local is None or (counter, device) > (local[0], local[1]):
            conn.execute("INSERT INTO main.sync_versions VALUES (?, ?, ?) ON CONFLICT (reflection_id)"
                         " DO UPDATE SET counter = excluded.counter, device_id = excluded.device_id",
                         (rid, counter, device))
    for kind, ident in conn.execute("SELECT kind, id FROM main.sync_dirty").fetchall():
        if (kind, ident) not in marked_before:
            conn.execute("DELETE FROM main.sync_dirty WHERE kind = ? AND id = ?", (kind, ident))


def marks(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in conn.execute("SELECT kind, id FROM main.sync_dirty")}


def unstage(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("DETACH DATABASE src")
    except sqlite3.Error:
        pass

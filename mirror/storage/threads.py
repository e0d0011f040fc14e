"""Threads: named sequences of reflections that read like a conversation over time."""

from __future__ import annotations

import sqlite3

from mirror.clock import Clock, utc_iso
from mirror.errors import InvalidInput, NotFound
from mirror.models import Thread
from mirror.storage import audit
from mirror.storage.db import transaction

_SELECT = (
    "SELECT th.id, th.title, th.created_at, th.archived_at,"
    " (SELECT count(*) FROM thread_members tm WHERE tm.thread_id = th.id) AS n FROM threads th"
)


def _row(row: sqlite3.Row) -> Thread:
    return Thread(row["id"], row["title"], row["created_at"], row["archived_at"], row["n"])


class ThreadStore:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock

    def create(self, title: str) -> Thread:
        title = title.strip()
        if not title:
            raise InvalidInput("a thread needs a title")
        with transaction(self.conn):
            if self.conn.execute("SELECT 1 FROM threads WHERE title = ?", (title,)).fetchone():
                raise InvalidInput(f"a thread called '{title}' already exists")
            thread_id = self.clock.new_id()
            now = utc_iso(self.clock.now())
            self.conn.execute("INSERT INTO threads (id, title, created_at) VALUES (?, ?, ?)",
                              (thread_id, title, now))
            audit.append(self.conn, now, "create", "thread", thread_id, {})
        return self.get(thread_id)

    def get(self, thread_id: str) -> Thread:
        row = self.conn.execute(f"{_SELECT} WHERE th.id = ?", (thread_id,)).fetchone()
        if row is None:
            raise NotFound(f"no thread with ID {thread_id}")
        return _row(row)

    def find(self, title_or_id: str) -> Thread:
        """By exact title, case-insensitive title, or unique ID prefix."""
        key = title_or_id.strip()
        row = self.conn.execute(f"{_SELECT} WHERE th.title = ?", (key,)).fetchone()
        if row is None:
            rows = self.conn.execute(f"{_SELECT} WHERE lower(th.title) = lower(?)", (key,)).fetchall()
            if len(rows) == 1:
                row = rows[0]
        if row is None and len(key) >= 4:
            rows = self.conn.execute(f"{_SELECT} WHERE th.id >= ? AND th.id < ? LIMIT 2",
                                     (key.lower(), key.lower() + "~")).fetchall()
            if len(rows) > 1:
                raise NotFound(f"thread ID prefix {key} is ambiguous: give more characters")
            row = rows[0] if rows else None
        if row is None:
            raise NotFound(f"no thread called '{key}'")
        return _row(row)

    def list(self, include_archived: bool = False) -> list[Thread]:
        where = "" if include_archived else " WHERE th.archived_at IS NULL"
        return [_row(r) for r in self.conn.execute(f"{_SELECT}{where} ORDER BY th.created_at")]

    def rename(self, thread_id: str, title: str) -> Thread:
        title = title.strip()
        if not title:
            raise InvalidInput("a thread needs a title")
        with transaction(self.conn):
            clash = self.conn.execute("SELECT id FROM threads WHERE title = ?", (title,)).fetchone()
            if clash and clash[0] != thread_id:
                raise InvalidInput(f"a thread called '{title}' already exists")
            self.conn.execute("UPDATE threads SET title = ? WHERE id = ?", (title, thread_id))
            audit.append(self.conn, utc_iso(self.clock.now()), "rename", "thread", thread_id, {})
        return self.get(thread_id)

    def set_archived(self, thread_id: str, archived: bool) -> Thread:
        with transaction(self.conn):
            now = utc_iso(self.clock.now())
            self.conn.execute("UPDATE threads SET archived_at = ? WHERE id = ?",
                              (now if archived else None, thread_id))
            audit.append(self.conn, now, "archive" if archived else "unarchive", "thread",
                         thread_id, {})
        return self.get(thread_id)

    def add(self, thread_id: str, reflection_id: str) -> None:
        with transaction(self.conn):
            now = utc_iso(self.clock.now())
            self.conn.execute(
                "INSERT OR IGNORE INTO thread_members (thread_id, reflection_id, added_at)"
                " VALUES (?, ?, ?)", (thread_id, reflection_id, now))
            audit.append(self.conn, now, "add", "thread", thread_id, {"reflection": reflection_id})

    def remove(self, thread_id: str, reflection_id: str) -> None:
        with transaction(self.conn):
            gone = self.conn.execute(
                "DELETE FROM thread_members WHERE thread_id = ? AND reflection_id = ?",
                (thread_id, reflection_id)).rowcount
            if not gone:
                raise NotFound("that reflection is not in this thread")
            audit.append(self.conn, utc_iso(self.clock.now()), "remove", "thread", thread_id,
                         {"reflection": reflection_id})

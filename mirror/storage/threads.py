"""Threads: named sequences of reflections that read like a conversation over time.

A rename or an (un)archive stamps `changed_at` (migration 012) so that sync can tell which
of two devices' versions of a thread is newer. Titles are unique, yet two devices may give
two threads the same title before they sync: then both are kept, the older thread (by
creation, then ID) keeps the title and the other reads "Title (2)", with the title the
person gave kept in `wanted_title`. `settle_titles` works this out from the threads alone,
so every device that holds the same threads shows the same titles, whatever the order in
which they arrived, and a suffix goes away once the clash does.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from mirror.clock import Clock, parse_utc_iso, utc_iso
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


def stamp(now: str, previous: str | None) -> str:
    """When a change happens: now, or just after the thread's previous change when this
    device's clock is behind the one that made it (a change made after seeing another is
    newer than it, whatever the clocks say)."""
    if previous is None or now > previous:
        return now
    return utc_iso(parse_utc_iso(previous) + timedelta(microseconds=1))


def settle_titles(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Inside the caller's transaction: give every thread the title it should show (see the
    module docstring). First each wanted title goes to the oldest thread that wants it;
    then the others get the first free "Title (n)". Returns (ID, wanted, shown) of each
    thread that now shows a suffix it did not show before."""
    rows = conn.execute("SELECT id, title, coalesce(wanted_title, title) AS wanted, wanted_title"
                        " FROM threads ORDER BY created_at, id").fetchall()
    shown: dict[str, str] = {}
    taken: set[str] = set()
    for row in rows:
        if row["wanted"] not in taken:
            shown[row["id"]] = row["wanted"]
            taken.add(row["wanted"])
    for row in rows:
        if row["id"] not in shown:
            n = 2
            while f"{row['wanted']} ({n})" in taken:
                n += 1
            shown[row["id"]] = f"{row['wanted']} ({n})"
            taken.add(shown[row["id"]])
    wanted = {row["id"]: None if shown[row["id"]] == row["wanted"] else row["wanted"] for row in rows}
    moved = [row for row in rows if shown[row["id"]] != row["title"]
             or wanted[row["id"]] != row["wanted_title"]]
    # Through placeholders: two threads may be swapping titles, and titles are UNIQUE.
    conn.executemany("UPDATE threads SET title = char(31) || id WHERE id = ?",
                     [(row["id"],) for row in moved])
    conn.executemany("UPDATE threads SET title = ?, wanted_title = ? WHERE id = ?",
                     [(shown[row["id"]], wanted[row["id"]], row["id"]) for row in moved])
    return [(row["id"], row["wanted"], shown[row["id"]]) for row in moved
            if shown[row["id"]] != row["wanted"] and row["title"] != shown[row["id"]]]


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
            previous = self._previous(thread_id)
            if previous is not None and previous["title"] == title and previous["wanted_title"] is None:
                return self.get(thread_id)  # nothing changes, nothing to send
            now = utc_iso(self.clock.now())
            self.conn.execute("UPDATE threads SET title = ?, wanted_title = NULL, changed_at = ?"
                              " WHERE id = ?", (title, self._stamp(now, previous), thread_id))
            settle_titles(self.conn)  # the old title may be free for a thread that wants it
            audit.append(self.conn, now, "rename", "thread", thread_id, {})
        return self.get(thread_id)

    def set_archived(self, thread_id: str, archived: bool) -> Thread:
        with transaction(self.conn):
            now = utc_iso(self.clock.now())
            self.conn.execute("UPDATE threads SET archived_at = ?, changed_at = ? WHERE id = ?",
                              (now if archived else None,
                               self._stamp(now, self._previous(thread_id)), thread_id))
            audit.append(self.conn, now, "archive" if archived else "unarchive", "thread",
                         thread_id, {})
        return self.get(thread_id)

    def _previous(self, thread_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT title, wanted_title, coalesce(changed_at, created_at)"
                                 " AS changed FROM threads WHERE id = ?", (thread_id,)).fetchone()

    @staticmethod
    def _stamp(now: str, previous: sqlite3.Row | None) -> str:
        return stamp(now, previous["changed"] if previous is not None else None)

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

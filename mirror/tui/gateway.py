"""The TUI's only door to the journal.

Decision (why a lock and two lanes, not one connection shared freely):

* The journal's sqlite3 connection is opened with ``check_same_thread=False`` but a
  connection must never be used by two threads at the same moment. Every journal call the
  TUI makes runs in a ``@work(thread=True)`` worker (the event loop never waits on SQLite)
  and goes through :meth:`JournalGateway.call`, which holds one lock owned by the app for
  the duration of the call. Calls are therefore serialised on the *fast lane*: listing,
  search, details, stats, edits, feedback — each a few milliseconds.
* Work that may take long — reflecting (a model may generate for many seconds), regenerating,
  exporting, verifying and importing bundles — runs on the *slow lane*
  (:meth:`JournalGateway.call_long`): a second ``Journal`` opened on the same home, with its
  own connection and its own lock. SQLite's WAL mode lets the fast lane keep reading (live
  search, scrolling) while the slow lane writes; writers queue on SQLite's busy timeout.
  Without the second lane, a search typed while a model generates would wait for the model.
* Opening a second journal per call would pay the open/migration check each time; the slow
  lane's journal is opened once, lazily, and closed with the app.

Workers call the gateway and then post typed messages (``mirror.tui.messages``) to the UI.
The gateway holds no product rules: it only chooses a connection and serialises access.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from mirror.buglog import log_bug
from mirror.errors import MirrorError
from mirror.services.journal import Journal

if TYPE_CHECKING:
    from mirror.paths import JournalPaths

T = TypeVar("T")


class JournalGateway:
    def __init__(self, journal: Journal, slow_opener: Callable[[], Journal] | None = None) -> None:
        self.journal = journal
        self._lock = threading.Lock()
        self._slow: Journal | None = None
        self._slow_lock = threading.Lock()
        self._slow_opener = slow_opener or self._open_second
        self._closed = False

    def _open_second(self) -> Journal:
        return Journal.open(self.journal.paths.home, clock=self.journal.clock)

    @property
    def paths(self) -> JournalPaths:
        return self.journal.paths

    def call(self, fn: Callable[[Journal], T]) -> T:
        """Run ``fn(journal)`` on the fast lane (call from a worker thread)."""
        with self._lock:
            if self._closed:
                raise MirrorError("the journal is closed")
            return fn(self.journal)

    def call_long(self, fn: Callable[[Journal], T]) -> T:
        """Run ``fn(journal)`` on the slow lane: its own connection, its own lock."""
        with self._slow_lock:
            if self._closed:
                raise MirrorError("the journal is closed")
            if self._slow is None:
                self._slow = self._slow_opener()
            return fn(self._slow)

    def close(self, close_main: bool = True) -> None:
        with self._slow_lock, self._lock:
            self._closed = True
            if self._slow is not None:
                self._slow.close()
                self._slow = None
            if close_main:
                self.journal.close()

    def log_unexpected(self, what: str, exc: BaseException) -> str:
        """Append an unexpected error's traceback to MIRROR_HOME/mirror.log; return its path."""
        return log_bug(self.journal.paths.log, f"tui: {what}", exc)

"""The one API that the CLI and the TUI call.

A `Journal` is an open MIRROR_HOME: its database, its settings and its clock. Methods take
what a person typed (ID prefixes, date phrases, thread titles) and return plain records;
they hold the product rules, so the interfaces only parse and print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mirror.clock import Clock, utc_iso
from mirror.dates import local_zone_name, parse_when
from mirror.errors import InvalidInput
from mirror.models import ListFilter, Page, Reflection, Revision, SearchHit, Thread
from mirror.paths import JournalPaths, ensure_home, resolve_home
from mirror.settings import Settings
from mirror.storage.reflections import NewReflection
from mirror.storage.store import Store


@dataclass(frozen=True)
class Filters:
    """Listing filters as a person types them (dates as phrases, thread by title)."""

    since: str | None = None
    until: str | None = None
    tags: tuple[str, ...] = ()
    starred: bool | None = None
    thread: str | None = None
    private: bool | None = None
    care: bool | None = None


class Journal:
    def __init__(self, paths: JournalPaths, store: Store, settings: Settings, clock: Clock) -> None:
        self.paths = paths
        self.store = store
        self.settings = settings
        self.clock = clock

    @classmethod
    def open(cls, home: str | Path | None = None, clock: Clock | None = None) -> "Journal":
        paths = ensure_home(resolve_home(home))
        clock = clock or Clock()
        return cls(paths, Store(paths.db, clock), Settings(paths.config), clock)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- time ----------------------------------------------------------------------------
    @property
    def timezone(self) -> str:
        return local_zone_name(self.settings.get("timezone"))

    def parse_date(self, text: str, *, end_of_day: bool = False) -> str:
        """A date phrase as the UTC timestamp text the database stores."""
        return utc_iso(parse_when(text, self.timezone, self.clock.now(), end_of_day=end_of_day))

    # -- reflections -----------------------------------------------------------------------
    def write(self, text: str, *, when: str | None = None, tags: list[str] | tuple[str, ...] = (),
              starred: bool = False, thread: str | None = None, private: bool | None = None,
              source: str = "cli") -> Reflection:
        """Save a reflection durably. Returns only after COMMIT."""
        thread_ids = [self.store.threads.find(thread).id] if thread else []
        return self.store.reflections.create(NewReflection(
            content=text,
            created_at=self.parse_date(when) if when else None,
            created_tz=self.timezone,
            tags=list(tags),
            starred=starred,
            private=self.settings.get("private_by_default") if private is None else private,
            source=source,
            thread_ids=thread_ids,
        ))

    def resolve(self, prefix: str) -> str:
        return self.store.reflections.resolve(prefix)

    def get(self, prefix: str) -> Reflection:
        return self.store.reflections.get(self.resolve(prefix))

    def edit(self, prefix: str, *, text: str | None = None, starred: bool | None = None,
             private: bool | None = None, add_tags: list[str] | None = None,
             remove_tags: list[str] | None = None) -> Reflection:
        return self.store.reflections.update(
            self.resolve(prefix), content=text, starred=starred, private=private,
            add_tags=add_tags, remove_tags=remove_tags)

    def history(self, prefix: str) -> tuple[Reflection, list[Revision]]:
        reflection = self.get(prefix)
        return reflection, self.store.reflections.revisions(reflection.id)

    def delete(self, prefix: str) -> str:
        reflection_id = self.resolve(prefix)
        self.store.reflections.delete(reflection_id)
        return reflection_id

    def list(self, filters: Filters = Filters(), limit: int = 20, cursor: str | None = None) -> Page:
        if limit < 1:
            raise InvalidInput("the number of reflections to list must be at least 1")
        return self.store.reflections.list(self._filter(filters), limit, cursor)

    def _filter(self, filters: Filters) -> ListFilter:
        since = self.parse_date(filters.since) if filters.since else None
        until = self.parse_date(filters.until, end_of_day=True) if filters.until else None
        if since and until and since > until:
            raise InvalidInput("--since is after --until")
        thread_id = self.store.threads.find(filters.thread).id if filters.thread else None
        return ListFilter(since=since, until=until, tags=tuple(filters.tags),
                          starred=filters.starred, thread_id=thread_id,
                          private=filters.private, care=filters.care)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        if limit < 1:
            raise InvalidInput("the number of results must be at least 1")
        return self.store.reflections.search(query, limit)

    def tags(self) -> list[tuple[str, int]]:
        from mirror.storage.tags import counts

        return counts(self.store.conn)

    def stats(self) -> dict[str, Any]:
        data = self.store.stats()
        data["home"] = str(self.paths.home)
        data["schema_version"] = self.store.schema_version
        return data

    # -- threads ---------------------------------------------------------------------------
    def threads(self, include_archived: bool = False) -> list[Thread]:
        return self.store.threads.list(include_archived)

    def thread(self, name: str) -> Thread:
        return self.store.threads.find(name)

    def create_thread(self, title: str) -> Thread:
        return self.store.threads.create(title)

    def rename_thread(self, name: str, title: str) -> Thread:
        return self.store.threads.rename(self.thread(name).id, title)

    def archive_thread(self, name: str, archived: bool = True) -> Thread:
        return self.store.threads.set_archived(self.thread(name).id, archived)

    def add_to_thread(self, name: str, prefix: str) -> Thread:
        thread = self.thread(name)
        self.store.threads.add(thread.id, self.resolve(prefix))
        return self.store.threads.get(thread.id)

    def remove_from_thread(self, name: str, prefix: str) -> Thread:
        thread = self.thread(name)
        self.store.threads.remove(thread.id, self.resolve(prefix))
        return self.store.threads.get(thread.id)

    def thread_reflections(self, name: str) -> tuple[Thread, list[Reflection]]:
        """A thread's reflections oldest first: it reads like a conversation."""
        thread = self.thread(name)
        items = list(self.store.reflections.iter_all(ListFilter(thread_id=thread.id)))
        return thread, items[::-1]

    # -- integrity -------------------------------------------------------------------------
    def audit_verify(self):
        return self.store.audit_verify()

    # -- reflecting --------------------------------------------------------------------------
    def reflect(self, text: str, **options: Any) -> "ReflectResult":
        """Save first, in its own transaction; whatever happens afterwards cannot lose it."""
        from mirror.services.results import ReflectResult

        reflection = self.write(text, **options)
        return ReflectResult(reflection)

    def details(self, prefix: str) -> "ReflectionDetails":
        from mirror.services.results import ReflectionDetails

        return ReflectionDetails(self.get(prefix))

"""Records passed between the layers (storage, services, the interfaces), as frozen
dataclasses whose `to_json()` gives the shapes documented under `schemas/json/`, so the
CLI's `--json` output and the TUI read the same fields.

They are grouped by what loads them, because building a dataclass costs about a
millisecond at import and every command pays for what it imports: this module holds the
journal's own records (every read command needs them); `models.derived` what the engine
derived from one reflection and answered (pattern marks, tension observations,
mirrorbacks, checks); `models.insights` tensions over time, pattern counts, feedback;
`models.egress` the egress ledger; `models.bundles` bundle and key reports;
`models.status` stats, care, the constitution's status and `doctor`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Reflection:
    """One reflection as stored, with its tags, threads and care marker."""

    id: str
    content: str
    created_at: str            # UTC, ISO-8601 with 'Z'
    created_tz: str            # the writer's IANA zone
    updated_at: str
    content_type: str = "text/plain"
    visibility: str = "local_only"
    private: bool = False
    starred: bool = False
    source: str = "cli"
    metadata: dict[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    threads: tuple[str, ...] = ()   # thread titles
    revisions: int = 0
    care: str | None = None         # 'care' or 'gentle' while a care marker is active

    @property
    def title(self) -> str:
        """The first non-empty line, as a person would name the entry."""
        for line in self.content.splitlines():
            if line.strip():
                return line.strip()
        return ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["threads"] = list(self.threads)
        return data


@dataclass(frozen=True)
class Revision:
    """An earlier text of a reflection, kept when it was edited."""

    reflection_id: str
    revision: int
    content: str
    revised_at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Thread:
    """A named thread of reflections, with how many it holds."""

    id: str
    title: str
    created_at: str
    archived_at: str | None
    reflections: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchHit:
    """One search result: the reflection, its rank and the matching snippet."""

    reflection: Reflection
    rank: float
    snippet: tuple[tuple[str, bool], ...]   # (text, is_match) segments

    def to_json(self) -> dict[str, Any]:
        return {
            "reflection": self.reflection.to_json(),
            "rank": self.rank,
            "snippet": [{"text": text, "match": match} for text, match in self.snippet],
        }


@dataclass(frozen=True)
class Page:
    """One page of a newest-first listing; `next_cursor` is None on the last page."""

    items: list[Reflection]
    next_cursor: str | None


@dataclass(frozen=True)
class ListFilter:
    """Listing filters as storage applies them (resolved dates and thread ID). The one
    filter record: `list`, `search`, `onthisday` and bulk `edit`/`delete` all take it."""

    since: str | None = None        # UTC ISO bounds, inclusive
    until: str | None = None
    tags: tuple[str, ...] = ()      # all of these
    starred: bool | None = None
    thread_id: str | None = None
    private: bool | None = None
    care: bool | None = None        # reflections with an active care marker (either tier)
    pattern: str | None = None      # reflections showing this pattern
    any_tags: tuple[str, ...] = ()  # at least one of these
    not_tags: tuple[str, ...] = ()  # none of these
    contains: str | None = None     # this text anywhere, ignoring case (not full-text)

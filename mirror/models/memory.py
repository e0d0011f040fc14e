"""Records of the journal's memory: what was written on this day in earlier years
(`mirror onthisday`, and the TUI's view of it). Loaded only by those views."""

from __future__ import annotations

from dataclasses import dataclass

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class DayEntry:
    """One earlier reflection written on the day asked about, as a one-line excerpt."""

    id: str
    created_at: str        # UTC, ISO-8601 with 'Z'
    year: int              # the year it was written, in the writer's own zone
    excerpt: str           # its first words on one line
    private: bool = False
    starred: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at, "year": self.year,
                "excerpt": self.excerpt, "private": self.private, "starred": self.starred}


@dataclass(frozen=True)
class OnThisDay:
    """Reflections written on `date`'s month and day in earlier years, newest year first.

    `label` is the day as a person says it ("2 December"). Reflections that received care
    are not resurfaced here (they stay in `mirror list`)."""

    date: str              # YYYY-MM-DD, the day asked about
    label: str
    entries: tuple[DayEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "label": self.label,
                "reflections": [e.to_json() for e in self.entries]}

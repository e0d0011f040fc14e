"""Records about the journals a person keeps side by side (`mirror journals`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class NamedJournal:
    """One journal named in the default home's config.toml (or the default home itself):
    its name for `--journal`, its folder, and whether that folder holds a journal yet."""

    name: str
    home: str
    exists: bool

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "home": self.home, "exists": self.exists}

"""What every use case needs from an open journal, and nothing more.

Use-case modules (`reflecting`, `deriving`, `bundles`, `doctor`, ...) take this small
context rather than the `Journal`, so they cannot call back up into the door they sit
behind, and each one's dependencies are visible in its signature.
"""

from __future__ import annotations

from mirror.clock import Clock
from mirror.dates import local_zone_name
from mirror.paths import JournalPaths
from mirror.settings import Settings
from mirror.storage.store import Store


class JournalContext:
    """An open journal's paths, store, settings and clock (a plain class: a named tuple or
    a dataclass costs every command's start-up to define, and `typing` with it)."""

    __slots__ = ("paths", "store", "settings", "clock")

    def __init__(self, paths: JournalPaths, store: Store, settings: Settings, clock: Clock) -> None:
        self.paths = paths
        self.store = store
        self.settings = settings
        self.clock = clock

    @property
    def timezone(self) -> str:
        """The journal's IANA zone: the setting, else the machine's."""
        return local_zone_name(self.settings.get("timezone"))

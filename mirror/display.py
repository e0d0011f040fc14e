"""Presentation shared by the CLI and the TUI: how times and IDs are shown to a person."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

SHORT_ID = 8


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_time(utc_text: str, tz: str) -> str:
    """A stored UTC time shown in the zone it was written in."""
    moment = datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    try:
        moment = moment.astimezone(_zone(tz))
    except Exception:  # an unknown zone from an import: show UTC rather than fail
        pass
    return moment.strftime("%Y-%m-%d %H:%M")

"""Recognising entries of a foreign journal that this journal already holds, when the
format keeps no IDs: Mirror's own `export --format jrnl`, read back with
`import --from jrnl`, must not add every reflection a second time.

An entry matches a reflection here when both were written at the same wall-clock second
(the reflection's in its own zone: jrnl writes exactly that, and keeps no zone) and say
the same thing, allowing the `@tag` line `export --format jrnl` adds for tags that were
not written in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from mirror.bundles.importers.base import ImportedEntry, get_zone
from mirror.clock import parse_utc_iso, utc_iso
from mirror.models import ListFilter
from mirror.services.context import JournalContext

#: Two readings of one wall-clock time in different zones are at most 26 hours apart.
_ZONE_SPREAD = timedelta(hours=27)
_TAG_LINE = re.compile(r"\n@\S+(?: @\S+)*\Z")


def _core(text: str) -> str:
    """The text without a last line made only of `@tags`."""
    return _TAG_LINE.sub("", text.strip())


def _key(wall: datetime, text: str) -> tuple[datetime, str]:
    return wall.replace(tzinfo=None, microsecond=0), _core(text)


def already_here(ctx: JournalContext, entries: Sequence[ImportedEntry]) -> dict[int, str]:
    """{index in `entries`: ID of the reflection here it matches}. Reads only the
    reflections in the time window the entries span (widened by the zone spread)."""
    if not entries:
        return {}
    instants = [entry.created_at for entry in entries]
    window = ListFilter(since=utc_iso(min(instants) - _ZONE_SPREAD),
                        until=utc_iso(max(instants) + _ZONE_SPREAD))
    here: dict[tuple[datetime, str], str] = {}
    for reflection in ctx.store.reflections.iter_all(window):
        wall = parse_utc_iso(reflection.created_at).astimezone(get_zone(reflection.created_tz))
        here.setdefault(_key(wall, reflection.content), reflection.id)
    return {index: here[key] for index, entry in enumerate(entries)
            if (key := _key(entry.created_at, entry.text)) in here}

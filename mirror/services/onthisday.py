"""On this day: what the person wrote on today's date in earlier years (`mirror onthisday`,
the TUI's F8). Apart from the memory sentence of the offline engine (`remembering`) so
this read command never loads the engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from mirror.clock import utc_iso
from mirror.errors import InvalidInput
from mirror.models import ListFilter
from mirror.services.context import JournalContext

TYPE_CHECKING = False  # typing's flag without importing typing
if TYPE_CHECKING:
    from mirror.models.memory import DayEntry, OnThisDay

EXCERPT_CHARS = 72
DAY_LIMIT = 20            # reflections shown per earlier year

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")


def moment_of(created_at: str) -> datetime:
    return datetime.fromisoformat(created_at.replace("Z", "+00:00"))


def in_zone(moment: datetime, zone: str) -> datetime:
    try:
        return moment.astimezone(ZoneInfo(zone))
    except (KeyError, ValueError):
        return moment


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date, or InvalidInput saying what was expected."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"not a date: {text!r} (expected YYYY-MM-DD, e.g. 2026-03-14)") from None


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first words of a reflection on one line, cut at a word with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "\u2026"


def day_label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1].capitalize()}"


def on_this_day(ctx: JournalContext, day: date | None = None,
                chosen: ListFilter | None = None) -> OnThisDay:
    """Reflections written on `day`'s month and day (each in its writer's own zone) in
    earlier years, newest year first, among those `chosen` selects (its dates are set
    here); `day` defaults to today in the journal's zone.
    One indexed date-range query per earlier year, back to the oldest reflection.
    Reflections that received care are left out: resurfacing them unasked is not kind."""
    # The records only here: `reflect`'s memory sentence (`remembering`) uses this module's
    # date helpers and never defines them.
    from mirror.models.memory import OnThisDay

    if day is None:
        day = in_zone(ctx.clock.now(), ctx.timezone).date()
    chosen = chosen or ListFilter(care=False)
    store = ctx.store.reflections
    first = store.first_written()
    entries: list[DayEntry] = []
    if first is not None:
        for year in range(day.year - 1, moment_of(first).year - 2, -1):
            entries += _written_on(ctx, day, year, chosen)
    return OnThisDay(date=day.isoformat(), label=day_label(day), entries=tuple(entries))


def _written_on(ctx: JournalContext, day: date, year: int,
                chosen: ListFilter) -> Sequence[DayEntry]:
    try:
        target = day.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return ()
    midnight = datetime(target.year, target.month, target.day)
    # Every zone's version of that day lies within these bounds (UTC-12 .. UTC+14).
    since = utc_iso((midnight - timedelta(hours=14)).replace(tzinfo=ZoneInfo("UTC")))
    until = utc_iso((midnight + timedelta(hours=36)).replace(tzinfo=ZoneInfo("UTC")))
    page = ctx.store.reflections.list(replace(chosen, since=since, until=until),
                                      limit=DAY_LIMIT * 3)
    from mirror.models.memory import DayEntry

    found = []
    for r in page.items:
        here = in_zone(moment_of(r.created_at), r.created_tz)
        if here.date() == target:
            found.append(DayEntry(id=r.id, created_at=r.created_at, year=here.year,
                                  excerpt=excerpt(r.content), private=r.private,
                                  starred=r.starred))
    return found[:DAY_LIMIT]

"""`mirror stats`: the journal's counts, and how the person writes — words per entry and
per month, streaks of days with writing, the busiest weekday and hour.

Everything is read from counts kept by triggers (per day: migration 007; per hour with
words: migration 008). Days and hours are the journal's zone: each counted UTC hour is moved
by the offset the zone had then (daylight saving included), to the hour. Those local counts
are kept too (migration 016: a few thousand days, not tens of thousands of hours), once the
first `stats` in a zone has written the zone's offsets; until then, and whenever the zone,
its rules or an hour outside the kept span differ, every counted hour is grouped here.
"""

from __future__ import annotations

import os
from binascii import crc32
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import TZPATH, ZoneInfo

from mirror.models.status import WEEKDAYS, JournalStats, MonthWords, WritingStats
from mirror.services.context import JournalContext
from mirror.storage import stats as counts

_EPOCH = date(1970, 1, 1)
_THURSDAY = 3  # 1970-01-01's weekday, Monday = 0
MONTHS_SHOWN = 12


def journal_stats(ctx: JournalContext) -> JournalStats:
    return replace(ctx.store.stats(), home=str(ctx.paths.home),
                   schema_version=ctx.store.schema_version, writing=writing(ctx))


def writing(ctx: JournalContext) -> WritingStats:
    zone_name = ctx.timezone
    zone = ZoneInfo(zone_name)
    days, hours = local_counts(ctx, zone_name, zone)
    reflections = sum(n for _, n, _ in days)
    words = sum(w for _, _, w in days)
    by_weekday, by_hour = [0] * 7, [0] * 24
    for day, n, _ in days:
        by_weekday[(day + _THURSDAY) % 7] += n
    for hour, n in hours:
        by_hour[hour] += n
    today = (ctx.clock.now().astimezone(zone).date() - _EPOCH).days
    current, longest, longest_end = streaks([d for d, _, _ in days], today)
    return WritingStats(
        timezone=zone_name, words=words,
        words_per_entry=round(words / reflections, 1) if reflections else 0.0,
        words_per_month=per_month(days), days_written=len(days),
        current_streak=current, longest_streak=longest,
        longest_streak_end=_day(longest_end) if longest_end is not None else None,
        by_weekday=tuple(by_weekday), by_hour=tuple(by_hour),
        busiest_weekday=WEEKDAYS[_busiest(by_weekday)] if reflections else None,
        busiest_hour=_busiest(by_hour) if reflections else None,
    )


#: The span whose offsets are kept with the local counts (hours since 1970): 1900 to 2100,
#: widened to the journal's own first and last hour when it reaches beyond.
KEPT_FIRST_HOUR = -613_608    # 1900-01-01T00:00Z
KEPT_LAST_HOUR = 1_139_567    # 2099-12-31T23:00Z


def local_counts(ctx: JournalContext, zone_name: str,
                 zone: ZoneInfo) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """(days, hours): (day since 1970-01-01, reflections, words) of each local day with
    writing, in order, and (hour of the day, reflections). From the kept local counts when
    they are in this zone, under the rules this machine has for it, and cover every counted
    hour; else grouped from every counted hour, and kept from then on if the journal can be
    written now."""
    conn = ctx.store.conn
    first, last = counts.hour_span(conn)
    if first is None or last is None:
        return [], []
    fingerprint = zone_fingerprint(zone_name)
    kept = counts.local_zone(conn)
    if kept is not None and kept[:2] == (zone_name, fingerprint) and kept[2] <= first \
            and last <= kept[3]:
        return counts.kept_local_days(conn), counts.kept_local_hours(conn)
    intervals = offset_intervals(zone, first, last)
    days, hours = counts.local_days(conn, intervals), counts.local_hours(conn, intervals)
    counts.keep_local_counts(conn, zone_name, fingerprint, offset_intervals(
        zone, min(first, KEPT_FIRST_HOUR), max(last, KEPT_LAST_HOUR)))
    return days, hours


def zone_fingerprint(name: str) -> str:
    """Which rules this machine has for the zone `name`, as `ZoneInfo` finds them: the
    length and CRC-32 of its TZif file, else the version of the tzdata package. The kept
    local counts carry it, so a tzdata update that moves an offset regroups them."""
    for base in TZPATH:
        try:
            with open(os.path.join(base, name), "rb") as file:
                data = file.read()
        except (OSError, ValueError):
            continue
        return f"{len(data)}:{crc32(data)}"
    try:
        import tzdata  # type: ignore[import-untyped,unused-ignore]  # no zone files: Windows, slim images
    except ImportError:
        return "builtin"
    return f"tzdata {tzdata.IANA_VERSION}"


#: Hours between two looks at the zone's offset: a week (no zone changes its offset twice
#: within one), so seven years cost ~400 look-ups instead of one a day.
STRIDE = 7 * 24


def offset_intervals(zone: ZoneInfo, first: int, last: int) -> list[tuple[int, int, int]]:
    """(first hour, last hour, offset in minutes) covering [first, last], one per stretch
    of constant offset: a week's stride finds a change, halving places it to the hour."""
    def offset(hour: int) -> int:
        moment = datetime.fromtimestamp(hour * 3600, UTC).astimezone(zone)
        return int(moment.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]

    intervals: list[tuple[int, int, int]] = []
    start, current, hour = first, offset(first), first
    while hour < last:
        step = min(hour + STRIDE, last)
        if offset(step) == current:
            hour = step
            continue
        unchanged, changed = hour, step      # the first hour with another offset
        while changed - unchanged > 1:
            middle = (unchanged + changed) // 2
            if offset(middle) == current:
                unchanged = middle
            else:
                changed = middle
        intervals.append((start, changed - 1, current))
        start, current, hour = changed, offset(changed), changed
    intervals.append((start, last, current))
    return intervals


def streaks(days: list[int], today: int) -> tuple[int, int, int | None]:
    """(current, longest, last day of the latest longest) runs of consecutive `days`
    (sorted); the current run ends today or yesterday, else it is 0."""
    longest, longest_end, run = 0, None, 0
    for i, day in enumerate(days):
        run = run + 1 if i and days[i - 1] == day - 1 else 1
        if run >= longest:
            longest, longest_end = run, day
    current = run if days and days[-1] >= today - 1 else 0
    return current, longest, longest_end


def per_month(days: list[tuple[int, int, int]]) -> tuple[MonthWords, ...]:
    """The latest MONTHS_SHOWN months with writing, newest first. `days` are in order, so
    they are read from the end and only as far back as those months (a year of days, not
    every day of the journal)."""
    months: dict[str, list[int]] = {}
    for day, n, words in reversed(days):
        month = _day(day)[:7]
        totals = months.get(month)
        if totals is None:
            if len(months) == MONTHS_SHOWN:
                break
            totals = months[month] = [0, 0]
        totals[0] += n
        totals[1] += words
    return tuple(MonthWords(m, n, words) for m, (n, words) in months.items())


def _day(day: int) -> str:
    return (_EPOCH + timedelta(days=day)).isoformat()


def _busiest(values: list[int]) -> int:
    return max(range(len(values)), key=lambda i: (values[i], -i))

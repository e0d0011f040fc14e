"""Reading the dates people type: ISO dates fast, anything else ("yesterday 21:30",
"last friday") through dateparser, which is imported only when it is needed (~60 ms)."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from mirror.errors import InvalidInput


def local_zone_name(configured: str = "") -> str:
    """The IANA zone for new reflections: the configured one, else the machine's."""
    if configured:
        return configured
    linked = _linked_zone()
    if linked:
        return linked
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # tzlocal cannot always tell (minimal containers): fall back to UTC
        name = None
    return name or "UTC"


def _linked_zone() -> str | None:
    """The zone named by TZ, else the one /etc/localtime links to, as tzlocal finds them,
    without importing tzlocal and the logging it brings (~20 ms on each command needing
    the zone); None leaves the less common cases to tzlocal."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if not name:
        try:
            name = os.readlink("/etc/localtime")
        except OSError:
            return None
    if name.startswith("/"):
        _, found, name = name.rpartition("zoneinfo/")
        if not found:
            return None
    if not name or name.startswith(("posix/", "right/")):
        return None
    try:
        ZoneInfo(name)
    except (ValueError, OSError, KeyError):  # not a zone this machine can load
        return None
    return name


EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def parse_when(text: str, tz: str, now: datetime, *, end_of_day: bool | None = None) -> datetime:
    """An aware datetime for what a person typed, read in zone `tz`, relative to `now`.

    `end_of_day` is for range bounds: a phrase that names a day without a time ("2024-03-05",
    "March 5", "yesterday") means the start of that day (False) or its end (True). With
    None (a reflection's own date) the phrase is taken as dateparser reads it."""
    text = text.strip()
    if not text:
        raise InvalidInput("the date is empty")
    zone = ZoneInfo(tz)
    try:
        result = _parse(text, tz, zone, now, end_of_day)
    except OverflowError as exc:
        raise InvalidInput(f"'{text}' is outside the dates Mirror can store") from exc
    if not EARLIEST_YEAR <= result.year <= LATEST_YEAR:
        raise InvalidInput(f"'{text}' is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}")
    return result


def _snap(moment: datetime, end_of_day: bool | None) -> datetime:
    if end_of_day is None:
        return moment
    return datetime.combine(moment.date(), time.max if end_of_day else time.min, moment.tzinfo)


def _parse(text: str, tz: str, zone: ZoneInfo, now: datetime, end_of_day: bool | None) -> datetime:
    try:
        day = date.fromisoformat(text)  # a bare ISO date: a whole day
        return _snap(datetime.combine(day, time.min, zone), bool(end_of_day))
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(text)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    except ValueError:
        pass
    from dateparser.date import DateDataParser

    data = DateDataParser(settings={
        "TIMEZONE": tz,
        "TO_TIMEZONE": tz,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": now.astimezone(zone).replace(tzinfo=None),
    }).get_date_data(text)
    if data.date_obj is None:
        raise InvalidInput(f"cannot read '{text}' as a date (try 2024-03-05 21:30 or 'yesterday 21:30')")
    return data.date_obj if data.period == "time" else _snap(data.date_obj, end_of_day)

"""Reading the dates people type: ISO dates fast, anything else ("yesterday 21:30",
"last friday") through dateparser, which is imported only when it is needed (~60 ms)."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
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
    "March 5", "yesterday") means the start of that day (False) or its end (True), and one
    naming a month or a year ("March", "2024") its first or last day. With None (a
    reflection's own date) the phrase is taken as dateparser reads it.

    Text that is not a date is refused with one line, never read as some date: one
    character, numbers alone ("2 20", "x", "iv", "deux"), or what dateparser cannot read."""
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


#: A Roman numeral up to 39 (i, iv, xii...): dateparser's Hungarian data reads one alone as
#: a month ("x" is October), which a person typing "x" never means.
_ROMAN = frozenset(tens + ones for tens in ("", "x", "xx", "xxx")
                   for ones in ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")) - {""}


def _not_a_date(text: str) -> InvalidInput:
    return InvalidInput(f"cannot read '{text}' as a date (try 2024-03-05 21:30 or 'yesterday 21:30')")


def _only_numbers(text: str) -> bool:
    """Whether `text` is numbers and nothing else ("2", "2 20", "x", "iv 3"): a month, a
    day or several numbers with nothing to say which is which is not a date. A year alone
    ("2024") is one; ISO forms ("20240305") are read before this."""
    words = text.split()
    if len(words) == 1 and len(words[0]) == 4 and words[0].isdecimal():
        return False
    return all(w.isdecimal() or w.casefold() in _ROMAN for w in words)


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
    if len(text) == 1 or _only_numbers(text):  # one letter or digit is never a date
        raise _not_a_date(text)
    from dateparser.date import DateDataParser

    data = DateDataParser(settings={
        "TIMEZONE": tz,
        "TO_TIMEZONE": tz,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": now.astimezone(zone).replace(tzinfo=None),
    }).get_date_data(text)
    if data.date_obj is None or _number_word(text, data.locale):
        raise _not_a_date(text)
    if data.period == "time":
        return data.date_obj
    if end_of_day is not None and data.period in ("month", "year"):
        return _snap(_edge(data.date_obj, data.period, end_of_day), end_of_day)
    return _snap(data.date_obj, end_of_day)


def _edge(moment: datetime, period: str, last: bool) -> datetime:
    """The first or last day of the month or year `moment` stands for: a range bound naming
    a month or a year ("since March", "until 2024") means that, not today's day of it."""
    if period == "year":
        return moment.replace(month=12 if last else 1, day=31 if last else 1)
    first = moment.replace(day=1)
    if not last:
        return first
    following = (first + timedelta(days=31)).replace(day=1)
    return moment.replace(day=(following - timedelta(days=1)).day)


def _number_word(text: str, locale: str | None) -> bool:
    """Whether dateparser read `text` as a number written in words ("a", "one", "deux",
    "zwei" become 1 or 2, then a month or a day): numbers alone, as in `_only_numbers`."""
    if not locale:
        return False
    from dateparser.conf import settings
    from dateparser.languages.loader import default_loader

    try:
        translated = default_loader.get_locale(locale).translate(text, settings=settings)
    except Exception:  # a dateparser without this reading: its own answer stands
        return False
    return bool(translated.strip()) and _only_numbers(translated)

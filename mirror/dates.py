"""Reading the dates people type: ISO dates fast, anything else ("yesterday 21:30",
"last friday") through dateparser, which is imported only when it is needed (~60 ms)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from mirror.errors import InvalidInput


def local_zone_name(configured: str = "") -> str:
    """The IANA zone for new reflections: the configured one, else the machine's."""
    if configured:
        return configured
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # tzlocal cannot always tell (minimal containers): fall back to UTC
        name = None
    return name or "UTC"


def parse_when(text: str, tz: str, now: datetime, *, end_of_day: bool = False) -> datetime:
    """An aware datetime for what a person typed, read in zone `tz`, relative to `now`.

    A bare date means the start of that day (or its end, for the upper bound of a range)."""
    text = text.strip()
    if not text:
        raise InvalidInput("the date is empty")
    zone = ZoneInfo(tz)
    try:
        parsed = datetime.fromisoformat(text)
        if len(text) == 10:  # a bare YYYY-MM-DD
            parsed = datetime.combine(date.fromisoformat(text), time.max if end_of_day else time.min)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    except ValueError:
        pass
    import dateparser

    result = dateparser.parse(
        text,
        settings={
            "TIMEZONE": tz,
            "TO_TIMEZONE": tz,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": now.astimezone(zone).replace(tzinfo=None),
        },
    )
    if result is None:
        raise InvalidInput(f"cannot read '{text}' as a date (try 2024-03-05 21:30 or 'yesterday 21:30')")
    return result

"""The shared date reader (`mirror.dates.parse_when`) that `reflect --date`, `redate`, the
list filters and the TUI's filter bar and dialogs all use: every documented phrase is read,
and text that is not a date is refused with the CLI's one line instead of becoming some
date ("x" was October, "2 20" the 20th of February)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mirror.dates import parse_when
from mirror.errors import InvalidInput

NOW = datetime(2026, 12, 3, 7, 0, tzinfo=UTC)


def day(text: str, end_of_day: bool | None = False, tz: str = "UTC") -> str:
    return parse_when(text, tz, NOW, end_of_day=end_of_day).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize("text", [
    "x", "i", "xii", "iv 3", "a", "2", "20", "2 20", "12 3 2024", "one", "two", "deux",
    "zwei", "an", "the 5th", "blorp", "q",
])
def test_text_that_is_not_a_date_is_refused_with_one_line(text):
    for end_of_day in (None, False, True):
        with pytest.raises(InvalidInput) as refused:
            parse_when(text, "UTC", NOW, end_of_day=end_of_day)
        assert str(refused.value) == (f"cannot read '{text}' as a date"
                                      " (try 2024-03-05 21:30 or 'yesterday 21:30')")


@pytest.mark.parametrize(("text", "since", "until"), [
    ("2024-03-05", "2024-03-05 00:00", "2024-03-05 23:59"),
    ("20261120", "2026-11-20 00:00", "2026-11-20 23:59"),
    ("2024-03-05 21:30", "2024-03-05 21:30", "2024-03-05 21:30"),
    ("yesterday", "2026-12-02 00:00", "2026-12-02 23:59"),
    ("yesterday 21:30", "2026-12-02 21:30", "2026-12-02 21:30"),
    ("last friday", "2026-11-27 00:00", "2026-11-27 23:59"),
    ("March 5", "2026-03-05 00:00", "2026-03-05 23:59"),
    ("November 20 2026", "2026-11-20 00:00", "2026-11-20 23:59"),
    ("3 days ago", "2026-11-30 00:00", "2026-11-30 23:59"),
    ("12/03/2026", "2026-12-03 00:00", "2026-12-03 23:59"),
    ("gestern", "2026-12-02 00:00", "2026-12-02 23:59"),
    ("hace 2 días", "2026-12-01 00:00", "2026-12-01 23:59"),
    ("two weeks ago", "2026-11-19 00:00", "2026-11-19 23:59"),
    ("21:30", "2026-12-02 21:30", "2026-12-02 21:30"),
    ("noon", "2026-12-02 12:00", "2026-12-02 12:00"),
])
def test_every_documented_phrase_is_read(text, since, until):
    assert day(text, False) == since
    assert day(text, True) == until


@pytest.mark.parametrize(("text", "since", "until"), [
    ("March", "2026-03-01 00:00", "2026-03-31 23:59"),
    ("feb 2024", "2024-02-01 00:00", "2024-02-29 23:59"),
    ("December", "2026-12-01 00:00", "2026-12-31 23:59"),
    ("2024", "2024-01-01 00:00", "2024-12-31 23:59"),
    ("last month", "2026-11-01 00:00", "2026-11-30 23:59"),
    ("last year", "2025-01-01 00:00", "2025-12-31 23:59"),
])
def test_a_range_bound_naming_a_month_or_a_year_covers_all_of_it(text, since, until):
    assert day(text, False) == since          # not today's day of that month (the 3rd)
    assert day(text, True) == until


def test_a_reflections_own_date_keeps_its_reading():
    assert day("yesterday 21:30", None) == "2026-12-02 21:30"
    assert day("2024-03-05", None) == "2024-03-05 00:00"
    assert day("March 5", None, "Europe/Berlin") == "2026-03-05 00:00"

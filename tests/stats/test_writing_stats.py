"""Stats people ask for (issue 14, item 6): words per entry and per month, writing streaks
in the journal's own days, the busiest weekday and hour, in `mirror stats` (text and
--json; the TUI's insights screen: tests/tui/test_writing_insights.py), read from counts
kept by triggers (migration 008) that always equal the rows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mirror.clock import FixedClock
from mirror.services.journal import Journal
from mirror.storage import stats
from tests.cli.test_json_schemas import validate

TODAY = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)   # Tuesday 31 March 2026, 12:00 in Berlin


@pytest.fixture
def berlin(mirror_home: Path):
    j = Journal.open(mirror_home, clock=FixedClock(TODAY))
    j.settings.set("timezone", ["Europe/Berlin"])
    yield j
    j.close()


def write_month(j: Journal) -> None:
    # Berlin local times: a three-day run ending today (across the DST change of 29 March),
    # a four-day run in February; 00:30 on the 1st belongs to the 1st, not (UTC) the 28th.
    j.write("one two three", when="2026-03-29 21:15")         # Sunday, summer time
    j.write("four  five\nsix seven", when="2026-03-30 21:40")  # Monday
    j.write("eight nine", when="2026-03-31 08:05")            # Tuesday, today
    for day in ("2026-02-01 00:30", "2026-02-02 21:30", "2026-02-03 21:10", "2026-02-04 07:00"):
        j.write("a b c d e", when=day)


def test_words_streaks_and_busiest_times_in_the_journals_zone(berlin):
    write_month(berlin)
    w = berlin.stats().writing
    assert w is not None and w.timezone == "Europe/Berlin"
    assert w.words == 3 + 4 + 2 + 4 * 5
    assert w.words_per_entry == round(29 / 7, 1)
    assert [(m.month, m.reflections, m.words) for m in w.words_per_month] == \
        [("2026-03", 3, 9), ("2026-02", 4, 20)]
    assert (w.current_streak, w.longest_streak, w.longest_streak_end) == (3, 4, "2026-02-04")
    assert w.days_written == 7
    assert w.busiest_hour == 21            # 21:15, 21:40, 21:30, 21:10 local, across DST
    assert sum(w.by_hour) == 7 and w.by_hour[0] == 1 and w.by_hour[7] == 1
    assert w.by_weekday == (2, 2, 1, 0, 0, 0, 2)   # Mon 30 Mar + 2 Feb, Tue, Wed, ..., Sun
    assert w.busiest_weekday == "Monday"   # ties go to the earlier weekday


def test_a_streak_ends_when_a_day_is_missed(mirror_home):
    with Journal.open(mirror_home, clock=FixedClock(datetime(2026, 4, 2, 12, tzinfo=UTC))) as j:
        j.settings.set("timezone", ["UTC"])
        j.write("x", when="2026-03-30 10:00")
        j.write("y", when="2026-03-31 10:00")
        w = j.stats().writing
        assert (w.current_streak, w.longest_streak) == (0, 2)
        j.write("z", when="2026-04-01 10:00")
        assert j.stats().writing.current_streak == 3


def test_counts_follow_edits_redates_deletes_and_equal_the_rows(berlin):
    write_month(berlin)
    conn = berlin.store.conn
    first = conn.execute("SELECT id FROM reflections ORDER BY seq LIMIT 1").fetchone()[0]
    berlin.edit(first, text="now  with\n\nmore words than before ")  # two blanks: one gap
    berlin.redate(first, "2025-12-24 18:00")
    last = conn.execute("SELECT id FROM reflections ORDER BY seq DESC LIMIT 1").fetchone()[0]
    berlin.delete(last)
    assert stats.maintained_hour_counts(conn) == stats.full_hour_counts(conn)
    w = berlin.stats().writing
    assert w.words == 6 + 4 + 2 + 3 * 5
    assert w.words_per_month[-1].month == "2025-12"


def test_stats_text_and_json(cli, mirror_home):
    clock = FixedClock(TODAY)
    cli("config", "set", "timezone", "Europe/Berlin")
    for when in ("2026-03-30 21:40", "2026-03-31 08:05"):
        assert cli("reflect", "--date", when, "four words right here", clock=clock).code == 0
    run = cli("stats", "--json", clock=clock)
    assert run.code == 0, run.err
    validate("stats", run.json)
    writing = run.json["writing"]
    assert (writing["words"], writing["current_streak"], writing["busiest_weekday"]) == \
        (8, 2, "Monday")
    text = cli("stats", clock=clock)
    assert "words           8 (4 per reflection)" in text.out
    assert "streak          2 days now, longest 2 (to 2026-03-31)" in text.out
    assert "busiest day     Monday" in text.out               # each a tie: the first
    assert "busiest hour    08:00-09:00 (Europe/Berlin)" in text.out


def test_an_empty_journal_says_so(cli):
    run = cli("stats", "--json")
    assert run.code == 0, run.err
    validate("stats", run.json)
    assert run.json["writing"]["busiest_hour"] is None
    assert run.json["writing"]["longest_streak_end"] is None
    assert "words           0 (nothing written yet)" in cli("stats").out


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Africa/Casablanca",
                                  "Australia/Lord_Howe", "Asia/Kolkata", "UTC"])
def test_offset_stretches_equal_an_hour_by_hour_walk(zone):
    """Weekly strides and halving find every change of offset (Casablanca's Ramadan
    months, Lord Howe's half hour) exactly where an hour-by-hour walk does."""
    from zoneinfo import ZoneInfo

    from mirror.services.stats import offset_intervals

    tz = ZoneInfo(zone)
    first = int(datetime(2018, 1, 1, tzinfo=UTC).timestamp()) // 3600
    last = int(datetime(2026, 6, 1, tzinfo=UTC).timestamp()) // 3600

    def offset(hour: int) -> int:
        moment = datetime.fromtimestamp(hour * 3600, UTC).astimezone(tz)
        return int(moment.utcoffset().total_seconds() // 60)

    walk, start = [], first
    for hour in range(first + 1, last + 1):
        if offset(hour) != offset(hour - 1):
            walk.append((start, hour - 1, offset(hour - 1)))
            start = hour
    walk.append((start, last, offset(last)))
    assert offset_intervals(tz, first, last) == walk

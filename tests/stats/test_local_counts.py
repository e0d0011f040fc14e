"""`mirror stats` keeps its local days and hours (migration 016): once a zone's offsets are
written, triggers keep the counts per local day and hour as reflections are written, edited,
redated, deleted, imported and merged. They always equal grouping every counted hour, and
`stats` answers the same whether it reads them or groups: after a change of zone, of the
zone's rules, with an hour beyond the kept span, read-only, and after `analyze --all`."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirror.clock import FixedClock
from mirror.services import stats as writing_stats
from mirror.services.journal import Journal
from mirror.storage import stats
from tests.storage.test_maintained_counts import OPS, _apply

TODAY = datetime(2026, 3, 14, tzinfo=UTC)
TEXTS = ["one two three", "four  five\nsix seven", "eight", "nine ten eleven twelve"]
WHEN = ["2024-03-31 00:30", "2024-03-31 01:30", "2024-03-31 03:30", "2024-10-27 01:30",
        "2024-10-27 02:30", "2025-01-01 00:10", "2023-12-31 23:50"]  # around Berlin's changes


def grouped(conn: sqlite3.Connection, zone: str) -> tuple[list, list]:
    """(days, hours) grouped from every counted hour, as `stats` did before 016."""
    first, last = stats.hour_span(conn)
    if first is None or last is None:
        return [], []
    intervals = writing_stats.offset_intervals(ZoneInfo(zone), first, last)
    return stats.local_days(conn, intervals), sorted(stats.local_hours(conn, intervals))


def assert_kept_counts_match(conn: sqlite3.Connection, zone: str) -> None:
    kept = (stats.kept_local_days(conn), stats.kept_local_hours(conn))
    assert kept == stats.full_kept_local_counts(conn)
    assert kept == grouped(conn, zone)


def _berlin(home: Path) -> Journal:
    journal = Journal.open(home, clock=FixedClock(TODAY))
    journal.settings.set("timezone", ["Europe/Berlin"])
    return journal


def _write_some(journal: Journal) -> None:
    for i, when in enumerate(WHEN):
        journal.write(TEXTS[i % len(TEXTS)], when=when)


@pytest.mark.slow
@settings(max_examples=20)
@given(ops=OPS, around_changes=st.lists(st.sampled_from(WHEN), max_size=4))
def test_kept_local_counts_equal_grouping_every_hour(tmp_path_factory, ops, around_changes) -> None:
    work = tmp_path_factory.mktemp("local")
    with _berlin(work / "home") as journal:
        journal.write("the first one", when="2024-03-31 01:59")
        journal.stats()  # keeps the zone's offsets and counts from here on
        assert stats.local_zone(journal.store.conn)[0] == "Europe/Berlin"
        for when in around_changes:  # hours beside a change of offset, then edited below
            journal.write("written around the clock change", when=when)
            assert_kept_counts_match(journal.store.conn, "Europe/Berlin")
        for step, op in enumerate(ops):
            _apply(journal, op, work, step)
            assert_kept_counts_match(journal.store.conn, "Europe/Berlin")
        assert stats.local_zone(journal.store.conn)[0] == "Europe/Berlin"


def test_stats_reads_the_kept_counts_and_answers_as_grouping_does(tmp_path: Path, monkeypatch) -> None:
    with _berlin(tmp_path / "home") as journal:
        _write_some(journal)
        first = journal.stats()  # grouped, then kept
        grouped_calls = []
        real = stats.local_days
        monkeypatch.setattr(stats, "local_days", lambda *a: grouped_calls.append(1) or real(*a))
        assert journal.stats() == first
        assert grouped_calls == []  # read from the kept counts
        journal.write("later, and at another hour", when="2024-10-27 02:10")
        kept = journal.stats()
        assert grouped_calls == []
        monkeypatch.setattr(stats, "local_zone", lambda conn: None)  # nothing kept: group
        assert journal.stats() == kept and grouped_calls == [1]
        assert kept.writing.words == sum(w for _, _, w in grouped(journal.store.conn, "Europe/Berlin")[0])


def test_another_zone_is_grouped_then_kept(tmp_path: Path) -> None:
    with _berlin(tmp_path / "home") as journal:
        _write_some(journal)
        berlin = journal.stats().writing
        journal.settings.set("timezone", ["Asia/Kolkata"])
        kolkata = journal.stats().writing
        conn = journal.store.conn
        assert stats.local_zone(conn)[0] == "Asia/Kolkata"
        assert_kept_counts_match(conn, "Asia/Kolkata")
        assert kolkata.by_hour != berlin.by_hour and sum(kolkata.by_hour) == sum(berlin.by_hour)
        journal.settings.set("timezone", ["Europe/Berlin"])
        assert journal.stats().writing == berlin


def test_new_rules_for_the_zone_regroup(tmp_path: Path, monkeypatch) -> None:
    """A tzdata update may move an offset: counts kept under the old rules are not read."""
    with _berlin(tmp_path / "home") as journal:
        _write_some(journal)
        before = journal.stats()
        old = stats.local_zone(journal.store.conn)
        monkeypatch.setattr(writing_stats, "zone_fingerprint", lambda name: "new rules")
        assert journal.stats() == before
        assert stats.local_zone(journal.store.conn) == ("Europe/Berlin", "new rules", *old[2:])


def test_an_hour_beyond_the_kept_span_is_grouped(tmp_path: Path, monkeypatch) -> None:
    with _berlin(tmp_path / "home") as journal:
        _write_some(journal)
        journal.stats()
        conn = journal.store.conn
        last = stats.hour_span(conn)[1]
        # as if the span kept ended before the latest reflection's hour
        conn.execute("UPDATE local_zone SET last_hour = ?", (last - 1,))
        conn.execute("UPDATE local_zone_offsets SET last_hour = ? WHERE last_hour >= ?",
                     (last - 1, last - 1))
        journal.write("written in the hour beyond", when="2025-01-01 00:20")
        days, hours = grouped(conn, "Europe/Berlin")
        w = journal.stats().writing
        assert (w.days_written, w.words, sum(w.by_hour)) == \
            (len(days), sum(x[2] for x in days), sum(n for _, n in hours))
        assert stats.local_zone(conn)[3] > last  # kept again, over the whole span
        assert_kept_counts_match(conn, "Europe/Berlin")


def test_a_journal_that_cannot_be_written_still_answers(tmp_path: Path, monkeypatch) -> None:
    with _berlin(tmp_path / "home") as journal:
        _write_some(journal)
        right = journal.stats()
        journal.store.conn.execute("DELETE FROM local_zone")
        monkeypatch.setattr(stats, "writable", lambda conn: False)
        assert journal.stats() == right
        assert stats.local_zone(journal.store.conn) is None


def test_analyze_all_rebuilds_local_counts_that_drifted(tmp_path: Path, cli) -> None:
    home = tmp_path / "home"
    with _berlin(home) as journal:
        _write_some(journal)
        right = journal.stats()
        journal.store.conn.execute("UPDATE reflection_counts_by_local_day SET words = 7")
        journal.store.conn.execute("DELETE FROM reflection_counts_by_local_hour")
        assert journal.stats() != right
    assert cli("--home", str(home), "analyze", "--all").code == 0
    with Journal.open(home, clock=FixedClock(TODAY)) as journal:
        assert stats.local_zone(journal.store.conn)[0] == "Europe/Berlin"
        assert_kept_counts_match(journal.store.conn, "Europe/Berlin")
        assert journal.stats() == right

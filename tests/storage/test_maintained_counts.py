"""Issue 13, item 5: `stats` and `patterns` read counts kept per day by triggers. After any
sequence of writes, edits, redates, deletes, derivations, foreign imports and bundle merges,
those counts equal the whole-table aggregates they replace; a journal from before the
counts gets them when it is migrated; `analyze --all` rebuilds them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirror.clock import FixedClock
from mirror.services import deriving
from mirror.services.journal import Journal
from mirror.storage import migrations, stats
from tests.bundles.journalkit import open_journal

TEXTS = [
    "I must finish the report but part of me wants to rest.",
    "I always ruin everything, I should never have said it.",
    "Walked by the river with Sam.",
    "Tomorrow worries me, what if it all goes wrong?",
    "I remember last summer, it was calm.",
]
DAYS = ["2024-02-28 23:30", "2024-02-29 00:30", "2024-03-01 12:00", "2024-12-31 23:59",
        "2025-01-01 00:01"]
BUCKETS = ("day", "week", "month", "year")
SINCE = [None, "2024-02-29T12:00:00Z", "2024-03-01T00:00:00Z", "2025-01-01T00:00:00Z"]

write = st.tuples(st.just("write"), st.sampled_from(TEXTS), st.sampled_from(DAYS),
                  st.booleans(), st.booleans(), st.booleans())
edit = st.tuples(st.just("edit"), st.integers(0, 20), st.one_of(st.none(), st.sampled_from(TEXTS)),
                 st.one_of(st.none(), st.booleans()), st.one_of(st.none(), st.booleans()))
redate = st.tuples(st.just("redate"), st.integers(0, 20), st.sampled_from(DAYS))
delete = st.tuples(st.just("delete"), st.integers(0, 20))
derive = st.tuples(st.just("derive"), st.integers(0, 20))
jrnl = st.tuples(st.just("jrnl"), st.lists(st.tuples(st.sampled_from(DAYS[:3]),
                                                     st.sampled_from(TEXTS)), min_size=1, max_size=4))
bundle = st.tuples(st.just("bundle"), st.lists(st.tuples(st.sampled_from(TEXTS),
                                                         st.sampled_from(DAYS)), max_size=3),
                   st.integers(0, 20))
OPS = st.lists(st.one_of(write, write, edit, redate, delete, derive, jrnl, bundle), max_size=8)


def assert_counts_match(conn: sqlite3.Connection) -> None:
    assert stats.maintained_reflection_counts(conn) == stats.full_reflection_counts(conn)
    assert stats.maintained_hour_counts(conn) == stats.full_hour_counts(conn)  # 008
    for bucket in BUCKETS:
        for since in SINCE:
            assert stats.pattern_counts(conn, since, bucket) == \
                stats.full_pattern_counts(conn, since, bucket), (bucket, since)


def _ids(journal: Journal) -> list[str]:
    return [r[0] for r in journal.store.conn.execute("SELECT id FROM reflections ORDER BY seq")]


def _apply(journal: Journal, op: tuple, work: Path, step: int) -> None:
    kind, ids = op[0], _ids(journal)
    if kind == "write":
        _, text, day, starred, private, analyse = op
        reflection = journal.write(text, when=day, starred=starred, private=private)
        if analyse:
            deriving.derive_ids(journal.context, [reflection.id])
    elif kind == "jrnl":
        path = work / f"journal-{step}.txt"
        path.write_text("\n\n".join(f"[{day}] {text}" for day, text in op[1]) + "\n")
        journal.import_foreign("jrnl", path, tz="Europe/Berlin")
    elif kind == "bundle":
        _bundle_merge(journal, op, work, step, ids)
    elif ids:
        target = ids[op[1] % len(ids)]
        if kind == "edit":
            journal.edit(target, text=op[2], starred=op[3], private=op[4])
        elif kind == "redate":
            journal.redate(target, op[2])
        elif kind == "delete":
            journal.delete(target)
        elif kind == "derive":
            deriving.derive_ids(journal.context, [target])


def _bundle_merge(journal: Journal, op: tuple, work: Path, step: int, ids: list[str]) -> None:
    """A copy of this journal (so the bundle updates and deletes some of its reflections)
    changed elsewhere, exported, and imported back."""
    other_home = work / f"other-{step}"
    journal.export_bundle(work / f"copy-{step}.zip")
    with open_journal(other_home, seed=step + 1) as other:  # its own IDs
        other.import_bundle(work / f"copy-{step}.zip", confirm_deletes=lambda n: True)
        for text, day in op[1]:
            other.write(text, when=day, starred=True)
        if ids:
            target = ids[op[2] % len(ids)]
            if op[2] % 2:
                other.edit(target, text="Edited elsewhere, and I must say it again.")
            else:
                other.delete(target)
        other.export_bundle(work / f"back-{step}.zip")
    journal.import_bundle(work / f"back-{step}.zip", confirm_deletes=lambda n: True)


@pytest.mark.slow
@settings(max_examples=20)
@given(ops=OPS)
def test_maintained_counts_equal_the_full_aggregates(tmp_path_factory, ops) -> None:
    work = tmp_path_factory.mktemp("counts")
    with Journal.open(work / "home", clock=FixedClock(datetime(2026, 3, 14, tzinfo=UTC))) as journal:
        for step, op in enumerate(ops):
            _apply(journal, op, work, step)
            assert_counts_match(journal.store.conn)
        shown = journal.stats()
        conn = journal.store.conn
        total, starred, private, chars = conn.execute(
            "SELECT count(*), coalesce(sum(starred), 0), coalesce(sum(private), 0),"
            " coalesce(sum(length(content)), 0) FROM reflections").fetchone()
        assert (shown.reflections, shown.starred, shown.private, shown.characters) == \
            (total, starred, private, chars)
        assert [(m.month, m.reflections) for m in shown.per_month] == [tuple(r) for r in conn.execute(
            "SELECT substr(created_at, 1, 7) AS month, count(*) FROM reflections"
            " GROUP BY month ORDER BY month DESC LIMIT 12")]


def _populated(home: Path) -> Journal:
    journal = Journal.open(home, clock=FixedClock(datetime(2026, 3, 14, tzinfo=UTC)))
    for i, text in enumerate(TEXTS * 3):
        reflection = journal.write(text, when=DAYS[i % len(DAYS)], starred=i % 4 == 0)
        deriving.derive_ids(journal.context, [reflection.id])
    return journal


def test_a_journal_from_before_the_counts_gets_them_when_migrated(tmp_path: Path, cli) -> None:
    home = tmp_path / "home"
    with _populated(home) as journal:
        expected = journal.stats()
        patterns = journal.pattern_counts(bucket="week")
        conn = journal.store.conn
        # Make it the journal an older Mirror left: no counts, schema 6.
        for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE type IN"
                                       " ('trigger', 'table') AND name LIKE '%counts%'"
                                       " AND name NOT LIKE '%hour%' AND name NOT LIKE '%local%'"
                                       " AND name NOT LIKE 'tag%'").fetchall():  # 007's only
            conn.execute(f"DROP {kind.upper()} {name}")
        conn.execute("DELETE FROM schema_migrations WHERE version = 7")
    run = cli("--home", str(home), "stats", "--json")
    assert run.code == 0, run.err
    assert run.json["reflections"] == expected.reflections == 15
    assert run.json["schema_version"] == migrations.latest_version()
    with Journal.open(home) as journal:
        assert journal.stats().per_month == expected.per_month
        assert journal.pattern_counts(bucket="week") == patterns != []
        assert_counts_match(journal.store.conn)


def test_analyze_all_rebuilds_counts_that_drifted(tmp_path: Path, cli) -> None:
    home = tmp_path / "home"
    with _populated(home) as journal:
        right = journal.stats()
        # Counts damaged by hand (a tool writing the file directly, a bug in an old Mirror).
        journal.store.conn.execute("UPDATE reflection_counts_by_day SET reflections = 99")
        journal.store.conn.execute("DELETE FROM pattern_counts_by_day")
        assert journal.stats().reflections != right.reflections
    run = cli("--home", str(home), "analyze", "--all")
    assert run.code == 0, run.err
    assert cli("--home", str(home), "stats", "--json").json["reflections"] == 15
    with Journal.open(home) as journal:
        assert_counts_match(journal.store.conn)
        assert journal.stats() == right

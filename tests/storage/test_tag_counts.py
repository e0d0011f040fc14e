"""`mirror tags` reads reflections per tag kept by triggers (migration 017). After any
sequence of writes, edits (text and tags), bulk edits, deletes, foreign imports and bundle
merges the kept counts equal counting every link; a journal from before them gets them when
migrated; `analyze --all` rebuilds counts that drifted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirror.clock import FixedClock
from mirror.services.journal import Journal
from mirror.storage import migrations
from mirror.storage import tags as tagstore
from tests.storage.test_maintained_counts import DAYS, _apply

TEXTS = [
    "A long day at #work, then #Family dinner.",
    "Walked by the river. #walks #work",
    "Nothing tagged here at all.",
    "@travel to Lisbon with @family, finally.",
    "#work #work/deep focus for two hours",
]
NAMES = ["work", "family", "sleep", "Travel", "walks"]

write = st.tuples(st.just("write"), st.sampled_from(TEXTS), st.sampled_from(DAYS),
                  st.booleans(), st.booleans(), st.just(False))
edit = st.tuples(st.just("edit"), st.integers(0, 20), st.one_of(st.none(), st.sampled_from(TEXTS)),
                 st.one_of(st.none(), st.booleans()), st.one_of(st.none(), st.booleans()))
retag = st.tuples(st.just("retag"), st.integers(0, 20), st.lists(st.sampled_from(NAMES), max_size=2),
                  st.lists(st.sampled_from(NAMES), max_size=2), st.booleans())
delete = st.tuples(st.just("delete"), st.integers(0, 20))
jrnl = st.tuples(st.just("jrnl"), st.lists(st.tuples(st.sampled_from(DAYS[:3]),
                                                     st.sampled_from(TEXTS)), min_size=1, max_size=4))
bundle = st.tuples(st.just("bundle"), st.lists(st.tuples(st.sampled_from(TEXTS),
                                                         st.sampled_from(DAYS)), max_size=3),
                   st.integers(0, 20))
OPS = st.lists(st.one_of(write, write, edit, retag, delete, jrnl, bundle), max_size=8)


def _journal(home: Path) -> Journal:
    return Journal.open(home, clock=FixedClock(datetime(2026, 3, 14, tzinfo=UTC)))


def _retag(journal: Journal, op: tuple) -> None:
    ids = [r[0] for r in journal.store.conn.execute("SELECT id FROM reflections ORDER BY seq")]
    if not ids:
        return
    _, index, add, remove, many = op
    if many:  # a bulk edit of every other reflection
        journal.edit_many(ids[index % 2::2], add_tags=add or None, remove_tags=remove or None)
    else:
        journal.edit(ids[index % len(ids)], add_tags=add or None, remove_tags=remove or None)


def assert_tag_counts_match(journal: Journal) -> None:
    conn = journal.store.conn
    assert tagstore.counts(conn) == tagstore.full_counts(conn)
    assert journal.tags() == tagstore.full_counts(conn)


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(ops=OPS)
def test_kept_tag_counts_equal_counting_every_link(tmp_path_factory, ops) -> None:
    work = tmp_path_factory.mktemp("tags")
    with _journal(work / "home") as journal:
        for step, op in enumerate(ops):
            if op[0] == "retag":
                _retag(journal, op)
            else:
                _apply(journal, op, work, step)
            assert_tag_counts_match(journal)


def _populated(home: Path) -> Journal:
    journal = _journal(home)
    for i, text in enumerate(TEXTS * 3):
        journal.write(text, when=DAYS[i % len(DAYS)], tags=[NAMES[i % len(NAMES)]])
    return journal


def test_tags_reads_the_kept_counts(tmp_path: Path) -> None:
    with _populated(tmp_path / "home") as journal:
        shown = journal.tags()
        assert shown == tagstore.full_counts(journal.store.conn)
        assert [n for _, n in shown] == sorted((n for _, n in shown), reverse=True)
        assert dict(shown)["Family"] == sum("family" in t.lower() for t in TEXTS * 3) + 3
        # the list comes from the kept rows: change one and `tags` shows it
        journal.store.conn.execute("UPDATE tag_counts SET reflections = 99"
                                   " WHERE tag_id = (SELECT id FROM tags WHERE name = 'walks')")
        assert journal.tags()[0] == ("walks", 99)


def test_a_journal_from_before_the_tag_counts_gets_them_when_migrated(tmp_path: Path, cli) -> None:
    home = tmp_path / "home"
    with _populated(home) as journal:
        expected = journal.tags()
        conn = journal.store.conn
        for trigger in ("link", "unlink", "relink"):
            conn.execute(f"DROP TRIGGER tag_counts_{trigger}")
        conn.execute("DROP TABLE tag_counts")
        conn.execute("DELETE FROM schema_migrations WHERE version = 17")
        assert tagstore.counts(conn) == expected  # counted link by link meanwhile
    run = cli("--home", str(home), "tags", "--json")
    assert run.code == 0, run.err
    with _journal(home) as journal:
        assert journal.store.conn.execute("SELECT max(version) FROM schema_migrations"
                                          ).fetchone()[0] == migrations.latest_version()
        assert journal.tags() == expected
        assert_tag_counts_match(journal)


def test_analyze_all_rebuilds_tag_counts_that_drifted(tmp_path: Path, cli) -> None:
    home = tmp_path / "home"
    with _populated(home) as journal:
        right = journal.tags()
        journal.store.conn.execute("UPDATE tag_counts SET reflections = 99")
        journal.store.conn.execute("DELETE FROM tag_counts WHERE tag_id = 1")
        assert journal.tags() != right
    run = cli("--home", str(home), "analyze", "--all")
    assert run.code == 0, run.err
    with _journal(home) as journal:
        assert journal.tags() == right
        assert_tag_counts_match(journal)

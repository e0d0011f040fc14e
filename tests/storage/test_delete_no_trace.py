"""Deleting a reflection leaves no trace of its text on disk (DESIGN §3): not in the table,
not in its revisions, not in the full-text index, not in the write-ahead log; only a
tombstone with the ID and the time stays, so it is never resurrected."""

from __future__ import annotations

from pathlib import Path

import pytest

from mirror.errors import InvalidInput
from mirror.services.journal import Journal
from mirror.storage.reflections import NewReflection
from tests.storage.helpers import assert_clean_error, raw_connect

WORDS = ("zanzibarquokka", "xylophonewombat")
SENTENCE = "The lighthouse keeper counted seventeen violet gulls before anyone woke."
ORIGINAL = f"{WORDS[0]} {WORDS[1]}. {SENTENCE}"
EDITED = f"{WORDS[0]} and {WORDS[1]} again. {SENTENCE} I never told anyone."
NEEDLES = (*WORDS, SENTENCE, "seventeen violet gulls", "I never told anyone")
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def _files(home: Path) -> dict[str, bytes]:
    found = {}
    for name in ("mirror.db", "mirror.db-wal", "mirror.db-shm"):
        path = home / name
        if path.exists():
            found[name] = path.read_bytes()
    assert "mirror.db" in found
    return found


def _traces(home: Path) -> list[tuple[str, str, str]]:
    return [(name, needle, enc)
            for name, data in _files(home).items()
            for needle in NEEDLES for enc in ENCODINGS
            if needle.encode(enc) in data]


def _write_fillers(home: Path, start: int) -> None:
    with Journal.open(home) as journal:
        for i in range(start, start + 40):
            journal.write(f"an ordinary day number {i}, tea and a walk")


def _write_edit_search(cli, home: Path) -> str:
    _write_fillers(home, 0)
    rid = cli("reflect", "--json", input=ORIGINAL).json["reflection"]["id"]
    _write_fillers(home, 40)
    edit = cli("edit", rid, "--json", input=EDITED)
    assert edit.code == 0 and edit.json["reflection"]["revisions"] == 1
    found = cli("search", WORDS[1], "--json").json["results"]
    assert [hit["reflection"]["id"] for hit in found] == [rid]
    # Before deleting, the text is on disk (otherwise the check below proves nothing).
    assert _traces(home)
    return rid


def _delete(cli, rid: str) -> None:
    run = cli("delete", rid, "--yes")
    assert run.code == 0, run.err
    assert "bundles exported earlier still contain it" in run.err.lower()


@pytest.fixture
def deleted(cli, mirror_home: Path) -> str:
    """A reflection written among others, edited (so a revision exists), found by search,
    then deleted with `mirror delete ID --yes`; returns its ID."""
    rid = _write_edit_search(cli, mirror_home)
    _delete(cli, rid)
    return rid


def test_deleted_text_is_nowhere_in_the_database_files(deleted, mirror_home):
    """After deletion, neither the distinctive words nor the sentence (from the current
    text or the earlier revision) appear anywhere in mirror.db, its WAL or its shm file,
    in UTF-8 or UTF-16."""
    assert _traces(mirror_home) == []


def test_deleted_text_is_nowhere_on_disk_while_another_mirror_has_the_journal_open(
        cli, mirror_home):
    """Deleting from the command line while another Mirror (say the TUI) has the same
    journal open and has just read it still leaves no trace of the text in any file."""
    rid = _write_edit_search(cli, mirror_home)
    with Journal.open(mirror_home) as other:
        assert [hit.reflection.id for hit in other.search(WORDS[0])] == [rid]
        assert len(other.list(limit=100).items) == 81
        _delete(cli, rid)
        assert _traces(mirror_home) == []
        assert other.search(WORDS[0]) == []
    assert _traces(mirror_home) == []


def test_deleted_text_is_not_found_by_search_or_listed(deleted, cli):
    """Search and listings no longer know the deleted words or the reflection."""
    for word in WORDS:
        run = cli("search", word, "--json")
        assert run.code == 0 and run.json["results"] == []
    listed = cli("list", "-n", "500", "--json").json["reflections"]
    assert len(listed) == 80 and deleted not in {r["id"] for r in listed}


def test_tombstone_keeps_only_the_id_and_time(deleted, mirror_home):
    """What remains is a tombstone with the ID and the time of deletion, nothing else; no
    revision or index row refers to the reflection any more."""
    conn = raw_connect(mirror_home / "mirror.db")
    rows = [dict(r) for r in conn.execute("SELECT * FROM tombstones")]
    assert [set(r) for r in rows] == [{"id", "deleted_at"}]
    assert rows[0]["id"] == deleted
    for table in ("reflection_revisions", "reflection_tags", "thread_members", "mirrorbacks",
                  "reflection_patterns", "tension_observations", "engine_runs"):
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE reflection_id = ?",
                            (deleted,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM reflections WHERE id = ?", (deleted,)).fetchone()[0] == 0
    conn.close()


def test_show_of_a_deleted_reflection_says_it_was_deleted(deleted, cli):
    """`mirror show ID` of a deleted reflection exits 3 and says it was deleted."""
    assert_clean_error(cli("show", deleted), 3, "deleted")
    assert_clean_error(cli("show", deleted[:8]), 3, "deleted")


def test_a_deleted_id_cannot_be_recreated(deleted, journal):
    """Re-importing the same ID (e.g. from an older bundle) is refused: a deleted
    reflection is not resurrected."""
    with pytest.raises(InvalidInput, match="deleted"):
        journal.store.reflections.create(NewReflection(content=ORIGINAL, id=deleted))
    with pytest.raises(InvalidInput, match="deleted"):
        journal.store.reflections.create_many([
            NewReflection(content="a fresh one from the same import"),
            NewReflection(content=ORIGINAL, id=deleted),
        ])
    assert journal.search(WORDS[0]) == []
    assert journal.stats().reflections == 80


def test_a_deleted_id_spelled_in_capitals_cannot_be_recreated(deleted, journal, cli):
    """UUIDs are case-insensitive (RFC 4122; Day One, for one, writes them in capitals):
    importing the deleted reflection's ID in upper case must not bring it back either."""
    with pytest.raises(InvalidInput, match="deleted"):
        journal.store.reflections.create(NewReflection(content=ORIGINAL, id=deleted.upper()))
    assert journal.search(WORDS[0]) == []
    assert_clean_error(cli("show", deleted), 3, "deleted")

"""`mirror doctor --recover` (issue 12, item 9): a damaged journal is salvaged into a new
file, the damaged one is kept beside it, and a failed or needless recovery changes nothing.

Each journal is written through the real service layer, damaged on disk by scrambling the
pages that hold chosen reflections, and recovered by a real `python -m mirror` process.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_json_schemas import validate
from tests.cli.test_storage_hardening import _damage
from tests.storage.helpers import assert_clean_error

PAGE = 4096
LOST = (5, 6)  # the reflections whose pages are damaged


def _text(n: int) -> str:
    # ~2.4 KB: one reflection fills one page of the table, so damage can pick one.
    return f"reflection number {n:02d} " + "words " * 400


@pytest.fixture
def written(journal, mirror_home: Path) -> dict[int, str]:
    """Twelve reflections; returns number -> ID."""
    ids = {n: journal.write(_text(n)).id for n in range(12)}
    journal.close()
    return ids


def _page_of(data: bytes, n: int) -> int:
    offset = data.index(f"reflection number {n:02d} ".encode())
    return offset // PAGE


def _scramble_pages(db: Path, pages: list[int]) -> None:
    data = bytearray(db.read_bytes())
    for page in pages:
        for offset in range(page * PAGE, (page + 1) * PAGE):
            data[offset] ^= 0x5A
    db.write_bytes(bytes(data))


def _root_page(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] - 1
    finally:
        conn.close()


def _files(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(home.iterdir()) if p.is_file()}


def _damage_lost(mirror_home: Path) -> bytes:
    db = mirror_home / "mirror.db"
    data = db.read_bytes()
    _scramble_pages(db, [_page_of(data, n) for n in LOST])
    return db.read_bytes()


def _assert_recovered(mirror_proc, mirror_home: Path, written: dict[int, str], damaged: bytes,
                      env: dict[str, str] | None, method: str | None) -> None:
    run = mirror_proc("doctor", "--recover", "--json", env=env)
    assert run.code == 0, run.err
    result = run.json
    validate("doctor --recover", result)
    if method:
        assert result["method"] == method
    listed = mirror_proc("list", "-n", "100", "--json")
    assert listed.code == 0, listed.err
    ids = {r["id"] for r in listed.json["reflections"]}
    kept = {written[n] for n in range(12) if n not in LOST}
    assert kept <= ids and result["reflections"] == len(ids)
    if method == "row by row":  # exactly the reflections on undamaged pages
        assert ids == kept
    # The damaged file is kept beside the new one, byte for byte.
    assert Path(result["kept_as"]).parent == mirror_home
    assert Path(result["kept_as"]).read_bytes() == damaged
    assert not list(mirror_home.glob("*.recovering-*"))
    doctor = mirror_proc("doctor")
    assert "[ok  ] database" in doctor.out
    found = mirror_proc("search", "number", "--json")
    assert found.code == 0 and len(found.json["results"]) >= len(kept)


def test_a_damaged_journal_is_recovered_row_by_row(mirror_proc, mirror_home, written, tmp_path):
    damaged = _damage_lost(mirror_home)
    assert mirror_proc("reflect", "one more").code == 7  # damaged: nothing can be written
    _assert_recovered(mirror_proc, mirror_home, written, damaged, None, "row by row")
    assert mirror_proc("reflect", "after the recovery").code == 0


def test_the_human_summary_counts_what_came_back(mirror_proc, mirror_home, written, tmp_path):
    _damage_lost(mirror_home)
    run = mirror_proc("doctor", "--recover")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("recovered ")
    assert " into a new journal" in lines[0] and "reflection(s)" not in lines[0] and "mirror.db.damaged-" in lines[0]
    assert "mirror analyze" in run.err


def test_a_journal_damaged_in_the_middle_is_recovered(mirror_proc, mirror_home, written):
    """The storage tests' damage (pages in the middle of the file), whichever method runs."""
    _damage(mirror_home / "mirror.db")
    run = mirror_proc("doctor", "--recover", "--json")
    assert run.code == 0, run.err
    assert mirror_proc("doctor").code == 0
    assert mirror_proc("list", "--json").code == 0


def test_a_healthy_journal_is_refused(mirror_proc, mirror_home, written):
    before = _files(mirror_home)
    assert_clean_error(mirror_proc("doctor", "--recover"), 4, "nothing to recover")
    assert _files(mirror_home) == before
    assert not list(mirror_home.glob("*.recovering-*"))


def test_a_missing_journal_is_not_found(mirror_proc, mirror_home):
    assert_clean_error(mirror_proc("doctor", "--recover"), 3, "no journal")


def test_when_nothing_can_be_recovered_the_journal_is_left_byte_identical(
        mirror_proc, mirror_home, written, tmp_path):
    db = mirror_home / "mirror.db"
    data = db.read_bytes()
    pages = sorted({_page_of(data, n) for n in range(12)} | {_root_page(db, "reflections")})
    _scramble_pages(db, pages)
    before, names = _files(mirror_home), sorted(p.name for p in mirror_home.iterdir())
    run = mirror_proc("doctor", "--recover")
    assert_clean_error(run, 7, "nothing could be recovered")
    assert _files(mirror_home) == before
    assert sorted(p.name for p in mirror_home.iterdir()) == names


def test_the_damaged_hint_points_at_the_recover_command(mirror_proc, mirror_home, written):
    _damage_lost(mirror_home)
    assert_clean_error(mirror_proc("reflect", "x"), 7, "mirror doctor --recover")


def test_rows_the_migrations_seed_come_back_as_the_journal_had_them(mirror_home, written, tmp_path):
    """Rows a migration seeds in every new journal (the engine profile in force) are not
    refused as duplicates when a journal's own rows are copied into the fresh file: a
    healthy journal copies with nothing skipped."""
    from mirror.storage.salvage import _rebuild

    copied, skipped = _rebuild(mirror_home / "mirror.db", tmp_path / "fresh.db")
    assert copied >= 12 and skipped == 0

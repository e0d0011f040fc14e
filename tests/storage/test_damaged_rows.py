"""One reflection with a value outside its domain, already in a journal (imported before
migration 006): migrating keeps it, every command still works, it is shown as damaged, and
the schema now refuses such a value on any new write, naming the field."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mirror.storage import migrations


def _as_schema_5_with_a_bad_date(db: Path, bad: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE '%domain%'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DELETE FROM schema_migrations WHERE version = 6")
        conn.execute("UPDATE reflections SET created_at = ? WHERE content LIKE 'Broken%'", (bad,))
    finally:
        conn.close()


@pytest.mark.parametrize("bad", ["2026-13-45T00:00:00Z", "not a date", "2026-02-30T10:00:00Z"])
def test_a_damaged_row_never_hides_the_journal(bad, cli, mirror_home: Path, tmp_path: Path) -> None:
    for text in ("First good one", "Broken one", "Second good one"):
        assert cli("reflect", text).code == 0
    _as_schema_5_with_a_bad_date(mirror_home / "mirror.db", bad)
    listed = cli("list")  # opening migrates to 006, keeping every row
    assert listed.code == 0, listed.err
    assert "damaged: bad date  Broken one" in listed.out
    assert "First good one" in listed.out and "Second good one" in listed.out
    ids = {r["content"]: r["id"] for r in cli("list", "--json").json["reflections"]}
    assert len(ids) == 3
    shown = cli("show", ids["Broken one"][:8])
    assert shown.code == 0 and "damaged: bad date" in shown.out and "Broken one" in shown.out
    assert cli("search", "one").code == 0
    assert cli("export", "--format", "json", str(tmp_path / "out.json")).code == 0
    assert cli("export", str(tmp_path / "out.zip")).code == 0
    verified = cli("verify", str(tmp_path / "out.zip"))  # Mirror reads its own bundle back
    assert verified.code == 0, verified.err
    imported = cli("import", str(tmp_path / "out.zip"), "--home", str(tmp_path / "b"), "--json")
    assert imported.code == 0, imported.err
    conn = sqlite3.connect(mirror_home / "mirror.db")
    try:
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == \
            migrations.latest_version()
        assert conn.execute("SELECT created_at FROM reflections WHERE id = ?",
                            (ids["Broken one"],)).fetchone()[0] == bad  # kept as it was
        with pytest.raises(sqlite3.IntegrityError, match="reflections.created_at is not a valid"):
            conn.execute("UPDATE reflections SET created_at = '2026-02-30T00:00:00Z'"
                         " WHERE id = ?", (ids["First good one"],))
    finally:
        conn.close()

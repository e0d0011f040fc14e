"""`mirror export --format jrnl` writes entry by entry (issue 14): the streamed file is the
very text the whole-journal exporter builds, including reflections written within the
same second (ordered by their exact moment, then ID), times stored with and without a
fraction, and a row whose stored time was damaged before migration 006."""

from __future__ import annotations

from pathlib import Path

from mirror.bundles import exporters
from mirror.bundles.export import plain_record
from mirror.storage.reflections import NewReflection

TIMES = [
    "2024-03-05T10:00:00Z", "2024-03-05T10:00:00.500000Z", "2024-03-05T10:00:00.250Z",
    "2024-03-05T09:59:59.999999Z", "2023-12-31T23:00:00Z", "2024-03-05T10:00:01Z",
    "2024-03-05T10:00:00Z",
]


def test_streamed_jrnl_export_equals_the_whole_journal_text(journal, tmp_path: Path) -> None:
    store = journal.store
    store.reflections.create_many(
        NewReflection(content=f"Entry {i} at {t} #tag{i % 2}", created_at=t,
                      created_tz=("Asia/Tokyo", "Europe/Berlin", "UTC")[i % 3], starred=i == 2)
        for i, t in enumerate(TIMES))
    conn = store.conn
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                " AND name = 'reflections_domain_update'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")  # as a journal from before migration 006
    conn.execute("UPDATE reflections SET created_at = '2024-13-45T00:00:00Z'"
                 " WHERE content LIKE 'Entry 5 %'")
    expected = "".join(exporters.reflections_to_jrnl(
        [plain_record(r) for r in store.reflections.iter_all()]))

    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "journal.txt"
    exported = journal.export_plain(out, "jrnl")

    assert exported.reflections == len(TIMES)
    assert out.read_text(encoding="utf-8") == expected
    assert expected.count("Entry 5 ") == 1 and expected.index("Entry 4 ") < expected.index("Entry 3 ")
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["journal.txt"]  # no temporary file left

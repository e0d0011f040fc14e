"""The one bulk write path of every `mirror import --from …` (issue 13, item 2): entries are
streamed from the file into the journal in chunks, with tags, audit entries and derived
rows written in bulk, and the result is the same journal the one-by-one path built:
idempotent, duplicates told apart, the import recorded under its own kind."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirror.services.deriving import PARALLEL_THRESHOLD, PENDING_FILE
from mirror.services.journal import Journal
from tests.bundles.journalkit import open_journal
from tests.conftest import REPO


def _kinds(home: Path) -> list[str]:
    conn = sqlite3.connect(home / "mirror.db")
    try:
        return [row[0] for row in conn.execute("SELECT kind FROM bundle_imports ORDER BY imported_at")]
    finally:
        conn.close()


def test_mirror_json_import_is_recorded_as_json(cli, mirror_home: Path, tmp_path: Path) -> None:
    assert cli("reflect", "A day by the sea #travel").code == 0
    doc = tmp_path / "journal.json"
    assert cli("export", "--format", "json", str(doc)).code == 0
    other = tmp_path / "other"
    run = cli("import", "--from", "json", str(doc), "--json", "--home", str(other))
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == 1
    assert _kinds(other) == ["json"]
    with Journal.open(other) as journal:
        assert [i.kind for i in journal.imports()] == ["json"]
        assert json.loads(json.dumps(journal.imports()[0].details))["from"] == "json"


# -- analysis overlapped with the writes ------------------------------------------------------

SIZE = PARALLEL_THRESHOLD + 150  # past the threshold: analysed by workers while rows are written


def _derived(journal: Journal) -> list[tuple]:
    """Every derived row, without the IDs and times minted when it was written."""
    conn = journal.store.conn
    return [
        *conn.execute("SELECT reflection_id, pattern, evidence FROM reflection_patterns ORDER BY 1, 2"),
        *conn.execute("SELECT o.reflection_id, t.axis_a, t.axis_b, o.position, o.intensity, o.evidence,"
                      " o.observed_at FROM tension_observations o JOIN tensions t ON t.id = o.tension_id"
                      " ORDER BY 1, 2, 3"),
        *conn.execute("SELECT reflection_id, tier, score, signals, language FROM care_markers"
                      " ORDER BY 1"),
    ]


def _jrnl_file(path: Path, count: int) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from journal_gen import entries

    with open(path, "w", encoding="utf-8") as out:
        for i, entry in enumerate(entries(count, seed=3)):
            out.write(f"[2020-{i // 600 + 1:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}]"
                      f" {entry.content}\n\n")


def test_a_large_jrnl_import_is_derived_as_analyze_all_derives_it(tmp_path: Path) -> None:
    source = tmp_path / "journal.txt"
    _jrnl_file(source, SIZE)
    with open_journal(tmp_path / "home") as journal:
        result = journal.import_foreign("jrnl", source, tz="Europe/Berlin")
        assert result.changes["reflections_added"] == SIZE
        assert not (tmp_path / "home" / PENDING_FILE).exists()
        imported = _derived(journal)
        assert len({row[0] for row in imported}) > SIZE // 2
        journal.analyze_all()
        assert _derived(journal) == imported
        again = journal.import_foreign("jrnl", source, tz="Europe/Berlin")
        assert again.changes["reflections_added"] == 0
        assert again.changes["reflections_skipped_existing"] == SIZE
        assert _derived(journal) == imported


def _exported_bundle(tmp_path: Path) -> list[tuple]:
    """A journal of SIZE generated reflections exported to tmp_path/journal.zip; returns
    its derived rows, as `analyze --all` wrote them there."""
    sys.path.insert(0, str(REPO / "bench"))
    from journal_gen import entries

    with open_journal(tmp_path / "source") as source:
        source.store.reflections.create_many(entries(SIZE, seed=5))
        source.analyze_all()
        source.export_bundle(tmp_path / "journal.zip")
        return _derived(source)


def test_a_large_bundle_import_is_derived_as_analyze_all_derives_it(tmp_path: Path) -> None:
    expected = _exported_bundle(tmp_path)
    with open_journal(tmp_path / "home", seed=3) as journal:
        result = journal.import_bundle(tmp_path / "journal.zip")
        assert result.changes["reflections_added"] == SIZE == result.rederived
        assert not (tmp_path / "home" / PENDING_FILE).exists()
        assert _derived(journal) == expected
        assert journal.import_bundle(tmp_path / "journal.zip").changed is False
        assert _derived(journal) == expected


KILLED_CHILD = r"""
import sys
from mirror.services.journal import Journal

with Journal.open(sys.argv[1]) as journal:
    journal.import_foreign("jrnl", sys.argv[2], tz="UTC")
"""


@pytest.mark.slow
def test_kill_9_during_a_jrnl_import_leaves_before_or_after(tmp_path: Path) -> None:
    """Killed while it writes, the import left nothing; killed while it derives, all its
    reflections are there and the next import derives the rest."""
    source = tmp_path / "journal.txt"
    _jrnl_file(source, SIZE * 2)
    home = tmp_path / "home"
    open_journal(home).close()
    for delay in (0.2, 0.6, 1.2, 2.5):
        proc = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, str(home), str(source)],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        conn = sqlite3.connect(home / "mirror.db", timeout=30)
        try:
            count = conn.execute("SELECT count(*) FROM reflections").fetchone()[0]
        finally:
            conn.close()
        assert count in (0, SIZE * 2), delay
    with open_journal(home, seed=4) as journal:
        again = journal.import_foreign("jrnl", source, tz="UTC")  # finishes what was left
        assert journal.store.reflections.count() == SIZE * 2
        assert again.changes["reflections_added"] in (0, SIZE * 2)
        assert not (home / PENDING_FILE).exists()
        derived = _derived(journal)
        journal.analyze_all()
        assert _derived(journal) == derived

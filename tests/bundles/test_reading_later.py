"""A large import returns once its rows are written and leaves reading them (patterns,
tensions, care markers) to one detached reader (`services.reading_later`): the person can
list and search at once, `mirror analyze --pending` waits for the reader, and the journal
it leaves is the one an import that waited would have left."""

from __future__ import annotations

import json
from pathlib import Path

from mirror.services import reading_later
from mirror.services.deriving import PENDING_FILE
from tests.bundles.journalkit import open_journal
from tests.bundles.test_bulk_import import SIZE, _derived, _exported_bundle, _jrnl_file

#: Low enough that a test-sized import leaves most of its reading to the reader.
LATER_FROM = "50"


def test_a_large_import_left_to_the_reader_ends_as_a_waited_import_ends(tmp_path: Path) -> None:
    source = tmp_path / "journal.txt"
    _jrnl_file(source, SIZE)
    with open_journal(tmp_path / "waited") as waited:
        waited.import_foreign("jrnl", source, tz="UTC")
        expected = _derived(waited)
    home = tmp_path / "home"
    with open_journal(home) as journal:
        journal.settings.set("import.read_later_from", [LATER_FROM])
        result = journal.import_foreign("jrnl", source, tz="UTC", read_later=True)
        assert result.changes["reflections_added"] == SIZE
        assert result.reading_later > 0
        assert journal.store.reflections.count() == SIZE  # listed and searched at once
        journal.analyze_pending()  # waits for the detached reader, reads what is left
        assert journal.pending_reading() == (0, False)
        assert not (home / PENDING_FILE).exists()
        assert _derived(journal) == expected
        # what the reader wrote is what re-deriving everything writes
        journal.analyze_all()
        assert _derived(journal) == expected


def test_a_large_bundle_import_left_to_the_reader_ends_as_a_waited_import_ends(
        tmp_path: Path) -> None:
    expected = _exported_bundle(tmp_path)
    with open_journal(tmp_path / "home", seed=3) as journal:
        journal.settings.set("import.read_later_from", [LATER_FROM])
        result = journal.import_bundle(tmp_path / "journal.zip", read_later=True)
        assert result.changes["reflections_added"] == SIZE
        assert result.reading_later == SIZE - result.rederived > 0
        journal.analyze_pending()
        assert _derived(journal) == expected


def test_the_cli_says_the_reading_goes_on_and_analyze_pending_waits(
        cli, mirror_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "journal.txt"
    _jrnl_file(source, SIZE)
    assert cli("config", "set", "import.read_later_from", LATER_FROM).code == 0
    run = cli("import", "--from", "jrnl", str(source), "--tz", "UTC")
    assert run.code == 0, run.err
    assert "for patterns and care in the background" in run.out + run.err
    assert "mirror analyze --pending" in run.out + run.err
    waited = cli("analyze", "--pending", "--json")
    assert waited.code == 0, waited.err
    assert cli("analyze", "--pending").code == 0
    again = cli("analyze", "--pending")
    assert "nothing left to read" in again.out + again.err
    assert not (mirror_home / PENDING_FILE).exists()


def test_wait_reads_everything_before_the_command_returns(
        cli, mirror_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "journal.txt"
    _jrnl_file(source, SIZE)
    assert cli("config", "set", "import.read_later_from", LATER_FROM).code == 0
    run = cli("import", "--from", "jrnl", str(source), "--tz", "UTC", "--wait", "--json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["reading_later"] == 0
    assert not (mirror_home / PENDING_FILE).exists()
    with open_journal(mirror_home) as journal:
        assert journal.pending_reading() == (0, False)


def test_a_small_import_reads_everything_itself(cli, mirror_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "journal.txt"
    _jrnl_file(source, 20)
    run = cli("import", "--from", "jrnl", str(source), "--tz", "UTC", "--json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["reading_later"] == 0
    assert not (mirror_home / PENDING_FILE).exists()


def test_an_import_does_not_take_over_what_a_reader_at_work_is_reading(tmp_path: Path) -> None:
    """While a reader holds the lock, an import neither blocks on it nor reads the
    reflections already pending: the reader (which reads until nothing is pending) will."""
    home = tmp_path / "home"
    with open_journal(home) as journal:
        first = journal.write("A first entry, imported earlier and not read yet.")
        (home / PENDING_FILE).write_text(json.dumps([first.id]), encoding="utf-8")
        source = tmp_path / "journal.txt"
        _jrnl_file(source, 20)
        with reading_later.ReaderLock(home) as lock:
            assert lock.acquire(wait=False)
            assert journal.pending_reading() == (1, True)
            journal.import_foreign("jrnl", source, tz="UTC")
            assert json.loads((home / PENDING_FILE).read_text(encoding="utf-8")) == [first.id]
        assert journal.pending_reading() == (1, False)
        journal.analyze_pending()
        assert journal.pending_reading() == (0, False)


def test_doctor_tells_unread_reflections_and_how_to_read_them(
        cli, mirror_home: Path) -> None:
    assert cli("reflect", "A first entry.").code == 0
    first = cli("list", "--json").json["reflections"][0]["id"]
    assert cli("doctor").code == 0
    (mirror_home / PENDING_FILE).write_text(json.dumps([first]), encoding="utf-8")  # a killed import
    run = cli("doctor", "--json")
    reading = next(c for c in run.json["checks"] if c["name"] == "reading")
    assert reading["ok"] is False
    assert "1 reflection an import left unread" in reading["detail"]
    assert "mirror analyze --pending" in reading["fix"]
    assert cli("analyze", "--pending").code == 0
    assert cli("doctor").code == 0


def test_the_reader_reads_the_journal_a_relative_home_names(tmp_path: Path) -> None:
    # `mirror --home mine import …`: the reader starts inside the journal's folder, and must
    # still open that journal, not a new one at mine/mine (whole processes, run in tmp_path)
    import subprocess
    import sys

    source = tmp_path / "journal.txt"
    _jrnl_file(source, SIZE)

    def mirror(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mirror", "--home", "mine", *args],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)

    assert mirror("config", "set", "import.read_later_from", LATER_FROM).returncode == 0
    run = mirror("import", "--from", "jrnl", str(source), "--tz", "UTC", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["reading_later"] == SIZE
    assert mirror("analyze", "--pending").returncode == 0  # waits for the reader
    assert not (tmp_path / "mine" / "mine").exists()


def test_a_reader_killed_late_leaves_only_the_rest_to_read(tmp_path: Path, monkeypatch) -> None:
    """What a reader wrote leaves the pending list as it goes: stopped (here by an error in
    its progress report, as a kill would stop it) after its first batch of 500, only the
    other 250 are read again."""
    from mirror.services import deriving

    source = tmp_path / "journal.txt"
    _jrnl_file(source, SIZE)
    home = tmp_path / "home"
    monkeypatch.setattr(deriving, "FORGET_EVERY", 100)
    with open_journal(home) as journal:
        journal.settings.set("import.read_later_from", [str(SIZE * 2)])  # all read now, then
        journal.import_foreign("jrnl", source, tz="UTC")
        conn = journal.store.conn
        ids = [row[0] for row in conn.execute("SELECT id FROM reflections ORDER BY id")]
        (home / PENDING_FILE).write_text(json.dumps(ids), encoding="utf-8")  # left unread

        class Stopped(Exception):
            pass

        def stop_late(done: int, total: int) -> None:
            if done >= deriving.BATCH:
                raise Stopped

        try:
            deriving.derive_after_import(journal.context, [], progress=stop_late)
        except Stopped:
            pass
        left = json.loads((home / PENDING_FILE).read_text(encoding="utf-8"))
        assert len(left) == SIZE - deriving.BATCH
        assert set(left) <= set(ids)
        journal.analyze_pending()
        assert journal.pending_reading() == (0, False)

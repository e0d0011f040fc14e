"""A bundle whose tombstones would delete reflections here (issue 12, item 4): the import
says how many and asks at a terminal, is refused in a script unless --allow-deletes, and
--dry-run shows added/updated/deleted counts without changing anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.bundles.journalkit import full_digest, open_journal

OWN = 6


@pytest.fixture
def wiping_bundle(mirror_home: Path, tmp_path: Path) -> Path:
    """This journal (OWN reflections), and a bundle from a copy of it in which every one of
    them was deleted: its tombstones name every local ID."""
    journal = open_journal(mirror_home)
    ids = [journal.write(f"Morning pages, day {i}: the garden again").id for i in range(OWN)]
    journal.close()
    copy = tmp_path / "copy"
    shutil.copytree(mirror_home, copy)
    other = open_journal(copy, seed=3)
    for reflection_id in ids:
        other.delete(reflection_id)
    other.write("A new one from the other machine")
    other.export_bundle(tmp_path / "wipe.zip")
    other.close()
    return tmp_path / "wipe.zip"


def _count(home: Path) -> int:
    journal = open_journal(home)
    try:
        return journal.store.reflections.count()
    finally:
        journal.close()


def test_a_script_is_refused_with_the_count_and_the_flag(mirror_proc, mirror_home: Path,
                                                         wiping_bundle: Path) -> None:
    before = full_digest(mirror_home / "mirror.db")

    run = mirror_proc("import", str(wiping_bundle))

    assert run.code == 6
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and f"would delete {OWN} reflections" in lines[0]
    assert "--allow-deletes" in lines[0] and "Traceback" not in run.err
    assert full_digest(mirror_home / "mirror.db") == before

    run = mirror_proc("import", str(wiping_bundle), "--allow-deletes")
    assert run.code == 0, run.err
    assert _count(mirror_home) == 1


def test_a_terminal_is_asked_and_no_keeps_everything(cli, mirror_home: Path,
                                                     wiping_bundle: Path) -> None:
    before = full_digest(mirror_home / "mirror.db")

    run = cli("import", str(wiping_bundle), input="n\n", tty=True)

    assert run.code == 6
    assert f"would delete {OWN} reflections from this journal" in run.err and "[y/N]" in run.err
    assert full_digest(mirror_home / "mirror.db") == before

    run = cli("import", str(wiping_bundle), input="y\n", tty=True)
    assert run.code == 0, run.err
    assert _count(mirror_home) == 1


def test_dry_run_shows_added_updated_deleted_and_changes_nothing(
        cli, mirror_home: Path, wiping_bundle: Path) -> None:
    before = full_digest(mirror_home / "mirror.db")

    run = cli("import", str(wiping_bundle), "--dry-run")

    assert run.code == 0, run.err
    assert f"would add 1, update 0 and delete {OWN} reflections" in run.err
    assert full_digest(mirror_home / "mirror.db") == before
    json_run = cli("import", str(wiping_bundle), "--dry-run", "--json")
    assert json_run.json["changes"]["reflections_deleted"] == OWN
    assert full_digest(mirror_home / "mirror.db") == before


def test_a_bundle_that_deletes_nothing_needs_no_flag(mirror_proc, mirror_home: Path,
                                                     tmp_path: Path) -> None:
    source = open_journal(tmp_path / "src", seed=4)
    source.write("From elsewhere, nothing deleted")
    source.export_bundle(tmp_path / "plain.zip")
    source.close()

    run = mirror_proc("import", str(tmp_path / "plain.zip"))

    assert run.code == 0, run.err

"""Every file Mirror writes that holds journal text is readable by its owner only (0600),
even under the usual umask 022: the database and its WAL/SHM, exports (JSON, Markdown,
jrnl, bundles), editor drafts, the bug log, snapshots and salvage copies. A busy session is
run, then the whole journal folder (where the exports were also written) is walked."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


#: Files with no journal text in them, left to the umask: the database's seal (sizes and
#: times of its files) and the parsed constitution's cache.
NO_JOURNAL_TEXT = ("mirror.db-checked", "cache/invariants-")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def loose_files(folder: Path) -> list[str]:
    """Regular files anyone but the owner can read or write, as 'mode path'."""
    found = []
    for root, _, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            mode = stat.S_IMODE(path.lstat().st_mode)
            if stat.S_ISREG(path.lstat().st_mode) and mode & 0o077:
                found.append(f"{mode:04o} {path.relative_to(folder)}")
    return sorted(found)


def test_a_busy_session_leaves_no_file_others_can_read(cli, mirror_home, umask_022, monkeypatch):
    from mirror.cli import journal_cmds

    ids = []
    for text, extra in (("A long week, and the garden again #home", ()),
                        ("Only for me: the letter I never sent.", ("--private",)),
                        ("Starred: the walk by the river", ("--star", "--tag", "walks"))):
        run = cli("reflect", "--json", *extra, text)
        assert run.code == 0, run.err
        ids.append(run.json["reflection"]["id"])
    edited = cli("edit", ids[0], "--text", "A long week, and the garden again, edited #home")
    assert edited.code == 0, edited.err
    assert cli("config", "set", "care.resources", "Call my sister").code == 0

    kept = cli("reflect", tty=True)  # EDITOR=false: the editor fails, the draft is kept
    assert kept.code == 4 and "draft kept at" in kept.err

    exports = mirror_home / "exports"
    exports.mkdir(mode=0o755)
    for fmt, name in (("json", "journal.json"), ("markdown", "notes"), ("jrnl", "journal.txt"),
                      ("bundle", "journal.zip")):
        run = cli("export", "--format", fmt, str(exports / name))
        assert run.code == 0, (fmt, run.err)
    run = cli("import", "--json", str(exports / "journal.zip"))
    assert run.code == 0, run.err
    run = cli("import", "--from", "markdown", str(exports / "notes"))
    assert run.code == 0, run.err

    monkeypatch.setattr(journal_cmds, "cmd_tags", lambda args, ctx: 1 / 0)  # a bug: the log
    assert cli("tags").code == 1
    assert (mirror_home / "mirror.log").exists()

    written = {p.relative_to(mirror_home).as_posix() for p in mirror_home.rglob("*") if p.is_file()}
    assert {"mirror.db", "exports/journal.json", "exports/journal.txt", "exports/journal.zip",
            "mirror.log", "config.toml"} <= written
    assert any(p.startswith("exports/notes/") for p in written)
    assert any(p.startswith("drafts/") for p in written)
    assert [f for f in loose_files(mirror_home) if not f.split(" ", 1)[1].startswith(NO_JOURNAL_TEXT)] == []


def test_the_database_wal_and_shm_are_private_from_creation(journal, mirror_home, umask_022):
    # `journal` was opened before the umask changed: open a second journal folder under it.
    from mirror.services.journal import Journal

    other = mirror_home.parent / "second"
    j = Journal.open(other)
    try:
        j.write("written under umask 022")
        names = {p.name for p in other.iterdir()}
        assert {"mirror.db", "mirror.db-wal", "mirror.db-shm"} <= names
        assert loose_files(other) == []
    finally:
        j.close()


def test_an_older_journal_made_readable_by_others_is_narrowed_on_open(mirror_home, umask_022, cli):
    assert cli("reflect", "first").code == 0
    db = mirror_home / "mirror.db"
    db.chmod(0o644)
    assert cli("list").code == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_snapshots_and_salvage_copies_are_private(journal, tmp_path, umask_022):
    from mirror.storage import merge, salvage

    journal.write("a thought for the snapshot")
    snap = tmp_path / "snap.db"
    merge.snapshot(journal.context.store.conn, str(snap))  # the VACUUM INTO behind bundles
    assert stat.S_IMODE(snap.stat().st_mode) == 0o600
    copy = tmp_path / "copy.db"
    salvage._copy_journal(journal.paths.db, copy)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

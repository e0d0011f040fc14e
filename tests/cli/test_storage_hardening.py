"""Storage failures the operating system reports, with real mechanisms (issue 12, items 8–10).

Tests run as root in CI, where permissions do not stop root; so each failure is produced by
something that stops root too: a file-size limit (RLIMIT_FSIZE gives EFBIG, the way a full
disk gives ENOSPC), a read-only bind mount in a private mount namespace (`unshare`), and a
root without the capabilities that override permissions (`setpriv`).
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, Run
from tests.storage.helpers import assert_clean_error, contents


def _run(argv: list[str], home: Path, *, preexec=None, input: bytes = b"") -> Run:
    env = {**os.environ, "MIRROR_HOME": str(home)}
    proc = subprocess.run(argv, input=input, capture_output=True, env=env, cwd=REPO,
                          timeout=120, preexec_fn=preexec)
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def mirror(home: Path, *args: str, **kwargs) -> Run:
    return _run([sys.executable, "-m", "mirror", *args], home, **kwargs)


def _namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


needs_namespaces = pytest.mark.skipif(not _namespaces_work(),
                                      reason="no unprivileged mount namespaces (unshare -rm) here")


def read_only(folder: Path, home: Path, *args: str) -> Run:
    """`mirror ARGS` with `folder` bind-mounted read-only (EROFS, which stops root too)."""
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && shift && exec "$@"'
    return _run(["unshare", "-rm", "sh", "-c", script, str(folder), "--",
                 sys.executable, "-m", "mirror", *args], home)


def without_override(home: Path, *args: str) -> Run:
    """`mirror ARGS` bound by file permissions even when run as root."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        # setpriv (util-linux, installed by .ci/run) drops root's override, so the
        # permission paths are really exercised as root; without it the test must fail.
        assert shutil.which("setpriv"), "running as root needs setpriv (util-linux) for this test"
        caps = "-dac_override,-dac_read_search"
        prefix = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]
    return _run([*prefix, sys.executable, "-m", "mirror", *args], home)


def _file_size_limit(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.fixture
def journal_home(mirror_home: Path, journal) -> Path:
    """Twelve reflections of some size, written through the service layer (fast)."""
    for i in range(12):
        journal.write(f"entry {i} " + "words " * 400)
    journal.close()
    return mirror_home


# -- item 8: full disk, read-only places, unreadable folders, bad bytes -----------------------

def test_export_and_import_on_a_full_disk_are_storage_errors(journal_home, tmp_path):
    limit = journal_home.joinpath("mirror.db").stat().st_size // 2
    run = mirror(journal_home, "export", str(tmp_path / "b.zip"), preexec=_file_size_limit(limit))
    assert_clean_error(run, 7, "disk")
    assert mirror(journal_home, "export", str(tmp_path / "full.zip")).code == 0
    other = tmp_path / "other"
    run = mirror(other, "import", str(tmp_path / "full.zip"), preexec=_file_size_limit(limit))
    assert_clean_error(run, 7, "size")


@needs_namespaces
def test_config_set_and_export_into_read_only_places_are_storage_errors(journal_home, tmp_path):
    before = journal_home.joinpath("config.toml").read_bytes() if (journal_home / "config.toml").exists() else None
    assert_clean_error(read_only(journal_home, journal_home, "config", "set", "engine", "offline"),
                       7, "read-only")
    after = journal_home.joinpath("config.toml").read_bytes() if (journal_home / "config.toml").exists() else None
    assert after == before
    folder = tmp_path / "out"
    folder.mkdir()
    run = read_only(folder, journal_home, "export", str(folder / "b.zip"))
    assert_clean_error(run, 7, "read-only", str(folder))
    assert list(folder.iterdir()) == []


def test_a_journal_folder_mirror_cannot_read_is_named_as_such(journal_home):
    journal_home.chmod(0)
    try:
        run = without_override(journal_home, "list")
    finally:
        journal_home.chmod(0o700)
    line = assert_clean_error(run, 7, "cannot read", str(journal_home))
    assert "writ" not in line


def test_search_with_an_argument_that_is_not_utf8_is_invalid_input(journal_home):
    run = _run([sys.executable.encode(), b"-m", b"mirror", b"search", b"x\xffy"], journal_home)
    assert_clean_error(run, 4, "not valid UTF-8")


@needs_namespaces
def test_a_bundle_whose_sqlite_errors_are_not_utf8_is_refused(cli, journal_home, tmp_path):
    from tests.cli.badbundles import bundle_with_non_utf8_schema

    bundle = bundle_with_non_utf8_schema(journal_home, tmp_path)
    for command in ("verify", "import"):
        assert_clean_error(cli(command, str(bundle)), 6, "not UTF-8")


def test_a_bundle_with_invalid_utf8_text_is_refused_without_echoing_it(cli, journal_home, tmp_path):
    from tests.cli.badbundles import bundle_with_invalid_text

    before = contents(journal_home / "mirror.db")
    bundle = bundle_with_invalid_text(journal_home, tmp_path)
    for command in ("verify", "import"):
        run = cli(command, str(bundle))
        line = assert_clean_error(run, 6, "not valid UTF-8")
        assert "\ufffd" not in line and "2J" not in line
    assert contents(journal_home / "mirror.db") == before
    assert cli("list").code == 0


# -- item 9: damaged databases ----------------------------------------------------------------

def _damage(db: Path) -> None:
    """Scramble pages in the middle of the file: the schema still reads, the data does not.
    The schema can span several pages as migrations add to it: the run starts after them."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    schema = {row[0] for row in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}  # page numbers from 1
    conn.close()
    data = bytearray(db.read_bytes())
    page, pages = 4096, len(data) // 4096
    start = pages // 2
    while schema & set(range(start + 1, start + 7)):
        start += 1
    for offset in range(start * page + 100, (start + 6) * page, 7):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))


def test_nothing_is_written_into_a_damaged_database(journal_home):
    db = journal_home / "mirror.db"
    # The clean close sealed the checked file (so the next writer skips the full check);
    # damage done afterwards changes the file, and the check runs again.
    assert (journal_home / "mirror.db-checked").exists()
    _damage(db)
    damaged = db.read_bytes()
    run = mirror(journal_home, "reflect", "a new thought")
    assert_clean_error(run, 7, "damaged", ".recover")
    assert db.read_bytes() == damaged


def test_doctor_and_export_say_a_damaged_database_is_damaged(journal_home, tmp_path):
    _damage(journal_home / "mirror.db")
    assert_clean_error(mirror(journal_home, "export", str(tmp_path / "b.zip")), 7, "damaged")
    run = mirror(journal_home, "doctor")
    assert run.code == 7 and "Traceback" not in run.err + run.out
    assert ".recover" in run.out


def test_an_empty_database_file_is_not_taken_for_a_new_journal(mirror_home):
    mirror_home.mkdir()
    db = mirror_home / "mirror.db"
    db.write_bytes(b"")
    hour_ago = time.time() - 3600
    os.utime(db, (hour_ago, hour_ago))
    assert_clean_error(mirror(mirror_home, "reflect", "hello"), 7, "empty")
    assert_clean_error(mirror(mirror_home, "list"), 7, "empty")
    assert db.stat().st_size == 0


# -- item 10: read-only journals can be read --------------------------------------------------

@needs_namespaces
def test_a_journal_on_a_read_only_mount_can_be_read_searched_and_exported(journal_home, tmp_path):
    db = journal_home / "mirror.db"
    before = db.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    listed = read_only(journal_home, journal_home, "list", "--json")
    assert listed.code == 0, listed.err
    assert len(listed.json["reflections"]) == 12
    found = read_only(journal_home, journal_home, "search", "entry", "--json")
    assert found.code == 0 and found.json["results"], found.err
    forms = read_only(journal_home, journal_home, "search", "entries", "--json")   # a plural's forms
    assert forms.code == 0 and len(forms.json["results"]) == 12, forms.err
    for args in (("export", str(out / "b.zip")), ("export", "--format", "json", str(out / "j.json"))):
        run = read_only(journal_home, journal_home, *args)
        assert run.code == 0, (args, run.err)
    assert mirror(tmp_path / "fresh", "verify", str(out / "b.zip")).code == 0
    run = read_only(journal_home, journal_home, "reflect", "cannot be saved")
    assert_clean_error(run, 7, "read-only file system")
    assert db.read_bytes() == before


def test_a_journal_file_that_cannot_be_written_is_read_only_not_broken(journal_home):
    db = journal_home / "mirror.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db.chmod(0o400)
    try:
        assert without_override(journal_home, "list").code == 0
        assert_clean_error(without_override(journal_home, "reflect", "no"), 7, "cannot be written")
    finally:
        db.chmod(0o600)

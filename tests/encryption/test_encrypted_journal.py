"""An encrypted journal at rest (issue 16, item 4): created, used, converted both ways,
with no plaintext in its files, a wrong passphrase refused cleanly, and the key kept for a
session only when asked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mirror.services.journal import Journal
from mirror.storage import encryption
from tests.cli.test_json_schemas import validate
from tests.storage.helpers import assert_clean_error

PASS = "correct horse battery staple"
SECRET = "Zanzibarquokka"  # a word no page, index or log of Mirror would hold by chance


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    return path


@pytest.fixture
def cli(cli):
    """The in-process CLI, each run a fresh process as far as keys go: what an earlier
    command opened is not remembered (a real `mirror` process starts with nothing)."""

    def run(*args, **kwargs):
        encryption._opened.clear()
        return cli(*args, **kwargs)

    return run


@pytest.fixture(autouse=True)
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv(encryption.PASSPHRASE_FILE_ENV, raising=False)
    return folder


def scan(folder: Path, needle: bytes) -> list[str]:
    """Every file under `folder` holding `needle` (UTF-8 or UTF-16, as SQLite could)."""
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if needle in data or needle.decode().encode("utf-16-le") in data:
                hits.append(str(path.relative_to(folder)))
    return hits


def listing(cli) -> list[dict]:
    run = cli("list", "--json", "-n", "1000")
    assert run.code == 0, run.err
    return json.loads(run.out)["reflections"]


def test_an_encrypted_journal_holds_no_plaintext_in_its_file_wal_or_drafts(
        cli, mirror_home, passfile, monkeypatch):
    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    monkeypatch.setenv(encryption.PASSPHRASE_FILE_ENV, str(passfile))
    journal = Journal.open(mirror_home)
    try:
        for i in range(30):
            journal.write(f"Day {i}: {SECRET} keeps coming back when I think of home.", tags=[SECRET.lower()])
        ids = [r.id for r in journal.list().items]
        journal.edit(ids[0], text=f"edited, still about {SECRET}")
        assert journal.search(SECRET)  # the full-text index (FTS5) works on the encrypted file
        wal = mirror_home / "mirror.db-wal"
        assert wal.exists() and wal.stat().st_size > 0  # the log is there, written, and ...
        from mirror.tui.drafts import DraftStore

        drafts = DraftStore(journal.paths.drafts, journal.draft_seal())
        assert drafts.save({"text": f"an unsaved draft about {SECRET}"}, 1)
        assert drafts.load() == {"text": f"an unsaved draft about {SECRET}"}
        assert scan(mirror_home, SECRET.encode()) == []  # ... nothing holds the text in clear
        assert scan(mirror_home, SECRET.lower().encode()) == []
    finally:
        journal.close()
    assert scan(mirror_home, SECRET.encode()) == []
    assert not (mirror_home / "mirror.db").read_bytes().startswith(encryption.SQLITE_MAGIC)


def test_every_command_works_on_an_encrypted_journal(cli, mirror_home, passfile, monkeypatch, tmp_path):
    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    saved = cli("reflect", "--tag", "travel", input=f"On the ferry to {SECRET} I felt calm but restless.")
    assert saved.code == 0, saved.err
    rid = listing(cli)[0]["id"]
    assert cli("show", rid[:8]).code == 0
    assert SECRET in cli("search", SECRET).out
    assert cli("edit", rid[:8], "--text", f"Back from {SECRET}.").code == 0
    assert cli("stats").code == 0
    doctor = cli("doctor", "--json")
    assert doctor.code == 0, doctor.out
    validate("doctor", doctor.json)
    assert {"name": "encryption", "ok": True, "kind": "storage", "fix": "",
            "detail": "the journal file is encrypted at rest (SQLCipher)"} in doctor.json["checks"]
    bundle = tmp_path / "out.zip"
    assert cli("export", str(bundle)).code == 0  # a bundle is written as always
    other = tmp_path / "other"
    assert cli("--home", str(other), "import", str(bundle)).code == 0
    monkeypatch.delenv(encryption.PASSPHRASE_ENV)
    assert SECRET in cli("--home", str(other), "list").out  # a plain journal got it


def test_a_wrong_passphrase_is_one_line_exit_7_and_touches_nothing(cli, mirror_home, passfile, monkeypatch):
    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    assert cli("reflect", input=f"about {SECRET}").code == 0
    before = {p.name: p.read_bytes() for p in mirror_home.iterdir() if p.is_file()}
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, "not the passphrase")
    for args in (("list",), ("reflect", "more"), ("decrypt",), ("unlock",)):
        assert_clean_error(cli(*args), 7, "wrong passphrase")
    after = {p.name: p.read_bytes() for p in mirror_home.iterdir() if p.is_file()}
    assert after == before


def test_without_a_passphrase_and_no_terminal_the_message_says_how_to_give_one(cli, passfile):
    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    assert_clean_error(cli("list"), 7, "encrypted journal", "MIRROR_PASSPHRASE")


def test_encrypt_then_decrypt_keeps_every_reflection_and_revision(cli, mirror_home, passfile, monkeypatch):
    for i in range(12):
        assert cli("reflect", input=f"entry {i} about {SECRET}").code == 0
    ids = [r["id"] for r in listing(cli)]
    assert cli("edit", ids[0][:8], "--text", "rewritten").code == 0
    assert cli("delete", ids[1][:8], "--yes").code == 0  # a gap in the rowids
    before = listing(cli)
    history = cli("history", ids[0][:8], "--json").out

    run = cli("encrypt", "--passphrase-file", str(passfile), "--json")
    assert run.code == 0, run.err
    assert run.json["encrypted"] is True and run.json["rows"] > 0
    validate("encrypt", run.json)
    assert scan(mirror_home, SECRET.encode()) == []
    assert_clean_error(cli("list"), 7, "encrypted journal")
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    assert listing(cli) == before
    assert cli("history", ids[0][:8], "--json").out == history
    monkeypatch.delenv(encryption.PASSPHRASE_ENV)

    run = cli("decrypt", "--passphrase-file", str(passfile), "--json")
    assert run.code == 0, run.err
    assert run.json["encrypted"] is False
    validate("decrypt", run.json)
    assert (mirror_home / "mirror.db").read_bytes().startswith(encryption.SQLITE_MAGIC)
    assert listing(cli) == before
    assert [p.name for p in mirror_home.iterdir() if p.name.endswith(".converting")] == []


def test_conversions_refuse_what_they_cannot_do(cli, passfile):
    assert cli("reflect", input="plain").code == 0
    assert_clean_error(cli("decrypt", "--passphrase-file", str(passfile)), 4, "not encrypted")
    assert cli("encrypt", "--passphrase-file", str(passfile)).code == 0
    assert_clean_error(cli("encrypt", "--passphrase-file", str(passfile)), 4, "already encrypted")
    assert_clean_error(cli("init", "--encrypted", "--passphrase-file", str(passfile)), 4, "already exists")


def test_tui_drafts_follow_the_journal_into_encryption_and_back(cli, mirror_home, passfile, monkeypatch):
    from mirror.tui.drafts import DraftStore

    assert cli("reflect", input="first").code == 0
    DraftStore(mirror_home / "drafts").save({"text": f"half a thought about {SECRET}"}, 1)
    assert cli("encrypt", "--passphrase-file", str(passfile)).code == 0
    assert scan(mirror_home, SECRET.encode()) == []
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    with Journal.open(mirror_home) as journal:
        assert DraftStore(journal.paths.drafts, journal.draft_seal()).load() == {
            "text": f"half a thought about {SECRET}"}
    monkeypatch.delenv(encryption.PASSPHRASE_ENV)
    assert cli("decrypt", "--passphrase-file", str(passfile)).code == 0
    assert DraftStore(mirror_home / "drafts").load() == {"text": f"half a thought about {SECRET}"}


def test_unlock_keeps_the_key_for_the_session_and_lock_forgets_it(cli, mirror_home, passfile, runtime_dir):
    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    assert_clean_error(cli("list"), 7, "encrypted journal")
    run = cli("unlock", "--passphrase-file", str(passfile), "--json")
    assert run.code == 0, run.err
    validate("unlock", run.json)
    kept = Path(run.json["key_cached"])
    assert kept.parent.parent == runtime_dir and (kept.stat().st_mode & 0o777) == 0o600
    assert PASS.encode() not in kept.read_bytes()  # the derived key, never the passphrase
    assert cli("reflect", input="written without a passphrase").code == 0
    assert cli("lock").code == 0
    assert not kept.exists()
    assert_clean_error(cli("list"), 7, "encrypted journal")


def test_the_stock_sqlcipher_library_opens_it_with_the_passphrase_alone(cli, mirror_home, passfile):
    """No lock-in: Mirror's key is SQLCipher 4's own derivation of the passphrase."""
    from sqlcipher3 import dbapi2

    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    conn = dbapi2.connect(str(mirror_home / "mirror.db"))
    try:
        conn.execute(f"PRAGMA key = '{PASS}'")
        assert conn.execute("SELECT count(*) FROM reflections").fetchone() == (0,)
    finally:
        conn.close()


def test_a_missing_passphrase_file_is_a_usage_error(cli, tmp_path):
    assert_clean_error(cli("init", "--encrypted", "--passphrase-file", str(tmp_path / "nope")), 2,
                       "passphrase-file")


def test_plain_journals_open_through_the_standard_library(cli, mirror_home):
    assert cli("reflect", input="plain as ever").code == 0
    with Journal.open(mirror_home) as journal:
        import sqlite3

        assert type(journal.store.conn).__mro__[1:].count(sqlite3.Connection) == 1
        assert not journal.encrypted and journal.draft_seal() is None
    assert os.path.exists(mirror_home / "mirror.db")


def test_the_editor_file_of_an_encrypted_journal_stays_off_the_journal_disk(
        cli, mirror_home, passfile, monkeypatch, runtime_dir, tmp_path):
    """$EDITOR needs the text in clear: for an encrypted journal its file lives in the
    session's runtime folder, never in the journal folder, and is gone after saving."""
    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    record = tmp_path / "editor-file.txt"
    monkeypatch.setenv("EDITOR", f"sh -c 'printf \"%s\" \"written about {SECRET}\" > \"$1\"; "
                                 f"echo \"$1\" > {record}' editor")
    run = cli("reflect", tty=True)
    assert run.code == 0, run.err
    used = Path(record.read_text().strip())
    assert used.parent == runtime_dir / "mirror" / "drafts" and not used.exists()
    assert SECRET in cli("list").out
    assert scan(mirror_home, SECRET.encode()) == []


def test_init_without_encryption_makes_a_plain_journal_and_lock_is_harmless(cli, mirror_home):
    run = cli("init", "--json")
    assert run.code == 0, run.err
    validate("init", run.json)
    assert run.json["encrypted"] is False
    assert (mirror_home / "mirror.db").read_bytes().startswith(encryption.SQLITE_MAGIC)
    run = cli("lock", "--json")
    assert run.code == 0 and run.json["encrypted"] is False
    validate("lock", run.json)


def test_a_migration_backup_of_an_encrypted_journal_is_encrypted_too(cli, mirror_home, passfile, monkeypatch):
    """Migrations back up with `VACUUM INTO`; on an encrypted journal that copy is
    encrypted with the same key, so a backup never holds the text in clear."""
    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    assert cli("reflect", input=f"before the upgrade, {SECRET}").code == 0
    backup = mirror_home / "backup.db"
    with Journal.open(mirror_home) as journal:
        journal.store.conn.execute("VACUUM INTO ?", (str(backup),))  # as migrations.migrate does
        key = journal.store.cipher_key
    assert scan(mirror_home, SECRET.encode()) == []
    conn = encryption.connect(backup, key, timeout=5.0)
    try:
        assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 1
    finally:
        conn.close()


def test_without_the_encryption_extra_the_message_says_what_to_install(cli, passfile, monkeypatch, tmp_path):
    import sys

    assert cli("init", "--encrypted", "--passphrase-file", str(passfile)).code == 0
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if the extra were not installed
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    assert_clean_error(cli("list"), 7, "mirror-journal[encrypted]")
    assert_clean_error(cli("init", "--encrypted", "--home", str(tmp_path / "elsewhere")), 7, "mirror-journal[encrypted]")

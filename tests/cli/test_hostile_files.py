"""Small files Mirror reads from elsewhere — templates, config.toml, passphrase and key
files, evolution proposals, a bundle path — when they are hostile or broken: one line on
stderr, the documented exit code, no read without end, and nothing in the journal
changed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.bundles.journalkit import full_digest


@pytest.fixture
def journal_db(cli, mirror_home: Path) -> Path:
    assert cli("reflect", "My own reflection, which nothing here may touch").code == 0
    return mirror_home / "mirror.db"


def _one_line(run, code: int, message: str) -> None:
    assert run.code == code, run.err
    assert run.err.count("\n") == 1 and message in run.err, run.err
    assert "Traceback" not in run.err


# -- templates -------------------------------------------------------------------------------

def test_a_template_linked_out_of_its_folder_is_not_read(cli, journal_db, mirror_home,
                                                         tmp_path) -> None:
    secret = tmp_path / "id_ed25519"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n", encoding="utf-8")
    (mirror_home / "templates").mkdir()
    (mirror_home / "templates" / "gratitude.md").symlink_to(secret)
    before = full_digest(journal_db)
    run = cli("reflect", "--template", "gratitude", input="Today\n")
    _one_line(run, 4, "outside the templates folder")
    assert full_digest(journal_db) == before


def test_a_template_linked_inside_its_folder_is_read(cli, journal_db, mirror_home) -> None:
    folder = mirror_home / "templates"
    folder.mkdir()
    (folder / "base.md").write_text("Grateful for:", encoding="utf-8")
    (folder / "gratitude.md").symlink_to(folder / "base.md")
    assert cli("reflect", "--template", "gratitude", input="the sun\n").code == 0
    texts = [r["content"] for r in cli("--json", "list").json["reflections"]]
    assert any(t.startswith("Grateful for:") for t in texts)


@pytest.mark.parametrize("kind", ["fifo", "folder", "huge"])
def test_a_template_that_is_not_a_page_of_text_is_one_line(cli, journal_db, mirror_home,
                                                           kind) -> None:
    folder = mirror_home / "templates"
    folder.mkdir()
    path = folder / "odd.md"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        with open(path, "wb") as handle:
            handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    before = full_digest(journal_db)
    run = cli("reflect", "--template", "odd", input="text\n")
    _one_line(run, 4, "template" if kind != "huge" else "not a template")
    assert full_digest(journal_db) == before


# -- config.toml -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["deep", "fifo", "huge"])
def test_a_broken_config_toml_is_one_line_on_every_command(cli, journal_db, mirror_home,
                                                           kind) -> None:
    config = mirror_home / "config.toml"
    config.unlink(missing_ok=True)
    if kind == "deep":
        config.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
        message = "nested too deeply"
    elif kind == "fifo":
        os.mkfifo(config)
        message = "a pipe"
    else:
        with open(config, "wb") as handle:
            handle.truncate(64 * 1024 * 1024)
        message = "not a Mirror config file"
    before = full_digest(journal_db)
    for command in (("list",), ("reflect", "a new one")):
        _one_line(cli(*command), 4, message)
    assert full_digest(journal_db) == before


# -- passphrase, key and code files ----------------------------------------------------------

def test_passphrase_and_key_files_are_read_only_as_far_as_they_need(cli, journal_db,
                                                                    tmp_path) -> None:
    bundle = tmp_path / "b.zip.age"
    assert cli("export", str(bundle), "--encrypt", "--passphrase-file", "-",
               input="a long passphrase\n").code == 0
    before = full_digest(journal_db)
    run = cli("import", str(bundle), "--passphrase-file", "/dev/zero")
    _one_line(run, 4, "not a regular file")
    _one_line(cli("trust", "add", "/dev/zero"), 4, "not a regular file")
    _one_line(cli("trust", "add", str(tmp_path)), 4, "a folder, not a file")
    assert full_digest(journal_db) == before


# -- evolution proposals ---------------------------------------------------------------------

def _proposal(**fields) -> dict:
    return {"format": "mirror-proposal", "version": 1, "kind": "lexicon_overlay",
            "title": "A proposal", "change": {"x": 1}, "evidence": {}, "prediction": {},
            **fields}


@pytest.mark.parametrize("case", ["deep", "version-true", "folder", "device"])
def test_a_hostile_proposal_is_refused_before_it_is_stored(cli, journal_db, tmp_path,
                                                           case) -> None:
    path = tmp_path / "proposal.json"
    if case == "deep":  # stored, it broke `evolve show --json` with a RecursionError
        path.write_text(json.dumps(_proposal()).replace(
            '"change": {"x": 1}', '"change": ' + '{"a": ' * 900 + "1" + "}" * 900),
            encoding="utf-8")
        message = "nested more than"
    elif case == "version-true":
        path.write_text(json.dumps(_proposal(version=True)), encoding="utf-8")
        message = "version True"
    elif case == "folder":
        path = tmp_path
        message = "a folder, not a file"
    else:
        path = Path("/dev/zero")
        message = "not a regular file"
    before = full_digest(journal_db)
    _one_line(cli("evolve", "import", str(path)), 4, message)
    assert full_digest(journal_db) == before
    assert cli("--json", "evolve", "proposals").code == 0


# -- bundles ---------------------------------------------------------------------------------

def test_a_folder_given_as_a_bundle_says_so(cli, journal_db, tmp_path) -> None:
    before = full_digest(journal_db)
    for command in ("import", "verify"):
        _one_line(cli(command, str(tmp_path)), 4, "a folder, not a bundle file")
    assert full_digest(journal_db) == before


# -- a disk that fills during an export ------------------------------------------------------

@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "empty-folder"])
def test_a_markdown_export_that_runs_out_of_disk_takes_back_its_files(cli, journal_db, tmp_path,
                                                                     monkeypatch, existing) -> None:
    import errno

    from mirror.services import bundles

    for n in range(4):
        assert cli("reflect", f"Reflection number {n} about the sea").code == 0
    real, calls = bundles.write_atomic, []

    def filling(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(bundles, "write_atomic", filling)
    dest = tmp_path / "notes"
    if existing:
        dest.mkdir()
    run = cli("export", "--format", "markdown", str(dest))
    _one_line(run, 7, "no space left")
    # before: two files stayed, and read back later as a whole export that lost reflections
    assert dest.is_dir() == existing and (not existing or list(dest.iterdir()) == [])


# -- standard input and texts longer than a reflection holds ---------------------------------

def test_a_reflection_from_an_endless_stdin_is_one_line(mirror_proc, mirror_home) -> None:
    assert mirror_proc("reflect", "My own reflection").code == 0
    before = full_digest(mirror_home / "mirror.db")
    with open("/dev/zero", "rb") as zero:
        import subprocess
        import sys

        proc = subprocess.run([sys.executable, "-m", "mirror", "reflect"], stdin=zero,
                              capture_output=True, timeout=120,
                              env={**os.environ, "MIRROR_HOME": str(mirror_home)})
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.decode().count("\n") == 1 and b"longer than 64 MiB" in proc.stderr
    assert full_digest(mirror_home / "mirror.db") == before


def test_a_text_longer_than_a_bundle_carries_is_never_stored(journal_db, mirror_home) -> None:
    from mirror.errors import InvalidInput
    from mirror.services.journal import Journal

    before = full_digest(journal_db)
    journal = Journal.open(mirror_home)
    try:
        with pytest.raises(InvalidInput, match="more than the 64 MiB a reflection holds"):
            journal.write("a" * (64 * 1024 * 1024 + 1))
    finally:
        journal.close()
    assert full_digest(journal_db) == before


def test_an_imported_text_longer_than_a_reflection_holds_is_skipped(cli, journal_db,
                                                                    tmp_path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "mirror-export", "format_version": 1, "reflections": [
        {"id": "12345678-1234-4234-8234-123456789abc", "text": "a" * (64 * 1024 * 1024 + 1),
         "tz": "UTC", "created_at": "2024-03-05T09:41:00+00:00"}]}), encoding="utf-8")
    before = full_digest(journal_db)
    run = cli("import", "--from", "json", str(path))
    assert run.code == 0 and "reflection 1: the text is more than" in run.err, run.err
    assert full_digest(journal_db) != before  # the import itself is recorded
    texts = [r["content"] for r in cli("--json", "list").json["reflections"]]
    assert texts == ["My own reflection, which nothing here may touch"]

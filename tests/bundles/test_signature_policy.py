"""Signatures as the importer's policy (issue 12, item 4): a signed backup restored on a
new machine says in one line how to trust its key (the exact command, with the
fingerprint), that command works, and `bundles.require_signature` refuses every unsigned
bundle once set (`mirror trust add` says the setting exists)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest


@pytest.fixture
def signed_backup(cli, tmp_path: Path) -> Path:
    old = tmp_path / "old-machine"
    assert cli("reflect", "Written on the old laptop", "--home", str(old)).code == 0
    (tmp_path / "pass.txt").write_text("correct horse battery staple\n")
    run = cli("export", str(tmp_path / "backup.zip"), "--sign", "--encrypt",
              "--passphrase-file", str(tmp_path / "pass.txt"), "--home", str(old))
    assert run.code == 0, run.err
    return tmp_path / "backup.zip.age"


def test_a_restored_signed_backup_says_how_to_trust_its_key(cli, signed_backup: Path,
                                                            tmp_path: Path) -> None:
    secret = ["--passphrase-file", str(tmp_path / "pass.txt")]
    run = cli("import", str(signed_backup), *secret)

    assert run.code == 6
    assert run.err.count("\n") == 1 and "untrusted key" in run.err
    command = shlex.split(run.err.split("trust it with: ", 1)[1])
    assert command[:3] == ["mirror", "trust", "add"] and "--fingerprint" in command
    fingerprint = command[command.index("--fingerprint") + 1]
    assert len(fingerprint) == 64

    trusted = cli(*command[1:], *secret)
    assert trusted.code == 0, trusted.err
    assert "bundles.require_signature" in trusted.err
    run = cli("import", str(signed_backup), *secret, "--json")
    assert run.code == 0, run.err
    assert run.json["signature"]["status"] == "trusted"


def test_a_wrong_fingerprint_trusts_nothing(cli, signed_backup: Path, tmp_path: Path) -> None:
    run = cli("trust", "add", str(signed_backup), "--fingerprint", "ab" * 32,
              "--passphrase-file", str(tmp_path / "pass.txt"))

    assert run.code == 4 and "was signed by" in run.err
    assert cli("trust", "list", "--json").json["keys"] == []


def test_require_signature_setting_refuses_unsigned_bundles(cli, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert cli("reflect", "Unsigned words", "--home", str(other)).code == 0
    assert cli("export", str(tmp_path / "u.zip"), "--home", str(other)).code == 0
    assert cli("export", str(tmp_path / "s.zip"), "--sign", "--home", str(other)).code == 0
    assert cli("key", "export-public", str(tmp_path / "o.pub"), "--home", str(other)).code == 0
    added = cli("trust", "add", str(tmp_path / "o.pub"))
    assert added.code == 0
    assert "mirror config set bundles.require_signature true" in added.err
    assert cli("config", "set", "bundles.require_signature", "true").code == 0

    for command in ("verify", "import"):
        run = cli(command, str(tmp_path / "u.zip"))
        assert run.code == 6 and "not signed" in run.err, (command, run.err)
    assert cli("import", str(tmp_path / "s.zip")).code == 0

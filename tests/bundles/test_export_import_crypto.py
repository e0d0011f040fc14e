"""Encrypted bundles end to end through the CLI: the stock `age` opens Mirror's, Mirror
imports what `age -p` made, wrong passphrase and damage are told apart (both exit 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bundles.journalkit import full_digest
from tests.bundles.kit import run_age_with_pty

PASSPHRASE = "a long passphrase, été"


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_encrypted_export_opens_with_stock_age_and_imports(cli, tmp_path: Path, passfile: Path) -> None:
    cli("reflect", "Encrypted words #secret")
    run = cli("export", str(tmp_path / "e.zip"), "--encrypt", "--passphrase-file", str(passfile),
              "--json")
    assert run.code == 0, run.err
    bundle = Path(run.json["path"])
    assert bundle.name == "e.zip.age" and run.json["encrypted"]
    assert b"Encrypted words" not in bundle.read_bytes()
    code, output = run_age_with_pty(["-d", "-o", str(tmp_path / "plain.zip"), str(bundle)], PASSPHRASE)
    assert code == 0, output
    assert cli("verify", str(tmp_path / "plain.zip")).code == 0
    other = str(tmp_path / "other")
    run = cli("import", str(bundle), "--home", other, "--passphrase-file", str(passfile), "--json")
    assert run.code == 0 and run.json["encrypted"] and run.json["changes"]["reflections_added"] == 1
    # at no terminal and without a passphrase file: a usage error, not a hang
    assert cli("import", str(bundle), "--home", other).code == 2


@pytest.mark.slow
def test_bundle_encrypted_by_stock_age_imports(cli, tmp_path: Path, passfile: Path) -> None:
    cli("reflect", "Made here, encrypted by age")
    assert cli("export", str(tmp_path / "p.zip")).code == 0
    code, output = run_age_with_pty(["-p", "-o", str(tmp_path / "p.zip.age"), str(tmp_path / "p.zip")],
                                    PASSPHRASE)
    assert code == 0, output
    other = str(tmp_path / "other")
    run = cli("import", str(tmp_path / "p.zip.age"), "--home", other,
              "--passphrase-file", str(passfile), "--json")
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == 1


@pytest.mark.slow
def test_wrong_passphrase_and_damage_are_different_errors(cli, tmp_path: Path, passfile: Path,
                                                          mirror_home: Path) -> None:
    cli("reflect", "Guarded")
    assert cli("export", str(tmp_path / "g.zip"), "--encrypt", "--passphrase-file",
               str(passfile)).code == 0
    bundle = tmp_path / "g.zip.age"
    other = tmp_path / "other"
    cli("reflect", "--home", str(other), "The importer's own reflection")
    before = full_digest(other / "mirror.db")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n")
    run = cli("import", str(bundle), "--home", str(other), "--passphrase-file", str(wrong))
    assert run.code == 6 and "wrong passphrase" in run.err
    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    (tmp_path / "d.zip.age").write_bytes(bytes(damaged))
    run2 = cli("import", str(tmp_path / "d.zip.age"), "--home", str(other),
               "--passphrase-file", str(passfile))
    assert run2.code == 6 and "damaged" in run2.err and run2.err != run.err
    assert full_digest(other / "mirror.db") == before

"""The constitution: loaded from package data, hash-verified, drift reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mirror import constitution
from mirror.resources import constitution_dir

DOCUMENTS = {
    "01-sovereignty.md", "02-reflection-not-prescription.md", "03-no-outcome-optimisation.md",
    "04-consent-and-evolution.md", "05-no-lock-in.md", "06-migration-path.md",
    "07-care-in-crisis.md",
}


def test_shipped_constitution_matches_its_genesis() -> None:
    report = constitution.verify()
    assert report.ok, [f for f in report.drift]
    data = ("care/", "mirrorback/", "digest/")
    assert {f.path for f in report.files if not f.path.startswith(data)} == \
        DOCUMENTS | {"README.md", "invariants.yaml"}
    assert "mirrorback/en.yaml" in {f.path for f in report.files}  # the frames are hashed too
    assert {"digest/en.yaml", "digest/neutral.yaml"} <= {f.path for f in report.files}
    care = {f.path for f in report.files if f.path.startswith("care/")}
    assert {"care/scoring.yaml", "care/normalise.yaml", "care/responses.yaml",
            "care/rules/en.yaml", "care/forms/en.json"} <= care  # the care data is hashed too


def test_loads_documents_invariants_and_version() -> None:
    c = constitution.load()
    assert set(c.documents) == DOCUMENTS
    assert [i["id"] for i in c.invariants["invariants"]] == ["I1", "I2", "I3", "I4", "I5", "I6"]
    assert c.invariants["checks"]["directive_ratio"]["max_ratio"] == 0.15
    version = constitution.version()
    assert version.startswith("1.1.0+") and len(version.split("+")[1]) == 12
    assert constitution.load() is c  # loaded once per process


def copy_constitution(tmp_path: Path) -> Path:
    target = tmp_path / "constitution"
    shutil.copytree(str(constitution_dir()), target)
    return target


def test_drift_is_reported_per_file(tmp_path: Path) -> None:
    root = copy_constitution(tmp_path)
    (root / "05-no-lock-in.md").write_text("Export may be removed.\n", encoding="utf-8")
    (root / "06-migration-path.md").unlink()
    (root / "08-new.md").write_text("unapproved\n", encoding="utf-8")
    report = constitution.verify(root)
    assert not report.ok
    status = {f.path: f.status for f in report.drift}
    assert status == {"05-no-lock-in.md": "changed", "06-migration-path.md": "missing",
                      "08-new.md": "extra"}
    changed = next(f for f in report.files if f.path == "05-no-lock-in.md")
    assert changed.expected != changed.actual and changed.actual is not None
    assert json.loads(json.dumps(report.to_dict()))["ok"] is False


def test_missing_genesis_is_an_error_not_a_crash(tmp_path: Path) -> None:
    root = copy_constitution(tmp_path)
    (root / "GENESIS.json").unlink()
    report = constitution.verify(root)
    assert not report.ok and report.error


def test_write_genesis_regenerates_hashes(tmp_path: Path) -> None:
    root = copy_constitution(tmp_path)
    (root / "README.md").write_text("amended\n", encoding="utf-8")
    assert not constitution.verify(root).ok
    constitution.write_genesis(root)
    assert constitution.verify(root).ok
    loaded = constitution.load_from(root)
    assert loaded.version == "1.1.0" and loaded.version_string != constitution.version()

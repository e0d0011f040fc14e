"""The committed demo bundle verifies and imports, and its builder is reproducible."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import REPO

DEMO = REPO / "bundles" / "demo.zip"


def test_committed_demo_bundle_verifies_and_imports(cli) -> None:
    run = cli("verify", str(DEMO), "--json")
    assert run.code == 0, run.err
    assert run.json["counts"]["reflections"] >= 35
    imported = cli("import", str(DEMO), "--json")
    assert imported.code == 0, imported.err
    changes = imported.json["changes"]
    assert changes["reflections_added"] == run.json["counts"]["reflections"]
    assert changes["threads_added"] >= 2 and changes["tombstones_added"] >= 1
    assert len(cli("threads", "--json").json["threads"]) >= 2
    assert cli("tensions", "--json").json["tensions"]
    assert cli("tags", "--json").json["tags"]
    assert cli("import", str(DEMO), "--json").json["changed"] is False


@pytest.mark.slow
def test_demo_builder_is_reproducible(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_demo", REPO / "bundles" / "build_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first = module.build(tmp_path / "one.zip")
    second = module.build(tmp_path / "two.zip")
    assert first.read_bytes() == second.read_bytes()

"""Export at speed: bundle format 2 leaves the full-text index out of mirror.db (the
importing journal indexes what it merges), the database member is deflated at the fast
level, and format 1 bundles (index included) still verify and import."""

from __future__ import annotations

import json
import sqlite3
import zipfile
import zlib
from pathlib import Path

from mirror.bundles.container import DEFLATE_LEVEL
from mirror.bundles.manifest import FORMAT_VERSION
from mirror.storage import migrations
from mirror.storage.foreign import FTS_PREFIX, check_foreign_database, restore_fts
from tests.bundles.journalkit import rebundle
from tests.conftest import REPO

#: bundles/demo.zip as it was before format 2: schema 6, the full-text index inside.
FORMAT1 = REPO / "tests" / "bundles" / "data" / "demo_format1.zip"


def _export(cli, folder: Path) -> Path:
    cli("reflect", "The lighthouse keeper waved from the rocks #sea")
    cli("reflect", "A quiet evening with tea")
    run = cli("export", str(folder / "b.zip"), "--json")
    assert run.code == 0, run.err
    return Path(run.json["path"])


def _database(bundle: Path, folder: Path) -> Path:
    db = folder / "extracted.db"
    with zipfile.ZipFile(bundle) as archive:
        db.write_bytes(archive.read("mirror.db"))
    return db


def test_bundle_leaves_the_index_out_and_the_importer_indexes(cli, tmp_path: Path) -> None:
    bundle = _export(cli, tmp_path)
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("MANIFEST.json"))
    assert manifest["format_version"] == FORMAT_VERSION == 2
    conn = sqlite3.connect(_database(bundle, tmp_path))
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()
    assert "reflections" in names and not [n for n in names if n.startswith(FTS_PREFIX)]
    assert cli("verify", str(bundle)).code == 0
    other = str(tmp_path / "other")
    run = cli("import", str(bundle), "--home", other, "--json")
    assert run.code == 0, run.err
    found = cli("search", "lighthouse", "--home", other, "--json").json["results"]
    assert [r["reflection"]["content"] for r in found] == [
        "The lighthouse keeper waved from the rocks #sea"]


def test_database_member_is_deflated_at_the_fast_level(cli, tmp_path: Path) -> None:
    bundle = _export(cli, tmp_path)
    with zipfile.ZipFile(bundle) as archive:
        info = archive.getinfo("mirror.db")
        plain = archive.read("mirror.db")
        with open(bundle, "rb") as handle:
            handle.seek(info.header_offset + 26)
            skip = int.from_bytes(handle.read(2), "little") + int.from_bytes(handle.read(2), "little")
            handle.seek(skip, 1)
            stored = handle.read(info.compress_size)
    fast = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -15)
    assert DEFLATE_LEVEL == 1
    assert stored == fast.compress(plain) + fast.flush()


def test_format1_bundle_with_the_index_still_verifies_and_imports(cli) -> None:
    checked = cli("verify", str(FORMAT1), "--json")
    assert checked.code == 0, checked.err
    assert checked.json["format_version"] == 1
    run = cli("import", str(FORMAT1), "--json")
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == checked.json["counts"]["reflections"]
    found = cli("search", "quarterly", "--json").json["results"]
    assert any("quarterly report" in r["reflection"]["content"] for r in found)


def test_format2_bundle_carrying_an_index_is_refused(cli, tmp_path: Path) -> None:
    """The allow-list follows the format: a format 2 manifest around a database that still
    holds the index is not what Mirror writes."""
    bundle = rebundle(FORMAT1, tmp_path / "mixed.zip", work=tmp_path / "w")
    run = cli("verify", str(bundle))
    assert run.code == 6 and "an extra table 'reflections_fts" in run.err


def test_restored_index_matches_the_schema_and_finds_rows(cli, tmp_path: Path) -> None:
    """What staging an older format 2 bundle does before migrating it: the index comes back
    exactly as Mirror's migrations create it, rebuilt from the reflections."""
    db = _database(_export(cli, tmp_path), tmp_path)
    conn = sqlite3.connect(db, isolation_level=None)
    version = migrations.schema_version(conn)
    restore_fts(conn, version)
    hits = conn.execute(f"SELECT rowid FROM {FTS_PREFIX} WHERE {FTS_PREFIX} MATCH 'lighthouse'"
                        ).fetchall()
    conn.close()
    assert len(hits) == 1
    report = check_foreign_database(db, "restored", claimed_version=version, with_fts=True)
    assert report.counts["reflections"] == 2

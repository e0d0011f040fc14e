"""Hostile bundles at import: a valid container around a database that is not what Mirror
writes, manifests that lie, tampered signed/encrypted bundles, untrusted signers. Each is
refused with one line and exit 6, and the journal is byte-for-byte unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

import pytest

from mirror.storage import migrations
from tests.bundles.journalkit import full_digest, open_journal, populate, rebundle, sql_edit


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-src")
    journal = open_journal(folder / "a")
    populate(journal)
    journal.export_bundle(folder / "good.zip")
    journal.close()
    return folder / "good.zip"


@pytest.fixture
def target(cli, tmp_path: Path, mirror_home: Path):
    """The journal being attacked: some content of its own, and its digest."""
    cli("reflect", "My own reflection, which must survive any refused import #mine")
    cli("threads", "create", "Mine")
    return mirror_home / "mirror.db"


def _corrupt(db: Path) -> None:
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(2 * page + 100, min(len(data), 6 * page), 7):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))


def _future(db: Path) -> None:
    sql_edit("INSERT INTO schema_migrations (version, name, checksum, applied_at, app_version)"
             f" VALUES ({migrations.latest_version() + 1}, 'future', 'x',"
             " '2030-01-01T00:00:00.000000Z', '9.0')")(db)


HOSTILE = {
    "trigger": (sql_edit("CREATE TRIGGER evil AFTER INSERT ON tags BEGIN DELETE FROM reflections; END"),
                "extra trigger 'evil'"),
    "view": (sql_edit("CREATE VIEW evil AS SELECT * FROM reflections"), "extra view 'evil'"),
    "table": (sql_edit("CREATE TABLE evil (x)"), "extra table 'evil'"),
    "column": (sql_edit("ALTER TABLE reflections ADD COLUMN evil TEXT"), "changed table 'reflections'"),
    "index": (sql_edit("CREATE INDEX evil ON reflections(content)"), "extra index 'evil'"),
    "future schema": (_future, "from a newer Mirror"),
    "gap in ledger": (sql_edit("DELETE FROM schema_migrations WHERE version = 2"),
                      "migrations ledger is not 1..N"),
    "corrupt file": (_corrupt, "mirror.db"),
    "not sqlite": (lambda db: db.write_bytes(b"hello" * 1000), "not a SQLite database"),
    "row breaking a CHECK": (sql_edit("PRAGMA ignore_check_constraints = ON",
                                      "UPDATE reflections SET private = 7"),
                             "reflections.private is not 0 or 1"),
    "altered migration": (sql_edit("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1"),
                          "not the one this Mirror ships"),
    # parses, but once merged it broke `mirror --json list` on every later run
    "metadata nested 900 deep": (sql_edit("UPDATE reflections SET metadata = '"
                                          + '{"a":' * 900 + "1" + "}" * 900 + "'"),
                                 "nested more than 64 deep"),
}


@pytest.mark.parametrize("attack", sorted(HOSTILE))
def test_hostile_database_inside_a_valid_bundle_is_refused(attack, exported, target, cli,
                                                          tmp_path: Path) -> None:
    edit, message = HOSTILE[attack]
    bundle = rebundle(exported, tmp_path / "evil.zip", edit, work=tmp_path / "w")
    before = full_digest(target)
    for command in ("verify", "import"):
        run = cli(command, str(bundle))
        assert run.code == 6, (attack, command, run.err)
        assert run.err.count("\n") == 1 and message in run.err, run.err
    assert full_digest(target) == before


def test_bundle_from_a_newer_mirror_is_refused(exported, target, cli, tmp_path: Path) -> None:
    bundle = rebundle(exported, tmp_path / "new.zip", _future,
                      schema_version=migrations.latest_version() + 1, work=tmp_path / "w")
    before = full_digest(target)
    run = cli("import", str(bundle))
    assert run.code == 6 and "newer Mirror" in run.err
    assert full_digest(target) == before


@pytest.mark.parametrize("lie", ["more", "fewer", "missing table", "extra table"])
def test_manifest_whose_counts_lie_is_refused(lie, exported, target, cli, tmp_path: Path) -> None:
    def edit(counts: dict) -> None:
        if lie == "more":
            counts["reflections"] += 1
        elif lie == "fewer":
            counts["tombstones"] -= 1
        elif lie == "missing table":
            del counts["threads"]
        else:
            counts["ghosts"] = 0

    bundle = rebundle(exported, tmp_path / "lie.zip", counts_edit=edit, work=tmp_path / "w")
    before = full_digest(target)
    run = cli("import", str(bundle))
    assert run.code == 6 and "MANIFEST.json: the manifest says" in run.err
    assert full_digest(target) == before


def test_manifest_schema_version_that_lies_is_refused(exported, target, cli, tmp_path: Path) -> None:
    bundle = rebundle(exported, tmp_path / "v.zip", schema_version=2, work=tmp_path / "w")
    run = cli("import", str(bundle))
    assert run.code == 6 and "schema version 2" in run.err


def test_older_schema_is_migrated_on_a_private_copy(exported, target, cli, tmp_path: Path,
                                                   mirror_home: Path) -> None:
    """A bundle written at schema 3 (before bundles' own tables) imports: the staged copy is
    migrated, the journal's own file is never replaced."""
    def downgrade(db: Path) -> None:
        # Undo 018 (care readings), 017 (tag counts), 016 (local counts), 015 (the partial index of wide texts), 014 (the vocabulary's view), 013 (the substring index's view), 012 (threads' change columns), 011 (the import ledger rebuilt: dropped below anyway), 007 (maintained counts: added by issue 13, so a schema-3 bundle has none),
        # 006 (domain triggers), 005 (care tiers) and 004 (bundles' tables): care_markers
        # as 002 created it.
        care_markers = [s for s in (REPO / "schemas/sqlite/002_engine.sql").read_text().split(";")
                        if "CREATE TABLE care_markers" in s][0].split("\n\n")[-1].strip()
        care_markers = care_markers[care_markers.index("CREATE TABLE"):]
        sql_edit("DROP TABLE care_readings", "DELETE FROM schema_migrations WHERE version = 18",  # 018
                 *(f"DROP TRIGGER tag_counts_{t}" for t in ("link", "unlink", "relink")),  # 017
                 "DROP TABLE tag_counts",
                 "DELETE FROM schema_migrations WHERE version = 17",
                 *(f"DROP TRIGGER local_counts_hour_{t}" for t in ("insert", "delete", "update")),
                 *(f"DROP TABLE {t}" for t in (  # 016
                   "local_zone", "local_zone_offsets", "reflection_counts_by_local_day",
                   "reflection_counts_by_local_hour")),
                 "DELETE FROM schema_migrations WHERE version = 16",
                 "DROP INDEX reflections_wide_seq",  # 015
                 "DELETE FROM schema_migrations WHERE version = 15",
                 "DROP VIEW reflection_ascii_words",  # 014 (its tables left with the FTS)
                 "DELETE FROM schema_migrations WHERE version = 14",
                 "DROP VIEW reflections_wide",  # 013 (its index left with the FTS)
                 "DELETE FROM schema_migrations WHERE version = 13",
                 "DROP TRIGGER sync_dirty_thread_change",  # 012 (thread changes)
                 "ALTER TABLE threads DROP COLUMN wanted_title",
                 "ALTER TABLE threads DROP COLUMN changed_at",
                 "DELETE FROM schema_migrations WHERE version = 12",
                 "DELETE FROM schema_migrations WHERE version = 11",  # 011 (import kinds)
                 *(f"DROP TRIGGER sync_dirty_{t}" for t in (  # 010 (sync)
                   "reflection_insert", "reflection_update", "tombstone", "thread_insert",
                   "thread_member", "feedback")),
                 *(f"DROP TABLE sync_{t}" for t in ("state", "devices", "ledger", "versions", "dirty")),
                 "DELETE FROM schema_migrations WHERE version = 10",
                 *(f"DROP TABLE {t}" for t in ("evolution_history", "evolution_proposals",  # 009
                   "engine_profile_in_force", "engine_profiles")),
                 "ALTER TABLE engine_runs DROP COLUMN profile_version",
                 "DELETE FROM schema_migrations WHERE version = 9",
                 *(f"DROP TRIGGER {t}" for t in (  # 008 (the indexes left with the FTS)
                   "reflection_hour_counts_insert", "reflection_hour_counts_unwrite",
                   "reflection_hour_counts_rewrite", "reflection_hour_counts_delete")),
                 "DROP VIEW reflections_unspaced", "DROP VIEW reflection_words",
                 "DROP TABLE reflection_counts_by_hour",
                 "DELETE FROM schema_migrations WHERE version = 8",
                 *(f"DROP TRIGGER {t}" for t in (
                   "reflection_counts_insert", "reflection_counts_update",
                   "reflection_pattern_counts_redate", "reflection_counts_delete",
                   "reflection_pattern_counts_delete", "pattern_counts_insert",
                   "pattern_counts_delete", "pattern_counts_update")),
                 "DROP TABLE reflection_counts_by_day", "DROP TABLE pattern_counts_by_day",
                 "DELETE FROM schema_migrations WHERE version = 7",
                 *(f"DROP TRIGGER {t}" for t in ("reflections_domain_insert",
                   "reflections_domain_update", "reflection_revisions_domain_insert",
                   "tombstones_domain_insert", "mirrorbacks_domain_insert",
                   "threads_domain_insert")),
                 "DELETE FROM schema_migrations WHERE version = 6",
                 "DROP TABLE care_dismissals", "DROP TABLE constitution_amendments",
                 "DROP TABLE care_markers", care_markers,
                 "DELETE FROM schema_migrations WHERE version = 5",
                 "DROP TABLE trusted_keys", "DROP TABLE bundle_imports",
                 "DELETE FROM schema_migrations WHERE version = 4", "VACUUM")(db)

    bundle = rebundle(exported, tmp_path / "old.zip", downgrade, schema_version=3,
                      work=tmp_path / "w")
    inode = (mirror_home / "mirror.db").stat().st_ino
    run = cli("import", str(bundle), "--json")
    assert run.code == 0, run.err
    assert run.json["needs_migration"] and run.json["changes"]["reflections_added"] == 3
    assert (mirror_home / "mirror.db").stat().st_ino == inode
    assert list((mirror_home / "tmp").iterdir()) == []


def test_unexpected_member_is_refused(exported, target, cli, tmp_path: Path) -> None:
    import json
    from datetime import datetime

    from mirror.bundles.container import write_bundle
    from mirror.bundles.manifest import BundleInfo
    from tests.bundles.journalkit import member_bytes

    files = member_bytes(exported)
    manifest = json.loads(files.pop("MANIFEST.json"))
    files["run-me.sh"] = b"rm -rf ~\n"
    members = {}
    for name, data in files.items():
        path = tmp_path / name.replace("/", "__")
        path.write_bytes(data)
        members[name] = path
    info = BundleInfo(manifest["schema_version"], manifest["app_version"], manifest["bundle_id"],
                      datetime.fromisoformat(manifest["created_at"].replace("Z", "+00:00")),
                      manifest["counts"], manifest["audit_head"], manifest["constitution_version"])
    write_bundle(tmp_path / "extra.zip", members, info)
    run = cli("import", str(tmp_path / "extra.zip"))
    assert run.code == 6 and "unexpected member 'run-me.sh'" in run.err


def test_tampered_signed_bundle_is_refused_at_import(cli, tmp_path: Path, mirror_home: Path) -> None:
    cli("reflect", "Signed content")
    assert cli("export", str(tmp_path / "s.zip"), "--sign").code == 0
    other = tmp_path / "other"
    cli("reflect", "--home", str(other), "The other journal's own words")
    before = full_digest(other / "mirror.db")
    data = bytearray((tmp_path / "s.zip").read_bytes())
    for position in (60, len(data) // 2, len(data) - 40):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        (tmp_path / "t.zip").write_bytes(bytes(flipped))
        run = cli("import", str(tmp_path / "t.zip"), "--home", str(other))
        assert run.code == 6, (position, run.err)
    assert full_digest(other / "mirror.db") == before


def test_signature_trust_is_the_importers_policy(cli, tmp_path: Path, mirror_home: Path) -> None:
    cli("reflect", "Signed on machine A")
    assert cli("export", str(tmp_path / "s.zip"), "--sign").code == 0
    assert cli("export", str(tmp_path / "u.zip")).code == 0
    assert cli("key", "export-public", str(tmp_path / "a.pub")).code == 0
    # this device's own key is trusted here
    assert cli("verify", str(tmp_path / "s.zip"), "--require-signature").code == 0
    other = str(tmp_path / "other")
    run = cli("import", str(tmp_path / "s.zip"), "--home", other)
    assert run.code == 6 and "untrusted key" in run.err
    run = cli("import", str(tmp_path / "u.zip"), "--home", other, "--require-signature")
    assert run.code == 6 and "not signed" in run.err
    assert cli("trust", "add", str(tmp_path / "a.pub"), "--home", other).code == 0
    listed = cli("trust", "list", "--home", other, "--json").json["keys"]
    assert len(listed) == 1
    run = cli("import", str(tmp_path / "s.zip"), "--home", other, "--require-signature", "--json")
    assert run.code == 0 and run.json["signature"]["status"] == "trusted"
    # the bundle's own trusted_keys table never travels
    db = sqlite3.connect(Path(other) / "mirror.db")
    assert db.execute("SELECT count(*) FROM trusted_keys").fetchone()[0] == 1
    db.close()


def test_device_key_is_private_and_created_on_first_use(cli, mirror_home: Path) -> None:
    run = cli("key", "show", "--json")
    assert run.code == 0
    key = mirror_home / "device_key.pem"
    assert (key.stat().st_mode & 0o777) == 0o600
    assert cli("key", "--json").json["fingerprint"] == run.json["fingerprint"]

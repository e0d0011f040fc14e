"""Export and import of whole journals: what a bundle holds, round trips, merge rules,
dry runs, idempotency, the audit trail."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.bundles.manifest import MANIFEST_NAME
from mirror.models.bundles import BundleExport
from mirror.storage.reflections import NewReflection
from tests.bundles.journalkit import content_digest, full_digest, later, member_bytes, open_journal, populate

SECRET = "sk-ant-PLANTED-secret-0123456789abcdef"


@pytest.fixture
def source(tmp_path: Path):
    journal = open_journal(tmp_path / "a")
    ids = populate(journal)
    yield journal, ids
    journal.close()


def _export(journal, path: Path, **options) -> BundleExport:
    return journal.export_bundle(path, **options)


def test_bundle_holds_a_scrubbed_snapshot_settings_and_the_constitution(
        source, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mirror import constitution

    journal, ids = source
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    (journal.paths.home / "secrets.toml").write_text(f'anthropic_api_key = "{SECRET}-file"\n')
    (journal.paths.home / "secrets.toml").chmod(0o600)
    journal.settings.set("timezone", ["Europe/Lisbon"])
    assert journal.store.derived.is_care(ids["care"])
    head = journal.store.audit_head()
    steps = []
    result = _export(journal, tmp_path / "b.zip", progress=lambda d, t: steps.append((d, t)))

    files = member_bytes(tmp_path / "b.zip")
    assert {"mirror.db", "config.json", MANIFEST_NAME} <= set(files)
    assert any(name.startswith("constitution/") for name in files)
    for name, data in files.items():
        assert SECRET.encode() not in data, name
    manifest = json.loads(files[MANIFEST_NAME])
    assert manifest["audit_head"] == head == result.audit_head
    assert manifest["schema_version"] == journal.store.schema_version
    assert manifest["constitution_version"] == constitution.version()
    assert manifest["counts"]["reflections"] == 3 and manifest["counts"]["care_markers"] == 0
    assert json.loads(files["config.json"])["settings"]["timezone"] == "Europe/Lisbon"
    db = tmp_path / "snap.db"
    db.write_bytes(files["mirror.db"])
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM care_markers").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM response_cache").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 3
    conn.close()
    # the care marker's signals are not left in free pages either
    signals = journal.store.conn.execute("SELECT signals FROM care_markers").fetchone()[0]
    assert signals.encode() not in files["mirror.db"]
    assert steps[-1][0] == steps[-1][1]
    last = journal.store.conn.execute(
        "SELECT action, entity, entity_id FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert tuple(last) == ("export", "bundle", result.bundle_id)
    assert list((journal.paths.home / "tmp").iterdir()) == []


def test_round_trip_into_an_empty_journal_then_reimport_changes_nothing(source, tmp_path: Path) -> None:
    journal, ids = source
    _export(journal, tmp_path / "b.zip")
    target = open_journal(tmp_path / "b", seed=7)
    try:
        first = target.import_bundle(tmp_path / "b.zip")
        assert first.changed and first.changes["reflections_added"] == 3
        assert content_digest(target) == content_digest(journal)
        # derived data was re-derived from the text, not copied
        assert target.store.derived.is_care(ids["care"])
        assert target.store.derived.patterns_for(ids["first"])
        assert target.get(ids["second"]).private
        assert target.history(ids["second"])[1][0].content.startswith("Walked by the river, always")
        assert target.thread("Evenings").reflections == 1
        before = content_digest(target)
        second = target.import_bundle(tmp_path / "b.zip")
        assert second.changed is False
        assert content_digest(target) == before
        rows = target.store.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'import'").fetchone()[0]
        assert rows == 2  # both imports are on the record
        with pytest.raises(Exception):
            target.resolve(ids["gone"])  # the tombstone came along
    finally:
        target.close()


def test_dry_run_reports_changes_and_writes_nothing(source, tmp_path: Path) -> None:
    journal, _ = source
    _export(journal, tmp_path / "b.zip")
    target = open_journal(tmp_path / "b", seed=7)
    target.write("already here")
    target.close()
    before = full_digest(tmp_path / "b" / "mirror.db")
    target = open_journal(tmp_path / "b", seed=7)
    try:
        report = target.import_bundle(tmp_path / "b.zip", dry_run=True)
        assert report.dry_run and report.changes["reflections_added"] == 3
        assert report.import_id is None
    finally:
        target.close()
    assert full_digest(tmp_path / "b" / "mirror.db") == before


def _two_copies(tmp_path: Path):
    """Journal A exported, imported into B: both now hold the same reflections."""
    a = open_journal(tmp_path / "a")
    rid = a.write("Original text", tags=["one"]).id
    _export(a, tmp_path / "a1.zip")
    b = open_journal(tmp_path / "b", seed=9)
    b.import_bundle(tmp_path / "a1.zip")
    return a, b, rid


def test_newer_version_wins_and_the_older_text_becomes_a_revision(tmp_path: Path) -> None:
    a, b, rid = _two_copies(tmp_path)
    try:
        b.edit(rid, text="Edited on B first")
        later(a)
        a.edit(rid, text="Edited on A later", add_tags=["two"], starred=True)
        _export(a, tmp_path / "a2.zip")
        report = b.import_bundle(tmp_path / "a2.zip")
        assert report.changes["reflections_updated"] == 1
        reflection, revisions = b.history(rid)
        assert reflection.content == "Edited on A later" and reflection.starred
        assert set(reflection.tags) == {"one", "two"}
        assert [r.content for r in revisions] == ["Original text", "Edited on B first"]
        assert b.search("later")[0].reflection.id == rid  # the index follows
        again = b.import_bundle(tmp_path / "a2.zip")
        assert again.changed is False
    finally:
        a.close()
        b.close()


def test_local_newer_version_is_kept_and_the_bundle_text_becomes_a_revision(tmp_path: Path) -> None:
    a, b, rid = _two_copies(tmp_path)
    try:
        a.edit(rid, text="Edited on A first")
        _export(a, tmp_path / "a2.zip")
        later(b, 7200)
        b.edit(rid, text="Edited on B later")
        report = b.import_bundle(tmp_path / "a2.zip")
        assert report.changes["reflections_kept_local"] == 1
        reflection, revisions = b.history(rid)
        assert reflection.content == "Edited on B later"
        assert "Edited on A first" in [r.content for r in revisions]
        digest = content_digest(b)
        b.import_bundle(tmp_path / "a2.zip")
        assert content_digest(b) == digest
    finally:
        a.close()
        b.close()


def test_tombstones_win_both_ways(tmp_path: Path) -> None:
    a, b, rid = _two_copies(tmp_path)
    try:
        other = b.write("Only on B, deleted on B").id
        b.delete(other)
        a.delete(rid)
        _export(a, tmp_path / "a2.zip")
        report = b.import_bundle(tmp_path / "a2.zip")
        assert report.changes["reflections_deleted"] == 1
        assert b.store.stats().reflections == 0
        assert b.store.conn.execute("SELECT count(*) FROM reflections_fts WHERE reflections_fts"
                                    " MATCH 'original'").fetchone()[0] == 0
        # B's own deletion is never undone by a bundle that still holds the reflection
        c = open_journal(tmp_path / "c", seed=5)
        c.store.reflections.create(NewReflection(content="resurrect me", id=other))
        _export(c, tmp_path / "c.zip")
        c.close()
        assert b.import_bundle(tmp_path / "c.zip").changes["reflections_skipped_deleted"] == 1
        assert b.store.stats().reflections == 0
    finally:
        a.close()
        b.close()


def test_private_is_sticky_and_threads_merge_by_title(tmp_path: Path) -> None:
    a, b, rid = _two_copies(tmp_path)
    try:
        b.edit(rid, private=True)
        b.create_thread("Mornings")
        later(a)
        a.edit(rid, text="Newer on A", private=False)
        a.create_thread("Mornings")
        a.add_to_thread("Mornings", rid)
        _export(a, tmp_path / "a2.zip")
        b.import_bundle(tmp_path / "a2.zip")
        assert b.get(rid).content == "Newer on A" and b.get(rid).private
        assert [t.title for t in b.threads()] == ["Mornings"]
        assert b.thread("Mornings").reflections == 1
    finally:
        a.close()
        b.close()


def test_bundle_config_and_constitution_are_recorded_never_applied(source, tmp_path: Path) -> None:
    journal, _ = source
    journal.settings.set("engine", ["ollama"])
    _export(journal, tmp_path / "b.zip")
    target = open_journal(tmp_path / "b", seed=7)
    try:
        target.import_bundle(tmp_path / "b.zip")
        assert target.settings.get("engine") == "offline"
        record = target.store.conn.execute("SELECT details FROM bundle_imports").fetchone()[0]
        details = json.loads(record)
        assert details["config"]["settings"]["engine"] == "ollama"
        assert details["constitution_version"] and details["constitution_files"]
    finally:
        target.close()


_zones = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
                          "Pacific/Chatham", "America/St_Johns"])
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                min_size=1, max_size=80).filter(lambda t: t.strip())
_tag = st.text("abcdefghijklmnopqrstuvwxyzäß_-", min_size=1, max_size=8).filter(
    lambda t: t.strip("-_"))
_entry = st.fixed_dictionaries({
    "text": _text, "tags": st.lists(_tag, max_size=3), "starred": st.booleans(),
    "zone": _zones, "minutes": st.integers(-10_000_000, 10_000_000), "private": st.booleans()})


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_entry, min_size=1, max_size=4), edit=st.booleans(), delete=st.booleans())
def test_round_trip_property(tmp_path_factory, entries, edit, delete) -> None:
    from datetime import timedelta

    from mirror.clock import utc_iso
    from tests.bundles.journalkit import START

    folder = tmp_path_factory.mktemp("rt")
    a = open_journal(folder / "a")
    ids = a.store.reflections.create_many(NewReflection(
        content=e["text"], created_at=utc_iso(START + timedelta(minutes=e["minutes"])),
        created_tz=e["zone"], tags=e["tags"], starred=e["starred"], private=e["private"])
        for e in entries)
    if edit:
        a.edit(ids[0], text=entries[0]["text"] + " (edited)")
    if delete and len(ids) > 1:
        a.delete(ids[-1])
    a.export_bundle(folder / "b.zip")
    b = open_journal(folder / "b", seed=3)
    try:
        b.import_bundle(folder / "b.zip")
        assert content_digest(b) == content_digest(a)
        assert [r.to_json() for r in b.store.reflections.iter_all()] == \
            [r.to_json() for r in a.store.reflections.iter_all()]
    finally:
        a.close()
        b.close()


def test_cli_export_verify_import(cli, tmp_path: Path, mirror_home: Path, monkeypatch) -> None:
    cli("reflect", "A first thought about the garden #home")
    monkeypatch.chdir(tmp_path)
    run = cli("export", "--json")
    assert run.code == 0, run.err
    path = Path(run.json["path"])
    assert path.parent == tmp_path and path.name.startswith("mirror_bundle_") and path.suffix == ".zip"
    assert cli("verify", str(path)).code == 0
    other = tmp_path / "other"
    run = cli("import", str(path), "--home", str(other), "--json")
    assert run.code == 0 and run.json["changes"]["reflections_added"] == 1
    run = cli("import", str(path), "--home", str(other))
    assert run.code == 0 and "nothing to change" in run.err
    listed = cli("list", "--home", str(other), "--json").json["reflections"]
    assert listed[0]["content"] == "A first thought about the garden #home"
    assert cli("import", str(tmp_path / "missing.zip")).code == 3


def test_markdown_and_json_exports(cli, tmp_path: Path) -> None:
    from mirror.bundles.jsonio import schema_errors

    cli("reflect", "--tag", "x", "Plain export #home")
    run = cli("export", "--format", "json", str(tmp_path / "j.json"), "--json")
    assert run.code == 0 and run.json["reflections"] == 1
    document = json.loads((tmp_path / "j.json").read_text())
    assert schema_errors("export.schema.json", document) == []
    run = cli("export", "--format", "markdown", str(tmp_path / "md"))
    assert run.code == 0
    files = list((tmp_path / "md").glob("*.md"))
    assert len(files) == 1 and "Plain export" in files[0].read_text()
    back = cli("import", "--from", "markdown", str(tmp_path / "md"), "--home",
               str(tmp_path / "h2"), "--json")
    assert back.code == 0 and back.json["changes"]["reflections_added"] == 1


def test_leftover_work_folders_of_dead_processes_are_cleaned(source, tmp_path: Path) -> None:
    journal, _ = source
    tmp = journal.paths.home / "tmp"
    tmp.mkdir(exist_ok=True)
    dead = tmp / "import-999999-abc"
    (dead / "mirror-bundle-x").mkdir(parents=True)
    (dead / "mirror-bundle-x" / "mirror.db").write_bytes(b"x" * 100)
    _export(journal, tmp_path / "b.zip")
    assert not dead.exists()


def test_bundle_is_a_plain_zip_and_sqlite_file(source, tmp_path: Path) -> None:
    """Stock tools open it: zipfile (unzip) and sqlite3."""
    journal, _ = source
    _export(journal, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as z:
        assert z.testzip() is None
        z.extract("mirror.db", tmp_path / "x")
    conn = sqlite3.connect(tmp_path / "x" / "mirror.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 3
    conn.close()

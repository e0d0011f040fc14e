"""Other journals in (`mirror import --from`): the real jrnl fixtures keep their dates,
tags and stars; Day One photo-only entries are kept; re-importing adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

from mirror.models.bundles import ForeignImport
from tests.bundles.journalkit import content_digest, open_journal

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl"


def _by_local_minute(reflections: list[dict]) -> dict[str, dict]:
    from mirror.cli.render import local_time

    return {local_time(r["created_at"], r["created_tz"]): r for r in reflections}


def test_jrnl_journal_imports_with_dates_tags_and_stars(cli, mirror_home: Path) -> None:
    expected = json.loads((FIXTURES / "export.json").read_text())["entries"]
    run = cli("import", "--from", "jrnl", str(FIXTURES / "journal.txt"), "--tz", "Europe/Berlin",
              "--json")
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == len(expected) == 40
    listed = cli("list", "-n", "100", "--json").json["reflections"]
    got = _by_local_minute(listed)
    for entry in expected:
        r = got[f"{entry['date']} {entry['time']}"]
        assert r["created_tz"] == "Europe/Berlin" and r["source"] == "jrnl"
        assert r["starred"] == entry["starred"]
        assert {t.lower() for t in r["tags"]} >= {t.lstrip("@").lower() for t in entry["tags"]}
        assert r["content"].startswith(entry["title"].strip())
        assert len(r["metadata"]["source_id"]) == 64
    again = cli("import", "--from", "jrnl", str(FIXTURES / "journal.txt"), "--tz", "Europe/Berlin",
                "--json")
    assert again.json["changes"]["reflections_added"] == 0
    assert again.json["changes"]["reflections_skipped_existing"] == 40
    assert len(cli("list", "-n", "100", "--json").json["reflections"]) == 40
    # jrnl's own JSON export of the same journal is recognised as the same entries
    same = cli("import", "--from", "jrnl", str(FIXTURES / "export.json"), "--tz", "Europe/Berlin",
               "--dry-run", "--json")
    assert same.code == 0 and same.json["dry_run"]


def test_deleted_imported_entry_is_not_resurrected(cli) -> None:
    run = cli("import", "--from", "jrnl", str(FIXTURES / "journal.txt"), "--tz", "UTC", "--json")
    victim = run.json["ids"][0]
    assert cli("delete", victim, "--yes").code == 0
    again = cli("import", "--from", "jrnl", str(FIXTURES / "journal.txt"), "--tz", "UTC", "--json")
    assert again.json["changes"]["reflections_added"] == 0
    assert cli("show", victim).code == 3


def test_dayone_photo_only_entry_is_kept_with_a_placeholder(tmp_path: Path) -> None:
    export = {"metadata": {"version": "1.0"}, "entries": [
        {"uuid": "A1B2C3D4E5F60718293A4B5C6D7E8F90", "creationDate": "2024-03-05T08:41:00Z",
         "timeZone": "Asia/Tokyo", "text": "Morning tea \\#quiet", "tags": ["tea"], "starred": True},
        {"uuid": "B1B2C3D4E5F60718293A4B5C6D7E8F90", "creationDate": "2024-03-06T08:41:00Z",
         "timeZone": "Asia/Tokyo", "text": "",
         "photos": [{"identifier": "P1", "md5": "abc", "type": "jpeg"},
                    {"identifier": "P2", "md5": "def", "type": "jpeg"}]},
    ]}
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps(export))
    journal = open_journal(tmp_path / "home")
    try:
        result = journal_import(journal, "dayone", path)
        assert result.changes["reflections_added"] == 2
        assert result.changes["placeholders"] == 1
        items = {r.created_at[:10]: r for r in journal.store.reflections.iter_all()}
        photo = items["2024-03-06"]
        assert photo.content == "(2 photos)" and photo.metadata["placeholder_text"] is True
        assert len(photo.metadata["media"]) == 2 and photo.source == "dayone"
        tea = items["2024-03-05"]
        assert tea.starred and tea.created_tz == "Asia/Tokyo" and "tea" in tea.tags
        digest = content_digest(journal)
        assert journal_import(journal, "dayone", path).changes["reflections_added"] == 0
        assert content_digest(journal) == digest
    finally:
        journal.close()


def journal_import(journal, kind: str, path: Path) -> ForeignImport:
    return journal.import_foreign(kind, path, tz="UTC")


def test_malformed_foreign_file_is_invalid_input(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("no header here\n")
    run = cli("import", "--from", "jrnl", str(bad))
    assert run.code == 4 and run.err.count("\n") == 1
    assert cli("import", "--from", "jrnl", str(tmp_path / "missing.txt")).code == 3

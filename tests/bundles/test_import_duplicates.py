"""Issue 13, item 6: a foreign journal holding the same entry twice (same time, same text)
imports every copy, each under its own ID, and importing the file again adds nothing.
Before, the copies derived one ID and the whole import aborted."""

from __future__ import annotations

import json
from pathlib import Path

from mirror.bundles.importers.jrnl import import_jrnl
from mirror.bundles.importers.markdown import import_markdown

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl"
DUPLICATES = FIXTURES / "duplicates.txt"  # one entry written three times, one other


def test_identical_jrnl_entries_get_distinct_stable_ids(tmp_path: Path) -> None:
    first = [e.source_id for e in import_jrnl(DUPLICATES, tz="UTC")]
    assert len(first) == 4 and len(set(first)) == 4
    assert first == [e.source_id for e in import_jrnl(DUPLICATES, tz="UTC")]
    # The first copy keeps the ID the entry has alone in a file (a journal imported before
    # still recognises it); later copies are numbered.
    alone = tmp_path / "alone.txt"
    alone.write_text(DUPLICATES.read_text().split("\n\n")[0] + "\n")
    assert [e.source_id for e in import_jrnl(alone, tz="UTC")] == first[:1]


def test_jrnl_file_with_identical_entries_imports_all_and_reimports_nothing(cli) -> None:
    run = cli("import", "--from", "jrnl", str(DUPLICATES), "--tz", "Europe/Berlin", "--json")
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == 4
    listed = cli("list", "-n", "10", "--json").json["reflections"]
    assert sorted(r["content"] for r in listed).count(
        "Same evening, same words.\nI pressed save twice and jrnl kept both.") == 3
    again = cli("import", "--from", "jrnl", str(DUPLICATES), "--tz", "Europe/Berlin", "--json")
    assert again.code == 0, again.err
    assert again.json["changes"]["reflections_added"] == 0
    assert again.json["changes"]["reflections_skipped_existing"] == 4
    assert len(cli("list", "-n", "10", "--json").json["reflections"]) == 4


def test_jrnl_json_export_with_identical_entries(cli, tmp_path: Path) -> None:
    entry = {"title": "Twice.", "body": "Same words.", "date": "2024-03-05", "time": "21:41",
             "tags": [], "starred": False}
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"tags": {}, "entries": [entry, entry]}))
    run = cli("import", "--from", "jrnl", str(path), "--tz", "UTC", "--json")
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == 2
    again = cli("import", "--from", "jrnl", str(path), "--tz", "UTC", "--json")
    assert again.json["changes"]["reflections_added"] == 0


def test_markdown_files_with_identical_entries(cli, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for name in ("2024-03-05-a.md", "2024-03-05-b.md"):
        (folder / name).write_text("---\ndate: 2024-03-05 21:41\n---\nSame words, two files.\n")
    ids = [e.source_id for e in import_markdown(folder, tz="UTC")]
    assert len(set(ids)) == 2
    run = cli("import", "--from", "markdown", str(folder), "--tz", "UTC", "--json")
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == 2
    again = cli("import", "--from", "markdown", str(folder), "--tz", "UTC", "--json")
    assert again.json["changes"]["reflections_added"] == 0

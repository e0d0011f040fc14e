"""The one bulk write path of every `mirror import --from …` (issue 13, item 2): entries are
streamed from the file into the journal in chunks, with tags, audit entries and derived
rows written in bulk, and the result is the same journal the one-by-one path built:
idempotent, duplicates told apart, the import recorded under its own kind."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from mirror.services.journal import Journal


def _kinds(home: Path) -> list[str]:
    conn = sqlite3.connect(home / "mirror.db")
    try:
        return [row[0] for row in conn.execute("SELECT kind FROM bundle_imports ORDER BY imported_at")]
    finally:
        conn.close()


def test_mirror_json_import_is_recorded_as_json(cli, mirror_home: Path, tmp_path: Path) -> None:
    assert cli("reflect", "A day by the sea #travel").code == 0
    doc = tmp_path / "journal.json"
    assert cli("export", "--format", "json", str(doc)).code == 0
    other = tmp_path / "other"
    run = cli("import", "--from", "json", str(doc), "--json", "--home", str(other))
    assert run.code == 0, run.err
    assert run.json["changes"]["reflections_added"] == 1
    assert _kinds(other) == ["json"]
    with Journal.open(other) as journal:
        assert [i.kind for i in journal.imports()] == ["json"]
        assert json.loads(json.dumps(journal.imports()[0].details))["from"] == "json"

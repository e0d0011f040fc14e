"""Helpers for export/import tests: journals with varied content, digests that say whether
a journal changed, and hostile bundles built around a real snapshot."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mirror.bundles.container import write_bundle
from mirror.bundles.manifest import BundleInfo
from mirror.clock import FixedClock
from mirror.services.journal import Journal
from mirror.storage import merge
from mirror.storage.foreign import row_counts

START = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def open_journal(home: Path, start: datetime = START, seed: int = 0) -> Journal:
    """A journal with a deterministic clock; `seed` keeps IDs of two journals apart."""
    clock = FixedClock(start)
    if seed:
        clock._counter = seed * 1_000_000
    return Journal.open(home, clock=clock)


def populate(journal: Journal) -> dict[str, str]:
    """A small journal touching every merged table. Returns named IDs."""
    ids = {}
    first = journal.write("I must finish the report but part of me wants to rest #work",
                          tags=["Focus"], starred=True)
    journal.answer(first)
    ids["first"] = first.id
    ids["second"] = journal.write("Walked by the river, always the same path.", when="2026-01-02 08:00",
                                  private=True).id
    journal.edit(ids["second"], text="Walked by the river with Sam, always the same path #walks")
    ids["gone"] = journal.write("A reflection I deleted later").id
    journal.delete(ids["gone"])
    thread = journal.create_thread("Evenings")
    ids["thread"] = thread.id
    journal.add_to_thread("Evenings", ids["first"])
    journal.add_tension("control", "surrender")
    journal.feedback(ids["first"], 4, ["generic"], "kind")
    care = journal.write("I want to kill myself tonight")
    journal.answer(care)
    ids["care"] = care.id
    return ids


def table_rows(db: Path) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


def full_digest(db: Path) -> str:
    """Every row of every table (audit log included): 'the journal is unchanged'."""
    return hashlib.sha256(json.dumps(table_rows(db)).encode()).hexdigest()


def content_digest(journal: Journal) -> str:
    return merge.content_digest(journal.store.conn)


def member_bytes(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as z:
        return {name: z.read(name) for name in z.namelist()}


def rebundle(source: Path, dest: Path, edit_db=None, *, counts_edit=None, schema_version=None,
             work: Path) -> Path:
    """A container-valid bundle (every hash right) around an edited copy of `source`'s
    database: what an attacker who can write zips would send."""
    work.mkdir(parents=True, exist_ok=True)
    files = member_bytes(source)
    manifest = json.loads(files.pop("MANIFEST.json"))
    files.pop("MANIFEST.sig", None)
    members = {}
    for name, data in files.items():
        path = work / name.replace("/", "__")
        path.write_bytes(data)
        members[name] = path
    db = members["mirror.db"]
    if edit_db is not None:
        edit_db(db)
    try:
        conn = sqlite3.connect(db)
        counts = row_counts(conn)
        conn.close()
    except sqlite3.Error:
        counts = manifest["counts"]
    if counts_edit is not None:
        counts_edit(counts)
    info = BundleInfo(
        schema_version=manifest["schema_version"] if schema_version is None else schema_version,
        app_version=manifest["app_version"], bundle_id=manifest["bundle_id"],
        created_at=datetime.fromisoformat(manifest["created_at"].replace("Z", "+00:00")),
        counts=counts, audit_head=manifest["audit_head"],
        constitution_version=manifest["constitution_version"])
    write_bundle(dest, members, info, overwrite=True)
    return dest


def sql_edit(*statements: str):
    def edit(db: Path) -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        try:
            for statement in statements:
                conn.execute(statement)
        finally:
            conn.close()
    return edit


def later(journal: Journal, seconds: int = 3600) -> None:
    """Move a journal's fixed clock forward (its next edits are newer)."""
    clock = journal.clock
    clock._now += timedelta(seconds=seconds)

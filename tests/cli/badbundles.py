"""Bundles whose database holds bytes that are not UTF-8 (a helper, not a test module)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from mirror.bundles.container import write_bundle
from mirror.bundles.manifest import BundleInfo
from mirror.services.journal import Journal
from tests.bundles.journalkit import member_bytes, sql_edit


def _rebundle(home: Path, work: Path, name: str, *statements: str) -> Path:
    """Export `home`, edit its database with `statements`, and wrap it in a bundle whose
    every hash is right (what an attacker who can write zips would send)."""
    work.mkdir(parents=True, exist_ok=True)
    with Journal.open(home) as journal:
        good = Path(journal.export_bundle(work / "good.zip", overwrite=True).path)
    files = member_bytes(good)
    manifest = json.loads(files.pop("MANIFEST.json"))
    files.pop("MANIFEST.sig", None)
    members = {}
    for member, data in files.items():
        path = work / member.replace("/", "__")
        path.write_bytes(data)
        members[member] = path
    sql_edit(*statements)(members["mirror.db"])
    info = BundleInfo(
        schema_version=manifest["schema_version"], app_version=manifest["app_version"],
        bundle_id=manifest["bundle_id"],
        created_at=datetime.fromisoformat(manifest["created_at"].replace("Z", "+00:00")),
        counts=manifest["counts"], audit_head=manifest["audit_head"],
        constitution_version=manifest["constitution_version"])
    write_bundle(work / name, members, info, overwrite=True)
    return work / name


def bundle_with_invalid_text(home: Path, tmp: Path) -> Path:
    return _rebundle(home, tmp / "bad-text", "bad-text.zip",
                     "UPDATE reflections SET content = CAST(x'48fffe1b5b324a41' AS TEXT)"
                     " WHERE rowid = (SELECT min(rowid) FROM reflections)")


def bundle_with_non_utf8_schema(home: Path, tmp: Path) -> Path:
    return _rebundle(home, tmp / "bad-schema", "bad-schema.zip", "PRAGMA writable_schema=ON",
                     "INSERT INTO sqlite_master VALUES('table', CAST(x'ff41' AS TEXT),"
                     " CAST(x'ff41' AS TEXT), 0, CAST(x'6761726261676520ff' AS TEXT))")

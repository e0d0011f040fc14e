"""Writing a bundle of the live journal, and the Markdown/JSON exports for other tools.

A bundle holds:

- `mirror.db`: a consistent snapshot of the database (`VACUUM INTO` a private file under
  MIRROR_HOME/tmp — one read transaction, never a copy of the live file), from which the
  rows that never leave the machine are deleted before it is VACUUMed again (so no trace
  is left in free pages) and fsynced: care markers (derived, DESIGN §4), the response
  cache (derived), trusted keys and import records (this device's policy and history);
- `config.json`: this journal's settings (config.toml as typed values; secrets are never
  settings, so an API key in the environment or secrets.toml cannot end up here);
- `constitution/…`: the constitution in force, byte for byte;
- `MANIFEST.json` (+ `MANIFEST.sig` when signed), written by `container.write_bundle`.

Memory stays flat: SQLite copies the database page by page and the zip writer streams.
Passphrase encryption is the exception (pyrage works on whole buffers: see limits.py).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mirror import __version__
from mirror.bundles.foreign import DEVICE_TABLES, NOT_EXPORTED
from mirror.bundles.jsonio import canonical_bytes
from mirror.clock import utc_iso
from mirror.errors import InvalidInput

if TYPE_CHECKING:
    from mirror.services.journal import Journal

Progress = Callable[[int, int], None]
CONFIG_FORMAT = "mirror-config"


def default_name(journal: "Journal", suffix: str) -> str:
    stamp = journal.clock.now().strftime("%Y%m%dT%H%M%SZ")
    return f"mirror_bundle_{stamp}{suffix}" if suffix.startswith(".zip") else \
        f"mirror_export_{stamp}{suffix}"


def _destination(journal: "Journal", path: str | Path | None, suffix: str,
                 overwrite: bool) -> Path:
    dest = Path(path) if path else Path.cwd() / default_name(journal, suffix)
    if dest.is_dir() and suffix != "":
        dest = dest / default_name(journal, suffix)
    if suffix == ".zip.age" and not dest.name.endswith(".age"):
        dest = dest.with_name(dest.name + ".age")
    if dest.exists() and not overwrite:
        raise InvalidInput(f"{dest} already exists (choose another name, or --force)")
    if not dest.parent.is_dir():
        raise InvalidInput(f"{dest.parent} is not a folder")
    return dest


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def export_bundle(journal: "Journal", path: str | Path | None = None, *,
                  passphrase: str | None = None, sign: bool = False,
                  progress: Progress | None = None, overwrite: bool = False) -> dict[str, Any]:
    from mirror import constitution
    from mirror.bundles import crypto
    from mirror.bundles.container import write_bundle
    from mirror.bundles.importing import work_area
    from mirror.bundles.manifest import BundleInfo
    from mirror.storage import audit, merge, migrations

    if passphrase is not None and not passphrase:
        raise InvalidInput("the passphrase is empty")
    dest = _destination(journal, path, ".zip.age" if passphrase else ".zip", overwrite)
    steps = 5 if passphrase else 4
    key = crypto.load_or_create_device_key(journal.paths.home) if sign else None
    now = journal.clock.now()
    with work_area(journal.paths.home, "export") as work:
        snap = work / "mirror.db"
        merge.snapshot(journal.store.conn, str(snap))
        _tick(progress, 1, steps)
        counts = merge.scrub_snapshot(str(snap), (*NOT_EXPORTED, *DEVICE_TABLES))
        reader = sqlite3.connect(snap, isolation_level=None)
        try:
            schema_version = migrations.schema_version(reader)
            audit_head = audit.head(reader)
        finally:
            reader.close()
        _tick(progress, 2, steps)
        members = {"mirror.db": snap, "config.json": work / "config.json"}
        members["config.json"].write_bytes(canonical_bytes(
            {"format": CONFIG_FORMAT, "settings": journal.settings.as_flat()}))
        members.update(_constitution_members(work / "constitution"))
        info = BundleInfo(
            schema_version=schema_version, app_version=__version__,
            bundle_id=journal.clock.new_id(), created_at=now, counts=counts,
            audit_head=audit_head, constitution_version=constitution.version(),
            encrypted=bool(passphrase))
        if passphrase:
            plain = work / "bundle.zip"
            manifest = write_bundle(plain, members, info, signing_key=key)
            _tick(progress, 3, steps)
            if overwrite:
                dest.unlink(missing_ok=True)
            crypto.encrypt_file(plain, dest, passphrase)
        else:
            manifest = write_bundle(dest, members, info, signing_key=key, overwrite=overwrite)
        _tick(progress, steps - 1, steps)
    details = {"path": dest.name, "encrypted": bool(passphrase), "signed": key is not None,
               "reflections": counts.get("reflections", 0), "audit_head": audit_head}
    merge.record_export(journal.store.conn, utc_iso(journal.clock.now()), info.bundle_id, details)
    _tick(progress, steps, steps)
    return {
        "format": "bundle", "path": str(dest), "bundle_id": info.bundle_id,
        "created_at": manifest["created_at"], "size": dest.stat().st_size,
        "encrypted": bool(passphrase), "signed": key is not None,
        "signer_fingerprint": crypto.fingerprint(key) if key is not None else None,
        "schema_version": schema_version, "constitution_version": info.constitution_version,
        "audit_head": audit_head, "counts": counts,
        "members": [m["path"] for m in manifest["members"]],
        "omitted": sorted(NOT_EXPORTED),
    }


def _constitution_members(folder: Path) -> dict[str, Path]:
    """The installed constitution copied into the work area (it may live inside a wheel,
    so it is read through importlib.resources)."""
    from mirror.resources import constitution_dir

    members: dict[str, Path] = {}

    def walk(node, prefix: str) -> None:
        for entry in sorted(node.iterdir(), key=lambda e: e.name):
            if entry.name.startswith(".") or entry.name == "__pycache__":
                continue
            rel = f"{prefix}{entry.name}"
            if entry.is_dir():
                walk(entry, rel + "/")
                continue
            target = folder / rel.replace("/", "__")
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            target.write_bytes(entry.read_bytes())
            members[f"constitution/{rel}"] = target

    walk(constitution_dir(), "")
    return members


# -- Markdown and JSON --------------------------------------------------------------------

def _plain_reflections(journal: "Journal"):
    for r in journal.store.reflections.iter_all():
        yield {"id": r.id, "created_at": r.created_at, "tz": r.created_tz, "text": r.content,
               "tags": list(r.tags), "starred": r.starred, "updated_at": r.updated_at,
               "source": r.source, "content_type": r.content_type,
               "visibility": r.visibility, "metadata": r.metadata}


def export_plain(journal: "Journal", path: str | Path | None, fmt: str, *,
                 progress: Progress | None = None, overwrite: bool = False) -> dict[str, Any]:
    from mirror.bundles import exporters
    from mirror.storage import merge

    total = journal.store.stats()["reflections"]
    if fmt == "json":
        dest = _destination(journal, path, ".json", overwrite)
        document = exporters.reflections_to_json(_plain_reflections(journal),
                                                 exported_at=journal.clock.now(),
                                                 app_version=__version__)
        _write_atomic(dest, exporters.json_document_bytes(document))
        written = len(document["reflections"])
    elif fmt == "markdown":
        dest = Path(path) if path else Path.cwd() / default_name(journal, "")
        if dest.exists() and (not dest.is_dir() or any(dest.iterdir())) and not overwrite:
            raise InvalidInput(f"{dest} already exists and is not an empty folder")
        dest.mkdir(parents=True, exist_ok=True, mode=0o700)
        written = 0
        for name, content in exporters.markdown_files(_plain_reflections(journal)):
            _write_atomic(dest / name, content.encode("utf-8"))
            written += 1
            if written % 500 == 0:
                _tick(progress, written, total)
    else:
        raise InvalidInput(f"unknown export format {fmt!r} (bundle, markdown or json)")
    _tick(progress, total, total)
    merge.record_export(journal.store.conn, utc_iso(journal.clock.now()), journal.clock.new_id(),
                        {"path": dest.name, "format": fmt, "reflections": written})
    return {"format": fmt, "path": str(dest), "reflections": written}


def _write_atomic(dest: Path, data: bytes) -> None:
    tmp = dest.with_name(f".{dest.name}.part")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, dest)

"""The pieces of an export that are formats, not use cases: where a bundle or export is
written, the constitution's files as bundle members, plain records for Markdown/JSON, and
atomic writes. `mirror.services.bundles.export_bundle` assembles them.

A bundle holds:

- `mirror.db`: a consistent snapshot of the database (`VACUUM INTO` a private file under
  MIRROR_HOME/tmp — one read transaction, never a copy of the live file), from which the
  rows that never leave the machine are deleted before it is VACUUMed again (so no trace
  is left in free pages) and fsynced: care markers (derived, DESIGN §4), the response
  cache (derived), trusted keys and import records (this device's policy and history);
  the full-text index is dropped too (derived; the importing journal indexes what it
  merges), which makes the snapshot about a sixth smaller (bundle format 2);
- `config.json`: this journal's settings (config.toml as typed values; secrets are never
  settings, so an API key in the environment or secrets.toml cannot end up here);
- `constitution/…`: the constitution in force, byte for byte;
- `MANIFEST.json` (+ `MANIFEST.sig` when signed), written by `container.write_bundle`.

Memory stays flat: SQLite copies the database page by page, the zip writer streams and
passphrase encryption streams (`agewriter`, 64 KiB chunks; scrypt's 256 MiB once).

Exports write only regular files: an existing device node, symlink, pipe or socket at the
destination is refused even with --force (as root, replacing /dev/null would break the
system). Files are written under a temporary `.NAME.PID….part` name and renamed; a killed
export leaves its part behind, and the next export to that folder removes it
(`clean_stale_parts`: Mirror's names only, and only when the writer is gone).
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from mirror.errors import InvalidInput
from mirror.fileio import write_private, write_private_chunks
from mirror.models import Reflection
from mirror.resources import constitution_dir
from mirror.storage.domain import readable
from mirror.storage.merge import SNAPSHOT_FALLBACK_TIME

CONFIG_FORMAT = "mirror-config"
#: A part file left by a writer that is still running but has not written for this long
#: is stale too (a live export writes continuously, then renames).
STALE_PART_S = 600
#: The temporary names Mirror's writers use in an export's folder (container.write_bundle,
#: fileio.write_private, write_atomic): `.NAME.PID[-random].part`, NAME an export's file.
_PART = re.compile(r"^\.(?P<name>[^/]+\.(?:zip|zip\.age|json|md))"
                   r"\.(?P<pid>[0-9]+)(?:-[a-z0-9_]+)?\.part$")


def default_name(now: datetime, suffix: str) -> str:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    return f"mirror_bundle_{stamp}{suffix}" if suffix.startswith(".zip") else \
        f"mirror_export_{stamp}{suffix}"


def destination(path: str | Path | None, now: datetime, suffix: str, overwrite: bool) -> Path:
    """The file to write: `path`, or a dated name in it (a folder) or in the current folder.
    An existing file is refused unless `overwrite`."""
    dest = Path(path) if path else Path.cwd() / default_name(now, suffix)
    if dest.is_dir() and suffix != "":
        dest = dest / default_name(now, suffix)
    if suffix == ".zip.age" and not dest.name.endswith(".age"):
        dest = dest.with_name(dest.name + ".age")
    refuse_special(dest)
    if dest.exists() and not overwrite:
        raise InvalidInput(f"{dest} already exists (choose another name, or --force)")
    if not dest.parent.is_dir():
        raise InvalidInput(f"{dest.parent} is not a folder")
    clean_stale_parts(dest.parent)
    return dest


def refuse_special(dest: Path, folder_ok: bool = False) -> None:
    """An export replaces only a regular file (or writes a new path; a Markdown export
    also a real folder): never a device, a symlink (it could point anywhere), a pipe or a
    socket."""
    try:
        mode = os.lstat(dest).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InvalidInput(f"{dest}: cannot check it ({exc.strerror})") from None
    kind = ("a symlink" if stat.S_ISLNK(mode) else "a device" if stat.S_ISCHR(mode)
            or stat.S_ISBLK(mode) else "a pipe" if stat.S_ISFIFO(mode) else "a socket"
            if stat.S_ISSOCK(mode) else "a folder" if stat.S_ISDIR(mode) and not folder_ok
            else None)
    if kind is not None:
        raise InvalidInput(f"{dest} is {kind}, not a regular file: Mirror exports only to "
                           "regular files or new paths")


def clean_stale_parts(folder: Path, now: float | None = None) -> list[Path]:
    """Remove part files a killed export left in `folder`: Mirror's own names only
    (`_PART`), and only when the process that wrote one is gone or it has not been written
    for STALE_PART_S seconds (`now`: the file system's clock, for tests)."""
    removed = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PART.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            idle = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if _running(int(match["pid"])) and idle < STALE_PART_S:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def export_folder(path: str | Path | None, now: datetime, overwrite: bool) -> Path:
    """The folder a Markdown export is written to: new, empty, or (`overwrite`) reused."""
    dest = Path(path) if path else Path.cwd() / default_name(now, "")
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())) and not overwrite:
        raise InvalidInput(f"{dest} already exists and is not an empty folder")
    refuse_special(dest, folder_ok=True)
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    clean_stale_parts(dest)
    return dest


def constitution_members(folder: Path) -> dict[str, Path]:
    """The installed constitution copied into the work area (it may live inside a wheel,
    so it is read through importlib.resources)."""
    members: dict[str, Path] = {}

    def walk(node: Any, prefix: str) -> None:
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


def plain_record(r: Reflection) -> dict[str, Any]:
    """A reflection as the Markdown and JSON exports write it (a time damaged before
    migration 006 is replaced, the original kept in `metadata.damaged`)."""
    created_at, updated_at, tz, damaged = readable(r.created_at, r.updated_at, r.created_tz,
                                                   SNAPSHOT_FALLBACK_TIME)
    metadata = {**r.metadata, "damaged": damaged} if damaged else r.metadata
    return {"id": r.id, "created_at": created_at, "tz": tz, "text": r.content,
            "tags": list(r.tags), "starred": r.starred, "private": r.private,
            "updated_at": updated_at,
            "source": r.source, "content_type": r.content_type,
            "visibility": r.visibility, "metadata": metadata}


def write_atomic(dest: Path, data: bytes) -> None:
    """Write `dest` whole or not at all, readable by its owner only (`fileio.write_private`:
    a 0600 temporary file, fsynced, then renamed)."""
    refuse_special(dest)
    write_private(dest, data)


def write_atomic_chunks(dest: Path, chunks: Iterable[bytes]) -> None:
    """`write_atomic` for content produced piece by piece (a streaming export: memory
    stays flat however large the journal): a 0600 temporary file, fsynced, then renamed;
    interrupted, it leaves the old `dest` or none, never half a file."""
    refuse_special(dest)
    write_private_chunks(dest, chunks)

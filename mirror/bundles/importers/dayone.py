"""Day One JSON exports: a zip holding `Journal.json` (or one JSON file per journal) and
media folders (`photos/<md5>.<type>`, `audios/`, `videos/`, `pdfs/`).

Each journal file is `{"metadata": {"version": "1.0"}, "entries": [...]}`; an entry has
`uuid`, `creationDate` (ISO 8601 UTC, `Z`), `modifiedDate`, `timeZone` (IANA), `text`
(Markdown), `tags`, `starred`, and optionally `location`, `weather`, `photos`, `audios`,
`videos`, `pdfAttachments`. Mirror stores text only, so media are *listed* in the entry's
metadata (identifier, md5, type, where the file is in the export, whether it is there),
never silently dropped. The zip is read with `SafeZip` like a bundle (it is just as
foreign); only the top-level JSON members are inflated.

Day One escapes Markdown punctuation in exported text (`Hello\\!`); those backslashes are
removed, as a person reading the entry would expect.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mirror.bundles.importers.base import (
    ImportedEntry,
    get_zone,
    is_zone,
    normalize_tags,
    normalize_text,
    read_text,
    resolve_zone,
)
from mirror.bundles.jsonio import load_document
from mirror.bundles.limits import DAYONE_LIMITS, MAX_IMPORT_FILE_BYTES
from mirror.bundles.safezip import SafeZip
from mirror.errors import BundleRefused, InvalidInput

SOURCE = "dayone"
_MEDIA_KINDS = {"photos": "photos", "audios": "audios", "videos": "videos",
                "pdfAttachments": "pdfs"}
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_UUID = re.compile(r"[0-9A-Za-z-]{1,64}")
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})")


def import_dayone(path: Path, tz: str | None = None) -> list[ImportedEntry]:
    """Entries from a Day One export zip, or from one of its journal JSON files."""
    path = Path(path)
    zone = resolve_zone(tz)
    with open(path, "rb") as handle:
        is_zip = handle.read(4) == b"PK\x03\x04"
    if not is_zip:
        return parse_dayone_json(read_text(path), zone, str(path), None)
    try:
        with SafeZip(path, DAYONE_LIMITS) as archive:
            members = set(archive.names())
            journals = sorted(name for name in members
                              if name.lower().endswith(".json") and "/" not in name)
            if not journals:
                raise InvalidInput(f"{path}: no journal JSON file in this Day One export")
            entries: list[ImportedEntry] = []
            for name in journals:
                data = archive.read_member(name, MAX_IMPORT_FILE_BYTES)
                label = f"{path}:{name}"
                entries += parse_dayone_json(read_text(Path(label), data), zone, label,
                                             members, journal=name[:-5])
    except BundleRefused as err:
        raise InvalidInput(f"unsafe or damaged Day One export: {err}") from None
    seen: set[str] = set()
    for entry in entries:
        if entry.source_id in seen:
            raise InvalidInput(f"{path}: entry uuid {entry.source_id} appears twice")
        seen.add(entry.source_id)
    return entries


def parse_dayone_json(content: str, tz: str, label: str, members: set[str] | None,
                      journal: str | None = None) -> list[ImportedEntry]:
    """One journal file. `members` is the set of names in the export zip (to record
    whether each media file is present), or None for a lone JSON file."""
    document = load_document(content, label, "Day One")
    return [_entry(raw, index, tz, label, members, journal)
            for index, raw in enumerate(document["entries"], start=1)]


def _instant(value: Any, what: str, where: str) -> datetime:
    if not isinstance(value, str) or not _INSTANT.fullmatch(value):
        raise InvalidInput(f"{where}: {what} {value!r} is not an ISO 8601 time like "
                           "2024-03-05T09:41:00Z")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"{where}: {what} {value!r} is not a valid time") from None


def _media(raw: dict[str, Any], where: str, members: set[str] | None) -> list[dict[str, Any]]:
    listed = []
    for key, folder in _MEDIA_KINDS.items():
        items = raw.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise InvalidInput(f"{where}: {key!r} must be a list of objects")
        for item in items:
            md5, kind = item.get("md5"), item.get("type")
            path = f"{folder}/{md5}.{kind}" if isinstance(md5, str) and isinstance(kind, str) \
                else None
            listed.append({
                "kind": key, "identifier": item.get("identifier"), "md5": md5, "type": kind,
                "path": path,
                "present": None if members is None else (path is not None and path in members),
            })
    return listed


def _entry(raw: Any, index: int, tz: str, label: str, members: set[str] | None,
           journal: str | None) -> ImportedEntry:
    where = f"{label}: entry {index}"
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where} is not an object")
    uuid = raw.get("uuid")
    if not isinstance(uuid, str) or not _UUID.fullmatch(uuid):
        raise InvalidInput(f"{where}: missing or malformed 'uuid'")
    created = _instant(raw.get("creationDate"), "creationDate", where)
    text = raw.get("text", "")
    tags = raw.get("tags", [])
    starred = raw.get("starred", False)
    if not isinstance(text, str) or not isinstance(starred, bool) \
            or not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise InvalidInput(f"{where}: 'text' must be a string, 'tags' a list of strings, "
                           "'starred' true or false")
    metadata: dict[str, Any] = {"format": "dayone-json"}
    zone = raw.get("timeZone")
    if is_zone(zone):
        entry_tz = zone
    else:
        entry_tz = tz
        if zone is not None:
            metadata["dayone_time_zone"] = zone
    if "modifiedDate" in raw:
        metadata["modified_at"] = _instant(raw["modifiedDate"], "modifiedDate", where) \
            .astimezone(UTC).isoformat()
    for key in ("location", "weather"):
        if isinstance(raw.get(key), dict):
            metadata[key] = raw[key]
    media = _media(raw, where, members)
    if media:
        metadata["media"] = media
    if journal is not None:
        metadata["journal"] = journal
    return ImportedEntry(
        source=SOURCE, source_id=uuid, created_at=created.astimezone(get_zone(entry_tz)),
        tz=entry_tz, text=normalize_text(_ESCAPE.sub(r"\1", text)), tags=normalize_tags(tags),
        starred=starred, metadata=metadata)

"""Mirror's own JSON export (`mirror export --format json`) read back.

The document is `{"format": "mirror-export", "format_version": 1, "reflections": [...]}`
(see `exporters.reflections_to_json`); every reflection keeps its ID, instant, zone,
text, tags, star, source and metadata. Importing it merges by ID: reflections this
journal already holds (or deleted) are skipped, so importing the same export twice, or
after a bundle of the same journal, never duplicates.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from mirror.bundles.importers.base import (
    ImportedEntry,
    ImportOptions,
    ImportReport,
    get_zone,
    in_era,
    is_zone,
    keepable,
    normalize_tags,
    normalize_text,
    read_text,
    storable_text,
)
from mirror.bundles.jsonio import StrictJSONError, strict_loads
from mirror.errors import InvalidInput

SOURCE = "mirror"
#: The document `exporters.reflections_to_json` writes (defined here, where it is read
#: back, so importers never depend on exporters).
EXPORT_FORMAT = "mirror-export"
EXPORT_FORMAT_VERSION = 1
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def import_mirror_json(path: Path, tz: str | None = None, *,
                       options: ImportOptions | None = None,
                       report: ImportReport | None = None) -> list[ImportedEntry]:
    """Entries from a Mirror JSON export; a reflection that cannot be read is skipped
    with its reason in `report`, the rest are imported."""
    report = report if report is not None else ImportReport()
    label = str(path)
    try:
        document = strict_loads(read_text(Path(path)), lone_surrogates="replace")
    except StrictJSONError as err:
        where = f":{err.lineno}" if err.lineno else ""
        raise InvalidInput(f"{label}{where}: not valid JSON ({err})") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT \
            or not isinstance(document.get("reflections"), list):
        raise InvalidInput(f"{label}: not a Mirror JSON export (no \"format\": "
                           f"\"{EXPORT_FORMAT}\" with a \"reflections\" list)")
    version = document.get("format_version")
    if type(version) is not int or version < 1:  # not `true`, which Python counts as 1
        raise InvalidInput(f"{label}: export format version {version!r} is not a version "
                           "number")
    if version > EXPORT_FORMAT_VERSION:
        raise InvalidInput(f"{label}: export format version {version!r} is newer than this "
                           "Mirror reads: upgrade Mirror")
    entries = []
    first: dict[str, int] = {}  # reflection ID -> the index it first appeared at
    for index, item in enumerate(document["reflections"], start=1):
        where = f"{label}: reflection {index}"
        try:
            entry = _entry(item, where, report)
        except InvalidInput as err:
            report.skip(where, str(err).removeprefix(f"{where}: "))
            continue
        # An export never repeats an ID; an edited one may. The merge by ID would count
        # the second as "already here" and drop its text without a word: say so instead.
        if entry.source_id in first:
            report.skip(where, f"the same id as reflection {first[entry.source_id]}: "
                        "not imported (give it a new id to keep both)")
            continue
        first[entry.source_id] = index
        entries.append(entry)
    return entries


def _entry(item: Any, where: str, report: ImportReport | None = None) -> ImportedEntry:
    if not isinstance(item, dict):
        raise InvalidInput(f"{where}: not an object")
    rid, text, tz = item.get("id"), item.get("text"), item.get("tz")
    if not isinstance(rid, str) or not _UUID.fullmatch(rid):
        raise InvalidInput(f"{where}: 'id' is missing or not a Mirror ID")
    if not isinstance(text, str) or not normalize_text(text):
        raise InvalidInput(f"{where}: 'text' is missing or empty")
    if not is_zone(tz):
        raise InvalidInput(f"{where}: 'tz' {tz!r} is not a time zone")
    created = item.get("created_at")
    try:
        moment = datetime.fromisoformat(str(created).replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"{where}: 'created_at' {created!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise InvalidInput(f"{where}: 'created_at' {created!r} has no UTC offset")
    in_era(moment, f"{where}: 'created_at'")
    tags, starred = item.get("tags", []), item.get("starred", False)
    private = item.get("private", False)
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags) \
            or not isinstance(starred, bool) or not isinstance(private, bool):
        raise InvalidInput(f"{where}: 'tags' must be a list of strings, 'starred' and "
                           "'private' true or false")
    # kept as exported: it is this reflection's own (an earlier import's `source_id` too)
    metadata = item.get("metadata") if isinstance(item.get("metadata"), dict) else {}
    if not keepable(metadata, "'metadata'", where, report):
        metadata = {}
    source = item.get("source") if isinstance(item.get("source"), str) and item["source"] \
        else SOURCE
    return ImportedEntry(
        source=source, source_id=rid, created_at=moment.astimezone(get_zone(tz)), tz=tz,
        text=storable_text(normalize_text(text), where, report), tags=normalize_tags(tags),
        starred=starred,
        metadata=dict(metadata), private=private, reflection_id=rid)

"""Day One JSON exports: a zip holding `Journal.json` (or one JSON file per journal) and
media folders (`photos/<md5>.<type>`, `audios/`, `videos/`, `pdfs/`).

Each journal file is `{"metadata": {"version": "1.0"}, "entries": [...]}`; an entry has
`uuid`, `creationDate` (ISO 8601 UTC, `Z`), `modifiedDate`, `timeZone` (IANA), `text`
(Markdown), `tags`, `starred`, and optionally `location`, `weather`, `photos`, `audios`,
`videos`, `pdfAttachments`, and `richText` (the same writing with its formatting, a JSON
string: newer exports may carry only this, and it is then rendered to Markdown). Mirror
stores text only, so media of every kind are *listed* in the entry's metadata
(identifier, md5, type — audios name theirs in `format` — where the file is in the export,
whether it is there), never silently dropped; a listed file missing from the export is
noted in the import report. `dayone-moment://` links in the text become readable mentions
of the attachment, or are removed with a note when the export does not list it. The zip is read with `SafeZip` like a bundle (it is just as
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
    ImportOptions,
    ImportReport,
    get_zone,
    in_era,
    is_zone,
    keepable,
    normalize_tags,
    normalize_text,
    read_text,
    resolve_zone,
    storable_text,
)
from mirror.bundles.jsonio import StrictJSONError, load_document, strict_loads
from mirror.bundles.limits import DAYONE_LIMITS, MAX_IMPORT_FILE_BYTES
from mirror.bundles.safezip import SafeZip
from mirror.errors import BundleRefused, InvalidInput
from mirror.fileio import open_limited

SOURCE = "dayone"
_MEDIA_KINDS = {"photos": "photos", "audios": "audios", "videos": "videos",
                "pdfAttachments": "pdfs"}
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_UUID = re.compile(r"[0-9A-Za-z-]{1,64}")
_MOMENT = re.compile(r"!?\[[^\]\n]*\]\(dayone-moment:/{1,2}(?:[A-Za-z]+/)?(?P<id>[0-9A-Za-z-]+)\)")
_KIND_NAMES = {"photos": "photo", "audios": "audio", "videos": "video", "pdfAttachments": "PDF"}
#: Deepest list nesting rendered from `richText`: Day One offers a handful of levels; an
#: `indentLevel` of 10**9 would otherwise be 2 GB of spaces on one line.
_MAX_INDENT = 16
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})")


def import_dayone(path: Path, tz: str | None = None, *, options: ImportOptions | None = None,
                  report: ImportReport | None = None) -> list[ImportedEntry]:
    """Entries from a Day One export zip, or from one of its journal JSON files."""
    path = Path(path)
    report = report if report is not None else ImportReport()
    zone = resolve_zone(options.tz if options is not None and options.tz is not None else tz)
    with open_limited(path) as handle:  # a folder, device or pipe is refused here
        is_zip = handle.read(4) == b"PK\x03\x04"
    if not is_zip:
        return parse_dayone_json(read_text(path), zone, str(path), None, report=report)
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
                                             members, journal=name[:-5], report=report)
    except BundleRefused as err:
        raise InvalidInput(f"unsafe or damaged Day One export: {err}") from None
    seen: set[str] = set()
    for entry in entries:
        if entry.source_id in seen:
            raise InvalidInput(f"{path}: entry uuid {entry.source_id} appears twice")
        seen.add(entry.source_id)
    return entries


def parse_dayone_json(content: str, tz: str, label: str, members: set[str] | None,
                      journal: str | None = None,
                      report: ImportReport | None = None) -> list[ImportedEntry]:
    """One journal file. `members` is the set of names in the export zip (to record
    whether each media file is present), or None for a lone JSON file."""
    document = load_document(content, label, "Day One")
    report = report if report is not None else ImportReport()
    entries = []
    for index, raw in enumerate(document["entries"], start=1):
        try:
            entries.append(_entry(raw, index, tz, label, members, journal, report))
        except InvalidInput as err:  # one unreadable entry never costs the others
            where = f"{label}: entry {index}"
            report.skip(where, str(err).removeprefix(f"{where}: ").removeprefix(where).strip())
    return entries


def _instant(value: Any, what: str, where: str) -> datetime:
    if not isinstance(value, str) or not _INSTANT.fullmatch(value):
        raise InvalidInput(f"{where}: {what} {value!r} is not an ISO 8601 time like "
                           "2024-03-05T09:41:00Z")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"{where}: {what} {value!r} is not a valid time") from None
    return in_era(moment, f"{where}: {what}")


def _media(raw: dict[str, Any], where: str, members: set[str] | None,
           report: ImportReport) -> list[dict[str, Any]]:
    """Every attachment listed, whatever its kind: photos and videos name their file type
    in `type`, audios in `format` (Day One's own field), PDFs are `pdf` when neither says."""
    listed = []
    for key, folder in _MEDIA_KINDS.items():
        items = raw.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise InvalidInput(f"{where}: {key!r} must be a list of objects")
        for item in items:
            md5 = item.get("md5")
            kind = next((item[k] for k in ("type", "format") if isinstance(item.get(k), str)),
                        "pdf" if key == "pdfAttachments" else None)
            path = f"{folder}/{md5}.{kind}" if isinstance(md5, str) and kind else None
            present = None if members is None else (path is not None and path in members)
            if present is False:
                report.note(where, f"{_KIND_NAMES[key]} {path or item.get('identifier')} is "
                            "listed but not in the export")
            listed.append({
                "kind": key, "identifier": item.get("identifier"), "md5": md5, "type": kind,
                "path": path, "present": present,
            })
    return listed


def _resolve_moments(text: str, media: list[dict[str, Any]], where: str,
                     report: ImportReport) -> str:
    """`![](dayone-moment://ID)` (and `dayone-moment:/audio/ID`, …) point into Day One's
    own library. Each becomes a readable mention of the attachment and where it is in the
    export (`[photo: photos/<md5>.jpeg]`); one whose attachment is not listed is removed,
    with a note, rather than left as a link nothing can open."""
    by_id = {m["identifier"]: m for m in media if isinstance(m.get("identifier"), str)}

    def replace(match: re.Match[str]) -> str:
        item = by_id.get(match["id"])
        if item is None:
            report.note(where, f"removed a link to attachment {match['id']}, which the "
                        "export does not list")
            return ""
        return f"[{_KIND_NAMES[item['kind']]}: {item['path'] or item['identifier']}]"

    return _MOMENT.sub(replace, text)


def _entry(raw: Any, index: int, tz: str, label: str, members: set[str] | None,
           journal: str | None, report: ImportReport) -> ImportedEntry:
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
    if not text.strip() and isinstance(raw.get("richText"), str):
        text = rich_text_markdown(raw["richText"], where)
        metadata["from_rich_text"] = True
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
        if isinstance(raw.get(key), dict) and keepable(raw[key], key, where, report):
            metadata[key] = raw[key]
    media = _media(raw, where, members, report)
    if media:
        metadata["media"] = media
    if journal is not None:
        metadata["journal"] = journal
    text = _resolve_moments(_ESCAPE.sub(r"\1", text), media, where, report)
    return ImportedEntry(
        source=SOURCE, source_id=uuid, created_at=created.astimezone(get_zone(entry_tz)),
        tz=entry_tz, text=storable_text(normalize_text(text), where, report),
        tags=normalize_tags(tags),
        starred=starred, metadata=metadata)


# -- richText -----------------------------------------------------------------------------

def rich_text_markdown(rich: str, where: str) -> str:
    """Day One's `richText` (a JSON string: `{"contents": [{"text", "attributes"} or
    {"embeddedObjects": [...]}], "meta": {...}}`) as Markdown: line attributes (`header`,
    `listStyle`, `quote`, `codeBlock`, `checked`) become line prefixes, inline ones
    (`bold`, `italic`, `strikethrough`, `inlineCode`, `linkURL`) Markdown marks, and an
    embedded photo/video/audio/PDF a `dayone-moment:` link like the one in `text`."""
    try:
        document = strict_loads(rich, lone_surrogates="replace")
    except StrictJSONError as err:
        raise InvalidInput(f"{where}: 'richText' is not valid JSON ({err})") from None
    contents = document.get("contents") if isinstance(document, dict) else None
    if not isinstance(contents, list):
        raise InvalidInput(f"{where}: 'richText' has no \"contents\" list")
    lines: list[str] = []
    current: list[str] = []
    line_attrs: dict[str, Any] = {}
    number = 0
    for piece in contents:
        if not isinstance(piece, dict):
            continue
        objects = piece.get("embeddedObjects")
        for obj in objects if isinstance(objects, list) else []:
            if isinstance(obj, dict) and isinstance(obj.get("identifier"), str):
                kind = obj.get("type") if obj.get("type") in ("video", "audio") else None
                target = f"dayone-moment:/{kind}/" if kind else "dayone-moment://"
                current.append(f"![]({target}{obj['identifier']})")
        text = piece.get("text")
        if not isinstance(text, str):
            continue
        attrs = piece.get("attributes") if isinstance(piece.get("attributes"), dict) else {}
        if isinstance(attrs.get("line"), dict):
            line_attrs = attrs["line"]
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if part:
                current.append(_inline(part, attrs))
            if i < len(parts) - 1:
                prefix, number = _line_prefix(line_attrs, number)
                lines.append(prefix + "".join(current))
                current, line_attrs = [], {}
    if current:
        prefix, number = _line_prefix(line_attrs, number)
        lines.append(prefix + "".join(current))
    return "\n".join(lines)


def _inline(text: str, attrs: dict[str, Any]) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    if attrs.get("inlineCode"):
        core = f"`{core}`"
    else:
        if attrs.get("bold"):
            core = f"**{core}**"
        if attrs.get("italic"):
            core = f"*{core}*"
        if attrs.get("strikethrough"):
            core = f"~~{core}~~"
    if isinstance(attrs.get("linkURL"), str):
        core = f"[{core}]({attrs['linkURL']})"
    return lead + core + trail


def _line_prefix(attrs: dict[str, Any], number: int) -> tuple[str, int]:
    """The Markdown that starts a line with these line attributes, and the running number
    of a numbered list (reset by any other line)."""
    header = attrs.get("header")
    if isinstance(header, int) and 1 <= header <= 6:
        return "#" * header + " ", 0
    level = attrs.get("indentLevel")
    indent = "  " * min(max(0, level - 1), _MAX_INDENT) \
        if isinstance(level, int) and not isinstance(level, bool) else ""
    style = attrs.get("listStyle")
    if style == "numbered":
        return f"{indent}{number + 1}. ", number + 1
    if style == "checkbox":
        return f"{indent}- [{'x' if attrs.get('checked') else ' '}] ", 0
    if style == "bulleted":
        return f"{indent}- ", 0
    if attrs.get("quote"):
        return "> ", 0
    if attrs.get("codeBlock"):
        return "    ", 0
    return "", 0

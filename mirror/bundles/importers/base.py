"""What every importer produces, and the rules they share.

Importers turn another tool's journal into `ImportedEntry` values and nothing else: they
never touch the database, so the importer service can validate everything first and then
apply it all in one transaction (all-or-nothing). A malformed file raises `InvalidInput`
(exit 4) naming the file and, where it is known, the line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mirror.bundles.limits import MAX_IMPORT_FILE_BYTES
from mirror.dates import EARLIEST_YEAR, LATEST_YEAR
from mirror.errors import InvalidInput, NotFound
from mirror.fileio import read_limited
from mirror.jsondepth import nesting
from mirror.storage.db import MAX_TEXT_BYTES


@dataclass
class ImportReport:
    """What a reader noticed besides its entries, in one shape for every source: items it
    skipped (with the reason) and notes on entries it imported but had to interpret (a DST
    gap, a date taken from the file's modification time, a removed link). `where` names
    the file and, where known, the line or entry."""

    skipped: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append({"where": where, "reason": reason})

    def note(self, where: str, note: str) -> None:
        self.notes.append({"where": where, "note": note})


@dataclass(frozen=True)
class ImportOptions:
    """How to read a foreign journal, from the command line: `tz` for entries without a
    zone; `date_from`, where an undated Markdown note's date comes from first
    (`frontmatter`, `filename` or `mtime`, the others follow in that order); `timeformat`
    and `jrnl_config` for jrnl journals written with a custom `timeformat`."""

    tz: str | None = None
    date_from: str = "frontmatter"
    timeformat: str | None = None
    jrnl_config: Path | None = None


DATE_SOURCES = ("frontmatter", "filename", "mtime")


@dataclass(frozen=True)
class ImportedEntry:
    """One entry from a foreign journal, in Mirror's terms.

    `source_id` is stable across re-imports of the same file, so importing twice changes
    nothing: Day One's own uuid, or for formats without IDs a SHA-256 of the source, the
    local wall-clock time and the text (wall-clock, not UTC, so re-importing with another
    `--tz` is still recognised as the same entry); an entry written more than once in the
    same file is told apart by its occurrence number (`number_repeats`).
    """

    source: str
    source_id: str
    created_at: datetime
    tz: str
    text: str
    tags: list[str] = field(default_factory=list)
    starred: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)
    #: Never sent to a remote engine (Mirror's own exports say so per reflection).
    private: bool = False
    #: The Mirror reflection ID this entry was exported from (Mirror's own Markdown and
    #: JSON exports carry it): the import merges by it instead of adding a copy.
    reflection_id: str | None = None


def resolve_zone(tz: str | None) -> str:
    """The IANA zone for entries that carry none: `tz` (the CLI's --tz) if given, else the
    machine's zone, else UTC when the machine does not know its own."""
    if tz is None:
        import tzlocal

        try:
            tz = tzlocal.get_localzone_name() or "UTC"
        except Exception:  # tzlocal raises assorted errors on misconfigured systems
            tz = "UTC"
    get_zone(tz)
    return tz


def get_zone(tz: str) -> ZoneInfo:
    """The zone for an IANA name, or InvalidInput."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {tz!r} (expected an IANA name such as "
                           "Europe/Berlin)") from None


def is_zone(tz: object) -> bool:
    try:
        return isinstance(tz, str) and bool(tz) and ZoneInfo(tz) is not None
    except (ZoneInfoNotFoundError, ValueError):
        return False


def localize(wall: datetime, tz: str, report: ImportReport | None = None,
             where: str = "") -> datetime:
    """A naive wall-clock time in zone `tz` as an aware datetime. In a DST overlap (fold)
    the earlier reading (fold=0) is taken; a time in a DST gap (that never showed on the
    clocks there) is kept as the instant Python's zone rules give it, which reads an hour
    later. Either is noted in `report` so the person can check those entries. A time
    outside the years Mirror stores is InvalidInput naming `where` (see `in_era`)."""
    in_era(wall, where)
    zone = get_zone(tz)
    aware = wall.replace(tzinfo=zone)
    if report is not None:
        shown = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        if shown != wall:
            report.note(where, f"{wall:%Y-%m-%d %H:%M} does not exist in {tz} (a DST gap): "
                        f"stored as {shown:%H:%M}")
        elif wall.replace(tzinfo=zone, fold=1).utcoffset() != aware.utcoffset():
            report.note(where, f"{wall:%Y-%m-%d %H:%M} happens twice in {tz} (a DST fold): "
                        "the earlier one was taken")
    return aware


def in_era(moment: datetime, where: str) -> datetime:
    """`moment`, or InvalidInput when its year is outside EARLIEST_YEAR-LATEST_YEAR (the
    years `reflect --date` accepts). A foreign file can claim year 1 or 9999: converted
    to another zone such a time overflows Python's dates (year 9999 in Kiribati is year
    10000), so it is refused with its place, before any conversion, rather than crashing
    the import or being stored where later commands would trip on it."""
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        prefix = f"{where}: " if where else ""
        raise InvalidInput(f"{prefix}{moment.isoformat(timespec='minutes')} is outside the "
                           f"years {EARLIEST_YEAR}-{LATEST_YEAR}")
    return moment


def midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def storable_text(text: str, where: str, report: ImportReport | None) -> str:
    """`text` as Mirror can store it: each NUL character replaced by U+FFFD, noted in
    `report` (SQLite text cannot hold NUL, and a NUL in an exported file is damage, not
    writing: it must not abort an import of thousands of entries with a message that names
    none of them, nor cost the rest of its entry's text). A text longer than a reflection
    holds (a bundle could not carry it) is InvalidInput naming `where`, so the readers
    that skip a bad entry skip this one with its reason."""
    if len(text) > MAX_TEXT_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise InvalidInput(f"{where}: the text is more than the {MAX_TEXT_BYTES // 2 ** 20} MiB "
                           "a reflection holds")
    count = text.count("\x00")
    if not count:
        return text
    if report is not None:
        report.note(where, f"{count} NUL character{'s' if count > 1 else ''} (which Mirror "
                    "cannot store) replaced by \ufffd")
    return text.replace("\x00", "\ufffd")


#: How deeply lists and objects may nest in metadata kept from a foreign file. Real ones
#: nest two or three levels; JSON nested ~900 deep parses, but once stored it breaks every
#: later reader that walks it recursively (`mirror --json list` failed on each run).
MAX_METADATA_DEPTH = 32


def keepable(value: Any, what: str, where: str, report: ImportReport | None) -> bool:
    """Whether metadata `value` is shallow enough to store; when not, the entry is still
    imported without it, and `report` says so."""
    if nesting(value) <= MAX_METADATA_DEPTH:
        return True
    if report is not None:
        report.note(where, f"{what} nested more than {MAX_METADATA_DEPTH} deep: not kept")
    return False


def normalize_text(text: str) -> str:
    """Newlines as LF, no surrounding blank space: the form Mirror stores."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


#: Control characters (NUL included) are no part of a tag name: they become spaces.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def normalize_tags(tags: list[str]) -> list[str]:
    """Tag names without their sigil ('@work', '#work' -> 'work'), whitespace and control
    characters collapsed, duplicates dropped, first-seen order kept. Linear in the number
    of tags (a set, not a list, remembers the ones seen): a file listing a million tags
    must not take hours."""
    seen: dict[str, None] = {}
    for tag in tags:
        name = " ".join(_CONTROLS.sub(" ", str(tag)).split())
        if name[:1] in ("@", "#"):
            name = name[1:]
        if name:
            seen.setdefault(name, None)
    return list(seen)


def content_source_id(source: str, created_at: datetime, text: str) -> str:
    wall = created_at.replace(tzinfo=None).isoformat(timespec="seconds")
    return hashlib.sha256(f"{source}\x00{wall}\x00{text}".encode()).hexdigest()


def number_repeats(entries: Iterable[ImportedEntry]) -> Iterator[ImportedEntry]:
    """Give every copy of a repeated entry (same time, same text: jrnl keeps both when
    save is pressed twice) its own ID, so the copies do not collide and abort the import.
    The n-th copy's ID is seeded with n, in file order, so it is the same on every
    re-import; the first copy keeps its plain ID, which journals imported before this
    rule already hold."""
    seen: dict[str, int] = {}
    for entry in entries:
        occurrence = seen[entry.source_id] = seen.get(entry.source_id, 0) + 1
        if occurrence > 1:
            seed = f"{entry.source_id}\x00{occurrence}"
            entry = replace(entry, source_id=hashlib.sha256(seed.encode()).hexdigest())
        yield entry


def check_size(path: Path) -> None:
    """NotFound, or InvalidInput when the file is larger than an import reads."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file") from None
    if size > MAX_IMPORT_FILE_BYTES:
        raise InvalidInput(f"{path}: {size} bytes, more than the import limit of "
                           f"{MAX_IMPORT_FILE_BYTES}")


def read_bytes(path: Path) -> bytes:
    """A foreign file's bytes, at most the import limit: a folder, a device (`/dev/zero`
    never ends) or a pipe is refused with one line, never read until memory runs out."""
    return read_limited(path, MAX_IMPORT_FILE_BYTES,
                        too_large=f"more than the import limit of {MAX_IMPORT_FILE_BYTES} bytes")


def read_text(path: Path, data: bytes | None = None) -> str:
    """A foreign text file as str: size-capped, UTF-8 (a BOM is dropped), and a decoding
    error reported with its line number."""
    if data is None:
        data = read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InvalidInput(f"{path}:{line}: not valid UTF-8 text") from None
    return text.removeprefix("\ufeff")


def placeholder_text(metadata: dict[str, Any]) -> str:
    """Text for an entry that has none (a Day One photo-only entry): Mirror stores text,
    so the entry is kept with a description of its media rather than dropped."""
    media = metadata.get("media") or []
    if not media:
        return "(empty entry)"
    kinds: dict[str, int] = {}
    for item in media:
        kind = {"photos": "photo", "audios": "audio recording", "videos": "video",
                "pdfAttachments": "PDF"}.get(item.get("kind"), "attachment")
        kinds[kind] = kinds.get(kind, 0) + 1
    return "(" + ", ".join(f"{n} {k}{'s' if n > 1 else ''}"
                           for k, n in kinds.items()) + ")"

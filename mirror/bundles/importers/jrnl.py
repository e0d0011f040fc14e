"""jrnl journals: the plain-text file and `jrnl --export json`.

The text format (jrnl 4.6) is a sequence of entries, each starting with a header line
`[<timestamp>] <title>`; the default timestamp format is `%F %r` (`2024-03-05 09:41:00 PM`),
and `%Y-%m-%d %H:%M` (and with seconds) is accepted too. A star marks an entry: jrnl writes
it as ` *` at the end of the header line; `[<timestamp>] * <title>` is also read. Tags are
words starting with `@`, found anywhere in the entry and lowercased, as jrnl does.

The title follows jrnl's own rule (`split_title`): the header line when the entry has more
lines, else the first sentence. Mirror keeps the text as written (title line, then body),
so the title is only recorded in the metadata. jrnl stores no time zone: times are read as
wall-clock times in the zone given (`--tz`, default: this machine's).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from mirror.bundles.importers.base import (
    ImportedEntry,
    content_source_id,
    localize,
    normalize_tags,
    normalize_text,
    number_repeats,
    read_text,
    resolve_zone,
)
from mirror.bundles.jsonio import load_document
from mirror.errors import InvalidInput

SOURCE = "jrnl"

_HEADER = re.compile(r"\[(?P<stamp>\d{4}-\d{2}-\d{2}[^\]\n]*)\](?: (?P<rest>.*))?")
_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?")
_TAG = re.compile(r"(?<!\S)@[-+*#/\w]+")
#: jrnl's SENTENCE_SPLITTER: sentence punctuation, an optional closing quote, whitespace.
_SENTENCE_END = re.compile(r"[.!?\u203C\u203D\u2047-\u2049\u3002\uFE52\uFE57\uFF01\uFF0E"
                           r"\uFF1F\uFF61]['\u2019\"\u201D]?\s+")


def import_jrnl(path: Path, tz: str | None = None) -> list[ImportedEntry]:
    """Entries from a jrnl text journal or its JSON export (told apart by content)."""
    text = read_text(Path(path))
    zone = resolve_zone(tz)
    if text.lstrip().startswith("{"):
        return parse_jrnl_json(text, zone, str(path))
    return parse_jrnl_text(text, zone, str(path))


def _parse_stamp(stamp: str, label: str, line: int) -> datetime:
    match = _STAMP.fullmatch(stamp.strip())
    if match is None:
        raise InvalidInput(f"{label}:{line}: unrecognised timestamp [{stamp}] (expected "
                           "'YYYY-MM-DD hh:mm:ss AM/PM' or 'YYYY-MM-DD HH:MM')")
    year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
    second = int(match[6] or 0)
    if match[7]:
        if not 1 <= hour <= 12:
            raise InvalidInput(f"{label}:{line}: hour {hour} is not valid with AM/PM")
        hour = hour % 12 + (12 if match[7].lower() == "pm" else 0)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError as err:
        raise InvalidInput(f"{label}:{line}: impossible date or time [{stamp}] ({err})") from None


def jrnl_title(text: str) -> str:
    """jrnl 4.6's title of an entry text: its first line if it has several, else its first
    sentence."""
    stripped = text.strip()
    if "\n" in stripped:
        return stripped.split("\n", 1)[0].strip()
    match = _SENTENCE_END.search(stripped)
    return stripped[: match.end()].strip() if match else stripped


def _tags_in(text: str) -> list[str]:
    return normalize_tags([tag.lower() for tag in _TAG.findall(text)])


def parse_jrnl_text(content: str, tz: str, label: str) -> list[ImportedEntry]:
    entries: list[ImportedEntry] = []
    current: dict[str, Any] | None = None

    def finish() -> None:
        if current is None:
            return
        text = normalize_text("\n".join(current["lines"]))
        created = localize(current["wall"], tz)
        entries.append(ImportedEntry(
            source=SOURCE, source_id=content_source_id(SOURCE, created, text),
            created_at=created, tz=tz, text=text, tags=_tags_in(text),
            starred=current["starred"],
            metadata={"title": jrnl_title(text), "format": "jrnl-text",
                      "line": current["line"]}))

    for number, line in enumerate(content.replace("\r\n", "\n").split("\n"), start=1):
        match = _HEADER.fullmatch(line)
        if match is None:
            if current is None:
                if line.strip():
                    raise InvalidInput(f"{label}:{number}: text before the first "
                                       "'[date time] title' header; not a jrnl journal?")
                continue
            current["lines"].append(line)
            continue
        finish()
        rest = (match["rest"] or "").rstrip()
        starred = False
        if rest.endswith(" *") or rest == "*":
            starred, rest = True, rest[:-1].rstrip()
        elif rest.startswith("* "):
            starred, rest = True, rest[2:].lstrip()
        current = {"wall": _parse_stamp(match["stamp"], label, number), "starred": starred,
                   "lines": [rest], "line": number}
    finish()
    return list(number_repeats(entries))


def _field(entry: dict[str, Any], key: str, kind: type, label: str, index: int) -> Any:
    value = entry.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidInput(f"{label}: entry {index}: {key!r} is missing or not a "
                           f"{kind.__name__}")
    return value


def parse_jrnl_json(content: str, tz: str, label: str) -> list[ImportedEntry]:
    """`jrnl --export json`: {"tags": {...}, "entries": [{title, body, date, time, tags,
    starred}]}. jrnl drops seconds here, so times are to the minute."""
    document = load_document(content, label, "jrnl JSON")
    entries = []
    for index, entry in enumerate(document["entries"], start=1):
        if not isinstance(entry, dict):
            raise InvalidInput(f"{label}: entry {index} is not an object")
        title = _field(entry, "title", str, label, index)
        body = _field(entry, "body", str, label, index)
        stamp = f"{_field(entry, 'date', str, label, index)} {_field(entry, 'time', str, label, index)}"
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", stamp):
            raise InvalidInput(f"{label}: entry {index}: bad date/time {stamp!r}")
        wall = _parse_stamp(stamp, label, 0)
        tags = entry.get("tags", [])
        starred = entry.get("starred", False)
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags) \
                or not isinstance(starred, bool):
            raise InvalidInput(f"{label}: entry {index}: 'tags' must be a list of strings "
                               "and 'starred' true or false")
        text = normalize_text(f"{title.strip()}\n{body.strip()}" if body.strip() else title)
        created = localize(wall, tz)
        entries.append(ImportedEntry(
            source=SOURCE, source_id=content_source_id(SOURCE, created, text),
            created_at=created, tz=tz, text=text, tags=normalize_tags(tags), starred=starred,
            metadata={"title": title.strip(), "format": "jrnl-json"}))
    return list(number_repeats(entries))

"""Reflections out as Markdown, JSON and jrnl text: pure formatting, no I/O.

The service layer reads reflections from storage as plain dicts (`id`, `created_at` as an
aware datetime or a UTC ISO string, `tz`, `text`, `tags`, `starred`, optionally
`updated_at`, `source`, `content_type`, `visibility`, `metadata`) and writes what these
functions return. Markdown files carry front matter that `importers.markdown` reads back
to the same entries; the JSON document follows `schemas/bundle/export.schema.json`. Both
carry each reflection's ID, so importing them back (`--from markdown`, `--from json`)
merges by ID instead of duplicating. The jrnl text is what `jrnl --import` reads (see
`reflections_to_jrnl`).
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any

from mirror.bundles.importers.base import get_zone
from mirror.bundles.importers.mirrorjson import EXPORT_FORMAT, EXPORT_FORMAT_VERSION
from mirror.bundles.jsonio import canonical_bytes
from mirror.clock import parse_utc_iso, utc_iso

#: `private` (never sent to a remote engine) travels with the reflection, so a journal
#: rebuilt from an export keeps it.
_OPTIONAL = ("private", "source", "content_type", "visibility", "metadata")


def _moment(value: datetime | str) -> datetime:
    return parse_utc_iso(value) if isinstance(value, str) else value


def _local(reflection: Mapping[str, Any]) -> datetime:
    """The reflection's instant on its writer's clock."""
    return _moment(reflection["created_at"]).astimezone(get_zone(reflection["tz"]))


def _ordered(reflections: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(reflections, key=lambda r: (_moment(r["created_at"]), str(r["id"])))


# -- JSON ---------------------------------------------------------------------------------

def reflection_to_json(reflection: Mapping[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": str(reflection["id"]),
        "created_at": utc_iso(_moment(reflection["created_at"])),
        "local_time": _local(reflection).isoformat(),
        "tz": reflection["tz"],
        "text": reflection["text"],
        "tags": list(dict.fromkeys(reflection.get("tags") or [])),
        "starred": bool(reflection.get("starred", False)),
    }
    if reflection.get("updated_at") is not None:
        item["updated_at"] = utc_iso(_moment(reflection["updated_at"]))
    for key in _OPTIONAL:
        if key in reflection:
            item[key] = reflection[key]
    return item


def reflections_to_json(reflections: Iterable[Mapping[str, Any]], *, exported_at: datetime,
                        app_version: str) -> dict[str, Any]:
    """One JSON document with every reflection, oldest first."""
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": utc_iso(exported_at),
        "app_version": app_version,
        "reflections": [reflection_to_json(r) for r in _ordered(reflections)],
    }


def json_document_bytes(document: Mapping[str, Any]) -> bytes:
    """Canonical bytes (sorted keys, UTF-8): the same journal exports to the same file."""
    return canonical_bytes(document)


# -- Markdown -----------------------------------------------------------------------------

def _front_matter(fields: dict[str, Any]) -> str:
    import yaml

    return yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1_000_000,
                          default_flow_style=None)


def reflection_to_markdown(reflection: Mapping[str, Any]) -> str:
    """One reflection as a Markdown file: front matter, a blank line, the text."""
    fields = {
        "id": str(reflection["id"]),
        "date": _local(reflection).isoformat(),
        "tz": reflection["tz"],
        "tags": list(dict.fromkeys(reflection.get("tags") or [])),
        "starred": bool(reflection.get("starred", False)),
    }
    if reflection.get("private"):
        fields["private"] = True
    return f"---\n{_front_matter(fields)}---\n\n{reflection['text'].rstrip()}\n"


def _slug(text: str) -> str:
    first_line = text.strip().split("\n", 1)[0]
    ascii_text = unicodedata.normalize("NFKD", first_line).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].rstrip("-")
    return slug or "reflection"


def markdown_files(reflections: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(file name, content) per reflection, oldest first. Names are
    `YYYY-MM-DD-<first words>-<id prefix>.md`: sortable by date, readable, unique, and
    safe on every file system (ASCII letters, digits and dashes only)."""
    used: set[str] = set()
    files = []
    for reflection in _ordered(reflections):
        safe_id = re.sub(r"[^A-Za-z0-9]", "", str(reflection["id"])) or "x"
        stem = f"{_local(reflection):%Y-%m-%d}-{_slug(reflection['text'])}"
        name = f"{stem}-{safe_id[:8]}.md"
        counter = 1
        while name.casefold() in used:
            counter += 1
            name = f"{stem}-{safe_id}-{counter}.md" if counter > 2 else f"{stem}-{safe_id}.md"
        used.add(name.casefold())
        files.append((name, reflection_to_markdown(reflection)))
    return files


def markdown_document(reflections: Iterable[Mapping[str, Any]],
                      title: str = "Mirror journal") -> str:
    """Every reflection in one readable Markdown document, oldest first (for reading and
    printing; `markdown_files` is the form that imports back)."""
    parts = [f"# {title}\n"]
    for reflection in _ordered(reflections):
        local = _local(reflection)
        star = " ★" if reflection.get("starred") else ""
        parts.append(f"## {local:%Y-%m-%d %H:%M} ({reflection['tz']}){star}\n")
        tags = list(dict.fromkeys(reflection.get("tags") or []))
        if tags:
            parts.append("Tags: " + ", ".join(tags) + "\n")
        parts.append(reflection["text"].rstrip() + "\n")
    return "\n".join(parts)


# -- jrnl ---------------------------------------------------------------------------------

def reflection_to_jrnl(reflection: Mapping[str, Any]) -> str:
    """One reflection as a jrnl entry: `[YYYY-MM-DD HH:MM] first line` (`:SS` added when
    the seconds are not zero; jrnl reads both), ` *` at the end of that line when starred
    (where jrnl writes its star), then the rest of the text. The time is the wall clock
    of the reflection's own zone: jrnl has no zones. Tags jrnl would not find in the text
    (given explicitly in Mirror) are added on a last line as `@tag`, spaces as dashes, so
    `jrnl --import` sees every tag."""
    return _jrnl_entry(reflection, _local(reflection))


def _jrnl_entry(reflection: Mapping[str, Any], local: datetime) -> str:
    stamp = (f"{local.year:04d}-{local.month:02d}-{local.day:02d} "
             f"{local.hour:02d}:{local.minute:02d}" + (f":{local.second:02d}" if local.second else ""))
    text = reflection["text"].strip()
    missing = _tags_not_in_text(text, reflection.get("tags") or [])
    if missing:
        text = f"{text}\n{' '.join(missing)}" if text else " ".join(missing)
    first, _, body = text.partition("\n")
    header = f"[{stamp}] {first.rstrip()}" + (" *" if reflection.get("starred") else "")
    return header + (f"\n{body.rstrip()}" if body.strip() else "") + "\n"


def _tags_not_in_text(text: str, tags: Iterable[str]) -> list[str]:
    """`@tag` for each tag jrnl would not find written in `text` (jrnl's rule: `#` or `@`
    after a space, the name, then no further tag character). A plain substring test
    settles most tags before the rule is checked for that one tag."""
    missing: list[str] = []
    folded = text.casefold()
    for tag in dict.fromkeys(tags):
        name = "-".join(tag.split())
        key = name.casefold()
        if (f"#{key}" in folded or f"@{key}" in folded) and _written_tag(key).search(folded):
            continue
        missing.append(f"@{name}")
    return missing


@lru_cache(maxsize=4096)
def _written_tag(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\S)[#@]{re.escape(key)}(?![-+*#/\w])")


def jrnl_streamed(oldest_first: Iterable[Mapping[str, Any]],
                  aside: Iterable[Mapping[str, Any]] = ()) -> Iterator[str]:
    """The text `reflections_to_jrnl` writes, without holding the journal: `oldest_first`
    arrives in stored-time order (whole seconds in order: only the reflections of one
    second are held, to order them by their exact moment and ID), `aside` (a few
    reflections whose exported time is not their stored one) is sorted and merged in."""
    def by_second(records: Iterable[Mapping[str, Any]]) -> Iterator[tuple[datetime, str, Any]]:
        group: list[tuple[datetime, str, Any]] = []
        second = ""
        for r in records:
            key = str(r["created_at"])[:19]
            if key != second:
                yield from sorted(group, key=lambda item: (item[0], item[1]))
                group, second = [], key
            group.append((_moment(r["created_at"]), str(r["id"]), r))
        yield from sorted(group, key=lambda item: (item[0], item[1]))

    apart = sorted(((_moment(r["created_at"]), str(r["id"]), r) for r in aside),
                   key=lambda item: (item[0], item[1]))
    merged = heapq.merge(by_second(oldest_first), apart, key=lambda item: (item[0], item[1]))
    for index, (moment, _id, reflection) in enumerate(merged):
        local = moment.astimezone(get_zone(reflection["tz"]))
        yield ("\n" if index else "") + _jrnl_entry(reflection, local)


def reflections_to_jrnl(reflections: Iterable[Mapping[str, Any]]) -> Iterable[str]:
    """The whole journal as jrnl text, oldest first, entries separated by a blank line as
    jrnl writes them (yielded entry by entry). Each time is parsed once, for both the
    order and the entry's wall clock."""
    timed = sorted(((_moment(r["created_at"]), str(r["id"]), r) for r in reflections),
                   key=lambda item: (item[0], item[1]))
    for index, (moment, _id, reflection) in enumerate(timed):
        local = moment.astimezone(get_zone(reflection["tz"]))
        yield ("\n" if index else "") + _jrnl_entry(reflection, local)

"""A folder of Markdown files, one entry per file.

A file's date comes from its YAML front matter (`date:` or `created:`, with an offset or
not) or from its name (`2024-03-05.md`, `2024-03-05-some-title.md`, taken as local
midnight). Front matter may also give `tags` (a list, or a comma-separated string),
`starred`, `title` and `tz` (IANA). This is the format `exporters.markdown_files` writes,
so a Mirror export reads back as the same entries.

A front-matter `title` is put at the top of the text (unless the body already starts with
it), because it is part of what the person wrote; a title taken from a file name is only
recorded in the metadata, since slugs lose capitals and punctuation. Times without an
offset are wall-clock times in `tz`; times with an offset keep their instant, in the
front matter's zone, or the given zone when its offset agrees, else a fixed-offset zone.

Obsidian vaults read the same way: a note with no date in its front matter or name takes
its file's modification time (`--date-from` chooses which source is tried first) and is
noted in the import report; a note that cannot be read is skipped with its reason, never
aborting the rest. Inline `#tags` (nested `#work/deep` kept whole) are found by Mirror's
tag rule when the text is stored; `[[wikilinks]]` stay in the text and are listed in the
metadata (`links`). Front matter `id` (Mirror's own export) makes the import merge by ID.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from mirror.bundles.importers.base import (
    DATE_SOURCES,
    ImportedEntry,
    ImportOptions,
    ImportReport,
    content_source_id,
    get_zone,
    in_era,
    is_zone,
    localize,
    midnight,
    normalize_tags,
    normalize_text,
    number_repeats,
    read_text,
    resolve_zone,
    storable_text,
)
from mirror.bundles.limits import MAX_FRONT_MATTER_BYTES, MAX_MARKDOWN_FILES
from mirror.errors import InvalidInput, NotFound

SOURCE = "markdown"
_DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[-_ ](.+))?")
_CLOSERS = ("---", "...")
_KNOWN_KEYS = {"date", "created", "tags", "starred", "title", "tz", "id", "private"}
#: `[[Note]]`, `[[Note|shown text]]`, `[[Note#heading]]`: the note linked to.
_WIKILINK = re.compile(r"\[\[([^\]|#\n]+)(?:[#|][^\]\n]*)?\]\]")
#: Lists and mappings inside lists and mappings in front matter: a note needs two or three.
_MAX_FRONT_MATTER_DEPTH = 32
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def import_markdown(folder: Path, tz: str | None = None, *,
                    options: ImportOptions | None = None,
                    report: ImportReport | None = None) -> list[ImportedEntry]:
    """Entries from every `*.md` file under `folder` (hidden folders such as `.obsidian`
    skipped, folder symlinks not followed), in path order. A file that cannot be read as
    an entry (empty, bad front matter) is skipped with its reason in `report`; the others
    are imported."""
    options = options or ImportOptions(tz=tz)
    report = report if report is not None else ImportReport()
    if options.date_from not in DATE_SOURCES:
        raise InvalidInput(f"--date-from must be one of: {', '.join(DATE_SOURCES)}")
    folder = Path(folder)
    if not folder.is_dir():
        if folder.exists():
            raise InvalidInput(f"{folder}: not a folder (--from markdown reads a folder of "
                               ".md notes)")
        raise NotFound(f"{folder}: no such folder")
    zone = resolve_zone(options.tz if options.tz is not None else tz)
    paths: list[Path] = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        paths += [Path(current, name) for name in files
                  if name.lower().endswith(".md") and not name.startswith(".")]
        if len(paths) > MAX_MARKDOWN_FILES:
            raise InvalidInput(f"{folder}: more than {MAX_MARKDOWN_FILES} Markdown files")
    paths.sort()
    entries = []
    root = folder.resolve()
    for path in paths:
        name = path.relative_to(folder).as_posix()
        refused = _not_a_note(path, root)
        if refused:
            report.skip(name, refused)
            continue
        try:
            entries.append(parse_markdown_file(read_text(path), name, zone, str(path),
                                               date_from=options.date_from,
                                               mtime=path.stat().st_mtime, report=report))
        except InvalidInput as err:
            report.skip(name, str(err).removeprefix(f"{path}: "))
    return list(number_repeats(entries))


def _not_a_note(path: Path, root: Path) -> str | None:
    """Why a `.md` path in the folder is not read as a note, or None. A link to a file
    outside the folder would import whatever it points at (a key, a password file) into
    the journal, and from there into every bundle; a pipe, socket or device has no end to
    read to (an import would wait forever on a pipe). Links inside the folder are followed,
    as Obsidian vaults use them."""
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except (OSError, RuntimeError):
        return "a link to nothing (or a loop of links)"
    if path.is_symlink() and not target.is_relative_to(root):
        return "a link to a file outside the folder: not read"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, socket or device): not read"
    return None


def split_front_matter(content: str, label: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, body)."""
    lines = content.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, content
    for number in range(1, len(lines)):
        if lines[number].rstrip() in _CLOSERS:
            block = "\n".join(lines[1:number])
            return _load_yaml(block, label), "\n".join(lines[number + 1:])
    raise InvalidInput(f"{label}:1: front matter starts with '---' but never ends")


def _load_yaml(block: str, label: str) -> dict[str, Any]:
    """Safe YAML without aliases (an alias bomb expands on use, not on load), nested at
    most `_MAX_FRONT_MATTER_DEPTH` deep: PyYAML's parser takes time quadratic in the depth
    (`[[[[…` 30,000 deep, well inside the size limit, parses for minutes) and composes
    recursively, so deeper front matter is refused as soon as the parser reaches it."""
    import yaml

    if len(block.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise InvalidInput(f"{label}: front matter larger than {MAX_FRONT_MATTER_BYTES} bytes")
    try:
        depth = 0
        for event in yaml.parse(block, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 2 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent):
                raise InvalidInput(f"{label}:{line}: YAML aliases are not allowed in front matter")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_FRONT_MATTER_DEPTH:
                    raise InvalidInput(f"{label}:{line}: front matter nested more than "
                                       f"{_MAX_FRONT_MATTER_DEPTH} deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        data = yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise InvalidInput(f"{label}:{line}: bad front matter ({problem})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InvalidInput(f"{label}:2: front matter must be a mapping of keys to values")
    return data


def _zone_for_offset(moment: datetime, tz: str) -> str:
    """An IANA name for an instant that came with only a UTC offset."""
    if moment.utcoffset() == moment.astimezone(get_zone(tz)).utcoffset():
        return tz
    offset = moment.utcoffset() or timedelta()
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest == 0 and -14 <= hours <= 12:
        return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX-style inverted sign
    return "UTC"


def _front_date(front: dict[str, Any], tz: str | None, default_tz: str,
                label: str) -> tuple[datetime, str] | None:
    value = front.get("date", front.get("created"))
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(f"{label}: bad date {value!r} in front matter (expected ISO "
                               "8601, e.g. 2024-03-05 or 2024-03-05T21:14:00+01:00)") from None
    if isinstance(value, date):
        in_era(value if isinstance(value, datetime) else midnight(value),
               f"{label}: date in front matter")
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value, tz or default_tz
        zone = tz or _zone_for_offset(value, default_tz)
        return value.astimezone(get_zone(zone)), zone
    if isinstance(value, date):
        return midnight(value), tz or default_tz
    if value is not None:
        raise InvalidInput(f"{label}: bad date {value!r} in front matter")
    return None


def _name_date(name: str) -> datetime | None:
    match = _DATED_NAME.fullmatch(Path(name).name[:-3])
    if match is None:
        return None
    try:
        return midnight(date.fromisoformat(match[1]))
    except ValueError:
        return None


def _when(front: dict[str, Any], name: str, default_tz: str, label: str, *,
          date_from: str = "frontmatter", mtime: float | None = None,
          report: ImportReport | None = None) -> tuple[datetime, str]:
    """(created_at, IANA zone): from the source `date_from` names first, then the others
    in the order front matter, file name, modification time. A date taken from the
    modification time is noted in `report` (it is when the file was last saved, which
    may not be when it was written)."""
    tz = front.get("tz")
    if tz is not None and not is_zone(tz):
        raise InvalidInput(f"{label}: unknown time zone {tz!r} in front matter")
    zone = tz or default_tz
    order = [date_from, *(s for s in DATE_SOURCES if s != date_from)]
    for source in order:
        if source == "frontmatter":
            found = _front_date(front, tz, default_tz, label)
            if found is not None:
                moment, zone_found = found
                if moment.tzinfo is None:
                    return localize(moment, zone_found, report, name), zone_found
                return moment, zone_found
        elif source == "filename":
            wall = _name_date(name)
            if wall is not None:
                return localize(wall, zone, report, name), zone
        elif mtime is not None:
            try:  # a file time can be set to any year (`touch -d 9999-01-01`)
                moment = in_era(datetime.fromtimestamp(mtime, get_zone(zone)),
                                f"{label}: modification time")
            except (OverflowError, OSError, ValueError) as err:
                if isinstance(err, InvalidInput):
                    raise
                raise InvalidInput(f"{label}: its modification time is not a date") from None
            if report is not None:
                report.note(name, f"no date in its front matter or name: dated "
                            f"{moment:%Y-%m-%d %H:%M} from the file's modification time")
            return moment.replace(microsecond=0), zone
    raise InvalidInput(f"{label}: no date: add 'date:' front matter or name the file "
                       "YYYY-MM-DD[-title].md")


def parse_markdown_file(content: str, name: str, tz: str, label: str, *,
                        date_from: str = "frontmatter", mtime: float | None = None,
                        report: ImportReport | None = None) -> ImportedEntry:
    """One file's entry. `name` is its path relative to the imported folder; `mtime`
    its modification time, for notes with no date of their own."""
    front, body = split_front_matter(content.replace("\r\n", "\n"), label)
    created, entry_tz = _when(front, name, tz, label, date_from=date_from, mtime=mtime,
                              report=report)
    tags = front.get("tags", [])
    if tags is None:
        tags = []
    if isinstance(tags, str):
        tags = [t for t in re.split(r"[,\s]+", tags) if t]
    if not isinstance(tags, list) or not all(isinstance(t, (str, int, float)) for t in tags):
        raise InvalidInput(f"{label}: 'tags' must be a list or a comma-separated string")
    starred, private = front.get("starred", False), front.get("private", False)
    if not isinstance(starred, bool):
        raise InvalidInput(f"{label}: 'starred' must be true or false")
    if not isinstance(private, bool):
        raise InvalidInput(f"{label}: 'private' must be true or false")
    title = front.get("title")
    if title is not None and not isinstance(title, (str, int, float)):
        raise InvalidInput(f"{label}: 'title' must be text")
    text = storable_text(normalize_text(body), name, report)
    metadata: dict[str, Any] = {"format": "markdown", "path": name}
    if title is not None and str(title).strip():
        title = str(title).strip()
        first = text.split("\n", 1)[0].lstrip("#").strip()
        if first != title:
            text = f"{title}\n\n{text}" if text else title
        metadata["title"] = title
    else:
        match = _DATED_NAME.fullmatch(Path(name).name[:-3])
        if match and match[2] and "id" not in front:  # Mirror's own names end in an ID
            metadata["title"] = match[2].replace("-", " ").replace("_", " ").strip()
        elif match is None and "id" not in front:  # an Obsidian note: its name is its title
            metadata["title"] = Path(name).name[:-3]
    if not text:
        raise InvalidInput(f"{label}: the entry is empty")
    links = list(dict.fromkeys(m.strip() for m in _WIKILINK.findall(text)))
    if links:
        metadata["links"] = links
    reflection_id = None
    if "id" in front:
        metadata["mirror_id"] = str(front["id"])
        if _UUID.fullmatch(str(front["id"])):
            reflection_id = str(front["id"])
    extra = {k: _jsonable(v) for k, v in front.items() if k not in _KNOWN_KEYS}
    if extra:
        metadata["front_matter"] = extra
    return ImportedEntry(
        source=SOURCE, source_id=content_source_id(SOURCE, created, text), created_at=created,
        tz=entry_tz, text=text, tags=normalize_tags([str(t) for t in tags]), starred=starred,
        metadata=metadata, private=private, reflection_id=reflection_id)


def _jsonable(value: Any) -> Any:
    """Front matter values as JSON (dates as ISO strings), for the metadata column."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)

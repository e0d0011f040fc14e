"""jrnl journals: the plain-text file and `jrnl --export json`.

The text format (jrnl 4.6) is a sequence of entries, each starting with a header line
`[<timestamp>] <title>`; the timestamp is in the journal's `timeformat` (jrnl's default
`%F %r`, `2024-03-05 09:41:00 PM`), read from `--timeformat`, else from the jrnl config
(`--jrnl-config`, else jrnl's own default place when it exists); `YYYY-MM-DD HH:MM` (and
with seconds, or AM/PM) is always accepted too. jrnl 1.x journals have no brackets
(`2013-06-09 15:39 Title`). A star marks an entry: jrnl writes it as ` *` at the end of
the header line; `[<timestamp>] * <title>` is also read. Tags follow jrnl's rule: a tag
symbol (`tagsymbols`, default `#@`) after a space, then letters, digits and `-+*#/`, so
`#work/deep` and `@c++` are tags, lowercased, as jrnl lists them.

The title follows jrnl's own rule (`split_title`): the header line when the entry has more
lines, else the first sentence. Mirror keeps the text as written (title line, then body),
so the title is only recorded in the metadata. jrnl stores no time zone: times are read as
wall-clock times in the zone given (`--tz`, default: this machine's); a time in a DST gap
or fold is noted in the import report. An encrypted journal is refused with one line
("decrypt with `jrnl --decrypt` first").
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mirror.bundles.importers.base import (
    ImportedEntry,
    ImportOptions,
    ImportReport,
    check_size,
    content_source_id,
    localize,
    normalize_tags,
    normalize_text,
    number_repeats,
    read_text,
    resolve_zone,
    storable_text,
)
from mirror.bundles.jsonio import load_document
from mirror.bundles.limits import MAX_IMPORT_FILE_BYTES
from mirror.errors import InvalidInput, NotFound
from mirror.fileio import open_limited

SOURCE = "jrnl"

_BRACKETED = re.compile(r"\[(?P<stamp>[^\]\n]+)\](?: (?P<rest>.*))?")
_LOOKS_DATED = re.compile(r"\d{4}-\d{2}-\d{2}")
_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?")
#: jrnl's SENTENCE_SPLITTER: sentence punctuation, an optional closing quote, whitespace.
_SENTENCE_END = re.compile(r"[.!?\u203C\u203D\u2047-\u2049\u3002\uFE52\uFE57\uFF01\uFF0E"
                           r"\uFF1F\uFF61]['\u2019\"\u201D]?\s+")
#: strftime codes jrnl users write that Python's strptime does not know.
_SHORTHANDS = {"%F": "%Y-%m-%d", "%r": "%I:%M:%S %p", "%T": "%H:%M:%S", "%R": "%H:%M",
               "%D": "%m/%d/%y"}
#: jrnl 1.x's default: no brackets, `2013-06-09 15:39 Title`.
JRNL1_TIMEFORMAT = "%Y-%m-%d %H:%M"
DEFAULT_TAGSYMBOLS = "#@"
DECRYPT_FIRST = "decrypt with `jrnl --decrypt` first"
#: A jrnl config is a few dozen lines; YAML parsing of anything far larger is only cost.
MAX_CONFIG_CHARS = 1024 * 1024


@dataclass(frozen=True)
class JrnlConfig:
    """What Mirror needs from a jrnl config file: how dates and tags are written."""

    timeformat: str | None = None
    tagsymbols: str = DEFAULT_TAGSYMBOLS


def default_config_path() -> Path:
    """Where jrnl keeps its config: jrnl 2+'s XDG file, else jrnl 1.x's `~/.jrnl_config`
    (JSON, which the YAML reader reads too) when only that one exists."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    modern, legacy = Path(base) / "jrnl" / "jrnl.yaml", Path.home() / ".jrnl_config"
    return legacy if not modern.is_file() and legacy.is_file() else modern


def read_config(path: Path | None) -> JrnlConfig:
    """The jrnl config at `path` (must exist), or at jrnl's default place (if there), or
    jrnl's defaults."""
    explicit = path is not None
    path = Path(path) if path is not None else default_config_path()
    if not explicit and not path.is_file():
        return JrnlConfig()
    if not path.exists():
        raise NotFound(f"{path}: no such jrnl config file")
    text = read_text(path)  # a folder, device or pipe given as the config: one line
    if len(text) > MAX_CONFIG_CHARS:
        raise InvalidInput(f"{path}: not a jrnl config (larger than {MAX_CONFIG_CHARS} "
                           "characters)")
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise InvalidInput(f"{path}: not a jrnl config (invalid YAML)") from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise InvalidInput(f"{path}: not a jrnl config (nested too deeply)") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: not a jrnl config (not a mapping)")
    timeformat = data.get("timeformat")
    symbols = data.get("tagsymbols")
    return JrnlConfig(timeformat=timeformat if isinstance(timeformat, str) and timeformat else None,
                      tagsymbols=symbols if isinstance(symbols, str) and symbols
                      else DEFAULT_TAGSYMBOLS)


def _usable_format(timeformat: str, where: str) -> str:
    """`timeformat` when strptime can read with it, else InvalidInput naming `where`. A
    format strptime cannot compile (`%Y%Y`: a field twice) raises `re.error` on every
    header; found once, here, it is one line instead of a crash."""
    try:
        datetime.strptime(datetime(2000, 12, 28, 23, 59, 59).strftime(timeformat), timeformat)
    except ValueError:
        pass  # a format that does not read back its own output may still match real headers
    except re.error as err:
        raise InvalidInput(f"{where} {timeformat!r} is not a time format strptime can read "
                           f"({err.msg})") from None
    return timeformat


def python_format(timeformat: str) -> str:
    for short, full in _SHORTHANDS.items():
        timeformat = timeformat.replace(short, full)
    return timeformat


def import_jrnl(path: Path, tz: str | None = None, *, options: ImportOptions | None = None,
                report: ImportReport | None = None) -> list[ImportedEntry]:
    """Entries from a jrnl text journal (brackets or jrnl 1.x style) or its JSON export
    (told apart by content). An encrypted journal is refused with one line."""
    return list(iter_jrnl(path, tz, options=options, report=report))


def iter_jrnl(path: Path, tz: str | None = None, *, options: ImportOptions | None = None,
              report: ImportReport | None = None) -> Iterator[ImportedEntry]:
    """`import_jrnl`, streamed: a text journal is read line by line, entry by entry, so a
    journal of any size is never held whole (the importer writes entries as they come; a
    problem found further on rolls the whole import back). A JSON export is one document
    and is read whole."""
    options = options or ImportOptions(tz=tz)
    report = report if report is not None else ImportReport()
    path = Path(path)
    check_size(path)
    with open_limited(path) as handle:  # a folder, device or pipe is refused here
        head = handle.read(4096)
    if head.startswith((b"JRNLv3", b"gAAAAA")):  # jrnl 4.6's format, and jrnl 2-4.5's
        raise InvalidInput(f"{path}: this jrnl journal is encrypted: {DECRYPT_FIRST}")
    zone = resolve_zone(options.tz if options.tz is not None else tz)
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        return iter(parse_jrnl_json(read_text(path), zone, str(path), report))
    config = read_config(options.jrnl_config)
    formats = [_usable_format(python_format(f), where)
               for f, where in ((options.timeformat, "--timeformat"),
                                (config.timeformat, "the jrnl config's timeformat")) if f]
    return number_repeats(parse_jrnl_lines(_file_lines(path), zone, str(path), formats=formats,
                                           tagsymbols=config.tagsymbols, report=report))


def _file_lines(path: Path) -> Iterator[str]:
    """The lines of a text file without their line ends, decoded one by one. A line ends
    at '\\n', '\\r\\n' or a lone '\\r' (a journal saved with classic Mac line ends would
    otherwise be one line, every entry after the first joined to it); a BOM at the start
    of a line is dropped (files joined with `cat` carry one per file, which would hide
    the header it stands before). No more than the import limit is read, whatever the
    file's size claimed when it was checked (it may grow while it is read)."""
    read = 0
    with open_limited(path) as handle:
        for number, raw in enumerate(handle, start=1):
            read += len(raw)
            if read > MAX_IMPORT_FILE_BYTES:
                raise InvalidInput(f"{path}: more than the import limit of "
                                   f"{MAX_IMPORT_FILE_BYTES} bytes")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InvalidInput(f"{path}:{number}: not valid UTF-8 text (if it is an "
                                   f"encrypted jrnl 1.x journal, {DECRYPT_FIRST})") from None
            line = line[:-2] if line.endswith("\r\n") else line.removesuffix("\n")
            for part in line.split("\r") if "\r" in line else (line,):
                yield part.removeprefix("\ufeff")


def _parse_stamp(stamp: str, label: str, line: int, formats: list[str] = ()) -> datetime:
    parsed = _try_stamp(stamp, formats)
    if parsed is None:
        raise InvalidInput(f"{label}:{line}: unrecognised timestamp [{stamp}] (expected "
                           "'YYYY-MM-DD hh:mm:ss AM/PM' or 'YYYY-MM-DD HH:MM'; for another "
                           "format give --timeformat or --jrnl-config)")
    return parsed


def _check_stamp(stamp: str, label: str, line: int, formats: list[str]) -> None:
    """A header-shaped line (`[YYYY-MM-DD …]`) whose time cannot be read is an error
    naming the line, not text silently joined to the entry before it."""
    match = _STAMP.fullmatch(stamp.strip())
    if match is not None and match[7] and not 1 <= int(match[4]) <= 12:
        raise InvalidInput(f"{label}:{line}: hour {int(match[4])} is not valid with AM/PM")
    if match is not None:
        raise InvalidInput(f"{label}:{line}: impossible date or time [{stamp}]")
    _parse_stamp(stamp, label, line, formats)


def _try_stamp(stamp: str, formats: list[str] | tuple[str, ...]) -> datetime | None:
    """The wall-clock time in a jrnl timestamp: the journal's own `timeformat` first, then
    the forms jrnl 4 reads without one; None when it is not a timestamp."""
    stamp = stamp.strip()
    for fmt in formats:
        try:
            return datetime.strptime(stamp, fmt)
        except ValueError:
            continue
    match = _STAMP.fullmatch(stamp)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
    second = int(match[6] or 0)
    if match[7]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[7].lower() == "pm" else 0)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def jrnl_title(text: str) -> str:
    """jrnl 4.6's title of an entry text: its first line if it has several, else its first
    sentence."""
    stripped = text.strip()
    if "\n" in stripped:
        return stripped.split("\n", 1)[0].strip()
    match = _SENTENCE_END.search(stripped)
    return stripped[: match.end()].strip() if match else stripped


def tags_in(text: str, tagsymbols: str = DEFAULT_TAGSYMBOLS) -> list[str]:
    """jrnl's tags of a text (its own rule: a tag symbol after a space, then letters,
    digits and `-+*#/`; lowercased), without the symbol; nested tags stay whole."""
    pattern = re.compile(rf"(?<!\S)[{re.escape(tagsymbols)}][-+*#/\w]+")
    found = [tag.lower() for tag in pattern.findall(text)]
    return [t for t in normalize_tags(found) if re.search(r"\w", t)]


def _header(line: str, formats: list[str], jrnl1: bool) -> tuple[datetime, str] | None:
    """(wall time, rest of the line) when `line` starts an entry."""
    if not jrnl1:
        match = _BRACKETED.fullmatch(line)
        if match is None:
            return None
        wall = _try_stamp(match["stamp"], formats)
        return None if wall is None else (wall, match["rest"] or "")
    for fmt in formats or [JRNL1_TIMEFORMAT]:
        width = len(datetime(2000, 12, 28, 23, 59, 59).strftime(fmt))
        try:
            return datetime.strptime(line[:width], fmt), line[width:].strip()
        except ValueError:
            continue
    return None


def parse_jrnl_text(content: str, tz: str, label: str, *, formats: list[str] | None = None,
                    tagsymbols: str = DEFAULT_TAGSYMBOLS,
                    report: ImportReport | None = None) -> list[ImportedEntry]:
    """A jrnl text journal. Bracketed headers (jrnl 2+) are looked for first; a journal
    with none is read as jrnl 1.x (`YYYY-MM-DD HH:MM Title`, or its `timeformat`)."""
    return list(number_repeats(parse_jrnl_lines(
        content.replace("\r\n", "\n").replace("\r", "\n").split("\n"), tz, label, formats=formats,
        tagsymbols=tagsymbols, report=report)))


def parse_jrnl_lines(lines: Iterable[str], tz: str, label: str, *,
                     formats: list[str] | None = None, tagsymbols: str = DEFAULT_TAGSYMBOLS,
                     report: ImportReport | None = None) -> Iterator[ImportedEntry]:
    """`parse_jrnl_text` over lines as they are read, yielding each entry when the next
    header (or the end) closes it. Repeated entries are not numbered here: the caller
    passes the entries through `number_repeats`."""
    formats = list(formats or [])
    numbered: Iterator[tuple[int, str]] = enumerate(lines, start=1)
    first = jrnl1 = None
    for number, line in numbered:
        if line.strip():
            first = number
            jrnl1 = _header(line, formats, jrnl1=False) is None
            if jrnl1 and _header(line, formats, jrnl1=True) is None:
                bracket = _BRACKETED.fullmatch(line)
                if bracket is not None:
                    _parse_stamp(bracket["stamp"], label, first, formats)  # names the format
                raise InvalidInput(f"{label}:{first}: text before the first '[date time] title' "
                                   "header; not a jrnl journal? (for a custom timeformat give "
                                   "--timeformat or --jrnl-config)")
            numbered = itertools.chain([(number, line)], numbered)
            break
    if first is None:
        return
    current: dict[str, Any] | None = None

    def finished(current: dict[str, Any]) -> ImportedEntry:
        where = f"{label}:{current['line']}"
        text = storable_text(normalize_text("\n".join(current["lines"])), where, report)
        created = localize(current["wall"], tz, report, where)
        return ImportedEntry(
            source=SOURCE, source_id=content_source_id(SOURCE, created, text),
            created_at=created, tz=tz, text=text, tags=tags_in(text, tagsymbols),
            starred=current["starred"],
            metadata={"title": jrnl_title(text), "format": "jrnl1-text" if jrnl1 else "jrnl-text",
                      "line": current["line"]})

    for number, line in numbered:
        header = _header(line, formats, bool(jrnl1))
        if header is None:
            bracket = None if jrnl1 else _BRACKETED.fullmatch(line)
            if bracket is not None and _LOOKS_DATED.match(bracket["stamp"]):
                _check_stamp(bracket["stamp"], label, number, formats)
            if current is not None:
                current["lines"].append(line)
            continue
        if current is not None:
            yield finished(current)
        wall, rest = header
        rest = rest.rstrip()
        starred = False
        if rest.endswith("*"):  # jrnl: a first line ending in '*' marks the entry
            starred, rest = True, rest.rstrip(" *")
        elif rest.startswith("* "):
            starred, rest = True, rest[2:].lstrip()
        current = {"wall": wall, "starred": starred, "lines": [rest], "line": number}
    if current is not None:
        yield finished(current)


def _field(entry: dict[str, Any], key: str, kind: type, label: str, index: int) -> Any:
    value = entry.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidInput(f"{label}: entry {index}: {key!r} is missing or not a "
                           f"{kind.__name__}")
    return value


def parse_jrnl_json(content: str, tz: str, label: str,
                    report: ImportReport | None = None) -> list[ImportedEntry]:
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
        where = f"{label}: entry {index}"
        text = storable_text(normalize_text(f"{title.strip()}\n{body.strip()}"
                                          if body.strip() else title), where, report)
        created = localize(wall, tz, report, where)
        entries.append(ImportedEntry(
            source=SOURCE, source_id=content_source_id(SOURCE, created, text),
            created_at=created, tz=tz, text=text, tags=normalize_tags(tags), starred=starred,
            metadata={"title": storable_text(title.strip(), where, None), "format": "jrnl-json"}))
    return list(number_repeats(entries))

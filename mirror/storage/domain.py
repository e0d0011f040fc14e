"""The domain of every value an import may bring into a journal, checked row by row.

A bundle's database can pass the schema allow-list and SQLite's own constraints and still
hold values Mirror cannot read back: SQLite columns are loosely typed, and a CHECK cannot
say "a real calendar day" or "an IANA zone". One such value (a reflection dated
'2026-13-45') used to make `list` and `show` fail for good after an import. So before any
merge, every row the merge reads is checked here against the domain Mirror writes, and
the bundle is refused (`BundleRefused`, exit 6) with one line naming the table, the field
and the row. Migration 006 enforces the same shapes on every new write.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

from mirror.dates import EARLIEST_YEAR, LATEST_YEAR
from mirror.errors import BundleRefused
from mirror.jsondepth import nesting
from mirror.storage.db import MAX_TEXT_BYTES  # the longest text one field may hold

#: Names, titles, labels: a line, not a document.
MAX_NAME_CHARS = 500

_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ZONE = re.compile(r"^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

Check = Callable[[Any], str]


def _text(value: Any, *, empty: bool = False, limit: int = MAX_TEXT_BYTES) -> str:
    """Why `value` (read as bytes, see `check_rows`) is not acceptable text, or ""."""
    if not isinstance(value, bytes):
        return f"is not text ({type(value).__name__})"
    if len(value) > limit:
        return f"is longer than {limit} bytes"
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        return "is not valid UTF-8"
    if "\x00" in text:
        return "contains a NUL character"
    if not empty and not text.strip():
        return "is empty"
    return ""


def text(value: Any) -> str:
    return _text(value)


def any_text(value: Any) -> str:
    return _text(value, empty=True)


def name(value: Any) -> str:
    return _text(value, limit=MAX_NAME_CHARS * 4)


def optional_text(value: Any) -> str:
    return "" if value is None else _text(value, empty=True)


def utc_time(value: Any) -> str:
    """A timestamp as Mirror writes it (`clock.utc_iso`): a real moment, UTC, 'Z'."""
    if not isinstance(value, bytes) or not _UTC.match(value.decode("ascii", "replace")):
        return "is not a UTC time (YYYY-MM-DDTHH:MM:SS.ffffffZ)"
    try:
        moment = datetime.fromisoformat(value.decode("ascii").replace("Z", "+00:00"))
    except ValueError:
        return "is not a real date and time"
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return f"is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}"
    return ""


def optional_utc_time(value: Any) -> str:
    return "" if value is None else utc_time(value)


def uuid(value: Any) -> str:
    if not isinstance(value, bytes) or not _UUID.match(value.decode("ascii", "replace")):
        return "is not a canonical UUID"
    return ""


def zone(value: Any) -> str:
    """An IANA zone name by its shape: a zone this machine's tzdata does not know yet is
    still shown (in UTC), so it is not a reason to refuse a journal."""
    if (not isinstance(value, bytes) or len(value) > 64
            or not _ZONE.match(value.decode("ascii", "replace"))):
        return "is not a time zone name"
    return ""


def sha256(value: Any) -> str:
    if not isinstance(value, bytes) or not _SHA256.match(value.decode("ascii", "replace")):
        return "is not a SHA-256 digest"
    return ""


def one_of(*allowed: str) -> Check:
    def check(value: Any) -> str:
        if not isinstance(value, bytes) or value.decode("utf-8", "replace") not in allowed:
            return f"is not one of {', '.join(allowed)}"
        return ""
    return check


def flag(value: Any) -> str:
    return "" if isinstance(value, int) and value in (0, 1) else "is not 0 or 1"


def integer(low: int, high: int | None = None, *, optional: bool = False) -> Check:
    def check(value: Any) -> str:
        if value is None and optional:
            return ""
        if not isinstance(value, int) or value < low or (high is not None and value > high):
            return f"is not a whole number from {low}" + (f" to {high}" if high else " up")
        return ""
    return check


def json_object(value: Any) -> str:
    return _json(value, dict)


def json_list_of_names(value: Any) -> str:
    problem = _json(value, list)
    if problem:
        return problem
    items = json.loads(value)
    if not all(isinstance(item, str) and len(item) <= MAX_NAME_CHARS for item in items):
        return "is not a list of names"
    return ""


def _json(value: Any, kind: type) -> str:
    problem = _text(value, empty=True)
    if problem:
        return problem
    try:
        parsed = json.loads(value.decode("utf-8"))
    except (ValueError, RecursionError):
        return "is not valid JSON"
    if not isinstance(parsed, kind):
        return f"is not a JSON {'object' if kind is dict else 'list'}"
    if nesting(parsed) > MAX_JSON_DEPTH:
        return f"is JSON nested more than {MAX_JSON_DEPTH} deep"
    return ""


#: How deeply a JSON column may nest. Mirror writes two or three levels; JSON nested ~900
#: deep still parses, but once merged it breaks every reader that walks it recursively
#: (`mirror --json list` failed on each run after such a bundle was imported).
MAX_JSON_DEPTH = 64


#: table -> (the column naming a row in messages, {column: check}): every column the merge
#: reads (`storage.merge.merge_attached`); tables the merge never reads are not listed.
DOMAINS: dict[str, tuple[str, dict[str, Check]]] = {
    "reflections": ("id", {
        "id": uuid, "content": text, "content_type": one_of("text/plain", "text/markdown"),
        "visibility": one_of("local_only", "sync_summary", "sync_full_public"),
        "private": flag, "source": name, "created_at": utc_time, "created_tz": zone,
        "updated_at": utc_time, "starred": flag, "metadata": json_object}),
    "reflection_revisions": ("id", {
        "id": uuid, "reflection_id": uuid, "revision": integer(1), "content": any_text,
        "revised_at": utc_time}),
    "tombstones": ("id", {"id": uuid, "deleted_at": utc_time}),
    "tags": ("id", {"name": name}),
    "threads": ("id", {"id": uuid, "title": name, "created_at": utc_time,
                       "archived_at": optional_utc_time}),
    "thread_members": ("thread_id", {"added_at": utc_time}),
    "tensions": ("id", {"id": uuid, "axis_a": name, "axis_b": name, "created_at": utc_time}),
    "mirrorbacks": ("id", {
        "id": uuid, "reflection_id": uuid, "content": any_text, "engine": name,
        "engine_version": name, "answered_text_sha256": sha256,
        "verdict": one_of("passed", "failed", "care"), "flags": json_list_of_names,
        "created_at": utc_time}),
    "engine_feedback": ("id", {
        "id": uuid, "mirrorback_id": uuid, "rating": integer(1, 5, optional=True),
        "flags": json_list_of_names, "note": optional_text, "created_at": utc_time}),
}


def _shown(value: Any, limit: int = 40) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = ascii(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def check_rows(conn: sqlite3.Connection, schema: str = "main") -> None:
    """Refuse (`BundleRefused`, one line naming table, field and row) the first value in
    `schema` outside its domain. Text is read as bytes, so a value that is not UTF-8 is
    named here instead of failing inside the sqlite3 module."""
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, (key, checks) in DOMAINS.items():
            columns = list(dict.fromkeys([key, *checks]))
            kinds = ", ".join(f"typeof({column})" for column in checks)
            sql = f"SELECT {', '.join(columns)}, {kinds} FROM {schema}.{table}"
            for row in conn.execute(sql):
                values = dict(zip(columns, row))
                for (column, check), kind in zip(checks.items(), row[len(columns):]):
                    # no value Mirror writes is a blob (they read as bytes here, like text)
                    problem = "is not text (blob)" if kind == b"blob" else check(values[column])
                    if problem:
                        raise BundleRefused(
                            f"{table}.{column} {problem} (row {_shown(values[key])}: "
                            f"{_shown(values[column])})")
    finally:
        conn.text_factory = previous


_TIME_CHECKS = (utc_time, optional_utc_time)


def readable(created_at: str, updated_at: str, tz: str, fallback: str
             ) -> tuple[str, str, str, dict[str, str]]:
    """A reflection's times and zone as an export can write them: a value outside its
    domain (a row damaged before migration 006) is replaced by the other time, else
    `fallback`, and returned in the last element so the export keeps the original."""
    damaged: dict[str, str] = {}
    values = {"created_at": created_at, "updated_at": updated_at, "created_tz": tz}
    good = {k: not (zone if k == "created_tz" else utc_time)(str(v).encode("utf-8", "replace"))
            for k, v in values.items()}
    for key in ("created_at", "updated_at"):
        if not good[key]:
            damaged[key] = str(values[key])
            other = "updated_at" if key == "created_at" else "created_at"
            values[key] = values[other] if good[other] else fallback
    if not good["created_tz"]:
        damaged["created_tz"] = str(values["created_tz"])
        values["created_tz"] = "UTC"
    return values["created_at"], values["updated_at"], values["created_tz"], damaged


def repair_times(conn: sqlite3.Connection, fallback: str) -> int:
    """In a *snapshot being bundled* (never the live journal), replace every time or zone
    outside its domain so the bundle passes Mirror's own import checks; a reflection keeps
    the original values in `metadata.damaged`. Returns how many rows were repaired."""
    repaired = 0
    rows = conn.execute("SELECT id, created_at, updated_at, created_tz, metadata"
                        " FROM reflections").fetchall()
    for row_id, created_at, updated_at, tz, metadata in rows:
        fixed = readable(created_at, updated_at, tz, fallback)
        if fixed[3]:
            meta = json.loads(metadata) if isinstance(metadata, str) else {}
            meta = meta if isinstance(meta, dict) else {}
            meta["damaged"] = fixed[3]
            conn.execute("UPDATE reflections SET created_at = ?, updated_at = ?, created_tz = ?,"
                         " metadata = ? WHERE id = ?",
                         (*fixed[:3], json.dumps(meta, ensure_ascii=False), row_id))
            repaired += 1
    for table, (_key, checks) in DOMAINS.items():
        if table == "reflections":
            continue
        for column, check in checks.items():
            if check not in _TIME_CHECKS:
                continue
            for (value,) in conn.execute(f"SELECT DISTINCT {column} FROM {table}").fetchall():
                if value is not None and utc_time(str(value).encode("utf-8", "replace")):
                    repaired += conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?",
                                             (fallback, value)).rowcount
    return repaired

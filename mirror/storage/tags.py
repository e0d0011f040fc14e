"""Tags: `#tag` and `@tag` written in the text, plus tags given explicitly.

`@` is accepted because jrnl uses it; an e-mail address is not a tag because the marker
must not follow a word character.
"""

from __future__ import annotations

import re
import sqlite3

#: Nested tags (`#work/deep`, as Obsidian and jrnl write them) are one tag; a word
#: followed by `+` (`@c++`, `#C++`) is a name, not a tag.
_TAG = re.compile(r"(?<![\w#@&/])[#@](\w[\w\-]*+(?:/\w[\w\-]*+)*+)(?![+])", re.UNICODE)


def parse_tags(text: str) -> list[str]:
    """Tags written inline, in order of first appearance, case-insensitively unique."""
    if "#" not in text and "@" not in text:
        return []  # most texts: a bulk import of 100k reflections asks this of every one
    seen: dict[str, str] = {}
    for match in _TAG.finditer(text):
        name = match.group(1).rstrip("-")
        if name and not name.isdigit():
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


def normalise(names: list[str] | tuple[str, ...]) -> list[str]:
    """Strip markers and blanks, keep first spelling of case-insensitive duplicates."""
    seen: dict[str, str] = {}
    for raw in names:
        name = raw.strip().lstrip("#@").strip()
        if name:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


def attach(conn: sqlite3.Connection, reflection_id: str, names: list[str],
           known: dict[str, int] | None = None) -> None:
    """Link tags to a reflection, creating tags on first use. Inside a transaction.
    `known` caches name -> tag id across the rows of one bulk write."""
    for name in names:
        key = name.casefold()
        tag_id = known.get(key) if known is not None else None
        if tag_id is None:
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
            tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()[0]
            if known is not None:
                known[key] = tag_id
        conn.execute("INSERT OR IGNORE INTO reflection_tags (reflection_id, tag_id) VALUES (?, ?)",
                     (reflection_id, tag_id))


def replace(conn: sqlite3.Connection, reflection_id: str, names: list[str]) -> None:
    conn.execute("DELETE FROM reflection_tags WHERE reflection_id = ?", (reflection_id,))
    attach(conn, reflection_id, names)
    prune(conn)


def prune(conn: sqlite3.Connection) -> None:
    """Drop tags no reflection uses any more, so `mirror tags` lists only live ones."""
    conn.execute(
        "DELETE FROM tags WHERE NOT EXISTS"
        " (SELECT 1 FROM reflection_tags rt WHERE rt.tag_id = tags.id)"
    )


def counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(tag, reflections) of every tag in use, most used first, from the counts triggers
    keep per tag (migration 017): counting every tag's links took ~23 ms at 100k
    reflections (146k links); this reads one row per tag. A tag left with no reflection
    (its last one deleted) is not listed. A journal without the kept counts (a read-only
    file of an older schema) is counted link by link (`full_counts`)."""
    try:
        rows = conn.execute(
            "SELECT t.name, c.reflections FROM tag_counts c JOIN tags t ON t.id = c.tag_id"
            " ORDER BY c.reflections DESC, t.name COLLATE NOCASE").fetchall()
    except sqlite3.OperationalError:
        return full_counts(conn)
    return [(row[0], row[1]) for row in rows]


def full_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """`counts` from the links themselves, what the kept counts must always equal. Each tag
    is counted on its own range of the `reflection_tags_tag` index (a join grouped by tag
    read all the links into a sort first, and took half again as long)."""
    rows = conn.execute(
        "SELECT t.name, (SELECT count(*) FROM reflection_tags rt WHERE rt.tag_id = t.id) AS n"
        " FROM tags t ORDER BY n DESC, t.name COLLATE NOCASE")
    return [(row[0], row[1]) for row in rows if row[1]]


#: Recount every tag's reflections from the links (in the caller's transaction).
REBUILD_COUNTS = (
    "DELETE FROM tag_counts",
    "INSERT INTO tag_counts (tag_id, reflections)"
    " SELECT tag_id, count(*) FROM reflection_tags GROUP BY tag_id",
)

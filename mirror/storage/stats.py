"""Journal statistics and pattern frequencies, read from counts kept per day.

Whole-table aggregates grew with the journal (issue 13: `stats` and `patterns` 3.3-3.6x
slower at 100k reflections than at 1k). Migration 007 keeps two small tables of counts per
day, updated by triggers in the same transaction as the rows they count, so these reads
touch a few thousand rows whatever the journal's size. `rebuild_counts` recomputes them
from the rows (`mirror analyze --all`); `full_*` are the whole-table aggregates they must
always equal (the property test compares the two).
"""

from __future__ import annotations

import sqlite3

from mirror.errors import MirrorError
from mirror.models.status import JournalStats, MonthCount
from mirror.storage.db import BUSY_TIMEOUT_MS, transaction, writable

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any

#: The tables of maintained counts: derived from other rows, never copied from elsewhere.
MAINTAINED_TABLES = ("reflection_counts_by_day", "pattern_counts_by_day",
                     "reflection_counts_by_hour", "local_zone", "local_zone_offsets",
                     "reflection_counts_by_local_day", "reflection_counts_by_local_hour",
                     "tag_counts")

#: A period of a day (YYYY-MM-DD) per bucket; by day, every bucket is a sum of days.
_PERIOD = {"day": "substr({d}, 1, 10)", "month": "substr({d}, 1, 7)", "year": "substr({d}, 1, 4)",
           "week": "strftime('%Y-W%W', {d})"}

_REBUILD = (
    "DELETE FROM reflection_counts_by_day",
    "DELETE FROM pattern_counts_by_day",
    "INSERT INTO reflection_counts_by_day (day, reflections, starred, private, characters)"
    " SELECT substr(created_at, 1, 10), count(*), sum(starred), sum(private),"
    " sum(length(content)) FROM reflections GROUP BY 1",
    "INSERT INTO pattern_counts_by_day (day, pattern, reflections)"
    " SELECT substr(r.created_at, 1, 10), p.pattern, count(*) FROM reflection_patterns p"
    " JOIN reflections r ON r.id = p.reflection_id GROUP BY 1, 2",
    "DELETE FROM reflection_counts_by_hour",
    # the local counts follow the per-hour ones by their triggers (migration 016); emptied
    # after the hours left, so the zone's kept offsets count them afresh from the rows
    "DELETE FROM reflection_counts_by_local_day",
    "DELETE FROM reflection_counts_by_local_hour",
    "INSERT INTO reflection_counts_by_hour (hour, reflections, words)"
    " SELECT hour, count(*), sum(words) FROM reflection_words GROUP BY hour",
)

#: Far enough in days to make every local minute positive before integer division (floor).
_SHIFT_DAYS = 1_000_000
#: The hours of the journal in its own zone: each counted UTC hour moved by the zone's
#: offset (minutes) in force then. `:intervals` rows are (first hour, last hour, offset).
_LOCAL = (
    "WITH o(lo, hi, off) AS (VALUES {values}),"
    " m(minute, reflections, words) AS (SELECT h.hour * 60 + o.off + {shift} * 1440,"
    "  h.reflections, h.words FROM o JOIN reflection_counts_by_hour h"
    "  ON h.hour BETWEEN o.lo AND o.hi)"
)


def journal_stats(conn: sqlite3.Connection) -> JournalStats:
    row = conn.execute(
        "SELECT coalesce(sum(reflections), 0), coalesce(sum(starred), 0),"
        " coalesce(sum(private), 0), coalesce(sum(characters), 0)"
        " FROM reflection_counts_by_day").fetchone()
    per_month = tuple(
        MonthCount(r[0], r[1])
        for r in conn.execute(
            "SELECT substr(day, 1, 7) AS month, sum(reflections) FROM reflection_counts_by_day"
            " GROUP BY month ORDER BY month DESC LIMIT 12"))
    scalar = lambda sql: conn.execute(sql).fetchone()[0]
    return JournalStats(
        reflections=row[0],
        # min() and max() of an indexed column read one index entry each
        first=scalar("SELECT min(created_at) FROM reflections"),
        last=scalar("SELECT max(created_at) FROM reflections"),
        starred=row[1],
        private=row[2],
        characters=row[3],
        revisions=scalar("SELECT count(*) FROM reflection_revisions"),
        deleted=scalar("SELECT count(*) FROM tombstones"),
        tags=scalar("SELECT count(*) FROM tags"),
        threads=scalar("SELECT count(*) FROM threads WHERE archived_at IS NULL"),
        mirrorbacks=scalar("SELECT count(*) FROM mirrorbacks"),
        tensions=scalar("SELECT count(*) FROM tensions"),
        per_month=per_month,
    )


def pattern_counts(conn: sqlite3.Connection, since: str | None,
                   bucket: str) -> list[tuple[str, str, int]]:
    """(period, pattern, reflections) ordered by period and pattern, counting reflections
    written at or after `since` (a UTC time). Whole days after `since` come from the
    counts; the rest of `since`'s own day is counted from its rows (a few at most)."""
    period = _PERIOD[bucket]
    if since is None:
        return [tuple(r) for r in conn.execute(
            f"SELECT {period.format(d='day')} AS period, pattern, sum(reflections)"
            " FROM pattern_counts_by_day GROUP BY period, pattern ORDER BY period, pattern")]
    day = since[:10]
    return [tuple(r) for r in conn.execute(
        "SELECT period, pattern, sum(n) FROM ("
        f" SELECT {period.format(d='day')} AS period, pattern, reflections AS n"
        "  FROM pattern_counts_by_day WHERE day > :day"
        " UNION ALL"
        f" SELECT {period.format(d='substr(r.created_at, 1, 10)')}, p.pattern, 1"
        "  FROM reflections r JOIN reflection_patterns p ON p.reflection_id = r.id"
        "  WHERE r.created_at >= :since AND r.created_at <= :day_end"
        "  AND substr(r.created_at, 1, 10) = :day"
        ") GROUP BY period, pattern ORDER BY period, pattern",
        {"day": day, "since": since, "day_end": day + "\U0010ffff"})]


def full_pattern_counts(conn: sqlite3.Connection, since: str | None,
                        bucket: str) -> list[tuple[str, str, int]]:
    """The same answer from every row (what the counts replace)."""
    period = _PERIOD[bucket].format(d="r.created_at")
    where, params = ("WHERE r.created_at >= ?", [since]) if since else ("", [])
    return [tuple(r) for r in conn.execute(
        f"SELECT {period} AS period, p.pattern, count(*) FROM reflection_patterns p"
        f" JOIN reflections r ON r.id = p.reflection_id {where}"
        " GROUP BY period, p.pattern ORDER BY period, p.pattern", params)]


def full_reflection_counts(conn: sqlite3.Connection) -> list[tuple[str, int, int, int, int]]:
    """Per-day reflection counts from every row, as `reflection_counts_by_day` holds them."""
    return [tuple(r) for r in conn.execute(
        "SELECT substr(created_at, 1, 10) AS day, count(*), sum(starred), sum(private),"
        " sum(length(content)) FROM reflections GROUP BY day ORDER BY day")]


def maintained_reflection_counts(conn: sqlite3.Connection) -> list[tuple[str, int, int, int, int]]:
    return [tuple(r) for r in conn.execute(
        "SELECT day, reflections, starred, private, characters FROM reflection_counts_by_day"
        " ORDER BY day")]


def rebuild_counts(conn: sqlite3.Connection) -> None:
    """Recompute the maintained counts from the rows (in the caller's transaction), the
    reflections per tag (migration 017) with them."""
    from mirror.storage.tags import REBUILD_COUNTS

    for statement in (*_REBUILD, *REBUILD_COUNTS):
        conn.execute(statement)


def hour_span(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
    """The first and last hour (since 1970, UTC) with writing."""
    # Two subqueries: SQLite answers a lone min() or max() from the key's ends, but reads
    # every row (58k at 100k reflections) when one SELECT asks for both.
    row = conn.execute("SELECT (SELECT min(hour) FROM reflection_counts_by_hour),"
                       " (SELECT max(hour) FROM reflection_counts_by_hour)").fetchone()
    return row[0], row[1]


def local_days(conn: sqlite3.Connection,
               intervals: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(day since 1970-01-01, reflections, words) of each local day with writing, in
    order; `intervals` are (first hour, last hour, offset in minutes) of the zone."""
    if not intervals:
        return []
    values = ",".join("(?, ?, ?)" for _ in intervals)
    sql = (_LOCAL.format(values=values, shift=_SHIFT_DAYS)
           + f" SELECT minute / 1440 - {_SHIFT_DAYS} AS day, sum(reflections), sum(words)"
           " FROM m GROUP BY day ORDER BY day")
    return _tuples(conn, sql, [v for i in intervals for v in i])


def local_hours(conn: sqlite3.Connection,
                intervals: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """(hour of the day 0..23, reflections) in the journal's zone. Only the hour: a
    weekday's count is the sum of its days (`local_days`), and sorting 58k rows (100k
    reflections) into 24 groups costs less than into the 168 hours of a week."""
    if not intervals:
        return []
    values = ",".join("(?, ?, ?)" for _ in intervals)
    sql = (_LOCAL.format(values=values, shift=_SHIFT_DAYS)
           + " SELECT minute / 60 % 24 AS h, sum(reflections) FROM m GROUP BY h")
    return _tuples(conn, sql, [v for i in intervals for v in i])


def _tuples(conn: sqlite3.Connection, sql: str, params: list[int]) -> list[Any]:
    """The rows as plain tuples: thousands of them, and a `sqlite3.Row` apiece (the
    connection's row factory) costs more than the tuple made from it."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def maintained_hour_counts(conn: sqlite3.Connection) -> list[tuple[int, int, int]]:
    return [tuple(r) for r in conn.execute(
        "SELECT hour, reflections, words FROM reflection_counts_by_hour ORDER BY hour")]


def full_hour_counts(conn: sqlite3.Connection) -> list[tuple[int, int, int]]:
    """The per-hour counts from every row (what the maintained table must equal)."""
    return [tuple(r) for r in conn.execute(
        "SELECT hour, count(*), sum(words) FROM reflection_words GROUP BY hour ORDER BY hour")]


# -- the same, kept in the journal's zone (migration 016) ------------------------------------

#: Each counted hour with the offset of the zone kept in `local_zone_offsets`, as the
#: triggers of migration 016 find it.
_KEPT = (f"SELECT h.hour * 60 + o.offset_minutes + {_SHIFT_DAYS} * 1440 AS minute, h.reflections,"
         " h.words FROM reflection_counts_by_hour h JOIN local_zone_offsets o"
         " ON h.hour BETWEEN o.first_hour AND o.last_hour")


def local_zone(conn: sqlite3.Connection) -> tuple[str, str, int, int] | None:
    """(zone, fingerprint of its rules, first hour, last hour its offsets cover) of the
    kept local counts, or None when none are kept."""
    row = conn.execute("SELECT zone, fingerprint, first_hour, last_hour FROM local_zone").fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


def kept_local_days(conn: sqlite3.Connection) -> list[tuple[int, int, int]]:
    """`local_days` as kept by the triggers: (day since 1970-01-01, reflections, words)."""
    return _tuples(conn, "SELECT day, reflections, words FROM reflection_counts_by_local_day"
                         " ORDER BY day", [])


def kept_local_hours(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """`local_hours` as kept by the triggers: (hour of the day, reflections)."""
    return _tuples(conn, "SELECT hour, reflections FROM reflection_counts_by_local_hour"
                         " ORDER BY hour", [])


def full_kept_local_counts(conn: sqlite3.Connection) -> tuple[list[Any], list[Any]]:
    """The kept local counts computed from every per-hour count with the kept offsets
    (what the maintained tables must equal)."""
    days = _tuples(conn, f"SELECT minute / 1440 - {_SHIFT_DAYS} AS day, sum(reflections),"
                         f" sum(words) FROM ({_KEPT}) GROUP BY day ORDER BY day", [])
    hours = _tuples(conn, f"SELECT minute / 60 % 24 AS h, sum(reflections) FROM ({_KEPT})"
                          " GROUP BY h ORDER BY h", [])
    return days, hours


def keep_local_counts(conn: sqlite3.Connection, zone: str, fingerprint: str,
                      intervals: list[tuple[int, int, int]]) -> bool:
    """Keep the local counts in `zone` from now on: its offsets (`intervals`: first hour,
    last hour, offset in minutes, contiguous and in order) written, the counts computed from
    the per-hour ones, in one transaction. False when this connection cannot write now
    (read-only, inside another transaction, or another writer holds the lock): the caller
    has its answer already and the next `stats` tries again."""
    if not intervals or not writable(conn) or conn.in_transaction:
        return False
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        with transaction(conn):
            for table in ("local_zone", "local_zone_offsets", "reflection_counts_by_local_day",
                          "reflection_counts_by_local_hour"):
                conn.execute(f"DELETE FROM {table}")
            conn.executemany("INSERT INTO local_zone_offsets (first_hour, last_hour,"
                             " offset_minutes) VALUES (?, ?, ?)", intervals)
            conn.execute("INSERT INTO local_zone (id, zone, fingerprint, first_hour, last_hour)"
                         " VALUES (1, ?, ?, ?, ?)",
                         (zone, fingerprint, intervals[0][0], intervals[-1][1]))
            conn.execute("INSERT INTO reflection_counts_by_local_day (day, reflections, words)"
                         f" SELECT minute / 1440 - {_SHIFT_DAYS} AS day, sum(reflections),"
                         f" sum(words) FROM ({_KEPT}) GROUP BY day")
            conn.execute("INSERT INTO reflection_counts_by_local_hour (hour, reflections)"
                         f" SELECT minute / 60 % 24 AS h, sum(reflections) FROM ({_KEPT})"
                         " GROUP BY h")
    except (sqlite3.Error, MirrorError):  # rolled back: the local counts are as they were
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return True

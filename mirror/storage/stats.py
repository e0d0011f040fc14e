"""Journal statistics, computed in SQL so they stay cheap on large journals."""

from __future__ import annotations

import sqlite3

from mirror.models.status import JournalStats, MonthCount


def journal_stats(conn: sqlite3.Connection) -> JournalStats:
    row = conn.execute(
        "SELECT count(*) AS n, min(created_at) AS first, max(created_at) AS last,"
        " coalesce(sum(starred), 0) AS starred, coalesce(sum(private), 0) AS private,"
        " coalesce(sum(length(content)), 0) AS chars FROM reflections").fetchone()
    per_month = tuple(
        MonthCount(r[0], r[1])
        for r in conn.execute(
            "SELECT substr(created_at, 1, 7) AS month, count(*) FROM reflections"
            " GROUP BY month ORDER BY month DESC LIMIT 12"))
    scalar = lambda sql: conn.execute(sql).fetchone()[0]
    return JournalStats(
        reflections=row["n"],
        first=row["first"],
        last=row["last"],
        starred=row["starred"],
        private=row["private"],
        characters=row["chars"],
        revisions=scalar("SELECT count(*) FROM reflection_revisions"),
        deleted=scalar("SELECT count(*) FROM tombstones"),
        tags=scalar("SELECT count(*) FROM tags"),
        threads=scalar("SELECT count(*) FROM threads WHERE archived_at IS NULL"),
        mirrorbacks=scalar("SELECT count(*) FROM mirrorbacks"),
        tensions=scalar("SELECT count(*) FROM tensions"),
        per_month=per_month,
    )

"""Reads over a period of the journal, for digests and telemetry: the reflections written
between two UTC timestamps and the counts derived from them (patterns, tensions, tags,
threads, care), plus the whole-journal aggregates a telemetry packet is made of.

Every query here is bounded by the `reflections_created` index on a half-open range
[since, until), so a month of a 100k journal reads about a thousand rows, never the whole
table (bench/bench_digest.py). Nothing here writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass

from mirror.storage.reflections import ACTIVE_CARE


@dataclass(frozen=True, slots=True)
class PeriodEntry:
    """One reflection of a period, with what a digest needs beside its text."""

    id: str
    content: str
    created_at: str
    created_tz: str
    private: bool
    care: str | None     # 'care' | 'gentle' while a care marker is active


@dataclass(frozen=True, slots=True)
class TensionCount:
    axis_a: str
    axis_b: str
    origin: str
    observations: int
    reflections: int


_IN_PERIOD = "r.created_at >= ? AND r.created_at < ?"


def entries(conn: sqlite3.Connection, since: str, until: str) -> list[PeriodEntry]:
    """The period's reflections, oldest first."""
    return [PeriodEntry(row[0], row[1], row[2], row[3], bool(row[4]), row[5]) for row in conn.execute(
        f"SELECT r.id, r.content, r.created_at, r.created_tz, r.private, {ACTIVE_CARE}"
        f" FROM reflections r WHERE {_IN_PERIOD} ORDER BY r.created_at, r.seq", (since, until))]


def count(conn: sqlite3.Connection, since: str, until: str) -> tuple[int, int]:
    """(reflections, characters) written in the period."""
    row = conn.execute(f"SELECT count(*), coalesce(sum(length(r.content)), 0) FROM reflections r"
                       f" WHERE {_IN_PERIOD}", (since, until)).fetchone()
    return int(row[0]), int(row[1])


def pattern_counts(conn: sqlite3.Connection, since: str, until: str,
                   exclude_care: bool = True) -> dict[str, int]:
    """Pattern name -> how many of the period's reflections show it (reflections that
    received care are left out: a digest does not count their words as patterns)."""
    care = f" AND {ACTIVE_CARE} IS NOT 'care'" if exclude_care else ""
    return {row[0]: int(row[1]) for row in conn.execute(
        "SELECT p.pattern, count(DISTINCT p.reflection_id) FROM reflections r"
        f" JOIN reflection_patterns p ON p.reflection_id = r.id WHERE {_IN_PERIOD}{care}"
        " GROUP BY p.pattern ORDER BY 2 DESC, 1", (since, until))}


def tension_counts(conn: sqlite3.Connection, since: str, until: str,
                   exclude_care: bool = True) -> list[TensionCount]:
    """Tensions observed in the period, most observed first."""
    care = f" AND {ACTIVE_CARE} IS NOT 'care'" if exclude_care else ""
    return [TensionCount(row[0], row[1], row[2], int(row[3]), int(row[4])) for row in conn.execute(
        "SELECT t.axis_a, t.axis_b, t.origin, count(*), count(DISTINCT o.reflection_id)"
        " FROM reflections r JOIN tension_observations o ON o.reflection_id = r.id"
        f" JOIN tensions t ON t.id = o.tension_id WHERE {_IN_PERIOD}{care}"
        " GROUP BY t.id ORDER BY 4 DESC, t.axis_a, t.axis_b", (since, until))]


def tag_counts(conn: sqlite3.Connection, since: str, until: str) -> dict[str, int]:
    return {row[0]: int(row[1]) for row in conn.execute(
        "SELECT g.name, count(*) FROM reflections r"
        " JOIN reflection_tags rt ON rt.reflection_id = r.id JOIN tags g ON g.id = rt.tag_id"
        f" WHERE {_IN_PERIOD} GROUP BY g.id ORDER BY 2 DESC, g.name", (since, until))}


def tags_by_entry(conn: sqlite3.Connection, since: str, until: str) -> dict[str, tuple[str, ...]]:
    """Reflection ID -> its tags, for the period's tagged reflections."""
    out: dict[str, list[str]] = {}
    for rid, name in conn.execute(
            "SELECT r.id, g.name FROM reflections r"
            " JOIN reflection_tags rt ON rt.reflection_id = r.id JOIN tags g ON g.id = rt.tag_id"
            f" WHERE {_IN_PERIOD} ORDER BY r.created_at, g.name", (since, until)):
        out.setdefault(rid, []).append(name)
    return {rid: tuple(names) for rid, names in out.items()}


def thread_counts(conn: sqlite3.Connection, since: str, until: str) -> dict[str, int]:
    return {row[0]: int(row[1]) for row in conn.execute(
        "SELECT th.title, count(*) FROM reflections r"
        " JOIN thread_members m ON m.reflection_id = r.id JOIN threads th ON th.id = m.thread_id"
        f" WHERE {_IN_PERIOD} GROUP BY th.id ORDER BY 2 DESC, th.title", (since, until))}


# -- whole-journal aggregates (telemetry) ---------------------------------------------------
def weekly_counts(conn: sqlite3.Connection, since: str) -> dict[str, int]:
    """ISO week ('2026-W48', by the UTC day) -> reflections written, from `since` on
    (read from the counts kept per day, migration 007)."""
    out: Counter[str] = Counter()
    for day, n in conn.execute("SELECT day, reflections FROM reflection_counts_by_day"
                               " WHERE day >= ?", (since[:10],)):
        out[_iso_week(day)] += int(n)
    return dict(out)


def _iso_week(day: str) -> str:
    from datetime import date  # tiny; kept beside its one use

    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def journal_totals(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts across the journal (from the maintained per-day counts where they exist)."""
    row = conn.execute("SELECT coalesce(sum(reflections), 0), coalesce(sum(starred), 0),"
                       " coalesce(sum(private), 0), coalesce(sum(characters), 0)"
                       " FROM reflection_counts_by_day").fetchone()
    scalar = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return {
        "reflections": int(row[0]), "starred": int(row[1]), "private": int(row[2]),
        "characters": int(row[3]),
        "revisions": scalar("SELECT count(*) FROM reflection_revisions"),
        "deleted": scalar("SELECT count(*) FROM tombstones"),
        "tags": scalar("SELECT count(*) FROM tags"),
        "threads": scalar("SELECT count(*) FROM threads"),
        "mirrorbacks": scalar("SELECT count(*) FROM mirrorbacks"),
        "care_markers": scalar(f"SELECT count(*) FROM reflections r WHERE {ACTIVE_CARE} = 'care'"),
        "gentle_markers": scalar(f"SELECT count(*) FROM reflections r WHERE {ACTIVE_CARE} = 'gentle'"),
        "care_dismissed": scalar("SELECT count(*) FROM care_dismissals"),
        "tensions_user_created": scalar("SELECT count(*) FROM tensions WHERE origin = 'user_created'"),
    }


def journal_pattern_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Pattern name -> reflections showing it, across the journal (maintained counts)."""
    return {row[0]: int(row[1]) for row in conn.execute(
        "SELECT pattern, sum(reflections) FROM pattern_counts_by_day GROUP BY pattern")}


def seeded_tension_counts(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """Observations per tension whose axes are Mirror's own seed (never a person's words)."""
    return {(row[0], row[1]): int(row[2]) for row in conn.execute(
        "SELECT t.axis_a, t.axis_b, count(o.id) FROM tensions t"
        " LEFT JOIN tension_observations o ON o.tension_id = t.id"
        " WHERE t.origin = 'system_seed' GROUP BY t.id")}


def run_rows(conn: sqlite3.Connection) -> list[tuple[str, str | None, str, list[str], float, int, int]]:
    """Every engine run as (engine, final_source, status, flags, duration_ms, tokens_in,
    tokens_out): aggregated by the caller, never shown one by one."""
    return [(row[0], row[1], row[2], _names(row[3]), float(row[4]), int(row[5]), int(row[6]))
            for row in conn.execute("SELECT engine, final_source, status, flags, duration_ms,"
                                    " tokens_in, tokens_out FROM engine_runs")]


def feedback_rows(conn: sqlite3.Connection) -> list[tuple[int | None, list[str]]]:
    """Every rating and its flags (the note, free text, is never read here)."""
    return [(row[0], _names(row[1]))
            for row in conn.execute("SELECT rating, flags FROM engine_feedback")]


def _names(raw: str) -> list[str]:
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []

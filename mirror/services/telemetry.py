"""Telemetry by consent, to a file only (DESIGN §7): a JSON packet of anonymised aggregates.

`mirror telemetry show` prints exactly the bytes `mirror telemetry write FILE` writes
(`serialise`), so a person sees everything before anything is saved. Mirror never sends
it: there is no network code here or anywhere telemetry reaches.

What a packet may hold, and why it cannot identify a person or quote them:

- **Counts and rates only.** No text, no IDs, no timestamps finer than an ISO week.
- **A fixed vocabulary.** Every key and name is Mirror's own: constitution pattern names and
  seeded tension axes, check names, engine names, a fixed list of feedback flags. A person's
  words (tags, thread titles, tensions they named, notes, model names) never appear; they are
  at most counted.
- **k-anonymity by suppression.** Any count below `K` (5) is written as null, and so is any
  rate whose numerator or denominator is below `K`, since a rate gives its count away.

The packet's shape is schemas/json/telemetry.schema.json: every packet is validated against
it before it is shown or saved, so a packet that broke these rules would never leave.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mirror import __version__, constitution
from mirror.engine.checks import check_names
from mirror.errors import InvalidInput, NotFound
from mirror.fileio import write_private
from mirror.resources import resource_dir
from mirror.services.context import JournalContext
from mirror.storage import periods

K = 5
SCHEMA = "telemetry.schema.json"
FORMAT = "mirror-telemetry"
VERSION = 1
WEEKS = 12
ENGINES = ("offline", "ollama", "anthropic", "care")
STATUSES = ("ok", "fallback", "care", "error")
#: Feedback flags a packet may name (the CLI's and the TUI's); any other is counted as "other".
FEEDBACK_FLAGS = ("directive", "prescriptive", "inaccurate", "generic", "too_long", "off_topic",
                  "insensitive")


def suppressed(n: int) -> int | None:
    """A count, or None below K (a small count can single someone out)."""
    return n if n >= K else None


def rate(numerator: int, denominator: int) -> float | None:
    """A share rounded to three places, or None when either side is below K."""
    if numerator < K or denominator < K:
        return None
    return round(numerator / denominator, 3)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def packet(ctx: JournalContext) -> dict[str, Any]:
    """The packet for this journal, now."""
    conn = ctx.store.conn
    today = ctx.clock.now().astimezone(ZoneInfo(ctx.timezone)).date()
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=WEEKS - 1)
    weekly = periods.weekly_counts(conn, first.isoformat())
    weeks = {iso_week(first + timedelta(weeks=i)): suppressed(weekly.get(
        iso_week(first + timedelta(weeks=i)), 0)) for i in range(WEEKS)}
    totals = periods.journal_totals(conn)
    known_patterns = set(constitution.pattern_labels())
    patterns = periods.journal_pattern_counts(conn)
    observed = periods.seeded_tension_counts(conn)
    tensions = {f"{a}/{b}": suppressed(observed.get((a, b), 0))
                for a, b in (entry["axis"] for entry in constitution.invariants()["tension_axes"])}
    data = {
        "format": FORMAT,
        "version": VERSION,
        "k": K,
        "mirror_version": __version__,
        "week": iso_week(today),
        "journal": {name: suppressed(n) for name, n in totals.items()},
        "weeks": weeks,
        "patterns": {name: suppressed(patterns.get(name, 0)) for name in sorted(known_patterns)},
        "tensions": tensions,
        "engines": _engines(conn),
        "feedback": _feedback(conn),
    }
    validate(data)
    return data


def validate(data: dict[str, Any]) -> None:
    """Check a packet against its schema (a failure is a bug in Mirror, never shown as a
    packet: exit 1 with the log, nothing written)."""
    import jsonschema  # ~65 ms: only for telemetry

    schema = json.loads((resource_dir("schemas") / "json" / SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


def _engines(conn: Any) -> dict[str, Any]:
    runs = periods.run_rows(conn)
    checks = check_names()
    out: dict[str, Any] = {}
    for engine in ENGINES:
        mine = [r for r in runs if r[0] == engine]
        n = len(mine)
        statuses = Counter(r[2] for r in mine)
        flagged = Counter(f for r in mine for f in set(r[3]) if f in checks)
        out[engine] = {
            "runs": suppressed(n),
            "status_rates": {s: rate(statuses.get(s, 0), n) for s in STATUSES},
            "flag_rates": {c: rate(flagged.get(c, 0), n) for c in checks},
            "tokens_in": suppressed(sum(r[5] for r in mine)) if n >= K else None,
            "tokens_out": suppressed(sum(r[6] for r in mine)) if n >= K else None,
        }
    other = len([r for r in runs if r[0] not in ENGINES])
    out["other"] = {"runs": suppressed(other)}
    return out


def _feedback(conn: Any) -> dict[str, Any]:
    rows = periods.feedback_rows(conn)
    ratings = Counter(r for r, _ in rows if r is not None)
    # 'inaccurate:NAME' names the label an 'inaccurate' beside it was about: not a flag
    flags = Counter(f if f in FEEDBACK_FLAGS else "other" for _, fs in rows for f in set(fs)
                    if not f.startswith("inaccurate:"))
    return {
        "entries": suppressed(len(rows)),
        "ratings": {str(i): suppressed(ratings.get(i, 0)) for i in range(1, 6)},
        "flags": {f: suppressed(flags.get(f, 0)) for f in (*FEEDBACK_FLAGS, "other")},
    }


def write(ctx: JournalContext, path: Path, overwrite: bool = False) -> str:
    """Save the packet to `path` (mode 0600, atomically) and return the text saved. An
    existing file is replaced only when asked: it may be something else of the person's."""
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder: give a file name for the packet")
    if path.exists() and not overwrite:
        raise InvalidInput(f"{path} already exists (--force replaces it)")
    if not path.parent.is_dir():
        raise NotFound(f"no folder {path.parent} to write the packet into")
    text = serialise(packet(ctx))
    write_private(path, text.encode("ascii"))
    return text


def serialise(data: dict[str, Any]) -> str:
    """The one text form of a packet: what `show` prints and `write` saves, byte for byte."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=True) + "\n"

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
- **Complementary suppression.** Where the cells of a distribution add up to a total the
  packet shows, a lone null could be worked out by subtraction (ratings that add up to the
  feedback entries; the weeks, to the reflections; the status rates of an engine, to its
  runs). In every such group (`complement`), when the nulls would leave exactly one cell
  unknown, or unknown cells adding up to less than `K`, the next smallest cell is nulled
  too, and so on (the total itself when no cell is left): what a reader can work out from a
  group is a sum of at least two cells, and at least `K`. The runs of the engines add up,
  near enough, to the mirrorbacks: there the mirrorbacks are suppressed instead. A remainder the packet does not show (feedback without a rating,
  reflections older than the twelve weeks) is taken as known to the reader: the worst case.
  Counts that are not parts of one whole (patterns, tensions, flags: a reflection or an
  answer may carry several, or none) have no complement to take.

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
from mirror.storage.evolution import is_misread_flag

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


def complement(cells: dict[str, int], total: int, rest: int = 0,
               spare_cells: bool = False) -> tuple[set[str], bool]:
    """Which cells of a group to suppress, and whether to suppress its total too
    (`spare_cells`: suppress the total rather than any cell not below `K`).

    `cells` add up to `total` less `rest`, a remainder the packet does not show and that a
    reader is assumed to know (the worst case). A cell below `K` is suppressed; then, while
    the suppressed cells are exactly one, or add up to less than `K`, the next smallest shown
    cell is suppressed with them (ties in the cells' order), so no suppressed cell is ever
    (total - rest - the shown cells), nor bounded by less than `K`. When no cell is left to
    suppress, the total is (a total below `K` is suppressed anyway: nothing to subtract from)."""
    hidden = {name for name, n in cells.items() if n < K}
    if total < K or not hidden:
        return hidden, total < K
    if spare_cells:
        return hidden, len(hidden) == 1 or sum(cells[name] for name in hidden) < K
    shown = sorted((n, i, name) for i, (name, n) in enumerate(cells.items()) if name not in hidden)
    while len(hidden) == 1 or sum(cells[name] for name in hidden) < K:
        if not shown:
            return hidden, True
        hidden.add(shown.pop(0)[2])
    return hidden, False


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
    week_counts = {iso_week(first + timedelta(weeks=i)): weekly.get(
        iso_week(first + timedelta(weeks=i)), 0) for i in range(WEEKS)}
    totals = periods.journal_totals(conn)
    # The weeks add up to the reflections, less those written before them (shown or not)
    hidden_weeks, hide_total = complement(week_counts, totals["reflections"],
                                          totals["reflections"] - sum(week_counts.values()))
    weeks = {w: None if w in hidden_weeks else n for w, n in week_counts.items()}
    journal = {name: suppressed(n) for name, n in totals.items()}
    if hide_total:
        journal["reflections"] = None
    engines, runs = _engines(conn)
    # Each run answers with one mirrorback (bar a regenerated answer in the same words):
    # the mirrorbacks are, near enough, the runs of all engines added up. Where that would
    # give a small engine's runs away, the mirrorbacks are suppressed, not the engines.
    if complement(runs, sum(runs.values()), spare_cells=True)[1]:
        journal["mirrorbacks"] = None
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
        "journal": journal,
        "weeks": weeks,
        "patterns": {name: suppressed(patterns.get(name, 0)) for name in sorted(known_patterns)},
        "tensions": tensions,
        "engines": engines,
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


def _engines(conn: Any) -> tuple[dict[str, Any], dict[str, int]]:
    """The engines' part of the packet, and each one's runs (unsuppressed, for the group)."""
    runs = periods.run_rows(conn)
    checks = check_names()
    out: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for engine in ENGINES:
        mine = [r for r in runs if r[0] == engine]
        n = len(mine)
        statuses = Counter(r[2] for r in mine)
        flagged = Counter(f for r in mine for f in set(r[3]) if f in checks)
        # The statuses add up to the runs: a rate with its denominator shown is a count
        hidden, hide_runs = complement({s: statuses.get(s, 0) for s in STATUSES}, n)
        out[engine] = {
            "runs": None if hide_runs else suppressed(n),
            "status_rates": {s: None if s in hidden or hide_runs else rate(statuses.get(s, 0), n)
                             for s in STATUSES},
            "flag_rates": {c: rate(flagged.get(c, 0), n) for c in checks},
            "tokens_in": suppressed(sum(r[5] for r in mine)) if n >= K else None,
            "tokens_out": suppressed(sum(r[6] for r in mine)) if n >= K else None,
        }
        counts[engine] = n
    other = len([r for r in runs if r[0] not in ENGINES])
    out["other"] = {"runs": suppressed(other)}
    counts["other"] = other
    return out, counts


def _feedback(conn: Any) -> dict[str, Any]:
    rows = periods.feedback_rows(conn)
    ratings = Counter(r for r, _ in rows if r is not None)
    # 'inaccurate:NAME' names the label an 'inaccurate' beside it was about: not a flag
    flags = Counter(f if f in FEEDBACK_FLAGS else "other" for _, fs in rows for f in set(fs)
                    if not is_misread_flag(f))
    # The ratings add up to the entries, less those given without a rating
    cells = {str(i): ratings.get(i, 0) for i in range(1, 6)}
    hidden, hide_entries = complement(cells, len(rows), len(rows) - sum(cells.values()))
    return {
        "entries": None if hide_entries else suppressed(len(rows)),
        "ratings": {name: None if name in hidden else n for name, n in cells.items()},
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

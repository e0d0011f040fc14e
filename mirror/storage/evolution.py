"""Evolution's tables (migration 009): the versioned engine profile, proposals and their
history, and the window queries the critics read.

Everything here is plain SQL over the journal; the decisions (what a proposal is, whether
it may be approved) belong to `mirror.services.evolution`. Profiles are kept whole and
never rewritten: a rollback makes an earlier body the one in force again, so the profile
after a rollback is byte for byte the one before the change.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import nullcontext

from mirror.clock import Clock, utc_iso
from mirror.errors import InvalidInput, NotFound
from mirror.storage import audit
from mirror.storage.db import transaction

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

PROPOSAL_COLUMNS = ("id", "kind", "title", "status", "change", "evidence", "prediction",
                    "verdict", "origin", "fingerprint", "created_at", "updated_at",
                    "applied_at", "profile_before", "profile_after")
_JSON_COLUMNS = ("change", "evidence", "prediction", "verdict")
#: Feedback flags and check names that count as the mirror prescribing (I2).
DIRECTIVE_CHECKS = ("directive_ratio", "explicit_advice")
_FLAGGED = ("(flags != '[]' AND EXISTS (SELECT 1 FROM json_each(flags) WHERE value IN ("
            + ", ".join(f"'{c}'" for c in DIRECTIVE_CHECKS) + ")))")
#: The flag that names which pattern label misread the person ('inaccurate:obligation',
#: kept beside 'inaccurate' by `mirror feedback --label` and the TUI's flag dialog): the
#: service writes it, the critics and telemetry leave it out of the flag counts, and the
#: queries below count it against that label only. (Here, on the path every reflect already
#: loads, rather than in a module of its own.)
MISREAD_PREFIX = "inaccurate:"


def misread_flag(pattern: str) -> str:
    """The flag saying the label `pattern` misread the person."""
    return MISREAD_PREFIX + pattern


def is_misread_flag(flag: str) -> bool:
    """Whether a feedback flag names a misread label rather than being a flag itself."""
    return flag.startswith(MISREAD_PREFIX)


#: Feedback `fb` flagged 'inaccurate' for the pattern row `p`: for every pattern of the
#: reflection, unless the person named the labels that misread them ('inaccurate:NAME').
_INACCURATE_FOR = (
    "EXISTS (SELECT 1 FROM json_each(fb.flags) WHERE value = 'inaccurate')"
    f" AND (NOT EXISTS (SELECT 1 FROM json_each(fb.flags) WHERE value LIKE '{MISREAD_PREFIX}%')"
    f"      OR EXISTS (SELECT 1 FROM json_each(fb.flags) WHERE value = '{MISREAD_PREFIX}' || p.pattern))")


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class EvolutionStore:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock

    def _tx(self) -> Any:
        """Join the caller's transaction if one is open, else open our own."""
        return nullcontext(self.conn) if self.conn.in_transaction else transaction(self.conn)

    # -- the profile ---------------------------------------------------------------------------
    def profile_in_force(self) -> tuple[int, str]:
        """(version, body) of the profile the engine answers with now."""
        row = self.conn.execute(
            "SELECT p.version, p.body FROM engine_profile_in_force f"
            " JOIN engine_profiles p ON p.version = f.version WHERE f.id = 1").fetchone()
        return (int(row[0]), str(row[1])) if row else (1, "{}")

    def profile_since(self) -> str | None:
        row = self.conn.execute("SELECT since FROM engine_profile_in_force WHERE id = 1").fetchone()
        return str(row[0]) if row else None

    def profile(self, version: int) -> str:
        row = self.conn.execute("SELECT body FROM engine_profiles WHERE version = ?",
                                (version,)).fetchone()
        if row is None:
            raise NotFound(f"no engine profile version {version}")
        return str(row[0])

    def profiles(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT version, created_at, proposal_id, reason FROM engine_profiles ORDER BY version")
        return [dict(r) for r in rows]

    def add_profile(self, body: str, proposal_id: str | None, reason: str) -> int:
        """Store a new profile body and put it in force; joins the caller's transaction."""
        now = utc_iso(self.clock.now())
        with self._tx():
            version = int(self.conn.execute(
                "SELECT coalesce(max(version), 0) + 1 FROM engine_profiles").fetchone()[0])
            self.conn.execute(
                "INSERT INTO engine_profiles (version, body, created_at, proposal_id, reason)"
                " VALUES (?, ?, ?, ?, ?)", (version, body, now, proposal_id, reason))
            self.put_in_force(version)
        return version

    def put_in_force(self, version: int) -> None:
        self.profile(version)  # NotFound for a version never stored
        now = utc_iso(self.clock.now())
        with self._tx():
            self.conn.execute(
                "INSERT INTO engine_profile_in_force (id, version, since) VALUES (1, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
                " since = excluded.since", (version, now))

    def stamp_run(self, run_id: str, version: int) -> None:
        """Record which profile answered a run (in the caller's transaction)."""
        self.conn.execute("UPDATE engine_runs SET profile_version = ? WHERE id = ?",
                          (version, run_id))

    # -- proposals -----------------------------------------------------------------------------
    def add_proposal(self, record: dict[str, Any], note: str) -> str:
        """Insert a proposal (its `status` as given) with the first history step, audited."""
        now = utc_iso(self.clock.now())
        proposal_id = self.clock.new_id()
        values = {**record, "id": proposal_id, "created_at": now, "updated_at": now}
        for key in _JSON_COLUMNS:
            values[key] = _j(values.get(key, {}))
        columns = [c for c in PROPOSAL_COLUMNS if c in values]
        with self._tx():
            self.conn.execute(
                f"INSERT INTO evolution_proposals ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})", [values[c] for c in columns])
            self._step(proposal_id, None, values["status"], note, now)
        return proposal_id

    def open_fingerprints(self, since: str) -> set[str]:
        """Changes not to propose again: those still open, and those rejected or rolled back
        since `since` (the window start: they come back only on evidence newer than the
        person's no)."""
        rows = self.conn.execute(
            "SELECT fingerprint FROM evolution_proposals"
            " WHERE status NOT IN ('rejected', 'rolled_back') OR updated_at >= ?", (since,))
        return {r[0] for r in rows}

    def proposal(self, prefix: str) -> dict[str, Any]:
        """One proposal by ID or unique prefix (NotFound otherwise)."""
        rows = self.conn.execute(
            "SELECT * FROM evolution_proposals WHERE id >= ? AND id < ? || x'ff' LIMIT 2",
            (prefix, prefix)).fetchall() if prefix else []
        if not rows:
            raise NotFound(f"no proposal {prefix!r}")
        if len(rows) > 1:
            raise NotFound(f"proposal prefix {prefix!r} is ambiguous: give more characters")
        return self._decode(rows[0])

    def proposals(self, status: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM evolution_proposals"
        args: tuple[Any, ...] = ()
        if status:
            sql += " WHERE status = ?"
            args = (status,)
        rows = self.conn.execute(sql + " ORDER BY created_at DESC, id", args)
        return [self._decode(r) for r in rows]

    def _decode(self, row: sqlite3.Row) -> dict[str, Any]:
        data = dict(row)
        for key in _JSON_COLUMNS:
            data[key] = json.loads(data[key])
        return data

    def history(self, proposal_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT at, from_status, to_status, note FROM evolution_history"
            " WHERE proposal_id = ? ORDER BY seq", (proposal_id,))
        return [dict(r) for r in rows]

    def move(self, proposal_id: str, from_status: str, to_status: str, note: str,
             **fields: Any) -> None:
        """One lifecycle step: the status (only from `from_status`: a second process that
        moved it first wins), extra columns, a history row and an audit entry, together."""
        now = utc_iso(self.clock.now())
        for key in fields:
            if key not in PROPOSAL_COLUMNS or key in ("id", "status"):
                raise ValueError(f"not a proposal column: {key}")
        sets = ", ".join(f"{k} = ?" for k in fields)
        values = [(_j(v) if k in _JSON_COLUMNS else v) for k, v in fields.items()]
        with self._tx():
            changed = self.conn.execute(
                "UPDATE evolution_proposals SET status = ?, updated_at = ?"
                + (f", {sets}" if sets else "") + " WHERE id = ? AND status = ?",
                (to_status, now, *values, proposal_id, from_status)).rowcount
            if not changed:
                raise InvalidInput(f"proposal {proposal_id[:8]} is no longer {from_status}")
            self._step(proposal_id, from_status, to_status, note, now)

    def _step(self, proposal_id: str, from_status: str | None, to_status: str, note: str,
              now: str) -> None:
        self.conn.execute(
            "INSERT INTO evolution_history (proposal_id, at, from_status, to_status, note)"
            " VALUES (?, ?, ?, ?, ?)", (proposal_id, now, from_status, to_status, note))
        audit.append(self.conn, now, f"evolution_{to_status}", "proposal", proposal_id,
                     {"from": from_status, "note": note})

    # -- what the critics read -----------------------------------------------------------------
    def _window_column(self, since: str, until: str) -> str:
        """`started_at`, or `+started_at` (no index: a plain table scan) when the window
        holds most runs, which the index would otherwise fetch row by row."""
        inside = self.conn.execute(
            "SELECT count(*) FROM engine_runs WHERE started_at >= ? AND started_at < ?",
            (since, until)).fetchone()[0]
        total = self.conn.execute("SELECT count(*) FROM engine_runs").fetchone()[0]
        return "+started_at" if inside * 4 > total else "started_at"

    def window_groups(self, since: str, until: str) -> list[tuple[Any, ...]]:
        """The window's runs in one pass, grouped small: per (engine, whole milliseconds,
        flags JSON): runs, fallbacks, care, errors, model runs passing at the first
        attempt, retries, tokens in, tokens out. Reading the table once is most of the
        cost at 100k runs; the groups are few (durations to the millisecond, a handful of
        flag sets). Attempts JSON is read only for model runs (the offline engine answers
        in one attempt)."""
        col = self._window_column(since, until)
        return self.conn.execute(
            "SELECT engine, CAST(duration_ms AS INTEGER), flags, count(*),"
            " sum(status = 'fallback'), sum(status = 'care'), sum(status = 'error'),"
            " sum(CASE WHEN engine != 'offline'"
            "     THEN json_extract(attempts, '$[0].outcome') = 'passed' ELSE 0 END),"
            " sum(CASE WHEN engine != 'offline'"
            "     THEN max(json_array_length(attempts) - 1, 0) ELSE 0 END),"
            " sum(tokens_in), sum(tokens_out)"
            f" FROM engine_runs WHERE {col} >= ? AND {col} < ?"
            " GROUP BY 1, 2, 3", (since, until)).fetchall()

    def example_runs(self, since: str, until: str, engine: str, limit: int = 5) -> list[str]:
        """The newest runs of `engine` with a directive flag (newest first, via the index)."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM engine_runs WHERE started_at >= ? AND started_at < ? AND engine = ?"
            f" AND {_FLAGGED} ORDER BY started_at DESC LIMIT ?", (since, until, engine, limit))]

    def directive_runs(self, since: str, until: str, engine: str | None = None,
                       profile_version: int | None = None) -> tuple[int, int]:
        """(model runs, runs with a directive flag) in a window, optionally for one engine
        and answered by `profile_version` or a later one (one built on it, holding the
        same change): the measured effect of an applied change."""
        where = " WHERE started_at >= ? AND started_at < ? AND engine != 'offline'"
        args: list[Any] = [since, until]
        if engine:
            where += " AND engine = ?"
            args.append(engine)
        if profile_version is not None:
            where += " AND profile_version >= ?"
            args.append(profile_version)
        total, hits = self.conn.execute(
            f"SELECT count(*), coalesce(sum({_FLAGGED}), 0) FROM engine_runs" + where,
            args).fetchone()
        return int(total), int(hits)

    def feedback_texts(self, since: str, until: str) -> list[tuple[str, str]]:
        """(flags JSON, the reflection's text) of the feedback given in [since, until) on
        mirrorbacks written in that window too: the measured effect of a lexicon overlay
        counts, among them, those on reflections holding the dropped cue. The text is only
        read to count; nothing here returns it to a proposal."""
        return self.conn.execute(
            "SELECT fb.flags, r.content FROM engine_feedback fb"
            " JOIN mirrorbacks m ON m.id = fb.mirrorback_id"
            " JOIN reflections r ON r.id = m.reflection_id"
            " WHERE fb.created_at >= ? AND fb.created_at < ?"
            " AND m.created_at >= ? AND m.created_at < ?", (since, until, since, until)).fetchall()

    def feedback_flagged(self, since: str, until: str, flag: str) -> tuple[int, int]:
        """(feedback given in [since, until) on mirrorbacks written in that window, of which
        flagged `flag`): the measured effect of a stricter check threshold."""
        total, hits = self.conn.execute(
            "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM json_each(fb.flags)"
            " WHERE value = ?)), 0) FROM engine_feedback fb"
            " JOIN mirrorbacks m ON m.id = fb.mirrorback_id"
            " WHERE fb.created_at >= ? AND fb.created_at < ?"
            " AND m.created_at >= ? AND m.created_at < ?",
            (flag, since, until, since, until)).fetchone()
        return int(total), int(hits)

    def care_dismissed_share(self, since: str, until: str) -> tuple[int, int]:
        """(reflections written in [since, until), those whose gentle care line the person
        dismissed): the measured effect of a care exclusion."""
        written, dismissed = self.conn.execute(
            "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM care_dismissals d"
            " JOIN care_markers cm ON cm.reflection_id = d.reflection_id"
            " WHERE d.reflection_id = r.id AND cm.tier = 'gentle')), 0)"
            " FROM reflections r WHERE r.created_at >= ? AND r.created_at < ?",
            (since, until)).fetchone()
        return int(written), int(dismissed)

    def axis_observed(self, since: str, until: str, axis_a: str, axis_b: str) -> int:
        """The reflections Mirror observed on the tension axis (either order, any case) in
        [since, until): the measured effect of an approved tension axis."""
        return int(self.conn.execute(
            "SELECT count(DISTINCT o.reflection_id) FROM tension_observations o"
            " JOIN tensions t ON t.id = o.tension_id"
            " WHERE ((lower(t.axis_a) = lower(?) AND lower(t.axis_b) = lower(?))"
            "     OR (lower(t.axis_a) = lower(?) AND lower(t.axis_b) = lower(?)))"
            " AND o.observed_at >= ? AND o.observed_at < ?",
            (axis_a, axis_b, axis_b, axis_a, since, until)).fetchone()[0])

    def axis_named(self, since: str, until: str, axis_a: str, axis_b: str) -> tuple[int, list[tuple[str, str]]]:
        """(reflections written in [since, until), (ID, text) of those holding both pole
        words): the caller counts those naming both poles in one sentence. The text is read
        only to count, never returned further."""
        written = self.conn.execute("SELECT count(*) FROM reflections WHERE created_at >= ?"
                                    " AND created_at < ?", (since, until)).fetchone()[0]
        return int(written), self._holding_both(since, until, axis_a, axis_b)

    def ended_at(self, proposal_id: str) -> str | None:
        """When an applied change stopped being in force (its rollback), if it did."""
        row = self.conn.execute(
            "SELECT max(at) FROM evolution_history WHERE proposal_id = ?"
            " AND to_status = 'rolled_back'", (proposal_id,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def feedback_rows(self, since: str, until: str) -> list[tuple[int | None, str]]:
        """(rating, flags JSON) of the feedback given in the window."""
        return self.conn.execute(
            "SELECT rating, flags FROM engine_feedback WHERE created_at >= ? AND created_at < ?",
            (since, until)).fetchall()

    def inaccurate_cues(self, since: str, until: str) -> list[tuple[str, str, int, str]]:
        """(pattern, matched cue, times flagged inaccurate, one mirrorback ID): the patterns
        Mirror found in reflections whose mirrorback the person flagged 'inaccurate' (only
        the labels they named, when they named some). The cue is the lexicon phrase that
        matched (lower-cased), never the surrounding text."""
        return self.conn.execute(
            "SELECT p.pattern, lower(json_extract(e.value, '$.text')) AS cue,"
            " count(DISTINCT fb.id), max(m.id)"
            " FROM engine_feedback fb JOIN mirrorbacks m ON m.id = fb.mirrorback_id"
            " JOIN reflection_patterns p ON p.reflection_id = m.reflection_id,"
            " json_each(p.evidence) e"
            " WHERE fb.created_at >= ? AND fb.created_at < ?"
            f" AND {_INACCURATE_FOR}"
            " GROUP BY p.pattern, cue ORDER BY 3 DESC, 1, 2", (since, until)).fetchall()

    def inaccurate_examples(self, since: str, until: str, pattern: str, cue: str,
                            limit: int = 5) -> list[str]:
        """The newest mirrorbacks (IDs) the person flagged inaccurate where `pattern` was
        read on `cue`: the evidence of a lexicon overlay, to look up with `mirror show`."""
        return [r[0] for r in self.conn.execute(
            "SELECT m.id FROM engine_feedback fb JOIN mirrorbacks m ON m.id = fb.mirrorback_id"
            " JOIN reflection_patterns p ON p.reflection_id = m.reflection_id,"
            " json_each(p.evidence) e"
            " WHERE fb.created_at >= ? AND fb.created_at < ? AND p.pattern = ?"
            " AND lower(json_extract(e.value, '$.text')) = ?"
            f" AND {_INACCURATE_FOR}"
            " GROUP BY m.id ORDER BY max(fb.created_at) DESC, m.id LIMIT ?",
            (since, until, pattern, cue, limit))]

    def care_dismissal_rows(self, since: str, until: str) -> list[tuple[str, str, str]]:
        """(tier, signals JSON, reflection ID) of the care alarms dismissed in the window."""
        return self.conn.execute(
            "SELECT cm.tier, cm.signals, d.reflection_id FROM care_dismissals d"
            " JOIN care_markers cm ON cm.reflection_id = d.reflection_id"
            " WHERE d.dismissed_at >= ? AND d.dismissed_at < ?", (since, until)).fetchall()

    def user_axes(self, since: str, until: str) -> list[tuple[str, str, list[str], list[tuple[str, str]]]]:
        """Tension axes the person created by hand: (axis_a, axis_b, the reflections in the
        window Mirror observed on it, (ID, text) of those in the window holding both pole
        words). The text is read only for the caller to count, never returned further."""
        out = []
        for tension_id, axis_a, axis_b in self.conn.execute(
                "SELECT id, axis_a, axis_b FROM tensions WHERE origin = 'user_created'"
                " ORDER BY created_at, id").fetchall():
            observed = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT reflection_id FROM tension_observations WHERE tension_id = ?"
                " AND observed_at >= ? AND observed_at < ?", (tension_id, since, until))]
            out.append((axis_a, axis_b, observed, self._holding_both(since, until, axis_a, axis_b)))
        return out

    def _holding_both(self, since: str, until: str, a: str, b: str) -> list[tuple[str, str]]:
        """(ID, text) of the window's reflections whose text holds both `a` and `b`: a
        superset the caller narrows to whole words in one sentence. A window holding a
        small share of the journal is read by date; a large one through the full-text
        index (both words), which skips most texts. A pole with no letter or digit is
        never a word of a reflection: none."""
        if not all(any(ch.isalnum() for ch in pole) for pole in (a, b)):
            return []
        inside = self.conn.execute("SELECT count(*) FROM reflections WHERE created_at >= ?"
                                   " AND created_at < ?", (since, until)).fetchone()[0]
        total = self.conn.execute("SELECT max(seq) FROM reflections").fetchone()[0] or 0
        if inside * 4 > total:
            def phrase(words: str) -> str:
                return '"' + words.replace('"', '""') + '"'

            return self.conn.execute(
                "SELECT r.id, r.content FROM reflections_fts f"
                " JOIN reflections r ON r.seq = f.rowid WHERE reflections_fts MATCH ?"
                " AND r.created_at >= ? AND r.created_at < ?",
                (f"{phrase(a)} AND {phrase(b)}", since, until)).fetchall()
        return self.conn.execute(
            "SELECT id, content FROM reflections WHERE created_at >= ? AND created_at < ?"
            " AND instr(lower(content), lower(?)) AND instr(lower(content), lower(?))",
            (since, until, a, b)).fetchall()

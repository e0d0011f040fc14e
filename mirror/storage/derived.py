"""What the engine derives from reflections: patterns, tensions and their observations,
mirrorbacks, engine runs, feedback, care markers, and the constitution in force.

Derived records can be regenerated at any time from the text, so `replace_analysis`
swaps a reflection's whole analysis in one transaction rather than patching it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from mirror.clock import Clock, utc_iso
from mirror.constitution import pattern_label
from mirror.errors import InvalidInput, NotFound
from mirror.hashing import sha256_hex
from mirror.models.derived import CareDismissal, Mirrorback, PatternMark, Span, TensionMark
from mirror.storage import audit
from mirror.storage.db import transaction

TYPE_CHECKING = False  # typing's flag without importing typing (`show` reads this module)
if TYPE_CHECKING:
    from typing import Any

    from mirror.models.insights import Feedback, PatternCount, Tension, TrajectoryPoint
    from mirror.storage.analysis_records import AnalysisRecord

#: The records an analysis is stored as (named tuples: `typing` to define them, so they live
#: in `analysis_records`, which `show` and `list` never import); still found here by name.
_ANALYSIS_RECORDS = ("PatternRecord", "ObservationRecord", "CareRecord", "AnalysisRecord")


def __getattr__(name: str) -> object:
    if name in _ANALYSIS_RECORDS:
        from mirror.storage import analysis_records  # see _ANALYSIS_RECORDS

        return getattr(analysis_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def text_sha256(text: str) -> str:
    """The hash a mirrorback keeps of the text it answered (`answered_text_sha256`)."""
    return sha256_hex(text.encode("utf-8"))


def _spans(evidence_json: str) -> tuple[Span, ...]:
    return tuple(Span.from_json(item) for item in json.loads(evidence_json))


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class MirrorbackRecord:
    """A mirrorback to store, with the checks' verdict and what produced it."""

    content: str
    engine: str
    engine_version: str
    answered_text_sha256: str
    verdict: str                      # passed | failed | care
    flags: list[str] = field(default_factory=list)
    model: str | None = None
    constitution_version: str | None = None
    prompt_version: str | None = None


@dataclass(frozen=True)
class RunRecord:
    """One engine run to log: timing, outcome, tokens and the attempts made."""

    engine: str
    duration_ms: float
    status: str                       # ok | fallback | care | error
    final_source: str | None = None
    patterns: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    tokens_in: int = 0
    tokens_out: int = 0
    route_reason: str | None = None
    attempts: list[dict[str, Any]] = field(default_factory=list)


class DerivedStore:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock

    # -- writing -----------------------------------------------------------------------------
    def replace_analyses(self, items: Iterable[AnalysisRecord]) -> None:
        """Swap the analyses of many reflections. Batched statements, because imports and
        `analyze --all` write hundreds of thousands of rows. Runs in the caller's
        transaction if there is one."""
        now = utc_iso(self.clock.now())
        new_id = self.clock.new_id
        ids: list[tuple[str]] = []
        pattern_rows: list[tuple] = []
        observation_rows: list[tuple] = []
        care_rows: list[tuple] = []
        readings: list[tuple] = []
        tension_ids: dict[tuple[str, str], str] = {}
        with self._tx():
            for reflection_id, patterns, observations, care, observed_at, reading in items:
                ids.append((reflection_id,))
                if reading is not None:
                    readings.append((reflection_id, *reading))
                pattern_rows += [(new_id(), reflection_id, p.pattern, p.evidence_json, now)
                                 for p in patterns]
                for o in observations:
                    key = (o.axis_a, o.axis_b)
                    if key not in tension_ids:
                        tension_ids[key] = self._tension_id(o.axis_a, o.axis_b, o.origin, now)
                    observation_rows.append((new_id(), tension_ids[key], reflection_id, o.position,
                                             o.intensity, o.evidence_json, observed_at or now))
                if care is not None:
                    care_rows.append((reflection_id, _j(list(care.signals)), now, care.tier,
                                      float(care.score), care.language))
            renewed = self._renew_same_patterns(ids, pattern_rows)
            if renewed:
                kept = set(renewed)
                ids_changed = [i for i in ids if i[0] not in kept]
                pattern_rows = [row for row in pattern_rows if row[1] not in kept]
            else:
                ids_changed = ids
            self.conn.executemany("DELETE FROM reflection_patterns WHERE reflection_id = ?", ids_changed)
            self.conn.executemany("DELETE FROM tension_observations WHERE reflection_id = ?", ids)
            # A model's care sentinel is not re-derivable from the text: it stays unless the
            # detector now finds something itself (which replaces it).
            self.conn.executemany(
                "DELETE FROM care_markers WHERE reflection_id = ? AND source = 'detector'", ids)
            self.conn.executemany(
                "INSERT INTO reflection_patterns (id, reflection_id, pattern, evidence, detected_at)"
                " VALUES (?, ?, ?, ?, ?)", pattern_rows)
            self.conn.executemany(
                "INSERT INTO tension_observations (id, tension_id, reflection_id, position,"
                " intensity, evidence, observed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", observation_rows)
            self.conn.executemany(
                "INSERT OR REPLACE INTO care_markers (reflection_id, signals, detected_at, tier,"
                " score, language, source) VALUES (?, ?, ?, ?, ?, ?, 'detector')", care_rows)
            self.conn.executemany(
                "INSERT OR REPLACE INTO care_readings (reflection_id, detector, text_digest, finding)"
                " VALUES (?, ?, ?, ?)", readings)

    def _renew_same_patterns(self, ids: list[tuple[str]], pattern_rows: list[tuple]) -> list[str]:
        """Rewrite in place the pattern rows of the reflections whose stored patterns are
        the ones found again, in the same order (re-deriving a journal finds most of them
        unchanged): each row takes its new ID, evidence and time, as a new row would, but
        the per-day counts' triggers (which fire on a pattern row's insertion, deletion or
        change of pattern) are not run twice per row for a count that stays the same.
        Returns those reflections' IDs; the caller replaces the others' rows."""
        wanted = [i[0] for i in ids]
        if len(set(wanted)) != len(wanted):
            return []  # a reflection twice in one batch: replaced the plain way
        new: dict[str, list[tuple]] = {}
        for row in pattern_rows:
            new.setdefault(row[1], []).append(row)
        old: dict[str, list[tuple[int, str]]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for rowid, reflection_id, pattern in self.conn.execute(
                    "SELECT rowid, reflection_id, pattern FROM reflection_patterns"
                    f" WHERE reflection_id IN ({','.join('?' * len(chunk))})"
                    " ORDER BY reflection_id, rowid", chunk):
                old.setdefault(reflection_id, []).append((rowid, pattern))
        same: list[str] = []
        updates: list[tuple] = []
        for reflection_id in wanted:
            before, after = old.get(reflection_id, []), new.get(reflection_id, [])
            if before and [p for _, p in before] == [row[2] for row in after]:
                same.append(reflection_id)
                updates += [(row[0], row[3], row[4], rowid) for (rowid, _), row in zip(before, after)]
        self.conn.executemany(
            "UPDATE reflection_patterns SET id = ?, evidence = ?, detected_at = ? WHERE rowid = ?",
            updates)
        return same

    def _tension_id(self, axis_a: str, axis_b: str, origin: str, now: str) -> str:
        """The existing tension on this axis pair (either order), else a new one: a tension
        seen again is an observation of the same tension, never a duplicate."""
        row = self.conn.execute(
            "SELECT id FROM tensions WHERE (axis_a = ? AND axis_b = ?) OR (axis_a = ? AND axis_b = ?)",
            (axis_a, axis_b, axis_b, axis_a)).fetchone()
        if row:
            return row[0]
        tension_id = self.clock.new_id()
        self.conn.execute(
            "INSERT INTO tensions (id, axis_a, axis_b, origin, created_at) VALUES (?, ?, ?, ?, ?)",
            (tension_id, axis_a, axis_b, origin, now))
        return tension_id

    def create_tension(self, axis_a: str, axis_b: str, origin: str = "user_created") -> Tension:
        axis_a, axis_b = axis_a.strip(), axis_b.strip()
        if not axis_a or not axis_b:
            raise InvalidInput("a tension needs two poles, e.g. control surrender")
        if axis_a.casefold() == axis_b.casefold():
            raise InvalidInput("a tension needs two different poles")
        with self._tx():
            if self.conn.execute(
                "SELECT 1 FROM tensions WHERE (lower(axis_a) = lower(?) AND lower(axis_b) = lower(?))"
                " OR (lower(axis_a) = lower(?) AND lower(axis_b) = lower(?))",
                (axis_a, axis_b, axis_b, axis_a)).fetchone():
                raise InvalidInput(f"the tension {axis_a} ↔ {axis_b} already exists")
            tension_id = self._tension_id(axis_a, axis_b, origin, utc_iso(self.clock.now()))
        return self.tension(tension_id)

    def add_mirrorback(self, reflection_id: str, m: MirrorbackRecord) -> str:
        mirrorback_id = self.clock.new_id()
        with self._tx():
            self.conn.execute(
                "INSERT INTO mirrorbacks (id, reflection_id, content, engine, engine_version, model,"
                " constitution_version, prompt_version, answered_text_sha256, verdict, flags,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (mirrorback_id, reflection_id, m.content, m.engine, m.engine_version, m.model,
                 m.constitution_version, m.prompt_version, m.answered_text_sha256, m.verdict,
                 _j(m.flags), utc_iso(self.clock.now())))
        return mirrorback_id

    def add_run(self, reflection_id: str | None, r: RunRecord, started_at: str | None = None) -> str:
        run_id = self.clock.new_id()
        with self._tx():
            self.conn.execute(
                "INSERT INTO engine_runs (id, reflection_id, engine, final_source, started_at,"
                " duration_ms, patterns, flags, tokens_in, tokens_out, status, route_reason, attempts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, reflection_id, r.engine, r.final_source,
                 started_at or utc_iso(self.clock.now()), max(0.0, r.duration_ms), _j(r.patterns),
                 _j(r.flags), r.tokens_in, r.tokens_out, r.status, r.route_reason, _j(r.attempts)))
        return run_id

    def add_feedback(self, mirrorback_id: str, rating: int | None, flags: list[str],
                     note: str | None) -> Feedback:
        if rating is None and not flags and not note:
            raise InvalidInput("feedback needs a rating, a flag or a note")
        if rating is not None and not 1 <= rating <= 5:
            raise InvalidInput("the rating must be between 1 and 5")
        feedback_id = self.clock.new_id()
        now = utc_iso(self.clock.now())
        with self._tx():
            self.conn.execute(
                "INSERT INTO engine_feedback (id, mirrorback_id, rating, flags, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)", (feedback_id, mirrorback_id, rating, _j(flags), note, now))
        from mirror.models.insights import Feedback  # records over time: not built by reflect, list or show

        return Feedback(feedback_id, mirrorback_id, rating, tuple(flags), note, now)

    def record_constitution(self, version: str, genesis_sha256: str) -> bool:
        """Record the installed constitution as in force if it is new. Returns True if new."""
        if self.conn.execute("SELECT 1 FROM constitution_versions WHERE version = ?",
                             (version,)).fetchone():
            return False
        with self._tx():
            self.conn.execute(
                "INSERT OR IGNORE INTO constitution_versions (version, genesis_sha256, adopted_at, how)"
                " VALUES (?, ?, ?, 'installed')", (version, genesis_sha256, utc_iso(self.clock.now())))
        return True

    def record_model_care(self, reflection_id: str, language: str | None) -> None:
        """A model answered with the care sentinel: mark the reflection for care (in the
        caller's transaction). A detector's own marker, if any, is kept."""
        with self._tx():
            self.conn.execute(
                "INSERT OR IGNORE INTO care_markers (reflection_id, signals, detected_at, tier,"
                " score, language, source) VALUES (?, '[]', ?, 'care', 1.0, ?, 'model')",
                (reflection_id, utc_iso(self.clock.now()), language))

    def dismiss_care(self, reflection_id: str) -> CareDismissal:
        """Clear a false alarm on one reflection, as it reads now; audited. Raises NotFound
        when the reflection has no care marker to dismiss."""
        row = self.conn.execute(
            "SELECT cm.tier, r.updated_at FROM care_markers cm JOIN reflections r"
            " ON r.id = cm.reflection_id WHERE cm.reflection_id = ?", (reflection_id,)).fetchone()
        if row is None:
            raise NotFound(f"reflection {reflection_id[:8]} has no care marker to dismiss")
        now = utc_iso(self.clock.now())
        with self._tx():
            self.conn.execute(
                "INSERT OR REPLACE INTO care_dismissals (reflection_id, reflection_updated_at,"
                " dismissed_at) VALUES (?, ?, ?)", (reflection_id, row[1], now))
            audit.append(self.conn, now, "care_dismiss", "reflection", reflection_id,
                         {"tier": row[0]})
        return CareDismissal(reflection_id, row[0], now)

    # -- reading -----------------------------------------------------------------------------
    def care_for(self, reflection_id: str) -> dict[str, Any] | None:
        """The reflection's care marker with its evidence, or None; `dismissed` is True
        when the person cleared it for the text as it reads now."""
        row = self.conn.execute(
            "SELECT cm.tier, cm.score, cm.signals, cm.source, cm.language, cm.detected_at,"
            " d.dismissed_at FROM care_markers cm JOIN reflections r ON r.id = cm.reflection_id"
            " LEFT JOIN care_dismissals d ON d.reflection_id = cm.reflection_id"
            " AND d.reflection_updated_at = r.updated_at WHERE cm.reflection_id = ?",
            (reflection_id,)).fetchone()
        if row is None:
            return None
        signals = json.loads(row[2])
        return {"tier": row[0], "score": row[1], "source": row[3], "language": row[4],
                "detected_at": row[5], "dismissed": row[6] is not None,
                "dismissed_at": row[6],
                "categories": list(dict.fromkeys(s.get("category") for s in signals
                                                 if isinstance(s, dict))),
                "signals": signals}

    def constitution_amendments(self) -> list[dict[str, Any]]:
        """Amendments this journal adopted through a migration, oldest first."""
        return [dict(r) for r in self.conn.execute(
            "SELECT version, summary, adopted_at, migration FROM constitution_amendments"
            " ORDER BY migration")]

    def constitution_history(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT version, genesis_sha256, adopted_at, how FROM constitution_versions ORDER BY adopted_at")]

    def mirrorbacks_for(self, reflection_id: str) -> list[Mirrorback]:
        """Oldest first, each marked with the version of the text it answered: after an edit
        the earlier mirrorbacks are kept, but they answer words that are no longer there,
        and the reader and `mirror show` say so (matched by the stored text hash)."""
        versions = self._text_versions(reflection_id)
        current = max(versions.values(), default=None)
        out = []
        for row in self.conn.execute(
                "SELECT * FROM mirrorbacks WHERE reflection_id = ? ORDER BY created_at", (reflection_id,)):
            mirrorback = self._mirrorback(row)
            version = versions.get(mirrorback.answered_text_sha256 or "")
            out.append(replace(mirrorback, answered_version=version,
                               outdated=None if version is None else version != current))
        return out

    def last_mirrorback_text(self, excluding: str) -> str | None:
        """The newest mirrorback of another reflection (the journal's last answer), so the
        next one does not close with the same question; one reverse step along the rowid."""
        row = self.conn.execute(
            "SELECT content FROM mirrorbacks WHERE reflection_id != ? AND verdict = 'passed'"
            " ORDER BY rowid DESC LIMIT 1", (excluding,)).fetchone()
        return str(row[0]) if row else None

    def _text_versions(self, reflection_id: str) -> dict[str, int]:
        """Text hash -> version number (earlier versions 1..n, the current text n+1). A text
        that came back after an edit counts as its newest version."""
        rows = self.conn.execute(
            "SELECT revision, content FROM reflection_revisions WHERE reflection_id = ?"
            " ORDER BY revision", (reflection_id,)).fetchall()
        current = self.conn.execute("SELECT content FROM reflections WHERE id = ?",
                                    (reflection_id,)).fetchone()
        texts = [(r[0], r[1]) for r in rows]
        if current is not None:
            texts.append((len(rows) + 1, current[0]))
        return {text_sha256(content): number for number, content in texts}

    def same_mirrorback(self, reflection_id: str, answered_text_sha256: str, content: str,
                        engine: str, model: str | None) -> str | None:
        """The ID of a stored mirrorback with exactly these words from the same engine and
        model for exactly this version of the reflection, if any: regenerating must not
        store the same answer twice (another model's identical words are its own answer)."""
        row = self.conn.execute(
            "SELECT id FROM mirrorbacks WHERE reflection_id = ? AND answered_text_sha256 = ?"
            " AND content = ? AND engine = ? AND model IS ? ORDER BY created_at LIMIT 1",
            (reflection_id, answered_text_sha256, content, engine, model)).fetchone()
        return row[0] if row else None

    def mirrorback(self, prefix: str) -> Mirrorback:
        prefix = prefix.strip().lower()
        rows = self.conn.execute("SELECT * FROM mirrorbacks WHERE id >= ? AND id < ? LIMIT 2",
                                 (prefix, prefix + "~")).fetchall() if len(prefix) >= 4 else []
        if not rows:
            raise NotFound(f"no mirrorback with ID {prefix}")
        if len(rows) > 1:
            raise NotFound(f"mirrorback ID prefix {prefix} is ambiguous: give more characters")
        return self._mirrorback(rows[0])

    @staticmethod
    def _mirrorback(row: sqlite3.Row) -> Mirrorback:
        return Mirrorback(
            id=row["id"], reflection_id=row["reflection_id"], content=row["content"],
            engine=row["engine"], verdict=row["verdict"], flags=tuple(json.loads(row["flags"])),
            model=row["model"], engine_version=row["engine_version"],
            constitution_version=row["constitution_version"],
            prompt_version=row["prompt_version"],
            answered_text_sha256=row["answered_text_sha256"], created_at=row["created_at"])

    def patterns_for(self, reflection_id: str) -> list[PatternMark]:
        return [PatternMark(r["pattern"], pattern_label(r["pattern"]), _spans(r["evidence"]))
                for r in self.conn.execute(
                    "SELECT pattern, evidence FROM reflection_patterns WHERE reflection_id = ?"
                    " ORDER BY pattern", (reflection_id,))]

    def tensions_for(self, reflection_id: str) -> list[TensionMark]:
        return [TensionMark(r["tension_id"], r["axis_a"], r["axis_b"], r["position"],
                            r["intensity"], _spans(r["evidence"]))
                for r in self.conn.execute(
                    "SELECT o.tension_id, t.axis_a, t.axis_b, o.position, o.intensity, o.evidence"
                    " FROM tension_observations o JOIN tensions t ON t.id = o.tension_id"
                    " WHERE o.reflection_id = ?", (reflection_id,))]

    def pattern_names(self, reflection_ids: list[str]) -> dict[str, list[str]]:
        """Pattern names per reflection, for a page of a listing (one query per page)."""
        if not reflection_ids:
            return {}
        marks = ",".join("?" * len(reflection_ids))
        found: dict[str, list[str]] = {}
        for row in self.conn.execute(
                f"SELECT reflection_id, pattern FROM reflection_patterns WHERE reflection_id IN ({marks})"
                " ORDER BY pattern", reflection_ids):
            found.setdefault(row[0], []).append(row[1])
        return found

    def is_care(self, reflection_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM care_markers WHERE reflection_id = ? AND tier = 'care'",
                                 (reflection_id,)).fetchone() is not None

    def tensions(self) -> list[Tension]:
        return [self._tension_row(r) for r in self.conn.execute(
            f"{_TENSIONS} GROUP BY t.id ORDER BY observations DESC, t.created_at")]

    def tension(self, prefix_or_id: str) -> Tension:
        key = prefix_or_id.strip().lower()
        rows = self.conn.execute(f"{_TENSIONS} WHERE t.id >= ? AND t.id < ? GROUP BY t.id LIMIT 2",
                                 (key, key + "~")).fetchall() if len(key) >= 4 else []
        if not rows:
            raise NotFound(f"no tension with ID {prefix_or_id}")
        if len(rows) > 1:
            raise NotFound(f"tension ID prefix {prefix_or_id} is ambiguous: give more characters")
        return self._tension_row(rows[0])

    def find_tension(self, axis_a: str, axis_b: str) -> Tension:
        row = self.conn.execute(
            f"{_TENSIONS} WHERE (lower(t.axis_a) = lower(?) AND lower(t.axis_b) = lower(?))"
            " OR (lower(t.axis_a) = lower(?) AND lower(t.axis_b) = lower(?)) GROUP BY t.id",
            (axis_a, axis_b, axis_b, axis_a)).fetchone()
        if row is None:
            raise NotFound(f"no tension {axis_a} ↔ {axis_b}")
        return self._tension_row(row)

    @staticmethod
    def _tension_row(row: sqlite3.Row) -> Tension:
        from mirror.models.insights import Tension  # records over time: not built by reflect, list or show

        return Tension(id=row["id"], axis_a=row["axis_a"], axis_b=row["axis_b"],
                       origin=row["origin"], created_at=row["created_at"],
                       observations=row["observations"], last_observed=row["last_observed"],
                       mean_position=row["mean_position"], mean_intensity=row["mean_intensity"])

    def trajectory(self, tension_id: str) -> list[TrajectoryPoint]:
        from mirror.models.insights import TrajectoryPoint  # records over time: not built by reflect, list or show

        return [TrajectoryPoint(r["reflection_id"], r["observed_at"], r["position"], r["intensity"])
                for r in self.conn.execute(
            "SELECT o.reflection_id, o.observed_at, o.position, o.intensity FROM tension_observations o"
            " WHERE o.tension_id = ? ORDER BY o.observed_at", (tension_id,))]

    def pattern_counts(self, since: str | None, bucket: str) -> list[PatternCount]:
        """Pattern frequency per period (by the reflection's own date, not detection time),
        from the counts kept per day (`storage.stats`)."""
        if bucket not in ("day", "week", "month", "year"):
            raise InvalidInput("the period must be day, week, month or year")
        from mirror.models.insights import PatternCount  # records over time: not built by reflect, list or show
        from mirror.storage import stats  # `patterns` and `analyze` only

        return [PatternCount(period, pattern, pattern_label(pattern), n)
                for period, pattern, n in stats.pattern_counts(self.conn, since, bucket)]

    def rebuild_counts(self) -> None:
        """Recompute the counts `stats` and `patterns` read from every row (they are kept
        by triggers; this is the repair `analyze --all` performs)."""
        from mirror.storage import stats  # `patterns` and `analyze` only

        with self._tx():
            stats.rebuild_counts(self.conn)

    def runs(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM engine_runs ORDER BY started_at DESC LIMIT ?", (limit,))
        out = []
        for r in rows:
            data = dict(r)
            for key in ("patterns", "flags", "attempts"):
                data[key] = json.loads(data[key])
            out.append(data)
        return out

    def _tx(self):
        """Join the caller's transaction if one is open, else open our own."""
        if self.conn.in_transaction:
            from contextlib import nullcontext

            return nullcontext(self.conn)
        return transaction(self.conn)


_TENSIONS = (
    "SELECT t.id, t.axis_a, t.axis_b, t.origin, t.created_at, count(o.id) AS observations,"
    " max(o.observed_at) AS last_observed, avg(o.position) AS mean_position,"
    " avg(o.intensity) AS mean_intensity"
    " FROM tensions t LEFT JOIN tension_observations o ON o.tension_id = t.id"
)

"""Critics: what Mirror's own runs and the person's feedback say over a window.

Plain functions over storage queries, deterministic for a fixed clock: the window is
[now - days, now) by the journal's clock. Rates are shares of runs; nothing here reads or
returns reflection text (the lexicon cues are the dictionary phrases that matched)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any

from mirror.clock import utc_iso
from mirror.models.evolution import EngineStats, Observations
from mirror.services.context import JournalContext
from mirror.storage.evolution import DIRECTIVE_CHECKS, EvolutionStore

DEFAULT_WINDOW_DAYS = 30


def store_of(ctx: JournalContext) -> EvolutionStore:
    return EvolutionStore(ctx.store.conn, ctx.clock)


def window(ctx: JournalContext, days: int = DEFAULT_WINDOW_DAYS) -> tuple[str, str]:
    """[since, until) as stored timestamps: the last `days` days by the journal's clock."""
    now = ctx.clock.now()
    return utc_iso(now - timedelta(days=days)), utc_iso(now + timedelta(microseconds=1))


def _percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return 0.0
    return float(ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))])


def _by_engine(rows: list[tuple[Any, ...]]) -> dict[str, list[tuple[Any, ...]]]:
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    return grouped


def _engine_stats(engine: str, rows: list[tuple[Any, ...]]) -> EngineStats:
    """One engine's rates from its runs in the window (see EvolutionStore.window_runs)."""
    runs = len(rows)
    statuses = Counter(r[1] for r in rows)
    flags: Counter[str] = Counter()
    directive = 0
    for r in rows:
        if r[3] != "[]":
            found = set(json.loads(r[3]))
            flags.update(found)
            directive += bool(found & set(DIRECTIVE_CHECKS))
    model = engine != "offline"
    answered = runs - statuses["care"]
    first_pass = sum(1 for r in rows if r[4] == "passed")
    durations = sorted(float(r[2]) for r in rows)
    return EngineStats(
        engine=engine, runs=runs,
        flag_rates={k: round(v / runs, 4) for k, v in sorted(flags.items())},
        flag_counts=dict(sorted(flags.items())),
        directive_runs=directive,
        first_attempt_pass_rate=(round(first_pass / answered, 4) if model and answered
                                 else None),
        fallback_rate=round(statuses["fallback"] / runs, 4),
        retries=sum(max(int(r[5] or 1) - 1, 0) for r in rows),
        care=statuses["care"], errors=statuses["error"],
        latency_ms_p50=_percentile(durations, 0.5),
        latency_ms_p95=_percentile(durations, 0.95),
        tokens_in=sum(int(r[6]) for r in rows), tokens_out=sum(int(r[7]) for r in rows))


def observe(ctx: JournalContext, days: int = DEFAULT_WINDOW_DAYS) -> Observations:
    """Every critic over the last `days` days."""
    store = store_of(ctx)
    since, until = window(ctx, days)
    engines = [_engine_stats(name, rows)
               for name, rows in sorted(_by_engine(store.window_runs(since, until)).items())]
    ratings: Counter[str] = Counter()
    feedback_flags: Counter[str] = Counter()
    for rating, flag_json in store.feedback_rows(since, until):
        if rating is not None:
            ratings[str(rating)] += 1
        feedback_flags.update(json.loads(flag_json))
    dismissed: Counter[str] = Counter()
    for _tier, signals, _rid in store.care_dismissal_rows(since, until):
        dismissed.update({s.get("category") for s in json.loads(signals)} - {None})
    return Observations(
        since=since, until=until, window_days=days, engines=tuple(engines),
        ratings={str(k): ratings.get(str(k), 0) for k in range(1, 6)},
        feedback_flags=dict(sorted(feedback_flags.items())),
        inaccurate_labels=tuple({"pattern": p, "cue": c, "count": int(n)}
                                for p, c, n, _ in store.inaccurate_cues(since, until) if c),
        care_dismissals=dict(sorted(dismissed.items())),
        user_axes=tuple({"axis_a": a, "axis_b": b, "observations": int(n)}
                        for a, b, n in store.user_axes(since, until)))

"""Critics: what Mirror's own runs and the person's feedback say over a window.

Plain functions over storage queries, deterministic for a fixed clock: the window is
[now - days, now) by the journal's clock. Rates are shares of runs; nothing here reads or
returns reflection text (the lexicon cues are the dictionary phrases that matched)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import timedelta

from mirror.clock import utc_iso
from mirror.models.evolution import EngineStats, Observations
from mirror.services.context import JournalContext
from mirror.storage.evolution import EvolutionStore

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


def observe(ctx: JournalContext, days: int = DEFAULT_WINDOW_DAYS) -> Observations:
    """Every critic over the last `days` days."""
    store = store_of(ctx)
    since, until = window(ctx, days)
    flags: dict[str, dict[str, int]] = defaultdict(dict)
    for engine, check, count in store.flag_rows(since, until):
        flags[engine][check] = int(count)
    durations: dict[str, list[float]] = defaultdict(list)
    for engine, ms in store.durations(since, until):
        durations[engine].append(float(ms))
    engines = []
    for (engine, runs, fallback, first_pass, retries, care, errors, t_in,
         t_out) in store.run_rows(since, until):
        runs = int(runs)
        model = engine != "offline"
        answered = runs - int(care or 0)
        engines.append(EngineStats(
            engine=engine, runs=runs,
            flag_rates={k: round(v / runs, 4) for k, v in flags[engine].items()},
            flag_counts=dict(flags[engine]),
            first_attempt_pass_rate=(round(int(first_pass or 0) / answered, 4)
                                     if model and answered else None),
            fallback_rate=round(int(fallback or 0) / runs, 4),
            retries=int(retries or 0), care=int(care or 0), errors=int(errors or 0),
            latency_ms_p50=_percentile(durations[engine], 0.5),
            latency_ms_p95=_percentile(durations[engine], 0.95),
            tokens_in=int(t_in or 0), tokens_out=int(t_out or 0)))
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

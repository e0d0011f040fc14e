"""Critics: what Mirror's own runs and the person's feedback say over a window.

Plain functions over storage queries, deterministic for a fixed clock: the window is
[now - days, now) by the journal's clock. Rates are shares of runs; nothing here returns
reflection text (the lexicon cues are the dictionary phrases that matched; a reflection is
read only to count whether it names both poles of a tension the person named by hand)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any

from mirror import constitution
from mirror.clock import utc_iso
from mirror.models.evolution import EngineStats, Observations
from mirror.services.context import JournalContext
from mirror.services.evolution.profile import both_poles
from mirror.storage.evolution import DIRECTIVE_CHECKS, EvolutionStore, is_misread_flag

DEFAULT_WINDOW_DAYS = 30


def store_of(ctx: JournalContext) -> EvolutionStore:
    return EvolutionStore(ctx.store.conn, ctx.clock)


def window(ctx: JournalContext, days: int = DEFAULT_WINDOW_DAYS) -> tuple[str, str]:
    """[since, until) as stored timestamps: the last `days` days by the journal's clock."""
    now = ctx.clock.now()
    return utc_iso(now - timedelta(days=days)), utc_iso(now + timedelta(microseconds=1))


def _by_engine(rows: list[tuple[Any, ...]]) -> dict[str, list[tuple[Any, ...]]]:
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    return grouped


def _quantile(latency: list[tuple[int, int]], runs: int, q: float) -> float:
    """The q-quantile (nearest rank) of durations given as sorted (ms, count) pairs."""
    rank = min(runs - 1, int(q * (runs - 1) + 0.5))
    seen = 0
    for ms, count in latency:
        seen += count
        if seen > rank:
            return float(ms)
    return 0.0


def _engine(engine: str, groups: list[tuple[Any, ...]]) -> EngineStats:
    """One engine's rates from its grouped runs (EvolutionStore.window_groups)."""
    totals = [0] * 8   # runs, fallback, care, error, first pass, retries, tokens in/out
    flags: Counter[str] = Counter()
    latency: Counter[int] = Counter()
    directive = 0
    parsed: dict[str, set[str]] = {}
    for _engine, ms, flag_json, *sums in groups:
        for i, value in enumerate(sums):
            totals[i] += int(value or 0)
        latency[int(ms)] += int(sums[0])
        if flag_json != "[]":
            found = parsed.setdefault(flag_json, set(json.loads(flag_json)))
            flags.update(dict.fromkeys(found, int(sums[0])))
            directive += int(sums[0]) if found & set(DIRECTIVE_CHECKS) else 0
    runs, fallback, care, errors, first_pass, retries, t_in, t_out = totals
    answered = runs - care
    ordered = sorted(latency.items())
    return EngineStats(
        engine=engine, runs=runs,
        flag_rates={k: round(v / runs, 4) for k, v in sorted(flags.items())},
        flag_counts=dict(sorted(flags.items())), directive_runs=directive,
        first_attempt_pass_rate=(round(first_pass / answered, 4)
                                 if engine != "offline" and answered else None),
        fallback_rate=round(fallback / runs, 4), retries=retries, care=care, errors=errors,
        latency_ms_p50=_quantile(ordered, runs, 0.5),
        latency_ms_p95=_quantile(ordered, runs, 0.95), tokens_in=t_in, tokens_out=t_out)


def _is_term(pattern: str, cue: str) -> bool:
    """Whether a matched cue is one of the pattern's own lexicon terms: only those are
    shown or proposed, so a match that spans the person's own words (a wildcard, a
    structural tension) never leaves the reflection."""
    return cue.replace("’", "'") in lexicon_terms(pattern)


def lexicon_terms(pattern: str) -> frozenset[str]:
    entry = constitution.invariants()["patterns"].get(pattern, {})
    return frozenset(str(t).lower() for t in entry.get("terms", ()))


def observe(ctx: JournalContext, days: int = DEFAULT_WINDOW_DAYS) -> Observations:
    """Every critic over the last `days` days."""
    store = store_of(ctx)
    since, until = window(ctx, days)
    engines = [_engine(name, groups) for name, groups
               in sorted(_by_engine(store.window_groups(since, until)).items())]
    ratings: Counter[str] = Counter()
    feedback_flags: Counter[str] = Counter()
    for rating, flag_json in store.feedback_rows(since, until):
        if rating is not None:
            ratings[str(rating)] += 1
        # 'inaccurate:NAME' says which label the 'inaccurate' beside it was about
        feedback_flags.update(f for f in json.loads(flag_json) if not is_misread_flag(f))
    dismissed: Counter[str] = Counter()
    for _tier, signals, _rid in store.care_dismissal_rows(since, until):
        dismissed.update({s.get("category") for s in json.loads(signals)} - {None})
    return Observations(
        since=since, until=until, window_days=days, engines=tuple(engines),
        ratings={str(k): ratings.get(str(k), 0) for k in range(1, 6)},
        feedback_flags=dict(sorted(feedback_flags.items())),
        inaccurate_labels=tuple({"pattern": p, "cue": c, "count": int(n)}
                                for p, c, n, _ in store.inaccurate_cues(since, until)
                                if c and _is_term(p, c)),
        care_dismissals=dict(sorted(dismissed.items())),
        user_axes=tuple(_user_axes(store, since, until)))


def _user_axes(store: EvolutionStore, since: str, until: str) -> list[dict[str, Any]]:
    """Each tension the person named by hand, with the reflections in the window that
    lean on it: those Mirror observed on it, and those where their own words name both
    poles in one sentence. Ordered by that count, most first."""
    out = []
    for axis_a, axis_b, observed, named in store.user_axes(since, until):
        seen = set(observed) | {rid for rid, text in named if both_poles(text, axis_a, axis_b)}
        out.append({"axis_a": axis_a, "axis_b": axis_b, "observations": len(seen)})
    return sorted(out, key=lambda a: -a["observations"])

"""Proposals: typed changes drawn from the critics' observations, each with its evidence
(counts and run IDs — never reflection text) and a predicted effect.

The thresholds below are where a pattern stops being noise for one person's month; they
are deliberately simple so the person can check the arithmetic in the evidence."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from mirror import constitution
from mirror.models.evolution import Observations
from mirror.services.context import JournalContext
from mirror.services.evolution.critics import store_of, window
from mirror.services.evolution.profile import Profile

MIN_MODEL_RUNS = 10          # a model engine's runs in the window before its rate means much
DIRECTIVE_RATE = 0.10        # directive flags above this share of a model's runs
MIN_FEEDBACK = 3             # the person flagged the same thing this many times

#: The lines a prompt adjustment adds: they describe reflecting, and name what to leave out.
REFLECTIVE_LINES = (
    "Mirror the person's own words and feelings back to them, describing what they wrote "
    "and what stands out in it.",
    "Use no imperative verbs, and give no advice, no suggestions and no instructions: end "
    "with one open question built from their own words.",
)


def fingerprint(kind: str, change: dict[str, Any]) -> str:
    """The same change proposed again has the same fingerprint."""
    text = json.dumps([kind, change], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def draft(kind: str, title: str, change: dict[str, Any], evidence: dict[str, Any],
          prediction: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "title": title, "change": change, "evidence": evidence,
            "prediction": prediction, "fingerprint": fingerprint(kind, change)}


def propose(ctx: JournalContext, obs: Observations, profile: Profile,
            skip: frozenset[str] | set[str] = frozenset()) -> list[dict[str, Any]]:
    """Every proposal the observations support that the profile does not already hold
    (`skip`: fingerprints of changes not to propose again, whose evidence is not gathered)."""
    found: list[dict[str, Any]] = []
    found += _prompt(ctx, obs, profile)
    found += _lexicon(ctx, obs, profile, skip)
    found += _threshold(ctx, obs, profile)
    found += _axes(obs, profile)
    found += _care(ctx, obs, profile)
    return found


def _prompt(ctx: JournalContext, obs: Observations, profile: Profile) -> list[dict[str, Any]]:
    if all(line in profile.prompt_lines for line in REFLECTIVE_LINES):
        return []
    since, until = obs.since, obs.until
    out = []
    for stats in obs.engines:
        if stats.engine == "offline" or stats.runs < MIN_MODEL_RUNS:
            continue
        runs, hits = stats.runs, stats.directive_runs
        rate = hits / runs
        if rate <= DIRECTIVE_RATE:
            continue
        examples = store_of(ctx).example_runs(since, until, stats.engine)
        out.append(draft(
            "prompt_adjustment",
            f"directive flags in {rate:.0%} of {stats.engine} runs over the last "
            f"{obs.window_days} days: strengthen the reflective wording of the prompt",
            {"add_lines": list(REFLECTIVE_LINES)},
            {"engine": stats.engine, "runs": runs, "directive_runs": hits,
             "rate": round(rate, 4), "threshold": DIRECTIVE_RATE,
             "window_days": obs.window_days, "example_run_ids": examples},
            {"metric": "directive_flag_rate", "engine": stats.engine,
             "before": round(rate, 4), "expected_at_most": round(rate / 2, 4),
             "why": "naming what to leave out in the prompt roughly halves the answers the "
                    "checks send back"}))
    return out


def _lexicon(ctx: JournalContext, obs: Observations, profile: Profile,
             skip: frozenset[str] | set[str]) -> list[dict[str, Any]]:
    out = []
    for label in obs.inaccurate_labels:
        pattern, cue, count = label["pattern"], label["cue"], label["count"]
        if (count < MIN_FEEDBACK or cue in profile.lexicon_drops(pattern)
                or fingerprint("lexicon_overlay", {"pattern": pattern, "drop": [cue]}) in skip):
            continue
        examples = store_of(ctx).inaccurate_examples(obs.since, obs.until, pattern, cue)
        out.append(draft(
            "lexicon_overlay",
            f"you flagged {constitution.pattern_label(pattern)!r} as inaccurate {count} times "
            f"on {cue!r}: stop reading {cue!r} as {pattern}",
            {"pattern": pattern, "drop": [cue]},
            {"pattern": pattern, "cue": cue, "times_flagged_inaccurate": count,
             "window_days": obs.window_days, "example_mirrorback_ids": examples},
            {"metric": "inaccurate_flag_rate", "pattern": pattern, "cue": cue,
             "expected_at_most": 0.0,
             "why": f"{cue!r} will no longer mark {pattern} in new reflections, so that "
                    f"label will not be there for you to flag"}))
    return out


def _threshold(ctx: JournalContext, obs: Observations, profile: Profile) -> list[dict[str, Any]]:
    flagged = obs.feedback_flags.get("directive", 0)
    shipped = float(constitution.invariants()["checks"]["directive_ratio"]["max_ratio"])
    current = profile.threshold("directive_ratio", shipped)
    stricter = round(current - 0.05, 2)
    if flagged < MIN_FEEDBACK or stricter <= 0.0:
        return []
    given, directive = store_of(ctx).feedback_flagged(obs.since, obs.until, "directive")
    rate = round(directive / given, 4) if given else None
    return [draft(
        "check_threshold",
        f"you flagged {flagged} mirrorbacks as directive, all of which had passed the "
        f"checks: lower the directive limit from {current:.0%} to {stricter:.0%}",
        {"check": "directive_ratio", "max_ratio": stricter},
        {"feedback_directive": flagged, "limit_now": current, "window_days": obs.window_days},
        {"metric": "directive_feedback_rate", "before": rate,
         "expected_at_most": round(rate / 2, 4) if rate is not None else None,
         "why": "answers with that many directive words will be rewritten or replaced, so "
                "fewer will read to you as telling you what to do"})]


def _axes(obs: Observations, profile: Profile) -> list[dict[str, Any]]:
    shipped = {tuple(t["axis"]) for t in constitution.invariants()["tension_axes"]}
    out = []
    for axis in obs.user_axes:
        pair = (axis["axis_a"], axis["axis_b"])
        if axis["observations"] < MIN_FEEDBACK or pair in shipped or pair in profile.tension_axes:
            continue
        out.append(draft(
            "tension_axis",
            f"you keep naming {pair[0]} / {pair[1]} yourself ({axis['observations']} times): "
            "let Mirror look for it too",
            {"axis_a": pair[0], "axis_b": pair[1]},
            {"observations": axis["observations"], "window_days": obs.window_days},
            {"metric": "axis_observations", "before": axis["observations"],
             "why": "Mirror will offer the axis when a reflection leans on it"}))
    return out


def _care(ctx: JournalContext, obs: Observations, profile: Profile) -> list[dict[str, Any]]:
    """A gentle-tier cue the person keeps dismissing. Never a category, never the care
    tier: a clear crisis signal always gets the care response."""
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    since, until = window(ctx, obs.window_days)
    for tier, signals, rid in store_of(ctx).care_dismissal_rows(since, until):
        if tier != "gentle":
            continue
        raised = {(s["category"], s["rule"]) for s in json.loads(signals)
                  if s.get("category") and s.get("rule")}
        counts.update(raised)
        for key in raised:
            examples.setdefault(key, []).append(rid)
    out = []
    for (category, rule), count in sorted(counts.items()):
        entry = {"category": category, "cue": rule, "tier": "gentle"}
        if count < MIN_FEEDBACK or entry in profile.care_exclusions:
            continue
        out.append(draft(
            "care_exclusion",
            f"you dismissed the help line {count} times when one cue alone raised it (Mirror's "
            f"care rule {rule}, read as {category.replace('_', ' ')}): leave that cue out of the "
            "gentle tier",
            entry, {"dismissed": count, "category": category, "rule": rule,
                    "window_days": obs.window_days,
                    "example_reflection_ids": sorted(examples[(category, rule)])[:5]},
            {"metric": "care_dismissal_rate", "dismissed_before": count,
             "why": "the gentle line will not be added for that cue alone, so you will "
                    "have fewer to dismiss; the care response for clear signals is unchanged"}))
    return out

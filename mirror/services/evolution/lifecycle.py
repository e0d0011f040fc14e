"""The life of a proposal: draft → review → approved | rejected → applied → rolled back.

Every step is one transaction holding the status change, its history row and its audit
entry. Applying writes a new engine profile version and puts it in force (the next
reflect answers with it); rolling back puts the previous version in force again — the
same stored text, byte for byte. The invariant checker runs when a proposal is filed, when
it is approved and when it is applied."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from mirror.clock import parse_utc_iso, utc_iso
from mirror.errors import InvalidInput
from mirror.models.evolution import (
    Effect,
    EvolutionReport,
    HistoryStep,
    ProfileInfo,
    Proposal,
    Verdict,
)
from mirror.services.context import JournalContext
from mirror.services.evolution import invariants
from mirror.services.evolution.critics import DEFAULT_WINDOW_DAYS, observe, store_of
from mirror.services.evolution.profile import Profile, apply_change, both_poles, dump, holds_phrase
from mirror.services.evolution.proposals import draft, propose
from mirror.storage.db import transaction
from mirror.storage.evolution import EvolutionStore

#: Model runs under a new profile before its measured effect is worth showing.
MIN_RUNS_AFTER = 5


def profile_in_force(ctx: JournalContext) -> Profile:
    version, body = store_of(ctx).profile_in_force()
    return Profile.parse(version, body)


def profile_info(ctx: JournalContext) -> ProfileInfo:
    store = store_of(ctx)
    version, body = store.profile_in_force()
    return ProfileInfo(version, store.profile_since(), Profile.parse(version, body).body)


def _record(ctx: JournalContext, data: dict[str, Any], *, full: bool = False) -> Proposal:
    history: tuple[HistoryStep, ...] = ()
    proposal = Proposal(
        id=data["id"], kind=data["kind"], title=data["title"], status=data["status"],
        change=data["change"], evidence=data["evidence"], prediction=data["prediction"],
        verdict=Verdict.from_json(data["verdict"]), origin=data["origin"],
        created_at=data["created_at"], updated_at=data["updated_at"],
        applied_at=data["applied_at"], profile_before=data["profile_before"],
        profile_after=data["profile_after"])
    if full:
        history = tuple(HistoryStep(**h) for h in store_of(ctx).history(proposal.id))
    effect = measure(ctx, proposal) if proposal.applied_at else None
    return Proposal(**{**proposal.__dict__, "history": history, "effect": effect})


def file_draft(ctx: JournalContext, kind: str, title: str, change: dict[str, Any],
               evidence: dict[str, Any], prediction: dict[str, Any], *,
               origin: str = "critic", note: str = "") -> Proposal:
    """Enter a proposal as a draft, check it, and move it to review when the checker has
    no refusal. For proposals received from elsewhere (`mirror evolve import`), call this
    with origin='import' after verifying the file: it is never applied automatically."""
    record = draft(kind, title, change, evidence, prediction)
    verdict = invariants.check(kind, change)
    store = store_of(ctx)
    with transaction(ctx.store.conn):
        proposal_id = store.add_proposal(
            {**record, "status": "draft", "origin": origin, "verdict": verdict.to_json()},
            note or f"filed by the {origin}")
        if verdict.approvable:
            store.move(proposal_id, "draft", "review", "the invariant checker found no refusal")
    return _record(ctx, store.proposal(proposal_id), full=True)


def report(ctx: JournalContext, days: int = DEFAULT_WINDOW_DAYS) -> EvolutionReport:
    """Observe the window, file the proposals the observations support (each change once
    while it is open), and show applied changes with their measured effect."""
    if not 1 <= days <= 3660:
        raise InvalidInput(f"the window is 1 to 3660 days, not {days}")
    obs = observe(ctx, days)
    profile = profile_in_force(ctx)
    store = store_of(ctx)
    new: list[Proposal] = []
    open_fingerprints = store.open_fingerprints(obs.since)
    for found in propose(ctx, obs, profile, open_fingerprints):
        if found["fingerprint"] in open_fingerprints:
            continue
        new.append(file_draft(ctx, found["kind"], found["title"], found["change"],
                              found["evidence"], found["prediction"]))
    rows = store.proposals()
    return EvolutionReport(
        observations=obs, new_proposals=tuple(new),
        open_proposals=tuple(_record(ctx, r) for r in rows
                             if r["status"] in ("draft", "review", "approved")),
        applied=tuple(_record(ctx, r) for r in rows if r["status"] == "applied"),
        profile=profile_info(ctx))


def proposals(ctx: JournalContext, status: str | None = None) -> list[Proposal]:
    return [_record(ctx, r) for r in store_of(ctx).proposals(status)]


def show(ctx: JournalContext, prefix: str) -> Proposal:
    return _record(ctx, store_of(ctx).proposal(prefix), full=True)


def _recheck(data: dict[str, Any]) -> Verdict:
    verdict = invariants.check(data["kind"], data["change"])
    if not verdict.approvable:
        first = verdict.refusals[0]
        raise InvalidInput(f"refused by {first.invariant}: {first.reason}")
    return verdict


def _expect(data: dict[str, Any], *allowed: str) -> None:
    if data["status"] not in allowed:
        raise InvalidInput(f"proposal {data['id'][:8]} is {data['status']}; this needs it "
                           f"{' or '.join(allowed)}")


def approve(ctx: JournalContext, prefix: str, confirmation: str | None = None) -> Proposal:
    store = store_of(ctx)
    data = store.proposal(prefix)
    _expect(data, "review")
    verdict = _recheck(data)
    if not invariants.confirmed(verdict, confirmation):
        raise InvalidInput(f"a constitutional amendment needs your typed confirmation (I4): "
                           f"--confirm \"{verdict.needs_confirmation}\"")
    store.move(data["id"], "review", "approved", "approved by the person")
    return show(ctx, data["id"])


def reject(ctx: JournalContext, prefix: str, note: str = "") -> Proposal:
    store = store_of(ctx)
    data = store.proposal(prefix)
    _expect(data, "draft", "review", "approved")
    store.move(data["id"], data["status"], "rejected", note or "rejected by the person")
    return show(ctx, data["id"])


def apply(ctx: JournalContext, prefix: str) -> Proposal:
    """Apply an approved proposal: a new profile version, in force at once."""
    store = store_of(ctx)
    data = store.proposal(prefix)
    _expect(data, "approved")
    _recheck(data)
    with transaction(ctx.store.conn):
        before, body = store.profile_in_force()
        new_body = apply_change(Profile.parse(before, body).body, data["kind"], data["change"])
        after = store.add_profile(dump(new_body), data["id"], data["title"])
        store.move(data["id"], "approved", "applied",
                   f"engine profile {before} -> {after}", profile_before=before,
                   profile_after=after, applied_at=utc_iso(ctx.clock.now()))
    return show(ctx, data["id"])


def rollback(ctx: JournalContext, prefix: str) -> Proposal:
    """Put the profile before this change back in force (the very same stored text). Only
    the change in force can be rolled back: a later change would otherwise be undone
    silently with it."""
    store = store_of(ctx)
    data = store.proposal(prefix)
    _expect(data, "applied")
    in_force, _ = store.profile_in_force()
    if in_force != data["profile_after"]:
        later = [r for r in store.proposals("applied") if r["profile_after"] == in_force]
        first = (f"`mirror evolve rollback {later[0]['id'][:8]}` ({later[0]['title'][:60]})"
                 if later else "the later change")
        raise InvalidInput(f"profile {in_force} is in force, not {data['profile_after']} from "
                           f"this change: roll back {first} first")
    with transaction(ctx.store.conn):
        store.put_in_force(int(data["profile_before"]))
        store.move(data["id"], "applied", "rolled_back",
                   f"engine profile {in_force} -> {data['profile_before']}")
    return show(ctx, data["id"])


def measure(ctx: JournalContext, proposal: Proposal) -> Effect | None:
    """The measured effect beside the prediction, over the window before the change and
    the time it has been in force since (until its rollback, if rolled back):

    - a prompt change: the directive flag rate of model runs (after: the runs answered
      under the new profile, or a later one built on it: a change applied on top of this
      one leaves it in force);
    - a stricter check threshold: the share of your feedback that flagged a mirrorback
      directive (the checks' own flags would rise under a stricter limit: that is the
      change working, not failing);
    - a lexicon overlay dropping a cue: the share of your feedback, on reflections holding
      that cue, that flagged the mirrorback inaccurate;
    - a care exclusion: the share of reflections whose gentle care line you dismissed;
    - a tension axis: the reflections Mirror observed on it since (`observed_after`), and
      the share of reflections whose own words name both poles in one sentence, before and
      after (never "worse": naming it less is not the change failing);
    - a constitutional amendment: no behavioural measure, said in plain words (`note`).
      An amendment is recorded with the constitution (`mirror constitution`) and the engine
      reads nothing from it, so no count of Mirror's answers could tell its effect."""
    if not proposal.applied_at:
        return None
    if proposal.kind == "constitution_amendment":
        return Effect("none", None, None, None, None, enough_data=False, worse=False,
                      measured=False, note=AMENDMENT_UNMEASURED)
    store = store_of(ctx)
    applied = parse_utc_iso(proposal.applied_at)
    days = int(proposal.evidence.get("window_days", DEFAULT_WINDOW_DAYS))
    since = utc_iso(applied - timedelta(days=days))
    ended = store.ended_at(proposal.id) or utc_iso(ctx.clock.now() + timedelta(microseconds=1))
    if proposal.kind == "tension_axis":
        return _axis_effect(store, proposal, since, ended)
    if proposal.kind == "lexicon_overlay":
        cues = [str(c) for c in proposal.change.get("drop") or ()]
        before_total, before_hits = _inaccurate_on(store.feedback_texts(since, proposal.applied_at), cues)
        after_total, after_hits = _inaccurate_on(store.feedback_texts(proposal.applied_at, ended), cues)
        metric = "inaccurate_flag_rate"
    elif proposal.kind == "check_threshold":
        before_total, before_hits = store.feedback_flagged(since, proposal.applied_at, "directive")
        after_total, after_hits = store.feedback_flagged(proposal.applied_at, ended, "directive")
        metric = "directive_feedback_rate"
    elif proposal.kind == "care_exclusion":
        before_total, before_hits = store.care_dismissed_share(since, proposal.applied_at)
        after_total, after_hits = store.care_dismissed_share(proposal.applied_at, ended)
        metric = "care_dismissal_rate"
    else:
        engine = proposal.evidence.get("engine")
        before_total, before_hits = store.directive_runs(since, proposal.applied_at, engine)
        after_total, after_hits = store.directive_runs(
            proposal.applied_at, ended, engine, profile_version=proposal.profile_after)
        metric = "directive_flag_rate"
    enough = after_total >= MIN_RUNS_AFTER and before_total > 0
    worse = enough and after_hits / after_total > before_hits / before_total
    return Effect(metric, before_hits, before_total, after_hits, after_total, enough, worse)


#: Why an applied constitutional amendment shows no measured effect.
AMENDMENT_UNMEASURED = (
    "a constitutional amendment has no behavioural measure: it is recorded with the "
    "constitution (`mirror constitution`) and the engine reads nothing from it, so there is "
    "no before and after of Mirror's answers to count")


def _axis_effect(store: EvolutionStore, proposal: Proposal, since: str, ended: str) -> Effect:
    """A tension axis: reflections Mirror observed on it while it was in force, and the
    share of reflections naming both poles in one sentence, before and after."""
    axis_a, axis_b = str(proposal.change["axis_a"]), str(proposal.change["axis_b"])
    applied = str(proposal.applied_at)
    before_total, rows = store.axis_named(since, applied, axis_a, axis_b)
    before_hits = sum(1 for _, text in rows if both_poles(text, axis_a, axis_b))
    after_total, rows = store.axis_named(applied, ended, axis_a, axis_b)
    after_hits = sum(1 for _, text in rows if both_poles(text, axis_a, axis_b))
    observed = store.axis_observed(applied, ended, axis_a, axis_b)
    return Effect("axis_named_rate", before_hits, before_total, after_hits, after_total,
                  enough_data=after_total >= MIN_RUNS_AFTER, worse=False,
                  observed_after=observed)


def _inaccurate_on(rows: list[tuple[str, str]], cues: list[str]) -> tuple[int, int]:
    """(feedback on reflections holding one of `cues` as words, of which flagged inaccurate)."""
    total = hits = 0
    for flags, text in rows:
        if any(holds_phrase(text, cue) for cue in cues):
            total += 1
            hits += "inaccurate" in json.loads(flags)
    return total, hits

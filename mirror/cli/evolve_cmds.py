"""`mirror evolve ...`: what Mirror noticed about its own runs and your feedback, the
changes it proposes, and your approval, application and rollback of them (DESIGN §7).

Nothing here is automatic: `report` files proposals for review; only `approve` then
`apply` changes the engine profile, and `rollback` restores the previous one exactly."""

from __future__ import annotations

import argparse

from mirror.cli import evolve_import_cmds, render
from mirror.cli.argparser import MirrorArgumentParser
from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.display import counted
from mirror.models.evolution import STATUSES, Effect, EvolutionReport, Proposal

#: Width of the small text bars in `report`.
BAR = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "evolve", "what Mirror noticed about itself, and changes you approve",
                    cmd_report)
    p.add_argument("--days", type=int, default=30, help="the window in days (default 30)")
    actions = p.add_subparsers(dest="evolve_action", metavar="ACTION",
                               parser_class=MirrorArgumentParser)
    a = add_command(actions, "report", "observations over the window; files new proposals",
                    cmd_report)
    a.add_argument("--days", type=int, default=30, help="the window in days (default 30)")
    a = add_command(actions, "proposals", "proposals, newest first", cmd_proposals)
    a.add_argument("--status", choices=STATUSES, help="only proposals in this state")
    a = add_command(actions, "show", "one proposal: evidence, verdict, history, effect", cmd_show)
    a.add_argument("id", help="proposal ID or unique prefix")
    a = add_command(actions, "approve", "approve a proposal in review", cmd_approve)
    a.add_argument("id", help="proposal ID or unique prefix")
    a.add_argument("--confirm", metavar="WORDS",
                   help="the typed confirmation a constitutional amendment needs (I4)")
    a = add_command(actions, "reject", "reject a proposal", cmd_reject)
    a.add_argument("id", help="proposal ID or unique prefix")
    a.add_argument("--note", default="", help="why (kept in its history)")
    a = add_command(actions, "apply", "apply an approved proposal to the engine profile",
                    cmd_apply)
    a.add_argument("id", help="proposal ID or unique prefix")
    a = add_command(actions, "rollback", "restore the engine profile before a change",
                    cmd_rollback)
    a.add_argument("id", help="proposal ID or unique prefix")
    evolve_import_cmds.register(actions)  # `evolve import FILE` (issue 15, item 7)


def bar(rate: float | None, width: int = BAR) -> str:
    """A rate in [0, 1] as a small text bar."""
    filled = round((rate or 0.0) * width)
    return "█" * filled + "·" * (width - filled)


def report_lines(report: EvolutionReport) -> list[str]:
    obs = report.observations
    out = [f"last {obs.window_days} days: {counted(obs.runs, 'engine run')}; engine profile "
           f"{report.profile.version} in force"]
    for e in obs.engines:
        runs = "run " if e.runs == 1 else "runs"
        out.append(f"  {e.engine:<10} {e.runs:>6} {runs}  fallback {e.fallback_rate:>5.0%}  "
                   f"retries {e.retries:>4}  p50 {e.latency_ms_p50:>7.0f} ms")
        if e.first_attempt_pass_rate is not None:
            out.append(f"    first attempt passed {bar(e.first_attempt_pass_rate)} "
                       f"{e.first_attempt_pass_rate:.0%}")
        for check, rate in sorted(e.flag_rates.items()):
            out.append(f"    {check:<21} {bar(rate)} {rate:.0%} ({e.flag_counts[check]})")
    rated = sum(obs.ratings.values())
    if rated:
        out.append("ratings: " + "  ".join(f"{k}★ {n}" for k, n in obs.ratings.items()))
    if obs.feedback_flags:
        out.append("your flags: " + ", ".join(f"{k} {n}" for k, n in obs.feedback_flags.items()))
    for label in obs.inaccurate_labels[:5]:
        out.append(f"flagged inaccurate: {label['pattern']} on {label['cue']!r} "
                   f"({label['count']})")
    if obs.care_dismissals:
        out.append("care alarms you dismissed: "
                   + ", ".join(f"{k} {n}" for k, n in obs.care_dismissals.items()))
    if report.new_proposals:
        out.append(f"{counted(len(report.new_proposals), 'new proposal')}:")
    for p in report.new_proposals:
        out.append("  " + proposal_line(p))
    if report.applied:
        out.append("in force, with what changed since:")
    for p in report.applied:
        out.append(f"  {p.id[:render.SHORT_ID]}  {p.kind:<22} {p.title}")
        if p.effect:
            out.append(f"    {effect_line(p, p.effect)}")
        if p.effect and p.effect.worse:
            out.append(f"    this made things worse: `mirror evolve rollback "
                       f"{p.id[:render.SHORT_ID]}` undoes it")
    return out


def effect_line(p: Proposal, e: Effect) -> str:
    """The measured effect `e` of `p` beside its prediction, on one line (a change with no
    behavioural measure says so, and why)."""
    if not e.measured:
        return f"measured: none — {e.note}"
    before = f"{e.before_rate:.0%}" if e.before_rate is not None else "—"
    after = f"{e.after_rate:.0%}" if e.after_rate is not None else "—"
    rates = (f"{before} ({e.before_count}/{e.before_total}) before, "
             f"{after} ({e.after_count}/{e.after_total}) after")
    tail = "" if e.enough_data else " — too few yet to tell"
    if e.observed_after is not None:
        axis = f"{p.change.get('axis_a')} / {p.change.get('axis_b')}"
        return (f"measured: Mirror observed {axis} in "
                f"{counted(e.observed_after, 'reflection')} since it was applied; reflections "
                f"naming both poles {rates}" + axis_predicted(p) + tail)
    expected = predicted(p)
    return (f"measured: {e.metric} {rates}"
            + (f"; predicted at most {expected:.0%}" if expected is not None else "") + tail)


def axis_predicted(p: Proposal) -> str:
    """A tension axis's prediction, in words: where Mirror will observe it, and how many
    reflections leaned on it in the window before."""
    why, before = p.prediction.get("why"), p.prediction.get("before")
    if not why:
        return ""
    days = p.evidence.get("window_days")
    count = (f" ({counted(before, 'reflection')} leaned on it in the {days} days before)"
             if isinstance(before, int) and days else "")
    return f"; predicted: {why}{count}"


def proposal_line(p: Proposal) -> str:
    verdict = "" if p.verdict.approvable else "  refused: " + "; ".join(
        f"{r.invariant}" for r in p.verdict.refusals)
    return f"{p.id[:render.SHORT_ID]}  {p.status:<11} {p.kind:<22} {p.title}{verdict}"


def show_lines(p: Proposal) -> list[str]:
    out = [f"{p.id}  {p.status}  {p.kind}", p.title, "change: " + render_json(p.change),
           "evidence: " + render_json(p.evidence), "predicted: " + render_json(p.prediction)]
    if p.verdict.approvable:
        out.append("invariants: no refusal" + (
            f"; approving needs --confirm \"{p.verdict.needs_confirmation}\""
            if p.verdict.needs_confirmation else ""))
    for r in p.verdict.refusals:
        out.append(f"refused by {r.invariant}: {r.reason}")
    if p.effect:
        out.append(effect_line(p, p.effect))
        if p.effect.worse and p.status == "applied":
            out.append(f"this made things worse: `mirror evolve rollback {p.id[:render.SHORT_ID]}`")
    for h in p.history:
        out.append(f"  {h.at[:19]}  {h.from_status or '—'} → {h.to_status}  {h.note}")
    return out


def predicted(p: Proposal) -> float | None:
    """The rate the proposal predicted for the metric its effect is measured by, if any."""
    value = p.prediction.get("expected_at_most")
    if p.effect is None or p.prediction.get("metric") != p.effect.metric:
        return None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def render_json(value: object) -> str:
    import json  # only when a proposal is shown as text

    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.journal.evolve_report(args.days)
    if ctx.out.as_json:
        ctx.out.json(report.to_json())
    else:
        ctx.out.lines(report_lines(report))
    return 0


def cmd_proposals(args: argparse.Namespace, ctx: Context) -> int:
    found = ctx.journal.evolve_proposals(args.status)
    if ctx.out.as_json:
        ctx.out.json({"proposals": [p.to_json() for p in found]})
        return 0
    if not found:
        ctx.out.note("no proposals yet: `mirror evolve report` looks for some")
    ctx.out.lines(proposal_line(p) for p in found)
    return 0


def _one(ctx: Context, p: Proposal, done: str | None = None) -> int:
    if ctx.out.as_json:
        ctx.out.json({"proposal": p.to_json()})
        return 0
    if done:
        ctx.out.note(done)
    ctx.out.lines(show_lines(p))
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    return _one(ctx, ctx.journal.evolve_show(args.id))


def cmd_approve(args: argparse.Namespace, ctx: Context) -> int:
    p = ctx.journal.evolve_approve(args.id, args.confirm)
    return _one(ctx, p, f"approved; `mirror evolve apply {p.id[:render.SHORT_ID]}` applies it")


def cmd_reject(args: argparse.Namespace, ctx: Context) -> int:
    return _one(ctx, ctx.journal.evolve_reject(args.id, args.note), "rejected")


def cmd_apply(args: argparse.Namespace, ctx: Context) -> int:
    p = ctx.journal.evolve_apply(args.id)
    return _one(ctx, p, f"applied: engine profile {p.profile_after} is in force")


def cmd_rollback(args: argparse.Namespace, ctx: Context) -> int:
    p = ctx.journal.evolve_rollback(args.id)
    return _one(ctx, p, f"rolled back: engine profile {p.profile_before} is in force again")

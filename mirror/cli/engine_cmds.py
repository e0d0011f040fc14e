"""The engine from the command line: constitution, patterns, tensions, feedback,
mirrorback regeneration and re-analysis of the whole journal."""

from __future__ import annotations

import argparse

from mirror.cli import render
from mirror.cli.argparser import MirrorArgumentParser
from mirror.cli.context import Context
from mirror.cli.parser import Handler, add_command
from mirror.display import counted
from mirror.errors import StorageError, UsageError

FEEDBACK_FLAGS = ("directive", "inaccurate", "generic", "too_long", "off_topic", "insensitive")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "constitution", "the founding documents and their integrity", _needs("show, verify"))
    actions = p.add_subparsers(dest="constitution_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    add_command(actions, "show", "the version in force, its documents and history", cmd_constitution_show)
    add_command(actions, "verify", "recompute the documents' hashes; non-zero on drift", cmd_constitution_verify)

    p = add_command(sub, "patterns", "how often each pattern appeared, per period", cmd_patterns)
    p.add_argument("--since", help="from this date")
    p.add_argument("--by", choices=("day", "week", "month", "year"), default="month")

    p = add_command(sub, "tensions", "inner tensions found over time", cmd_tensions)
    actions = p.add_subparsers(dest="tension_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    a = add_command(actions, "show", "one tension and its trajectory", cmd_tension_show)
    a.add_argument("tension", help="ID prefix, or POLE_A/POLE_B (e.g. control/surrender)")
    a = add_command(actions, "add", "name a tension of your own", cmd_tension_add)
    a.add_argument("axis_a")
    a.add_argument("axis_b")

    p = add_command(sub, "feedback", "rate or flag a mirrorback", cmd_feedback)
    p.add_argument("id", help="mirrorback ID, or a reflection ID (its latest mirrorback)")
    p.add_argument("--rating", type=int, choices=range(1, 6), metavar="1-5")
    p.add_argument("--flag", action="append", default=[], choices=FEEDBACK_FLAGS)
    p.add_argument("--label", action="append", default=[], metavar="PATTERN",
                   help="the pattern label that misread you, e.g. 'obligation' (repeatable; "
                        "implies --flag inaccurate): `mirror evolve` counts it for that label only")
    p.add_argument("--note")

    p = add_command(sub, "mirrorback", "mirrorbacks of a reflection", _needs("regenerate"))
    actions = p.add_subparsers(dest="mirrorback_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    a = add_command(actions, "regenerate", "a fresh mirrorback (bypasses the cache; keeps the old)", cmd_regenerate)
    a.add_argument("id", help="reflection ID or unique prefix")

    p = add_command(sub, "care", "the care text, your saved resources, and care markers", cmd_care)
    p.add_argument("--language", help="the care text in this language (e.g. es, hi-Latn)")
    actions = p.add_subparsers(dest="care_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    a = add_command(actions, "dismiss", "clear a false alarm on one reflection (audited)", cmd_care_dismiss)
    a.add_argument("id", help="reflection ID or unique prefix")

    p = add_command(sub, "analyze", "re-derive patterns, tensions and care markers", cmd_analyze)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="the whole journal")
    which.add_argument("--pending", action="store_true",
                       help="what a large import left to read in the background (waits for "
                       "the background reader, then reads whatever is still left)")


def _needs(actions: str) -> Handler:
    def handler(args: argparse.Namespace, ctx: Context) -> int:
        raise UsageError(f"{args.command} needs an action: {actions}")
    return handler


def cmd_constitution_show(args: argparse.Namespace, ctx: Context) -> int:
    status = ctx.journal.constitution_status()
    if ctx.out.as_json:
        ctx.out.json(status.to_json())
        return 0
    ctx.out.line(f"version  {status.version}")
    ctx.out.line("verified " + ("yes" if status.ok else "NO: " + ", ".join(status.drift)))
    for f in status.files:
        ctx.out.line(f"  {f.status:<8} {f.path}")
    for h in status.history:
        ctx.out.line(f"in force since {h['adopted_at']}: {h['version']} ({h['how']})")
    for a in status.amendments:
        migration = f" (migration {a['migration']})" if a["migration"] is not None else ""
        ctx.out.line(f"amendment {a['version']} adopted {a['adopted_at']}{migration}: "
                     f"{a['summary']}")
    return 0


def cmd_care(args: argparse.Namespace, ctx: Context) -> int:
    info = ctx.journal.care_info(getattr(args, "language", None))
    if ctx.out.as_json:
        ctx.out.json(info.to_json())
        return 0
    ctx.out.line(info.text)
    ctx.out.line("")
    if info.resources:
        ctx.out.line(ctx.out.bold("Resources you saved:"))
        ctx.out.lines(f"- {r}" for r in info.resources)
    else:
        ctx.out.line(ctx.out.dim("You have saved no resources of your own yet: "
                                 "mirror config set care.resources \"Name: number\""))
    if info.marked:
        ctx.out.line("")
        ctx.out.line(ctx.out.dim(f"{counted(len(info.marked), 'reflection')} carry a care marker: "
                                 "mirror list --care"))
    return 0


def cmd_care_dismiss(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.journal.dismiss_care(args.id)
    if ctx.out.as_json:
        ctx.out.json(result.to_json())
        return 0
    ctx.out.line(f"care marker cleared on {result.reflection_id[:render.SHORT_ID]} "
                 f"(it was {result.tier}); later reflections still get care when they need it")
    return 0


def cmd_constitution_verify(args: argparse.Namespace, ctx: Context) -> int:
    status = ctx.journal.constitution_status()
    if ctx.out.as_json:
        ctx.out.json(status.to_json())
    elif status.ok:
        ctx.out.line(f"constitution {status.version}: every document matches its genesis hash")
    if not status.ok:
        message = "the installed constitution has drifted: " + ", ".join(status.drift)
        if ctx.out.as_json:
            ctx.out.note(f"mirror: {message}")
            return StorageError.exit_code
        raise StorageError(message)
    return 0


def cmd_patterns(args: argparse.Namespace, ctx: Context) -> int:
    rows = ctx.journal.pattern_counts(args.since, args.by)
    if ctx.out.as_json:
        ctx.out.json({"by": args.by, "counts": [r.to_json() for r in rows]})
        return 0
    if not rows:
        ctx.out.note("no patterns yet")
    table: dict[str, dict[str, int]] = {}
    for row in rows:
        table.setdefault(row.period, {})[row.label] = row.reflections
    for period, counts in table.items():
        ctx.out.line(f"{period}  " + ", ".join(f"{label} {n}" for label, n in sorted(counts.items())))
    return 0


def cmd_tensions(args: argparse.Namespace, ctx: Context) -> int:
    tensions = ctx.journal.tensions()
    if ctx.out.as_json:
        ctx.out.json({"tensions": [t.to_json() for t in tensions]})
        return 0
    if not tensions:
        ctx.out.note("no tensions yet")
    for t in tensions:
        lean = "" if t.mean_position is None else f"  leaning {t.mean_position:+.2f}"
        ctx.out.line(f"{ctx.out.dim(t.id[:8])}  {t.axis_a} ↔ {t.axis_b}  "
                     f"· {counted(t.observations, 'observation')}{lean}  ({t.origin.replace('_', ' ')})")
    return 0


def cmd_tension_show(args: argparse.Namespace, ctx: Context) -> int:
    tension = ctx.journal.tension(args.tension)
    if ctx.out.as_json:
        ctx.out.json({"tension": tension.to_json()})
        return 0
    ctx.out.line(ctx.out.bold(f"{tension.axis_a} ↔ {tension.axis_b}"))
    for point in tension.trajectory or ():
        slot = round((point.position + 1) * 10)
        line = "·" * slot + "●" + "·" * (20 - slot)
        ctx.out.line(f"{point.observed_at[:10]}  {tension.axis_a[:10]:>10} {line} "
                     f"{tension.axis_b[:10]}  {point.reflection_id[:8]}")
    return 0


def cmd_tension_add(args: argparse.Namespace, ctx: Context) -> int:
    tension = ctx.journal.add_tension(args.axis_a, args.axis_b)
    if ctx.out.as_json:
        ctx.out.json({"tension": tension.to_json()})
    else:
        ctx.out.note(f"tension {tension.axis_a} ↔ {tension.axis_b} added ({tension.id[:8]})")
    return 0


def cmd_feedback(args: argparse.Namespace, ctx: Context) -> int:
    saved = ctx.journal.feedback(args.id, args.rating, args.flag, args.note, labels=args.label)
    if ctx.out.as_json:
        ctx.out.json({"feedback": saved.to_json()})
    else:
        ctx.out.note("thank you: feedback saved")
    return 0


def cmd_regenerate(args: argparse.Namespace, ctx: Context) -> int:
    with render.Progress(ctx.out) as progress:
        result = ctx.journal.regenerate(args.id, on_progress=progress.tokens)
    render.print_result(ctx.out, result)
    return 0


def cmd_analyze(args: argparse.Namespace, ctx: Context) -> int:
    if args.pending:
        count, reading = ctx.journal.pending_reading()
        if reading and not ctx.out.as_json:
            ctx.out.note(f"waiting for the background reading of {counted(count, 'reflection')}")
    with render.Progress(ctx.out, "analysing") as progress:
        report = (ctx.journal.analyze_pending(progress=progress.bar) if args.pending
                  else ctx.journal.analyze_all(progress=progress.bar))
    if ctx.out.as_json:
        ctx.out.json(report.to_json())
    elif args.pending and not report.reflections:
        ctx.out.note("nothing left to read: every reflection has its patterns and care markers")
    else:
        ctx.out.note(f"analysed {counted(report.reflections, 'reflection')}: "
                     f"{counted(report.patterns, 'pattern kind')} found, {report.care} needing care")
    return 0

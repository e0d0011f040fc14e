"""`mirror digest --week|--month [--date DATE] [--engine]`: a descriptive summary of a
period of the journal ("dreaming", DESIGN §7)."""

from __future__ import annotations

import argparse

from mirror.cli.context import Context
from mirror.cli.parser import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "digest", "a descriptive summary of a week or a month", cmd_digest)
    span = p.add_mutually_exclusive_group()
    span.add_argument("--week", dest="kind", action="store_const", const="week",
                      help="the week (Monday to Sunday) holding the date (the default)")
    span.add_argument("--month", dest="kind", action="store_const", const="month",
                      help="the calendar month holding the date")
    p.add_argument("--date", metavar="DATE",
                   help="a day inside the period (default: today), e.g. 2026-03-05, 'last week'")
    p.add_argument("--engine", action="store_true",
                   help="written by the configured model engine, under the same checks and "
                        "privacy rules as mirrorbacks (default: the offline digest)")


def cmd_digest(args: argparse.Namespace, ctx: Context) -> int:
    digest = ctx.journal.digest(args.kind or "week", args.date, engine=args.engine)
    for notice in digest.notices:
        ctx.out.note(notice)
    if ctx.out.as_json:
        ctx.out.json(digest.to_json())
        return 0
    ctx.out.line(digest.text)
    return 0

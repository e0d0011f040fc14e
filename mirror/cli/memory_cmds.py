"""The journal's memory from the command line: `mirror onthisday`, what was written on this
month and day in earlier years."""

from __future__ import annotations

from mirror.cli import render
from mirror.cli.context import Context
from mirror.cli.filter_args import add_filters, filters_from
from mirror.cli.parser import add_command

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:  # annotations only: most command lines are parsed without argparse
    import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "onthisday", "what you wrote on this day in earlier years",
                    cmd_onthisday)
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="another day than today (its month and day are looked up)")
    add_filters(p, "onthisday")


def cmd_onthisday(args: argparse.Namespace, ctx: Context) -> int:
    found = ctx.journal.on_this_day(args.date, filters_from(args, "onthisday"))
    if ctx.out.as_json:
        ctx.out.json(found.to_json())
        return 0
    if not found.entries:
        ctx.out.line(f"Nothing written on {found.label} in earlier years.")
        return 0
    ctx.out.line(ctx.out.bold(f"On {found.label}"))
    for entry in found.entries:
        marks = ("★ " if entry.starred else "") + ("🔒 " if entry.private else "")
        ctx.out.line(f"{entry.year}  {ctx.out.dim(entry.id[:render.SHORT_ID])}  "
                     f"{marks}{entry.excerpt}")
    return 0

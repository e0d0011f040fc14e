"""`mirror telemetry show|write FILE`: anonymised aggregates, to a file only, by consent.
Mirror never sends the packet; `show` prints exactly what `write` would save."""

from __future__ import annotations

import argparse

from mirror.cli.argparser import MirrorArgumentParser
from mirror.cli.context import Context
from mirror.cli.parser import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "telemetry", "anonymised counts and rates, written to a file only "
                    "(never sent); alone: the same as `telemetry show`", cmd_show)
    inner = p.add_subparsers(dest="telemetry_command", metavar="SUBCOMMAND",
                             parser_class=MirrorArgumentParser)
    add_command(inner, "show", "print exactly what `telemetry write` would save", cmd_show)
    w = add_command(inner, "write", "save the packet to FILE (mode 0600); nothing is sent",
                    cmd_write)
    w.add_argument("path", metavar="FILE", help="where to save the packet")
    w.add_argument("--force", action="store_true", help="replace FILE if it exists")


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    # The packet is JSON already: --json or not, these are the bytes `write` saves.
    ctx.out.stdout.write(ctx.journal.telemetry_packet())
    return 0


def cmd_write(args: argparse.Namespace, ctx: Context) -> int:
    text = ctx.journal.write_telemetry(args.path, overwrite=args.force)
    if ctx.out.as_json:
        ctx.out.json({"path": args.path, "bytes": len(text.encode("ascii")), "sent": False})
        return 0
    ctx.out.note(f"telemetry packet saved to {args.path} ({len(text)} bytes); "
                 "Mirror sends nothing: share it yourself if you choose to")
    return 0

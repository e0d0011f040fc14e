"""Several journals: `mirror journals` lists the ones named in the default home's
config.toml (`[journals] work = "/path"`); `mirror --journal work ...` uses one."""

from __future__ import annotations

import argparse

from mirror.cli.context import Context
from mirror.cli.parser import add_command


def register(sub: argparse._SubParsersAction) -> None:
    add_command(sub, "journals", "list the journals named in config.toml ([journals] NAME ="
                " \"/path\"), for --journal NAME", cmd_journals)


def cmd_journals(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.journal import Journal  # the door; no journal is opened here

    found = Journal.named_journals(ctx.default_home)
    current = getattr(args, "journal", None) or "default"
    if ctx.out.as_json:
        ctx.out.json({"journals": [j.to_json() for j in found], "current": current})
        return 0
    width = max(len(j.name) for j in found)
    for j in found:
        mark = "*" if j.name == current else " "
        state = "" if j.exists else "  (no journal there yet: created on first use)"
        ctx.out.line(f"{mark} {j.name.ljust(width)}  {j.home}{ctx.out.dim(state)}")
    return 0

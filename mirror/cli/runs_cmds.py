"""`mirror runs`: how each mirrorback came to be (engine, attempts, route, and the prompt
template version a model was sent), newest first."""

from __future__ import annotations

import argparse

from mirror.cli import render
from mirror.cli.context import Context
from mirror.cli.parser import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "runs", "engine runs: who answered, every attempt, the prompt version",
                    cmd_runs)
    p.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")


def cmd_runs(args: argparse.Namespace, ctx: Context) -> int:
    runs = ctx.journal.runs(args.limit)
    if ctx.out.as_json:
        ctx.out.json({"runs": [r.to_json() for r in runs]})
        return 0
    if not runs:
        ctx.out.note("no engine runs yet: write a reflection with `mirror reflect`")
    for r in runs:
        tried = " → ".join(f"{a.get('engine')}:{a.get('outcome')}" for a in r.attempts)
        ctx.out.line(f"{r.started_at[:19]}  {(r.reflection_id or '—')[:render.SHORT_ID]}  "
                     f"{r.status:<8} {r.final_source or '—':<9} {round(r.duration_ms):>6} ms  "
                     f"{tried}" + (f"  prompt {r.prompt_version}" if r.prompt_version else ""))
    return 0

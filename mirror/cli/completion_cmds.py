"""`mirror completion bash|zsh|tcsh`: a shell completion script generated from the parser
itself (by shtab), so it can never drift from the real commands."""

from __future__ import annotations

import argparse

from mirror.cli import build_parser
from mirror.cli.context import Context
from mirror.cli.parser import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "completion", "print a shell completion script", cmd_completion)
    p.add_argument("shell", choices=("bash", "zsh", "tcsh"))


def cmd_completion(args: argparse.Namespace, ctx: Context) -> int:
    import shtab  # ~35 ms: only `mirror completion` needs it

    script = shtab.complete(build_parser(), shell=args.shell)
    if ctx.out.as_json:
        ctx.out.json({"shell": args.shell, "script": script})
    else:
        ctx.out.stdout.write(script)
    return 0

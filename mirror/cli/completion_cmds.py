"""`mirror completion bash|zsh|tcsh|fish|man`: a shell completion script, or the man page,
generated from the parser itself (bash/zsh/tcsh by shtab, fish and roff by
`mirror.cli.manpage`), so none of them can drift from the real commands."""

from __future__ import annotations

import argparse

from mirror import __version__
from mirror.cli import build_parser
from mirror.cli.context import Context
from mirror.cli.parser import add_command

SHELLS = ("bash", "zsh", "tcsh", "fish")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "completion", "print a shell completion script, or the man page (man)",
                    cmd_completion)
    p.add_argument("shell", choices=(*SHELLS, "man"),
                   help="bash, zsh, tcsh or fish; `man` prints mirror(1) in roff (man -l -)")


def script_for(shell: str) -> str:
    """The text `mirror completion SHELL` prints (also what the wheel's man page is built from)."""
    parser = build_parser()
    if shell in ("fish", "man"):
        from mirror.cli import manpage  # only these two need it

        return manpage.fish_script(parser) if shell == "fish" else manpage.man_page(parser, __version__)
    import shtab  # ~35 ms: only `mirror completion` needs it

    script: str = shtab.complete(parser, shell=shell)
    return script


def cmd_completion(args: argparse.Namespace, ctx: Context) -> int:
    script = script_for(args.shell)
    if ctx.out.as_json:
        ctx.out.json({"shell": args.shell, "script": script})
    else:
        ctx.out.stdout.write(script)
    return 0

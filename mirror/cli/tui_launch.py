"""`mirror` with no command opens the TUI; this is the only CLI path that imports Textual."""

from __future__ import annotations

from typing import TextIO

from mirror.cli.context import Context
from mirror.errors import UsageError


def launch(ctx: Context) -> int:
    if ctx.out.as_json:
        raise UsageError("--json needs a command (see `mirror --help`)")
    if not (ctx.stdin_is_terminal() and _isatty(ctx.out.stdout)):
        # From cron or a pipe the TUI would wait forever for keys nobody can press.
        raise UsageError("no terminal; run a command such as `mirror list` (see `mirror --help`)")
    from mirror.cli.passphrase import passphrase_prompt
    from mirror.services.journal import Journal  # an encrypted journal's passphrase is asked first
    from mirror.tui.app import run  # Textual (~300 ms): only a bare `mirror` pays for it

    Journal.unlock_in_process(ctx.home, passphrase_prompt(confirm=False))

    return run(ctx.home, clock=ctx.clock)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

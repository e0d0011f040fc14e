"""`mirror` with no command opens the TUI; this is the only CLI path that imports Textual."""

from __future__ import annotations

from mirror.cli.context import Context
from mirror.errors import UsageError


def launch(ctx: Context) -> int:
    if ctx.out.as_json:
        raise UsageError("--json needs a command (see `mirror --help`)")
    from mirror.tui.app import run  # Textual (~300 ms): only a bare `mirror` pays for it

    return run(ctx.home, clock=ctx.clock)

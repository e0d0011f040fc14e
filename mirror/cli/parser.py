"""How a command group declares its commands (`add_command`), without importing argparse:
the same definitions build argparse's parser (help, errors, every command) or, for the
command being run, the small spec `mirror.cli.fastparse` parses most command lines with."""

from __future__ import annotations

from collections.abc import Callable

from mirror.cli.argspec import BOOLEAN_OPTIONAL, CommandSpec, SpecRecorder

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from mirror.cli.context import Context

#: A command handler: parsed arguments and the context in, exit code out.
Handler = Callable[["argparse.Namespace", "Context"], int]

__all__ = ["BOOLEAN_OPTIONAL", "SKIPPED", "Handler", "add_command", "invoked_command"]


class _Skipped:
    """Stands in for the parser of a command that was not invoked: building every
    command's arguments costs more start-up time than running most commands."""

    def __getattr__(self, name: str) -> Callable[..., _Skipped]:
        return lambda *args, **kwargs: self


SKIPPED = _Skipped()


def add_command(sub: Any, name: str, help_text: str, handler: Handler, *,
                aliases: tuple[str, ...] = ()) -> Any:
    """Add a command to `sub` (an argparse subparsers action, a SpecRecorder, or SKIPPED),
    returning its parser (or spec), or SKIPPED when another command was invoked."""
    if isinstance(sub, _Skipped):
        return SKIPPED
    wanted = getattr(sub, "mirror_wanted", None)
    if wanted is not None and wanted not in (name, *aliases):
        return SKIPPED
    if isinstance(sub, SpecRecorder):
        return sub.record(CommandSpec(name, handler))
    from mirror.cli.argparser import common_options

    parser = sub.add_parser(name, help=help_text, description=help_text,
                            parents=[common_options()], aliases=list(aliases))
    parser.set_defaults(handler=handler)
    return parser


def invoked_command(argv: list[str]) -> str | None:
    """The command word in argv (skipping Mirror's global options), or None when the whole
    parser is needed (help, version, no command)."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--version"):
            return None
        if word in ("--home", "--journal"):
            next(words, None)
        elif word.startswith("-"):
            continue
        else:
            return word
    return None

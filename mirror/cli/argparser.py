"""argparse, set up the way Mirror's CLI promises: one-line usage errors with exit code 2,
and `--json` / `--home` accepted both before and after the command name.

Imported only when argparse itself is needed: `--help`, a usage error, a command line the
fast path (`mirror.cli.fastparse`) leaves to argparse, or a command it does not cover.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, NoReturn

from mirror.cli.argspec import BOOLEAN_OPTIONAL
from mirror.errors import UsageError


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal's width without `shutil`: argparse builds
    one for every option it adds, and its own default imports `shutil` (with `bz2`, `lzma`
    and `zlib`, ~4 ms) just to ask the width."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_columns() - 2 if width is None else width)


def terminal_columns() -> int:
    """What `shutil.get_terminal_size().columns` answers: $COLUMNS, else the terminal's
    width, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class MirrorArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.register("action", BOOLEAN_OPTIONAL, argparse.BooleanOptionalAction)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        """argparse's, except that words the command does not know are named with the
        command's own help (`mirror list --help`, not the top level's) and the option that
        was probably meant ("did you mean --tag?")."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            words = list(sys.argv[1:] if args is None else args)
            command = _command_parser(self, words)
            raise UsageError(unknown_words(command, extras))
        return parsed


def _command_parser(parser: argparse.ArgumentParser, words: list[str]) -> argparse.ArgumentParser:
    """The (sub)command parser the words reach: `threads create --x` is threads create's."""
    for word in words:
        if word.startswith("-"):
            continue
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs or word not in subs[0].choices:
            continue
        parser = subs[0].choices[word]
    return parser


def unknown_words(parser: argparse.ArgumentParser, extras: list[str]) -> str:
    """"unrecognized arguments: --tagg; did you mean --tag? (see `mirror list --help`)"."""
    import difflib  # a usage error only

    known = [o for a in parser._actions for o in a.option_strings if o.startswith("--")]
    guesses = []
    for word in extras:
        if word.startswith("--"):
            close = difflib.get_close_matches(word.split("=", 1)[0], known, n=1, cutoff=0.6)
            guesses += [g for g in close if g not in guesses]
    hint = f"; did you mean {' or '.join(guesses)}?" if guesses else ""
    return f"unrecognized arguments: {' '.join(extras)}{hint} (see `{parser.prog} --help`)"


def common_options(top_level: bool = False) -> argparse.ArgumentParser:
    """The options every command takes. On subcommands their default is SUPPRESS so a value
    given before the command name is not overwritten by the subcommand's default."""
    parent = MirrorArgumentParser(add_help=False)
    default = (lambda value: value) if top_level else (lambda value: argparse.SUPPRESS)
    parent.add_argument("--json", action="store_true", default=default(False),
                        help="print one JSON document on stdout")
    parent.add_argument("--home", metavar="DIR", default=default(None),
                        help="journal folder (default: $MIRROR_HOME or the user data folder)")
    parent.add_argument("--journal", metavar="NAME", default=default(None),
                        help="use the journal named NAME in the default home's config.toml"
                             " ([journals] NAME = \"/path\"; see `mirror journals`)")
    return parent

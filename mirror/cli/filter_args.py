"""The filters `list`, `search`, `onthisday` and bulk `edit`/`delete` share, declared once:
the same table builds each command's options, the `Filters` record the journal reads, and
the "more: …" hint that must repeat every filter the person gave.

Tags combine the way jrnl users expect to spell them: `--tag a --tag b` wants both (AND),
`--any-tag a,b` wants at least one (OR), `--not-tag c` wants none; they can be mixed.
"""

from __future__ import annotations

from mirror.cli.parser import BOOLEAN_OPTIONAL

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:  # the record is built at run time only (storage and all: ~50 ms)
    import argparse
    from typing import Any

    from mirror.services.journal import Filters


class _Flag:
    """One filter option (a plain class: a named tuple or a dataclass costs the start-up
    of every listing to define, and `typing` with it)."""

    __slots__ = ("dest", "field", "flags", "kind", "help", "metavar")

    def __init__(self, dest: str, field: str, flags: tuple[str, ...], kind: str,
                 help: str, metavar: str | None = None) -> None:
        self.dest = dest            # the argparse destination
        self.field = field          # the Filters field it fills
        self.flags = flags
        self.kind = kind            # "text" | "list" | "csv" | "true" | "bool"
        self.help = help
        self.metavar = metavar


FLAGS = (
    _Flag("since", "since", ("--since", "--from"), "text", "from this date (inclusive)", "DATE"),
    _Flag("until", "until", ("--until", "--to"), "text", "up to this date (inclusive)", "DATE"),
    _Flag("on", "on", ("--on",), "text", "only on this day (e.g. 2024-03-05, yesterday)", "DATE"),
    _Flag("tag", "tags", ("--tag",), "list",
          "only with this tag (repeatable: all of them)", "TAG"),
    _Flag("any_tag", "any_tags", ("--any-tag",), "csv",
          "only with at least one of these tags (comma-separated, repeatable)", "TAGS"),
    _Flag("not_tag", "not_tags", ("--not-tag",), "csv",
          "only without these tags (comma-separated, repeatable)", "TAGS"),
    _Flag("contains", "contains", ("--contains",), "text",
          "only reflections containing this text, ignoring case (not full-text)", "TEXT"),
    _Flag("starred", "starred", ("--starred",), "true", "only starred"),
    _Flag("thread", "thread", ("--thread",), "text", "only in this thread", "THREAD"),
    _Flag("private", "private", ("--private",), "bool",
          "only private (--no-private: only not private)"),
    _Flag("care", "care", ("--care",), "true",
          "only reflections with a care marker (shown as [care] or [gentle])"),
    _Flag("pattern", "pattern", ("--pattern",), "text",
          "only reflections showing this pattern, named as `mirror patterns` prints it"
          " (e.g. 'future anxiety')", "NAME"),
)

#: Filters that make no sense for a command, by command: onthisday picks its own dates
#: and never resurfaces care; edit's --tag and --private change a reflection, so there
#: the tag filter is spelled --has-tag and the private filter is left out.
SKIPPED = {
    "onthisday": frozenset({"since", "until", "on", "care"}),
    "edit": frozenset({"private"}),
}
_RENAMED = {("edit", "tag"): ("--has-tag",)}


def _spelling(command: str, flag: _Flag) -> tuple[str, ...]:
    return _RENAMED.get((command, flag.dest), flag.flags)


def _dest(command: str, flag: _Flag) -> str:
    return "has_tag" if (command, flag.dest) in _RENAMED else flag.dest


def _flags_for(command: str) -> list[_Flag]:
    return [f for f in FLAGS if f.dest not in SKIPPED.get(command, frozenset())]


def add_filters(p: Any, command: str) -> None:
    """Add the filter options to `command`'s parser (SKIPPED when another command runs)."""
    for flag in _flags_for(command):
        names, dest = _spelling(command, flag), _dest(command, flag)
        if flag.kind in ("list", "csv"):
            p.add_argument(*names, dest=dest, action="append", default=[], help=flag.help,
                           metavar=flag.metavar)
        elif flag.kind == "true":
            p.add_argument(*names, dest=dest, action="store_true", default=None, help=flag.help)
        elif flag.kind == "bool":
            p.add_argument(*names, dest=dest, action=BOOLEAN_OPTIONAL,
                           default=None, help=flag.help)
        else:
            p.add_argument(*names, dest=dest, help=flag.help, metavar=flag.metavar)


def _csv(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def filters_from(args: argparse.Namespace, command: str) -> Filters:
    """The `Filters` record for what the person typed."""
    from mirror.services.journal import Filters  # storage and all (~50 ms): only when used

    values: dict[str, Any] = {}
    for flag in _flags_for(command):
        value = getattr(args, _dest(command, flag))
        if flag.kind == "list":
            values[flag.field] = tuple(value)
        elif flag.kind == "csv":
            values[flag.field] = _csv(value)
        else:
            values[flag.field] = value
    return Filters(**values)


def any_filter(args: argparse.Namespace, command: str) -> bool:
    """Whether the person gave any filter at all (bulk commands refuse to act on everything
    by accident)."""
    return any(getattr(args, _dest(command, f)) not in (None, [], "") for f in _flags_for(command))


def filter_words(args: argparse.Namespace, command: str) -> list[str]:
    """The filters as the person could type them again, for hints that repeat a command."""
    words: list[str] = []
    for flag in _flags_for(command):
        value = getattr(args, _dest(command, flag))
        name = _spelling(command, flag)[0]
        if flag.kind in ("list", "csv"):
            for item in value:
                words += [name, item]
        elif flag.kind == "true":
            if value:
                words.append(name)
        elif flag.kind == "bool":
            if value is not None:
                words.append(name if value else "--no-" + name[2:])
        elif value is not None:
            words += [name, value]
    return words


def journal_words(args: argparse.Namespace) -> list[str]:
    """--home and --journal as given: a hint must reach the same journal."""
    words: list[str] = []
    for name in ("home", "journal"):
        value = getattr(args, name, None)
        if value:
            words += [f"--{name}", value]
    return words


def quoted(words: list[str]) -> str:
    """The words as one shell command line, each quoted as `shlex.quote` would (the rule
    is copied here: `shlex` costs every paged listing ~1 ms of start-up for one function)."""
    return " ".join(_shell_quote(w) for w in words)


def _shell_quote(word: str) -> str:
    if not word:
        return "''"
    if all(c.isascii() and (c.isalnum() or c in "_@%+=:,./-") for c in word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"

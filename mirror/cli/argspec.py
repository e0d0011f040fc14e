"""The command line of the command being run, parsed without argparse when it is plain.

argparse costs a read command about a fifth of its start-up (the module, `gettext` and
`locale`, and a parser built option by option). The command groups' `register()`
definitions are the one description of the CLI: given a `SpecRecorder`, `add_command`
returns a `CommandSpec` that records the invoked command's `add_argument` calls instead
of building argparse's parser, and `parse` reads argv against that record, producing what
argparse's `parse_args` would. Anything outside the plain subset — help, `--version`, an
unknown or abbreviated option, `--opt=value` for a flag, `--`, a value that starts with a
dash, a type or choice error, a missing argument, subcommands, option groups — returns
None, and the caller lets argparse parse the same argv (so every message and exit code
stays argparse's). tests/test_startup.py checks the two agree on generated command lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any

#: `action=BOOLEAN_OPTIONAL` in a definition: `--x` / `--no-x` (argparse's
#: BooleanOptionalAction, registered under this name by mirror.cli.argparser), named by a
#: string so the definitions need not import argparse.
BOOLEAN_OPTIONAL = "boolean_optional"
_SUPPRESS = "==SUPPRESS=="  # argparse.SUPPRESS
_UNSET: Any = object()  # no `default=` given: the action's own default applies
#: The default each action has when the definition gives none (as argparse's classes do).
_ACTION_DEFAULTS = {"store_true": False, "store_false": True}
_VALUE_ACTIONS = ("store", "append")
_FLAG_ACTIONS = ("store_true", "store_false", "store_const", "count", BOOLEAN_OPTIONAL)


class Namespace:
    """What argparse's `Namespace` is to a handler: attributes, `vars()`, `in`, equality."""

    def __init__(self, **values: Any) -> None:
        vars(self).update(values)

    def __contains__(self, name: str) -> bool:
        return name in vars(self)

    def __eq__(self, other: object) -> bool:
        return vars(self) == vars(other) if hasattr(other, "__dict__") else NotImplemented

    def __repr__(self) -> str:
        return f"Namespace({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class _Option:
    __slots__ = ("flags", "dest", "action", "default", "type", "const", "choices", "required", "negated")

    def __init__(self, flags: tuple[str, ...], dest: str, action: str, default: Any,
                 type_: Callable[[str], Any] | None, const: Any, choices: Any, required: bool) -> None:
        self.flags, self.dest, self.action, self.default = flags, dest, action, default
        self.type, self.const, self.choices, self.required = type_, const, choices, required
        self.negated: tuple[str, ...] = ()


class CommandSpec:
    """One command's arguments as its definition adds them (argparse's subset Mirror uses
    on its everyday commands); `plain` turns False at anything else."""

    def __init__(self, name: str, handler: Callable[..., int]) -> None:
        self.name = name
        self.plain = True
        self.options: list[_Option] = []
        self.positionals: list[_Option] = []
        self.nargs = ""
        self.defaults: dict[str, Any] = {"handler": handler}
        for flag in ("--json", "--home", "--journal"):  # mirror.cli.argparser.common_options
            self.options.append(_Option((flag,), flag[2:], "store_true" if flag == "--json" else "store",
                                        _SUPPRESS, None, None, None, False))

    def add_argument(self, *names: str, action: Any = "store", dest: str | None = None,
                     default: Any = _UNSET, type: Any = None, nargs: Any = None,  # noqa: A002
                     const: Any = None, choices: Any = None, required: bool = False,
                     help: str | None = None, metavar: Any = None) -> CommandSpec:  # noqa: A002
        if not isinstance(action, str) or action not in (*_VALUE_ACTIONS, *_FLAG_ACTIONS):
            self.plain = False
            return self
        if names and names[0].startswith("-"):
            if nargs is not None or (action == "boolean_optional" and len(names) != 1):
                self.plain = False
                return self
            long = [n for n in names if n.startswith("--")]
            name = dest or (long[0] if long else names[0]).lstrip("-").replace("-", "_")
            if default is _UNSET:
                default = self.defaults.get(name, _ACTION_DEFAULTS.get(action))
            option = _Option(tuple(names), name, action, default, type, const, choices, required)
            if action == "boolean_optional":
                option.negated = ("--no-" + names[0][2:],)
            self.options.append(option)
        else:
            if self.positionals or len(names) != 1 or action != "store" or choices is not None \
                    or nargs not in (None, "?", "*", "+"):
                self.plain = False
                return self
            if default is _UNSET:
                default = self.defaults.get(dest or names[0])
            self.positionals.append(_Option(names, dest or names[0], action, default, type, const,
                                            choices, required))
            self.nargs = nargs or ""
        return self

    def set_defaults(self, **values: Any) -> None:
        self.defaults.update(values)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        """Anything else a definition asks for (option groups, subcommands): not plain."""
        if name.startswith("__"):
            raise AttributeError(name)
        self.plain = False
        return lambda *args, **kwargs: self


class SpecRecorder:
    """Passed to a group's `register()` instead of argparse's subparsers action: keeps the
    spec of the one command wanted (`mirror_wanted`, as add_command's fast path reads)."""

    def __init__(self, wanted: str) -> None:
        self.mirror_wanted = wanted
        self.spec: CommandSpec | None = None

    def record(self, spec: CommandSpec) -> CommandSpec:
        self.spec = spec
        return spec


class _NotPlain(Exception):
    """This command line is left to argparse."""


def parse(argv: Sequence[str], command: str, spec: CommandSpec | None) -> Namespace | None:
    """argv parsed as argparse would, or None to let argparse parse it."""
    if spec is None or not spec.plain:
        return None
    try:
        return _parse(list(argv), command, spec)
    except _NotPlain:
        return None


def _parse(argv: list[str], command: str, spec: CommandSpec) -> Namespace:
    values: dict[str, Any] = {"json": False, "home": None, "journal": None}
    words = iter(argv)
    for word in words:  # Mirror's own options before the command word
        if word == command:
            break
        if word == "--json":
            values["json"] = True
        elif word in ("--home", "--journal"):
            values[word[2:]] = _value(next(words, None))
        else:
            raise _NotPlain
    values["command"] = command
    values.update(_parse_command(list(words), spec))
    return Namespace(**values)


def _value(word: str | None) -> str:
    if word is None or word.startswith("-"):
        raise _NotPlain  # argparse's "expected one argument" (or a negative number)
    return word


def _parse_command(words: list[str], spec: CommandSpec) -> dict[str, Any]:
    by_flag: dict[str, _Option] = {}
    for option in spec.options:
        for flag in (*option.flags, *option.negated):
            by_flag[flag] = option
    out: dict[str, Any] = {}
    for option in (*spec.options, *spec.positionals):  # argparse: the first default wins
        if option.dest not in out and option.default != _SUPPRESS:
            out[option.dest] = option.default
    for dest, value in spec.defaults.items():
        out.setdefault(dest, value)
    seen: set[str] = set()
    positional: list[str] = []
    options_seen = run_closed = False
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if not word.startswith("-"):
            # Positional words must form one run, and for an optional positional ("?",
            # "*") come before any option: argparse 3.11 gives such a positional its
            # empty match at the first option and then refuses the words.
            if run_closed or (options_seen and not positional and spec.nargs in ("?", "*")):
                raise _NotPlain
            positional.append(word)
            continue
        options_seen = True
        run_closed = bool(positional)
        explicit = None
        if word.startswith("--") and "=" in word:
            word, explicit = word.split("=", 1)
        found = by_flag.get(word)
        if found is None:
            raise _NotPlain  # unknown, abbreviated, `--`, `-h`, a short cluster, a negative number
        option = found
        seen.add(option.dest)
        if option.action in _VALUE_ACTIONS:
            if explicit is None:
                explicit = _value(words[index] if index < len(words) else None)
                index += 1
            value = _converted(option, explicit)
            if option.action == "append":
                out[option.dest] = [*(out.get(option.dest) or []), value]
            else:
                out[option.dest] = value
        elif explicit is not None:
            raise _NotPlain  # argparse: "ignored explicit argument"
        elif option.action == "store_true":
            out[option.dest] = True
        elif option.action == "store_false":
            out[option.dest] = False
        elif option.action == "store_const":
            out[option.dest] = option.const
        elif option.action == "count":
            out[option.dest] = (out.get(option.dest) or 0) + 1
        else:  # boolean_optional
            out[option.dest] = word not in option.negated
    for option in spec.options:
        if option.required and option.dest not in seen:
            raise _NotPlain
        default = option.default
        if option.dest not in seen and isinstance(default, str) and option.type is not None \
                and default != _SUPPRESS and out.get(option.dest) is default:
            out[option.dest] = _converted(option, str(default), check_choices=False)
    for option in spec.positionals:
        out[option.dest] = _positional(option, spec.nargs, positional)
    if positional and not spec.positionals:
        raise _NotPlain  # argparse: "unrecognized arguments"
    return out


def _positional(option: _Option, nargs: str, words: list[str]) -> Any:
    if nargs == "":
        if len(words) != 1:
            raise _NotPlain
        return _converted(option, words[0])
    if nargs == "?":
        if len(words) > 1:
            raise _NotPlain
        if words:
            return _converted(option, words[0])
        default = option.default
        return _converted(option, default) if isinstance(default, str) else default
    if nargs == "+" and not words:
        raise _NotPlain
    if not words:  # "*" with nothing: argparse gives the default, else the empty list
        return option.default if option.default is not None else []
    return [_converted(option, w) for w in words]


def _converted(option: _Option, word: str, check_choices: bool = True) -> Any:
    try:
        value = option.type(word) if option.type is not None else word
    except Exception:
        raise _NotPlain from None  # argparse words the error
    if check_choices and option.choices is not None and value not in option.choices:
        raise _NotPlain
    return value

"""Regular expressions compiled the first time they are used, and compiled once per machine.

Compiling is paid by every process that defines a pattern, used or not: a module of forty
patterns (`services.people`) cost `reflect` ~6 ms for the thirty it never tried on a plain
English entry. A `LazyPattern` stands where `re.compile(...)` stood and answers the same
methods with the same results.

Compiling is also paid again by every process that does use a pattern: `reflect` spent
~20 ms of its CPU in `re`'s parser and compiler (the care detector's word pattern, whose
classes span most of Unicode, ~5 ms alone), for patterns that are the same from one run
to the next. `kept(pattern, flags)` compiles as `re.compile` does, and keeps the compiled
program the way Python keeps a module's bytecode: in `mirror/__pycache__`
(`lazy_re.<cache tag>.marshal`), for the interpreter that wrote it (its version and the
regular expression engine's), written at exit only when a pattern was missing and never
when bytecode is not written (PYTHONDONTWRITEBYTECODE). A program is kept only when the
pattern it builds equals `re.compile`'s (same flags, same code), so a later run gets
exactly the pattern `re.compile` would give; an unreadable or unwritable file only costs
the compile. Only patterns written in Mirror's code and its constitution's data go
through it (a `LazyPattern` is a module's constant): never text a person wrote.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine `re` compiles to (built in)
import marshal
import os
import re
import sys

TYPE_CHECKING = False  # typing's flag without importing typing (a command's start-up)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

#: Whose programs the file holds: another interpreter or engine compiles anew.
_VERSION = (sys.hexversion, _sre.MAGIC)
#: Patterns kept at most: beyond this (rules edited many times) a process keeps only what
#: it used.
KEPT_LIMIT = 4096

_table: dict[tuple[str, int], tuple[Any, ...]] | None = None  # from the file
_made: dict[tuple[str, int], re.Pattern[str]] = {}              # this process's patterns
_new: dict[tuple[str, int], tuple[Any, ...]] = {}                # compiled by this process
_used: set[tuple[str, int]] = set()


def _cache_file() -> str | None:
    tag = sys.implementation.cache_tag
    if tag is None:
        return None
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__",
                        f"lazy_re.{tag}.marshal")


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _table
    table: dict[tuple[str, int], tuple[Any, ...]] = {}
    path = _cache_file()
    if path is not None:
        try:
            with open(path, "rb") as handle:
                version, found = marshal.loads(handle.read())
            if version == _VERSION and isinstance(found, dict):
                table = found
        except (OSError, ValueError, EOFError, TypeError):
            pass
    _table = table
    return table


def _program(pattern: str, flags: int, compiled: re.Pattern[str]) -> tuple[Any, ...] | None:
    """The arguments `re` gives the engine for `pattern` (what `re._compiler.compile`
    does), when the pattern they build equals `compiled`; else None (another Python's
    `re`, a flag this does not cover)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
        if _sre.compile(pattern, *args) == compiled:
            return args
    except Exception:  # noqa: BLE001 - keeping is an optimisation: never a reason to fail
        pass
    return None


def kept(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, its program taken from the file when an earlier
    process compiled it (see the module docstring). Raises `re.error` as re.compile does."""
    flags = int(flags)
    key = (pattern, flags)
    made = _made.get(key)
    if made is not None:
        return made
    table = _table if _table is not None else _load()
    _used.add(key)
    args = table.get(key)
    if args is not None:
        try:
            made = _made[key] = _sre.compile(pattern, *args)
            return made
        except Exception:  # noqa: BLE001 - a damaged entry: compiled again below
            pass
    compiled = _made[key] = re.compile(pattern, flags)
    if flags & re.DEBUG or sys.dont_write_bytecode:
        return compiled
    program = _program(pattern, flags, compiled)
    if program is not None:
        if not _new:
            import atexit

            atexit.register(_save)
        _new[key] = program
    return compiled


def _save() -> None:
    """At exit: rewrite the file with what it held and what this process compiled (only
    what this process used, once that is over KEPT_LIMIT patterns)."""
    path = _cache_file()
    if path is None or not _new or sys.dont_write_bytecode:
        return
    table = {**(_table or {}), **_new}
    if len(table) > KEPT_LIMIT:
        table = {k: v for k, v in table.items() if k in _used}
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(marshal.dumps((_VERSION, table)))
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


class LazyPattern:
    """`re.compile(pattern, flags)`, compiled on first use (through `kept`). The pattern may
    be given as a function that writes it: a text built from word lists (a tree of their
    letters) is then built on first use too, not by every process that imports the module."""

    __slots__ = ("flags", "_source", "_compiled")

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._source = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        source = self._source
        if not isinstance(source, str):
            source = self._source = source()
        return source

    def compiled(self) -> re.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = kept(self.pattern, self.flags)
        return found

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

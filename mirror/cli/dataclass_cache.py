"""Mirror's dataclass methods compiled once and kept beside the bytecode, for the command line.

`@dataclass` writes each record's `__init__`, `__repr__`, `__eq__`, `__hash__` and (frozen)
`__setattr__`/`__delattr__` as source text and compiles it on every start-up: ~0.15 ms a
method, ~1 ms a record. A read command defines ten records (~8 ms of its CPU), `reflect`
about fifty with the engine's (~40 ms). The texts are the same from one run to the next, so
the compiled code is kept the way Python keeps a module's bytecode: in the defining module's
`__pycache__` (`<module>.dataclasses.<cache tag>.marshal`), keyed by the exact text, written
only when a text was missing and never when bytecode is not written
(PYTHONDONTWRITEBYTECODE). A changed record has a new text, so a stale entry is never used;
an unreadable or unwritable file only costs the compile.

`dataclasses` compiles through the `exec` builtin (`_create_fn`); this module puts a
function of its own in that module's namespace under the name `exec`, which compiles (or
takes from the cache) exactly what `exec` would have compiled, with the same flags, and runs
it. Only modules of the `mirror` package are cached; any other text is compiled as before.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
import types

from mirror.cli import lazy_stdlib  # noqa: F401 - first: `dataclasses` must find `inspect` deferred

_PREFIX = "mirror."
_VERSION = sys.hexversion  # marshalled code is valid for the interpreter that wrote it
_loaded: dict[str, dict[str, types.CodeType]] = {}  # module -> text -> code (from its file)
_used: dict[str, dict[str, types.CodeType]] = {}    # module -> what this process compiled or took
_files: dict[str, str] = {}                          # module -> its cache file
_missed: set[str] = set()                            # modules with a text not in their file


def _cache_file(module_file: str) -> str:
    folder, name = os.path.split(module_file)
    stem = name.rsplit(".", 1)[0]
    return os.path.join(folder, "__pycache__", f"{stem}.dataclasses.{sys.implementation.cache_tag}.marshal")


def _load(path: str) -> dict[str, types.CodeType]:
    try:
        with open(path, "rb") as handle:
            version, table = marshal.loads(handle.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if version != _VERSION or not isinstance(table, dict):
        return {}
    return table


def _compile(source: str) -> types.CodeType:
    # What `exec(source)` compiles when dataclasses calls it: no flags inherited (dataclasses
    # has no __future__ imports; this module's `annotations` must not leak into the records).
    return compile(source, "<string>", "exec", dont_inherit=True)


def _code(source: str, namespace: dict[str, object]) -> types.CodeType:
    module = namespace.get("__name__")
    module_file = namespace.get("__file__")
    if not (isinstance(module, str) and module.startswith(_PREFIX) and isinstance(module_file, str)):
        return _compile(source)
    table = _loaded.get(module)
    if table is None:
        _files[module] = _cache_file(module_file)
        table = _loaded[module] = _load(_files[module])
    code = table.get(source)
    if code is None:
        code = _compile(source)
        if not _missed:
            import atexit

            atexit.register(_save)
        _missed.add(module)
    _used.setdefault(module, {})[source] = code
    return code


def _exec(source: object, globals: dict[str, object] | None = None,
          locals: dict[str, object] | None = None, /) -> None:
    """`exec`, as `dataclasses` calls it."""
    if type(source) is str and globals is not None:
        try:
            code = _code(source, globals)
        except Exception:  # the cache is an optimisation: never a reason to fail
            code = _compile(source)
        builtins.exec(code, globals, locals)
        return
    builtins.exec(source, globals, locals)  # type: ignore[arg-type]


def _save() -> None:
    """At exit: rewrite the files of modules that had a text missing, with what this process
    used (every record of a module is defined when it is imported, so nothing is lost)."""
    if sys.dont_write_bytecode:
        return
    for module in _missed:
        path = _files[module]
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(tmp, "wb") as handle:
                handle.write(marshal.dumps((_VERSION, _used[module])))
            os.replace(tmp, path)
        except (OSError, ValueError):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _type_test(module: types.ModuleType) -> object:
    """`dataclasses._is_type` with the annotation's leading names read once per annotation.

    For every field, `dataclasses` asks up to three times whether its annotation (a string:
    Mirror's modules postpone annotations) names `KW_ONLY`, `ClassVar` or `InitVar`, each
    time matching the text against a regular expression: ~1,200 matches of ~60 distinct
    texts for `reflect`'s records (~3 ms). The match depends on the text alone, so it is
    kept; what the names refer to is looked up in the record's module every time, exactly
    as `dataclasses` does."""
    original = module._is_type
    identifier = module._MODULE_IDENTIFIER_RE
    parsed: dict[str, tuple[str | None, str] | None] = {}

    def _is_type(annotation: str, cls: type, a_module: types.ModuleType, a_type: object,
                 is_type_predicate: object) -> bool:
        try:
            names = parsed[annotation]
        except KeyError:
            match = identifier.match(annotation)
            names = parsed[annotation] = (match.group(1), match.group(2)) if match else None
        except TypeError:  # not a string: whatever dataclasses makes of it
            return bool(original(annotation, cls, a_module, a_type, is_type_predicate))
        if names is None:
            return False
        module_name, name = names
        ns = None
        if not module_name:
            ns = sys.modules.get(cls.__module__).__dict__
        else:
            owner = sys.modules.get(cls.__module__)
            if owner and owner.__dict__.get(module_name) is a_module:
                ns = sys.modules.get(a_type.__module__).__dict__
        return bool(ns and is_type_predicate(ns.get(name), a_module))  # type: ignore[operator]

    return _is_type


def install() -> None:
    """Route `dataclasses`' compiling through the cache, and its annotation test through
    `_type_test` (once; a no-op if its `exec` is already someone else's)."""
    import dataclasses  # after lazy_stdlib (imported above): `inspect` stays deferred

    if "exec" not in vars(dataclasses) and hasattr(dataclasses, "_create_fn"):
        dataclasses.exec = _exec  # type: ignore[attr-defined]
        if hasattr(dataclasses, "_is_type") and hasattr(dataclasses, "_MODULE_IDENTIFIER_RE"):
            dataclasses._is_type = _type_test(dataclasses)  # type: ignore[attr-defined]


install()  # on import: `mirror.cli` imports this module before any record is defined

"""`inspect` and `urllib.parse` loaded on first use instead of at start-up, for the command
line only.

Mirror's records are dataclasses, and `dataclasses` runs `import inspect` when it is
imported, which brings `ast`, `dis`, `tokenize` and `linecache` along: about 25 ms, a
quarter of a read command's CPU. `dataclasses` only calls into `inspect` to write a
docstring for a record that has none, so every record on a read command's path carries its
own docstring and nothing there touches `inspect` (tests/test_startup.py guards both).

`pathlib` imports `urllib.parse` for `Path.as_uri()` alone, and `urllib.parse` imports
`ipaddress`, which builds its tables of reserved networks at import: ~3 ms of every
command for a method no command calls. The stand-in carries the one function `pathlib`
takes from it (`quote_from_bytes`, loading the real module when called).

Until then `sys.modules[name]` holds a stand-in; the first attribute anyone asks of it
(the TUI's Textual, a record without a docstring, a traceback being logged, a URL being
split) imports the real module, which replaces the stand-in, and the stand-in's namespace
becomes the real one's.
"""

from __future__ import annotations

import importlib
import sys
import types


def defer(name: str, eager: tuple[str, ...] = ()) -> None:
    """Put the stand-in for module `name` in place, unless the module is already imported
    (tests, the TUI). `eager`: functions other modules take from it at their own import
    (`from name import f`), each a forwarder that loads the real module when called."""
    if name in sys.modules:
        return
    stand_in = types.ModuleType(name, f"Stand-in for `{name}` until something uses it.")
    parent_name, _, child = name.rpartition(".")
    parent = importlib.import_module(parent_name) if parent_name else None

    def real_module() -> types.ModuleType:
        real = sys.modules.get(name)
        if real is None or real is stand_in:
            sys.modules.pop(name, None)
            real = importlib.import_module(name)  # also sets the parent package's attribute
            vars(stand_in).update(vars(real))  # later lookups go straight to the real names
        return real

    def load(attribute: str) -> object:
        if attribute == "__path__":  # `from name import f` asks whether it is a package: no
            raise AttributeError(attribute)
        return getattr(real_module(), attribute)

    def forwarder(function: str) -> types.FunctionType:
        def call(*args: object, **kwargs: object) -> object:
            return getattr(real_module(), function)(*args, **kwargs)

        call.__name__ = function
        return call  # type: ignore[return-value]

    for function in eager:
        setattr(stand_in, function, forwarder(function))
    # A module-level __getattr__ (PEP 562) is asked only for names the stand-in lacks.
    # `__spec__` must be present: the import system reads it on every `import name`.
    stand_in.__getattr__ = load  # type: ignore[method-assign]
    stand_in.__spec__ = None
    sys.modules[name] = stand_in
    if parent is not None:
        setattr(parent, child, stand_in)  # `import urllib.parse; urllib.parse.x` finds it too


# On import: `mirror.cli` imports this module before anything loads dataclasses or pathlib.
defer("inspect")
defer("urllib.parse", eager=("quote_from_bytes",))

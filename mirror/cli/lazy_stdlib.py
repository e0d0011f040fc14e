"""`inspect` loaded on first use instead of at start-up, for the command line only.

Mirror's records are dataclasses, and `dataclasses` runs `import inspect` when it is
imported, which brings `ast`, `dis`, `tokenize` and `linecache` along: about 25 ms, a
quarter of a read command's CPU. `dataclasses` only calls into `inspect` to write a
docstring for a record that has none, so every record on a read command's path carries its
own docstring and nothing there touches `inspect` (tests/test_startup.py guards both).

Until then `sys.modules["inspect"]` holds a stand-in; the first attribute anyone asks of it
(the TUI's Textual, a record without a docstring, a traceback being logged) imports the real
module, which replaces the stand-in, and the stand-in's namespace becomes the real one's.
"""

from __future__ import annotations

import importlib
import sys
import types

_NAME = "inspect"


def defer_inspect() -> None:
    """Put the stand-in in place, unless `inspect` is already imported (tests, the TUI)."""
    if _NAME in sys.modules:
        return
    stand_in = types.ModuleType(_NAME, "Stand-in for `inspect` until something uses it.")

    def load(attribute: str) -> object:
        real = sys.modules.get(_NAME)
        if real is None or real is stand_in:
            sys.modules.pop(_NAME, None)
            real = importlib.import_module(_NAME)
        vars(stand_in).update(vars(real))  # later lookups go straight to the real functions
        return getattr(real, attribute)

    # A module-level __getattr__ (PEP 562) is asked only for names the stand-in lacks.
    # `__spec__` must be present: the import system reads it on every `import inspect`.
    stand_in.__getattr__ = load  # type: ignore[method-assign]
    stand_in.__spec__ = None
    sys.modules[_NAME] = stand_in


defer_inspect()  # on import: `mirror.cli` imports this module before anything loads dataclasses

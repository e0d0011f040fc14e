"""`typing.NamedTuple`'s class syntax without importing `typing`.

`typing` takes ~2.5 ms to import, and `typing.NamedTuple` compiles every field's annotation
as a forward reference (Mirror's modules postpone annotations, so each is a string): ~55
compiles for the engine's tuples. `reflect` loaded `typing` for little else. A class written

    class Word(NamedTuple):
        \"\"\"One word of a sentence.\"\"\"

        text: str
        start: int = 0

        def end(self) -> int: ...

with this module's `NamedTuple` is the class `typing.NamedTuple` makes: a
`collections.namedtuple` of the annotated fields (their defaults, the module's name), with
the class's docstring and methods set on it. Only the annotations stay as written (text,
not `typing.ForwardRef`s), and the class has no `__orig_bases__`: nothing of Mirror's reads
them. To a type checker, this module's `NamedTuple` is `typing.NamedTuple`.
"""

from __future__ import annotations

import collections

TYPE_CHECKING = False  # typing's flag without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any
    from typing import NamedTuple as NamedTuple

#: What a class may not define, and what is taken from it otherwise (as typing has them).
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                         "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})
_namedtuple: Callable[..., Any] = collections.namedtuple  # called with names only known at run time


class _NamedTupleMeta(type):
    def __new__(cls, typename: str, bases: tuple[type, ...], ns: dict[str, object]) -> type:
        if bases != (NamedTuple,):
            raise TypeError("can only inherit from NamedTuple")
        types: dict[str, object] = dict(ns.get("__annotations__") or {})  # type: ignore[call-overload]
        default_names: list[str] = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} cannot follow "
                                f"default field{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        made = _namedtuple(typename, list(types), defaults=[ns[n] for n in default_names],
                           module=str(ns["__module__"]))
        made.__annotations__ = made.__new__.__annotations__ = types
        for key in ns:
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in made._fields:
                setattr(made, key, ns[key])
        return made


if not TYPE_CHECKING:
    #: The base to write a named tuple's class with (the class made is no subclass of it).
    NamedTuple = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

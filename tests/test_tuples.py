"""`mirror.tuples.NamedTuple` makes the class `typing.NamedTuple` makes, without `typing`:
the engine's tokens, words and analysis records behave exactly as before."""

from __future__ import annotations

import pickle
import sys
import types
import typing

import pytest

from mirror import tuples

_RECORD = '''
from __future__ import annotations


class Word(Base):
    """One word of a sentence."""

    text: str
    start: int
    end: int = -1

    @property
    def size(self) -> int:
        return self.end - self.start

    def shout(self) -> str:
        return self.text.upper()
'''


def _define(base: object, name: str) -> type:
    module = types.ModuleType(name)
    module.Base = base
    sys.modules[name] = module
    exec(compile(_RECORD, f"<{name}>", "exec"), vars(module))
    return module.Word


def _described(cls: type) -> tuple[object, ...]:
    word = cls("Sam", 3, 6)
    return (cls.__name__, cls.__qualname__, cls.__doc__, cls._fields, cls._field_defaults,
            cls.__bases__, cls.__mro__[1:], cls.__match_args__, type(cls),
            cls.__new__.__defaults__, repr(word), word.size, word.shout(), tuple(word),
            repr(cls("Ann", 0)), word._replace(text="Ann"), word._asdict(),
            sorted(k for k in vars(cls) if k not in ("__annotations__", "__orig_bases__", "__module__")))


def test_the_class_is_typings() -> None:
    try:
        ours, theirs = _define(tuples.NamedTuple, "tuples_ours"), _define(typing.NamedTuple, "tuples_theirs")
        assert _described(ours) == _described(theirs)
        assert ours.__module__ == "tuples_ours" and list(ours.__annotations__) == ["text", "start", "end"]
        word = ours("Sam", 3, 6)
        assert pickle.loads(pickle.dumps(word)) == word  # records cross process boundaries
    finally:
        sys.modules.pop("tuples_ours", None)
        sys.modules.pop("tuples_theirs", None)


def test_what_typing_refuses_is_refused() -> None:
    with pytest.raises(TypeError):
        class Late(tuples.NamedTuple):
            a: int = 1
            b: int
    with pytest.raises(AttributeError):
        class Clash(tuples.NamedTuple):
            a: int

            def _asdict(self) -> dict[str, int]:
                return {}


def test_the_engines_tuples_are_made_without_typing() -> None:
    from mirror.engine.tokenize import Token
    from mirror.storage.analysis_records import AnalysisRecord

    for record in (Token, AnalysisRecord):
        assert record.__bases__ == (tuple,) and "__orig_bases__" not in vars(record)

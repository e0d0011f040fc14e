"""A scripted adapter for tests: answers from a list, raises on cue, records every call.

Each call to `generate` consumes the next item of `responses`: a string is streamed back
in a few chunks (so progress reporting is exercised) followed by a `Usage`; an exception
instance is raised instead. Running out of responses is a test bug and raises loudly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mirror.adapters.base import Chunk, GenerateOptions, Message, Usage


@dataclass(frozen=True)
class ScriptedCall:
    """What one `generate` call received."""

    system: str
    messages: tuple[Message, ...]
    options: GenerateOptions


class ScriptedAdapter:
    """An adapter whose answers are given in advance."""

    engine_version = "scripted-1"

    def __init__(
        self,
        responses: Sequence[str | BaseException],
        *,
        name: str = "scripted",
        remote: bool = False,
        model: str | None = "scripted-model",
        chunk_size: int = 16,
    ) -> None:
        self.name = name
        self.model = model
        self._responses = list(responses)
        self._remote = remote
        self._chunk_size = max(1, chunk_size)
        self.calls: list[ScriptedCall] = []

    def is_remote(self) -> bool:
        return self._remote

    def endpoint(self) -> str:
        return "https://scripted.invalid/v1" if self._remote else "local"

    @property
    def remaining(self) -> int:
        return len(self._responses)

    def generate(
        self, system: str, messages: list[Message], options: GenerateOptions
    ) -> Iterator[Chunk]:
        self.calls.append(ScriptedCall(system, tuple(messages), options))
        if not self._responses:
            raise AssertionError(f"{self.name}: called more often than scripted")
        item = self._responses.pop(0)
        return self._stream(item, messages)

    def _stream(self, item: str | BaseException, messages: list[Message]) -> Iterator[Chunk]:
        if isinstance(item, BaseException):
            raise item
        for i in range(0, len(item), self._chunk_size):
            yield item[i : i + self._chunk_size]
        yield Usage(
            input_tokens=sum(len(m.content) for m in messages) // 4,
            output_tokens=max(1, len(item) // 4),
        )

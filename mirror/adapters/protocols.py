"""The protocols every mirrorback engine implements (`mirror.adapters.base` names them too).

Apart from `mirror.adapters.base` because a `Protocol` needs `typing`, which `reflect` with
the offline engine never loads otherwise; `mirror.adapters.base.Adapter` still names them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # the protocol's annotations only: health is probed by `mirror doctor`
    from mirror.adapters.health import HealthReport
    from mirror.adapters.records import Chunk, GenerateOptions, Message


@runtime_checkable
class Adapter(Protocol):
    """A mirrorback engine.

    `generate` yields text chunks (str) as they arrive and, last, exactly one `Usage`.
    It raises an `AdapterError` subclass on failure; it never retries by itself.
    """

    name: str
    engine_version: str

    def is_remote(self) -> bool:
        """True when text sent to `generate` leaves this machine."""
        ...

    def endpoint(self) -> str:
        """Where requests go (a URL), or 'local' for in-process engines. Never holds secrets."""
        ...

    def generate(
        self, system: str, messages: list[Message], options: GenerateOptions
    ) -> Iterator[Chunk]: ...


@runtime_checkable
class ServerAdapter(Adapter, Protocol):
    """An adapter of a model server (Ollama, Anthropic): it can be probed without sending
    any reflection (`mirror doctor`), and holds an HTTP client to close."""

    model: str | None

    def check_health(self) -> HealthReport: ...

    def close(self) -> None: ...

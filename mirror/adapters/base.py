"""The one interface every mirrorback engine implements.

An adapter only produces text. It does not retry, check or fall back: the SDK's own retries
are off and timeouts are explicit, so that the engine (mirror.engine.contract) alone decides
what happens after a failure, and every attempt is recorded in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from mirror.errors import EngineUnavailable
from mirror.settings import KEYS

if TYPE_CHECKING:  # the protocol's annotation only: health is probed by `mirror doctor`
    from mirror.adapters.health import HealthReport


@dataclass(frozen=True)
class Message:
    """One turn sent to a model. The reflection travels inside `content`, delimited as data."""

    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True)
class GenerateOptions:
    """What a caller may ask of any adapter; adapter-specific settings live in the adapter.
    The defaults are the settings' (`mirror.settings.KEYS`)."""

    model: str | None = None
    max_tokens: int = KEYS["generation.max_tokens"].default
    temperature: float = KEYS["generation.temperature"].default
    connect_timeout_s: float = KEYS["timeouts.connect_s"].default
    read_timeout_s: float = KEYS["timeouts.read_s"].default
    #: The context window the request needs (prompt and answer), set by the engine for each
    #: request; adapters of servers with a configurable window pass it on (Ollama's num_ctx).
    context_tokens: int | None = None


@dataclass(frozen=True)
class Usage:
    """Token counts reported once, as the last item a `generate` iterator yields."""

    input_tokens: int = 0
    output_tokens: int = 0


Chunk = str | Usage


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


class AdapterError(Exception):
    """A model call failed. `retryable` tells the engine whether trying again may help."""

    retryable: bool = False

    def __init__(self, message: str, *, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class AdapterUnavailable(AdapterError, EngineUnavailable):
    """The extra is not installed, the server cannot be reached, or no key is configured.
    The message says what to install, start or set."""

    retryable = False


class AdapterTimeout(AdapterError):
    retryable = True


class AdapterRateLimited(AdapterError):
    """HTTP 429 (or 529 overloaded); honour `retry_after_s` when the server gave one."""

    retryable = True


class AdapterServerError(AdapterError):
    """HTTP 5xx."""

    retryable = True


class AdapterMalformed(AdapterError):
    """The server answered something that is not the protocol (bad JSON, cut stream)."""

    retryable = True

"""The one interface every mirrorback engine implements.

An adapter only produces text. It does not retry, check or fall back: the SDK's own retries
are off and timeouts are explicit, so that the engine (mirror.engine.contract) alone decides
what happens after a failure, and every attempt is recorded in one place.
"""

from __future__ import annotations

from mirror.adapters.records import Chunk, GenerateOptions, Message, Usage
from mirror.errors import EngineUnavailable

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from mirror.adapters.protocols import Adapter as Adapter
    from mirror.adapters.protocols import ServerAdapter as ServerAdapter

__all__ = ["Adapter", "AdapterError", "AdapterMalformed", "AdapterRateLimited", "AdapterServerError",
           "AdapterTimeout", "AdapterUnavailable", "Chunk", "GenerateOptions", "Message", "ServerAdapter",
           "Usage"]


def __getattr__(name: str) -> object:
    """`Adapter` and `ServerAdapter`, typing's protocols (`mirror.adapters.protocols`),
    loaded when first asked for: they are only annotations to the engine, and the offline
    engine's `reflect` need not import `typing` for them."""
    if name in ("Adapter", "ServerAdapter"):
        from mirror.adapters import protocols

        return getattr(protocols, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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

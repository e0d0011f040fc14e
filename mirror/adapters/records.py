"""What an adapter is called with and answers with (`mirror.adapters.base` names them too).

Apart from `mirror.adapters.base` so that the adapters' protocols (`mirror.adapters.protocols`)
can name them without importing the module that re-exports the protocols.
"""

from __future__ import annotations

from dataclasses import dataclass

from mirror.settings import KEYS

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Literal


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

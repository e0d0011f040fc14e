"""Fake Ollama and Anthropic servers on 127.0.0.1 that speak the real protocols.

Adapters are tested with their real client libraries over real HTTP against these, so the
suite needs no model, no key and no network (DESIGN.md §9).
"""

from tests.fakeservers._plumbing import (
    Behaviour,
    Drop,
    Fail,
    FakeServer,
    Hang,
    Malformed,
    RecordedRequest,
    Reply,
    StreamError,
    Truncate,
)
from tests.fakeservers.anthropic_server import AnthropicServer
from tests.fakeservers.ollama_server import OllamaServer

__all__ = [
    "AnthropicServer",
    "Behaviour",
    "Drop",
    "Fail",
    "FakeServer",
    "Hang",
    "Malformed",
    "OllamaServer",
    "RecordedRequest",
    "Reply",
    "StreamError",
    "Truncate",
]

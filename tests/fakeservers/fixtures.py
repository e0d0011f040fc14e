"""pytest fixtures: a fresh fake server per test, stopped at teardown.

Use from tests/conftest.py with:
    from tests.fakeservers.fixtures import anthropic_server, ollama_server  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakeservers.anthropic_server import AnthropicServer
from tests.fakeservers.ollama_server import OllamaServer


@pytest.fixture
def ollama_server() -> Iterator[OllamaServer]:
    with OllamaServer() as server:
        yield server


@pytest.fixture
def anthropic_server() -> Iterator[AnthropicServer]:
    with AnthropicServer() as server:
        yield server

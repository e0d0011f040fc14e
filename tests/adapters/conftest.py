"""Fixtures for the adapter tests.

The fake-server fixtures are imported here until tests/conftest.py imports them for the
whole suite (then this import is redundant but harmless).
"""

from __future__ import annotations

import socket

import pytest

from tests.fakeservers.fixtures import anthropic_server, ollama_server  # noqa: F401



@pytest.fixture
def dead_port() -> int:
    """A port nothing listens on: bound to get a free number, then closed."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port

"""Fixtures for the end-to-end model tests: the real CLI and service layer, the real SDK
clients, and the fake Ollama / Anthropic servers on 127.0.0.1 (tests/fakeservers)."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fakeservers import AnthropicServer, OllamaServer, RecordedRequest

# A mirrorback that passes every check, and one that fails several (advice, outcome).
GOOD = "You wrote that the week felt long and heavy; what part of it stays with you tonight?"
GOOD_RETRY = "Your words circle around the week and your sister; what do you notice in that?"
BAD = ("You should call your sister tonight. I recommend that you rest more, "
       "and you must stop working late: it will help you feel better.")
REFLECTION = "This week felt long and heavy, and I keep thinking about my sister and the garden."
PLANTED_KEY = "sk-ant-api03-PLANTED-zq9X7v4tB2nM8kLp1wR6yHc3dF5gJ0sA-leakcheck"


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """No real waiting between retries in these tests (the contract's backoff comes from the
    constitution's invariants, read on every call)."""
    from mirror import constitution

    engine = constitution.invariants()["engine"]
    monkeypatch.setitem(engine, "backoff_base_s", 0.0)
    monkeypatch.setitem(engine, "backoff_max_s", 0.0)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail loudly (and record) any attempt to connect anywhere but 127.0.0.1/::1, so a test
    about a non-loopback endpoint can never reach the network."""
    attempts: list[object] = []
    real_connect = socket.socket.connect
    real_create = socket.create_connection

    def is_loopback(address: object) -> bool:
        host = address[0] if isinstance(address, tuple) else address
        return isinstance(host, str) and (host.startswith("127.") or host in ("::1", "localhost"))

    def connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not is_loopback(address):
            attempts.append(address)
            raise OSError(f"test guard: refused to connect to {address!r}")
        return real_connect(self, address)

    def create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
        if not is_loopback(address):
            attempts.append(address)
            raise OSError(f"test guard: refused to connect to {address!r}")
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


@pytest.fixture
def use_ollama(cli) -> Callable[..., None]:
    """Point the journal at an Ollama endpoint through the real `mirror config set`."""

    def configure(url: str, **settings: object) -> None:
        for key, value in {"engine": "ollama", "ollama.endpoint": url, **settings}.items():
            result = cli("config", "set", key, str(value))
            assert result.code == 0, result.err

    return configure


@pytest.fixture
def use_anthropic(cli, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Point the journal at the fake Anthropic API, its key in ANTHROPIC_API_KEY."""

    def configure(server: AnthropicServer, *, env_key: bool = True, **settings: object) -> None:
        if env_key:
            monkeypatch.setenv("ANTHROPIC_API_KEY", server.api_key)
        for key, value in {"engine": "anthropic", "anthropic.base_url": server.url,
                           **settings}.items():
            result = cli("config", "set", key, str(value))
            assert result.code == 0, result.err

    return configure


def model_calls(server: OllamaServer | AnthropicServer) -> list[RecordedRequest]:
    """The generation requests a server received (not health probes)."""
    return [r for r in server.requests if r.method == "POST"]


def sent_text(request: RecordedRequest) -> str:
    """Everything a generation request carried, as text: system prompt and all messages."""
    body = request.json
    parts = [body.get("system") or ""] if isinstance(body.get("system"), str) else []
    parts += [m.get("content", "") for m in body.get("messages", [])]
    return "\n".join(parts)


def ledger_payload(request: RecordedRequest) -> bytes:
    """What Mirror hashes for the egress ledger, rebuilt from what the server received:
    the system prompt, then each message, NUL-separated."""
    body = request.json
    messages = body.get("messages", [])
    if isinstance(body.get("system"), str):
        system = body["system"]
    else:
        system = messages[0]["content"] if messages and messages[0]["role"] == "system" else ""
        messages = [m for m in messages if m["role"] != "system"]
    return (system + "\x00" + "\x00".join(m["content"] for m in messages)).encode("utf-8")


def runs(home: Path) -> list[dict]:
    """engine_runs rows, newest first, read straight from the database file."""
    import sqlite3

    conn = sqlite3.connect(home / "mirror.db")
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute("SELECT * FROM engine_runs ORDER BY started_at DESC, rowid DESC").fetchall()
    finally:
        conn.close()
    out = []
    for row in rows:
        data = dict(row)
        for key in ("patterns", "flags", "attempts"):
            data[key] = json.loads(data[key])
        out.append(data)
    return out

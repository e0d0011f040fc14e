"""OllamaAdapter with the real `ollama` client over HTTP against the fake Ollama server."""

from __future__ import annotations

import sys

import pytest

from mirror.adapters.base import (
    Adapter,
    AdapterError,
    AdapterMalformed,
    AdapterRateLimited,
    AdapterServerError,
    AdapterTimeout,
    AdapterUnavailable,
    GenerateOptions,
    Message,
    Usage,
)
from mirror.adapters.ollama_adapter import MISSING_EXTRA, OllamaAdapter
from mirror.errors import EngineUnavailable, InvalidInput
from tests.fakeservers import Drop, Fail, Hang, Malformed, OllamaServer, Reply, StreamError, Truncate

MESSAGES = [Message("user", "I keep saying yes to everything")]
FAST_TIMEOUT = GenerateOptions(connect_timeout_s=1.0, read_timeout_s=0.3)


def run(adapter: OllamaAdapter, options: GenerateOptions = GenerateOptions()) -> list[object]:
    return list(adapter.generate("Reflect, never prescribe.", MESSAGES, options))


@pytest.fixture
def adapter(ollama_server: OllamaServer) -> OllamaAdapter:
    return OllamaAdapter(model="llama3.2", endpoint=ollama_server.url)


def test_implements_the_adapter_protocol(adapter: OllamaAdapter) -> None:
    assert isinstance(adapter, Adapter)
    assert adapter.name == "ollama"
    assert adapter.engine_version == "llama3.2"


def test_streams_chunks_in_order_then_usage(adapter: OllamaAdapter, ollama_server: OllamaServer) -> None:
    text = "You say yes often; what would a no protect for you?"
    ollama_server.script(Reply(text, chunks=5, input_tokens=42, output_tokens=13))
    items = run(adapter)
    chunks, usage = items[:-1], items[-1]
    assert len(chunks) == 5 and all(isinstance(c, str) for c in chunks)
    assert "".join(chunks) == text  # type: ignore[arg-type]
    assert usage == Usage(input_tokens=42, output_tokens=13)


def test_sends_system_then_messages_with_options(adapter: OllamaAdapter, ollama_server: OllamaServer) -> None:
    run(adapter, GenerateOptions(max_tokens=123, temperature=0.2))
    (request,) = ollama_server.requests
    assert (request.method, request.path) == ("POST", "/api/chat")
    body = request.json
    assert body["model"] == "llama3.2" and body["stream"] is True
    assert body["messages"] == [
        {"role": "system", "content": "Reflect, never prescribe."},
        {"role": "user", "content": "I keep saying yes to everything"},
    ]
    assert body["options"] == {"temperature": 0.2, "num_predict": 123}


def test_options_model_overrides_the_default(ollama_server: OllamaServer) -> None:
    ollama_server.models.append("qwen2.5:7b")
    adapter = OllamaAdapter(model="llama3.2", endpoint=ollama_server.url)
    run(adapter, GenerateOptions(model="qwen2.5:7b"))
    assert ollama_server.requests[0].json["model"] == "qwen2.5:7b"


def test_consecutive_calls_each_complete(adapter: OllamaAdapter, ollama_server: OllamaServer) -> None:
    assert run(adapter)[-1] == run(adapter)[-1]
    assert len(ollama_server.requests) == 2


def test_abandoning_the_stream_leaves_the_adapter_usable(
    adapter: OllamaAdapter, ollama_server: OllamaServer
) -> None:
    ollama_server.script(Reply("one two three four", chunks=4), Reply("again"))
    stream = adapter.generate("", MESSAGES, GenerateOptions())
    assert next(stream) == "one "
    stream.close()
    assert run(adapter)[0] == "again"


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [
        (Fail(429), AdapterRateLimited),
        (Fail(500), AdapterServerError),
        (Fail(503), AdapterServerError),
        (Malformed(after_chunks=0), AdapterMalformed),
        (Malformed(after_chunks=2), AdapterMalformed),
        (Drop(after_chunks=1), AdapterMalformed),
        (Truncate(after_chunks=2), AdapterMalformed),
        (StreamError(message="llama runner crashed", after_chunks=1), AdapterServerError),
    ],
)
def test_failures_map_to_adapter_errors(
    adapter: OllamaAdapter, ollama_server: OllamaServer, behaviour: object, error: type[AdapterError]
) -> None:
    ollama_server.script(behaviour)  # type: ignore[arg-type]
    with pytest.raises(error) as caught:
        run(adapter)
    assert caught.value.retryable is True
    assert caught.value.__context__ is None and caught.value.__cause__ is None


def test_rate_limit_and_server_errors_carry_the_servers_reason(
    adapter: OllamaAdapter, ollama_server: OllamaServer
) -> None:
    ollama_server.script(Fail(500, message="llama runner process has terminated"))
    with pytest.raises(AdapterServerError, match="llama runner process has terminated"):
        run(adapter)


@pytest.mark.parametrize("after_chunks", [0, 2])
def test_a_server_slower_than_the_read_timeout_is_a_timeout(
    adapter: OllamaAdapter, ollama_server: OllamaServer, after_chunks: int
) -> None:
    ollama_server.script(Hang(seconds=2.0, after_chunks=after_chunks))
    with pytest.raises(AdapterTimeout):
        run(adapter, FAST_TIMEOUT)


def test_missing_model_says_how_to_pull_it(ollama_server: OllamaServer) -> None:
    adapter = OllamaAdapter(model="mistral", endpoint=ollama_server.url)
    with pytest.raises(AdapterUnavailable, match=r"`ollama pull mistral`") as caught:
        run(adapter)
    assert caught.value.retryable is False
    assert isinstance(caught.value, EngineUnavailable)  # exit code 5 at the CLI


def test_connection_refused_says_to_start_ollama(dead_port: int) -> None:
    adapter = OllamaAdapter(endpoint=f"http://127.0.0.1:{dead_port}")
    with pytest.raises(AdapterUnavailable) as caught:
        run(adapter)
    message = str(caught.value)
    assert "is Ollama running? start it with `ollama serve`" in message
    assert f"http://127.0.0.1:{dead_port}" in message


def test_missing_extra_is_unavailable_with_the_install_line(
    monkeypatch: pytest.MonkeyPatch, ollama_server: OllamaServer
) -> None:
    monkeypatch.setitem(sys.modules, "ollama", None)  # makes `import ollama` fail
    adapter = OllamaAdapter(endpoint=ollama_server.url)
    with pytest.raises(AdapterUnavailable) as caught:
        run(adapter)
    assert str(caught.value) == MISSING_EXTRA
    assert ollama_server.requests == []
    report = adapter.check_health()
    assert report.problem == MISSING_EXTRA and report.reachable is None


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://127.0.0.1:11434",
        "http://127.8.9.10:11434",
        "http://localhost:11434",
        "http://LOCALHOST",
        "localhost:11434",
        "http://[::1]:11434",
        "http://[::ffff:127.0.0.1]:11434",
    ],
)
def test_loopback_endpoints_are_local(endpoint: str) -> None:
    assert OllamaAdapter(endpoint=endpoint).is_remote() is False


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://192.168.1.20:11434",
        "http://10.0.0.5:11434",
        "http://0.0.0.0:11434",
        "https://ollama.example.com",
        "http://localhost.example.com:11434",
        "http://127.0.0.1.nip.io:11434",
        "http://[::ffff:10.0.0.1]:11434",
        "http://[fe80::1]:11434",
        "http://my-desktop:11434",
    ],
)
def test_any_other_endpoint_is_remote(endpoint: str) -> None:
    # Classified from the URL alone: nothing is contacted.
    assert OllamaAdapter(endpoint=endpoint).is_remote() is True


def test_endpoint_is_normalised_and_never_holds_credentials() -> None:
    assert OllamaAdapter(endpoint="localhost:11434/").endpoint() == "http://localhost:11434"
    with pytest.raises(InvalidInput) as caught:
        OllamaAdapter(endpoint="http://user:hunter2@127.0.0.1:11434")
    assert "hunter2" not in str(caught.value)
    with pytest.raises(InvalidInput):
        OllamaAdapter(endpoint="ftp://127.0.0.1")


def test_health_reports_version_and_model(adapter: OllamaAdapter, ollama_server: OllamaServer) -> None:
    report = adapter.check_health()
    assert report.ok and report.reachable and report.model_present
    assert report.server_version == "0.6.5"
    assert [r.path for r in ollama_server.requests] == ["/api/version", "/api/tags"]


def test_health_says_to_pull_a_missing_model(ollama_server: OllamaServer) -> None:
    report = OllamaAdapter(model="phi4", endpoint=ollama_server.url).check_health()
    assert report.reachable is True and report.model_present is False
    assert "`ollama pull phi4`" in report.problem


def test_health_of_a_dead_server(dead_port: int) -> None:
    report = OllamaAdapter(endpoint=f"http://127.0.0.1:{dead_port}").check_health()
    assert report.reachable is False and not report.ok
    assert "ollama serve" in report.problem

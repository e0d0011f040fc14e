"""AnthropicAdapter with the real `anthropic` SDK over HTTP against the fake Anthropic API."""

from __future__ import annotations

import sys
import traceback

import pytest

from mirror.adapters.anthropic_adapter import KEY_REJECTED, MISSING_EXTRA, NO_KEY, AnthropicAdapter
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
from tests.fakeservers import (
    AnthropicServer,
    Drop,
    Fail,
    Hang,
    Malformed,
    Reply,
    StreamError,
    Truncate,
)

PLANTED_KEY = "sk-ant-api03-PLANTED-a1b2c3d4e5f6-do-not-leak"
MESSAGES = [Message("user", "On one hand I want to stay, on the other I want to leave")]
FAST_TIMEOUT = GenerateOptions(connect_timeout_s=1.0, read_timeout_s=0.3)


def run(adapter: AnthropicAdapter, options: GenerateOptions = GenerateOptions()) -> list[object]:
    return list(adapter.generate("Reflect, never prescribe.", MESSAGES, options))


@pytest.fixture
def server(anthropic_server: AnthropicServer) -> AnthropicServer:
    anthropic_server.api_key = PLANTED_KEY
    return anthropic_server


@pytest.fixture
def adapter(server: AnthropicServer) -> AnthropicAdapter:
    return AnthropicAdapter(api_key=PLANTED_KEY, model="claude-haiku-4-5", base_url=server.url)


def assert_no_key(err: BaseException) -> None:
    """The key is nowhere in what a log or a terminal could show of this error."""
    shown = "".join(traceback.format_exception(err)) + repr(err) + str(err) + repr(vars(err))
    assert PLANTED_KEY not in shown
    assert err.__context__ is None and err.__cause__ is None


def test_implements_the_adapter_protocol(adapter: AnthropicAdapter) -> None:
    assert isinstance(adapter, Adapter)
    assert adapter.name == "anthropic" and adapter.is_remote() is True


def test_streams_text_deltas_in_order_then_usage(adapter: AnthropicAdapter, server: AnthropicServer) -> None:
    text = "Staying and leaving both pull at you; what does each one keep safe?"
    server.script(Reply(text, chunks=6, input_tokens=57, output_tokens=15))
    items = run(adapter)
    assert len(items) == 7
    assert "".join(items[:-1]) == text  # type: ignore[arg-type]
    assert items[-1] == Usage(input_tokens=57, output_tokens=15)


def test_request_shape_and_where_the_key_went(adapter: AnthropicAdapter, server: AnthropicServer) -> None:
    run(adapter, GenerateOptions(max_tokens=321))
    (request,) = server.requests
    assert (request.method, request.path) == ("POST", "/v1/messages")
    body = request.json
    assert body["model"] == "claude-haiku-4-5" and body["stream"] is True
    assert body["max_tokens"] == 321
    assert body["system"] == "Reflect, never prescribe."
    assert body["messages"] == [{"role": "user", "content": MESSAGES[0].content}]
    assert "anthropic-version" in request.headers
    assert request.headers.get("x-stainless-retry-count") == "0"
    # The key reached the server, in the auth header only.
    sent = request.headers.get("x-api-key") or request.headers["authorization"].removeprefix("Bearer ")
    assert sent == PLANTED_KEY
    assert PLANTED_KEY not in request.body.decode()


def test_rate_limit_surfaces_retry_after_zero(adapter: AnthropicAdapter, server: AnthropicServer) -> None:
    server.script(Fail(429, headers={"retry-after": "0"}))
    with pytest.raises(AdapterRateLimited) as caught:
        run(adapter)
    assert caught.value.retry_after_s == 0.0 and caught.value.retryable
    assert len(server.requests) == 1  # the SDK did not retry
    assert_no_key(caught.value)


def test_rate_limit_without_retry_after(adapter: AnthropicAdapter, server: AnthropicServer) -> None:
    server.script(Fail(429, headers={"retry-after": "12"}), Fail(429))
    with pytest.raises(AdapterRateLimited) as first:
        run(adapter)
    assert first.value.retry_after_s == 12.0
    with pytest.raises(AdapterRateLimited) as second:
        run(adapter)
    assert second.value.retry_after_s is None


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [
        (Fail(529), AdapterRateLimited),
        (Fail(500), AdapterServerError),
        (Fail(502, error_type="api_error"), AdapterServerError),
        (Malformed(after_chunks=0), AdapterMalformed),
        (Malformed(after_chunks=2), AdapterMalformed),
        (Drop(after_chunks=1), AdapterMalformed),
        (Truncate(after_chunks=2), AdapterMalformed),
        (StreamError("overloaded_error", "Overloaded", after_chunks=1), AdapterRateLimited),
        (StreamError("api_error", "Internal server error", after_chunks=1), AdapterServerError),
    ],
)
def test_failures_map_to_retryable_adapter_errors(
    adapter: AnthropicAdapter, server: AnthropicServer, behaviour: object, error: type[AdapterError]
) -> None:
    server.script(behaviour)  # type: ignore[arg-type]
    with pytest.raises(error) as caught:
        run(adapter)
    assert caught.value.retryable is True
    assert len(server.requests) == 1
    assert_no_key(caught.value)


@pytest.mark.parametrize("after_chunks", [0, 2])
def test_a_server_slower_than_the_read_timeout_is_a_timeout(
    adapter: AnthropicAdapter, server: AnthropicServer, after_chunks: int
) -> None:
    server.script(Hang(seconds=2.0, after_chunks=after_chunks))
    with pytest.raises(AdapterTimeout) as caught:
        run(adapter, FAST_TIMEOUT)
    assert_no_key(caught.value)


def test_rejected_key_says_how_to_set_one_without_showing_it(server: AnthropicServer) -> None:
    wrong = PLANTED_KEY + "-wrong"
    adapter = AnthropicAdapter(api_key=wrong, base_url=server.url)
    with pytest.raises(AdapterUnavailable) as caught:
        run(adapter)
    assert str(caught.value) == KEY_REJECTED
    assert caught.value.retryable is False
    shown = "".join(traceback.format_exception(caught.value)) + repr(caught.value)
    assert wrong not in shown


def test_scripted_401_is_a_rejected_key(adapter: AnthropicAdapter, server: AnthropicServer) -> None:
    server.script(Fail(401))
    with pytest.raises(AdapterUnavailable, match="key was rejected"):
        run(adapter)


def test_no_key_fails_before_any_request(server: AnthropicServer) -> None:
    adapter = AnthropicAdapter(api_key=None, base_url=server.url)
    with pytest.raises(AdapterUnavailable) as caught:
        run(adapter)
    assert str(caught.value) == NO_KEY
    assert server.requests == []


def test_connection_refused_is_unavailable(dead_port: int) -> None:
    adapter = AnthropicAdapter(api_key=PLANTED_KEY, base_url=f"http://127.0.0.1:{dead_port}")
    with pytest.raises(AdapterUnavailable) as caught:
        run(adapter, FAST_TIMEOUT)
    assert f"127.0.0.1:{dead_port}" in str(caught.value)
    assert_no_key(caught.value)


def test_missing_extra_is_unavailable_with_the_install_line(
    monkeypatch: pytest.MonkeyPatch, server: AnthropicServer
) -> None:
    monkeypatch.setitem(sys.modules, "anthropic", None)
    adapter = AnthropicAdapter(api_key=PLANTED_KEY, base_url=server.url)
    with pytest.raises(AdapterUnavailable) as caught:
        run(adapter)
    assert str(caught.value) == MISSING_EXTRA


def test_the_key_is_absent_from_repr_vars_and_endpoint(adapter: AnthropicAdapter) -> None:
    run(adapter)  # the SDK client now exists inside the adapter
    for shown in (repr(adapter), str(adapter), repr(vars(adapter)), adapter.endpoint()):
        assert PLANTED_KEY not in shown


def test_health_ok(adapter: AnthropicAdapter, server: AnthropicServer) -> None:
    report = adapter.check_health()
    assert report.ok and report.reachable and report.key_present and report.model_present
    assert [r.path for r in server.requests] == ["/v1/models/claude-haiku-4-5"]
    assert PLANTED_KEY not in repr(report)


def test_health_without_a_key_contacts_nothing(server: AnthropicServer) -> None:
    report = AnthropicAdapter(api_key="", base_url=server.url).check_health()
    assert report.key_present is False and report.reachable is None
    assert report.problem == NO_KEY
    assert server.requests == []


def test_health_with_a_rejected_key(server: AnthropicServer) -> None:
    wrong = PLANTED_KEY + "-old"
    report = AnthropicAdapter(api_key=wrong, base_url=server.url).check_health()
    assert report.reachable is True and report.problem == KEY_REJECTED
    assert wrong not in repr(report)


def test_health_with_an_unknown_model(server: AnthropicServer) -> None:
    report = AnthropicAdapter(api_key=PLANTED_KEY, model="claude-nope", base_url=server.url).check_health()
    assert report.reachable is True and report.model_present is False
    assert "claude-nope" in report.problem


def test_health_of_a_dead_server(dead_port: int) -> None:
    adapter = AnthropicAdapter(
        api_key=PLANTED_KEY, base_url=f"http://127.0.0.1:{dead_port}", connect_timeout_s=1.0
    )
    report = adapter.check_health()
    assert report.reachable is False and not report.ok

"""The fake servers themselves: the real clients accept what they send, and they never hang."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.fakeservers import AnthropicServer, Hang, OllamaServer, Reply
from tests.fakeservers._plumbing import split_text


@pytest.mark.parametrize("chunks", [1, 2, 3, 7, 50])
def test_split_text_joins_back(chunks: int) -> None:
    text = "one two  three four five six seven"
    assert "".join(split_text(text, chunks)) == text


def test_ollama_non_streaming_chat_and_tags_parse_with_the_real_client(ollama_server: OllamaServer) -> None:
    import ollama

    client = ollama.Client(host=ollama_server.url)
    ollama_server.script(Reply("whole answer", input_tokens=3, output_tokens=2))
    response = client.chat(model="llama3.2", messages=[{"role": "user", "content": "hi"}], stream=False)
    assert response.message.content == "whole answer"
    assert (response.done, response.done_reason, response.prompt_eval_count, response.eval_count) == (
        True, "stop", 3, 2,
    )
    assert [m.model for m in client.list().models] == ["llama3.2:latest"]


def test_ollama_version(ollama_server: OllamaServer) -> None:
    assert httpx.get(f"{ollama_server.url}/api/version").json() == {"version": "0.6.5"}


def test_anthropic_non_streaming_message_and_models_parse_with_the_real_sdk(
    anthropic_server: AnthropicServer,
) -> None:
    import anthropic

    client = anthropic.Anthropic(api_key=anthropic_server.api_key, base_url=anthropic_server.url, max_retries=0)
    anthropic_server.script(Reply("whole answer", input_tokens=9, output_tokens=2))
    message = client.messages.create(
        model="claude-haiku-4-5", max_tokens=50, messages=[{"role": "user", "content": "hi"}]
    )
    assert message.content[0].text == "whole answer"  # type: ignore[union-attr]
    assert (message.stop_reason, message.usage.input_tokens, message.usage.output_tokens) == ("end_turn", 9, 2)
    assert [m.id for m in client.models.list()] == anthropic_server.models


def test_anthropic_error_body_shape(anthropic_server: AnthropicServer) -> None:
    response = httpx.post(f"{anthropic_server.url}/v1/messages", json={}, headers={"x-api-key": "wrong"})
    assert response.status_code == 401
    body = response.json()
    assert body["type"] == "error" and body["error"]["type"] == "authentication_error"
    assert body["request_id"] == response.headers["request-id"]


def test_a_hanging_handler_is_released_when_the_server_stops() -> None:
    server = OllamaServer().start()
    server.script(Hang(seconds=10.0))
    failures: list[BaseException] = []

    def call() -> None:
        try:
            httpx.post(f"{server.url}/api/chat", json={"model": "llama3.2", "messages": []}, timeout=10.0)
        except httpx.HTTPError as exc:
            failures.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    deadline = time.monotonic() + 5
    while not server.requests:  # wait until the request is being held, not for luck
        assert time.monotonic() < deadline, "the request never arrived"
        time.sleep(0.005)
    started = time.monotonic()
    server.stop()
    caller.join(timeout=5)
    assert not caller.is_alive() and len(failures) == 1
    assert time.monotonic() - started < 2.0

"""A fake Anthropic API: POST /v1/messages (the real SSE event sequence, or one JSON message),
GET /v1/models and /v1/models/{id}, with the real error body shape
`{"type": "error", "error": {"type": ..., "message": ...}, "request_id": ...}`.

A request without the right key (x-api-key, or `Authorization: Bearer` as SDK 2.x sends it)
gets the real 401, so a test can plant a key and see exactly where it went.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from tests.fakeservers._plumbing import (
    Fail,
    FakeHandler,
    FakeServer,
    RecordedRequest,
    StreamError,
    count_words,
    split_text,
)

DEFAULT_KEY = "sk-ant-api03-FAKE-test-key-0123456789"
ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    529: "overloaded_error",
}
ERROR_MESSAGES = {
    "authentication_error": "invalid x-api-key",
    "rate_limit_error": "Number of request tokens has exceeded your per-minute rate limit",
    "overloaded_error": "Overloaded",
    "api_error": "Internal server error",
}
MALFORMED = b'event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_del\n\n'


def sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def error_body(error_type: str, message: str, request_id: str) -> dict[str, Any]:
    return {
        "type": "error",
        "error": {"type": error_type, "message": message or ERROR_MESSAGES.get(error_type, error_type)},
        "request_id": request_id,
    }


def _stream_error(error: StreamError) -> bytes:
    return sse("error", {"type": "error", "error": {"type": error.error_type, "message": error.message}})


def _model_info(model_id: str) -> dict[str, Any]:
    return {
        "type": "model",
        "id": model_id,
        "display_name": model_id.replace("-", " ").title(),
        "created_at": "2025-09-29T00:00:00Z",
    }


class _AnthropicHandler(FakeHandler):
    server_header = "fake-anthropic"

    @property
    def owner(self) -> AnthropicServer:
        return self.server.owner  # type: ignore[return-value]

    def route(self, request: RecordedRequest) -> None:
        request_id = self.owner.new_id("req")
        if not self._authorised(request):
            self._error(401, "authentication_error", "", request_id)
            return
        path = request.path.split("?", 1)[0]
        if request.method == "POST" and path == "/v1/messages":
            self._messages(request, request_id)
        elif request.method == "GET" and path == "/v1/models":
            data = [_model_info(m) for m in self.owner.models]
            self.send_json(200, {"data": data, "has_more": False, "first_id": data[0]["id"] if data else None,
                                 "last_id": data[-1]["id"] if data else None})
        elif request.method == "GET" and path.startswith("/v1/models/"):
            model_id = path.removeprefix("/v1/models/")
            if model_id in self.owner.models:
                self.send_json(200, _model_info(model_id), {"request-id": request_id})
            else:
                self._error(404, "not_found_error", f"model: {model_id}", request_id)
        else:
            self._error(404, "not_found_error", "Not found", request_id)

    def _authorised(self, request: RecordedRequest) -> bool:
        key = self.owner.api_key
        bearer = request.headers.get("authorization", "")
        return request.headers.get("x-api-key") == key or bearer == f"Bearer {key}"

    def _error(self, status: int, error_type: str, message: str, request_id: str,
               headers: dict[str, str] | None = None) -> None:
        self.send_json(status, error_body(error_type, message, request_id),
                       {"request-id": request_id, **(headers or {})})

    def _messages(self, request: RecordedRequest, request_id: str) -> None:
        try:
            body = request.json
        except ValueError:
            self._error(400, "invalid_request_error", "There was an issue with the request body", request_id)
            return
        if "anthropic-version" not in request.headers:
            self._error(400, "invalid_request_error", "anthropic-version: header is required", request_id)
            return
        behaviour = self.next_behaviour()
        if isinstance(behaviour, Fail):
            error_type = behaviour.error_type or ERROR_TYPES.get(behaviour.status, "api_error")
            self._error(behaviour.status, error_type, behaviour.message, request_id, dict(behaviour.headers))
            return
        reply = self.reply_for(behaviour)
        model = body.get("model", "")
        message_id = self.owner.new_id("msg")
        prompt = " ".join(
            [body.get("system", "") if isinstance(body.get("system"), str) else ""]
            + [m.get("content", "") for m in body.get("messages", []) if isinstance(m.get("content"), str)]
        )
        input_tokens = reply.input_tokens if reply.input_tokens is not None else count_words(prompt)
        output_tokens = reply.output_tokens if reply.output_tokens is not None else count_words(reply.text)
        if not body.get("stream"):
            self.send_json(200, {
                "id": message_id, "type": "message", "role": "assistant", "model": model,
                "content": [{"type": "text", "text": reply.text}],
                "stop_reason": "end_turn", "stop_sequence": None,
                "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens},
            }, {"request-id": request_id})
            return
        self.start_chunked("text/event-stream; charset=utf-8",
                           {"request-id": request_id, "cache-control": "no-cache"})
        self.write_chunk(sse("message_start", {"type": "message_start", "message": {
            "id": message_id, "type": "message", "role": "assistant", "model": model,
            "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": input_tokens, "output_tokens": 1},
        }}))
        self.write_chunk(sse("content_block_start", {
            "type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}))
        self.write_chunk(sse("ping", {"type": "ping"}))
        pieces = split_text(reply.text, reply.chunks)
        for index, piece in enumerate(pieces):
            if self.interrupt(behaviour, index, malformed=MALFORMED, stream_error=_stream_error):
                return
            self.write_chunk(sse("content_block_delta", {
                "type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}}))
        if self.interrupt(behaviour, len(pieces), malformed=MALFORMED, stream_error=_stream_error):
            return
        self.write_chunk(sse("content_block_stop", {"type": "content_block_stop", "index": 0}))
        self.write_chunk(sse("message_delta", {
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": None},
            "usage": {"output_tokens": output_tokens},
        }))
        self.write_chunk(sse("message_stop", {"type": "message_stop"}))
        self.end_chunked()


class AnthropicServer(FakeServer):
    handler = _AnthropicHandler

    def __init__(self, api_key: str = DEFAULT_KEY,
                 models: tuple[str, ...] = ("claude-haiku-4-5", "claude-sonnet-4-6")) -> None:
        super().__init__()
        self.api_key = api_key
        self.models = list(models)
        self._ids = itertools.count(1)

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_fake{next(self._ids):06d}"

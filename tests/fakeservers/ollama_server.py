"""A fake Ollama server speaking the real REST shapes: /api/chat (NDJSON stream or one JSON
object), /api/tags, /api/version. A chat for a model not in `models` gets Ollama's 404.
"""

from __future__ import annotations

import json
from typing import Any

from tests.fakeservers._plumbing import (
    Fail,
    FakeHandler,
    FakeServer,
    RecordedRequest,
    Reply,
    StreamError,
    count_words,
    split_text,
)

CREATED_AT = "2025-01-01T12:00:00.000000Z"
VERSION = "0.6.5"
MALFORMED = b'{"model": "x", "message": {"role": "assistant", "cont\n'


def _error_line(error: StreamError) -> bytes:
    """Ollama reports a failure after the 200 as an `{"error": ...}` line."""
    return json.dumps({"error": error.message}).encode() + b"\n"


def _full(name: str) -> str:
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


class _OllamaHandler(FakeHandler):
    server_header = "fake-ollama"

    def route(self, request: RecordedRequest) -> None:
        owner: OllamaServer = self.server.owner  # type: ignore[assignment]
        if request.method == "GET" and request.path == "/api/version":
            self.send_json(200, {"version": VERSION})
        elif request.method == "GET" and request.path == "/api/tags":
            self.send_json(200, {"models": [_tag(name) for name in owner.models]})
        elif request.method == "POST" and request.path == "/api/chat":
            self._chat(request, owner)
        else:
            self.send_json(404, {"error": "404 page not found"})

    def _chat(self, request: RecordedRequest, owner: OllamaServer) -> None:
        try:
            body = request.json
        except ValueError:
            self.send_json(400, {"error": "invalid character in request body"})
            return
        model = body.get("model", "")
        if _full(model) not in {_full(m) for m in owner.models}:
            self.send_json(404, {"error": f'model "{model}" not found, try pulling it first'})
            return
        behaviour = self.next_behaviour()
        if isinstance(behaviour, Fail):
            message = behaviour.message or {429: "server busy, please try again"}.get(
                behaviour.status, "llama runner process has terminated"
            )
            self.send_json(behaviour.status, {"error": message}, behaviour.headers)
            return
        reply = self.reply_for(behaviour)
        pieces = split_text(reply.text, reply.chunks)
        prompt = " ".join(m.get("content", "") for m in body.get("messages", []))
        final = {
            "model": model,
            "created_at": CREATED_AT,
            "message": {"role": "assistant", "content": ""},
            "done_reason": "stop",
            "done": True,
            "total_duration": 5_043_500_667,
            "load_duration": 5_025_959,
            "prompt_eval_count": reply.input_tokens if reply.input_tokens is not None else count_words(prompt),
            "prompt_eval_duration": 325_953_000,
            "eval_count": reply.output_tokens if reply.output_tokens is not None else count_words(reply.text),
            "eval_duration": 4_709_213_000,
        }
        if body.get("stream", True) is False:
            if not isinstance(behaviour, Reply):
                self.send_json(500, {"error": "the fake only scripts failures for streams"})
                return
            self.send_json(200, {**final, "message": {"role": "assistant", "content": reply.text}})
            return
        self.start_chunked("application/x-ndjson")
        for index, piece in enumerate(pieces):
            if self.interrupt(behaviour, index, malformed=MALFORMED, stream_error=_error_line):
                return
            chunk = {
                "model": model,
                "created_at": CREATED_AT,
                "message": {"role": "assistant", "content": piece},
                "done": False,
            }
            self.write_chunk(json.dumps(chunk).encode() + b"\n")
        if self.interrupt(behaviour, len(pieces), malformed=MALFORMED, stream_error=_error_line):
            return
        self.write_chunk(json.dumps(final).encode() + b"\n")
        self.end_chunked()


def _tag(name: str) -> dict[str, Any]:
    return {
        "name": _full(name),
        "model": _full(name),
        "modified_at": "2025-01-01T12:00:00.000000+00:00",
        "size": 2_019_393_189,
        "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
        "details": {
            "parent_model": "",
            "format": "gguf",
            "family": "llama",
            "families": ["llama"],
            "parameter_size": "3.2B",
            "quantization_level": "Q4_K_M",
        },
    }


class OllamaServer(FakeServer):
    handler = _OllamaHandler

    def __init__(self, models: tuple[str, ...] = ("llama3.2",)) -> None:
        super().__init__()
        self.models = list(models)

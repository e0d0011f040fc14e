"""What both fake model servers share: a threaded HTTP/1.1 server on 127.0.0.1 with an
ephemeral port, a per-test script of behaviours, a record of every request, and helpers
to stream chunked bodies, cut a connection or stall — all bounded, so a test cannot hang.

Each protocol module (ollama_server, anthropic_server) only turns a behaviour into its
own wire format.
"""

from __future__ import annotations

import json
import socket
import threading
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

# -- behaviours ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """Answer normally with `text`, streamed in `chunks` pieces (split on word boundaries)."""

    text: str = "You wrote about a long week; what stays with you now?"
    chunks: int = 1
    input_tokens: int | None = None  # None: counted from the request (words)
    output_tokens: int | None = None  # None: words in `text`


@dataclass(frozen=True)
class Fail:
    """An HTTP error status with the protocol's own error body."""

    status: int
    error_type: str = ""  # Anthropic error type; Ollama ignores it
    message: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Malformed:
    """A 200 whose body stops being the protocol after `after_chunks` good chunks."""

    after_chunks: int = 0


@dataclass(frozen=True)
class Drop:
    """Close the socket abruptly after `after_chunks` chunks (no chunked terminator)."""

    after_chunks: int = 1


@dataclass(frozen=True)
class Truncate:
    """End the body cleanly after `after_chunks` chunks, without the protocol's final event."""

    after_chunks: int = 1


@dataclass(frozen=True)
class Hang:
    """Send nothing for `seconds` after `after_chunks` chunks (0: before the status line).

    Bounded, and released at once when the server stops, so teardown never waits.
    """

    seconds: float = 2.0
    after_chunks: int = 0


@dataclass(frozen=True)
class StreamError:
    """Anthropic only: an SSE `error` event after `after_chunks` text deltas."""

    error_type: str = "overloaded_error"
    message: str = "Overloaded"
    after_chunks: int = 1


Behaviour = Reply | Fail | Malformed | Drop | Truncate | Hang | StreamError


def split_text(text: str, chunks: int) -> list[str]:
    """`text` in `chunks` contiguous pieces that join back to it exactly."""
    words = text.split(" ")
    chunks = max(1, min(chunks, len(words)))
    size, extra = divmod(len(words), chunks)
    pieces, start = [], 0
    for i in range(chunks):
        end = start + size + (1 if i < extra else 0)
        piece = " ".join(words[start:end])
        pieces.append(piece if i == chunks - 1 else piece + " ")
        start = end
    return pieces


def count_words(text: str) -> int:
    return len(text.split())


# -- records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedRequest:
    """One request as received, headers raw (lower-cased names), so tests can see the key."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


# -- server -------------------------------------------------------------------------------


class _Dropped(Exception):
    """Raised inside a handler after it cut the connection on purpose."""


class FakeHandler(BaseHTTPRequestHandler):
    """Base handler: records the request, then lets the subclass answer it."""

    protocol_version = "HTTP/1.1"  # keep-alive and chunked bodies, as the real servers
    timeout = 10  # an idle keep-alive connection frees its thread eventually
    server: _Server
    server_header: ClassVar[str] = "fake"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib's name
        pass  # keep test output clean

    def version_string(self) -> str:
        return self.server_header

    def setup(self) -> None:
        super().setup()
        # Like Go's net/http (Ollama) and most servers: no Nagle delay between small writes,
        # or every streamed chunk could wait ~40 ms for a delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionResetError, BrokenPipeError):
            pass  # a client closing an idle keep-alive connection: normal, not an error

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        record = RecordedRequest(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        self.server.owner._record(record)
        try:
            self.route(record)
        except _Dropped:
            pass
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (e.g. its read timeout)

    do_GET = do_POST = _handle  # noqa: N815 - stdlib naming

    def route(self, request: RecordedRequest) -> None:
        raise NotImplementedError

    # -- helpers for subclasses -----------------------------------------------------------

    def next_behaviour(self) -> Behaviour:
        return self.server.owner.next_behaviour()

    def send_json(self, status: int, obj: Any, headers: Mapping[str, str] | None = None) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def start_chunked(self, content_type: str, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(200)
        self.send_header("content-type", content_type)
        self.send_header("transfer-encoding", "chunked")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()

    def write_chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

    def end_chunked(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def drop(self) -> None:
        """Cut the connection mid-body, as a crashed server or a dead proxy would."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        raise _Dropped

    def interrupt(
        self,
        behaviour: Behaviour,
        sent: int,
        *,
        malformed: bytes,
        stream_error: Callable[[StreamError], bytes],
    ) -> bool:
        """Carry out a mid-stream behaviour once `sent` chunks are out.

        Returns True when the body has been ended (the caller stops); Drop and Hang do not
        return. `malformed` and `stream_error` are the protocol's own bytes for those cases.
        """
        if getattr(behaviour, "after_chunks", None) != sent:
            return False
        if isinstance(behaviour, (Malformed, StreamError)):
            self.write_chunk(malformed if isinstance(behaviour, Malformed) else stream_error(behaviour))
            self.end_chunked()
            return True
        if isinstance(behaviour, Truncate):
            self.end_chunked()
            return True
        if isinstance(behaviour, Drop):
            self.drop()
        if isinstance(behaviour, Hang):
            self.hang(behaviour.seconds)
        return False

    def reply_for(self, behaviour: Behaviour) -> Reply:
        """The reply a streamed behaviour is built on; stalls first for `Hang(after_chunks=0)`.

        A non-Reply behaviour streams the default text in enough chunks to reach its cut.
        """
        if isinstance(behaviour, Hang) and behaviour.after_chunks == 0:
            self.hang(behaviour.seconds)
        if isinstance(behaviour, Reply):
            return behaviour
        return Reply(chunks=max(4, getattr(behaviour, "after_chunks", 0)))

    def hang(self, seconds: float) -> None:
        """Stall, bounded; released when the server stops. Then close: the client is gone."""
        self.server.owner.stopping.wait(min(seconds, 10.0))
        self.drop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: FakeServer


class FakeServer:
    """A running fake server. Script it with `script(...)`; read `requests` afterwards.

    With an empty script it answers every call with `default` (a plain Reply), which suits
    tests that only care about the request, and the benchmark.
    """

    handler: type[FakeHandler] = FakeHandler

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script: deque[Behaviour] = deque()
        self._requests: list[RecordedRequest] = []
        self.default: Behaviour = Reply()
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), self.handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # lifecycle
    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # addresses
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # scripting and records
    def script(self, *behaviours: Behaviour) -> FakeServer:
        """Queue behaviours, one per model call, in order."""
        with self._lock:
            self._script.extend(behaviours)
        return self

    def next_behaviour(self) -> Behaviour:
        with self._lock:
            return self._script.popleft() if self._script else self.default

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

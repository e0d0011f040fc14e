"""The Anthropic engine: the Messages API over SSE, with the official SDK.

Always remote. The SDK is imported on first use; its retries are off (`max_retries=0`) and
timeouts explicit, so the engine alone decides what follows a failure (see base.py).

The key is handed in by the caller, kept in a `Secret` and revealed only to the SDK. Error
messages are built here from status codes and error types, passed through `redact`, and
raised outside the `except` block, so no SDK exception (whose request carries the key in
its headers) is chained to what reaches logs. The SDK is also told explicitly not to read credentials or a
base URL from the environment or profile files, and not to trace: its OpenTelemetry
content mode could otherwise copy reflections into spans.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from mirror.adapters._endpoints import normalise_url
from mirror.adapters.base import (
    AdapterError,
    AdapterMalformed,
    AdapterRateLimited,
    AdapterServerError,
    AdapterTimeout,
    AdapterUnavailable,
    Chunk,
    GenerateOptions,
    Message,
    Usage,
)
from mirror.adapters.health import HealthReport
from mirror.adapters.secrets import Secret, redact
from mirror.settings import KEYS

DEFAULT_BASE_URL: str = KEYS["anthropic.base_url"].default
DEFAULT_MODEL: str = KEYS["anthropic.model"].default
MISSING_EXTRA = "the Anthropic engine needs the anthropic extra: pip install 'mirror-journal[anthropic]'"
NO_KEY = (
    "no Anthropic API key is set: set ANTHROPIC_API_KEY or store one with "
    "`mirror set-key anthropic`"
)
KEY_REJECTED = (
    "the Anthropic API key was rejected: set a valid one in ANTHROPIC_API_KEY or with "
    "`mirror set-key anthropic`"
)


def _import_sdk() -> tuple[Any, Any]:
    """The SDK and the HTTP library it is built on (httpx2 for anthropic 2.x, httpx before)."""
    try:
        import anthropic  # the SDK (~1 s): only when a model is called
    except ImportError:
        raise AdapterUnavailable(MISSING_EXTRA) from None
    try:
        import httpx2 as http  # what the SDK is built on, loaded with it
    except ImportError:  # pragma: no cover - anthropic < 2 is built on httpx
        import httpx as http
    return anthropic, http


def _retry_after_s(headers: Any) -> float | None:
    """Seconds from `retry-after-ms` or `retry-after` (delta-seconds), if the server sent one."""
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            value = float(raw) / scale
        except ValueError:
            continue  # an HTTP-date: rare here; the engine's own backoff applies
        if value >= 0:
            return value
    return None


def _error_type(body: object) -> str:
    """`error.type` from `{"type": "error", "error": {"type": ..., "message": ...}}`."""
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict) and isinstance(err.get("type"), str):
            return err["type"]
    return ""


def _error_message(body: object) -> str:
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return err["message"][:200]
    return ""


class AnthropicAdapter:
    """Streams a mirrorback from the Anthropic Messages API. Does not retry (see base.py)."""

    name = "anthropic"

    def __init__(
        self,
        *,
        api_key: str | Secret | None,
        model: str = DEFAULT_MODEL,
        base_url: str = DEFAULT_BASE_URL,
        connect_timeout_s: float = KEYS["timeouts.connect_s"].default,
        read_timeout_s: float = KEYS["timeouts.read_s"].default,
    ) -> None:
        if isinstance(api_key, str):
            api_key = Secret(api_key.strip())
        self._key: Secret | None = api_key if api_key else None
        self._model = model
        self._base_url = normalise_url(base_url, setting="anthropic.base_url")
        self._connect_timeout_s = connect_timeout_s
        self._read_timeout_s = read_timeout_s
        self._sdk_client: Any = None

    @property
    def engine_version(self) -> str:
        """For an LLM engine the model is what determines the text, so it is the version."""
        return self._model

    @property
    def model(self) -> str:
        return self._model

    @property
    def has_key(self) -> bool:
        return self._key is not None

    def __repr__(self) -> str:
        return (
            f"AnthropicAdapter(model={self._model!r}, base_url={self._base_url!r}, "
            f"key={'set' if self._key else 'missing'})"
        )

    def is_remote(self) -> bool:
        return True

    def endpoint(self) -> str:
        return self._base_url

    # -- client -------------------------------------------------------------------------

    def _client(self) -> Any:
        if self._key is None:
            raise AdapterUnavailable(NO_KEY)
        if self._sdk_client is None:
            anthropic, _ = _import_sdk()
            kwargs: dict[str, Any] = {
                "api_key": self._key.reveal(),
                "base_url": self._base_url,
                "max_retries": 0,
                "timeout": self._timeout(self._connect_timeout_s, self._read_timeout_s),
            }
            if "open_telemetry" in inspect.signature(anthropic.Anthropic.__init__).parameters:
                kwargs["open_telemetry"] = {"traces": False, "propagation": False}
            self._sdk_client = anthropic.Anthropic(**kwargs)
        return self._sdk_client

    @staticmethod
    def _timeout(connect_s: float, read_s: float) -> Any:
        anthropic, _ = _import_sdk()
        return anthropic.Timeout(connect=connect_s, read=read_s, write=read_s, pool=connect_s)

    def close(self) -> None:
        if self._sdk_client is not None:
            self._sdk_client.close()
            self._sdk_client = None

    # -- generation ---------------------------------------------------------------------

    def generate(
        self, system: str, messages: list[Message], options: GenerateOptions
    ) -> Iterator[Chunk]:
        # `options.temperature` is not sent: SDK 2.x has no sampling parameters for Messages.
        client = self._client()
        model = options.model or self._model
        request: dict[str, Any] = {
            "model": model,
            "max_tokens": options.max_tokens,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "timeout": self._timeout(options.connect_timeout_s, options.read_timeout_s),
        }
        if system:
            request["system"] = system
        input_tokens = output_tokens = 0
        stopped = started = False
        failure: AdapterError | None = None
        try:
            with client.messages.stream(**request) as stream:
                for event in stream:
                    started = True
                    kind = event.type
                    if kind == "message_start":
                        usage = event.message.usage
                        input_tokens, output_tokens = usage.input_tokens or 0, usage.output_tokens or 0
                    elif kind == "content_block_delta" and event.delta.type == "text_delta":
                        if event.delta.text:
                            yield event.delta.text
                    elif kind == "message_delta":
                        # message_delta usage is cumulative: it replaces, never adds.
                        if event.usage.output_tokens is not None:
                            output_tokens = event.usage.output_tokens
                        if getattr(event.usage, "input_tokens", None) is not None:
                            input_tokens = event.usage.input_tokens
                    elif kind == "message_stop":
                        stopped = True
        except Exception as exc:  # every failure leaves as an AdapterError, see _translate
            failure = self._translate(exc, model, started=started)
        if failure is not None:
            # Raised outside the `except`, so the SDK exception (its request holds the key
            # in a header) is not even kept as __context__.
            raise failure
        if not stopped:
            raise AdapterMalformed(
                f"the stream from the Anthropic API at {self._base_url} ended before message_stop"
            )
        yield Usage(input_tokens=input_tokens, output_tokens=output_tokens)

    def _translate(self, exc: Exception, model: str, *, started: bool = False) -> AdapterError:
        """Map an SDK or transport failure to one AdapterError, with the key redacted.

        `started`: the answer had begun to arrive. The SDK (2.17 and later) reports a
        connection cut mid-stream as a connection error, like one that never opened; once
        the answer has begun, it is an answer cut short, not a server out of reach."""
        anthropic, _ = _import_sdk()
        if started and isinstance(exc, anthropic.APIConnectionError) \
                and not isinstance(exc, anthropic.APITimeoutError):
            return AdapterMalformed(
                f"the connection to the Anthropic API at {self._base_url} was cut mid-answer")
        err = self._classify(exc, model)
        if isinstance(err, AdapterError):
            safe = type(err)(redact(str(err), self._key), retry_after_s=err.retry_after_s)
            return safe
        raise exc  # a bug: let it surface as itself

    def _classify(self, exc: Exception, model: str) -> AdapterError | None:
        if isinstance(exc, AdapterError):
            return exc
        anthropic, http = _import_sdk()
        where = self._base_url
        if isinstance(exc, anthropic.APIStatusError):
            return self._classify_status(exc.status_code, exc.body, exc.response, model)
        if isinstance(exc, anthropic.APITimeoutError) or isinstance(exc, http.TimeoutException):
            return AdapterTimeout(f"the Anthropic API at {where} did not answer in time")
        if isinstance(exc, anthropic.APIConnectionError):
            return AdapterUnavailable(f"cannot reach the Anthropic API at {where} (connection failed)")
        if isinstance(exc, (http.RemoteProtocolError, http.ReadError)):
            return AdapterMalformed(f"the connection to the Anthropic API at {where} was cut mid-answer")
        if isinstance(exc, http.HTTPError):
            return AdapterUnavailable(f"cannot talk to the Anthropic API at {where}: {type(exc).__name__}")
        if isinstance(exc, (anthropic.APIResponseValidationError, ValueError, RuntimeError)):
            # bad SSE JSON, events out of order, a body that is not a message
            return AdapterMalformed(f"the Anthropic API at {where} sent something that is not its protocol")
        if isinstance(exc, anthropic.AnthropicError):
            return AdapterError(f"the Anthropic SDK failed: {type(exc).__name__}")
        return None

    def _classify_status(self, status: int, body: object, response: Any, model: str) -> AdapterError:
        """By error type first: an SSE `error` event arrives inside a 200 response."""
        kind, detail = _error_type(body), _error_message(body)
        where = self._base_url
        headers = getattr(response, "headers", None)
        if kind == "authentication_error" or status == 401:
            return AdapterUnavailable(KEY_REJECTED)
        if kind == "permission_error" or status == 403:
            return AdapterUnavailable(f"the Anthropic API key may not use this ({detail or status})")
        if kind == "not_found_error" or status == 404:
            return AdapterUnavailable(f"the Anthropic API does not know the model {model!r}")
        if kind in ("rate_limit_error", "overloaded_error") or status in (429, 529):
            label = "overloaded" if kind == "overloaded_error" or status == 529 else "rate limited"
            return AdapterRateLimited(
                f"the Anthropic API at {where} is {label} ({status})",
                retry_after_s=_retry_after_s(headers),
            )
        if kind == "api_error" or status >= 500:
            return AdapterServerError(f"the Anthropic API at {where} failed ({status} {kind})".rstrip())
        return AdapterError(f"the Anthropic API refused the request ({status} {kind}): {detail}")

    # -- doctor -------------------------------------------------------------------------

    def check_health(self) -> HealthReport:
        """Key present? Server reachable, key accepted, model known? Spends no tokens.

        Asks GET /v1/models/{model}; without a key it contacts nothing.
        """
        base = HealthReport(
            engine=self.name,
            endpoint=self._base_url,
            reachable=None,
            model=self._model,
            key_present=self._key is not None,
        )
        try:
            client = self._client()
        except AdapterUnavailable as exc:
            return replace(base, problem=str(exc))
        try:
            client.models.retrieve(self._model)
        except Exception as exc:
            anthropic, _ = _import_sdk()
            answered = isinstance(exc, anthropic.APIStatusError)  # reached, but said no
            status = getattr(exc, "status_code", None)
            err = self._classify(exc, self._model) or AdapterError(
                f"unexpected failure asking {self._base_url}: {type(exc).__name__}"
            )
            return replace(
                base,
                reachable=answered,
                model_present=False if status == 404 else None,
                problem=redact(str(err), self._key),
            )
        return replace(base, reachable=True, model_present=True)

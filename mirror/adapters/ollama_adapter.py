"""The Ollama engine: a local (or, if so configured, remote) model server over /api/chat.

`ollama` and `httpx` are imported on first use, not at module import, so commands that never
call a model do not pay for them and a missing extra becomes a clear `AdapterUnavailable`.

Two privacy details: redirects are not followed (a loopback endpoint must not be able to
bounce text to another host behind the router's back), and for a loopback endpoint the
proxy environment variables are ignored (an HTTP_PROXY would otherwise carry private
reflections off the machine).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from mirror.adapters._endpoints import normalise_url, url_is_loopback
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
from mirror.settings import KEYS

DEFAULT_ENDPOINT: str = KEYS["ollama.endpoint"].default
DEFAULT_MODEL: str = KEYS["ollama.model"].default
MISSING_EXTRA = "the Ollama engine needs the ollama extra: pip install 'mirror-journal[ollama]'"


def _import_ollama() -> Any:
    try:
        import ollama  # the SDK (~300 ms with httpx): only when a model is called
    except ImportError:
        raise AdapterUnavailable(MISSING_EXTRA) from None
    return ollama


def _same_model(wanted: str, available: str) -> bool:
    """Ollama treats a name without a tag as `:latest`."""
    def full(name: str) -> str:
        return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"

    return full(wanted) == full(available)


class OllamaAdapter:
    """Streams a mirrorback from an Ollama server. Does not retry (see base.py)."""

    name = "ollama"

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        endpoint: str = DEFAULT_ENDPOINT,
        connect_timeout_s: float = KEYS["timeouts.connect_s"].default,
        read_timeout_s: float = KEYS["timeouts.read_s"].default,
    ) -> None:
        self._model = model
        self._endpoint = normalise_url(endpoint, setting="ollama.endpoint")
        self._loopback = url_is_loopback(self._endpoint)
        self._connect_timeout_s = connect_timeout_s
        self._read_timeout_s = read_timeout_s
        self._clients: dict[tuple[float, float], Any] = {}

    @property
    def engine_version(self) -> str:
        """For an LLM engine the model is what determines the text, so it is the version."""
        return self._model

    @property
    def model(self) -> str:
        return self._model

    def __repr__(self) -> str:
        return f"OllamaAdapter(model={self._model!r}, endpoint={self._endpoint!r})"

    def is_remote(self) -> bool:
        return not self._loopback

    def endpoint(self) -> str:
        return self._endpoint

    # -- clients ------------------------------------------------------------------------

    def _client(self, connect_s: float, read_s: float) -> Any:
        """One client per timeout pair, kept so that keep-alive connections are reused."""
        key = (connect_s, read_s)
        client = self._clients.get(key)
        if client is None:
            ollama = _import_ollama()
            import httpx  # ~100 ms: only when a client is built

            client = ollama.Client(
                host=self._endpoint,
                timeout=httpx.Timeout(connect=connect_s, read=read_s, write=read_s, pool=connect_s),
                follow_redirects=False,
                trust_env=not self._loopback,
            )
            self._clients[key] = client
        return client

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    # -- generation ---------------------------------------------------------------------

    def generate(
        self, system: str, messages: list[Message], options: GenerateOptions
    ) -> Iterator[Chunk]:
        client = self._client(options.connect_timeout_s, options.read_timeout_s)
        model = options.model or self._model
        payload = ([{"role": "system", "content": system}] if system else []) + [
            {"role": m.role, "content": m.content} for m in messages
        ]
        settings: dict[str, Any] = {"temperature": options.temperature,
                                    "num_predict": options.max_tokens}
        if options.context_tokens:
            # Without it Ollama keeps only the end of a prompt longer than its default window
            # (the system prompt, the constitution, goes first), and says nothing.
            settings["num_ctx"] = options.context_tokens
        stream = None
        final: Any = None
        failure: AdapterError | None = None
        try:
            stream = client.chat(model=model, messages=payload, stream=True, options=settings)
            for part in stream:
                content = part.message.content if part.message is not None else None
                if content:
                    yield content
                if part.done:
                    final = part
                    break
        except Exception as exc:  # every failure leaves as an AdapterError, see _translate
            failure = self._translate(exc, model)
        finally:
            if stream is not None:
                stream.close()
        if failure is not None:
            raise failure  # outside `except`: the engine sees one error, not a chain
        if final is None:
            raise AdapterMalformed(f"the stream from Ollama at {self._endpoint} ended before `done`")
        yield Usage(
            input_tokens=final.prompt_eval_count or 0, output_tokens=final.eval_count or 0
        )

    def _translate(self, exc: Exception, model: str) -> AdapterError:
        """Map a client or transport failure to the one AdapterError the engine acts on."""
        if isinstance(exc, AdapterError):
            return exc
        import httpx  # loaded already by the client that failed; kept out of module import
        import ollama

        where = self._endpoint
        if isinstance(exc, ollama.ResponseError):
            status, reason = exc.status_code, str(exc.error)[:200]
            if status == 404:
                return AdapterUnavailable(
                    f"Ollama at {where} has no model {model!r}: run `ollama pull {model}`"
                )
            if status == 429:
                return AdapterRateLimited(f"Ollama at {where} is busy (429): {reason}")
            if status >= 500:
                return AdapterServerError(f"Ollama at {where} failed ({status}): {reason}")
            if status == -1:  # an {"error": ...} object inside a 200 stream
                return AdapterServerError(f"Ollama at {where} failed mid-stream: {reason}")
            return AdapterError(f"Ollama at {where} refused the request ({status}): {reason}")
        if isinstance(exc, httpx.TimeoutException):
            return AdapterTimeout(f"Ollama at {where} did not answer in time ({type(exc).__name__})")
        if isinstance(exc, (httpx.ConnectError, ConnectionError)):
            return AdapterUnavailable(
                f"cannot reach Ollama at {where}: is Ollama running? start it with `ollama serve`"
            )
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
            return AdapterMalformed(f"the connection to Ollama at {where} was cut mid-answer")
        if isinstance(exc, httpx.HTTPError):
            return AdapterUnavailable(f"cannot talk to Ollama at {where}: {type(exc).__name__}")
        if isinstance(exc, ValueError):  # bad JSON line, or a line that is not a chat chunk
            return AdapterMalformed(f"Ollama at {where} sent something that is not its protocol")
        raise exc  # a bug: let it surface as itself

    # -- doctor -------------------------------------------------------------------------

    def check_health(self) -> HealthReport:
        """Reachable? Which version? Is the configured model pulled? Never generates text."""
        base = HealthReport(engine=self.name, endpoint=self._endpoint, reachable=None, model=self._model)
        try:
            client = self._client(self._connect_timeout_s, self._read_timeout_s)
        except AdapterUnavailable as exc:
            return replace(base, problem=str(exc))
        try:
            version = self._server_version()
            listing = client.list()
        except Exception as exc:
            try:
                err = self._translate(exc, self._model)
            except Exception:
                err = AdapterError(f"unexpected answer from Ollama at {self._endpoint}")
            import httpx  # loaded already by `_client`; kept out of module import

            reachable = not isinstance(exc, (httpx.TransportError, ConnectionError))
            return replace(base, reachable=reachable, problem=str(err))
        names = [m.model or "" for m in listing.models]
        present = any(_same_model(self._model, n) for n in names)
        return replace(
            base,
            reachable=True,
            server_version=version,
            model_present=present,
            problem="" if present else f"model {self._model!r} is not pulled: run `ollama pull {self._model}`",
        )

    def _server_version(self) -> str | None:
        """GET /api/version (the ollama client has no call for it)."""
        import httpx  # loaded already by `_client`; kept out of module import

        with httpx.Client(
            base_url=self._endpoint,
            timeout=httpx.Timeout(connect=self._connect_timeout_s, read=self._read_timeout_s,
                                  write=self._read_timeout_s, pool=self._connect_timeout_s),
            follow_redirects=False,
            trust_env=not self._loopback,
        ) as http:
            response = http.get("/api/version")
            if response.status_code != 200:
                return None
            version = response.json().get("version")
            return version if isinstance(version, str) else None

"""Running an engine under the constitution: route, prompt, call, check, retry, fall back.

Adapters only produce text (mirror/adapters/base.py); everything that happens around a
call is decided here, in one place, and recorded as attempts:

1. **Care first.** A reflection that signals a crisis goes to no adapter at all: the fixed
   care response is the answer (07-care-in-crisis.md). A model that answers with the care
   sentinel instead of a mirrorback also leads to the care response; its text is never
   shown. An ambiguous signal (the gentle tier) gets the mirrorback plus one fixed line.
2. **Route.** `route()` is the privacy rule as a pure function: a private reflection never
   reaches a remote adapter; it goes to the given local adapter or the offline engine, and
   the reason is recorded. Private earlier reflections are never context for a remote call.
3. **Call and check.** Chunks are collected silently; the optional `on_progress` callback
   only ever receives a token count, never unchecked text. The full reply is checked.
4. **Retry.** A reply that fails the checks is sent back with the violations named, at most
   `max_violation_retries` times. A retryable `AdapterError` is retried with exponential
   backoff that honours the server's `retry_after_s` (a wait beyond `max_retry_after_s`
   is not worth making the person wait: fall back instead). `sleep` is injectable.
5. **Fall back.** A non-retryable error, an unexpected exception from an adapter, or
   exhausted attempts end with the offline engine's mirrorback, which always passes.

Every model attempt records `PROMPT_VERSION`, the version of the prompt template it was sent
(the constitution's own version is recorded beside it). The offline engine gets the
person's `memory` sentence (mirror.services.remembering) when it answers an ordinary
mirrorback, never with care or the gentle line; a sentence that would make the mirrorback
fail the checks is left out.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from mirror import constitution
from mirror.adapters.base import (
    AdapterError,
    GenerateOptions,
    Message,
    Usage,
)
from mirror.engine.analysis import Analysis, analyze
from mirror.engine.care import NO_FINDING, CareSignal, care_response, gentle_line, response_language
from mirror.engine.checks import CheckReport, check
from mirror.engine.offline_adapter import OfflineAdapter
from mirror.engine.prompt import (
    PROMPT_VERSION,
    Prompt,
    RelatedReflection,
    build_prompt,
    context_size,
    estimate_tokens,
    messages_tokens,
    prompt_labels,
    retry_message,
)
from mirror.hashing import sha256_hex

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from mirror.adapters.base import Adapter

CARE_SOURCE = "care"

# Route reasons (stored with the engine run).
ROUTE_CONFIGURED = "configured"
ROUTE_DEFAULT = "default-offline"
ROUTE_PRIVATE = "private-kept-local"
ROUTE_CRISIS = "crisis-care"
ROUTE_SENTINEL = "model-care-sentinel"


def care_sentinel() -> str:
    """What a model answers instead of a mirrorback when the writer may be in danger (the
    system prompt asks for it, 07-care-in-crisis.md). The model's text is never shown."""
    return str(constitution.invariants()["care"]["sentinel"])

SENTINEL = "care-sentinel"  # the attempt outcome

# Attempt outcomes.
PASSED = "passed"
VIOLATION = "violation"
ERROR = "error"


@dataclass(frozen=True)
class Attempt:
    """One call to one engine, as engine_runs records it."""

    engine: str
    model: str | None
    duration_ms: int
    input_tokens: int
    output_tokens: int
    flags: tuple[str, ...]
    error: str | None
    outcome: str
    remote: bool = False
    #: The prompt template a model was sent (None for the offline engine: no prompt).
    prompt_version: str | None = None


@dataclass(frozen=True)
class EgressRecord:
    """Text about to leave the machine (for the egress ledger), reported *before* the call."""

    engine: str
    endpoint: str
    reflection_ids: tuple[str, ...]
    bytes: int
    sha256: str


@dataclass(frozen=True)
class EngineOutcome:
    """The mirrorback that may be shown, and how it came to be."""

    text: str
    source: str
    engine_version: str
    model: str | None
    report: CheckReport | None
    attempts: tuple[Attempt, ...]
    route_reason: str
    analysis: Analysis
    constitution_version: str
    prompt_version: str | None = None
    context_ids: tuple[str, ...] = ()
    care: tuple[CareSignal, ...] = field(default_factory=tuple)
    #: The fixed line shown under an ordinary mirrorback for an ambiguous signal.
    care_note: str | None = None

    @property
    def by_sentinel(self) -> bool:
        """True when a model's care sentinel, not the detector, led to care."""
        return self.route_reason == ROUTE_SENTINEL

    @property
    def flags(self) -> list[str]:
        """Failed checks of the final text (empty for anything shown, by construction)."""
        return self.report.flags if self.report else []

    @property
    def is_care(self) -> bool:
        return self.source == CARE_SOURCE

    @property
    def fell_back(self) -> bool:
        """True when a model was tried and the offline engine had the last word."""
        return self.source == OfflineAdapter.name and any(
            a.engine != OfflineAdapter.name for a in self.attempts
        )

    @property
    def status(self) -> str:
        """'care', 'fallback' or 'ok' (engine_runs.status)."""
        return CARE_SOURCE if self.is_care else "fallback" if self.fell_back else "ok"

    @property
    def duration_ms(self) -> int:
        return sum(a.duration_ms for a in self.attempts)

    @property
    def input_tokens(self) -> int:
        return sum(a.input_tokens for a in self.attempts)

    @property
    def output_tokens(self) -> int:
        return sum(a.output_tokens for a in self.attempts)


def route(
    adapter: Adapter | None,
    private: bool,
    crisis: bool,
    local_fallback: Adapter | None = None,
) -> tuple[Adapter | None, str]:
    """Which engine may answer, and why. `None` means no adapter: the care response
    (crisis) or, never for a crisis, the offline engine when nothing else applies."""
    if crisis:
        return None, ROUTE_CRISIS
    if adapter is None:
        return OfflineAdapter(), ROUTE_DEFAULT
    if private and adapter.is_remote():
        if local_fallback is not None and not local_fallback.is_remote():
            return local_fallback, ROUTE_PRIVATE
        return OfflineAdapter(), ROUTE_PRIVATE
    return adapter, ROUTE_CONFIGURED


def backoff_delay(retry_number: int, retry_after_s: float | None) -> float | None:
    """Seconds to wait before retry `retry_number` (0-based), or None when the server asks
    for a longer wait than the constitution allows."""
    cfg = constitution.invariants()["engine"]
    delay = min(float(cfg["backoff_max_s"]), float(cfg["backoff_base_s"]) * 2**retry_number)
    if retry_after_s is not None:
        if retry_after_s > float(cfg["max_retry_after_s"]):
            return None
        delay = max(delay, float(retry_after_s))
    return delay


def _collect(
    chunks: Iterable[str | Usage], on_progress: Callable[[int], None] | None
) -> tuple[str, Usage]:
    parts: list[str] = []
    usage = Usage()
    so_far = 0
    for chunk in chunks:
        if isinstance(chunk, Usage):
            usage = chunk
            continue
        parts.append(chunk)
        if on_progress is not None:
            so_far += estimate_tokens(chunk)
            on_progress(so_far)
    return "".join(parts), usage


def _model_of(adapter: Adapter, options: GenerateOptions) -> str | None:
    return options.model or getattr(adapter, "model", None)


def run(
    text: str,
    adapter: Adapter | None = None,
    *,
    analysis: Analysis | None = None,
    private: bool = False,
    related: Sequence[RelatedReflection] = (),
    local_fallback: Adapter | None = None,
    options: GenerateOptions | None = None,
    care_resources: Sequence[str] = (),
    reflection_id: str | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_egress: Callable[[EgressRecord], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.perf_counter,
    max_violation_retries: int | None = None,
    max_error_retries: int | None = None,
    budget_tokens: int | None = None,
    date: str = "",
    memory: str | None = None,
    max_directive_ratio: float | None = None,
    avoid: str | None = None,
    hour: int | None = None,
) -> EngineOutcome:
    """Produce the mirrorback for `text` under the contract (see module docstring).

    `date` is the day the reflection was written, as the prompt shows it
    (`prompt.reflection_date`); `memory` one descriptive sentence about earlier
    reflections for the offline engine; `avoid` the closing question of the journal's last
    mirrorback, which the offline engine does not ask twice in a row; `hour` the local
    hour it was written at, so the offline engine asks a morning writer about their day."""
    a = analyze(text) if analysis is None else analysis
    cfg = constitution.invariants()["engine"]
    violations_left = int(cfg["max_violation_retries"] if max_violation_retries is None
                          else max_violation_retries)
    errors_left = int(cfg["max_error_retries"] if max_error_retries is None
                      else max_error_retries)
    opts = options or GenerateOptions()
    version = constitution.version()
    chosen, reason = route(adapter, private, a.needs_care, local_fallback)

    if chosen is None:
        return _care(a, care_resources, (), reason, version)
    gentle = a.gentle and a.care_language is not None
    outcome = _answer(text, a, chosen, reason, version, related, opts, reflection_id,
                      on_progress, on_egress, sleep, clock, violations_left, errors_left,
                      budget_tokens, date, None if gentle else memory, max_directive_ratio,
                      avoid, hour)
    if outcome.by_sentinel:
        return _care(a, care_resources, outcome.attempts, ROUTE_SENTINEL, version)
    if gentle and a.care_language is not None:
        return replace(outcome, care_note=gentle_line(a.care_language, care_resources))
    return outcome


def _care(a: Analysis, resources: Sequence[str], attempts: Sequence[Attempt], reason: str,
          version: str) -> EngineOutcome:
    """The fixed care response: the constitution's own text, never checked or rejected by
    the guardian, since no model wrote it."""
    language = a.care_language or _care_language_of(a)
    return EngineOutcome(
        text=care_response(a.care, resources, language), source=CARE_SOURCE,
        engine_version=version, model=None, report=None, attempts=tuple(attempts),
        route_reason=reason, analysis=a, constitution_version=version, care=a.care,
    )


def _care_language_of(a: Analysis) -> str:
    """The care language for an entry the detector passed (a model's sentinel)."""
    return response_language(a.text, NO_FINDING)


def _answer(text: str, a: Analysis, chosen: Adapter, reason: str, version: str,
            related: Sequence[RelatedReflection], opts: GenerateOptions,
            reflection_id: str | None, on_progress: Callable[[int], None] | None,
            on_egress: Callable[[EgressRecord], None] | None, sleep: Callable[[float], None],
            clock: Callable[[], float], violations_left: int, errors_left: int,
            budget_tokens: int | None, date: str, memory: str | None,
            max_directive_ratio: float | None = None, avoid: str | None = None,
            hour: int | None = None) -> EngineOutcome:
    attempts: list[Attempt] = []
    if isinstance(chosen, OfflineAdapter):
        return _offline(text, a, chosen, attempts, reason, version, clock, memory,
                        max_directive_ratio, avoid, hour)

    remote = chosen.is_remote()
    context = [r for r in related if not (remote and r.private)]
    prompt = build_prompt(text, context, budget_tokens=budget_tokens, date=date,
                          noticed=prompt_labels(a.pattern_counts))
    messages: list[Message] = list(prompt.messages)
    model = _model_of(chosen, opts)
    error_retries = 0
    while True:
        started = clock()
        try:
            if remote and on_egress is not None:
                on_egress(_egress(chosen, prompt, messages, reflection_id))
            sized = replace(opts, context_tokens=context_size(
                messages_tokens(prompt.system, messages), opts.max_tokens))
            reply, usage = _collect(chosen.generate(prompt.system, messages, sized), on_progress)
        except AdapterError as exc:
            attempts.append(_failed(chosen, model, started, clock, exc, remote))
            delay = backoff_delay(error_retries, exc.retry_after_s) if exc.retryable else None
            if delay is None or errors_left <= 0:
                break
            errors_left -= 1
            error_retries += 1
            sleep(delay)
            continue
        except Exception as exc:  # noqa: BLE001 - a broken adapter must not cost the answer
            attempts.append(_failed(chosen, model, started, clock, exc, remote))
            break
        reply = reply.strip()
        if care_sentinel() in reply:
            attempts.append(Attempt(
                engine=chosen.name, model=model, duration_ms=_ms(started, clock),
                input_tokens=usage.input_tokens, output_tokens=usage.output_tokens,
                flags=(), error=None, outcome=SENTINEL, remote=remote,
                prompt_version=PROMPT_VERSION))
            return EngineOutcome(
                text="", source=CARE_SOURCE, engine_version=version, model=model, report=None,
                attempts=tuple(attempts), route_reason=ROUTE_SENTINEL, analysis=a,
                constitution_version=version)
        report = check(reply, text, max_directive_ratio=max_directive_ratio)
        attempts.append(Attempt(
            engine=chosen.name, model=model, duration_ms=_ms(started, clock),
            input_tokens=usage.input_tokens, output_tokens=usage.output_tokens,
            flags=tuple(report.flags), error=None,
            outcome=PASSED if report.passed else VIOLATION, remote=remote,
            prompt_version=PROMPT_VERSION,
        ))
        if report.passed:
            return EngineOutcome(
                text=reply, source=chosen.name, engine_version=chosen.engine_version,
                model=model, report=report, attempts=tuple(attempts), route_reason=reason,
                analysis=a, constitution_version=version,
                prompt_version=PROMPT_VERSION, context_ids=prompt.included_ids,
            )
        if violations_left <= 0:
            break
        violations_left -= 1
        messages = [*prompt.messages, Message(role="assistant", content=reply),
                    retry_message(report.describe_violations())]
    return _offline(text, a, OfflineAdapter(), attempts, reason, version, clock, memory,
                    max_directive_ratio, avoid, hour)


def _offline(
    text: str,
    a: Analysis,
    engine: OfflineAdapter,
    attempts: list[Attempt],
    reason: str,
    version: str,
    clock: Callable[[], float],
    memory: str | None = None,
    max_directive_ratio: float | None = None,
    avoid: str | None = None,
    hour: int | None = None,
) -> EngineOutcome:
    started = clock()
    reply = engine.respond(text, a, memory=memory, avoid=avoid, hour=hour)
    report = check(reply, text, max_directive_ratio=max_directive_ratio)
    if memory and not report.passed:  # the memory line is what failed: answer without it
        reply = engine.respond(text, a, avoid=avoid, hour=hour)
        report = check(reply, text, max_directive_ratio=max_directive_ratio)
    attempts.append(Attempt(
        engine=engine.name, model=None, duration_ms=_ms(started, clock),
        input_tokens=0, output_tokens=0, flags=tuple(report.flags), error=None,
        outcome=PASSED if report.passed else VIOLATION,
    ))
    return EngineOutcome(
        text=reply, source=engine.name, engine_version=engine.engine_version, model=None,
        report=report, attempts=tuple(attempts), route_reason=reason, analysis=a,
        constitution_version=version,
    )


def _ms(started: float, clock: Callable[[], float]) -> int:
    return max(0, round((clock() - started) * 1000))


def _failed(
    adapter: Adapter, model: str | None, started: float, clock: Callable[[], float],
    exc: BaseException, remote: bool,
) -> Attempt:
    return Attempt(
        engine=adapter.name, model=model, duration_ms=_ms(started, clock), input_tokens=0,
        output_tokens=0, flags=(), error=f"{type(exc).__name__}: {exc}", outcome=ERROR,
        remote=remote, prompt_version=PROMPT_VERSION,
    )


def _egress(
    adapter: Adapter, prompt: Prompt, messages: Sequence[Message], reflection_id: str | None
) -> EgressRecord:
    payload = prompt.system + "\x00" + "\x00".join(m.content for m in messages)
    data = payload.encode("utf-8", "surrogatepass")
    ids = ((reflection_id,) if reflection_id else ()) + prompt.included_ids
    return EgressRecord(
        engine=adapter.name, endpoint=adapter.endpoint(), reflection_ids=ids,
        bytes=len(data), sha256=sha256_hex(data),
    )

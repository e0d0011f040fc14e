"""Answering a saved reflection: analyse it, route it, run the engine under the contract,
and record everything (analysis, mirrorback, engine run, egress, cache) in the journal.

The reflection is always saved before anything here runs (`Journal.write`), so no failure
in this module can lose what the person wrote. Everything a model call needs that is not
the engine's business — which adapter is configured, the budget, the response cache and the
egress ledger — is decided here, so adapters stay thin and the engine stays pure.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Callable, Iterator
from urllib.parse import urlsplit

from mirror.adapters.base import Adapter, AdapterUnavailable, GenerateOptions, Message, Usage
from mirror.clock import utc_iso
from mirror.models import Reflection
from mirror.services.results import ReflectResult
from mirror.storage.derived import MirrorbackRecord, ObservationRecord, PatternRecord, RunRecord
from mirror.storage.egress import EgressEntry

if TYPE_CHECKING:
    from mirror.engine.analysis import Analysis
    from mirror.engine.contract import EgressRecord, EngineOutcome
    from mirror.services.journal import Journal

log = logging.getLogger("mirror")

RELATED_LIMIT = 6


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- analysis ----------------------------------------------------------------------------------
def pattern_records(analysis: "Analysis") -> list[PatternRecord]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for m in analysis.patterns:
        grouped.setdefault(m.name, []).append({"start": m.start, "end": m.end, "text": m.text})
    return [PatternRecord(name, spans) for name, spans in grouped.items()]


def observation_records(analysis: "Analysis") -> list[ObservationRecord]:
    return [
        ObservationRecord(t.axis_a, t.axis_b, max(-1.0, min(1.0, t.position)),
                          max(0.0, min(1.0, t.intensity)),
                          [{"start": e.start, "end": e.end, "text": e.text} for e in t.evidence])
        for t in analysis.tensions
    ]


def store_analysis(journal: "Journal", reflection: Reflection, analysis: "Analysis") -> None:
    """Replace the reflection's derived analysis (patterns, tensions, care marker)."""
    journal.store.derived.replace_analysis(
        reflection.id, pattern_records(analysis), observation_records(analysis),
        sorted({s.category for s in analysis.care}) or None, observed_at=reflection.created_at)


# -- the adapter around a model call -----------------------------------------------------------
class MeteredAdapter:
    """Wraps a model adapter with Mirror's own bookkeeping: answers identical requests from
    the response cache, writes the egress ledger entry before anything is sent (so even a
    crash mid-call leaves a record), and settles tokens and cost when the call ends.

    The contract calls `on_egress` right before each `generate`, so the ledger entry is held
    until `generate` knows whether the request really leaves (a cache hit sends nothing)."""

    def __init__(self, inner: Adapter, journal: "Journal", reflection_id: str,
                 constitution_version: str, *, use_cache: bool) -> None:
        self.inner = inner
        self.journal = journal
        self.reflection_id = reflection_id
        self.constitution_version = constitution_version
        self.use_cache = use_cache
        self.name = inner.name
        self.engine_version = inner.engine_version
        self.model = getattr(inner, "model", None)
        self._pending: "EgressRecord | None" = None
        self.replies: dict[str, str] = {}   # reply text -> cache key, for caching what passed
        self.cache_hits = 0

    def is_remote(self) -> bool:
        return self.inner.is_remote()

    def endpoint(self) -> str:
        return self.inner.endpoint()

    def on_egress(self, record: "EgressRecord") -> None:
        self._pending = record

    def _key(self, system: str, messages: list[Message], options: GenerateOptions) -> str:
        payload = json.dumps([self.name, options.model or self.model, system,
                              [[m.role, m.content] for m in messages], self.constitution_version],
                             ensure_ascii=False)
        return sha256_text(payload)

    def generate(self, system: str, messages: list[Message], options: GenerateOptions) -> Iterator[str | Usage]:
        key = self._key(system, messages, options)
        if self.use_cache:
            hit = self.journal.store.egress.cached(key)
            if hit is not None:
                self._pending = None
                self.cache_hits += 1
                self.replies[hit["content"].strip()] = key
                yield hit["content"]
                yield Usage(0, 0)
                return
        entry_id = self._record_egress(system, messages)
        parts: list[str] = []
        usage = Usage()
        for chunk in self.inner.generate(system, messages, options):
            if isinstance(chunk, Usage):
                usage = chunk
            else:
                parts.append(chunk)
            yield chunk
        reply = "".join(parts)
        self.replies[reply.strip()] = key
        self._last_usage = usage
        if entry_id is not None:
            from mirror.adapters.pricing import estimate_cost_usd

            cost = estimate_cost_usd(self.name, options.model or self.model, usage)
            self.journal.store.egress.settle(entry_id, usage.input_tokens, usage.output_tokens, cost)

    def _record_egress(self, system: str, messages: list[Message]) -> str | None:
        record = self._pending
        self._pending = None
        if record is None:  # the contract reports remote calls; local ones are ledgered too
            payload = (system + "\x00" + "\x00".join(m.content for m in messages)).encode("utf-8")
            ids: tuple[str, ...] = (self.reflection_id,)
            size, digest = len(payload), hashlib.sha256(payload).hexdigest()
        else:
            ids, size, digest = record.reflection_ids, record.bytes, record.sha256
        host = urlsplit(self.endpoint()).hostname or self.endpoint()
        return self.journal.store.egress.record(EgressEntry(
            adapter=self.name, endpoint_host=host, remote=self.is_remote(), reflection_ids=ids,
            bytes_sent=size, payload_sha256=digest, model=self.model))

    def remember(self, outcome: "EngineOutcome") -> None:
        """Cache the reply that passed the checks (never one that failed)."""
        key = self.replies.get(outcome.text.strip())
        if key is None or outcome.source != self.name:
            return
        if self.journal.store.egress.cached(key) is None:
            self.journal.store.egress.cache(key, self.reflection_id, self.name, self.model,
                                            outcome.text, outcome.input_tokens, outcome.output_tokens)


def configured_adapter(journal: "Journal", notices: list[str]) -> Adapter | None:
    """The model adapter the person configured, or None for the offline engine. A model
    that cannot be used right now (missing extra, no key, budget reached) means offline,
    with a notice that says why."""
    from mirror.adapters import registry

    settings = journal.settings.as_flat()
    name = registry.engine_name(settings)
    if name == "offline":
        return None
    api_key = None
    try:
        if name == "anthropic":
            from mirror.adapters.secrets import load_anthropic_key

            api_key = load_anthropic_key(journal.paths.home)
            if not api_key:
                raise AdapterUnavailable(
                    "the anthropic engine needs your API key: set ANTHROPIC_API_KEY or run "
                    "`mirror config set-key anthropic`")
        adapter = registry.create_adapter(settings, api_key=api_key)
    except AdapterUnavailable as exc:
        notices.append(f"{exc}; answered by the offline engine")
        return None
    if adapter.is_remote():
        refusal = budget_refusal(journal)
        if refusal:
            notices.append(f"{refusal}; answered by the offline engine")
            return None
    return adapter


def budget_refusal(journal: "Journal") -> str | None:
    from mirror.adapters import registry
    from mirror.adapters.pricing import Spend, check_budget

    limits = registry.budget_limits_from_settings(journal.settings.as_flat())
    now = journal.clock.now()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    month_start = day_start.replace(day=1)
    egress = journal.store.egress
    today = Spend(*egress.spent_since(utc_iso(day_start)))
    month = Spend(*egress.spent_since(utc_iso(month_start)))
    decision = check_budget(today, month, limits)
    return None if decision.allowed else decision.reason


def related_context(journal: "Journal", reflection: Reflection, limit: int = RELATED_LIMIT):
    """Earlier reflections that help a model answer: same thread, recent, and full-text
    related. Reflections that received care are never context for any model."""
    from mirror.engine.prompt import RelatedReflection
    from mirror.models import ListFilter

    store = journal.store.reflections
    picked: dict[str, tuple[Reflection, float]] = {}

    def add(items, relevance: float) -> None:
        for r in items:
            if r.id != reflection.id and r.id not in picked and not journal.store.derived.is_care(r.id):
                picked[r.id] = (r, relevance)

    for title in reflection.threads:
        thread = journal.store.threads.find(title)
        add(store.list(ListFilter(thread_id=thread.id), limit=3).items, 0.9)
    words = sorted({w.strip(".,;:!?\"'()") for w in reflection.content.split() if len(w) > 6},
                   key=len, reverse=True)[:4]
    for word in words:
        try:
            add([h.reflection for h in store.search(word, limit=2)], 0.6)
        except Exception:  # a word that is not searchable is simply not used as a cue
            continue
    add(store.list(ListFilter(until=reflection.created_at), limit=3).items, 0.3)
    chosen = sorted(picked.values(), key=lambda pair: -pair[1])[:limit]
    return [RelatedReflection(id=r.id, text=r.content, created_at=r.created_at,
                              relevance=relevance, private=r.private) for r, relevance in chosen]


# -- the whole answer --------------------------------------------------------------------------
def answer(journal: "Journal", reflection: Reflection, *,
           on_progress: Callable[[int], None] | None = None, use_cache: bool = True,
           sleep: Callable[[float], None] | None = None) -> ReflectResult:
    """Analyse, answer under the contract, record. Returns what the interfaces show."""
    from mirror import constitution
    from mirror.engine import contract
    from mirror.engine.analysis import analyze

    analysis = analyze(reflection.content)
    store_analysis(journal, reflection, analysis)
    loaded = constitution.load()
    journal.store.derived.record_constitution(loaded.version_string, loaded.genesis_hash)
    notices: list[str] = []
    adapter = None if analysis.needs_care else configured_adapter(journal, notices)
    metered = (MeteredAdapter(adapter, journal, reflection.id, loaded.version_string, use_cache=use_cache)
               if adapter is not None else None)
    settings = journal.settings.as_flat()
    from mirror.adapters import registry

    options = registry.options_from_settings(settings) if metered else None
    related = related_context(journal, reflection) if metered else []
    outcome = contract.run(
        reflection.content, metered, analysis=analysis, private=reflection.private,
        related=related, options=options,
        care_resources=journal.settings.get("care.resources"), reflection_id=reflection.id,
        on_progress=on_progress, on_egress=metered.on_egress if metered else None,
        max_violation_retries=journal.settings.get("engine.max_retries"),
        **({"sleep": sleep} if sleep else {}),
    )
    if metered is not None:
        metered.remember(outcome)
    notices += outcome_notices(outcome, adapter)
    return record_outcome(journal, reflection, outcome, notices,
                          cache_hits=metered.cache_hits if metered else 0)


def outcome_notices(outcome: "EngineOutcome", adapter: Adapter | None) -> list[str]:
    from mirror.engine import contract

    notices = []
    if outcome.route_reason == contract.ROUTE_PRIVATE and adapter is not None:
        notices.append(f"private reflection kept on this machine: answered by the "
                       f"{outcome.source} engine instead of {adapter.name}")
    if outcome.fell_back:
        last = next((a for a in reversed(outcome.attempts) if a.engine != "offline"), None)
        why = (last.error or ("its answer did not pass the checks: " + ", ".join(last.flags))
               if last else "no answer")
        notices.append(f"the {adapter.name if adapter else 'model'} engine could not answer "
                       f"({why}); answered by the offline engine")
    return notices


def record_outcome(journal: "Journal", reflection: Reflection, outcome: "EngineOutcome",
                   notices: list[str], cache_hits: int = 0) -> ReflectResult:
    verdict = "care" if outcome.is_care else ("passed" if not outcome.flags else "failed")
    derived = journal.store.derived
    mirrorback_id = derived.add_mirrorback(reflection.id, MirrorbackRecord(
        content=outcome.text, engine=outcome.source, engine_version=outcome.engine_version,
        answered_text_sha256=sha256_text(reflection.content), verdict=verdict,
        flags=list(outcome.flags), model=outcome.model,
        constitution_version=outcome.constitution_version, prompt_version=outcome.prompt_version))
    attempts = [asdict(a) for a in outcome.attempts]
    flags = sorted({f for a in outcome.attempts for f in a.flags})
    derived.add_run(reflection.id, RunRecord(
        engine=(outcome.attempts[0].engine if outcome.attempts else outcome.source),
        duration_ms=outcome.duration_ms, status=outcome.status, final_source=outcome.source,
        patterns=sorted(outcome.analysis.pattern_counts), flags=flags,
        tokens_in=outcome.input_tokens, tokens_out=outcome.output_tokens,
        route_reason=outcome.route_reason + (" (cache)" if cache_hits else ""),
        attempts=attempts))
    checks = ([{"name": r.name, "passed": r.passed, "evidence": list(r.evidence), "detail": r.detail}
               for r in outcome.report.results] if outcome.report else [])
    return ReflectResult(
        reflection=reflection,
        mirrorback={"id": mirrorback_id, "content": outcome.text, "engine": outcome.source,
                    "model": outcome.model, "verdict": verdict, "flags": list(outcome.flags),
                    "route": outcome.route_reason, "cached": bool(cache_hits)},
        patterns=derived.patterns_for(reflection.id),
        tensions=derived.tensions_for(reflection.id),
        checks=checks,
        care=outcome.is_care,
        notices=notices,
    )

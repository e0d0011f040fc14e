"""Answering a saved reflection: analyse it, route it, run the engine under the contract,
and record everything (analysis, mirrorback, engine run, egress, cache) in the journal.

The reflection is always saved before anything here runs (`Journal.write`), so no failure
in this module can lose what the person wrote. Everything a model call needs that is not
the engine's business — which adapter is configured, the budget, the response cache and the
egress ledger — is decided here, so adapters stay thin and the engine stays pure.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, replace

from mirror import constitution
from mirror.adapters.base import AdapterUnavailable, GenerateOptions, Message, Usage
from mirror.engine import contract
from mirror.engine.analysis import analyze
from mirror.engine.checks import max_directive_ratio
from mirror.engine.contract import EgressRecord, EngineOutcome
from mirror.engine.prompt import RelatedReflection, reflection_date, reflection_hour
from mirror.hashing import sha256_hex
from mirror.lazy_re import kept
from mirror.models import ListFilter, Reflection
from mirror.services.context import JournalContext
from mirror.services.deriving import store_analysis
from mirror.services.engines import budget_refusal, configured_adapter, local_fallback
from mirror.services.evolution import hook as evolution
from mirror.services.remembering import cue_words, remember
from mirror.services.results import ReflectResult
from mirror.storage.db import transaction
from mirror.storage.derived import MirrorbackRecord, RunRecord

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from mirror.adapters.base import Adapter

RELATED_LIMIT = 6
SAME_ANSWER = ("the mirror gave the same mirrorback as before for this text; "
               "it was not stored again")
RELATED_CUES = 6          # words of the reflection used to find related ones
RELATED_WINDOW = 1_000    # full-text matches are ranked among this many newest reflections first

# The context blocks of a prompt (mirror.engine.prompt): inside them `<` is escaped, so text a
# person wrote can never forge one of these openings; what matches is what the prompt holds.
_CONTEXT_ID_RE = kept(r'<earlier_reflection id="([^"]+)"')


def sha256_text(text: str) -> str:
    return sha256_hex(text.encode("utf-8"))


# -- the adapter around a model call -----------------------------------------------------------
class MeteredAdapter:
    """Wraps a model adapter with Mirror's own bookkeeping: answers identical requests from
    the response cache, checks the budget before every remote request (retries included),
    writes the egress ledger entry before anything is sent (so even a crash mid-call leaves
    a record), and settles tokens and cost when the call ends.

    Every request that goes to a server — local or remote — is ledgered, with the IDs of
    the reflection answered and of every earlier reflection the prompt carries as context.
    A cache hit sends nothing and records nothing."""

    def __init__(self, inner: Adapter, ctx: JournalContext, reflection_id: str,
                 constitution_version: str, *, use_cache: bool,
                 progress: TokenProgress | None = None,
                 before_send: Callable[[], None] | None = None) -> None:
        self.inner = inner
        self.progress = progress
        self.before_send = before_send  # joins the first ledger entry's commit
        self.ctx = ctx
        self.reflection_id = reflection_id
        self.constitution_version = constitution_version
        self.use_cache = use_cache
        self.name = inner.name
        self.engine_version = inner.engine_version
        self.model = getattr(inner, "model", None)
        self._pending: EgressRecord | None = None
        self.replies: dict[str, str] = {}   # reply text -> cache key, for caching what passed
        self.cache_hits = 0
        self._unsettled: list[tuple[str, int, int, float]] = []

    def is_remote(self) -> bool:
        return self.inner.is_remote()

    def endpoint(self) -> str:
        return self.inner.endpoint()

    def on_egress(self, record: EgressRecord) -> None:
        """The contract's own account of a remote request about to be sent."""
        self._pending = record

    def _key(self, system: str, messages: list[Message], options: GenerateOptions) -> str:
        payload = json.dumps([self.name, options.model or self.model, system,
                              [[m.role, m.content] for m in messages], self.constitution_version],
                             ensure_ascii=False)
        return sha256_text(payload)

    def generate(self, system: str, messages: list[Message], options: GenerateOptions) -> Iterator[str | Usage]:
        if self.progress is not None:
            self.progress.new_attempt()
        key = self._key(system, messages, options)
        if self.use_cache:
            hit = self.ctx.store.egress.cached(key)
            if hit is not None:
                self._pending = None
                self.cache_hits += 1
                self.replies[hit["content"].strip()] = key
                yield hit["content"]
                yield Usage(0, 0)
                return
        if self.is_remote():
            refusal = budget_refusal(self.ctx)
            if refusal:
                self._pending = None
                raise AdapterUnavailable(refusal)
        entry_id = self._record_egress(system, messages, options)
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
        from mirror.adapters.pricing import estimate_cost_usd  # a model answered: not offline's

        settlement = (entry_id, usage.input_tokens, usage.output_tokens,
                      estimate_cost_usd(self.name, options.model or self.model, usage))
        if self.is_remote():  # the budget for the next request (a retry) counts this one
            self.ctx.store.egress.settle(*settlement)
        else:  # written with the mirrorback, in one transaction (see `finish`)
            self._unsettled.append(settlement)

    def _record_egress(self, system: str, messages: list[Message], options: GenerateOptions) -> str:
        record = self._pending
        self._pending = None
        # The same payload the contract hashes (contract._egress): system, then each message.
        payload = (system + "\x00" + "\x00".join(m.content for m in messages)).encode(
            "utf-8", "surrogatepass")
        if record is not None:
            ids = tuple(record.reflection_ids)
        else:
            found = _CONTEXT_ID_RE.findall(messages[0].content) if messages else []
            ids = (self.reflection_id, *dict.fromkeys(i for i in found if i != self.reflection_id))
        from urllib.parse import urlsplit  # only a sent request is recorded (ipaddress: ~2 ms)

        from mirror.storage.egress import EgressEntry  # the ledger's record: the offline engine sends nothing

        host = urlsplit(self.endpoint()).hostname or self.endpoint()
        entry = EgressEntry(
            adapter=self.name, endpoint_host=host, remote=self.is_remote(), reflection_ids=ids,
            bytes_sent=len(payload), payload_sha256=sha256_hex(payload),
            model=options.model or self.model)
        with transaction(self.ctx.store.conn):  # committed before anything is sent
            if self.before_send is not None:
                self.before_send()
                self.before_send = None
            return self.ctx.store.egress.record(entry)

    def finish(self, outcome: EngineOutcome) -> None:
        """Settle the ledger entries still open, and cache the reply that passed the checks
        (never one that failed). Joins the caller's transaction."""
        egress = self.ctx.store.egress
        for settlement in self._unsettled:
            egress.settle(*settlement)
        self._unsettled.clear()
        key = self.replies.get(outcome.text.strip())
        if key is None or outcome.source != self.name:
            return
        if egress.cached(key) is None:
            egress.cache(key, self.reflection_id, self.name, self.model,
                         outcome.text, outcome.input_tokens, outcome.output_tokens)


class TokenProgress:
    """The count shown while a model writes, over the whole answer: a retry continues from
    the tokens already received instead of starting again from zero (a count that goes
    back looks like a glitch, and the person did wait for those tokens)."""

    def __init__(self, callback: Callable[[int], None]) -> None:
        self.callback = callback
        self.base = 0
        self.current = 0

    def new_attempt(self) -> None:
        self.base += self.current
        self.current = 0

    def __call__(self, tokens: int) -> None:
        self.current = tokens
        self.callback(self.base + tokens)


def _cue_words(text: str, count: int = RELATED_CUES) -> list[str]:
    """The telling words of a text: its names ("Sam"), the content words it repeats, then
    its longest words (mirror.services.remembering.cue_words)."""
    return cue_words(text, count)


def related_context(ctx: JournalContext, reflection: Reflection, limit: int = RELATED_LIMIT, *,
                    include_private: bool = True) -> list[RelatedReflection]:
    """Earlier reflections that help a model answer: same thread, full-text related, recent.

    Only reflections written before this one; never one that received care (for any
    model); no private one when `include_private` is False (a remote model: the contract
    filters them too, but leaving them out here keeps their slots for shareable context).
    Full-text relatedness is one ranked query over the reflection's telling words, ranked
    among the most recent RELATED_WINDOW reflections first (BM25 costs time per matching
    row), and over the whole journal only when that window holds too few matches."""
    store = ctx.store.reflections
    until = reflection.created_at
    private = None if include_private else False
    picked: dict[str, tuple[Reflection, float]] = {}

    def add(items: list[Reflection], relevance: float, step: float = 0.0) -> None:
        for i, r in enumerate(items):
            if r.id != reflection.id and r.id not in picked and r.created_at <= until:
                picked[r.id] = (r, relevance - i * step)

    for title in reflection.threads:
        thread = ctx.store.threads.find(title)
        add(store.list(ListFilter(thread_id=thread.id, until=until, private=private, care=False),
                       limit=3).items, 0.9)

    add(store.related_by_words(_cue_words(reflection.content), exclude_id=reflection.id,
                               until=until, include_private=include_private, limit=limit + 2,
                               window=RELATED_WINDOW), 0.6, 0.01)
    # The three most recent *earlier* ones: the reflection itself is the newest row here.
    recent = store.list(ListFilter(until=until, private=private, care=False), limit=4).items
    add([r for r in recent if r.id != reflection.id][:3], 0.3)
    chosen = sorted(picked.values(), key=lambda pair: -pair[1])[:limit]
    return [RelatedReflection(id=r.id, text=r.content, created_at=r.created_at,
                              relevance=relevance, private=r.private,
                              date=reflection_date(r.created_at, r.created_tz))
            for r, relevance in chosen]


# -- the whole answer --------------------------------------------------------------------------
def answer(ctx: JournalContext, reflection: Reflection, *,
           on_progress: Callable[[int], None] | None = None, use_cache: bool = True,
           sleep: Callable[[float], None] | None = None) -> ReflectResult:
    """Analyse, answer under the contract, record. Returns what the interfaces show.

    Commits: the egress ledger entry of each request, before it is sent (the first one
    together with the analysis, so a crash mid-call loses neither); then the mirrorback, the
    engine run, the cache and the token counts together (with the analysis, if no request
    was sent). Each commit is an fsync: they are kept few."""
    # The engine profile the person approved (DESIGN §7): the lexicon cues they dropped and
    # the gentle-tier cues they excluded shape the analysis; its prompt lines join the
    # system prompt on the way to the model, inside the meter, so the ledger hashes what is
    # sent.
    profile = evolution.load_profile(ctx)
    analysis = profile.read(analyze(reflection.content))
    loaded = constitution.load()
    analysis_stored = False

    def store_derived() -> None:  # in the caller's transaction
        nonlocal analysis_stored
        if not analysis_stored:
            store_analysis(ctx, reflection, analysis)
            ctx.store.derived.record_constitution(loaded.version_string, loaded.genesis_hash)
            analysis_stored = True

    notices: list[str] = []
    if len(analysis.text) < len(reflection.content):  # engine.analysis.READ_CHARS
        notices.append(f"a long reflection ({len(reflection.content):,} characters), saved whole: "
                       f"the care check read all of it, the mirrorback its first "
                       f"{len(analysis.text):,} characters")
    adapter = None if analysis.needs_care else configured_adapter(ctx, notices)
    # A private reflection never goes to a remote engine: the contract routes it to a local
    # one the person set up, if any, else to the offline engine.
    fallback = local_fallback(ctx, adapter, notices) if reflection.private else None
    progress = TokenProgress(on_progress) if on_progress is not None else None

    def meter(inner: Adapter | None) -> MeteredAdapter | None:
        inner = evolution.with_profile(inner, profile)
        return (MeteredAdapter(inner, ctx, reflection.id, loaded.version_string,
                               use_cache=use_cache, progress=progress, before_send=store_derived)
                if inner is not None else None)

    metered, metered_fallback = meter(adapter), meter(fallback)
    meters = [m for m in (metered, metered_fallback) if m is not None]
    options = None
    if metered:  # a model's options: the offline engine's reflect never loads the registry
        from mirror.adapters import registry

        options = registry.options_from_settings(ctx.settings.as_flat())
    # Context is gathered for the engine that will actually answer (the contract's own
    # route): none for the offline engine or care; private earlier reflections only for a
    # local engine.
    chosen, _ = contract.route(metered, reflection.private, analysis.needs_care, metered_fallback)
    answering = chosen if isinstance(chosen, MeteredAdapter) else None
    related = (related_context(ctx, reflection, include_private=not answering.is_remote())
               if answering is not None else [])
    # The offline engine's one sentence about earlier reflections (it answers when no model
    # does, and when a model fails); never computed for care.
    memory = None if analysis.needs_care else remember(ctx, reflection, analysis)
    outcome = contract.run(
        analysis.text, metered, analysis=analysis, private=reflection.private,
        related=related, local_fallback=metered_fallback, options=options,
        care_resources=ctx.settings.get("care.resources"), reflection_id=reflection.id,
        on_progress=progress, on_egress=answering.on_egress if answering else None,
        max_violation_retries=ctx.settings.get("checks.max_retries"),
        sleep=time.sleep if sleep is None else sleep,
        date=reflection_date(reflection.created_at, reflection.created_tz), memory=memory,
        hour=reflection_hour(reflection.created_at, reflection.created_tz),
        max_directive_ratio=profile.threshold("directive_ratio", max_directive_ratio()),
        avoid=None if analysis.needs_care else ctx.store.derived.last_mirrorback_text(reflection.id),
    )
    notices += outcome_notices(outcome, adapter)
    with transaction(ctx.store.conn):
        store_derived()
        for m in meters:
            m.finish(outcome)
        return record_outcome(ctx, reflection, outcome, notices,
                              cache_hits=sum(m.cache_hits for m in meters),
                              profile_version=profile.version)


def _reason(error: str) -> str:
    """An attempt's error ("AdapterTimeout: Ollama at ... did not answer") without the
    exception's class name, which means nothing to the person reading the notice."""
    head, sep, rest = error.partition(": ")
    return rest if sep and head.isidentifier() and head[:1].isupper() else error


def outcome_notices(outcome: EngineOutcome, adapter: Adapter | None) -> list[str]:
    notices = []
    if outcome.route_reason == contract.ROUTE_PRIVATE and adapter is not None:
        notices.append(f"private reflection kept on this machine: answered by the "
                       f"{outcome.source} engine instead of {adapter.name}")
    if outcome.fell_back:
        last = next((a for a in reversed(outcome.attempts) if a.engine != "offline"), None)
        # Only check names, never the text that failed them: unchecked text is never shown.
        why = ((_reason(last.error) if last.error else
                "its answer did not pass the checks: " + ", ".join(last.flags))
               if last else "no answer")
        # The engine that failed: the configured one, or the local one a private
        # reflection was kept on.
        name = last.engine if last else (adapter.name if adapter else "model")
        notices.append(f"the {name} engine could not answer ({why}); answered by the "
                       f"offline engine")
    return notices


def record_outcome(ctx: JournalContext, reflection: Reflection, outcome: EngineOutcome,
                   notices: list[str], cache_hits: int = 0,
                   profile_version: int | None = None) -> ReflectResult:
    verdict = "care" if outcome.is_care else ("passed" if not outcome.flags else "failed")
    derived = ctx.store.derived
    if outcome.by_sentinel:
        derived.record_model_care(reflection.id, outcome.analysis.care_language)
    # The gentle line is the constitution's text, added after the checks ran on the rest.
    content = f"{outcome.text}\n\n{outcome.care_note}" if outcome.care_note else outcome.text
    answered = sha256_text(reflection.content)
    # The offline engine is deterministic: regenerating an unchanged text gives the same
    # words, and a second copy of them is clutter, not history. Say so instead.
    mirrorback_id = derived.same_mirrorback(reflection.id, answered, content, outcome.source,
                                            outcome.model)
    if mirrorback_id is not None:
        notices.append(SAME_ANSWER)
    else:
        mirrorback_id = derived.add_mirrorback(reflection.id, MirrorbackRecord(
            content=content, engine=outcome.source, engine_version=outcome.engine_version,
            answered_text_sha256=answered, verdict=verdict,
            flags=list(outcome.flags), model=outcome.model,
            constitution_version=outcome.constitution_version, prompt_version=outcome.prompt_version))
    attempts = [asdict(a) for a in outcome.attempts]
    flags = sorted({f for a in outcome.attempts for f in a.flags})
    run = RunRecord(
        engine=(outcome.attempts[0].engine if outcome.attempts else outcome.source),
        duration_ms=outcome.duration_ms, status=outcome.status, final_source=outcome.source,
        patterns=sorted(outcome.analysis.pattern_counts), flags=flags,
        tokens_in=outcome.input_tokens, tokens_out=outcome.output_tokens,
        route_reason=outcome.route_reason + (" (cache)" if cache_hits else ""),
        attempts=attempts)
    run_id = derived.add_run(reflection.id, run)
    evolution.run_recorded(
        ctx, run_id, engine=run.engine, status=run.status, flags=flags,
        duration_ms=run.duration_ms, attempts=len(attempts),
        profile_version=(evolution.load_profile(ctx).version if profile_version is None
                         else profile_version))
    checks = list(outcome.report.results) if outcome.report else []
    return ReflectResult(
        reflection=reflection,
        mirrorback=replace(derived.mirrorback(mirrorback_id), route=outcome.route_reason,
                           cached=bool(cache_hits)),
        patterns=derived.patterns_for(reflection.id),
        tensions=derived.tensions_for(reflection.id),
        checks=checks,
        care=outcome.is_care,
        care_tier="care" if outcome.is_care else ("gentle" if outcome.care_note else None),
        notices=notices,
    )

"""The contract: routing, checks, retries with backoff, fallback, care, privacy."""

from __future__ import annotations

import pytest

from mirror.adapters.base import (
    AdapterMalformed,
    AdapterRateLimited,
    AdapterServerError,
    AdapterTimeout,
    AdapterUnavailable,
)
from mirror.adapters.scripted import ScriptedAdapter
from mirror.engine.contract import (
    ROUTE_CONFIGURED,
    ROUTE_CRISIS,
    ROUTE_DEFAULT,
    ROUTE_PRIVATE,
    EgressRecord,
    backoff_delay,
    route,
    run,
)
from mirror.engine.offline import compose
from mirror.engine.offline_adapter import OfflineAdapter
from mirror.engine.prompt import RelatedReflection

TEXT = "I have to finish the report, but part of me wants to let go. I always do this."
GOOD = "You wrote \u201cI always do this\u201d. What does that pattern feel like from inside?"
ADVICE = "You should take a break. Try to rest more."
OPTIMISING = "Reflecting like this will help you reach your goals."


class Sleeper:
    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def test_success_first_time() -> None:
    adapter = ScriptedAdapter([GOOD])
    progress: list[int] = []
    outcome = run(TEXT, adapter, on_progress=progress.append, sleep=Sleeper())
    assert outcome.text == GOOD and outcome.source == "scripted" and outcome.status == "ok"
    assert outcome.flags == [] and outcome.report is not None and outcome.report.passed
    (attempt,) = outcome.attempts
    assert attempt.outcome == "passed" and attempt.model == "scripted-model"
    assert attempt.output_tokens > 0
    assert progress == sorted(progress) and progress[-1] > 0
    assert all(isinstance(p, int) for p in progress)  # counts only, never unchecked text
    assert outcome.route_reason == ROUTE_CONFIGURED


def test_violation_then_compliant_retry_names_the_violations() -> None:
    adapter = ScriptedAdapter([ADVICE, GOOD])
    outcome = run(TEXT, adapter, sleep=Sleeper())
    assert outcome.text == GOOD and outcome.source == "scripted"
    assert [a.outcome for a in outcome.attempts] == ["violation", "passed"]
    assert "explicit_advice" in outcome.attempts[0].flags
    retry = adapter.calls[1].messages
    assert [m.role for m in retry] == ["user", "assistant", "user"]
    assert retry[1].content == ADVICE
    assert "explicit_advice" in retry[2].content and '"You should"' in retry[2].content
    assert "directive_ratio" in retry[2].content


def test_violations_every_time_fall_back_to_offline_with_all_attempts() -> None:
    adapter = ScriptedAdapter([ADVICE, OPTIMISING, ADVICE])
    outcome = run(TEXT, adapter, sleep=Sleeper())
    assert adapter.remaining == 0 and len(adapter.calls) == 3  # 1 + 2 retries
    assert outcome.source == "offline" and outcome.status == "fallback" and outcome.fell_back
    assert outcome.text == compose(TEXT)
    assert [(a.engine, a.outcome) for a in outcome.attempts] == [
        ("scripted", "violation"), ("scripted", "violation"), ("scripted", "violation"),
        ("offline", "passed")]
    assert "outcome_optimisation" in outcome.attempts[1].flags
    assert outcome.flags == []


def test_retry_bound_is_configurable() -> None:
    adapter = ScriptedAdapter([ADVICE, GOOD])
    outcome = run(TEXT, adapter, max_violation_retries=0, sleep=Sleeper())
    assert outcome.source == "offline" and adapter.remaining == 1


@pytest.mark.parametrize("error", [AdapterTimeout("slow"), AdapterServerError("502"),
                                   AdapterMalformed("cut stream")])
def test_retryable_errors_back_off_exponentially(error: Exception) -> None:
    sleeper = Sleeper()
    adapter = ScriptedAdapter([error, error, GOOD])
    outcome = run(TEXT, adapter, sleep=sleeper)
    assert outcome.text == GOOD
    assert sleeper.waits == [0.5, 1.0]
    assert [a.outcome for a in outcome.attempts] == ["error", "error", "passed"]
    assert type(error).__name__ in (outcome.attempts[0].error or "")


def test_retry_after_is_honoured() -> None:
    sleeper = Sleeper()
    adapter = ScriptedAdapter([AdapterRateLimited("429", retry_after_s=7.0), GOOD])
    outcome = run(TEXT, adapter, sleep=sleeper)
    assert sleeper.waits == [7.0] and outcome.text == GOOD


def test_retry_after_beyond_the_limit_falls_back_without_waiting() -> None:
    sleeper = Sleeper()
    adapter = ScriptedAdapter([AdapterRateLimited("429", retry_after_s=3600), GOOD])
    outcome = run(TEXT, adapter, sleep=sleeper)
    assert sleeper.waits == [] and outcome.source == "offline" and adapter.remaining == 1


def test_retryable_errors_every_time_fall_back() -> None:
    sleeper = Sleeper()
    adapter = ScriptedAdapter([AdapterTimeout("t")] * 3)
    outcome = run(TEXT, adapter, sleep=sleeper)
    assert outcome.source == "offline" and len(sleeper.waits) == 2
    assert [a.outcome for a in outcome.attempts] == ["error", "error", "error", "passed"]


def test_non_retryable_error_falls_back_at_once() -> None:
    sleeper = Sleeper()
    adapter = ScriptedAdapter([AdapterUnavailable("pip install mirror-journal[ollama]"), GOOD])
    outcome = run(TEXT, adapter, sleep=sleeper)
    assert outcome.source == "offline" and sleeper.waits == [] and adapter.remaining == 1
    assert "AdapterUnavailable" in (outcome.attempts[0].error or "")


def test_a_crashing_adapter_still_yields_a_mirrorback() -> None:
    outcome = run(TEXT, ScriptedAdapter([RuntimeError("bug")]), sleep=Sleeper())
    assert outcome.source == "offline" and "RuntimeError" in (outcome.attempts[0].error or "")


def test_backoff_is_capped() -> None:
    assert backoff_delay(0, None) == 0.5
    assert backoff_delay(10, None) == 8.0
    assert backoff_delay(0, 2.5) == 2.5
    assert backoff_delay(0, 31) is None


def test_crisis_never_calls_the_adapter() -> None:
    adapter = ScriptedAdapter([GOOD], remote=True)
    outcome = run("I don't want to live anymore.", adapter, care_resources=["My GP"])
    assert adapter.calls == []
    assert outcome.is_care and outcome.status == "care" and outcome.route_reason == ROUTE_CRISIS
    assert outcome.attempts == () and "help exists" in outcome.text
    assert outcome.text.endswith("- My GP")
    assert [s.category for s in outcome.care] == ["wish_to_be_dead"]


def test_private_reflection_never_reaches_a_remote_adapter() -> None:
    remote = ScriptedAdapter([GOOD], remote=True, name="anthropic")
    outcome = run(TEXT, remote, private=True)
    assert remote.calls == []
    assert outcome.source == "offline" and outcome.route_reason == ROUTE_PRIVATE
    local = ScriptedAdapter([GOOD], name="ollama")
    outcome = run(TEXT, remote, private=True, local_fallback=local)
    assert remote.calls == [] and outcome.source == "ollama"
    assert outcome.route_reason == ROUTE_PRIVATE


def test_route_is_a_pure_rule() -> None:
    remote, local = ScriptedAdapter([], remote=True), ScriptedAdapter([])
    assert route(remote, False, False, None) == (remote, ROUTE_CONFIGURED)
    assert route(local, True, False, None) == (local, ROUTE_CONFIGURED)
    assert route(remote, True, False, local) == (local, ROUTE_PRIVATE)
    chosen, reason = route(remote, True, False, None)
    assert isinstance(chosen, OfflineAdapter) and reason == ROUTE_PRIVATE
    assert route(remote, False, True, local) == (None, ROUTE_CRISIS)
    chosen, reason = route(None, False, False, None)
    assert isinstance(chosen, OfflineAdapter) and reason == ROUTE_DEFAULT


def test_private_context_never_goes_to_a_remote_adapter_and_egress_is_reported() -> None:
    related = [RelatedReflection("pub", "A public memory.", relevance=0.5),
               RelatedReflection("sec", "A private secret.", relevance=0.9, private=True)]
    sent: list[EgressRecord] = []
    remote = ScriptedAdapter([GOOD], remote=True)
    outcome = run(TEXT, remote, related=related, reflection_id="r1", on_egress=sent.append)
    content = remote.calls[0].messages[0].content
    assert "A public memory." in content and "A private secret." not in content
    assert outcome.context_ids == ("pub",)
    (record,) = sent
    assert record.reflection_ids == ("r1", "pub") and record.bytes > len(TEXT)
    assert len(record.sha256) == 64
    local = ScriptedAdapter([GOOD])
    run(TEXT, local, related=related, on_egress=sent.append)
    assert "A private secret." in local.calls[0].messages[0].content
    assert len(sent) == 1  # nothing left the machine for the local call


def test_default_is_the_offline_engine() -> None:
    outcome = run(TEXT)
    assert outcome.source == "offline" and outcome.status == "ok"
    assert outcome.route_reason == ROUTE_DEFAULT and outcome.text == compose(TEXT)
    assert outcome.engine_version == "offline-3"
    assert outcome.constitution_version.startswith("1.1.0+")


def test_the_guardian_never_rejects_the_fixed_care_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a guardian that would flag every text cannot hold back the care response: it
    is the constitution's own text and is never checked."""
    from mirror.engine import contract
    from mirror.engine.checks import check as real_check

    def failing(text, source):  # noqa: ANN001 - mirrors check()
        report = real_check("You should do this.", source)
        assert not report.passed
        return report

    monkeypatch.setattr(contract, "check", failing)
    outcome = run("I want to kill myself tonight.", ScriptedAdapter([GOOD], remote=True))
    assert outcome.is_care and outcome.flags == [] and "help exists" in outcome.text


def test_a_care_sentinel_leads_to_care_and_the_models_text_is_dropped() -> None:
    adapter = ScriptedAdapter(["[[MIRROR_CARE]] private model words"], remote=True)
    outcome = run("The house is very quiet now. Everything is finished.", adapter,
                  care_resources=["My GP"])
    assert len(adapter.calls) == 1
    assert outcome.is_care and outcome.by_sentinel and outcome.route_reason == "model-care-sentinel"
    assert "private model words" not in outcome.text and outcome.text.endswith("- My GP")
    assert [a.outcome for a in outcome.attempts] == ["care-sentinel"]


def test_the_system_prompt_asks_for_the_sentinel() -> None:
    adapter = ScriptedAdapter([GOOD], remote=True)
    run(TEXT, adapter)
    assert "[[MIRROR_CARE]]" in adapter.calls[0].system

"""The service layer (`mirroring.answer`) with the real adapters over HTTP: retries and
backoff with an injected `sleep`, so what the contract waits is asserted, not endured."""

from __future__ import annotations

from datetime import UTC

import pytest

from tests.fakeservers import Fail, Hang, Reply
from tests.models.conftest import GOOD, REFLECTION, model_calls


@pytest.fixture
def real_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    from mirror import constitution

    engine = constitution.invariants()["engine"]
    monkeypatch.setitem(engine, "backoff_base_s", 0.5)
    monkeypatch.setitem(engine, "backoff_max_s", 8.0)
    monkeypatch.setitem(engine, "max_retry_after_s", 30.0)


def _answer(journal, text=REFLECTION, **kwargs):
    from mirror.services.reflecting import answer

    sleeps: list[float] = []
    result = answer(journal.context, journal.write(text), sleep=sleeps.append, **kwargs)
    return result, sleeps


def test_timeouts_back_off_exponentially_then_fall_back(journal, ollama_server, use_ollama, real_backoff):
    use_ollama(ollama_server.url, **{"timeouts.read_s": 0.2})
    ollama_server.default = Hang(seconds=5)

    result, sleeps = _answer(journal)

    assert sleeps == [0.5, 1.0]
    assert result.mirrorback.engine == "offline"
    assert any("did not answer in time" in n for n in result.notices)
    runs = journal.store.derived.runs()
    assert [a["outcome"] for a in runs[0]["attempts"]] == ["error", "error", "error", "passed"]
    assert runs[0]["status"] == "fallback"


def test_anthropic_retry_after_is_honoured(journal, anthropic_server, use_anthropic, real_backoff):
    use_anthropic(anthropic_server)
    anthropic_server.script(Fail(429, headers={"retry-after": "0"}),
                            Fail(529, headers={"retry-after": "3"}), Reply(GOOD))

    result, sleeps = _answer(journal)

    assert result.mirrorback.content == GOOD
    assert sleeps == [0.5, 3.0]  # never shorter than the backoff, as long as the server asks
    assert len(model_calls(anthropic_server)) == 3


def test_a_retry_after_beyond_the_limit_falls_back_at_once(journal, anthropic_server, use_anthropic,
                                                          real_backoff):
    use_anthropic(anthropic_server)
    anthropic_server.script(Fail(429, headers={"retry-after": "600"}))

    result, sleeps = _answer(journal)

    assert sleeps == [] and result.mirrorback.engine == "offline"
    assert len(model_calls(anthropic_server)) == 1
    assert any("rate limited" in n for n in result.notices)


def test_ollama_429_with_retry_after_zero_waits_only_the_backoff(journal, ollama_server, use_ollama,
                                                                real_backoff):
    use_ollama(ollama_server.url)
    ollama_server.script(Fail(429, headers={"retry-after": "0"}), Reply(GOOD))

    result, sleeps = _answer(journal)

    assert result.mirrorback.content == GOOD and result.notices == []
    assert sleeps == [0.5]


def test_progress_callback_gets_counts_never_text(journal, ollama_server, use_ollama):
    use_ollama(ollama_server.url)
    ollama_server.script(Reply(GOOD, chunks=6))
    seen: list[object] = []

    result, _ = _answer(journal, on_progress=seen.append)

    assert result.mirrorback.content == GOOD
    assert len(seen) == 6 and all(isinstance(n, int) for n in seen)
    assert seen == sorted(seen) and seen[-1] > 0


@pytest.mark.parametrize(("spent_at_utc", "counts_today"), [
    ("2026-03-13T23:30:00", True),   # 00:30 in Berlin, on the 14th: today
    ("2026-03-13T22:30:00", False),  # 23:30 in Berlin, on the 13th: yesterday
])
def test_the_daily_budget_follows_the_journal_s_own_day(journal, spent_at_utc, counts_today):
    """`journal`'s clock reads 2026-03-14 09:30 UTC; the suite runs in Europe/Berlin."""
    from datetime import datetime

    from mirror.clock import FixedClock
    from mirror.services.engines import budget_refusal
    from mirror.storage.egress import EgressEntry, EgressStore

    journal.settings.set("timezone", ["Europe/Berlin"])
    journal.settings.set("budget.daily_tokens", ["100"])
    moment = datetime.fromisoformat(spent_at_utc).replace(tzinfo=UTC)
    ledger = EgressStore(journal.store.conn, FixedClock(moment))
    entry_id = ledger.record(EgressEntry(adapter="anthropic", endpoint_host="api.example",
                                         remote=True, reflection_ids=(), bytes_sent=10,
                                         payload_sha256="0" * 64))
    ledger.settle(entry_id, 150, 0, 0.0)

    refusal = budget_refusal(journal.context)

    assert (refusal is not None) is counts_today
    if counts_today:
        assert "150 tokens spent today" in refusal and "budget.daily_tokens" in refusal

"""Privacy routing, the response cache, the egress ledger and the budget, end to end with
the real SDK clients against the fake servers."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.fakeservers import Fail, Reply, StreamError
from tests.models.conftest import (
    GOOD,
    REFLECTION,
    ledger_payload,
    model_calls,
    runs,
    sent_text,
)

SECRET_WORD = "quokkazanzibar"
PRIVATE_TEXT = f"My sister and the garden again, and {SECRET_WORD}: nobody may ever read this part."
RELATED_TEXT = "Thinking about my sister and the garden this evening, and the long heavy week."


def test_anthropic_streams_a_checked_reply_and_ledgers_it_as_remote(cli, anthropic_server, use_anthropic,
                                                                   mirror_home: Path):
    use_anthropic(anthropic_server)
    anthropic_server.script(Reply(GOOD, chunks=5, input_tokens=400, output_tokens=20))

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["content"] == GOOD
    assert result.json["mirrorback"]["engine"] == "anthropic"
    (call,) = model_calls(anthropic_server)
    assert call.path == "/v1/messages" and call.json["stream"] is True
    (entry,) = cli("egress", "--json", "--remote-only").json["entries"]
    assert entry["remote"] is True and entry["adapter"] == "anthropic"
    assert entry["endpoint_host"] == "127.0.0.1"
    assert (entry["tokens_in"], entry["tokens_out"]) == (400, 20)
    assert entry["cost_usd"] > 0
    payload = ledger_payload(call)
    assert entry["bytes_sent"] == len(payload)
    assert entry["payload_sha256"] == hashlib.sha256(payload).hexdigest()
    assert "1 request left this machine" in cli("egress").err


def test_anthropic_rate_limit_and_overload_are_retried(cli, anthropic_server, use_anthropic,
                                                      mirror_home: Path):
    use_anthropic(anthropic_server)
    anthropic_server.script(Fail(429, headers={"retry-after": "0"}), StreamError(after_chunks=1),
                            Reply(GOOD))

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and GOOD in result.out
    assert [a["error"].split(":")[0] if a["error"] else "ok" for a in runs(mirror_home)[0]["attempts"]] \
        == ["AdapterRateLimited", "AdapterRateLimited", "ok"]
    assert len(cli("egress", "--json").json["entries"]) == 3  # every request that was sent


def test_private_reflection_never_reaches_a_remote_engine(cli, anthropic_server, use_anthropic,
                                                         mirror_home: Path):
    use_anthropic(anthropic_server)

    result = cli("reflect", "--private", "--json", PRIVATE_TEXT)

    assert result.code == 0
    assert anthropic_server.requests == []
    assert result.json["mirrorback"]["engine"] == "offline"
    assert result.json["mirrorback"]["route"] == "private-kept-local"
    assert "private reflection kept on this machine" in result.err
    (run,) = runs(mirror_home)
    assert run["route_reason"] == "private-kept-local" and run["final_source"] == "offline"
    assert all(not a["remote"] for a in run["attempts"])
    assert cli("egress", "--json").json["entries"] == []


def test_private_reflections_are_never_context_for_a_remote_call(cli, anthropic_server, use_anthropic):
    use_anthropic(anthropic_server)
    private_id = cli("reflect", "--private", "--json", PRIVATE_TEXT).json["reflection"]["id"]
    public = [cli("reflect", "--json", RELATED_TEXT + f" Day {i}.").json for i in range(3)]

    calls = model_calls(anthropic_server)
    assert len(calls) == 3
    for call in calls:
        assert SECRET_WORD not in call.body.decode("utf-8")
        assert private_id not in call.body.decode("utf-8")
    # the later calls did carry context: the earlier public reflections
    assert public[0]["reflection"]["id"] in calls[2].body.decode("utf-8")
    for entry in cli("egress", "--json").json["entries"]:
        assert private_id not in entry["reflection_ids"]


def test_a_local_engine_may_use_private_reflections_as_context(cli, ollama_server, use_ollama):
    """The control for the test above: the same journal with a loopback Ollama does send
    the private reflection as context, so its absence above is the router's doing."""
    use_ollama(ollama_server.url)
    private_id = cli("reflect", "--private", "--json", PRIVATE_TEXT).json["reflection"]["id"]
    answered = cli("reflect", "--json", RELATED_TEXT).json["reflection"]["id"]

    last = model_calls(ollama_server)[-1]
    assert SECRET_WORD in sent_text(last)
    entry = cli("egress", "--json").json["entries"][0]  # newest first
    assert entry["reflection_ids"][0] == answered and private_id in entry["reflection_ids"]
    assert entry["remote"] is False


def test_a_crisis_reflection_reaches_no_remote_server(cli, anthropic_server, use_anthropic):
    use_anthropic(anthropic_server)

    result = cli("reflect", "--json", "I keep thinking about suicide and I want to end my life.")

    assert result.code == 0 and result.json["care"] is True
    assert anthropic_server.requests == []
    assert cli("egress", "--json").json["entries"] == []
    # nor is it ever context for a later reflection
    cli("reflect", "I want to end this week well, thinking about my life and my sister.")
    (call,) = model_calls(anthropic_server)
    assert "suicide" not in call.body.decode("utf-8")


def test_non_loopback_ollama_is_remote_and_gets_no_private_text(cli, use_ollama, loopback_only,
                                                               mirror_home: Path):
    from mirror.adapters import registry

    endpoint = "http://192.0.2.10:11434"  # TEST-NET-1: documentation only, never routed
    use_ollama(endpoint)
    assert registry.create_adapter({"engine": "ollama", "ollama.endpoint": endpoint}).is_remote()

    result = cli("reflect", "--private", "--json", PRIVATE_TEXT)

    assert result.code == 0 and result.json["mirrorback"]["engine"] == "offline"
    assert result.json["mirrorback"]["route"] == "private-kept-local"
    assert loopback_only == []  # not even a connection was attempted
    assert cli("egress", "--json").json["entries"] == []


def test_non_loopback_ollama_obeys_a_zero_budget_before_connecting(cli, use_ollama, loopback_only,
                                                                  mirror_home: Path):
    use_ollama("http://192.0.2.10:11434", **{"budget.daily_usd": 0})

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0 and result.json["mirrorback"]["engine"] == "offline"
    assert "remote engine paused" in result.err and "budget.daily_usd" in result.err
    assert loopback_only == []
    assert cli("egress", "--json").json["entries"] == []


def test_a_zero_budget_stops_remote_calls(cli, anthropic_server, use_anthropic):
    use_anthropic(anthropic_server, **{"budget.daily_usd": 0})

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and "mirror · offline" in result.out
    assert "note: remote engine paused" in result.err and "daily budget" in result.err
    assert anthropic_server.requests == []


def test_a_token_budget_stops_remote_calls_once_reached(cli, anthropic_server, use_anthropic):
    use_anthropic(anthropic_server, **{"budget.daily_tokens": 50})
    anthropic_server.default = Reply(GOOD, input_tokens=300, output_tokens=20)

    first = cli("reflect", REFLECTION)
    second = cli("reflect", "--json", REFLECTION + " Again.")

    assert GOOD in first.out and "note:" not in first.err
    assert second.code == 0 and second.json["mirrorback"]["engine"] == "offline"
    assert "320 tokens spent today" in second.err and "budget.daily_tokens" in second.err
    assert len(model_calls(anthropic_server)) == 1


def test_the_budget_also_stops_retries_within_one_answer(cli, anthropic_server, use_anthropic,
                                                        mirror_home: Path):
    """A rewrite asked after a failed check is one more remote call: it is budgeted too."""
    from tests.models.conftest import BAD

    use_anthropic(anthropic_server, **{"budget.daily_tokens": 50})
    anthropic_server.default = Reply(BAD, input_tokens=300, output_tokens=20)

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and "mirror · offline" in result.out
    assert len(model_calls(anthropic_server)) == 1
    attempts = runs(mirror_home)[0]["attempts"]
    assert [a["outcome"] for a in attempts] == ["violation", "error", "passed"]
    assert "remote engine paused" in attempts[1]["error"]
    assert BAD not in result.out + result.err


def test_identical_request_is_answered_from_the_cache_and_regenerate_bypasses_it(
        cli, journal, ollama_server, use_ollama):
    use_ollama(ollama_server.url)
    ollama_server.default = Reply(GOOD)
    reflection = journal.write(REFLECTION)

    first = journal.answer(reflection)
    again = journal.answer(reflection)

    assert first.mirrorback.content == again.mirrorback.content == GOOD
    assert (first.mirrorback.cached, again.mirrorback.cached) == (False, True)
    assert len(model_calls(ollama_server)) == 1
    assert len(cli("egress", "--json").json["entries"]) == 1  # a cache hit sends nothing

    regenerated = cli("mirrorback", "regenerate", reflection.id[:8])

    assert regenerated.code == 0 and GOOD in regenerated.out
    assert len(model_calls(ollama_server)) == 2
    assert len(cli("egress", "--json").json["entries"]) == 2
    assert len(journal.details(reflection.id).mirrorbacks) == 1  # the same words, stored once
    assert "not stored again" in regenerated.err


def test_a_different_model_is_not_served_from_the_cache(cli, journal, ollama_server, use_ollama):
    ollama_server.models.append("mistral")
    use_ollama(ollama_server.url)
    ollama_server.default = Reply(GOOD)
    reflection = journal.write(REFLECTION)
    journal.answer(reflection)

    journal.settings.set("ollama.model", ["mistral"])
    result = journal.answer(reflection)

    assert result.mirrorback.cached is False and result.mirrorback.model == "mistral"
    assert [c.json["model"] for c in model_calls(ollama_server)] == ["llama3.2", "mistral"]


def test_a_failed_reply_is_never_cached(journal, ollama_server, use_ollama):
    from tests.models.conftest import BAD

    use_ollama(ollama_server.url)
    ollama_server.script(Reply(BAD), Reply(BAD), Reply(BAD))
    ollama_server.default = Reply(GOOD)
    reflection = journal.write(REFLECTION)

    assert journal.answer(reflection).mirrorback.engine == "offline"
    second = journal.answer(reflection)

    assert second.mirrorback.content == GOOD and second.mirrorback.cached is False
    assert len(model_calls(ollama_server)) == 4


def test_egress_ledger_has_one_entry_per_request_with_ids_bytes_and_hash(cli, ollama_server, use_ollama):
    use_ollama(ollama_server.url)
    ollama_server.default = Reply(GOOD, input_tokens=123, output_tokens=9)
    earlier = cli("reflect", "--json", RELATED_TEXT).json["reflection"]["id"]
    answered = cli("reflect", "--json", REFLECTION).json["reflection"]["id"]

    ledger = cli("egress", "--json").json
    newest, oldest = ledger["entries"]
    calls = model_calls(ollama_server)

    assert oldest["reflection_ids"] == [earlier]
    assert newest["reflection_ids"] == [answered, earlier]  # answered first, then its context
    for entry, call in ((oldest, calls[0]), (newest, calls[1])):
        assert (entry["adapter"], entry["endpoint_host"], entry["remote"]) == ("ollama", "127.0.0.1", False)
        assert entry["model"] == "llama3.2"
        assert (entry["tokens_in"], entry["tokens_out"]) == (123, 9)
        payload = ledger_payload(call)
        assert entry["bytes_sent"] == len(payload)
        assert entry["payload_sha256"] == hashlib.sha256(payload).hexdigest()
        assert REFLECTION not in str(entry) and RELATED_TEXT not in str(entry)  # never the text
    assert ledger["totals"] == {"requests": 2, "remote_requests": 0, "bytes": sum(
        e["bytes_sent"] for e in ledger["entries"]), "remote_bytes": 0}
    assert cli("egress", "--json", "--remote-only").json["entries"] == []
    text = cli("egress")
    assert text.out.count("local ") == 2 and "0 requests left this machine" in text.err
    assert "nothing has ever left this machine" in cli("egress", "--remote-only").err
    assert cli("egress", "-n", "0").code == 4

"""`mirror digest --engine`: the configured model writes the digest under the mirrorback
rules — the reflect path's engine, the egress ledger, private reflections never sent to a
remote engine, care entries never sent, the answer checked and replaced by the offline
digest when it fails. End to end with the real SDK clients against the fake servers."""

from __future__ import annotations

from tests.fakeservers import Reply
from tests.models.conftest import BAD, model_calls, sent_text

SECRET = "quokkazanzibar"
MODEL_DIGEST = ("This week you wrote about the garden and your sister, and about Maya's "
                "recital: “I felt so proud of Maya”. Obligation language came up twice.")


def _week(cli) -> dict[str, str]:
    ids = {}
    for key, text, extra in [
        ("open", "Today I felt so proud of Maya at her recital! I cried a little.", ()),
        ("duty", "I must finish the report, and I must call my sister about the garden.", ()),
        ("private", f"Only for me: {SECRET} and the letter I never sent.", ("--private",)),
        ("crisis", "I want to kill myself. I have the pills ready.", ()),
    ]:
        run = cli("reflect", "--json", "--date", "2026-03-10 20:00", *extra, input=text)
        assert run.code == 0, run.err
        ids[key] = run.json["reflection"]["id"]
    return ids


def test_a_remote_engine_writes_the_digest_without_private_or_care_text(
        cli, anthropic_server, use_anthropic):
    ids = _week(cli)  # written offline, before the model is configured
    use_anthropic(anthropic_server)
    anthropic_server.default = Reply(MODEL_DIGEST)

    run = cli("digest", "--week", "--date", "2026-03-10", "--engine", "--json")

    assert run.code == 0, run.err
    assert run.json["engine"] == "anthropic" and run.json["checks_passed"]
    assert run.json["text"].startswith(MODEL_DIGEST)
    assert "One reflection this week was answered with care, so it is left out of this summary." in run.json["text"]
    (call,) = model_calls(anthropic_server)
    sent = sent_text(call)
    assert SECRET not in sent and "pills" not in sent and "kill" not in sent
    assert "proud of Maya" in sent
    assert "private reflections left out of what the model was sent" in run.err
    (entry,) = cli("egress", "--json").json["entries"]
    assert entry["adapter"] == "anthropic" and entry["remote"] is True
    assert ids["private"] not in entry["reflection_ids"]
    assert ids["crisis"] not in entry["reflection_ids"]
    assert ids["open"] in entry["reflection_ids"]


def test_a_digest_that_fails_the_checks_is_replaced_by_the_offline_one(
        cli, ollama_server, use_ollama):
    _week(cli)
    use_ollama(ollama_server.url)
    ollama_server.default = Reply(BAD)

    run = cli("digest", "--week", "--date", "2026-03-10", "--engine", "--json")

    assert run.code == 0, run.err
    assert run.json["engine"] == "offline"
    assert "You should" not in run.json["text"]
    assert "the ollama engine's digest did not pass the checks" in run.err
    # The retries were sent (and ledgered) with the violations named.
    calls = model_calls(ollama_server)
    assert len(calls) >= 2
    assert "broke the constitution's rules" in sent_text(calls[-1])
    assert len(cli("egress", "--json").json["entries"]) == len(calls)


def test_with_the_offline_engine_configured_the_offline_digest_answers(cli):
    _week(cli)

    run = cli("digest", "--week", "--date", "2026-03-10", "--engine")

    assert run.code == 0
    assert "the configured engine is offline: the offline digest" in run.err
    assert run.out.startswith("Digest · week of 9 March 2026")


def test_a_care_signal_from_the_model_is_never_shown_as_a_digest(cli, ollama_server, use_ollama):
    from mirror.engine.contract import care_sentinel

    _week(cli)
    use_ollama(ollama_server.url)
    ollama_server.default = Reply(care_sentinel())

    run = cli("digest", "--week", "--date", "2026-03-10", "--engine", "--json")

    assert run.code == 0
    assert run.json["engine"] == "offline"
    assert care_sentinel() not in run.json["text"]
    assert "answered with its care signal; the offline digest" in run.err

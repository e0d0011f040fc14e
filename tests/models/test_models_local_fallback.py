"""Privacy routing to a local engine: with a remote engine configured (anthropic) and a
local Ollama also set up, a private reflection is answered by that Ollama, never by the
remote engine; end to end with the real SDK clients against the fake servers."""

from __future__ import annotations

from pathlib import Path

from tests.fakeservers import Reply
from tests.models.conftest import GOOD, GOOD_RETRY, REFLECTION, model_calls, runs, sent_text

SECRET_WORD = "quokkazanzibar"
PRIVATE_TEXT = f"My sister and the garden again, and {SECRET_WORD}: nobody may ever read this part."
PRIVATE_NOTICE = ("private reflection kept on this machine: answered by the ollama engine "
                  "instead of anthropic")


def set_local_ollama(cli, url: str) -> None:
    """Set up an Ollama endpoint without making it the configured engine."""
    result = cli("config", "set", "ollama.endpoint", url)
    assert result.code == 0, result.err


def test_private_reflection_goes_to_the_local_ollama_not_anthropic(
        cli, anthropic_server, ollama_server, use_anthropic, mirror_home: Path):
    use_anthropic(anthropic_server)
    set_local_ollama(cli, ollama_server.url)
    ollama_server.default = Reply(GOOD, input_tokens=111, output_tokens=9)

    result = cli("reflect", "--private", "--json", PRIVATE_TEXT)

    assert result.code == 0, result.err
    assert anthropic_server.requests == []
    (call,) = model_calls(ollama_server)
    assert call.path == "/api/chat" and SECRET_WORD in sent_text(call)
    mirrorback = result.json["mirrorback"]
    assert (mirrorback["engine"], mirrorback["model"]) == ("ollama", "llama3.2")
    assert mirrorback["content"] == GOOD and mirrorback["route"] == "private-kept-local"
    assert PRIVATE_NOTICE in result.err
    (run,) = runs(mirror_home)
    assert run["route_reason"] == "private-kept-local" and run["final_source"] == "ollama"
    assert run["status"] == "ok" and (run["tokens_in"], run["tokens_out"]) == (111, 9)
    assert [(a["engine"], a["remote"]) for a in run["attempts"]] == [("ollama", False)]
    (entry,) = cli("egress", "--json").json["entries"]
    assert (entry["adapter"], entry["remote"], entry["endpoint_host"]) == ("ollama", False, "127.0.0.1")
    assert entry["reflection_ids"] == [result.json["reflection"]["id"]]
    assert (entry["tokens_in"], entry["tokens_out"]) == (111, 9)  # settled with the mirrorback
    assert cli("egress", "--json", "--remote-only").json["entries"] == []


def test_the_local_answer_is_cached_and_shows_progress(
        cli, anthropic_server, ollama_server, use_anthropic, mirror_home: Path):
    from mirror.services.journal import Journal

    use_anthropic(anthropic_server)
    set_local_ollama(cli, ollama_server.url)
    ollama_server.default = Reply(GOOD, chunks=4)
    journal = Journal.open(mirror_home)  # opened after the configuration is written
    try:
        reflection = journal.write(PRIVATE_TEXT, private=True)
        ticks: list[int] = []

        first = journal.answer(reflection, on_progress=ticks.append)
        again = journal.answer(reflection)
    finally:
        journal.close()

    assert ticks and ticks == sorted(ticks)
    assert (first.mirrorback.engine, again.mirrorback.engine) == ("ollama", "ollama")
    assert (first.mirrorback.cached, again.mirrorback.cached) == (False, True)
    assert again.mirrorback.content == GOOD
    assert any(PRIVATE_NOTICE in n for n in again.notices)
    assert len(model_calls(ollama_server)) == 1 and anthropic_server.requests == []
    assert runs(mirror_home)[0]["route_reason"] == "private-kept-local (cache)"
    assert len(cli("egress", "--json").json["entries"]) == 1  # a cache hit sends nothing


def test_the_local_engine_may_use_private_context_and_remote_calls_still_may_not(
        cli, anthropic_server, ollama_server, use_anthropic):
    use_anthropic(anthropic_server)
    set_local_ollama(cli, ollama_server.url)
    earlier = cli("reflect", "--private", "--json", PRIVATE_TEXT).json["reflection"]["id"]
    answered = cli("reflect", "--private", "--json",
                   "Again the garden and my sister, quietly, this evening.").json["reflection"]["id"]
    public = cli("reflect", "--json", "The garden and my sister came back to me today, openly.")

    local_calls = model_calls(ollama_server)
    assert len(local_calls) == 2 and SECRET_WORD in sent_text(local_calls[1])
    local_entry = cli("egress", "--json").json["entries"][1]  # newest first
    assert local_entry["reflection_ids"][0] == answered and earlier in local_entry["reflection_ids"]
    assert public.json["mirrorback"]["engine"] == "anthropic"
    (remote_call,) = model_calls(anthropic_server)
    body = remote_call.body.decode("utf-8")
    assert SECRET_WORD not in body and earlier not in body and answered not in body


def test_local_ollama_down_answers_offline_and_still_not_anthropic(
        cli, anthropic_server, use_anthropic, dead_port: int, mirror_home: Path):
    use_anthropic(anthropic_server)
    set_local_ollama(cli, f"http://127.0.0.1:{dead_port}")

    result = cli("reflect", "--private", "--json", PRIVATE_TEXT)

    assert result.code == 0, result.err
    assert anthropic_server.requests == []
    assert result.json["mirrorback"]["engine"] == "offline"
    assert result.json["mirrorback"]["route"] == "private-kept-local"
    assert "the ollama engine could not answer" in result.err
    assert "cannot reach Ollama" in result.err and "Traceback" not in result.err
    (run,) = runs(mirror_home)
    assert run["route_reason"] == "private-kept-local" and run["final_source"] == "offline"
    assert run["status"] == "fallback"
    assert [(a["engine"], a["outcome"]) for a in run["attempts"]] == [("ollama", "error"),
                                                                     ("offline", "passed")]
    assert all(not a["remote"] for a in run["attempts"])
    entries = cli("egress", "--json").json["entries"]
    assert entries and all(e["adapter"] == "ollama" and not e["remote"] for e in entries)


def test_a_non_loopback_ollama_is_not_a_fallback(cli, anthropic_server, use_anthropic,
                                                 loopback_only, mirror_home: Path):
    use_anthropic(anthropic_server)
    set_local_ollama(cli, "http://10.255.255.1:11434")  # private range: must never be dialled

    result = cli("reflect", "--private", "--json", PRIVATE_TEXT)

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["engine"] == "offline"
    assert result.json["mirrorback"]["route"] == "private-kept-local"
    assert "answered by the offline engine instead of anthropic" in result.err
    assert "could not answer" not in result.err  # nothing was tried
    assert loopback_only == []  # not even a connection was attempted
    assert anthropic_server.requests == []
    assert [a["engine"] for a in runs(mirror_home)[0]["attempts"]] == ["offline"]
    assert cli("egress", "--json").json["entries"] == []


def test_an_ollama_left_at_its_defaults_is_not_a_fallback(cli, anthropic_server, ollama_server,
                                                         use_anthropic, monkeypatch):
    """Only an Ollama the person set up themselves is used: nothing in config.toml about
    ollama means offline, as before (even if something listens on the default endpoint)."""
    from mirror.settings import KEYS, Key

    old = KEYS["ollama.endpoint"]
    monkeypatch.setitem(KEYS, "ollama.endpoint", Key(old.name, old.kind, ollama_server.url, old.help))
    use_anthropic(anthropic_server)

    result = cli("reflect", "--private", "--json", PRIVATE_TEXT)

    assert result.json["mirrorback"]["engine"] == "offline"
    assert anthropic_server.requests == [] and ollama_server.requests == []


def test_a_model_setting_alone_sets_up_the_local_ollama(cli, anthropic_server, ollama_server,
                                                       use_anthropic, monkeypatch):
    from mirror.settings import KEYS, Key

    # the default endpoint (127.0.0.1:11434) stands in for the fake server's
    old = KEYS["ollama.endpoint"]
    monkeypatch.setitem(KEYS, "ollama.endpoint", Key(old.name, old.kind, ollama_server.url, old.help))
    ollama_server.models.append("mistral")
    use_anthropic(anthropic_server)
    assert cli("config", "set", "ollama.model", "mistral").code == 0

    result = cli("reflect", "--private", "--json", PRIVATE_TEXT)

    assert result.json["mirrorback"]["engine"] == "ollama"
    assert result.json["mirrorback"]["model"] == "mistral"
    assert [c.json["model"] for c in model_calls(ollama_server)] == ["mistral"]
    assert anthropic_server.requests == []


def test_a_non_private_reflection_still_goes_to_anthropic(cli, anthropic_server, ollama_server,
                                                         use_anthropic, mirror_home: Path):
    use_anthropic(anthropic_server)
    set_local_ollama(cli, ollama_server.url)
    anthropic_server.script(Reply(GOOD_RETRY))

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["engine"] == "anthropic"
    assert result.json["mirrorback"]["route"] == "configured"
    assert len(model_calls(anthropic_server)) == 1 and ollama_server.requests == []
    assert "private reflection" not in result.err
    (entry,) = cli("egress", "--json").json["entries"]
    assert entry["adapter"] == "anthropic" and entry["remote"] is True


def test_a_private_crisis_reflection_still_goes_to_no_model(cli, anthropic_server, ollama_server,
                                                           use_anthropic):
    use_anthropic(anthropic_server)
    set_local_ollama(cli, ollama_server.url)

    result = cli("reflect", "--private", "--json",
                 "I keep thinking about suicide and I want to end my life.")

    assert result.code == 0 and result.json["care"] is True
    assert anthropic_server.requests == [] and ollama_server.requests == []
    assert cli("egress", "--json").json["entries"] == []

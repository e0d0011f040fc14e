"""What a model server actually receives from `mirror reflect`: the real CLI, the real
`ollama` and `anthropic` clients, and the fake servers on 127.0.0.1 (tests/fakeservers).

The journal holds an earlier reflection that shares only a name with the new one ("Sam"),
and three unrelated recent ones: the prompt must carry the name-matched one and all three
recent ones (the reflection itself does not take a recency slot), every block dated; Ollama
must be told a context size that fits the prompt and the answer; the run records the
prompt template's version."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mirror.engine.prompt import PROMPT_VERSION, context_size, estimate_tokens
from tests.cli.test_json_schemas import validate
from tests.fakeservers import AnthropicServer, OllamaServer, RecordedRequest, Reply
from tests.models.conftest import GOOD, model_calls, runs, sent_text

NEW = "Then Sam rang me again."   # no word longer than six letters: only the name can match
SAM = "Walked with Sam by the canal after work."
RECENT = (("2026-03-10 20:00", "The bus was late and it rained."),
          ("2026-03-11 20:00", "Made soup, read a little, slept early."),
          ("2026-03-12 20:00", "A quiet day at the office."))


def _reflect(cli, *args: str) -> dict:
    run = cli("reflect", "--json", *args)
    assert run.code == 0, run.err
    return run.json


def _journal(cli) -> tuple[str, list[str]]:
    """Offline reflections first (no engine configured yet): Sam's, then three recent."""
    sam = _reflect(cli, "--date", "2026-03-01 18:00", SAM)["reflection"]["id"]
    recent = [_reflect(cli, "--date", when, text)["reflection"]["id"] for when, text in RECENT]
    return sam, recent


def _configure(cli, **settings: str) -> None:
    for key, value in settings.items():
        result = cli("config", "set", key, value)
        assert result.code == 0, result.err


def _assert_context(call: RecordedRequest, sam: str, recent: list[str]) -> None:
    text = sent_text(call)
    assert f'<earlier_reflection id="{sam}" date="1 March 2026">\n{SAM}' in text
    for rid, day in zip(recent, ("10", "11", "12"), strict=True):
        assert f'<earlier_reflection id="{rid}" date="{day} March 2026">' in text
    assert f'<reflection date="14 March 2026">\n{NEW}\n</reflection>' in text
    assert "You may mention one earlier reflection descriptively" in text


def _assert_recorded(cli, home: Path, reflection_id: str, engine: str) -> None:
    (run, *_) = runs(home)
    assert run["final_source"] == engine
    assert [a["prompt_version"] for a in run["attempts"]] == [PROMPT_VERSION]
    shown = cli("show", reflection_id, "--json").json["mirrorbacks"][-1]
    assert shown["prompt_version"] == PROMPT_VERSION
    earlier_run = runs(home)[-1]  # an offline answer: no prompt was sent
    assert [a["prompt_version"] for a in earlier_run["attempts"]] == [None]
    listed = cli("runs", "--json")  # where a person sees it
    assert listed.code == 0, listed.err
    validate("runs", listed.json)
    newest, *older = listed.json["runs"]
    assert (newest["reflection_id"], newest["prompt_version"]) == (reflection_id, PROMPT_VERSION)
    assert [r["prompt_version"] for r in older] == [None] * 4
    text = cli("runs", "-n", "1")
    assert text.code == 0 and f"prompt {PROMPT_VERSION}" in text.out


def test_ollama_receives_dated_name_matched_context_and_a_fitting_num_ctx(
        cli, ollama_server: OllamaServer, mirror_home: Path) -> None:
    sam, recent = _journal(cli)
    _configure(cli, engine="ollama", **{"ollama.endpoint": ollama_server.url})
    ollama_server.script(Reply(GOOD, chunks=3))

    result = _reflect(cli, "--date", "2026-03-14 10:00", NEW)

    assert result["mirrorback"]["content"] == GOOD
    (call,) = model_calls(ollama_server)
    _assert_context(call, sam, recent)
    body = call.json
    options = body["options"]
    prompt_tokens = sum(estimate_tokens(m["content"]) + 4 for m in body["messages"])
    assert options["num_ctx"] == context_size(prompt_tokens - 4, options["num_predict"])
    assert options["num_ctx"] >= prompt_tokens + options["num_predict"]
    assert options["num_ctx"] % 1024 == 0
    _assert_recorded(cli, mirror_home, result["reflection"]["id"], "ollama")


def test_a_long_prompt_gets_a_window_larger_than_ollamas_default(
        cli, ollama_server: OllamaServer) -> None:
    """Ollama's default window is 2,048 tokens; without num_ctx it would keep only the end of
    this prompt and drop the system prompt (the constitution) without a word."""
    _configure(cli, engine="ollama", **{"ollama.endpoint": ollama_server.url})
    ollama_server.script(Reply(GOOD))
    long_entry = " ".join(["The garden was quiet and the light came in slowly."] * 120)

    assert _reflect(cli, long_entry)["mirrorback"]["content"] == GOOD

    (call,) = model_calls(ollama_server)
    options = call.json["options"]
    prompt_tokens = sum(estimate_tokens(m["content"]) for m in call.json["messages"])
    assert prompt_tokens + options["num_predict"] > 2048
    assert options["num_ctx"] >= prompt_tokens + options["num_predict"]


def test_anthropic_receives_the_same_dated_context_and_the_run_records_the_prompt_version(
        cli, anthropic_server: AnthropicServer, mirror_home: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sam, recent = _journal(cli)
    monkeypatch.setenv("ANTHROPIC_API_KEY", anthropic_server.api_key)
    _configure(cli, engine="anthropic", **{"anthropic.base_url": anthropic_server.url})
    anthropic_server.script(Reply(GOOD, chunks=3))

    result = _reflect(cli, "--date", "2026-03-14 10:00", NEW)

    assert result["mirrorback"]["content"] == GOOD
    (call,) = model_calls(anthropic_server)
    _assert_context(call, sam, recent)
    assert "num_ctx" not in str(call.json)  # an Ollama option only
    _assert_recorded(cli, mirror_home, result["reflection"]["id"], "anthropic")
    assert os.environ["ANTHROPIC_API_KEY"] not in sent_text(call)

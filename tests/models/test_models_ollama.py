"""The Ollama engine end to end: the real `mirror` CLI (in-process), the real `ollama`
client over HTTP, and the fake Ollama server's scripted behaviours."""

from __future__ import annotations

from pathlib import Path

from tests.fakeservers import Drop, Fail, Hang, Malformed, Reply, StreamError, Truncate
from tests.models.conftest import BAD, GOOD, GOOD_RETRY, REFLECTION, model_calls, runs, sent_text


def test_streamed_reply_is_shown_checked_and_recorded(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Reply(GOOD, chunks=6, input_tokens=321, output_tokens=17))

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0, result.err
    mirrorback = result.json["mirrorback"]
    assert mirrorback["content"] == GOOD
    assert (mirrorback["engine"], mirrorback["model"], mirrorback["verdict"]) == ("ollama", "llama3.2", "passed")
    assert mirrorback["flags"] == [] and mirrorback["route"] == "configured"
    assert result.json["checks"] and all(c["passed"] for c in result.json["checks"])
    (call,) = model_calls(ollama_server)
    assert call.path == "/api/chat" and call.json["stream"] is True
    assert REFLECTION in sent_text(call)
    (run,) = runs(mirror_home)
    assert (run["status"], run["final_source"], run["route_reason"]) == ("ok", "ollama", "configured")
    (attempt,) = run["attempts"]
    assert attempt["engine"] == "ollama" and attempt["outcome"] == "passed"
    assert (attempt["input_tokens"], attempt["output_tokens"]) == (321, 17)
    assert (run["tokens_in"], run["tokens_out"]) == (321, 17)
    assert attempt["duration_ms"] >= 0 and run["duration_ms"] >= attempt["duration_ms"]
    assert "saved" in result.err and "note:" not in result.err


def test_a_violation_is_retried_with_the_violations_named(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Reply(BAD, chunks=3), Reply(GOOD_RETRY, chunks=3))

    result = cli("reflect", REFLECTION)

    assert result.code == 0, result.err
    assert GOOD_RETRY in result.out
    assert BAD not in result.out + result.err and "You should" not in result.out + result.err
    first, retry = model_calls(ollama_server)
    retry_messages = retry.json["messages"]
    assert [m["role"] for m in retry_messages][-2:] == ["assistant", "user"]
    assert retry_messages[-2]["content"] == BAD  # the model sees its own reply...
    assert "explicit_advice" in retry_messages[-1]["content"]  # ...and what it broke
    assert "outcome_optimisation" in retry_messages[-1]["content"]
    (run,) = runs(mirror_home)
    assert [a["outcome"] for a in run["attempts"]] == ["violation", "passed"]
    assert run["attempts"][0]["flags"] == ["explicit_advice", "outcome_optimisation"]
    assert run["status"] == "ok" and run["final_source"] == "ollama"


def test_violations_every_time_fall_back_to_offline(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.default = Reply(BAD, chunks=4)

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0
    assert result.json["mirrorback"]["engine"] == "offline"
    assert result.json["mirrorback"]["verdict"] == "passed"
    notes = [line for line in result.err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "did not pass the checks" in notes[0] and "offline engine" in notes[0]
    for fragment in (BAD, "You should call", "I recommend", "will help you"):
        assert fragment not in result.out + result.err
    assert len(model_calls(ollama_server)) == 3  # the first answer and two rewrites (default)
    (run,) = runs(mirror_home)
    assert [(a["engine"], a["outcome"]) for a in run["attempts"]] == [
        ("ollama", "violation"), ("ollama", "violation"), ("ollama", "violation"),
        ("offline", "passed")]
    assert (run["status"], run["final_source"]) == ("fallback", "offline")


def test_a_read_timeout_is_retried_then_answered(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url, **{"timeouts.read_s": 0.3})
    ollama_server.script(Hang(seconds=5), Reply(GOOD))

    result = cli("reflect", REFLECTION)

    assert result.code == 0, result.err
    assert GOOD in result.out
    (run,) = runs(mirror_home)
    first, second = run["attempts"]
    assert first["outcome"] == "error" and first["error"].startswith("AdapterTimeout")
    assert second["outcome"] == "passed"


def test_timeouts_every_time_fall_back_with_a_notice(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url, **{"timeouts.read_s": 0.2})
    ollama_server.default = Hang(seconds=5, after_chunks=1)  # stalls mid-answer

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and "mirror · offline" in result.out
    assert "did not answer in time" in result.err
    (run,) = runs(mirror_home)
    assert [a["outcome"] for a in run["attempts"]] == ["error"] * 3 + ["passed"]
    assert len(model_calls(ollama_server)) == 3


def test_429_with_retry_after_zero_is_retried(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Fail(429, headers={"retry-after": "0"}), Reply(GOOD))

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and GOOD in result.out and "note:" not in result.err
    (run,) = runs(mirror_home)
    assert [a["error"].split(":")[0] if a["error"] else a["outcome"] for a in run["attempts"]] == [
        "AdapterRateLimited", "passed"]


def test_server_errors_then_success_and_persistent_500_falls_back(cli, ollama_server, use_ollama):
    use_ollama(ollama_server.url)
    ollama_server.script(Fail(500), Reply(GOOD))
    assert GOOD in cli("reflect", REFLECTION).out

    ollama_server.default = Fail(500, message="llama runner process has terminated")
    result = cli("reflect", REFLECTION)
    assert result.code == 0 and "mirror · offline" in result.out
    assert "failed (500)" in result.err and "llama runner process has terminated" in result.err
    assert len(model_calls(ollama_server)) == 2 + 3


def test_malformed_json_is_retried_and_never_shown(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Malformed(after_chunks=2), Reply(GOOD))

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and GOOD in result.out
    assert '"cont' not in result.out + result.err
    (run,) = runs(mirror_home)
    assert run["attempts"][0]["error"].startswith("AdapterMalformed")


def test_a_connection_dropped_mid_stream_never_shows_the_partial_text(cli, ollama_server, use_ollama,
                                                                     mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Drop(after_chunks=2), Reply(GOOD))
    assert GOOD in cli("reflect", REFLECTION).out  # one cut answer, then a whole one

    ollama_server.default = Drop(after_chunks=2)  # now every answer is cut
    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0 and result.json["mirrorback"]["engine"] == "offline"
    assert "cut mid-answer" in result.err
    cut = "You wrote about a long"  # the first chunks of the fake's default text
    assert cut not in result.out + result.err
    assert [a["outcome"] for a in runs(mirror_home)[0]["attempts"]] == ["error"] * 3 + ["passed"]
    assert [a["outcome"] for a in runs(mirror_home)[1]["attempts"]] == ["error", "passed"]


def test_a_stream_that_ends_early_or_reports_an_error_is_not_an_answer(cli, ollama_server, use_ollama,
                                                                       mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Truncate(after_chunks=2), StreamError(after_chunks=1), Reply(GOOD))

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and GOOD in result.out
    errors = [a["error"].split(":")[0] for a in runs(mirror_home)[0]["attempts"][:2]]
    assert errors == ["AdapterMalformed", "AdapterServerError"]


def test_dead_port_answers_offline_with_one_line_and_doctor_fails(cli, use_ollama, dead_port: int,
                                                                  mirror_home: Path):
    use_ollama(f"http://127.0.0.1:{dead_port}")

    result = cli("reflect", REFLECTION)

    assert result.code == 0
    assert "mirror · offline" in result.out
    notes = [line for line in result.err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1
    assert "cannot reach Ollama" in notes[0] and "ollama serve" in notes[0]
    assert "Traceback" not in result.err and "AdapterUnavailable" not in result.err
    (run,) = runs(mirror_home)
    assert [a["outcome"] for a in run["attempts"]] == ["error", "passed"]  # not retried

    doctor = cli("doctor")
    assert doctor.code == 5
    assert "[FAIL] engine" in doctor.out and "ollama serve" in doctor.out
    doctor_json = cli("doctor", "--json")
    assert doctor_json.code == 5
    engine = next(c for c in doctor_json.json["checks"] if c["name"] == "engine")
    assert engine["ok"] is False and "cannot reach Ollama" in engine["fix"]


def test_doctor_names_a_missing_model(cli, ollama_server, use_ollama):
    use_ollama(ollama_server.url, **{"ollama.model": "mistral"})

    doctor = cli("doctor")

    assert doctor.code == 5
    assert "ollama pull mistral" in doctor.out
    assert model_calls(ollama_server) == []  # a probe, never a generation


def test_doctor_passes_against_a_healthy_server(cli, ollama_server, use_ollama):
    use_ollama(ollama_server.url)

    doctor = cli("doctor")

    assert doctor.code == 0, doctor.out
    assert "ollama at" in doctor.out and "(local)" in doctor.out
    assert model_calls(ollama_server) == []


def test_a_crisis_reflection_reaches_no_server(cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url)

    result = cli("reflect", "--json", "I want to kill myself, I cannot go on like this.")

    assert result.code == 0
    assert result.json["care"] is True and result.json["mirrorback"]["engine"] == "care"
    assert ollama_server.requests == []
    (run,) = runs(mirror_home)
    assert (run["status"], run["route_reason"], run["attempts"]) == ("care", "crisis-care", [])
    assert cli("egress", "--json").json["entries"] == []

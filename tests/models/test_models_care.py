"""Care and models, end to end with the real SDK clients against the fake servers: a
detected crisis sends nothing anywhere; a model's care sentinel leads to care, and its
text is never shown; a gentle signal still gets the model's mirrorback, plus the line."""

from __future__ import annotations

from pathlib import Path

from tests.fakeservers import Reply
from tests.models.conftest import GOOD, model_calls, runs, sent_text

SENTINEL = "[[MIRROR_CARE]]"
# Nothing here that the detector reads as a sign: only a model could see it.
UNSEEN = "The house is very quiet now. I've finished everything I needed to finish."


def test_clear_crisis_in_many_languages_sends_zero_requests(cli, ollama_server, use_ollama,
                                                           anthropic_server, use_anthropic):
    use_ollama(ollama_server.url)
    for text in ("Lately I keep thinking about ending things for good.",
                 "Non voglio più vivere.", "Quiero acabar con todo.", "もう死にたい"):
        result = cli("reflect", "--json", text)
        assert result.code == 0, result.err
        assert result.json["care"] is True and result.json["care_tier"] == "care"
    use_anthropic(anthropic_server)
    result = cli("reflect", "--json", "I wrote goodbye notes to my sisters tonight and put them in the drawer.")
    assert result.json["care"] is True
    assert ollama_server.requests == [] and anthropic_server.requests == []
    assert cli("egress", "--json").json["entries"] == []


def test_a_sentinel_from_ollama_leads_to_care_and_its_text_is_never_shown(
        cli, ollama_server, use_ollama, mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Reply(f"{SENTINEL} secret model words"))

    result = cli("reflect", "--json", UNSEEN)

    assert result.code == 0, result.err
    assert result.json["care"] is True and result.json["mirrorback"]["engine"] == "care"
    assert "secret model words" not in result.out and "help exists" in result.json["mirrorback"]["content"]
    (call,) = model_calls(ollama_server)
    assert SENTINEL in sent_text(call)  # the system prompt asked for it
    (run,) = runs(mirror_home)
    assert (run["status"], run["route_reason"]) == ("care", "model-care-sentinel")
    assert [a["outcome"] for a in run["attempts"]] == ["care-sentinel"]
    listed = cli("list", "--care", "--json").json["reflections"]
    assert [r["care"] for r in listed] == ["care"]
    shown = cli("show", listed[0]["id"], "--json").json
    assert shown["care"]["source"] == "model" and shown["care"]["tier"] == "care"


def test_a_sentinel_from_anthropic_leads_to_care_in_the_writers_language(
        cli, anthropic_server, use_anthropic, mirror_home: Path):
    use_anthropic(anthropic_server)
    anthropic_server.script(Reply(SENTINEL))

    result = cli("reflect", "--json", "La casa è molto silenziosa adesso. Ho sistemato tutto.")

    assert result.json["care"] is True
    assert "Grazie" in result.json["mirrorback"]["content"]  # the Italian care text
    assert runs(mirror_home)[0]["route_reason"] == "model-care-sentinel"


def test_a_gentle_signal_gets_the_models_mirrorback_and_the_line(cli, ollama_server, use_ollama):
    use_ollama(ollama_server.url)
    ollama_server.script(Reply(GOOD))

    result = cli("reflect", "--json", "honestly im so done with everything this week")

    assert result.json["care"] is False and result.json["care_tier"] == "gentle"
    content = result.json["mirrorback"]["content"]
    assert content.startswith(GOOD) and content.endswith("people whose work is to listen.")
    assert len(model_calls(ollama_server)) == 1

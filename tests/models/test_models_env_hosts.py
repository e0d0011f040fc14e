"""`OLLAMA_HOST` and `ANTHROPIC_BASE_URL`, the variables every Ollama and Anthropic tool
honours, fill in the endpoint when config.toml sets none (config.toml wins), go through the
same URL checks and the same privacy routing as a configured endpoint, and `mirror config
list` says where each value came from. End to end: the real CLI, the real SDK clients, the
fake servers on 127.0.0.1 (a non-loopback address is never contacted: `loopback_only`)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.cli.test_json_schemas import validate
from tests.fakeservers import Reply
from tests.models.conftest import GOOD, REFLECTION, model_calls

SECRET_WORD = "wombatquasar"


def _hostport(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}"


def _row(cli, key: str) -> dict:
    run = cli("config", "list", "--json")
    assert run.code == 0, run.err
    validate("config list", run.json)
    (row,) = [r for r in run.json["settings"] if r["key"] == key]
    return row


@pytest.mark.parametrize("form", ["host:port", "http://host:port", "0.0.0.0:port"])
def test_ollama_host_reaches_the_server_in_each_form_ollama_accepts(
        cli, ollama_server, monkeypatch, form, loopback_only):
    port = urlsplit(ollama_server.url).port
    value = {"host:port": f"127.0.0.1:{port}", "http://host:port": f"http://127.0.0.1:{port}",
             "0.0.0.0:port": f"0.0.0.0:{port}"}[form]
    monkeypatch.setenv("OLLAMA_HOST", value)
    assert cli("config", "set", "engine", "ollama").code == 0
    ollama_server.default = Reply(GOOD)

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["engine"] == "ollama"
    assert result.json["mirrorback"]["content"] == GOOD
    assert len(model_calls(ollama_server)) == 1 and loopback_only == []
    (entry,) = cli("egress", "--json").json["entries"]
    assert (entry["endpoint_host"], entry["remote"]) == ("127.0.0.1", False)  # 0.0.0.0 is this machine
    row = _row(cli, "ollama.endpoint")
    assert (row["value"], row["source"], row["env"], row["set"]) == (
        f"http://127.0.0.1:{port}", "environment", "OLLAMA_HOST", False)


def test_config_toml_wins_over_ollama_host(cli, ollama_server, monkeypatch, dead_port):
    monkeypatch.setenv("OLLAMA_HOST", f"127.0.0.1:{dead_port}")
    for key, value in {"engine": "ollama", "ollama.endpoint": ollama_server.url}.items():
        assert cli("config", "set", key, value).code == 0
    ollama_server.default = Reply(GOOD)

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["content"] == GOOD
    row = _row(cli, "ollama.endpoint")
    assert (row["value"], row["source"], row["set"]) == (ollama_server.url, "config", True)
    text = cli("config", "list").out
    assert f"'{ollama_server.url}'  (config.toml)" in text

    assert cli("config", "unset", "ollama.endpoint").code == 0
    assert f"'http://127.0.0.1:{dead_port}'  (environment: OLLAMA_HOST)" in cli("config", "list").out


def test_a_remote_ollama_host_never_gets_a_private_reflection(cli, monkeypatch, loopback_only):
    """OLLAMA_HOST on another machine makes Ollama a remote engine, exactly as the same URL
    in config.toml would: a private reflection stays here (offline engine), nothing is sent."""
    monkeypatch.setenv("OLLAMA_HOST", "10.255.255.1")  # TEST-NET style, never reachable
    assert cli("config", "set", "engine", "ollama").code == 0

    result = cli("reflect", "--private", "--json", f"Only for me: {SECRET_WORD}.")

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["engine"] == "offline"
    assert "private reflection kept on this machine" in result.err
    assert loopback_only == []
    assert cli("egress", "--json").json["entries"] == []
    row = _row(cli, "ollama.endpoint")
    assert (row["value"], row["source"]) == ("http://10.255.255.1:11434", "environment")


def test_anthropic_base_url_reaches_the_server_when_config_sets_none(
        cli, anthropic_server, monkeypatch, loopback_only):
    monkeypatch.setenv("ANTHROPIC_API_KEY", anthropic_server.api_key)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", anthropic_server.url + "/")
    assert cli("config", "set", "engine", "anthropic").code == 0
    anthropic_server.default = Reply(GOOD)

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["engine"] == "anthropic"
    assert len(model_calls(anthropic_server)) == 1 and loopback_only == []
    (entry,) = cli("egress", "--json").json["entries"]
    assert (entry["endpoint_host"], entry["remote"]) == ("127.0.0.1", True)  # Anthropic: always remote
    row = _row(cli, "anthropic.base_url")
    assert (row["source"], row["env"]) == ("environment", "ANTHROPIC_BASE_URL")


def test_a_malformed_ollama_host_is_one_clear_line_naming_the_variable(cli, monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", "127.0.0.1:99999")
    run = cli("config", "get", "ollama.endpoint")
    assert run.code == 4
    assert run.err.strip() == "mirror: OLLAMA_HOST has an invalid port: '127.0.0.1:99999'"


# ollama's own examples (`ollama._client._parse_host` doctests), answered the same way.
OLLAMA_FORMS = [
    "1.2.3.4", ":56789", "1.2.3.4:56789", "http://1.2.3.4", "https://1.2.3.4",
    "https://1.2.3.4:56789", "example.com", "example.com:56789", "http://example.com",
    "https://example.com:56789", "example.com/", "example.com/path", "example.com:56789/path/",
    "[0001:002:003:0004::1]", "[0001:002:003:0004::1]:56789", "https://[0001:002:003:0004::1]",
    "[0001:002:003:0004::1]:56789/path/", "localhost", "127.0.0.1:11434",
]


@pytest.mark.parametrize("raw", OLLAMA_FORMS)
def test_ollama_host_is_read_by_the_ollama_clients_rules(raw):
    from ollama._client import _parse_host

    from mirror.settings import ollama_host_url

    assert ollama_host_url(raw) == _parse_host(raw)


def test_an_unspecified_ollama_host_means_this_machine():
    from mirror.settings import ollama_host_url

    assert ollama_host_url("0.0.0.0") == "http://127.0.0.1:11434"
    assert ollama_host_url("http://0.0.0.0:8080") == "http://127.0.0.1:8080"
    assert ollama_host_url("[::]:1234") == "http://[::1]:1234"


def test_a_bundle_carries_config_toml_not_this_machines_environment(tmp_path, monkeypatch):
    from mirror.settings import Settings

    settings = Settings(tmp_path / "config.toml", environ={"OLLAMA_HOST": "10.0.0.7"})
    assert settings.get("ollama.endpoint") == "http://10.0.0.7:11434"
    assert settings.as_flat(environment=False)["ollama.endpoint"] == "http://127.0.0.1:11434"


def test_a_local_ollama_host_answers_private_reflections_instead_of_anthropic(
        cli, anthropic_server, ollama_server, use_anthropic, monkeypatch, loopback_only):
    """OLLAMA_HOST sets up Ollama as surely as `ollama.endpoint` does: with Anthropic
    configured, a private reflection goes to that local Ollama, never to Anthropic."""
    use_anthropic(anthropic_server)
    monkeypatch.setenv("OLLAMA_HOST", _hostport(ollama_server.url))
    ollama_server.default = Reply(GOOD)

    result = cli("reflect", "--private", "--json", f"Only for me: {SECRET_WORD}.")

    assert result.code == 0, result.err
    assert anthropic_server.requests == []
    assert result.json["mirrorback"]["engine"] == "ollama"
    assert len(model_calls(ollama_server)) == 1 and loopback_only == []


def test_a_remote_ollama_host_is_no_local_fallback(cli, anthropic_server, use_anthropic, monkeypatch,
                                                   loopback_only):
    use_anthropic(anthropic_server)
    monkeypatch.setenv("OLLAMA_HOST", "http://10.255.255.1:11434")

    result = cli("reflect", "--private", "--json", f"Only for me: {SECRET_WORD}.")

    assert result.code == 0, result.err
    assert result.json["mirrorback"]["engine"] == "offline"
    assert anthropic_server.requests == [] and loopback_only == []

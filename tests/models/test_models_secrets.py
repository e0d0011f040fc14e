"""The API key: where it may be (secrets.toml, 0600, or the environment) and everywhere it
must never be — the database and its WAL, config.toml, logs, the ledger, any output."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.fakeservers import AnthropicServer, Fail, Reply
from tests.models.conftest import GOOD, PLANTED_KEY, REFLECTION, model_calls

ENV_KEY = "sk-ant-api03-ENVPLANT-Qm3Zr8Wx1Lk5Nv7Bt2Hj9Pd4-leakcheck"


@pytest.fixture
def keyed_server():
    with AnthropicServer(api_key=PLANTED_KEY) as server:
        yield server


def _leaks(home: Path, outputs: list[str], secrets: list[str]) -> list[str]:
    """Every place, other than secrets.toml, where one of `secrets` (or a long piece of
    one) appears: files under MIRROR_HOME of any kind, and captured output."""
    needles = [n for s in secrets for n in (s, s[8:40], s[-24:])]
    found = []
    for path in sorted(home.rglob("*")):
        if not path.is_file() or path.name == "secrets.toml":
            continue
        data = path.read_bytes()
        found += [f"{path.name}: {n[:12]}…" for n in needles if n.encode() in data]
    for i, text in enumerate(outputs):
        found += [f"output {i}: {n[:12]}…" for n in needles if n in text]
    return found


@pytest.mark.slow  # a whole `mirror` process importing the Anthropic SDK (~2 s)
def test_a_planted_key_never_leaves_secrets_toml(cli, mirror_proc, keyed_server, mirror_home: Path,
                                                 monkeypatch: pytest.MonkeyPatch):
    for key, value in {"engine": "anthropic", "anthropic.base_url": keyed_server.url}.items():
        assert cli("config", "set", key, value).code == 0
    stored = cli("set-key", "anthropic", input=PLANTED_KEY + "\n")
    assert stored.code == 0 and "secrets.toml" in stored.err
    secrets = mirror_home / "secrets.toml"
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    assert PLANTED_KEY in secrets.read_text()

    keyed_server.script(Reply(GOOD), Fail(500), Fail(500), Fail(500))
    runs = [
        cli("reflect", REFLECTION),                            # key from secrets.toml
        cli("reflect", "--json", REFLECTION + " Second."),     # 500s, then offline
        cli("doctor"), cli("doctor", "--json"),
        cli("egress"), cli("egress", "--json"),
        cli("config", "list"), cli("config", "list", "--json"),
        cli("stats", "--json"), cli("list", "--json"),
    ]
    first_id = runs[1].json["reflection"]["id"]
    runs += [cli("show", first_id[:8], "--json"), cli("mirrorback", "regenerate", first_id[:8])]
    # a key in the environment wins; this one is wrong, so the server refuses it (401)
    monkeypatch.setenv("ANTHROPIC_API_KEY", ENV_KEY)
    runs += [cli("reflect", REFLECTION + " Third."), cli("doctor", "--json")]
    # and a whole process (its own start-up, logging and exit paths)
    runs.append(mirror_proc("reflect", REFLECTION + " Fourth.", env={"ANTHROPIC_API_KEY": ENV_KEY}))

    assert runs[0].code == 0 and GOOD in runs[0].out
    assert runs[-3].code == 0 and "key was rejected" in runs[-3].err
    assert runs[-2].code == 5 and runs[-2].json["ok"] is False
    assert runs[-1].code == 0 and "key was rejected" in runs[-1].err
    outputs = [text for r in runs for text in (r.out, r.err)]
    assert _leaks(mirror_home, outputs, [PLANTED_KEY, ENV_KEY]) == []
    # it went to the server only as a credential header, never in a body
    for request in model_calls(keyed_server):
        assert PLANTED_KEY.encode() not in request.body and ENV_KEY.encode() not in request.body


def test_a_group_readable_secrets_file_is_refused_with_a_clear_message(cli, keyed_server,
                                                                      mirror_home: Path):
    for key, value in {"engine": "anthropic", "anthropic.base_url": keyed_server.url}.items():
        assert cli("config", "set", key, value).code == 0
    secrets = mirror_home / "secrets.toml"
    secrets.write_text(f'anthropic_api_key = "{PLANTED_KEY}"\n')
    os.chmod(secrets, 0o640)

    result = cli("reflect", "--json", REFLECTION)

    assert result.code == 0  # the reflection is saved and answered, offline
    assert result.json["mirrorback"]["engine"] == "offline"
    note = next(line for line in result.err.splitlines() if line.startswith("note:"))
    assert "refusing to read" in note and "0640" in note and "chmod 600" in note
    assert keyed_server.requests == []
    doctor = cli("doctor")
    assert doctor.code == 5 and "chmod 600" in doctor.out
    assert PLANTED_KEY not in result.out + result.err + doctor.out + doctor.err

    os.chmod(secrets, 0o600)
    fixed = cli("reflect", REFLECTION)
    assert fixed.code == 0 and "mirror · anthropic" in fixed.out


def test_no_key_means_offline_and_doctor_says_how_to_set_one(cli, keyed_server, mirror_home: Path):
    for key, value in {"engine": "anthropic", "anthropic.base_url": keyed_server.url}.items():
        assert cli("config", "set", key, value).code == 0

    result = cli("reflect", REFLECTION)
    doctor = cli("doctor")

    assert result.code == 0 and "mirror · offline" in result.out
    assert "mirror set-key anthropic" in result.err
    assert doctor.code == 5 and "mirror set-key anthropic" in doctor.out
    assert keyed_server.requests == []


def test_set_key_from_stdin_notes_an_overriding_environment_key(cli, mirror_home: Path,
                                                                monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ANTHROPIC_API_KEY", ENV_KEY)

    result = cli("set-key", "anthropic", input=PLANTED_KEY)

    assert result.code == 0 and "ANTHROPIC_API_KEY is set" in result.err
    assert PLANTED_KEY not in result.out + result.err and ENV_KEY not in result.out + result.err
    assert cli("set-key", "anthropic", input="  \n").code == 4

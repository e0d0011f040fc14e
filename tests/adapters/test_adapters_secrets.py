"""Where the key comes from, how secrets.toml is guarded, and redaction."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mirror.adapters.secrets import (
    REDACTED,
    Secret,
    SecretsError,
    load_anthropic_key,
    redact,
    save_anthropic_key,
    secrets_path,
)
from mirror.errors import InvalidInput

KEY = "sk-ant-api03-PLANTED-secret-0000"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_environment_wins_over_the_file(tmp_path: Path) -> None:
    save_anthropic_key(tmp_path, "from-file")
    key = load_anthropic_key(tmp_path, environ={"ANTHROPIC_API_KEY": KEY})
    assert key is not None and key.reveal() == KEY


def test_blank_environment_falls_back_to_the_file(tmp_path: Path) -> None:
    save_anthropic_key(tmp_path, KEY)
    key = load_anthropic_key(tmp_path, environ={"ANTHROPIC_API_KEY": "  "})
    assert key is not None and key.reveal() == KEY


def test_no_key_anywhere(tmp_path: Path) -> None:
    assert load_anthropic_key(tmp_path, environ={}) is None


def test_save_writes_0600_even_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = save_anthropic_key(tmp_path, KEY)
    finally:
        os.umask(old)
    assert path == secrets_path(tmp_path)
    assert mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["secrets.toml"]  # no temp file left
    assert load_anthropic_key(tmp_path, environ={}) == Secret(KEY)


def test_save_keeps_other_entries_and_replaces_the_key(tmp_path: Path) -> None:
    path = secrets_path(tmp_path)
    path.write_text('other_token = "x"\nanthropic_api_key = "old"\n')
    path.chmod(0o600)
    save_anthropic_key(tmp_path, KEY)
    text = path.read_text()
    assert 'other_token = "x"' in text and KEY in text and "old" not in text


@pytest.mark.parametrize("loose", [0o644, 0o640, 0o604, 0o660])
def test_refuses_a_file_others_can_read(tmp_path: Path, loose: int) -> None:
    path = secrets_path(tmp_path)
    path.write_text(f'anthropic_api_key = "{KEY}"\n')
    path.chmod(loose)
    with pytest.raises(SecretsError) as caught:
        load_anthropic_key(tmp_path, environ={})
    message = str(caught.value)
    assert f"chmod 600 {path}" in message and KEY not in message
    assert isinstance(caught.value, InvalidInput)


def test_refuses_broken_toml_without_quoting_it(tmp_path: Path) -> None:
    path = secrets_path(tmp_path)
    path.write_text(f'anthropic_api_key = "{KEY}\n')
    path.chmod(0o600)
    with pytest.raises(SecretsError) as caught:
        load_anthropic_key(tmp_path, environ={})
    assert KEY not in str(caught.value)


def test_refuses_an_empty_key(tmp_path: Path) -> None:
    with pytest.raises(SecretsError):
        save_anthropic_key(tmp_path, "  ")


def test_secret_hides_itself() -> None:
    secret = Secret(KEY)
    for shown in (repr(secret), str(secret), f"{secret}", repr([secret])):
        assert KEY not in shown
    assert secret.reveal() == KEY


def test_redact() -> None:
    assert redact(f"key {KEY} and {KEY}", KEY) == f"key {REDACTED} and {REDACTED}"
    assert redact(f"key {KEY}", Secret(KEY)) == f"key {REDACTED}"
    assert redact("nothing here", None) == "nothing here"
    assert redact("nothing here", "") == "nothing here"

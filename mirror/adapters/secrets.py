"""Where the Anthropic key comes from, and how it is kept on disk.

The key lives in the environment (`ANTHROPIC_API_KEY`) or in `<home>/secrets.toml`, never in
config.toml, the database, a bundle, a log or the egress ledger. Like ssh with a private key,
Mirror refuses a secrets file that other users could read: silently using it would hide the
leak. Writes are atomic and the file is never, even briefly, more readable than 0600.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from mirror.errors import InvalidInput
from mirror.fileio import write_private

ENV_VAR = "ANTHROPIC_API_KEY"
SECRETS_FILE = "secrets.toml"
KEY_NAME = "anthropic_api_key"
REDACTED = "[REDACTED]"


class SecretsError(InvalidInput):
    """secrets.toml cannot be used as it is (too open, not TOML, wrong type).

    InvalidInput (exit 4): it is a file Mirror cannot accept, and the message says how to fix it.
    """


class Secret:
    """A string that does not show itself in reprs, f-strings or logs.

    Adapters keep the key in one of these so that `repr(adapter)`, `vars(adapter)` or a
    debugger print cannot leak it; only `reveal()` — called where the SDK needs it — does.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __bool__(self) -> bool:
        return bool(self._value)


def redact(text: str, secret: str | Secret | None) -> str:
    """`text` with every occurrence of `secret` replaced: for any message that might echo it."""
    value = secret.reveal() if isinstance(secret, Secret) else secret
    if not value:
        return text
    return text.replace(value, REDACTED)


def secrets_path(home: Path) -> Path:
    return Path(home) / SECRETS_FILE


def _check_mode(path: Path) -> None:
    """Refuse a secrets file readable or writable by group/others (POSIX only)."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise SecretsError(
            f"refusing to read {path}: its mode is {mode:04o}, so other users may read it; "
            f"run `chmod 600 {path}`"
        )


def read_secrets(home: Path) -> dict[str, object]:
    """The parsed secrets.toml, or {} when there is none. Refuses a too-open or broken file."""
    path = secrets_path(home)
    try:
        _check_mode(path)
        fh = path.open("rb")
    except FileNotFoundError:
        return {}
    import tomllib  # only when there is a secrets file: `reflect` without one skips it

    try:
        with fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        # The decoder's message quotes a position, not the file's content.
        raise SecretsError(f"{path} is not valid TOML ({exc})") from None


def load_anthropic_key(home: Path, environ: Mapping[str, str] | None = None) -> Secret | None:
    """The key from the environment first (it wins, as users expect), else from secrets.toml."""
    env = os.environ if environ is None else environ
    from_env = env.get(ENV_VAR, "").strip()
    if from_env:
        return Secret(from_env)
    value = read_secrets(home).get(KEY_NAME)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SecretsError(f"{secrets_path(home)}: {KEY_NAME} must be a string")
    value = value.strip()
    return Secret(value) if value else None


def save_anthropic_key(home: Path, key: str | Secret) -> Path:
    """Store the key in secrets.toml (mode 0600), keeping any other entries. Returns the path."""
    value = key.reveal() if isinstance(key, Secret) else key
    value = value.strip()
    if not value:
        raise SecretsError("the API key is empty")
    data = read_secrets(home) if secrets_path(home).exists() else {}
    data[KEY_NAME] = value
    return write_secrets(home, data)


def write_secrets(home: Path, data: Mapping[str, object]) -> Path:
    """Write secrets.toml atomically: a 0600 temp file beside it, fsync, rename, fsync dir.

    The temp file is created with mode 0600, so there is no window in which the key sits
    in a file with the umask's looser mode (`mirror.fileio.write_private`).
    """
    import tomli_w  # only `mirror set-key` pays for it

    path = secrets_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = tomli_w.dumps(dict(data)).encode("utf-8")
    write_private(path, payload, sync_dir=True)
    return path

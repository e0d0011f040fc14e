"""`config.toml`: a person's settings for one journal (never secrets).

Every key is declared here with its type, default and meaning, so `mirror config set`
validates before writing, `mirror config list` can show defaults, and a typo is an error
instead of a silently ignored setting. Secrets (API keys) live in `secrets.toml` (0600) or
the environment, and this module refuses to store anything that looks like one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mirror.errors import InvalidInput, NotFound, StorageError
from mirror.fileio import read_limited, write_private

#: config.toml holds a few dozen settings; nothing larger is read as one.
MAX_CONFIG_BYTES = 1024 * 1024

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any


class Key:
    """One setting: its name, kind, default, help and allowed values (a plain class: every
    command that opens a journal defines it, and a named tuple or a dataclass costs that
    start-up time, and `typing` with it)."""

    __slots__ = ("name", "kind", "default", "help", "choices", "env")

    def __init__(self, name: str, kind: str, default: Any, help: str,
                 choices: tuple[str, ...] = (), env: str = "") -> None:
        self.name = name
        self.kind = kind                # "str" | "bool" | "int" | "float" | "list"
        self.default = default
        self.help = help
        self.choices = choices
        self.env = env                  # the environment variable other tools read, used when unset here


KEYS: dict[str, Key] = {k.name: k for k in (
    Key("engine", "str", "offline", "engine that writes mirrorbacks",
        ("offline", "ollama", "anthropic")),
    Key("timezone", "str", "", "IANA time zone for new reflections (empty: the machine's)"),
    Key("private_by_default", "bool", False,
        "mark every new reflection private (never sent to a remote engine)"),
    Key("care.resources", "list", [],
        "your own support contacts, shown with every care response"),
    Key("ollama.endpoint", "str", "http://127.0.0.1:11434", "Ollama server URL", env="OLLAMA_HOST"),
    Key("ollama.model", "str", "llama3.2", "Ollama model name"),
    Key("anthropic.model", "str", "claude-haiku-4-5", "Anthropic model name"),
    Key("anthropic.base_url", "str", "https://api.anthropic.com", "Anthropic API URL",
        env="ANTHROPIC_BASE_URL"),
    Key("timeouts.connect_s", "float", 5.0, "seconds to wait for a model server to answer"),
    Key("timeouts.read_s", "float", 60.0, "seconds to wait between streamed tokens"),
    Key("checks.max_retries", "int", 2, "retries of a model mirrorback that fails a check"),
    Key("generation.max_tokens", "int", 400, "longest mirrorback a model may write, in tokens"),
    Key("generation.temperature", "float", 0.7, "model sampling temperature (0 to 2)"),
    Key("budget.daily_usd", "float", None, "daily spending limit for remote models (unset: none; 0: no remote calls)"),
    Key("budget.monthly_usd", "float", None, "monthly spending limit for remote models (unset: none)"),
    Key("budget.daily_tokens", "int", None, "daily token limit for remote models (unset: none)"),
    Key("budget.monthly_tokens", "int", None, "monthly token limit for remote models (unset: none)"),
    Key("import.read_later_from", "int", 5000,
        "an import leaving at least this many reflections to read reads them in the background"),
    Key("bundles.require_signature", "bool", False,
        "refuse every bundle not signed by a trusted key (verify and import)"),
    Key("tui.theme", "str", "textual-dark", "the TUI's colour theme (ctrl+p → Change theme saves it here)"),
    Key("tui.patterns_per", "str", "month", "the TUI insights chart: patterns per week or month (b switches it)",
        ("month", "week")),
)}

#: Where a value came from, as `mirror config list` shows it.
SOURCES = ("config", "environment", "default")

_SECRET_WORDS = ("key", "secret", "token", "password", "passphrase")


def parse_value(key: Key, raw: list[str]) -> Any:
    """Turn command-line words into a typed value for `key`, or explain why not."""
    if key.kind == "list":
        return [item for item in raw if item.strip()]
    if len(raw) != 1:
        raise InvalidInput(f"{key.name} takes one value")
    text = raw[0].strip()
    try:
        if key.kind == "bool":
            lowered = text.lower()
            if lowered in ("true", "yes", "on", "1"):
                return True
            if lowered in ("false", "no", "off", "0"):
                return False
            raise ValueError
        if key.kind == "int":
            value: Any = int(text)
        elif key.kind == "float":
            value = float(text)
        else:
            value = text
    except ValueError as exc:
        raise InvalidInput(f"{key.name} must be a {key.kind}, not '{text}'") from exc
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise InvalidInput(f"{key.name} cannot be negative")
    if key.choices and value not in key.choices:
        raise InvalidInput(f"{key.name} must be one of: {', '.join(key.choices)}")
    if key.name == "timezone" and value:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidInput(f"unknown time zone '{value}' (use an IANA name like Europe/Paris)") from exc
    return value


DEFAULT_OLLAMA_PORT = 11434


def ollama_host_url(raw: str) -> str:
    """`OLLAMA_HOST` as the ollama client reads it (`ollama._client._parse_host`): `host`,
    `host:port`, `:port`, `scheme://host[:port][/path]`, IPv6 in brackets; port 11434 unless
    a scheme says 80/443. One difference, on purpose: `0.0.0.0` (and `::`) is how people tell
    the Ollama *server* to listen everywhere, and the same variable then reaches clients; a
    client connecting there reaches this machine, so Mirror writes it as the loopback address
    it is — which also keeps it local for privacy routing (an unspecified address is not
    loopback, and would count as remote)."""
    from urllib.parse import urlsplit  # only when OLLAMA_HOST is set

    text = raw.strip()
    port = DEFAULT_OLLAMA_PORT
    scheme, _, hostport = text.partition("://")
    if not hostport:
        scheme, hostport = "http", text
    elif scheme == "http":
        port = 80
    elif scheme == "https":
        port = 443
    else:
        raise InvalidInput(f"OLLAMA_HOST must be http(s), not {scheme!r}")
    split = urlsplit(f"{scheme}://{hostport}")
    try:
        port = split.port or port
    except ValueError:
        raise InvalidInput(f"OLLAMA_HOST has an invalid port: {text!r}") from None
    if split.username is not None or split.password is not None:
        raise InvalidInput("OLLAMA_HOST must not contain a user name or password")
    host = split.hostname or "127.0.0.1"
    if host == "0.0.0.0":
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"  # urlsplit drops the brackets of an IPv6 address
    path = split.path.strip("/")
    return f"{scheme}://{host}:{port}/{path}" if path else f"{scheme}://{host}:{port}"


#: How an environment variable's text becomes the setting's value (as given, otherwise).
_FROM_ENV = {"OLLAMA_HOST": ollama_host_url}


class Settings:
    """Typed access to one journal's config.toml, with the environment variables that
    other tools honour (`OLLAMA_HOST`, `ANTHROPIC_BASE_URL`) filling in what the file does
    not set: the file wins, so one journal can differ from the rest of the machine."""

    def __init__(self, path: Path, environ: Mapping[str, str] | None = None) -> None:
        self.path = path
        self._environ = os.environ if environ is None else environ
        self._data: dict[str, Any] | None = None
        self._stamp: tuple[int, int, int] | None = None

    def _load(self) -> dict[str, Any]:
        """The file's contents, re-read when it changed on disk: a long-running TUI (or a
        test) sees `mirror config set` from another process."""
        try:
            info = self.path.stat()
            stamp: tuple[int, int, int] | None = (info.st_mtime_ns, info.st_size, info.st_ino)
        except FileNotFoundError:
            stamp = None
        if self._data is None or stamp != self._stamp:
            self._data = {} if stamp is None else self._parsed(list(stamp))
            self._stamp = stamp
        return self._data

    def _parsed(self, stamp: list[int]) -> dict[str, Any]:
        """config.toml parsed, through a JSON copy in the journal's `cache/` keyed by the
        file's modification time, size and inode: every command that opens the journal
        reads its settings, and `tomllib` costs each of them ~3 ms to import. The copy is
        derived data (a missing, damaged or stale one is re-made); values JSON cannot hold
        (TOML dates) are simply not cached."""
        import json

        cache = self.path.parent / "cache" / "config.json"
        try:
            cached = json.loads(cache.read_text("utf-8"))
            if isinstance(cached, dict) and cached.get("stamp") == stamp and isinstance(cached.get("data"), dict):
                return dict(cached["data"])
        except (OSError, ValueError):
            pass
        import tomllib  # only when the file changed since it was cached (or cannot be)

        # Bounded: config.toml is a page of settings; a huge file, a device or a pipe put
        # in its place must cost every command one line, not all its memory or forever.
        raw = read_limited(self.path, MAX_CONFIG_BYTES, too_large=f"larger than "
                           f"{MAX_CONFIG_BYTES // 1024} KiB: not a Mirror config file")
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"{self.path} is not valid TOML: {exc}") from exc
        except RecursionError:  # tomllib parses nested arrays recursively
            raise InvalidInput(f"{self.path} is not valid TOML: nested too deeply") from None
        try:
            text = json.dumps({"stamp": stamp, "data": data})
            if json.loads(text)["data"] == data:  # round-trips exactly (no nan, no dates)
                cache.parent.mkdir(mode=0o700, exist_ok=True)
                write_private(cache, text.encode("utf-8"))
        except (OSError, TypeError, ValueError):
            pass
        return data

    @staticmethod
    def key(name: str) -> Key:
        if name in KEYS:
            return KEYS[name]
        if any(word in name.lower() for word in _SECRET_WORDS):
            raise InvalidInput(
                f"{name} looks like a secret; secrets never go in config.toml "
                "(use the environment or secrets.toml)")
        raise NotFound(f"unknown setting '{name}' (see `mirror config list`)")

    def get(self, name: str) -> Any:
        """The value in effect: config.toml's, else the environment's, else the default."""
        return self.get_with_source(name)[0]

    def source(self, name: str) -> str:
        """Where `get(name)` comes from: one of SOURCES."""
        return self.get_with_source(name)[1]

    def get_with_source(self, name: str, *, environment: bool = True) -> tuple[Any, str]:
        key = self.key(name)
        node: Any = self._load()
        for part in name.split("."):
            if not isinstance(node, dict) or part not in node:
                break
            node = node[part]
        else:
            return node, "config"
        if environment and key.env:
            raw = (self._environ.get(key.env) or "").strip()
            if raw:
                convert = _FROM_ENV.get(key.env)
                return (convert(raw) if convert else raw), "environment"
        return key.default, "default"

    def validate(self) -> None:
        """Check every value in config.toml against its declared type and choices, so a
        hand-edited mistake is one clear error (exit 4) naming the key, not a crash later."""
        for key in KEYS.values():
            if not self.is_set(key.name):
                continue
            value = self.get(key.name)
            try:
                if key.kind == "list":
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        raise InvalidInput(f"{key.name} must be a list of texts")
                elif key.kind == "bool":
                    if not isinstance(value, bool):
                        raise InvalidInput(f"{key.name} must be true or false")
                elif key.kind in ("int", "float") and (isinstance(value, bool) or not isinstance(
                        value, (int, float)) or (key.kind == "int" and not isinstance(value, int))):
                    raise InvalidInput(f"{key.name} must be a number")
                else:
                    parse_value(key, [str(value)])
            except InvalidInput as exc:
                raise InvalidInput(f"{self.path}: {exc} (fix it with `mirror config set` or"
                                   f" `mirror config unset {key.name}`)") from None

    def is_set(self, name: str) -> bool:
        node: Any = self._load()
        for part in name.split("."):
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    def set(self, name: str, raw: list[str]) -> Any:
        key = self.key(name)
        value = parse_value(key, raw)
        data = self._load()
        node = data
        parts = name.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise InvalidInput(f"{self.path} has '{part}' as a value, so '{name}' cannot be set;"
                                   " fix the file or `mirror config unset` it")
        node[parts[-1]] = value
        self._write(data)
        return value

    def unset(self, name: str) -> None:
        self.key(name)
        data = self._load()
        node = data
        parts = name.split(".")
        for part in parts[:-1]:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        if isinstance(node, dict):
            node.pop(parts[-1], None)
        if len(parts) > 1 and not isinstance(data.get(parts[0]), dict):
            data.pop(parts[0], None)  # a value where a table belongs: remove it too
        self._write(data)

    def as_flat(self, *, environment: bool = True) -> dict[str, Any]:
        """Every setting that has a value, as dotted keys (what the adapter registry reads).
        `environment=False` leaves this machine's environment out (what a bundle carries)."""
        return {k: v for k in KEYS if (v := self.get_with_source(k, environment=environment)[0]) is not None}

    def all(self) -> list[dict[str, Any]]:
        rows = []
        for k in KEYS.values():
            value, source = self.get_with_source(k.name)
            rows.append({"key": k.name, "value": value, "default": k.default, "set": source == "config",
                         "source": source, "env": k.env or None, "help": k.help})
        return rows

    def _write(self, data: dict[str, Any]) -> None:
        """Atomic and private (`fileio.write_private`): a temporary file, fsync, rename over
        the old one; a crash leaves the old settings or the new, never half of them."""
        import tomli_w  # only `mirror config set/unset` and the TUI's choices write: reading never loads it


        try:
            write_private(self.path, tomli_w.dumps(data).encode("utf-8"))
        except OSError as exc:
            raise StorageError(f"cannot write {self.path}: {exc.strerror}") from exc
        self._data = data
        self._stamp = None  # re-read on next use: the file on disk is the truth

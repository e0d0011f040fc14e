"""Engine name -> adapter, built from plain settings.

The settings are a mapping as read from config.toml — nested tables (`{"ollama": {"model":
...}}`) or flat dotted keys (`{"ollama.model": ...}`), whichever the caller has. Adapter
modules are imported only for the engine asked for, so choosing `offline` never loads an
SDK. The API key is a separate argument because it never lives in the settings.

Recognised keys (all optional; each one's default, and the engine names, are declared once,
in `mirror.settings.KEYS`, which `mirror config list` shows). The endpoints arrive already
resolved: `Settings.as_flat()` fills `ollama.endpoint` from `OLLAMA_HOST` and
`anthropic.base_url` from `ANTHROPIC_BASE_URL` when config.toml sets neither, so an
environment-given host goes through the same URL checks, and the same loopback test
(`_endpoints.url_is_loopback`: anything but a loopback address is remote, and private
reflections never go there), as a configured one:

    engine                 one of ENGINES
    ollama.model, ollama.endpoint
    anthropic.model, anthropic.base_url
    timeouts.connect_s, timeouts.read_s
    generation.max_tokens, generation.temperature
    budget.daily_usd, budget.monthly_usd, budget.daily_tokens, budget.monthly_tokens
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mirror.adapters.base import GenerateOptions, ServerAdapter
from mirror.adapters.pricing import BudgetLimits
from mirror.adapters.secrets import Secret
from mirror.errors import InvalidInput
from mirror.settings import KEYS

ENGINES: tuple[str, ...] = KEYS["engine"].choices
DEFAULT_ENGINE: str = KEYS["engine"].default


def setting(settings: Mapping[str, Any], key: str, default: Any = None) -> Any:
    """`settings["a"]["b"]` or `settings["a.b"]` for key "a.b"; `default` when absent/None."""
    if key in settings:
        value = settings[key]
        return default if value is None else value
    node: Any = settings
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return default
        node = node[part]
    return default if node is None else node


def _number(settings: Mapping[str, Any], key: str, *, positive: bool = True) -> float:
    value = setting(settings, key, KEYS[key].default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (positive and value <= 0):
        raise InvalidInput(f"{key} must be a positive number, not {value!r}")
    return float(value)


def _text(settings: Mapping[str, Any], key: str) -> str:
    value = setting(settings, key, KEYS[key].default)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{key} must be a non-empty string, not {value!r}")
    return value.strip()


def _ollama(settings: Mapping[str, Any], api_key: Secret | str | None) -> ServerAdapter:
    from mirror.adapters.ollama_adapter import OllamaAdapter  # the engine asked for only: offline loads none

    return OllamaAdapter(
        model=_text(settings, "ollama.model"),
        endpoint=_text(settings, "ollama.endpoint"),
        connect_timeout_s=_number(settings, "timeouts.connect_s"),
        read_timeout_s=_number(settings, "timeouts.read_s"),
    )


def _anthropic(settings: Mapping[str, Any], api_key: Secret | str | None) -> ServerAdapter:
    from mirror.adapters.anthropic_adapter import AnthropicAdapter  # the engine asked for only: offline loads none

    return AnthropicAdapter(
        api_key=api_key,
        model=_text(settings, "anthropic.model"),
        base_url=_text(settings, "anthropic.base_url"),
        connect_timeout_s=_number(settings, "timeouts.connect_s"),
        read_timeout_s=_number(settings, "timeouts.read_s"),
    )


#: Adapters of model servers. The offline engine is not one: it is part of `mirror.engine`
#: (`mirror.engine.offline_adapter`), which the contract falls back to on its own.
FACTORIES: dict[str, Callable[[Mapping[str, Any], Secret | str | None], ServerAdapter]] = {
    "ollama": _ollama,
    "anthropic": _anthropic,
}


def engine_name(settings: Mapping[str, Any], engine: str | None = None) -> str:
    """The engine to use: `engine` if given (e.g. a --engine flag), else settings, else offline.

    An unknown name is `InvalidInput` (exit 4): it is a value outside its domain, whether it
    came from config.toml or a flag; the CLI may re-raise a flag's as UsageError if it wants.
    """
    name = engine if engine is not None else setting(settings, "engine", DEFAULT_ENGINE)
    if not isinstance(name, str) or name.strip().lower() not in ENGINES:
        raise InvalidInput(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    return name.strip().lower()


def create_adapter(
    settings: Mapping[str, Any],
    *,
    api_key: Secret | str | None = None,
    engine: str | None = None,
) -> ServerAdapter:
    """Build the adapter for `engine` (or the configured one), a model server's. Never
    contacts a server. The offline engine has no server adapter: callers check
    `engine_name(...) == "offline"` first (asking for it here is a programming error)."""
    name = engine_name(settings, engine)
    if name not in FACTORIES:
        raise ValueError(f"{name} is not a model server engine")
    return FACTORIES[name](settings, api_key)


def options_from_settings(settings: Mapping[str, Any], *, model: str | None = None) -> GenerateOptions:
    """The per-call options matching the same settings (timeouts, length, temperature)."""
    max_tokens = setting(settings, "generation.max_tokens", KEYS["generation.max_tokens"].default)
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens <= 0:
        raise InvalidInput(f"generation.max_tokens must be a positive integer, not {max_tokens!r}")
    temperature = _number(settings, "generation.temperature", positive=False)
    if not 0.0 <= temperature <= 2.0:
        raise InvalidInput(f"generation.temperature must be between 0 and 2, not {temperature!r}")
    return GenerateOptions(
        model=model,
        max_tokens=max_tokens,
        temperature=temperature,
        connect_timeout_s=_number(settings, "timeouts.connect_s"),
        read_timeout_s=_number(settings, "timeouts.read_s"),
    )


def budget_limits_from_settings(settings: Mapping[str, Any]) -> BudgetLimits:
    return BudgetLimits(
        daily_usd=setting(settings, "budget.daily_usd"),
        monthly_usd=setting(settings, "budget.monthly_usd"),
        daily_tokens=setting(settings, "budget.daily_tokens"),
        monthly_tokens=setting(settings, "budget.monthly_tokens"),
    )

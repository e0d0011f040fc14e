"""Engine name -> adapter, built from plain settings.

The settings are a mapping as read from config.toml — nested tables (`{"ollama": {"model":
...}}`) or flat dotted keys (`{"ollama.model": ...}`), whichever the caller has. Adapter
modules are imported only for the engine asked for, so choosing `offline` never loads an
SDK. The API key is a separate argument because it never lives in the settings.

Recognised keys (all optional):

    engine               "offline" | "ollama" | "anthropic"   (default "offline")
    ollama.model         default "llama3.2"
    ollama.endpoint      default "http://127.0.0.1:11434"
    anthropic.model      default "claude-sonnet-4-5"
    anthropic.base_url   default "https://api.anthropic.com"
    timeouts.connect_s   default 5.0
    timeouts.read_s      default 60.0
    generation.max_tokens, generation.temperature   (defaults: GenerateOptions)
    budget.daily_usd, budget.monthly_usd, budget.daily_tokens, budget.monthly_tokens
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mirror.adapters.base import Adapter, GenerateOptions
from mirror.adapters.pricing import BudgetLimits
from mirror.adapters.secrets import Secret
from mirror.errors import InvalidInput

ENGINES = ("offline", "ollama", "anthropic")
DEFAULT_ENGINE = "offline"


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


def _number(settings: Mapping[str, Any], key: str, default: float, *, positive: bool = True) -> float:
    value = setting(settings, key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (positive and value <= 0):
        raise InvalidInput(f"{key} must be a positive number, not {value!r}")
    return float(value)


def _text(settings: Mapping[str, Any], key: str, default: str) -> str:
    value = setting(settings, key, default)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{key} must be a non-empty string, not {value!r}")
    return value.strip()


def _ollama(settings: Mapping[str, Any], api_key: Secret | str | None) -> Adapter:
    from mirror.adapters.ollama_adapter import DEFAULT_ENDPOINT, DEFAULT_MODEL, OllamaAdapter

    return OllamaAdapter(
        model=_text(settings, "ollama.model", DEFAULT_MODEL),
        endpoint=_text(settings, "ollama.endpoint", DEFAULT_ENDPOINT),
        connect_timeout_s=_number(settings, "timeouts.connect_s", 5.0),
        read_timeout_s=_number(settings, "timeouts.read_s", 60.0),
    )


def _anthropic(settings: Mapping[str, Any], api_key: Secret | str | None) -> Adapter:
    from mirror.adapters.anthropic_adapter import DEFAULT_BASE_URL, DEFAULT_MODEL, AnthropicAdapter

    return AnthropicAdapter(
        api_key=api_key,
        model=_text(settings, "anthropic.model", DEFAULT_MODEL),
        base_url=_text(settings, "anthropic.base_url", DEFAULT_BASE_URL),
        connect_timeout_s=_number(settings, "timeouts.connect_s", 5.0),
        read_timeout_s=_number(settings, "timeouts.read_s", 60.0),
    )


#: Adapters of model servers. The offline engine is not one: it is part of `mirror.engine`
#: (`mirror.engine.offline_adapter`), which the contract falls back to on its own.
FACTORIES: dict[str, Callable[[Mapping[str, Any], Secret | str | None], Adapter]] = {
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
) -> Adapter:
    """Build the adapter for `engine` (or the configured one), a model server's. Never
    contacts a server. The offline engine has no server adapter: callers check
    `engine_name(...) == "offline"` first (asking for it here is a programming error)."""
    name = engine_name(settings, engine)
    if name not in FACTORIES:
        raise ValueError(f"{name} is not a model server engine")
    return FACTORIES[name](settings, api_key)


def options_from_settings(settings: Mapping[str, Any], *, model: str | None = None) -> GenerateOptions:
    """The per-call options matching the same settings (timeouts, length, temperature)."""
    defaults = GenerateOptions()
    max_tokens = setting(settings, "generation.max_tokens", defaults.max_tokens)
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens <= 0:
        raise InvalidInput(f"generation.max_tokens must be a positive integer, not {max_tokens!r}")
    temperature = _number(settings, "generation.temperature", defaults.temperature, positive=False)
    if not 0.0 <= temperature <= 2.0:
        raise InvalidInput(f"generation.temperature must be between 0 and 2, not {temperature!r}")
    return GenerateOptions(
        model=model,
        max_tokens=max_tokens,
        temperature=temperature,
        connect_timeout_s=_number(settings, "timeouts.connect_s", defaults.connect_timeout_s),
        read_timeout_s=_number(settings, "timeouts.read_s", defaults.read_timeout_s),
    )


def budget_limits_from_settings(settings: Mapping[str, Any]) -> BudgetLimits:
    return BudgetLimits(
        daily_usd=setting(settings, "budget.daily_usd"),
        monthly_usd=setting(settings, "budget.monthly_usd"),
        daily_tokens=setting(settings, "budget.daily_tokens"),
        monthly_tokens=setting(settings, "budget.monthly_tokens"),
    )

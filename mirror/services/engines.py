"""Which engine answers: the configured model adapter (kept per configuration for the life of
the process), the local fallback for private reflections, and the spending budget.

The offline engine is always there (it is part of `mirror.engine`); a model that cannot be
used right now means the offline engine answers, with a notice that says why.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from mirror.adapters.base import AdapterUnavailable
from mirror.clock import utc_iso
from mirror.errors import InvalidInput
from mirror.services.context import JournalContext

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

    from mirror.adapters.base import Adapter

__all__ = ["SET_KEY_HINT", "budget_refusal", "configured_adapter", "key_env_var", "local_fallback",
           "save_anthropic_key"]

SET_KEY_HINT = "set ANTHROPIC_API_KEY or run `mirror set-key anthropic`"


# The secrets file's module is imported where a key is read or stored: the offline
# engine's `reflect` never loads it.
def key_env_var() -> str:
    """The environment variable whose key is used before the secrets file's."""
    from mirror.adapters.secrets import ENV_VAR

    return ENV_VAR


def save_anthropic_key(home: Path, key: str) -> Path:
    """Store the key in the journal home's secrets file (`mirror.adapters.secrets`)."""
    from mirror.adapters.secrets import save_anthropic_key as save

    return save(home, key)


_ADAPTERS: dict[tuple[Any, ...], Adapter] = {}
_ADAPTERS_KEPT = 4


def _adapter_for(settings: dict[str, Any], api_key: Any) -> Adapter:
    """One adapter per distinct configuration, kept for the life of the process: an
    adapter's HTTP client (TLS context, keep-alive connections) costs tens of ms to build,
    which a long-lived interface (the TUI) should pay once, not per mirrorback. Any change
    of settings or key is a different configuration, so a new adapter."""
    key = (tuple(sorted((k, repr(v)) for k, v in settings.items())), api_key)
    adapter = _ADAPTERS.pop(key, None)
    if adapter is None:
        from mirror.adapters import registry

        adapter = registry.create_adapter(settings, api_key=api_key)
    _ADAPTERS[key] = adapter  # most recently used last
    while len(_ADAPTERS) > _ADAPTERS_KEPT:
        oldest = _ADAPTERS.pop(next(iter(_ADAPTERS)))
        close = getattr(oldest, "close", None)
        if close is not None:
            close()
    return adapter


def configured_adapter(ctx: JournalContext, notices: list[str]) -> Adapter | None:
    """The model adapter the person configured, or None for the offline engine. A model
    that cannot be used right now (missing extra, no key, unreadable secrets file, budget
    reached) means offline, with a notice that says why: the reflection is already saved,
    so `reflect` answers anyway (DESIGN §8, exit 5 is for commands that need the engine)."""
    if ctx.settings.get("engine") == "offline":
        return None  # the common case skips importing the adapter registry
    from mirror.adapters import registry  # a model is configured: the offline engine skips it

    settings = ctx.settings.as_flat()
    name = registry.engine_name(settings)
    if name == "offline":
        return None
    api_key = None
    try:
        if name == "anthropic":
            # The secrets file only for the model that needs a key: the offline engine's
            # reflect never loads `mirror.adapters.secrets`.
            from mirror.adapters.secrets import load_anthropic_key

            api_key = load_anthropic_key(ctx.paths.home)
            if not api_key:
                raise AdapterUnavailable(f"the anthropic engine needs your API key: {SET_KEY_HINT}")
        adapter = _adapter_for(settings, api_key)
    except (AdapterUnavailable, InvalidInput) as exc:  # InvalidInput: a refused secrets.toml
        notices.append(f"{exc}; answered by the offline engine")
        return None
    if adapter.is_remote():
        refusal = budget_refusal(ctx)
        if refusal:
            notices.append(f"{refusal}; answered by the offline engine")
            return None
    return adapter


def local_fallback(ctx: JournalContext, adapter: Adapter | None, notices: list[str]) -> Adapter | None:
    """The local engine a private reflection goes to instead of a remote configured one
    (DESIGN §4, privacy routing): the person's Ollama, when they set it up themselves
    (`ollama.endpoint` or `ollama.model` in config.toml, or OLLAMA_HOST) on a loopback address. None when
    the configured engine is not remote, when no Ollama is set up, or when the one set up is
    not on this machine (then it is remote too, and the offline engine answers)."""
    if adapter is None or not adapter.is_remote():
        return None
    if ctx.settings.source("ollama.endpoint") == "default" and not ctx.settings.is_set("ollama.model"):
        return None
    try:
        fallback = _adapter_for({**ctx.settings.as_flat(), "engine": "ollama"}, None)
    except (AdapterUnavailable, InvalidInput) as exc:
        notices.append(f"the local ollama engine cannot be used ({exc})")
        return None
    return None if fallback.is_remote() else fallback


def budget_refusal(ctx: JournalContext) -> str | None:
    from mirror.adapters import registry
    from mirror.adapters.pricing import Spend, check_budget

    limits = registry.budget_limits_from_settings(ctx.settings.as_flat())
    if all(v is None for v in (limits.daily_usd, limits.monthly_usd, limits.daily_tokens,
                               limits.monthly_tokens)):
        return None
    # "Today" and "this month" are the person's own, in the journal's time zone.
    try:
        now = ctx.clock.now().astimezone(ZoneInfo(ctx.timezone))
    except Exception:  # an unknown zone: UTC days rather than no budget
        now = ctx.clock.now()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    month_start = day_start.replace(day=1)
    egress = ctx.store.egress
    today = Spend(*egress.spent_since(utc_iso(day_start)))
    month = Spend(*egress.spent_since(utc_iso(month_start)))
    decision = check_budget(today, month, limits)
    return None if decision.allowed else decision.reason

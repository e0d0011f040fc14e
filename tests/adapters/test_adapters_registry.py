"""The engine registry, and the promise that choosing an engine never imports another's SDK."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mirror.adapters.anthropic_adapter import AnthropicAdapter
from mirror.adapters.base import GenerateOptions
from mirror.adapters.ollama_adapter import OllamaAdapter
from mirror.adapters.pricing import BudgetLimits
from mirror.adapters.registry import (
    ENGINES,
    budget_limits_from_settings,
    create_adapter,
    engine_name,
    options_from_settings,
    setting,
)
from mirror.errors import InvalidInput
from mirror.settings import KEYS

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("ollama", "anthropic", "httpx", "httpx2", "tomli_w")


def imported_after(code: str) -> list[str]:
    """Which heavy modules a fresh interpreter has loaded after running `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_the_adapter_modules_imports_no_sdk() -> None:
    code = (
        "import mirror.adapters.registry, mirror.adapters.ollama_adapter, "
        "mirror.adapters.anthropic_adapter, mirror.adapters.pricing, mirror.adapters.secrets"
    )
    assert imported_after(code) == []


def test_building_and_classifying_adapters_imports_no_sdk() -> None:
    code = (
        "from mirror.adapters.registry import create_adapter\n"
        "a = create_adapter({'engine': 'ollama', 'ollama': {'endpoint': 'http://10.1.2.3:11434'}})\n"
        "assert a.is_remote()\n"
        "b = create_adapter({'engine': 'anthropic'}, api_key='k')\n"
        "assert b.is_remote() and b.endpoint() == 'https://api.anthropic.com'"
    )
    assert imported_after(code) == []


def test_nested_and_flat_settings_are_both_read() -> None:
    nested = {"ollama": {"model": "qwen2.5"}, "timeouts": {"read_s": 9}}
    flat = {"ollama.model": "qwen2.5", "timeouts.read_s": 9}
    for settings in (nested, flat):
        assert setting(settings, "ollama.model") == "qwen2.5"
        assert setting(settings, "timeouts.read_s") == 9
        assert setting(settings, "timeouts.connect_s", 5.0) == 5.0


def test_creates_ollama_from_settings() -> None:
    adapter = create_adapter(
        {"engine": "ollama", "ollama": {"model": "qwen2.5", "endpoint": "http://localhost:11500"}}
    )
    assert isinstance(adapter, OllamaAdapter)
    assert adapter.engine_version == "qwen2.5"
    assert adapter.endpoint() == "http://localhost:11500" and not adapter.is_remote()


def test_creates_anthropic_with_the_key_passed_in() -> None:
    adapter = create_adapter(
        {"engine": "anthropic", "anthropic": {"model": "claude-haiku-4-5", "base_url": "http://127.0.0.1:9"}},
        api_key="sk-ant-secret-value",
    )
    assert isinstance(adapter, AnthropicAdapter)
    assert adapter.has_key and adapter.endpoint() == "http://127.0.0.1:9"
    assert "sk-ant-secret-value" not in repr(adapter)


def test_offline_is_the_default_and_has_no_server_adapter() -> None:
    assert engine_name({}) == "offline"
    with pytest.raises(ValueError):
        create_adapter({})


def test_defaults_and_engine_names_have_one_source_the_settings() -> None:
    """`mirror config list` shows the defaults the adapters really use."""
    default = {name: key.default for name, key in KEYS.items()}
    assert ENGINES == KEYS["engine"].choices and engine_name({}) == default["engine"]
    options = GenerateOptions()
    assert (options.max_tokens, options.temperature, options.connect_timeout_s, options.read_timeout_s) == (
        default["generation.max_tokens"], default["generation.temperature"],
        default["timeouts.connect_s"], default["timeouts.read_s"])
    assert options_from_settings({}) == options
    for ollama in (OllamaAdapter(), create_adapter({"engine": "ollama"})):
        assert (ollama.model, ollama.endpoint()) == (default["ollama.model"], default["ollama.endpoint"])
    for claude in (AnthropicAdapter(api_key="k"), create_adapter({"engine": "anthropic"}, api_key="k")):
        assert (claude.model, claude.endpoint()) == (default["anthropic.model"], default["anthropic.base_url"])


def test_flag_overrides_settings() -> None:
    adapter = create_adapter({"engine": "anthropic"}, engine="ollama")
    assert isinstance(adapter, OllamaAdapter)


def test_engine_names_ignore_case_and_spaces() -> None:
    assert engine_name({"engine": " Ollama "}) == "ollama"
    assert engine_name({}) == "offline"


@pytest.mark.parametrize("name", ["openai", "", 3])
def test_unknown_engine_is_invalid_input(name: object) -> None:
    with pytest.raises(InvalidInput, match="unknown engine") as caught:
        create_adapter({"engine": name})
    for engine in ENGINES:
        assert engine in str(caught.value)


@pytest.mark.parametrize(
    "settings",
    [
        {"engine": "ollama", "timeouts": {"read_s": 0}},
        {"engine": "ollama", "timeouts": {"connect_s": "fast"}},
        {"engine": "ollama", "ollama": {"model": ""}},
        {"engine": "ollama", "ollama": {"endpoint": "gopher://x"}},
    ],
)
def test_bad_values_are_invalid_input(settings: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        create_adapter(settings)


def test_options_from_settings() -> None:
    assert options_from_settings({}) == GenerateOptions()
    options = options_from_settings(
        {"timeouts": {"connect_s": 2, "read_s": 30}, "generation": {"max_tokens": 200, "temperature": 0}},
        model="m",
    )
    assert options == GenerateOptions(
        model="m", max_tokens=200, temperature=0.0, connect_timeout_s=2.0, read_timeout_s=30.0
    )
    with pytest.raises(InvalidInput):
        options_from_settings({"generation": {"temperature": 5}})


def test_budget_limits_from_settings() -> None:
    assert budget_limits_from_settings({}) == BudgetLimits()
    assert budget_limits_from_settings({"budget": {"daily_usd": 0.5, "monthly_tokens": 10}}) == BudgetLimits(
        daily_usd=0.5, monthly_tokens=10
    )
    with pytest.raises(InvalidInput):
        budget_limits_from_settings({"budget": {"daily_usd": -1}})


def test_offline_engine_is_part_of_the_engine_layer() -> None:
    from mirror.engine.offline_adapter import OfflineAdapter

    adapter = OfflineAdapter()
    assert adapter.name == "offline" and adapter.is_remote() is False

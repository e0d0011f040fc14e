"""Cost estimates and the budget gate for remote calls."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirror.adapters.base import Usage
from mirror.adapters.pricing import (
    ANTHROPIC_PRICES,
    DEFAULT_REMOTE_PRICE,
    FREE,
    BudgetLimits,
    Price,
    Spend,
    check_budget,
    estimate_cost_usd,
    price_for,
)
from mirror.errors import InvalidInput


def test_local_engines_cost_nothing() -> None:
    assert price_for("ollama", "llama3.2") == FREE
    assert price_for("offline", None) == FREE
    assert estimate_cost_usd("ollama", "llama3.2", Usage(10_000, 10_000)) == 0.0


def test_dated_model_ids_match_their_family() -> None:
    assert price_for("anthropic", "claude-haiku-4-5-20251001") == Price(1.0, 5.0)
    assert price_for("anthropic", "claude-3-5-haiku-20241022") == Price(0.80, 4.0)


def test_longest_prefix_wins() -> None:
    assert price_for("anthropic", "claude-opus-4-5-20251101") == ANTHROPIC_PRICES["claude-opus-4-5"]
    assert price_for("anthropic", "claude-opus-4-20250514") == ANTHROPIC_PRICES["claude-opus-4"]


def test_unknown_remote_model_gets_the_dearest_rate() -> None:
    assert price_for("anthropic", "claude-future-9") == DEFAULT_REMOTE_PRICE
    dearest_in = max(p.input_usd_per_mtok for p in ANTHROPIC_PRICES.values())
    assert DEFAULT_REMOTE_PRICE.input_usd_per_mtok == dearest_in


def test_estimate() -> None:
    # 1,000 in at $1/M + 500 out at $5/M = $0.001 + $0.0025
    assert estimate_cost_usd("anthropic", "claude-haiku-4-5", Usage(1_000, 500)) == pytest.approx(0.0035)


def test_no_limits_allows() -> None:
    assert check_budget(Spend(1e6, 10**9), Spend(1e6, 10**9), BudgetLimits()).allowed


def test_daily_money_limit_reached() -> None:
    decision = check_budget(Spend(usd=0.50), Spend(usd=0.50), BudgetLimits(daily_usd=0.50, monthly_usd=10))
    assert not decision.allowed
    assert "budget.daily_usd" in decision.reason and "$0.50" in decision.reason
    assert "\n" not in decision.reason


def test_monthly_limit_checked_after_daily() -> None:
    decision = check_budget(Spend(usd=0.1), Spend(usd=10.0), BudgetLimits(daily_usd=1.0, monthly_usd=10.0))
    assert not decision.allowed and "budget.monthly_usd" in decision.reason


def test_token_limits() -> None:
    limits = BudgetLimits(daily_tokens=1_000, monthly_tokens=5_000)
    assert check_budget(Spend(tokens=999), Spend(tokens=999), limits).allowed
    refused = check_budget(Spend(tokens=1_000), Spend(tokens=1_000), limits)
    assert not refused.allowed and "budget.daily_tokens" in refused.reason
    monthly = check_budget(Spend(tokens=0), Spend(tokens=5_000), limits)
    assert not monthly.allowed and "budget.monthly_tokens" in monthly.reason


def test_next_call_estimate_counts() -> None:
    limits = BudgetLimits(daily_usd=1.0)
    assert check_budget(Spend(usd=0.9), Spend(usd=0.9), limits, next_call_usd=0.1).allowed
    assert not check_budget(Spend(usd=0.9), Spend(usd=0.9), limits, next_call_usd=0.2).allowed


def test_zero_limit_forbids_remote_calls() -> None:
    assert not check_budget(Spend(), Spend(), BudgetLimits(monthly_usd=0)).allowed


@pytest.mark.parametrize("bad", [-0.01, "5", True])
def test_bad_limits_are_invalid_input(bad: object) -> None:
    with pytest.raises(InvalidInput):
        BudgetLimits(daily_usd=bad)  # type: ignore[arg-type]


money = st.floats(min_value=0, max_value=1e4, allow_nan=False)
limit = st.one_of(st.none(), money)


@settings(deadline=None, derandomize=True)
@given(today=money, month=money, less=money, daily=limit, monthly=limit)
def test_spending_less_never_turns_allowed_into_refused(
    today: float, month: float, less: float, daily: float | None, monthly: float | None
) -> None:
    limits = BudgetLimits(daily_usd=daily, monthly_usd=monthly)
    if check_budget(Spend(usd=today), Spend(usd=month), limits).allowed:
        smaller = check_budget(Spend(usd=max(0.0, today - less)), Spend(usd=max(0.0, month - less)), limits)
        assert smaller.allowed


@settings(deadline=None, derandomize=True)
@given(inp=st.integers(0, 10**7), out=st.integers(0, 10**7), model=st.text(max_size=30))
def test_estimates_are_never_negative_and_grow_with_tokens(inp: int, out: int, model: str) -> None:
    small = estimate_cost_usd("anthropic", model, Usage(inp, out))
    assert 0 <= small <= estimate_cost_usd("anthropic", model, Usage(inp + 1000, out + 1000))

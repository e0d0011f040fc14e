"""Estimated cost of a model call, and whether the user's budget lets a remote call happen.

Prices are an *estimate* for the user's own budget, not an invoice: list prices in USD per
million tokens, as data, matched by model-name prefix (model ids carry date suffixes).
A model not in the table is priced at the dearest known rate, so an unknown model can only
make the budget stop early, never let spending run past it. Local engines cost nothing.

The budget check is a pure function of numbers the caller reads from the engine_runs table,
so it is trivially testable and has no clock or storage of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from mirror.adapters.base import Usage
from mirror.errors import InvalidInput


@dataclass(frozen=True)
class Price:
    """List prices in USD per million tokens (a docstring: without one, dataclass would
    import `inspect` on every `reflect`)."""

    input_usd_per_mtok: float
    output_usd_per_mtok: float


FREE = Price(0.0, 0.0)

# Anthropic list prices (USD per million tokens), standard tier, no caching discounts.
# Keys are id prefixes; the longest matching prefix wins ("claude-opus-4-5" before "claude-opus-4").
# Families not listed here (newer than this table) fall to DEFAULT_REMOTE_PRICE until added.
ANTHROPIC_PRICES: dict[str, Price] = {
    "claude-opus-4-5": Price(5.0, 25.0),
    "claude-opus-4-1": Price(15.0, 75.0),
    "claude-opus-4": Price(15.0, 75.0),
    "claude-3-opus": Price(15.0, 75.0),
    "claude-sonnet-4-5": Price(3.0, 15.0),
    "claude-sonnet-4": Price(3.0, 15.0),
    "claude-3-7-sonnet": Price(3.0, 15.0),
    "claude-3-5-sonnet": Price(3.0, 15.0),
    "claude-haiku-4-5": Price(1.0, 5.0),
    "claude-3-5-haiku": Price(0.80, 4.0),
    "claude-3-haiku": Price(0.25, 1.25),
}

# Unknown remote model: the dearest rate in the table (see module docstring).
DEFAULT_REMOTE_PRICE = Price(
    max(p.input_usd_per_mtok for p in ANTHROPIC_PRICES.values()),
    max(p.output_usd_per_mtok for p in ANTHROPIC_PRICES.values()),
)

LOCAL_ENGINES = frozenset({"offline", "ollama"})


def price_for(engine: str, model: str | None) -> Price:
    if engine in LOCAL_ENGINES:
        return FREE
    name = (model or "").strip().lower()
    matches = [prefix for prefix in ANTHROPIC_PRICES if name.startswith(prefix)]
    if not matches:
        return DEFAULT_REMOTE_PRICE
    return ANTHROPIC_PRICES[max(matches, key=len)]


def estimate_cost_usd(engine: str, model: str | None, usage: Usage) -> float:
    """USD for one call, rounded to a millionth of a dollar (finer is noise)."""
    price = price_for(engine, model)
    cost = (
        usage.input_tokens * price.input_usd_per_mtok
        + usage.output_tokens * price.output_usd_per_mtok
    ) / 1_000_000
    return round(cost, 6)


@dataclass(frozen=True)
class Spend:
    """What remote calls already cost in one period (today, or this month)."""

    usd: float = 0.0
    tokens: int = 0


@dataclass(frozen=True)
class BudgetLimits:
    """Configured limits; None means no limit. A limit of 0 forbids remote calls outright."""

    daily_usd: float | None = None
    monthly_usd: float | None = None
    daily_tokens: int | None = None
    monthly_tokens: int | None = None

    def __post_init__(self) -> None:
        for name in ("daily_usd", "monthly_usd", "daily_tokens", "monthly_tokens"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0
            ):
                raise InvalidInput(f"budget.{name} must be a number >= 0, not {value!r}")


@dataclass(frozen=True)
class BudgetDecision:
    """Whether a remote call may happen, and why not."""

    allowed: bool
    reason: str = ""  # one line when refused: which limit, how much spent


def check_budget(
    today: Spend,
    month: Spend,
    limits: BudgetLimits,
    *,
    next_call_usd: float = 0.0,
    next_call_tokens: int = 0,
) -> BudgetDecision:
    """May one more remote call proceed?

    Refused when a period's spend has reached its limit, or when adding the caller's estimate
    of the next call would pass it. Daily limits are checked before monthly ones, money before
    tokens, so the reason names the most immediate limit.
    """
    checks = (
        ("today", "daily budget", "budget.daily_usd", today.usd, next_call_usd, limits.daily_usd, True),
        ("today", "daily token budget", "budget.daily_tokens", today.tokens, next_call_tokens, limits.daily_tokens, False),
        ("this month", "monthly budget", "budget.monthly_usd", month.usd, next_call_usd, limits.monthly_usd, True),
        ("this month", "monthly token budget", "budget.monthly_tokens", month.tokens, next_call_tokens, limits.monthly_tokens, False),
    )
    for period, label, key, spent, upcoming, limit, is_money in checks:
        if limit is None:
            continue
        if spent >= limit or spent + upcoming > limit:
            shown = (lambda v: f"${v:,.2f}") if is_money else (lambda v: f"{int(v):,} tokens")
            return BudgetDecision(
                False,
                f"remote engine paused: {shown(spent)} spent {period} reaches the {label} "
                f"of {shown(limit)} ({key})",
            )
    return BudgetDecision(True)

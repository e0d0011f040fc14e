"""Records of evolution by approval (DESIGN §7): what Mirror observed about its own runs and
the person's feedback, the proposals it drew from that, the invariant checker's verdict,
and the engine profile in force. The CLI prints their `to_json()`; the TUI reads fields."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: The lifecycle, in order: draft → review → approved | rejected → applied → rolled_back.
STATUSES = ("draft", "review", "approved", "rejected", "applied", "rolled_back")
KINDS = ("prompt_adjustment", "lexicon_overlay", "check_threshold", "tension_axis",
         "care_exclusion", "constitution_amendment")


@dataclass(frozen=True)
class EngineStats:
    """One engine over the window: rates are shares of its runs (0..1)."""

    engine: str
    runs: int
    flag_rates: dict[str, float]
    flag_counts: dict[str, int]
    directive_runs: int                     # runs flagged by a directive check (I2)
    first_attempt_pass_rate: float | None   # model engines only
    fallback_rate: float
    retries: int
    care: int
    errors: int
    latency_ms_p50: float
    latency_ms_p95: float
    tokens_in: int
    tokens_out: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Observations:
    """What the critics computed over a window [since, until)."""

    since: str
    until: str
    window_days: int
    engines: tuple[EngineStats, ...]
    ratings: dict[str, int]                  # "1".."5" -> count
    feedback_flags: dict[str, int]
    inaccurate_labels: tuple[dict[str, Any], ...]   # {pattern, cue, count}
    care_dismissals: dict[str, int]          # category -> dismissed alarms
    user_axes: tuple[dict[str, Any], ...]     # {axis_a, axis_b, observations}

    @property
    def runs(self) -> int:
        return sum(e.runs for e in self.engines)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["engines"] = [e.to_json() for e in self.engines]
        data["inaccurate_labels"] = list(self.inaccurate_labels)
        data["user_axes"] = list(self.user_axes)
        data["runs"] = self.runs
        return data


@dataclass(frozen=True)
class Refusal:
    """One invariant a proposal breaks, and why, in one sentence."""

    invariant: str          # I1..I6, or "care" (constitution/07-care-in-crisis.md)
    reason: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Verdict:
    """The invariant checker's word: approvable only with no refusal (and, for a
    constitutional amendment, the typed confirmation)."""

    refusals: tuple[Refusal, ...] = ()
    needs_confirmation: str | None = None   # the words to type (I4)

    @property
    def approvable(self) -> bool:
        return not self.refusals

    def to_json(self) -> dict[str, Any]:
        return {"approvable": self.approvable,
                "refusals": [r.to_json() for r in self.refusals],
                "needs_confirmation": self.needs_confirmation}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Verdict:
        return cls(tuple(Refusal(r["invariant"], r["reason"]) for r in data.get("refusals", ())),
                   data.get("needs_confirmation"))


@dataclass(frozen=True)
class Effect:
    """A proposal's measured effect beside its prediction: a rate before and after.

    A tension axis adds `observed_after`, the reflections Mirror observed on the axis since
    it was applied (its rate is the share of reflections naming both poles). A change with
    no behavioural measure (a constitutional amendment) has `measured` False, no counts, and
    says why in `note`, rather than an empty field."""

    metric: str
    before_count: int | None
    before_total: int | None
    after_count: int | None
    after_total: int | None
    enough_data: bool
    worse: bool
    measured: bool = True
    observed_after: int | None = None
    note: str | None = None

    @property
    def before_rate(self) -> float | None:
        return self.before_count / self.before_total if self.before_total and self.before_count is not None else None

    @property
    def after_rate(self) -> float | None:
        return self.after_count / self.after_total if self.after_total and self.after_count is not None else None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "before_rate": self.before_rate, "after_rate": self.after_rate}


@dataclass(frozen=True)
class HistoryStep:
    at: str
    from_status: str | None
    to_status: str
    note: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Proposal:
    """A typed change to the engine profile with its evidence (counts and run IDs, never
    reflection text), its predicted effect and the invariant verdict."""

    id: str
    kind: str
    title: str
    status: str
    change: dict[str, Any]
    evidence: dict[str, Any]
    prediction: dict[str, Any]
    verdict: Verdict
    origin: str
    created_at: str
    updated_at: str
    applied_at: str | None = None
    profile_before: int | None = None
    profile_after: int | None = None
    history: tuple[HistoryStep, ...] = ()
    effect: Effect | None = None

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k not in ("verdict", "history", "effect")}
        data["verdict"] = self.verdict.to_json()
        data["history"] = [h.to_json() for h in self.history]
        data["effect"] = self.effect.to_json() if self.effect else None
        data["offer_rollback"] = bool(self.effect and self.effect.worse
                                      and self.status == "applied")
        return data


@dataclass(frozen=True)
class ProfileInfo:
    """The engine profile in force: its version and what it changes from the engine as
    shipped (version 1 is the engine as shipped)."""

    version: int
    since: str | None
    body: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EvolutionReport:
    """`mirror evolve report`: observations, the proposals now open, applied changes with
    their measured effect, and the profile in force."""

    observations: Observations
    new_proposals: tuple[Proposal, ...]
    open_proposals: tuple[Proposal, ...]
    applied: tuple[Proposal, ...]
    profile: ProfileInfo

    def to_json(self) -> dict[str, Any]:
        return {"observations": self.observations.to_json(),
                "new_proposals": [p.to_json() for p in self.new_proposals],
                "open_proposals": [p.to_json() for p in self.open_proposals],
                "applied": [p.to_json() for p in self.applied],
                "profile": self.profile.to_json()}

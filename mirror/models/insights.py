"""Records of what the journal shows over time: tensions with their trajectories, pattern
counts per period, and the person's feedback on mirrorbacks."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class TrajectoryPoint:
    reflection_id: str
    observed_at: str
    position: float
    intensity: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Tension:
    """A tension across the journal: how often it was observed, and on average where."""

    id: str
    axis_a: str
    axis_b: str
    origin: str
    created_at: str
    observations: int
    last_observed: str | None
    mean_position: float | None
    mean_intensity: float | None
    #: Every observation, oldest first (only when one tension is asked for).
    trajectory: tuple[TrajectoryPoint, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "trajectory"}
        if self.trajectory is not None:
            data["trajectory"] = [p.to_json() for p in self.trajectory]
        return data


@dataclass(frozen=True)
class PatternCount:
    """How many reflections of a period showed a pattern."""

    period: str
    pattern: str
    label: str
    reflections: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Feedback:
    """A person's rating, flags or note on one mirrorback."""

    id: str
    mirrorback_id: str
    rating: int | None
    flags: tuple[str, ...]
    note: str | None
    created_at: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = list(self.flags)
        return data

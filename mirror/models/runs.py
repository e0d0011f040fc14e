"""Engine runs as `mirror runs` lists them: one row per answered reflection, with every
attempt, and the prompt template version a model was sent. Loaded only by that view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EngineRun:
    """How one mirrorback came to be. `prompt_version` is the template the model attempts
    were sent (None when only the offline engine or the care text answered)."""

    id: str
    reflection_id: str | None
    started_at: str
    engine: str
    final_source: str | None
    status: str
    route_reason: str | None
    duration_ms: float
    tokens_in: int
    tokens_out: int
    flags: tuple[str, ...]
    prompt_version: str | None
    attempts: tuple[dict[str, Any], ...]
    #: The engine profile that answered (DESIGN §7; 1 = as shipped, None before migration 9).
    profile_version: int | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EngineRun:
        attempts = tuple(row.get("attempts") or ())
        versions = [a.get("prompt_version") for a in attempts if a.get("prompt_version")]
        return cls(
            id=row["id"], reflection_id=row.get("reflection_id"), started_at=row["started_at"],
            engine=row["engine"], final_source=row.get("final_source"), status=row["status"],
            route_reason=row.get("route_reason"), duration_ms=float(row["duration_ms"]),
            tokens_in=int(row["tokens_in"]), tokens_out=int(row["tokens_out"]),
            flags=tuple(row.get("flags") or ()), prompt_version=versions[0] if versions else None,
            attempts=attempts, profile_version=row.get("profile_version"))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "reflection_id": self.reflection_id, "started_at": self.started_at,
            "engine": self.engine, "final_source": self.final_source, "status": self.status,
            "route_reason": self.route_reason, "duration_ms": self.duration_ms,
            "tokens_in": self.tokens_in, "tokens_out": self.tokens_out,
            "flags": list(self.flags), "prompt_version": self.prompt_version,
            "attempts": [dict(a) for a in self.attempts],
            "profile_version": self.profile_version,
        }

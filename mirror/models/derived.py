"""Records of what the engine derived from one reflection and answered: pattern marks
(with the constitution's label), tension observations, mirrorbacks, check results, care
dismissals. `mirror reflect` and `show` build these. See `mirror.models` for why records
are grouped."""

from __future__ import annotations

from dataclasses import asdict, dataclass

TYPE_CHECKING = False  # typing's flag without importing typing (`show` builds these records)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Span:
    """Where in a reflection something was found: [start, end) and the words there."""

    start: int
    end: int
    text: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class PatternMark:
    """A pattern found in one reflection. `label` is the constitution's name for it
    ("obligation" -> "obligation language"): the CLI and the TUI show this, never their own."""

    pattern: str
    label: str
    evidence: tuple[Span, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "label": self.label,
                "evidence": [s.to_json() for s in self.evidence]}


@dataclass(frozen=True)
class TensionMark:
    """A tension observed in one reflection: where it leans (-1: axis_a, +1: axis_b) and
    how strongly."""

    tension_id: str
    axis_a: str
    axis_b: str
    position: float
    intensity: float
    evidence: tuple[Span, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"tension_id": self.tension_id, "axis_a": self.axis_a, "axis_b": self.axis_b,
                "position": self.position, "intensity": self.intensity,
                "evidence": [s.to_json() for s in self.evidence]}


@dataclass(frozen=True)
class Mirrorback:
    """The mirror's answer to a reflection. `route` and `cached` are known only right after
    it was written (how the engine was chosen; whether the reply came from the cache);
    `answered_version` and `outdated` when it is read with its reflection."""

    id: str
    reflection_id: str
    content: str
    engine: str
    verdict: str                  # passed | failed | care
    flags: tuple[str, ...] = ()
    model: str | None = None
    engine_version: str | None = None
    constitution_version: str | None = None
    prompt_version: str | None = None
    answered_text_sha256: str | None = None
    created_at: str | None = None
    route: str | None = None
    cached: bool | None = None
    #: Which version of the reflection's text it answered (earlier versions 1..n, the
    #: current text n+1) and whether that text has since been edited; None when not known.
    answered_version: int | None = None
    outdated: bool | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = list(self.flags)
        for key in ("route", "cached", "answered_version", "outdated"):
            if data[key] is None:
                del data[key]
        return data


@dataclass(frozen=True)
class CheckResult:
    """One constitutional check of a mirrorback: its name, whether it passed, the
    offending text, and a one-line detail."""

    name: str
    passed: bool
    evidence: tuple[str, ...]
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "passed": self.passed, "evidence": list(self.evidence),
                "detail": self.detail}


@dataclass(frozen=True)
class CareDismissal:
    """A care marker the person cleared as a false alarm (audited)."""

    reflection_id: str
    tier: str
    dismissed_at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

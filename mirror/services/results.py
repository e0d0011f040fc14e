"""What service calls that combine several records return."""

from __future__ import annotations

from dataclasses import dataclass, field

from mirror.models import Reflection
from mirror.models.derived import CheckResult, Mirrorback, PatternMark, TensionMark

TYPE_CHECKING = False  # typing's flag without importing typing (`show` builds these records)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class ReflectResult:
    """A saved reflection and what the engine made of it (empty until analysed)."""

    reflection: Reflection
    mirrorback: Mirrorback | None = None
    patterns: list[PatternMark] = field(default_factory=list)
    tensions: list[TensionMark] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    care: bool = False
    #: 'care' (the care response), 'gentle' (mirrorback plus the help line) or None.
    care_tier: str | None = None
    notices: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "reflection": self.reflection.to_json(),
            "mirrorback": self.mirrorback.to_json() if self.mirrorback else None,
            "patterns": [p.to_json() for p in self.patterns],
            "tensions": [t.to_json() for t in self.tensions],
            "checks": [c.to_json() for c in self.checks],
            "care": self.care,
            "care_tier": self.care_tier,
            "notices": self.notices,
        }


@dataclass(frozen=True)
class ReflectionDetails:
    """One reflection with everything derived from it, for `show` and the TUI reader."""

    reflection: Reflection
    mirrorbacks: list[Mirrorback] = field(default_factory=list)
    patterns: list[PatternMark] = field(default_factory=list)
    tensions: list[TensionMark] = field(default_factory=list)
    #: The care marker with its categories and evidence words, or None.
    care: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "reflection": self.reflection.to_json(),
            "mirrorbacks": [m.to_json() for m in self.mirrorbacks],
            "patterns": [p.to_json() for p in self.patterns],
            "tensions": [t.to_json() for t in self.tensions],
            "care": self.care,
        }

"""The engine profile: what the person approved on top of the engine as shipped.

A profile is a small JSON object stored whole in the journal (`engine_profiles`): prompt
lines added to the system prompt, lexicon overlays, stricter check thresholds, tension
axes, and care exclusions (cues on the gentle tier only). The engine itself stays pure and
as shipped; the service layer hands it the profile through `Profile` and `ProfiledAdapter`,
so the next reflect uses a change the moment it is applied.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace

from mirror.adapters.base import Chunk, GenerateOptions, Message

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:  # only the type: `mirror evolve` and the TUI never load the engine for it
    from typing import Any

    from mirror.adapters.base import Adapter
    from mirror.engine.analysis import Analysis

#: The gentle care tier (mirror.engine.care.detect.GENTLE), the only one a profile touches.
GENTLE = "gentle"

#: Introduces the approved prompt lines in the system prompt, so a reader of a prompt (or
#: of the egress ledger's hash) can tell the profile's part from the shipped template.
PROMPT_HEADING = "Adjustments the person approved (engine profile {version}):"


def dump(body: dict[str, Any]) -> str:
    """The one text form of a profile body: a rollback restores exactly this text."""
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class Profile:
    """An engine profile as the engine reads it (version 1 is the engine as shipped)."""

    version: int
    body: dict[str, Any]

    @classmethod
    def parse(cls, version: int, text: str) -> Profile:
        return cls(version, json.loads(text))

    @property
    def prompt_lines(self) -> tuple[str, ...]:
        return tuple(self.body.get("prompt", {}).get("lines", ()))

    def lexicon_drops(self, pattern: str) -> tuple[str, ...]:
        """Cues the person asked Mirror to stop reading as `pattern`."""
        return tuple(self.body.get("lexicon", {}).get(pattern, {}).get("drop", ()))

    def threshold(self, check: str, default: float) -> float:
        """A check's limit: the profile's, which the invariant checker only lets be
        stricter than the constitution's, else the constitution's."""
        value = self.body.get("thresholds", {}).get(check)
        return default if value is None else min(float(value), default)

    @property
    def tension_axes(self) -> tuple[tuple[str, str], ...]:
        return tuple((a, b) for a, b in self.body.get("tension_axes", ()))

    @property
    def care_exclusions(self) -> tuple[dict[str, str], ...]:
        return tuple(self.body.get("care_exclusions", ()))

    def read(self, analysis: Analysis) -> Analysis:
        """The engine's analysis as the profile reads it: pattern matches on a cue the
        person dropped are left out, and a gentle-tier finding raised only by cues they
        excluded is cleared. The care tier is never touched: a clear signal always gets
        the care response (the invariant checker refuses anything else)."""
        lexicon = self.body.get("lexicon", {})
        patterns = tuple(m for m in analysis.patterns
                         if m.text.lower() not in lexicon.get(m.name, {}).get("drop", ()))
        finding = analysis.care_finding
        excluded = {(e["category"], e["cue"]) for e in self.care_exclusions
                    if e.get("tier") == GENTLE}
        if (finding.tier == GENTLE and excluded and finding.signals
                and all((s.category, s.rule) in excluded for s in finding.signals)):
            finding = replace(finding, tier=None, score=0.0, signals=(), fired=())
        if patterns == analysis.patterns and finding is analysis.care_finding:
            return analysis
        return replace(analysis, patterns=patterns, care_finding=finding)

    def system_prompt(self, system: str) -> str:
        """The system prompt with the approved lines appended (unchanged when none)."""
        if not self.prompt_lines:
            return system
        return "\n".join([system, "", PROMPT_HEADING.format(version=self.version),
                          *(f"- {line}" for line in self.prompt_lines)])


class ProfiledAdapter:
    """A model adapter that sends the profile's system prompt: the engine builds its
    prompt as shipped, and the approved lines join it here, on the way out. Everything
    else (name, locality, endpoint) is the wrapped adapter's."""

    def __init__(self, inner: Adapter, profile: Profile) -> None:
        self.inner = inner
        self.profile = profile
        self.name = inner.name
        self.engine_version = inner.engine_version
        self.model = getattr(inner, "model", None)

    def is_remote(self) -> bool:
        return self.inner.is_remote()

    def endpoint(self) -> str:
        return self.inner.endpoint()

    def generate(self, system: str, messages: list[Message],
                 options: GenerateOptions) -> Iterator[Chunk]:
        return self.inner.generate(self.profile.system_prompt(system), messages, options)


def with_profile(inner: Adapter | None, profile: Profile) -> Adapter | None:
    """`inner` answering under `profile` (itself when the profile changes no prompt)."""
    if inner is None or not profile.prompt_lines:
        return inner
    return ProfiledAdapter(inner, profile)


def apply_change(body: dict[str, Any], kind: str, change: dict[str, Any]) -> dict[str, Any]:
    """A new profile body: `body` with one approved change (never modified in place)."""
    new = json.loads(dump(body))
    if kind == "prompt_adjustment":
        lines = new.setdefault("prompt", {}).setdefault("lines", [])
        lines += [line for line in change.get("add_lines", ()) if line not in lines]
    elif kind == "lexicon_overlay":
        entry = new.setdefault("lexicon", {}).setdefault(change["pattern"], {})
        for key in ("drop", "add"):
            items = entry.setdefault(key, []) if change.get(key) else entry.get(key)
            if change.get(key) and items is not None:
                items += [c for c in change[key] if c not in items]
    elif kind == "check_threshold":
        new.setdefault("thresholds", {})[change["check"]] = change["max_ratio"]
    elif kind == "tension_axis":
        axes = new.setdefault("tension_axes", [])
        if [change["axis_a"], change["axis_b"]] not in axes:
            axes.append([change["axis_a"], change["axis_b"]])
    elif kind == "care_exclusion":
        items = new.setdefault("care_exclusions", [])
        entry = {k: change[k] for k in ("category", "cue", "tier")}
        if entry not in items:
            items.append(entry)
    elif kind == "constitution_amendment":
        new.setdefault("amendments", []).append(change)
    else:
        raise ValueError(f"unknown proposal kind {kind!r}")
    return new

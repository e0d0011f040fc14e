"""The engine profile: what the person approved on top of the engine as shipped.

A profile is a small JSON object stored whole in the journal (`engine_profiles`): prompt
lines added to the system prompt, lexicon overlays, stricter check thresholds, tension
axes, and care exclusions (cues on the gentle tier only). The engine itself stays pure and
as shipped; the service layer hands it the profile through `Profile` and `ProfiledAdapter`,
so the next reflect uses a change the moment it is applied.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

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


#: Where a sentence ends: a tension's two poles must share one ("torn between X and Y").
_SENTENCE_END = re.compile(r"[.!?;\n]")
#: How strongly a tension is taken to pull when a sentence only names both poles: the
#: quieter reading the engine gives a sentence without a contrast.
NAMED_INTENSITY = 0.5


@lru_cache(maxsize=64)
def _pole(name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A pole or cue, its words spaced in any way. Word boundaries are checked by `_words`:
    a lookaround in the pattern would cost the literal-prefix search (~10x slower)."""
    return re.compile(r"\s+".join(re.escape(w) for w in name.lower().split()), flags)


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "_'’"


def _words(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans where `pattern` matches whole words of `text`."""
    return [m.span() for m in pattern.finditer(text)
            if not (m.start() and _is_word(text[m.start() - 1]))
            and not (m.end() < len(text) and _is_word(text[m.end()]))]


def holds_phrase(text: str, phrase: str) -> bool:
    """Whether `text` holds `phrase` as whole words, in any case and with either apostrophe
    ("can't" in "I can’t"): how a cue the person added or dropped is found in a reflection."""
    return bool(_words(_pole(phrase.replace("\u2019", "'")), text.replace("\u2019", "'")))


def both_poles(text: str, axis_a: str, axis_b: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of the first two poles that one sentence of `text` holds together, as
    whole words in any case ("Freedom or security: ..."), or None."""
    low = text.lower()
    # The lower-cased text is searched without IGNORECASE (faster: the critic reads a
    # window of reflections), unless lower-casing would move the offsets.
    source, flags = (low, 0) if len(low) == len(text) else (text, re.IGNORECASE)
    hits_a = _words(_pole(axis_a, flags), source)
    if not hits_a:
        return None
    for b in _words(_pole(axis_b, flags), source):
        for a in hits_a:
            if not _SENTENCE_END.search(text, min(a[0], b[0]), max(a[1], b[1])):
                return a, b
    return None


def _contrast_sides(analysis: Analysis) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each contrast's two sides as character spans, in the engine's order."""
    tokens = analysis.tokens
    return [((tokens[c.left[0]].start, tokens[c.left[1] - 1].end),
             (tokens[c.right[0]].start, tokens[c.right[1] - 1].end))
            for c in analysis.contrasts if c.left[0] < c.left[1] and c.right[0] < c.right[1]]


def _poles_in(analysis: Analysis, axis_a: str, axis_b: str) -> tuple[tuple[int, int], ...] | None:
    """Where the reflection holds the two poles as a tension: one on each side of a
    contrast ("I want freedom. But security matters."), else together in one sentence
    that no contrast holds (where a mirrorback would quote a contrast's sides as the
    poles', the poles must be those sides)."""
    text = analysis.text
    sides = _contrast_sides(analysis)
    hits_a, hits_b = _words(_pole(axis_a), text), _words(_pole(axis_b), text)
    for left, right in sides:
        for a in hits_a:
            for b in hits_b:
                ends = sorted([a, b])
                if left[0] <= ends[0][0] < left[1] and right[0] <= ends[1][0] < right[1]:
                    return a, b
    spans = both_poles(text, axis_a, axis_b)
    if spans and not any(min(left[0], right[0]) <= start < max(left[1], right[1])
                         for left, right in sides for start, _ in spans):
        return spans
    return None


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
        person dropped are left out, cues they added are read as their pattern, a
        sentence naming both poles of a tension axis they approved is an observation of
        it, and a gentle-tier finding raised only by cues they excluded is cleared. The
        care tier is never touched: a clear signal always gets the care response (the
        invariant checker refuses anything else)."""
        lexicon = self.body.get("lexicon", {})
        patterns = tuple(m for m in analysis.patterns
                         if m.text.lower() not in lexicon.get(m.name, {}).get("drop", ()))
        patterns += self._added_cues(analysis.text, patterns)
        tensions = analysis.tensions + self._named_axes(analysis)
        finding = analysis.care_finding
        excluded = {(e["category"], e["cue"]) for e in self.care_exclusions
                    if e.get("tier") == GENTLE}
        if (finding.tier == GENTLE and excluded and finding.signals
                and all((s.category, s.rule) in excluded for s in finding.signals)):
            finding = replace(finding, tier=None, score=0.0, signals=(), fired=())
        if (patterns == analysis.patterns and finding is analysis.care_finding
                and tensions == analysis.tensions):
            return analysis
        return replace(analysis, patterns=patterns, care_finding=finding, tensions=tensions)

    def _added_cues(self, text: str, kept: tuple[Any, ...]) -> tuple[Any, ...]:
        """Pattern matches for the cues the person added (whole words, any case), where
        the engine found none of that pattern at the same place."""
        added = [(name, cue) for name, entry in sorted(self.body.get("lexicon", {}).items())
                 for cue in entry.get("add", ())]
        if not added:
            return ()
        from mirror.engine.patterns import PatternMatch  # loaded already where analyses are read

        taken = {(m.name, m.start) for m in kept}
        found = []
        for name, cue in added:
            for start, end in _words(_pole(cue.replace("\u2019", "'")), text.replace("\u2019", "'")):
                if (name, start) not in taken:
                    taken.add((name, start))
                    found.append(PatternMatch(name, start, end, text[start:end]))
        return tuple(sorted(found, key=lambda m: (m.start, m.name)))

    def _named_axes(self, analysis: Analysis) -> tuple[Any, ...]:
        """A tension on each approved axis the engine did not find itself, where one
        contrast or one sentence holds both poles (`_poles_in`): balanced (position 0),
        of the quieter intensity."""
        if not self.tension_axes:
            return ()
        from mirror.engine.contrasts import Evidence  # loaded already where analyses are read
        from mirror.engine.tensions import Tension

        found_axes = {frozenset((t.axis_a.casefold(), t.axis_b.casefold()))
                      for t in analysis.tensions}
        out = []
        for axis_a, axis_b in self.tension_axes:
            if frozenset((axis_a.casefold(), axis_b.casefold())) in found_axes:
                continue
            spans = _poles_in(analysis, axis_a, axis_b)
            if spans:
                evidence = tuple(Evidence(start, end, analysis.text[start:end])
                                 for start, end in sorted(spans))
                out.append(Tension(axis_a, axis_b, 0.0, NAMED_INTENSITY, evidence))
        return tuple(out)

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

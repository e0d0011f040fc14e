"""Inner tensions: contrast structures and the template axes they fall on.

A *contrast* is a structure in the writing: "X but Y", "However, Y" (X = the sentence
before), "Although X, Y", "On one hand X ... on the other hand Y". A *tension* is a contrast
(or a single sentence) whose two sides land on the two poles of one template axis
(control/surrender, autonomy/connection, ..., duty/desire, approach/avoidance). Contrasts
with no axis are kept too: the offline composer reflects them back in the person's own words.

Rules:
- A contrast gives a tension on every axis whose pole words sit on opposite sides of it
  ("I want stability, but I crave change" -> stability/growth).
- Axes marked `own_stance_only` (duty/desire, approach/avoidance: their pole words are
  everyday verbs) count only in contrasts that are the writer's own stance (see
  `patterns.py`): "I should call my mother but I'm afraid she'll be disappointed" ->
  approach/avoidance, "She had to go but she was scared" -> nothing.
- An axis may name a `dominant_pole`: on a side holding it, the other pole's words are its
  object ("too scared to bring it up" is avoidance, not also approach).
- Without a contrast, both poles in one sentence make a (quieter) tension only where the
  sentence holds tension language ("torn between"), so "I planned a spontaneous trip" is not
  read as inner conflict.

Each tension carries:
- `position` in [-1, 1]: -1 leans fully toward `axis_a`, +1 toward `axis_b`. The clause the
  writer lands on (after "but", the main clause of "although") weighs 1.5x.
- `intensity` in [0, 1]: how strongly the pull is expressed (pole words, intensifiers,
  explicit "on one hand" structures, a contrast in the writer's own stance).

The axis pair is always stored in the template's order, and `normalize_axis` maps any
spelling or order of a pair onto it, so a later observation of "surrender / control"
matches the existing "control / surrender" tension instead of creating a duplicate.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from mirror import constitution
from mirror.engine.contrasts import Contrast, Evidence, find_contrasts
from mirror.engine.lexicon import Hit, PhraseMatcher, strings
from mirror.engine.patterns import own_stance_contrasts, tension_cue_sentences
from mirror.engine.tokenize import Token, as_tokens, tokenize

_LANDING_WEIGHT = 1.5


@dataclass(frozen=True)
class Tension:
    """A tension on a template axis, found in one reflection."""

    axis_a: str
    axis_b: str
    position: float
    intensity: float
    evidence: tuple[Evidence, ...]

    @property
    def key(self) -> str:
        return tension_key(self.axis_a, self.axis_b)


@dataclass(frozen=True)
class _Compiled:
    """The lexicon compiled once per process (a docstring keeps dataclass from importing `inspect`)."""

    poles: PhraseMatcher
    axes: tuple[tuple[str, str], ...]
    intensifiers: frozenset[str]
    stance_only: frozenset[int]
    dominant: dict[int, int]
    pole_of: dict[str, tuple[int, int]]  # pole label "k:p" -> (axis k, pole p), parsed once


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    inv = constitution.invariants()
    axes: list[tuple[str, str]] = []
    pole_lexicons: dict[str, list[str]] = {}
    stance_only: set[int] = set()
    dominant: dict[int, int] = {}
    for k, entry in enumerate(inv["tension_axes"]):
        if entry.get("own_stance_only"):
            stance_only.add(k)
        a, b = (str(x) for x in entry["axis"])
        if entry.get("dominant_pole") is not None:
            dominant[k] = [a, b].index(str(entry["dominant_pole"]))
        axes.append((a, b))
        pole_lexicons[f"{k}:0"] = strings(entry["poles"][a])
        pole_lexicons[f"{k}:1"] = strings(entry["poles"][b])
    return _Compiled(
        poles=PhraseMatcher.from_lexicons(pole_lexicons, exclusive=True),
        axes=tuple(axes),
        intensifiers=frozenset(strings(inv["intensifiers"])),
        stance_only=frozenset(stance_only),
        dominant=dominant,
        pole_of={label: _parse_pole(label) for label in pole_lexicons},
    )


def _canon(name: str) -> str:
    return " ".join(name.casefold().split())


def normalize_axis(a: str, b: str) -> tuple[str, str, bool]:
    """Canonical (axis_a, axis_b) for any spelling/order of a pair, and whether the given
    order was flipped (then a position given for it must be negated). Template pairs keep
    the template's order; other pairs are ordered alphabetically."""
    ca, cb = _canon(a), _canon(b)
    for ta, tb in _compiled().axes:
        if (ca, cb) == (ta, tb):
            return ta, tb, False
        if (ca, cb) == (tb, ta):
            return ta, tb, True
    if ca <= cb:
        return ca, cb, False
    return cb, ca, True


def tension_key(a: str, b: str) -> str:
    """One stable key per axis pair, whatever order or case it was written in."""
    na, nb, _ = normalize_axis(a, b)
    return f"{na}/{nb}"


def template_axes() -> tuple[tuple[str, str], ...]:
    """The seeded axes (origin `system_seed` in storage)."""
    return _compiled().axes


class _AxisTally:
    """Pole words of one axis found on the two sides of one contrast."""

    __slots__ = ("counts", "hits", "evidence", "sides")

    def __init__(self) -> None:
        self.counts = {"left": [0, 0], "right": [0, 0]}
        self.hits = 0
        self.evidence: list[Evidence] = []
        self.sides: set[tuple[str, int]] = set()

    def settle(self, dominant: int | None) -> None:
        """On a side holding the axis's dominant pole, the other pole's words are what
        that pole is about ("too scared to call": the call is what is avoided)."""
        if dominant is None:
            return
        for side, counts in self.counts.items():
            if counts[dominant]:
                counts[1 - dominant] = 0
                self.sides.discard((side, 1 - dominant))

    def opposes(self) -> bool:
        """True when one side holds one pole and the other side the other pole."""
        return {("left", 0), ("right", 1)} <= self.sides or {("left", 1), ("right", 0)} <= self.sides

    def position(self, landing: str) -> float:
        """Each side votes once (so three synonyms do not outvote one word); the side the
        writer lands on weighs more."""
        total = weight = 0.0
        for side, (a, b) in self.counts.items():
            if a + b:
                w = _LANDING_WEIGHT if side == landing else 1.0
                total += w * (b - a) / (a + b)
                weight += w
        return total / weight if weight else 0.0


def _evidence(text: str, toks: Sequence[Token], first: int, last: int) -> Evidence:
    start, end = toks[first].start, toks[last - 1].end
    return Evidence(start, end, text[start:end])


def find_tensions(
    text: str,
    tokens: Sequence[Token] | None = None,
    contrasts: Sequence[Contrast] | None = None,
    cue_sentences: frozenset[int] | None = None,
    own_stance: Sequence[Contrast] | None = None,
) -> list[Tension]:
    """Template-axis tensions, one per axis (repeated sightings merge), strongest first.

    `cue_sentences`: sentences holding internal-tension language ("torn", "part of me");
    only there do both poles of an axis without a contrast marker make a tension, so that
    "I planned a spontaneous trip" is not read as inner conflict. Computed when omitted.
    `own_stance`: the contrasts that are the writer's own stance
    (`patterns.own_stance_contrasts`); computed when omitted and needed.
    """
    toks = tokenize(text) if tokens is None else tokens
    toks_ = as_tokens(toks)
    c = _compiled()
    pole_hits = c.poles.find(toks_)
    if not pole_hits:
        return []
    found = find_contrasts(text, toks) if contrasts is None else contrasts
    if cue_sentences is None:
        cue_sentences = tension_cue_sentences(text, toks)
    by_axis: dict[int, list[tuple[float, float, list[Evidence]]]] = {}  # position, intensity
    covered: set[tuple[int, int]] = set()  # (axis, sentence) already explained by a contrast
    own: set[Contrast] | None = None if own_stance is None else set(own_stance)

    def is_own(con: Contrast) -> bool:
        nonlocal own
        if own is None:
            own = set(own_stance_contrasts(text, toks, found))
        return con in own

    norms, sents = toks_.norms, toks_.sents
    # (axis, pole) of every pole hit, parsed once per text, not once per contrast.
    axis_poles = [c.pole_of[h.label] for h in pole_hits]
    firsts = [h.first for h in pole_hits]  # ascending: hits come in token order
    for con in found:
        lo, hi = min(con.left[0], con.right[0]), max(con.left[1], con.right[1])
        tallies: dict[int, _AxisTally] = {}
        # Both sides lie within [lo, hi): only the pole hits there can count, in order.
        a, b = bisect_left(firsts, lo), bisect_left(firsts, hi)
        for hit, (axis, pole) in zip(pole_hits[a:b], axis_poles[a:b]):
            if con.left[0] <= hit.first < con.left[1]:
                side = "left"
            elif con.right[0] <= hit.first < con.right[1]:
                side = "right"
            else:
                continue
            if axis in c.stance_only and not is_own(con):
                continue
            tally = tallies.setdefault(axis, _AxisTally())
            tally.counts[side][pole] += 1
            tally.hits += 1
            tally.sides.add((side, pole))
            tally.evidence.append(_evidence(text, toks, hit.first, hit.last))
        for axis, tally in tallies.items():
            tally.settle(c.dominant.get(axis))
            if not tally.opposes():
                continue
            intens = sum(map(c.intensifiers.__contains__, norms[lo:hi]))
            intensity = 0.4 + 0.1 * min(4, tally.hits - 2) + 0.1 * min(3, intens)
            if con.landing == "none":
                intensity += 0.1
            if is_own(con):
                intensity += 0.1
            m0, m1 = con.marker_span
            by_axis.setdefault(axis, []).append(
                (tally.position(con.landing), intensity,
                 [*tally.evidence, Evidence(m0, m1, text[m0:m1])]))
            covered.update((axis, sent) for sent in set(sents[lo:hi]))

    # Both poles in one sentence with tension language but no marker: a quieter tension.
    # (only sentences with tension language can hold one: most reflections have none)
    per_sentence: dict[tuple[int, int], list[tuple[Hit, int]]] = {}
    if cue_sentences:
        for hit, (axis, pole) in zip(pole_hits, axis_poles):
            sent = sents[hit.first]
            if sent in cue_sentences:
                per_sentence.setdefault((axis, sent), []).append((hit, pole))
    for (axis, sent), hits in per_sentence.items():
        if (axis, sent) in covered or sent not in cue_sentences:
            continue
        score = [0.0, 0.0]
        for _, pole in hits:
            score[pole] += 1.0
        if not (score[0] and score[1]):
            continue
        by_axis.setdefault(axis, []).append(
            ((score[1] - score[0]) / (score[0] + score[1]), 0.25 + 0.05 * min(3, len(hits) - 2),
             [_evidence(text, toks, h.first, h.last) for h, _ in hits]))

    tensions: list[Tension] = []
    for axis, sightings in by_axis.items():
        a, b = c.axes[axis]
        total_w = sum(w for _, w, _ in sightings)
        position = sum(p * w for p, w, _ in sightings) / total_w
        intensity = max(w for _, w, _ in sightings)
        unique: dict[Evidence, None] = {}
        for _, _, ev in sightings:
            unique.update(dict.fromkeys(ev))
        evidence = sorted(unique, key=lambda e: e.start)
        tensions.append(Tension(a, b, round(max(-1.0, min(1.0, position)), 3),
                                round(max(0.0, min(1.0, intensity)), 3), tuple(evidence)))
    tensions.sort(key=lambda t: (-t.intensity, t.axis_a))
    return tensions


def _parse_pole(label: str) -> tuple[int, int]:
    """A pole lexicon's label "k:p" as (axis index k, pole p)."""
    axis, pole = label.split(":")
    return int(axis), int(pole)

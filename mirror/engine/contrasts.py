"""Contrast structures in the writing: "X but Y", "However, Y" (X = the sentence before),
"Although X, Y", "On one hand X ... on the other hand Y".

Both the pattern detector (whose contrasts are the writer's own stance) and the tension
finder (which contrasts land on a template axis) read contrasts, so they live here, below
both, and neither has to reach into the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from mirror import constitution
from mirror.engine.lexicon import Hit, PhraseMatcher, strings
from mirror.engine.tokenize import Token, as_tokens, clause_break_between, phrase_tokens, tokenize
from mirror.tuples import NamedTuple


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span [start, end) of the reflection and the text written there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Contrast:
    """Two sides of a contrast, as token ranges [first, last) in text order.
    `landing` is the side the writer lands on ('left', 'right' or 'none')."""

    marker: str
    marker_span: tuple[int, int]
    left: tuple[int, int]
    right: tuple[int, int]
    landing: str


class _Markers(NamedTuple):
    markers: PhraseMatcher
    clause_initial: frozenset[tuple[str, ...]]


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    cm = constitution.invariants()["contrast_markers"]
    return _Markers(
        markers=PhraseMatcher.from_lexicons(
            {k: strings(cm[k])
             for k in ("paired_open", "paired_close", "coordinating", "subordinating")}),
        clause_initial=frozenset(phrase_tokens(p) for p in strings(cm["clause_initial_only"])),
    )


def _sentence_bounds(tokens: Sequence[Token]) -> dict[int, tuple[int, int]]:
    """Sentence -> token range [first, last); computed once per text and shared."""
    return as_tokens(tokens).sentence_bounds()


def _clause_initial(text: str, tokens: Sequence[Token], i: int, sent_start: int) -> bool:
    return i == sent_start or clause_break_between(text, tokens[i - 1], tokens[i])


def find_contrasts(text: str, tokens: Sequence[Token] | None = None) -> list[Contrast]:
    """Every contrast structure in the text, in order."""
    toks = tokenize(text) if tokens is None else tokens
    c = _markers()
    hits = c.markers.find(toks)
    if not hits:
        return []
    bounds = _sentence_bounds(toks)
    sentences = sorted(bounds)
    order = {s: k for k, s in enumerate(sentences)}
    contrasts: list[Contrast] = []
    claimed: list[tuple[int, int]] = []

    def prev_sentence(sent: int) -> tuple[int, int] | None:
        pos = order[sent]
        return bounds[sentences[pos - 1]] if pos > 0 else None

    def add(hit: Hit, left: tuple[int, int], right: tuple[int, int], landing: str) -> None:
        if left[1] > left[0] and right[1] > right[0]:
            span = (toks[hit.first].start, toks[hit.last - 1].end)
            contrasts.append(Contrast(hit.phrase, span, left, right, landing))

    # Paired structures first; the words between them belong to the pair.
    closes = [h for h in hits if h.label == "paired_close"]
    for open_hit in (h for h in hits if h.label == "paired_open"):
        close = next((h for h in closes if h.first >= open_hit.last
                      and toks[h.first].sent - toks[open_hit.first].sent <= 3), None)
        if close is None:
            continue
        closes.remove(close)
        end = bounds[toks[close.first].sent][1]
        add(close, (open_hit.last, close.first), (close.last, end), "none")
        claimed.append((open_hit.first, end))

    joins = [h for h in hits if h.label in ("coordinating", "subordinating")]
    for n, hit in enumerate(joins):
        if any(a <= hit.first < b for a, b in claimed):
            continue
        sent = toks[hit.first].sent
        s_start, s_end = bounds[sent]
        words = tuple(t.norm for t in toks[hit.first : hit.last])
        if words in c.clause_initial and not _clause_initial(text, toks, hit.first, s_start):
            continue
        # The right side stops at the next marker in the same sentence ("X but Y but Z").
        nxt = s_end
        for later in joins[n + 1 :]:
            if toks[later.first].sent != sent:
                break
            if later.first >= hit.last:
                nxt = later.first
                break
        if hit.label == "coordinating":
            if hit.first == s_start:
                prev = prev_sentence(sent)
                if prev is not None:
                    add(hit, prev, (hit.last, nxt), "right")
            else:
                add(hit, (s_start, hit.first), (hit.last, nxt), "right")
        elif hit.first == s_start:
            brk = next((k for k in range(hit.last + 1, s_end)
                        if clause_break_between(text, toks[k - 1], toks[k])), None)
            if brk is not None:
                add(hit, (hit.last, brk), (brk, s_end), "right")
        else:
            add(hit, (s_start, hit.first), (hit.last, nxt), "left")
    contrasts.sort(key=lambda x: x.marker_span)
    return contrasts

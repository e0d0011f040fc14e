"""Recurring patterns in a reflection: obligation language, absolute thinking, internal
tension, self-judgment, past reference, future anxiety (and whatever else
`invariants.yaml` lists under `patterns`).

Two decisions shape what counts, because a mirror that misreads the writer's stance is
worse than one that misses a word:

- **Negation.** For patterns marked `negatable`, a term right after a negation word, with
  only "bridge" words in between and no punctuation ("I don't have to", "I'm not really
  worried", "I no longer need to"), is *not* counted: the writer is saying the opposite.
  Past reference is not negatable: "I don't remember" still reaches back in time.
- **Quotation.** Text inside quotation marks is someone else's voice unless a first-person
  word ("I", "myself", ...) sits just before or after it in the same sentence ("I told
  myself 'I must be perfect'" counts; "my boss said 'you must work harder'" does not).
  Another person's obligation is not the writer's obligation language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from mirror import constitution
from mirror.engine.lexicon import PhraseMatcher, strings
from mirror.engine.tokenize import (
    Token,
    clause_break_between,
    quoted_spans,
    tokenize,
    tokens_in_spans,
)

_MAX_BRIDGE = 3
TENSION_PATTERN = "internal_tension"


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One occurrence of a pattern: its name, the evidence span [start, end) in the
    reflection, and the text found there as written."""

    name: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Compiled:
    matcher: PhraseMatcher
    negatable: frozenset[str]
    labels: dict[str, str]
    negators: frozenset[str]
    bridges: frozenset[str]
    self_markers: frozenset[str]
    window: int


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    inv = constitution.invariants()
    patterns: dict = inv["patterns"]
    quotation = inv["quotation"]
    return _Compiled(
        matcher=PhraseMatcher.from_lexicons({n: strings(p["terms"]) for n, p in patterns.items()}),
        negatable=frozenset(n for n, p in patterns.items() if p.get("negatable")),
        labels={n: str(p.get("label", n)) for n, p in patterns.items()},
        negators=frozenset(strings(inv["negation"]["negators"])),
        bridges=frozenset(strings(inv["negation"]["bridge_words"])),
        self_markers=frozenset(strings(quotation["self_markers"])),
        window=int(quotation["window"]),
    )


def pattern_label(name: str) -> str:
    """The human name of a pattern ("obligation" -> "obligation language")."""
    return _compiled().labels.get(name, name.replace("_", " "))


def pattern_names() -> tuple[str, ...]:
    """Every pattern the constitution defines, in its order."""
    return tuple(_compiled().labels)


def is_negated(text: str, tokens: Sequence[Token], first: int) -> bool:
    """True when a negation governs the token at `first` (see module docstring)."""
    c = _compiled()
    j = first - 1
    steps = 0
    while j >= 0 and steps <= _MAX_BRIDGE:
        tok = tokens[j]
        if tok.sent != tokens[first].sent or clause_break_between(text, tok, tokens[j + 1]):
            return False
        if tok.norm in c.negators or tok.norm.endswith("n't"):
            return True
        if tok.norm not in c.bridges:
            return False
        j -= 1
        steps += 1
    return False


def others_quoted(text: str, tokens: Sequence[Token]) -> list[bool]:
    """Per token: True when it sits inside a quotation attributed to someone else."""
    spans = quoted_spans(text)
    if not spans:
        return [False] * len(tokens)
    c = _compiled()
    owner = tokens_in_spans(tuple(tokens), spans)
    bounds: dict[int, tuple[int, int]] = {}
    for i, o in enumerate(owner):
        if o != -1:
            bounds[o] = (bounds[o][0], i) if o in bounds else (i, i)
    foreign: set[int] = set()
    previous_last = -1
    for span_index, (first, last) in sorted(bounds.items()):
        # The lead-in ("my boss said", "I told myself") decides; only a quote that opens
        # its sentence looks at what follows ("'Keep going,' I said").
        lead = tokens[max(previous_last + 1, first - c.window) : first]
        voice = [t.norm for t in lead if t.sent == tokens[first].sent]
        if not voice:
            tail = tokens[last + 1 : last + 1 + c.window]
            voice = [t.norm for t in tail if t.sent == tokens[last].sent]
        if not c.self_markers.intersection(voice):
            foreign.add(span_index)
        previous_last = last
    return [o in foreign for o in owner]


def tension_cue_sentences(text: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Sentences holding internal-tension language (used by the tension finder)."""
    return frozenset(
        tokens[hit.first].sent
        for hit in _compiled().matcher.find(tokens)
        if hit.label == TENSION_PATTERN and not is_negated(text, tokens, hit.first)
    )


def detect_patterns(text: str, tokens: Sequence[Token] | None = None) -> list[PatternMatch]:
    """Every counted pattern occurrence in `text`, in order of appearance."""
    toks = tokenize(text) if tokens is None else tokens
    c = _compiled()
    hits = c.matcher.find(toks)
    if not hits:
        return []
    foreign = others_quoted(text, toks)
    found: list[PatternMatch] = []
    for hit in hits:
        if foreign[hit.first]:
            continue
        if hit.label in c.negatable and is_negated(text, toks, hit.first):
            continue
        start, end = toks[hit.first].start, toks[hit.last - 1].end
        found.append(PatternMatch(hit.label, start, end, text[start:end]))
    found.sort(key=lambda m: (m.start, m.name))
    return found

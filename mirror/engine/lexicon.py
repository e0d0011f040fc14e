"""Phrase matching over tokens: the one matcher behind patterns, tensions, care and checks.

Lexicons come from `constitution/invariants.yaml` as lists of words and phrases. They are
compiled once per process into an index keyed by first word, so matching a reflection is a
single pass with one dict lookup per token, whatever the size of the lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from mirror.engine.tokenize import Token, as_tokens, phrase_tokens

WILDCARD = "*"


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found at tokens [first, last) with the label of its lexicon."""

    label: str
    first: int
    last: int
    phrase: str


class PhraseMatcher:
    """Leftmost-longest matching of many labelled phrases over a token sequence.

    Per label, matches do not overlap; matches of different labels may. A phrase never
    spans two sentences.
    """

    __slots__ = ("_index", "labels", "_exclusive")

    def __init__(self, entries: Iterable[tuple[str, str]], *, exclusive: bool = False) -> None:
        """`exclusive`: matches of different labels may not overlap either (the longest
        wins), e.g. "let go of control" is one surrender phrase, not also "control"."""
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        labels: list[str] = []
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for label, phrase in entries:
            if not isinstance(phrase, str):
                raise ValueError(f"lexicon entry for {label!r} is not text: {phrase!r}")
            words = phrase_tokens(phrase)
            if not words or words[0] == WILDCARD or (label, words) in seen:
                continue
            seen.add((label, words))
            if label not in labels:
                labels.append(label)
            index.setdefault(words[0], []).append((words, label, phrase))
        for candidates in index.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self._index = index
        self.labels = tuple(labels)
        self._exclusive = exclusive

    @classmethod
    def from_lexicons(
        cls, lexicons: dict[str, Sequence[str]], *, exclusive: bool = False
    ) -> "PhraseMatcher":
        return cls(
            ((label, phrase) for label, phrases in lexicons.items() for phrase in phrases),
            exclusive=exclusive,
        )

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        toks = as_tokens(tokens)
        norms, sents = toks.norms, toks.sents
        index = self._index
        hits: list[Hit] = []
        positions = [i for i, w in enumerate(norms) if w in index]
        if not positions:
            return hits
        n = len(norms)
        busy_until: dict[str, int] = {}
        exclusive = self._exclusive
        for i in positions:
            sent = sents[i]
            for words, label, phrase in index[norms[i]]:
                key = "" if exclusive else label
                if busy_until.get(key, 0) > i:
                    continue
                length = len(words)
                if length > 1:
                    end = i + length
                    if end > n or sents[end - 1] != sent:
                        continue
                    second = words[1]
                    if second != norms[i + 1] and second != WILDCARD:
                        continue
                    if length > 2 and not all(w == WILDCARD or w == norms[i + k]
                                              for k, w in enumerate(words[2:], 2)):
                        continue
                hits.append(Hit(label, i, i + length, phrase))
                busy_until[key] = i + length
        return hits


def strings(value: object) -> list[str]:
    """A lexicon list from the YAML, refusing anything that is not text (a bare `no` in
    YAML is a boolean, a classic trap)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a list of words/phrases, got {value!r}")
    return value

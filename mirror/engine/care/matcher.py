"""Matching care patterns over a sentence's words, without regular expressions.

A rule file holds thousands of patterns, and classes of words are shared among many of
them. Compiled to regular expressions they cost seconds to build in every process; as the
small structures here they cost milliseconds, and matching starts only at words an index
says a pattern can begin with (see `detect.py`).

A pattern is a tuple of `Element`s. An element is a set of alternatives, each one word
(kept in sets for one look-up) or a sequence of words; or a gap of up to N words that
never crosses a clause mark. Matching is shortest-first with backtracking; patterns are a
few elements long, so this is cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field

CLAUSE = ","


@dataclass(frozen=True, slots=True)
class Atom:
    """One word test. kinds: word (lemma or written form), surface (written form only),
    prefix, suffix, contains (on either form), regex (full match of the written form),
    clause (the mark between two clauses: `,` in a pattern)."""

    kind: str
    value: str
    lemma: str = ""
    rx: re.Pattern[str] | None = None

    def test(self, norm: str, lemma: str) -> bool:
        kind, v = self.kind, self.value
        if kind == "clause":
            return norm == CLAUSE
        if norm == CLAUSE:
            return False
        if kind == "word":
            return norm == v or lemma == v or lemma == self.lemma
        if kind == "surface":
            return norm == v
        if kind == "prefix":
            return norm.startswith(v) or lemma.startswith(v)
        if kind == "suffix":
            return norm.endswith(v) or lemma.endswith(v)
        if kind == "contains":
            return v in norm or v in lemma
        return self.rx is not None and self.rx.fullmatch(norm) is not None


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a pattern: `gap` >= 0 for a gap; else alternatives. One-word
    alternatives that are plain words live in `lemmas`/`surfaces` for a set look-up;
    several-word alternatives are filed under their first word (`by_first`) so only the
    few that can start at a word are tried."""

    gap: int = -1
    optional: bool = False
    lemmas: frozenset[str] = frozenset()
    surfaces: frozenset[str] = frozenset()
    affixes: tuple[Atom, ...] = ()
    sequences: tuple[tuple[Atom, ...], ...] = ()
    by_first: dict[str, tuple[tuple[Atom, ...], ...]] = field(default_factory=dict)
    loose: tuple[tuple[Atom, ...], ...] = ()
    #: Every word that can begin a match of this element (written form or lemma), and
    #: whether it also has tests no word list can answer (affixes): see `may_match`.
    keys: frozenset[str] = frozenset()
    open: bool = False

    @staticmethod
    def of(optional: bool, lemmas: frozenset[str], surfaces: frozenset[str],
           affixes: tuple[Atom, ...], sequences: tuple[tuple[Atom, ...], ...]) -> Element:
        by_first: dict[str, list[tuple[Atom, ...]]] = {}
        loose: list[tuple[Atom, ...]] = []
        for seq in sequences:
            head = seq[0]
            if head.kind == "word":
                for key in {head.value, head.lemma}:
                    by_first.setdefault(key, []).append(seq)
            elif head.kind == "surface":
                by_first.setdefault(head.value, []).append(seq)
            else:
                loose.append(seq)
        return Element(optional=optional, lemmas=lemmas, surfaces=surfaces, affixes=affixes,
                       sequences=sequences, by_first={k: tuple(v) for k, v in by_first.items()},
                       loose=tuple(loose), keys=lemmas | surfaces | frozenset(by_first),
                       open=bool(affixes or loose))

    def ends(self, norms: Sequence[str], lemmas: Sequence[str], pos: int) -> list[int]:
        """Every position where this element, starting at word `pos`, can end."""
        n = len(norms)
        if pos >= n:
            return []
        norm, lemma = norms[pos], lemmas[pos]
        if norm == CLAUSE:
            return [pos + 1] if any(a.kind == "clause" for a in self.affixes) else []
        out: list[int] = []
        if lemma in self.lemmas or norm in self.surfaces or (
                self.affixes and any(a.test(norm, lemma) for a in self.affixes)):
            out.append(pos + 1)
        if self.sequences:
            seqs = self.by_first.get(norm, ())
            if lemma != norm:
                seqs = seqs + self.by_first.get(lemma, ())
            for seq in seqs + self.loose:
                end = pos + len(seq)
                if end <= n and all(a.test(norms[pos + k], lemmas[pos + k]) for k, a in enumerate(seq)):
                    out.append(end)
        return sorted(set(out)) if len(out) > 1 else out


Pattern = tuple[Element, ...]


def match(pattern: Pattern, norms: Sequence[str], lemmas: Sequence[str], start: int) -> int:
    """The end of the shortest match of `pattern` beginning at word `start`, or -1."""
    return _match(pattern, 0, norms, lemmas, start)


def _match(pattern: Pattern, i: int, norms: Sequence[str], lemmas: Sequence[str], pos: int) -> int:
    if i == len(pattern):
        return pos
    el = pattern[i]
    if el.gap >= 0:
        for skip in range(el.gap + 1):
            p = pos + skip
            if skip and (p > len(norms) or norms[p - 1] == CLAUSE):
                break
            end = _match(pattern, i + 1, norms, lemmas, p)
            if end >= 0:
                return end
        return -1
    for end in el.ends(norms, lemmas, pos):
        found = _match(pattern, i + 1, norms, lemmas, end)
        if found >= 0:
            return found
    if el.optional:
        return _match(pattern, i + 1, norms, lemmas, pos)
    return -1


_HEADS: dict[int, tuple[Pattern, frozenset[str] | None, tuple[Atom, ...]]] = {}


def _heads(pattern: Pattern) -> tuple[frozenset[str] | None, tuple[Atom, ...]]:
    """The words a match can begin with (None: anywhere) and the atoms to test besides,
    computed once per pattern: context lists are tried at every word of a sentence."""
    cached = _HEADS.get(id(pattern))
    if cached is not None and cached[0] is pattern:
        return cached[1], cached[2]
    keys: set[str] | None = set()
    tests: list[Atom] = []
    for el in pattern:
        if el.gap >= 0 or keys is None:
            keys = None
            break
        keys |= el.lemmas | el.surfaces | set(el.by_first)
        tests += list(el.affixes) + [seq[0] for seq in el.loose]
        if not el.optional:
            break
    else:
        keys = None  # every element optional: can begin anywhere
    result = (frozenset(keys) if keys is not None else None, tuple(tests))
    _HEADS[id(pattern)] = (pattern, *result)
    return result


def required_words(pattern: Pattern) -> tuple[frozenset[str], ...]:
    """For each element every match needs (not a gap, not optional) and that a word list
    can answer (no affix tests), the words that can begin it, written or lemma. A sentence
    holding no word of one of these sets cannot match the pattern: most rules an index
    proposes for a sentence fail this way, and one set test per element is far cheaper
    than trying the rule at each of its starting words."""
    out: list[frozenset[str]] = []
    for el in pattern:
        if el.gap < 0 and not el.optional and not el.open:
            out.append(el.keys)
            out += _phrase_words(el)
    return tuple(dict.fromkeys(out))


def _atom_words(atom: Atom) -> frozenset[str] | None:
    """The words (written or lemma) one atom can match, or None when it is no plain word."""
    if atom.kind == "word":
        return frozenset((atom.value, atom.lemma))
    if atom.kind == "surface":
        return frozenset((atom.value,))
    return None


def _phrase_words(el: Element) -> list[frozenset[str]]:
    """More word sets an element needs when it has phrases ("i love you all"): every word
    of a phrase must be in the sentence, not only its first, so for each k the k-th word of
    every phrase (or another of its words when that one is no plain word), with the
    one-word alternatives, is a set one of whose words a match needs."""
    if not el.sequences:
        return []
    single = el.lemmas | el.surfaces
    out: list[frozenset[str]] = []
    for k in range(1, max(len(seq) for seq in el.sequences)):
        words = set(single)
        for seq in el.sequences:
            found = _atom_words(seq[min(k, len(seq) - 1)])
            if found is None:
                found = next(w for w in map(_atom_words, seq) if w is not None)
            words |= found
        out.append(frozenset(words))
    return out


_REQUIRED: dict[int, tuple[Pattern, tuple[frozenset[str], ...]]] = {}


def may_match(pattern: Pattern, present: Set[str]) -> bool:
    """False when `pattern` cannot match in a sentence whose written forms and lemmas are
    `present` (see `required_words`); never False for a pattern `match` would accept."""
    cached = _REQUIRED.get(id(pattern))
    if cached is None or cached[0] is not pattern:
        cached = _REQUIRED[id(pattern)] = (pattern, required_words(pattern))
    for words in cached[1]:
        if words.isdisjoint(present):
            return False
    return True


#: id(pattern tuple) -> (the tuple, each pattern's required word sets, and the words of
#: each one's first set together: None when a pattern requires no word): see `may_match_any`.
_REQUIRED_ANY: dict[int, tuple[Sequence[Pattern], tuple[tuple[frozenset[str], ...], ...],
                               frozenset[str] | None]] = {}


def _required_any(patterns: Sequence[Pattern]) -> tuple[Sequence[Pattern], tuple[tuple[frozenset[str], ...], ...],
                                                         frozenset[str] | None]:
    cached = _REQUIRED_ANY.get(id(patterns))
    if cached is None or cached[0] is not patterns:
        every = tuple(required_words(p) for p in patterns)
        first = None if any(not needs for needs in every) else frozenset().union(
            *[needs[0] for needs in every])
        cached = _REQUIRED_ANY[id(patterns)] = (patterns, every, first)
    return cached


def first_words(patterns: Sequence[Pattern]) -> frozenset[str] | None:
    """Words one of which (written or lemma) a sentence must hold for `may_match_any` to
    say True of these patterns; None when a pattern requires no word."""
    return _required_any(patterns)[2]


#: (id(pattern list), the places of those kept) -> (the list, the patterns kept): see
#: `possible_patterns` (short lists only: at most 2 ** `_SUBSET_MOST` subsets a list).
_SUBSETS: dict[tuple[int, tuple[int, ...]], tuple[Sequence[Pattern], Sequence[Pattern]]] = {}
_SUBSET_MOST = 8


def possible_patterns(patterns: Sequence[Pattern], present: Set[str]) -> Sequence[Pattern]:
    """The patterns of a short list that `may_match` in a text whose written forms and
    lemmas are `present` (an entry's), in their order: in any sentence of that text, their
    `spans` are those of the whole list, and an empty list means `may_match_any` is False.
    The same subset of a list is always the same list object (kept for the process: a
    sentence keeps its spans by the list's identity); the list itself when all are kept,
    or when it is too long to keep its subsets."""
    if len(patterns) > _SUBSET_MOST:
        return patterns
    _, every, first = _required_any(patterns)
    if first is not None and first.isdisjoint(present):
        return ()  # no pattern's first required set has a word here (as `may_match_any`)
    kept: list[int] = []
    for i, needs in enumerate(every):
        for words in needs:
            if words.isdisjoint(present):
                break
        else:
            kept.append(i)
    keep = tuple(kept)
    if len(keep) == len(patterns):
        return patterns
    key = (id(patterns), keep)
    cached = _SUBSETS.get(key)
    if cached is None or cached[0] is not patterns:
        cached = _SUBSETS[key] = (patterns, tuple(patterns[i] for i in keep))
    return cached[1]


def may_match_any(patterns: Sequence[Pattern], present: Set[str]) -> bool:
    """`any(may_match(p, present) for p in patterns)`, with the patterns' required word
    sets looked up once per list (a cue's patterns are asked about in every sentence of
    every entry that may hold the cue)."""
    cached = _required_any(patterns)
    if cached[2] is not None and cached[2].isdisjoint(present):
        return False  # no pattern's first required set has a word here: one test in C
    for needs in cached[1]:
        for words in needs:
            if words.isdisjoint(present):
                break
        else:
            return True
    return False


#: id(pattern list) -> (the list, its plan): see `_plan`.
_PLANS: dict[int, tuple[Sequence[Pattern], _Plan]] = {}
#: One pattern of a context list, ready to try: its required word sets (`required_words`),
#: the words a match can begin with (None: anywhere), the atoms to test besides, and what
#: those atoms said of each (written form, lemma) asked about (see `_starts`).
_Step = tuple[Pattern, tuple[frozenset[str], ...], frozenset[str] | None, tuple[Atom, ...],
              dict[tuple[str, str], bool]]
#: A context list's steps; for a long list, each word -> the steps (by position) whose
#: smallest required word set holds it, and the steps that require no word; and the words
#: of every step's first required word set together (None when a step requires no word:
#: a sentence holding none of them matches none of the list; see `spans`).
_Plan = tuple[tuple[_Step, ...], dict[str, tuple[int, ...]] | None, tuple[int, ...], frozenset[str] | None]
#: Lists longer than this are tried through their word index (`_Plan`).
_INDEXED = 8
#: Words whose atom tests one step remembers before it forgets them all.
_TESTED_LIMIT = 50_000


def _plan(patterns: Sequence[Pattern]) -> _Plan:
    """What `spans` needs of each pattern of a context list, computed once per list
    (context lists are tried in every sentence a signal is found in, and were looked up
    pattern by pattern in two memos each time). A long list (a language's figures of
    speech: a hundred patterns) is also indexed by a word each pattern requires, so a
    sentence tries only the few whose word it holds."""
    cached = _PLANS.get(id(patterns))
    if cached is not None and cached[0] is patterns:
        return cached[1]
    steps: list[_Step] = []
    for p in patterns:
        keys, tests = _heads(p)
        steps.append((p, required_words(p), keys, tests, {}))
    by_word: dict[str, list[int]] | None = None
    always: list[int] = []
    if len(steps) > _INDEXED:
        by_word = {}
        for i, step in enumerate(steps):
            if not step[1]:
                always.append(i)
                continue
            for word in min(step[1], key=len):
                by_word.setdefault(word, []).append(i)
    first = None if any(not step[1] for step in steps) else frozenset().union(*[step[1][0] for step in steps])
    plan = (tuple(steps), None if by_word is None else {w: tuple(v) for w, v in by_word.items()},
            tuple(always), first)
    _PLANS[id(patterns)] = (patterns, plan)
    return plan


def _starts(step: _Step, norms: Sequence[str], lemmas: Sequence[str]) -> Sequence[int]:
    """The words of a sentence a match of `step`'s pattern can begin at. Affix and regex
    tests are pure functions of a word and its lemma, so their answers are kept per step:
    a journal's entries share most of their words."""
    _, _, keys, tests, tested = step
    if keys is None:
        return range(len(norms))
    if not tests:
        return [i for i, norm in enumerate(norms) if norm in keys or lemmas[i] in keys]
    out: list[int] = []
    for i, norm in enumerate(norms):
        lemma = lemmas[i]
        if norm in keys or lemma in keys:
            out.append(i)
            continue
        pair = (norm, lemma)
        ok = tested.get(pair)
        if ok is None:
            if len(tested) > _TESTED_LIMIT:
                tested.clear()
            ok = tested[pair] = any(a.test(norm, lemma) for a in tests)
        if ok:
            out.append(i)
    return out


def spans(patterns: Sequence[Pattern], norms: Sequence[str], lemmas: Sequence[str],
          present: Set[str] | None = None) -> list[tuple[int, int]]:
    """[first, last) of every match of any of `patterns`, at every starting word.
    `present`: the sentence's written forms and lemmas, when the caller has them."""
    if present is None:
        present = set(norms).union(lemmas)
    cached = _PLANS.get(id(patterns))
    plan = cached[1] if cached is not None and cached[0] is patterns else _plan(patterns)
    steps, by_word, always, first = plan
    if first is not None and first.isdisjoint(present):
        return []  # no step's first required word is here: none can match (one test in C)
    out: list[tuple[int, int]] = []
    if by_word is not None:
        # Only the patterns whose indexed required word is in the sentence can match.
        chosen = set(always)
        # The sentence's words the index holds, found in C (a view's intersection walks
        # the smaller of the two): most of a sentence's words begin no pattern of the list.
        for word in by_word.keys() & present:
            chosen.update(by_word[word])
        tried: Iterable[_Step] = [steps[i] for i in sorted(chosen)]
    else:
        tried = steps
    for step in tried:
        p, needs, keys, tests, _ = step
        for words in needs:
            if words.isdisjoint(present):
                break  # a word every match needs is missing (as `may_match` says)
        else:
            if keys is not None and not tests and keys.isdisjoint(present):
                continue  # no word of the sentence can begin a match
            for start in _starts(step, norms, lemmas):
                end = match(p, norms, lemmas, start)
                if end > start:
                    out.append((start, end))
    out.sort()
    return out


def first_atoms(pattern: Pattern) -> list[Atom] | None:
    """The atoms a match can begin with (None when a pattern can begin anywhere)."""
    atoms: list[Atom] = []
    for el in pattern:
        if el.gap >= 0:
            continue
        atoms += [Atom("word", w, w) for w in el.lemmas]
        atoms += [Atom("surface", w) for w in el.surfaces]
        atoms += list(el.affixes)
        atoms += [seq[0] for seq in el.sequences if seq]
        if not el.optional:
            return atoms
    return None

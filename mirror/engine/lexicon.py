"""Phrase matching over tokens: the one matcher behind patterns, tensions, care and checks.

Lexicons come from `constitution/invariants.yaml` as lists of words and phrases. They are
compiled once per process into an index keyed by first word, so matching a reflection is a
single pass with one dict lookup per token, whatever the size of the lexicons.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Iterable, Sequence
from functools import cache, partial
from itertools import compress
from pathlib import Path

from mirror import constitution
from mirror.engine import tokenize
from mirror.engine.tokenize import Token, as_tokens, phrase_tokens
from mirror.fileio import write_private
from mirror.hashing import sha256_hex
from mirror.tuples import NamedTuple

WILDCARD = "*"


class Hit(NamedTuple):
    """A phrase found at tokens [first, last) with the label of its lexicon.

    A NamedTuple rather than a frozen dataclass: matchers create dozens per reflection,
    and a frozen dataclass's `__init__` (one `object.__setattr__` per field) costs about
    four times as much. Equality and hashing are by value either way."""

    label: str
    first: int
    last: int
    phrase: str


_new_hit = partial(tuple.__new__, Hit)

# (length, words, label, phrase, busy key): one phrase as `PhraseMatcher.find` walks it.
_Candidate = tuple[int, tuple[str, ...], str, str, str]
_Candidates = tuple[_Candidate, ...]


class PhraseMatcher:
    """Leftmost-longest matching of many labelled phrases over a token sequence.

    Per label, matches do not overlap; matches of different labels may. A phrase never
    spans two sentences.
    """

    __slots__ = ("_index", "labels", "_exclusive")

    def __init__(self, entries: Iterable[tuple[str, str]], *, exclusive: bool = False) -> None:
        """`exclusive`: matches of different labels may not overlap either (the longest
        wins), e.g. "let go of control" is one surrender phrase, not also "control".
        The index is kept in the journal's cache folder, named by a hash of the entries
        and of the code that builds it (see `_kept_index`)."""
        entries = tuple(entries)
        kept = _kept_index(entries, exclusive)
        if kept is None:
            kept = _build(entries, exclusive)
            _keep_index(entries, exclusive, kept)
        self._index, self.labels = kept
        self._exclusive = exclusive

    @classmethod
    def from_lexicons(
        cls, lexicons: dict[str, Sequence[str]], *, exclusive: bool = False
    ) -> PhraseMatcher:
        return cls(
            ((label, phrase) for label, phrases in lexicons.items() for phrase in phrases),
            exclusive=exclusive,
        )

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        """Every hit, in token order (leftmost-longest, see the class docstring).

        This runs about five times per analysis, so the candidate scan is one C-level
        pass (`compress` over `dict.__contains__`), only candidates that agree with the
        next word are tried, and the per-candidate work is tuple unpacking and compares."""
        toks = as_tokens(tokens)
        norms = toks.norms
        index = self._index
        hits: list[Hit] = []
        positions = list(compress(range(len(norms)), map(index.__contains__, norms)))
        if not positions:
            return hits
        sents = toks.sents
        n = len(norms)
        busy_until: dict[str, int] = {}
        busy = busy_until.get
        last = n - 1
        for i in positions:
            by_second, anywhere = index[norms[i]]
            candidates = anywhere
            if by_second and i < last:
                candidates = by_second.get(norms[i + 1], anywhere)
            for length, words, label, phrase, key in candidates:
                if busy(key, 0) > i:
                    continue
                if length > 1:  # words[1] is norms[i + 1] or a wildcard (see __init__)
                    end = i + length
                    if end > n or sents[end - 1] != sents[i]:
                        continue
                    if length > 2 and not all(w == WILDCARD or w == norms[i + k]
                                              for k, w in enumerate(words[2:], 2)):
                        continue
                hits.append(_new_hit((label, i, i + length, phrase)))
                busy_until[key] = i + length
        return hits


# -- the index kept between processes ---------------------------------------------------------
# Building the indexes `reflect` needs (patterns, tensions, checks, the reading's lexicons:
# about a thousand phrases, each tokenised) took ~4-7 ms of every process; reading them back
# takes ~1.5 ms. Like the care index, a kept index is derived data named by what it is
# derived from: the entries, and this module's and the tokenizer's own text (a change to
# how phrases are read makes new names). A missing or unreadable file is rebuilt.

_Index = tuple[dict[str, tuple[dict[str, _Candidates], _Candidates]], tuple[str, ...]]


def _build(entries: tuple[tuple[str, str], ...], exclusive: bool) -> _Index:
    """A matcher's index (see `PhraseMatcher.__init__`) and its labels in order."""
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
    # Per first word: its candidates longest first as (length, words, label, phrase,
    # busy key), precomputed once per process, and split by the second word. Some first
    # words start many phrases ("my ..." has about twenty pole phrases); `find` looks
    # up the next token and walks only the candidates that can still match there (the
    # one-word ones, those with that second word or a wildcard), in the same order.
    built: dict[str, tuple[dict[str, _Candidates], _Candidates]] = {}
    for first, candidates in index.items():
        entries_ = [(len(words), words, label, phrase, "" if exclusive else label)
                    for words, label, phrase in candidates]
        anywhere = tuple(e for e in entries_ if e[0] == 1 or e[1][1] == WILDCARD)
        seconds = {e[1][1] for e in entries_ if e[0] > 1 and e[1][1] != WILDCARD}
        by_second = {
            second: tuple(e for e in entries_
                          if e[0] == 1 or e[1][1] == WILDCARD or e[1][1] == second)
            for second in seconds
        }
        built[first] = (by_second, anywhere)
    return built, tuple(labels)


@cache
def _code_hash() -> str:
    """The builder's identity: this module's and the tokenizer's source text, by their
    digests (remembered by each file's stat: `mirror.file_digests`)."""
    from mirror.file_digests import file_sha256

    digests = []
    for module in (sys.modules[__name__], tokenize):
        try:
            digests.append(file_sha256(constitution.cache_dir(), Path(module.__file__ or "")))
        except OSError:
            return ""  # no source to name the builder by: nothing is kept
    return sha256_hex("\0".join(digests).encode())


def _index_file(entries: tuple[tuple[str, str], ...], exclusive: bool) -> Path | None:
    folder = constitution.cache_dir()
    code = _code_hash()
    if folder is None or not code or not all(
            isinstance(label, str) and isinstance(phrase, str) for label, phrase in entries):
        return None  # a bad entry is reported by building, never looked up
    named = repr((code, sys.version_info[:2], exclusive, entries)).encode("utf-8", "surrogatepass")
    return folder / f"phrases-{sha256_hex(named)[:32]}.marshal"


def _kept_index(entries: tuple[tuple[str, str], ...], exclusive: bool) -> _Index | None:
    path = _index_file(entries, exclusive)
    if path is None:
        return None
    try:
        index, labels = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(index, dict) or not isinstance(labels, tuple):
        return None
    return index, labels


def _keep_index(entries: tuple[tuple[str, str], ...], exclusive: bool, built: _Index) -> None:
    path = _index_file(entries, exclusive)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private(path, marshal.dumps(built))
    except (OSError, ValueError):
        pass  # a cache that cannot be written only costs the next process the build


def strings(value: object) -> list[str]:
    """A lexicon list from the YAML, refusing anything that is not text (a bare `no` in
    YAML is a boolean, a classic trap)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a list of words/phrases, got {value!r}")
    return value

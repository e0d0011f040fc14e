"""The words the care detector reads: normalised, split into sentences and clauses.

Crisis statements arrive in every register a person writes in at their lowest: lowercase
with no punctuation, missing apostrophes ("dont", "im"), stretched words ("sooo done"),
phone spelling without accents ("no quiero vivir mas"), typos ("sucidal"). Every token is
therefore reduced to one matching form that all of these share:

- case-folded, curly apostrophes made straight, Latin letters stripped of accents (Cyrillic
  ё is е; Devanagari vowel signs stay, they are letters there), dotless ı and ł as i and l;
- letters repeated three or more times collapsed, to the form the vocabulary knows;
- contractions and elisions expanded from data ("don't" -> "do not", "j'ai" -> "je ai");
- Arabic letters written several ways are one (أ إ آ are ا, ة is ه, ى is ي; short vowels
  and tatweel dropped), and the Devanagari nukta is dropped (ज़ is ज); an Arabic word
  the rules do not know that is "و" (and) before one they know is that word ("ومابي");
- sentences end at . ! ? … and the CJK, Devanagari and Arabic stops (。！？ । ॥ ؟) or a
  blank line; the Arabic comma and semicolon (، ؛) end a clause;
- Han and kana characters are one token each, so phrases in Chinese and Japanese match
  without a word segmenter (a phrase rule for them is a sequence of characters).

Each token keeps the [start, end) of what was written, so the evidence shown to the person
points at their own words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate, chain

from mirror.lazy_re import kept
from mirror.tuples import NamedTuple

# A word: letters/digits with combining marks and inner apostrophes; or one Han/kana char.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7"
    "\u0a01-\u0a03\u0a3c-\u0a51\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff"
)
_APOS = "'\u2019\u02bc\u2018`\u00b4"


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    """Words, CJK characters, sentence stops and clause marks (compiled on first use: a
    large pattern, and `mirror list` never needs it)."""
    return kept(
        rf"([{_CJK}])"
        rf"|((?:(?![{_CJK}])[^\W_]|[{_MARKS}])(?:(?:(?![{_CJK}])\w|[{_MARKS}])*"
        rf"(?:[{_APOS}](?:(?![{_CJK}])\w|[{_MARKS}])+)*[{_APOS}]?))"
        r"|([.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f\u06d4]+|\n\s*\n)"
        r"|([,;:\u2014\u2013()\[\]\n\u3001\uff0c\uff1b\uff1a\u060c\u061b]|\s-\s)"
    )


@lru_cache(maxsize=1)
def _ascii_token_re() -> re.Pattern[str]:
    """`_token_re` for a text of ASCII characters only, which gives it the same tokens
    (no CJK character or combining mark can be met, so its look-aheads and mark classes
    are dropped, and a letter or digit is one of A-Z, a-z, 0-9; the first group, CJK,
    never matches) about twice as fast."""
    return kept(
        r"(\u3040)"
        rf"|([A-Za-z0-9][A-Za-z0-9_]*(?:[{_APOS}][A-Za-z0-9_]+)*[{_APOS}]?)"
        r"|([.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f\u06d4]+|\n\s*\n)"
        r"|([,;:\u2014\u2013()\[\]\n\u3001\uff0c\uff1b\uff1a\u060c\u061b]|\s-\s)"
    )


@lru_cache(maxsize=1)
def _ascii_split_re() -> re.Pattern[str]:
    """`_ascii_token_re`'s words, stops and clause marks, in that order, as one group for
    `re.split`: the same tokens (alternatives are tried in the same order at each
    character), with the text between them, so their spans are running sums of lengths."""
    return kept(
        rf"([A-Za-z0-9][A-Za-z0-9_]*(?:[{_APOS}][A-Za-z0-9_]+)*[{_APOS}]?"
        r"|[.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f\u06d4]+|\n\s*\n"
        r"|[,;:\u2014\u2013()\[\]\n\u3001\uff0c\uff1b\uff1a\u060c\u061b]|\s-\s)"
    )


#: The characters an ASCII word token begins with (see `_ascii_token_re`).
_ASCII_WORD_HEADS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _ascii_kind(token: str) -> int:
    """Which alternative of `_ascii_token_re` an ASCII token is: 2 word, 3 stop, 4 clause
    (a line break alone is a clause mark; one with a blank line after it, a stop)."""
    head = token[0]
    if head in _ASCII_WORD_HEADS:
        return 2
    if head in ".!?" or (head == "\n" and len(token) > 1):
        return 3
    return 4


_APOS_TABLE = str.maketrans({c: "'" for c in _APOS[1:]})
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                          "æ": "ae", "œ": "oe", "ё": "е", "ß": "ss",
                          # Arabic: the hamza forms of alef are alef, ta marbuta is ha,
                          # alef maqsura is ya, tatweel is dropped (people write "انا"
                          # and "أنا", "حياة" and "حياه" alike).
                          "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي",
                          "ـ": None})
#: The Arabic conjunction "and", written onto the word that follows it.
_AND = "\u0648"

#: Marks dropped in every script: Arabic short vowels, and the Devanagari nukta (ज़ and
#: ज, फ़ and फ are written for one another).
_DROPPED_MARKS = frozenset(map(chr, (*range(0x64B, 0x660), 0x670, 0x93C)))
_RUN_RE = re.compile(r"(\w)\1{2,}")

#: The clause mark that stands between clauses in a sentence's token list.
CLAUSE = ","


class Word(NamedTuple):
    """One matching form, and the characters [start, end) of the text it came from
    (the parts of an expanded contraction share their token's span). A named tuple: an
    entry makes one per word, and a tuple is made three times faster than a frozen
    dataclass."""

    norm: str
    start: int
    end: int


#: `Word((norm, start, end))` without the named tuple's Python-level `__new__`: a text
#: makes one per word.
_new_word = partial(tuple.__new__, Word)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The accent-free, case-free form of a word (also used on the rules' own words)."""
    word = word.casefold().translate(_APOS_TABLE).translate(_SPECIAL)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    kept: list[str] = []
    base_latin = False
    for ch in decomposed:
        if unicodedata.combining(ch):
            if base_latin or ch in _DROPPED_MARKS:
                continue
        else:
            base_latin = ch < "\u0250"
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


@dataclass(frozen=True)
class Normaliser:
    """Data-driven parts of normalisation (constitution/care/normalise.yaml): whole-word
    replacements ("dont" -> "do not"), clitic suffixes ("n't") and elided prefixes ("j'"),
    and the long signal words recognised one typing error away. Which words the rules
    know (to collapse "sooo" to "so" but "killll" to "kill", and to leave known words
    alone) is asked of the index, once per text."""

    whole: Mapping[str, tuple[str, ...]]
    suffixes: Mapping[str, tuple[str, ...]]
    prefixes: Mapping[str, tuple[str, ...]]
    typo_index: Mapping[str, str]
    typo_far: Mapping[str, str] = field(default_factory=dict)
    #: Endings that name a person ("suicidarme" / "suicidarse"): a word that differs from
    #: a signal word only there is another person's form of it, never a typo.
    persons: tuple[str, ...] = ()

    def needs_lookup(self, folded: str) -> list[str]:
        """The words whose being known decides how `folded` normalises."""
        out = [folded]
        if _RUN_RE.search(folded):
            out.append(_RUN_RE.sub(r"\1\1", folded))
        if folded.startswith(_AND) and len(folded) > 3:
            out.append(folded[1:])
        return out

    def words(self, raw: str, known: set[str]) -> list[str]:
        """The matching forms one written token stands for."""
        w = fold(raw)
        if _RUN_RE.search(w):
            two = _RUN_RE.sub(r"\1\1", w)
            w = two if (two in known or two in self.whole) else _RUN_RE.sub(r"\1", w)
        hit = self.whole.get(w)
        if hit is not None:
            return list(hit)
        if "'" in w:
            return self._split_apostrophes(w)
        if w.startswith(_AND) and len(w) > 3 and w not in known and w[1:] in known:
            return [w[1:]]  # Arabic "and" written onto the word: "ومابي" is "و" + "مابي"
        if len(w) >= 5 and w not in known:
            fixed = self._typo(w)
            if fixed is not None:
                return [fixed]
        return [w]

    def _split_apostrophes(self, w: str) -> list[str]:
        w = w.strip("'")
        if not w:
            return []
        hit = self.whole.get(w)
        if hit is not None:
            return list(hit)
        out: list[str] = []
        head, sep, rest = w.partition("'")
        if sep and head + "'" in self.prefixes:
            out.extend(self.prefixes[head + "'"])
            w = rest
        for suffix, replacement in self.suffixes.items():
            if w.endswith(suffix) and len(w) > len(suffix):
                stem = w[: -len(suffix)]
                return out + list(self.whole.get(stem, (stem,))) + list(replacement)
        return out + [part for part in w.split("'") if part]

    def _typo(self, w: str) -> str | None:
        """A misspelling one edit away from a long signal word ("sucidal", "myslef"), or
        two from one of the few key words (`typo_far`: "suicidle") with its first two letters
        as written: "sluice", a word, is two letters from "suicide" too."""
        index = self.typo_index
        hit = index.get(w)
        if hit is not None:
            return None if self._other_person(w, hit) else hit
        for i in range(len(w)):
            hit = index.get(w[:i] + w[i + 1:])
            if hit is not None and hit[0] == w[0]:
                return None if self._other_person(w, hit) else hit
        far = self.typo_far
        if far and len(w) >= 6:
            # The nearest key word wins, whatever order the variants come in: letters left
            # out of the writer's word and of the key word together, then the word itself,
            # so "sucidas" reads as "suicidal" (three letters apart) on every run.
            best: tuple[int, str] | None = None
            for variant in _deletions(w, 2):
                hit = far.get(variant)
                if hit is not None and hit[:2] == w[:2] and abs(len(hit) - len(w)) <= 2:
                    cost = (len(w) - len(variant)) + (len(hit) - len(variant))
                    if best is None or (cost, hit) < best:
                        best = (cost, hit)
            return best[1] if best else None
        return None


    def _other_person(self, w: str, hit: str) -> bool:
        """Whether `w` is `hit` with another person's ending ("suicidarse" for the
        writer's "suicidarme", "uccidersi" for "uccidermi"): a form about someone else."""
        for mine in self.persons:
            if hit.endswith(mine):
                stem = hit[: -len(mine)]
                if w.startswith(stem) and w[len(stem):] in self.persons and w != hit:
                    return True
        return False


def _deletions(word: str, depth: int) -> set[str]:
    """`word` with up to `depth` letters left out (itself included)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def build_normaliser(data: Mapping, typo_words: Iterable[str],
                     far_words: Iterable[str] = ()) -> Normaliser:
    """A `Normaliser` from the parsed normalise.yaml."""

    def table(section: str) -> dict[str, tuple[str, ...]]:
        return {fold(k): tuple(fold(v).split()) for k, v in (data.get(section) or {}).items()}

    index: dict[str, str] = {}
    for word in sorted(set(map(fold, typo_words))):
        if len(word) < 6:
            continue
        index.setdefault(word, word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1:], word)
    suffixes = table("suffixes")
    return Normaliser(
        whole=table("whole"),
        suffixes=dict(sorted(suffixes.items(), key=lambda kv: -len(kv[0]))),
        prefixes=table("prefixes"),
        typo_index=index,
        persons=tuple(sorted({fold(str(e)) for e in data.get("person_endings") or ()}, key=len, reverse=True)),
        typo_far={v: word for word in sorted(set(map(fold, far_words)))
                  for v in sorted(_deletions(word, 2), reverse=True)},
    )


#: Where a long text is best cut, best first: between paragraphs, lines, sentences, words.
_BREAKS = ("\n\n", "\n", ". ", " ")


def pieces(text: str, size: int) -> Iterator[tuple[int, int]]:
    """[start, end) spans that cover `text` in order, none longer than `size` characters,
    each cut at the best break in its second half (`_BREAKS`), or at `size` when there is
    none (a text without spaces)."""
    start, n = 0, len(text)
    while n - start > size:
        end = start + size
        for mark in _BREAKS:
            k = text.rfind(mark, start + size // 2, end)
            if k >= 0:
                end = k + len(mark)
                break
        yield start, end
        start = end
    yield start, n


def sentences(text: str, normaliser: Normaliser,
              known: Callable[[Iterable[str]], set[str]] = lambda words: set(),
              cache: dict[str, list[str]] | None = None) -> list[list[Word]]:
    """The text as sentences of words, with `CLAUSE` words where a clause ends. `known`
    answers, for many words at once, which of them the rules know. `cache` (kept by the
    caller for one `known`, whose answers never change) remembers how each written token
    normalised: most words of an entry were seen in earlier entries, and the index is
    then asked only about new ones."""
    if cache is not None and len(cache) > 200_000:
        # Bounded: a long import's vocabulary, not its every typo. Emptied before this
        # text's words are asked about, so none is read without its answer.
        cache.clear()
    seen = cache if cache is not None else {}
    out: list[list[Word]] = []
    current: list[Word] = []
    if text.isascii():
        return _ascii_sentences(text, normaliser, known, seen, out, current)
    # One pass while every word token was seen before (most of a long run's entries):
    # each is normalised as it comes. From the first new one on, the tokens are kept, the
    # index is asked at once about the new ones, and the rest is read as they were.
    matches = _token_re().finditer(text)
    first_new = None
    for m in matches:
        kind = m.lastindex
        if kind == 2:
            norms = seen.get(m[2])
            if norms is None:
                first_new = m
                break
            start, end = m.span()
            for norm in norms:
                current.append(_new_word((norm, start, end)))
        elif kind == 1:
            start, end = m.span()
            current.append(_new_word((fold(m[1]), start, end)))
        elif kind == 3:
            if current:
                out.append(current)
                current = []
        elif current and current[-1].norm != CLAUSE:
            start, end = m.span()
            current.append(_new_word((CLAUSE, start, end)))
    if first_new is not None:
        rest = chain((first_new,), matches)
        _rest([(m.lastindex or 0, m[m.lastindex or 0], *m.span()) for m in rest],
              normaliser, known, seen, out, current)
    elif current:
        out.append(current)
    return out


def _ascii_sentences(text: str, normaliser: Normaliser, known: Callable[[Iterable[str]], set[str]],
                     seen: dict[str, list[str]], out: list[list[Word]], current: list[Word]) -> list[list[Word]]:
    """`sentences` of an ASCII text: its tokens and the text between them by one
    `re.split` (`_ascii_split_re`), their spans by running sums of the pieces' lengths,
    so no match object is made per token; then read as `sentences` reads them."""
    pieces = _ascii_split_re().split(text)
    tokens = pieces[1::2]
    bounds = list(accumulate(map(len, pieces)))
    starts = bounds[0::2]
    ends = bounds[1::2]
    first_new = -1
    for k, token in enumerate(tokens):
        norms = seen.get(token)  # only words are kept there
        if norms is not None:
            start, end = starts[k], ends[k]
            for norm in norms:
                current.append(_new_word((norm, start, end)))
            continue
        head = token[0]
        if head in _ASCII_WORD_HEADS:
            first_new = k
            break
        if head in ".!?" or (head == "\n" and len(token) > 1):
            if current:
                out.append(current)
                current = []
        elif current and current[-1].norm != CLAUSE:
            current.append(_new_word((CLAUSE, starts[k], ends[k])))
    if first_new >= 0:
        _rest([(_ascii_kind(token), token, starts[k], ends[k])
               for k, token in enumerate(tokens[first_new:], first_new)],
              normaliser, known, seen, out, current)
    elif current:
        out.append(current)
    return out


def _rest(items: list[tuple[int, str, int, int]], normaliser: Normaliser,
          known: Callable[[Iterable[str]], set[str]], seen: dict[str, list[str]],
          out: list[list[Word]], current: list[Word]) -> None:
    """`sentences` from a word token not seen before: the index is asked about the new
    words at once, and the sentences are completed into `out`. `items`: for each token
    from there on, which alternative of the pattern matched (1 CJK, 2 word, 3 stop, 4
    clause), its text and its characters [start, end)."""
    # The words whose being known is still to be asked.
    asked: set[str] = set()
    for kind, value, _, _ in items:
        if kind == 2 and value not in seen:
            asked.update(normaliser.needs_lookup(fold(value)))
    known_words = known(asked) if asked else set()
    for kind, value, start, end in items:
        if kind == 2:
            norms = seen.get(value)
            if norms is None:
                norms = seen[value] = normaliser.words(value, known_words)
            for norm in norms:
                current.append(_new_word((norm, start, end)))
        elif kind == 1:
            current.append(_new_word((fold(value), start, end)))
        elif kind == 3:
            if current:
                out.append(current)
                current = []
        elif current and current[-1].norm != CLAUSE:
            current.append(_new_word((CLAUSE, start, end)))
    if current:
        out.append(current)

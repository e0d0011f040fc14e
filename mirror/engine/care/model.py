"""The care detector's second reader: how close an entry is to the labelled crises, by a
logistic regression over character and word n-grams (`constitution/care/model.json`,
trained by `bench/care_model_train.py`).

Rules name what their writers foresaw; people write crises in words nobody foresaw.
Character n-grams carry across inflections, spellings and scripts, so this reader reaches
part of what the rules miss. It is read here with the standard library only (the weights
are plain numbers), computing exactly what scikit-learn's TfidfVectorizer (sublinear tf,
l2 norm per block) and LogisticRegression computed in training. It never decides alone
for the care response: `detect.assess` lets it add the gentle line, and the care response
only when the rules' own signs reach the gentle line and it reads the entry as a crisis
past a stricter threshold.
"""

from __future__ import annotations

import json
import math
import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter

from mirror.resources import constitution_dir

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib.resources.abc import Traversable
    from pathlib import Path
    from typing import Any

_WHITE = re.compile(r"\s\s+")
#: The trained vectorizer's words, `(?u)\b\w+\b`, without the boundaries: a run of word
#: characters found left to right always begins and ends at one (the search resumes after
#: a run, at a character that is no word character), so the words are the same, found
#: ~20% faster.
_WORD = re.compile(r"(?u)\w+")


#: How many distinct words a char_wb block keeps the known n-grams of (`_Block.memo`);
#: emptied when full (~270 bytes a word: at most ~14 MB). A journal's words recur, so
#: most words of an entry are found here.
WORD_MEMO_LIMIT = 50_000

#: How many look-ups a block answers by bisection in its sorted n-grams before it builds
#: its dict (`_SortedGrams`), as a fraction of its size: a dict of 40,000 n-grams costs
#: what ~5,000 bisections cost, so a long run pays at most that twice over.
DICT_AFTER = 8

#: Sublinear tf, 1 + ln(count), for the counts an entry usually has (`_tf`).
_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]


def _tf(most: int) -> list[float]:
    """1 + ln(c) at index c, for every count c up to `most`: the very values `math.log`
    gives when asked one count at a time."""
    if most < len(_TF):
        return _TF
    return _TF + [1.0 + math.log(c) for c in range(len(_TF), most + 1)]


class _SortedGrams:
    """A block's n-gram -> index, answered by bisection in the n-grams as the model file
    holds them (sorted within each block, as scikit-learn's vocabulary is: the trainer
    checks it, and so does a test), until `DICT_AFTER` says a dict pays: then the block's
    `features` becomes that dict. One reflection looks up a few hundred n-grams, and
    building dicts of all 55,000 cost every `mirror reflect` ~6 ms. The n-grams may be kept
    as the file's UTF-8 lines (`CareModel.load`: splitting bytes costs less than decoding
    and splitting the text): UTF-8 sorts as the code points it encodes, so they bisect alike."""

    __slots__ = ("block", "grams", "left", "lo", "hi", "encoded")

    def __init__(self, block: _Block, grams: list[str] | list[bytes], lo: int, hi: int) -> None:
        self.block, self.grams, self.lo, self.hi = block, grams, lo, hi
        self.left = (hi - lo) // DICT_AFTER
        self.encoded = hi > lo and isinstance(grams[lo], bytes)

    def get(self, gram: str) -> int | None:
        if self.left <= 0:
            features = self.block.features
            if features is self:  # once, and then to the callers that still hold `get`
                lo, hi = self.lo, self.hi
                grams: list[Any] = self.grams[lo:hi]
                keys = [g.decode("utf-8") for g in grams] if self.encoded else grams
                features = self.block.features = dict(zip(keys, range(hi - lo)))
            return features.get(gram)
        self.left -= 1
        # (an unpaired surrogate, which no line of the file holds, is looked up in vain)
        key = gram.encode("utf-8", "surrogatepass") if self.encoded else gram
        i = bisect_left(self.grams, key, self.lo, self.hi)
        if i < self.hi and self.grams[i] == key:
            return i - self.lo
        return None


class _Block:
    """One vectorizer's features: n-gram -> its index in this block (its row in the
    weights, less the block's offset), and each index's idf and coefficient.

    Scoring is the cost of reading almost every ordinary entry, so what is pure is done
    once: each word's known character n-grams are kept (they depend on the word alone),
    occurrences are counted by `Counter` (in C), and an n-gram seen once, the usual case,
    skips the tf factor (1 + ln 1 is 1). Each is the same float
    operation as before and the sums are taken in the same order (the order n-grams first
    occur; a float sum depends on its order), so the score is the same to the last bit."""

    def __init__(self, data: dict, grams: list[str] | list[bytes], offset: int, weights: array) -> None:
        self.analyzer: str = data["analyzer"]
        self.low, self.high = (int(n) for n in data["ngram_range"])
        size = int(data["size"])
        self.features: dict[str, int] | _SortedGrams = _SortedGrams(self, grams, offset, offset + size)
        #: float32, as stored: read one by one, each becomes the same float64 as before.
        self.idf: array = weights[2 * offset:2 * (offset + size):2]
        self.coef: array = weights[2 * offset + 1:2 * (offset + size):2]
        #: word -> the indices of its known n-grams, in n-gram order (char_wb only).
        self.memo: dict[str, tuple[int, ...]] = {}

    def _word_grams(self, word: str) -> Iterable[str]:
        """The char_wb n-grams of one word, as scikit-learn's analyzer gives them."""
        w = " " + word + " "
        size = len(w)
        for n in range(self.low, self.high + 1):
            if size <= n:  # a word no longer than n counts once, whole
                yield w
                break
            for i in range(size - n + 1):
                yield w[i:i + n]

    def grams(self, text: str) -> Iterable[str]:
        """The n-grams of `text`, already lower-cased, as scikit-learn's analyzer gives them."""
        if self.analyzer == "char_wb":
            for w in _WHITE.sub(" ", text).split():
                yield from self._word_grams(w)
            return
        tokens = _WORD.findall(text)
        for n in range(self.low, self.high + 1):
            for i in range(len(tokens) - n + 1):
                yield " ".join(tokens[i:i + n])

    def known(self, text: str) -> list[int]:
        """The indices of `text`'s known n-grams in the order `grams(text)` gives them (the
        order the tf-idf sums are taken in), each as often as it occurs."""
        get = self.features.get
        if self.analyzer == "char_wb":
            memo = self.memo
            out: list[int] = []
            # `grams` first folds runs of whitespace to one space; str.split splits at
            # every run anyway (it and `\s` know the same 29 whitespace characters).
            for w in text.split():
                found = memo.get(w)
                if found is None:
                    if len(memo) >= WORD_MEMO_LIMIT:
                        memo.clear()
                    found = memo[w] = tuple(i for i in map(get, self._word_grams(w)) if i is not None)
                out += found
            return out
        if (self.low, self.high) != (1, 2):
            return [i for i in map(get, self.grams(text)) if i is not None]
        tokens = _WORD.findall(text)
        found_ = list(map(get, tokens))  # words, then pairs of words, as `grams`
        found_ += map(get, map(" ".join, zip(tokens, tokens[1:])))
        return [i for i in found_ if i is not None]

    def score(self, text: str) -> float:
        """This block's share of the decision: the l2-normalised tf-idf vector of the
        text's known n-grams, dotted with the coefficients."""
        counts = Counter(self.known(text))
        if not counts:
            return 0.0
        tf = _tf(max(counts.values()))
        idf, coef = self.idf, self.coef
        norm = 0.0
        dot = 0.0
        for i, c in counts.items():
            if c == 1:
                # (1 + ln 1) * idf is idf itself: multiplied here, not for all 55,000 n-grams
                # at load, which cost every `mirror reflect` ~6 ms for the few hundred it reads
                value = idf[i]
                norm += value * value
                dot += value * coef[i]
            else:
                value = tf[c] * idf[i]
                norm += value * value
                dot += value * coef[i]
        return dot / math.sqrt(norm)


class CareModel:
    """The trained reader: `likelihood(text)` in [0, 1], and the threshold past which the
    entry gets the gentle line (and `care_threshold`, past which it agrees with the rules'
    gentle-tier signs on the care response). Stored in three files (see `bench/care_model_train.py`):
    model.json (intercept, threshold, blocks), model-grams.txt (the n-grams, one a line)
    and model-weights.bin (each n-gram's idf and coefficient, little-endian float32)."""

    def __init__(self, meta: dict, grams: list[str] | list[bytes], weights: array) -> None:
        if meta.get("format") != 2:
            raise ValueError(f"care model format {meta.get('format')!r} is not 2")
        if len(weights) != 2 * len(grams) or sum(int(b["size"]) for b in meta["blocks"]) != len(grams):
            raise ValueError("care model files do not match")
        self.intercept = float(meta["intercept"])
        self.threshold = float(meta["threshold"])
        #: Past this, with the rules' own signs at the gentle line agreeing, the care
        #: response (`detect.assess`); None (a model without it): never.
        care = meta.get("care_threshold")
        self.care_threshold: float | None = None if care is None else float(care)
        self.blocks = []
        offset = 0
        for b in meta["blocks"]:
            self.blocks.append(_Block(b, grams, offset, weights))
            offset += int(b["size"])

    @classmethod
    def load(cls, folder: Traversable | Path) -> CareModel:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        grams = (folder / "model-grams.txt").read_bytes().split(b"\n")  # UTF-8 lines: `_SortedGrams`
        weights = array("f")
        weights.frombytes((folder / "model-weights.bin").read_bytes())
        if sys.byteorder == "big":
            weights.byteswap()
        return cls(meta, grams, weights)

    def likelihood(self, text: str) -> float:
        text = text.lower()  # once, for both blocks (the vectorizers' `lowercase`)
        z = self.intercept + sum(b.score(text) for b in self.blocks)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


_MODEL: CareModel | None = None
_LOADED = False


def model() -> CareModel | None:
    """The shipped model, read once; None when its files are missing or unreadable (the
    rules then decide alone; `mirror doctor`'s constitution check names the file)."""
    global _MODEL, _LOADED
    if not _LOADED:
        _LOADED = True
        try:
            _MODEL = CareModel.load(constitution_dir() / "care")
        except (OSError, ValueError, KeyError, TypeError):
            _MODEL = None
    return _MODEL

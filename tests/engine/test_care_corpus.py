"""The labelled care corpus (tests/corpus/care/*.yaml, written by hand, not from the rules)
holds the detector to the issue's targets: recall >= 99 % on clear signals and >= 95 % on
veiled ones (the gentle line counts for veiled), false alarms <= 3 % on hard negatives,
and almost never on everyday entries. bench/care_eval.py prints the same figures by
category and language; the held-out set under holdout/ is measured there, not here."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import yaml

from mirror.engine.care import CARE, assess

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "care"


def _entries():
    for path in sorted(CORPUS.glob("*.yaml")):
        yield path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures() -> dict[str, list[int]]:
    out = {"clear": [0, 0], "veiled": [0, 0], "negative": [0, 0], "gentle": [0, 0]}
    for _, data in _entries():
        for e in data.get("positives") or []:
            tier = assess(e["text"]).tier
            kind = "veiled" if e.get("kind") == "veiled" else "clear"
            out[kind][0] += tier == CARE or (kind == "veiled" and tier is not None)
            out[kind][1] += 1
        for e in data.get("negatives") or []:
            out["negative"][0] += assess(e["text"]).tier is not None
            out["negative"][1] += 1
        for e in data.get("gentle") or []:
            out["gentle"][0] += assess(e["text"] if isinstance(e, dict) else str(e)).tier is not None
            out["gentle"][1] += 1
    return out


def test_the_corpus_is_large_and_covers_every_language(figures):
    assert figures["clear"][1] + figures["veiled"][1] >= 400
    assert figures["negative"][1] >= 400
    assert {name for name, _ in _entries()} >= {
        "en", "es", "fr", "de", "pt", "it", "nl", "pl", "tr", "ru", "uk", "ja", "ko", "zh",
        "hi", "hi-Latn", "id", "mixed"}


def test_recall_on_clear_and_veiled_signals(figures):
    hit, n = figures["clear"]
    assert hit / n >= 0.99, f"clear recall {hit}/{n}"
    hit, n = figures["veiled"]
    assert hit / n >= 0.95, f"veiled recall {hit}/{n}"


def test_false_alarms_on_hard_negatives(figures):
    raised, n = figures["negative"]
    assert raised / n <= 0.03, f"false alarms {raised}/{n}"


def test_ambiguous_entries_reach_the_gentle_line(figures):
    hit, n = figures["gentle"]
    assert hit / n >= 0.9, f"gentle {hit}/{n}"


def test_everyday_entries_almost_never_raise_care():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from journal_gen import reflection_text

    rng = random.Random(3)
    texts = [reflection_text(rng) for _ in range(500)]
    raised = [t for t in texts if assess(t).tier is not None]
    assert len(raised) <= 5, raised[:3]


def test_everyday_idioms_near_care_words_rarely_raise_care():
    """tests/corpus/care/idioms/: ordinary entries with "need to cut the hedge", "going to
    do it", "when I go", "could kill for", a window ledge, pills in a weekly box. Written
    before the rules were split into strong and veiled forms; a false crisis response is
    the worst the app can do to someone having an ordinary day."""
    texts = [e["text"] for path in sorted((CORPUS / "idioms").glob("*.yaml"))
             for e in yaml.safe_load(path.read_text(encoding="utf-8")).get("negatives") or []]
    assert len(texts) >= 60
    raised = [t for t in texts if assess(t).tier is not None]
    assert not [t for t in texts if assess(t).tier == CARE], "care on an ordinary day"
    assert len(raised) / len(texts) <= 0.03, raised

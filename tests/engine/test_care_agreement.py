"""The care response from two readers that agree: the rules' own signs reach the gentle
line, and the second reader (model.py) reads the entry as a crisis past its stricter
`care_threshold`. Either alone gives the gentle line; a denial, a joke or hyperbole never
agrees, and an ordinary day near the same words stays where the rules put it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mirror.engine.care.detect as detect
from mirror.engine.care import CARE, GENTLE, assess
from mirror.engine.care.detect import _assess_rules
from mirror.engine.care.model import CareModel, model
from mirror.engine.care.respond import care_response
from mirror.resources import constitution_dir


@pytest.mark.parametrize(("text", "category"), [
    # giving a cherished thing away, "won't be needing it": a veiled goodbye
    ("Gave my sister the necklace Nan left me. I won't be needing it.", "preparatory_acts"),
    # the height of a place, and that it would be enough
    ("I worked out how high the car park is. Seven floors. That would do it.", "method_means"),
    # being a burden "not much longer"
    ("I won't be a problem much longer. Everyone can relax soon.", "burden_hopelessness"),
    # hoping each night the alarm is for nothing
    ("Every night I set the alarm and quietly hope it's for nothing.", "wish_to_be_dead"),
])
def test_a_veiled_crisis_both_readers_agree_on_gets_the_care_response(text: str, category: str) -> None:
    alone = _assess_rules(text)
    assert alone.tier == GENTLE  # the rules alone: the mirrorback and the gentle line
    found = assess(text)
    assert found.tier == CARE
    # The evidence says what happened: the rules' own signs, then the second reader's,
    # which holds no words of the writer's and names the signs it agreed with.
    assert found.signals[:-1] == alone.signals
    signal = found.signals[-1]
    assert (signal.rule, signal.text, signal.start, signal.end) == ("model", "", 0, 0)
    assert signal.context == "model, agreeing with " + ", ".join(s.rule for s in alone.signals)
    assert signal.category == category and category in found.categories
    assert json.loads(json.dumps(found.to_json()))["signals"][-1]["context"].startswith("model, agreeing")
    # no clear statement was made: the care text says only what the signs suggest
    assert "saying goodbye" in care_response(found.signals)


@pytest.mark.parametrize("text", [
    "I won't be a problem much longer, the cast comes off Friday. Everyone can relax soon.",
    "after tonight nobody has to worry about me anymore, the exam is done and I'm home on the train",
    "I worked out how high the car park is for the van. Seven floors. That would do it, the van fits.",
])
def test_an_ordinary_day_near_the_same_words_keeps_the_gentle_line(text: str) -> None:
    """The rules give these the gentle line (a sign with an everyday reason beside it);
    the second reader, reading the reason too, is below the care threshold: no care
    response instead of the mirrorback."""
    reader = model()
    assert reader is not None and reader.care_threshold is not None
    assert _assess_rules(text).tier == GENTLE
    assert reader.likelihood(text) < reader.care_threshold
    assert assess(text).tier == GENTLE


@pytest.mark.parametrize("text", [
    "Every night I set the alarm and quietly hope it's for nothing lol, snow day please",
])
def test_a_joke_never_agrees_however_sure_the_second_reader_is(text: str) -> None:
    """Laughter caps a sign at the gentle line on purpose; the second reader sees the same
    words as the crisis above and is as sure, but a joking sign does not agree with it."""
    reader = model()
    assert reader is not None and reader.care_threshold is not None
    assert reader.likelihood(text) >= reader.care_threshold
    assert [s.context for s in _assess_rules(text).signals] == ["joking"]
    assert assess(text).tier == GENTLE


def test_a_model_without_a_care_threshold_never_gives_the_care_response(tmp_path: Path, monkeypatch) -> None:
    folder = constitution_dir() / "care"
    meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    del meta["care_threshold"]
    (tmp_path / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    for name in ("model-grams.txt", "model-weights.bin"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    older = CareModel.load(tmp_path)
    assert older.care_threshold is None
    monkeypatch.setattr(detect, "care_model", lambda: older)
    assert assess("I won't be a problem much longer. Everyone can relax soon.").tier == GENTLE

"""The care detector's second reader (mirror/engine/care/model.py): entries close to the
labelled crises in words no rule names get the gentle line; it never gives the care
response on its own (with the rules' agreement: test_care_agreement.py), and ordinary
days stay ordinary."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirror.engine.care import CARE, GENTLE, assess
from mirror.engine.care.detect import MODEL_CATEGORY, _assess_rules
from mirror.engine.care.model import CareModel, model
from mirror.resources import constitution_dir

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from journal_gen import reflection_text  # noqa: E402


@pytest.mark.parametrize("text", [
    # a wish never to wake again, said as peace: no English rule has these words
    "i keep thinking how peaceful it would be to never wake up. no alarm, no nothing.",
])
def test_a_crisis_in_words_no_rule_names_gets_the_gentle_line(text: str) -> None:
    assert _assess_rules(text).tier is None  # the rules alone would say nothing
    found = assess(text)
    assert found.tier == GENTLE
    assert found.categories == [MODEL_CATEGORY]
    signal = found.signals[-1]
    assert (signal.rule, signal.text, signal.context) == ("model", "", "model")


@given(st.text(max_size=400))
def test_the_second_reader_never_gives_the_care_response_alone(text: str) -> None:
    if _assess_rules(text).tier is None:
        assert assess(text).tier != CARE


def test_ordinary_days_stay_ordinary() -> None:
    rng = random.Random(20261204)
    raised = [t for t in (reflection_text(rng) for _ in range(300)) if assess(t).tier is not None]
    assert raised == []


@pytest.mark.parametrize("text", [
    "Grandma's funeral was today. I read the poem she liked. Everyone cried and then we ate "
    "sandwiches in the church hall.",
    "The marathon nearly killed me but I finished in 4:12! Legs are dead. So proud.",
    "Work was awful, my boss yelled again, I'm exhausted and just want to sleep for a week.",
])
def test_heavy_ordinary_days_are_below_the_threshold(text: str) -> None:
    reader = model()
    assert reader is not None
    assert reader.likelihood(text) < reader.threshold
    assert assess(text).tier is None


def test_the_shipped_model_is_read(tmp_path: Path) -> None:
    reader = model()
    assert reader is not None and 0.5 <= reader.threshold < 1.0
    assert CareModel.load(constitution_dir() / "care").likelihood("a") == reader.likelihood("a")


def test_model_files_that_do_not_match_are_refused(tmp_path: Path) -> None:
    folder = constitution_dir() / "care"
    for name in ("model.json", "model-grams.txt"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    (tmp_path / "model-weights.bin").write_bytes((folder / "model-weights.bin").read_bytes()[:-8])
    with pytest.raises(ValueError, match="do not match"):
        CareModel.load(tmp_path)


@pytest.mark.parametrize("text", [
    "On the platform I thought how easy it would be to take the earlier train home.",
    "Ich habe mich entschieden: Freitag streiche ich die Küche, wenn alle schlafen.",
])
def test_its_known_cost_is_the_gentle_line_on_some_ordinary_errands(text: str) -> None:
    """Errands that share a crisis's surface words ("how easy it would be … the platform",
    "I have decided: Friday … when everyone is asleep", said of painting the kitchen): the
    rules read their ordinary reason and say nothing; the second reader, which sees only
    the words, gives them the gentle line. Never more: no rule sign agrees with it."""
    assert _assess_rules(text).tier is None
    assert assess(text).tier == GENTLE


@pytest.mark.parametrize("text", [
    "Mnie nie będzie w pracy w czerwcu, lecę do Hiszpanii.",
    "Ho comprato tutto il necessario per la torta. Sabato, quando dormono tutti, la preparo.",
])
def test_errands_it_once_raised_are_ordinary_again(text: str) -> None:
    """"I won't be at work in June, I'm flying to Spain" and a cake baked on Saturday when
    everyone sleeps: the second reader, trained also on grey days and on more hard
    negatives written by people, no longer gives them the gentle line."""
    assert assess(text).tier is None


@pytest.mark.parametrize("text", ["after all", "an ordinary day after all", "ordinary day"])
def test_a_few_words_are_left_to_the_rules(text: str) -> None:
    """On a handful of words the n-grams are fragments ("after all" alone scores high):
    the second reader reads entries of MODEL_MIN_CHARS characters or more."""
    assert assess(text).tier is None


#: Likelihoods the reader gave before it kept each word's n-grams (reprs: every bit).
_READ_BEFORE = [
    ("i keep thinking how peaceful it would be to never wake up. no alarm, no nothing.",
     0.9550766608992398),
    ("Work was awful, my boss yelled again, I'm exhausted and just want to sleep for a week.",
     0.14765400901184028),
    ("Ich bin so müde.\u00a0Alles ist zu viel,\u2003und niemand merkt es.\n\n\tMorgen wieder.",
     0.616308061097286),
    ("tired " * 300, 0.02837927253417137),  # one n-gram 300 times: past the kept tf values
    ("Мне больше не хочется жить, я устала от всего.", 0.4611384555339219),
]


def test_a_full_word_memo_is_emptied_and_every_likelihood_stays_the_same(monkeypatch) -> None:
    """The reader keeps each word's known n-grams (a journal's words recur); whether a
    word is kept, or the memo was just emptied, the entry's likelihood, and so whether it
    gets the gentle line, is the same to the last bit."""
    import mirror.engine.care.model as care_model

    reader = CareModel.load(constitution_dir() / "care")
    assert [reader.likelihood(t) for t, _ in _READ_BEFORE] == [p for _, p in _READ_BEFORE]
    assert [reader.likelihood(t) for t, _ in _READ_BEFORE] == [p for _, p in _READ_BEFORE]
    monkeypatch.setattr(care_model, "WORD_MEMO_LIMIT", 3)  # emptied every few words
    reader = CareModel.load(constitution_dir() / "care")
    assert [reader.likelihood(t) for t, _ in _READ_BEFORE] == [p for _, p in _READ_BEFORE]
    assert 0 < max(len(b.memo) for b in reader.blocks) <= 3


def test_each_block_of_the_shipped_model_is_in_sorted_order() -> None:
    """The reader finds an n-gram by bisection in its block (`model._SortedGrams`): a
    block out of order would lose n-grams, and with them likelihoods."""
    folder = constitution_dir() / "care"
    reader = CareModel.load(folder)
    grams = (folder / "model-grams.txt").read_bytes().decode("utf-8").split("\n")
    offset = 0
    for block in reader.blocks:
        size = block.idf.buffer_info()[1]
        part = grams[offset:offset + size]
        assert part == sorted(part) and len(set(part)) == size
        offset += size
    assert offset == len(grams)


def test_a_reflection_is_read_without_building_the_n_gram_tables_and_reads_the_same(monkeypatch) -> None:
    """One reflection looks its n-grams up by bisection: the tables of all 55,000 are built
    only once a long run has asked enough (`model.DICT_AFTER`), and every likelihood is the
    same to the last bit before, while and after they are built."""
    import mirror.engine.care.model as care_model

    reader = CareModel.load(constitution_dir() / "care")
    assert reader.likelihood(_READ_BEFORE[0][0]) == _READ_BEFORE[0][1]
    assert not any(isinstance(b.features, dict) for b in reader.blocks)
    for after in (1, 10**9, 100):  # not built here; built at the first look-up; mid-run
        monkeypatch.setattr(care_model, "DICT_AFTER", after)
        reader = CareModel.load(constitution_dir() / "care")
        assert [reader.likelihood(t) for t, _ in _READ_BEFORE] == [p for _, p in _READ_BEFORE]
        assert [reader.likelihood(t) for t, _ in _READ_BEFORE] == [p for _, p in _READ_BEFORE]
    assert all(isinstance(b.features, dict) for b in reader.blocks)

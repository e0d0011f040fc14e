"""The care detector's per-process memo of how each written word normalises is bounded;
emptied when full, it must not change how the next text reads: a word's normal form can
depend on which words the rules know ("killll" is "kill", "sooo" is "so"), asked about
only for words not in the memo."""

from __future__ import annotations

from mirror.engine.care.detect import detector
from mirror.engine.care.text import sentences


def test_a_full_word_memo_is_emptied_before_a_text_is_read() -> None:
    d = detector()
    text = "I want to killll myself, sooo tired"
    fresh = sentences(text, d.normaliser, d.index.known, {})
    memo: dict[str, list[str]] = {}
    sentences(text, d.normaliser, d.index.known, memo)  # this text's words are now kept
    memo.update({f"w{i}": [f"w{i}"] for i in range(200_001)})  # and the memo is full

    assert sentences(text, d.normaliser, d.index.known, memo) == fresh
    assert "kill" in [w.norm for ws in fresh for w in ws]




def _without(forms: dict[str, dict[str, str]], word: str) -> dict[str, dict[str, str]]:
    out = {lang: {w: m for w, m in table.items() if w != word} for lang, table in forms.items()}
    return {lang: table for lang, table in out.items() if table}


def test_the_index_answers_the_same_once_its_memo_is_full(monkeypatch) -> None:
    index = detector().index
    kept = ["kill", "myself", "tired"]
    before = (index.forms(kept), index.known(kept), index.common(kept))
    monkeypatch.setattr(type(index), "MEMO_LIMIT", 0)  # every memo is now over its bound

    both = [*kept, "garden"]  # words it keeps and one it does not
    forms, known, common = index.forms(both), index.known(both), index.common(both)
    assert (_without(forms, "garden"), known - {"garden"},
            {w: langs for w, langs in common.items() if w != "garden"}) == before

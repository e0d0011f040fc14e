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

"""Laughter read by its form, and jokes about trivial things (levity.py, scoring.yaml).

Laughter alone brings a signal down to the gentle line; laughter about a trivial thing
(an exam, a match, the Wi-Fi, a boss, a song) is a joke twice over and no alarm. A clear
statement with no laughter keeps the care response, whatever it is about.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirror.engine.care import CARE, GENTLE, assess
from mirror.engine.care.levity import _laugh_re, laughing, laughs


@pytest.mark.parametrize("text", [
    "hahahaha", "ahahahah", "jajajaja", "JAJAJ", "kkkkkk", "wkwkwkwk", "rsrsrs", "ㅋㅋㅋㅋ",
    "ㅎㅎ", "哈哈哈", "仕事行きたくないwww", "(笑)", "хахаха", "ахахах", "ههههه", "हाहाहा",
    "lmaooo", "xDD", "ptdr", "ha ha ha", "sksksk", "done 😂", "ok 🤣", ":D",
])
def test_laughter_is_read_by_its_form_in_any_script(text: str) -> None:
    assert laughs(text)


@pytest.mark.parametrize("text", [
    "I want to die", "www.example.com", "Johanna", "Hahn", "hah", "I hate myself :)",
    "ja, ja, ja", "1555 euro", "XP points", "kekse", "a joke",
])
def test_words_that_only_look_like_laughter_are_not(text: str) -> None:
    assert not laughs(text)


def test_a_sentence_of_laughter_alone_laughs_at_the_one_before() -> None:
    text = "I'll hang myself. Hahaha. Anyway."
    spans = [(0, 18), (18, 26), (26, len(text))]
    assert laughing(text, spans) == [True, True, False]


@pytest.mark.parametrize("text", [
    "Se perdiamo il derby stasera mi butto dal balcone 😂",
    "Si j'entends encore une fois cette chanson à la radio je me jette par la fenêtre ptdrrr",
    "Als de wifi nog één keer uitvalt spring ik van het dak hahaha",
    "Derbiyi kaybettik, kendimi asacağım resmen 😂",
    "Если начальник ещё раз позвонит в выходной, я повешусь 🤣",
    "期末考试又挂了，想死哈哈哈",
    "Como no apruebe el examen de mañana me tiro por un puente jajaja",
])
def test_laughter_about_a_trivial_thing_is_no_alarm(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "i want to die lol",
    "quiero morirme jajaja",
    "tôi muốn chết haha",
])
def test_laughter_alone_keeps_the_gentle_line(text: str) -> None:
    assert assess(text).tier == GENTLE


@pytest.mark.parametrize("text", [
    "I failed the exam again and I want to kill myself.",
    "Ho perso il lavoro, il capo mi ha umiliato. Voglio morire.",
    "Wenn ich die Prüfung nicht bestehe, bringe ich mich um. Ich meine das ernst.",
    "I'm going to kill myself tonight. The exam doesn't matter anymore.",
])
def test_a_trivial_thing_without_laughter_keeps_a_clear_statement(text: str) -> None:
    assert assess(text).tier == CARE


_PIECES = ["ha", "HA", "he", "h", "hhh", "a", "j", "ja", "k", "kk", "w", "W", "ｗ", "Ｗ", "x", "d",
           "D", "l", "o", "lol", "rs", "s", "i", "xi", "ke", "mdr", "pt", "ptdr", "bw", "mu",
           "awok", "ха", "ах", "лол", "ржу", "हा", "हे", "ही", "ह", "ه", "خخ", "ㅋ", "ㅎ", "크", "哈",
           "呵", "(笑)", "（笑）", "5", "2", "3", "1", ":", ";", "=", "-", "^", "_", ")", "(", "p",
           "😂", "🙂", " ", "  ", "-", ".", "/", "!", "\n", "é", "ł", "K", "\u212a", "ſ", "İ",
           "ı", "0", "é", "ा", "\u064b", "word", "Hahn", "www.", "kekse"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_laughs_answers_as_the_whole_pattern_does(pieces: list[str]) -> None:
    """`laughs` reads the pattern's alternatives apart and letter runs by memo: it must
    answer as one search of the whole pattern does, on every text."""
    text = "".join(pieces)
    assert laughs(text) == (_laugh_re().search(text) is not None)
    assert laughs(text) == (_laugh_re().search(text) is not None)  # answered from the memo

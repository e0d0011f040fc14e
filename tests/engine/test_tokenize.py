"""Tokenisation: what counts as a word decides what every detector and check can see."""

from __future__ import annotations

import pytest

from mirror.engine.tokenize import phrase_tokens, quoted_spans, tokenize


def words(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I must", ["i", "must"]),
        ("mustard", ["mustard"]),
        ("I'm fine, I can't", ["i'm", "fine", "i", "can't"]),
        ("I\u2019m fine and don\u2019t care", ["i'm", "fine", "and", "don't", "care"]),
        ("self-harm", ["self", "harm"]),
        ("Caf\u00e9 and cafe\u0301", ["caf\u00e9", "and", "cafe\u0301"]),
        ("the kids' toys", ["the", "kids", "toys"]),
        ("\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440", ["\u043f\u0440\u0438\u0432\u0435\u0442", "\u043c\u0438\u0440"]),
        ("\u0645\u0631\u062d\u0628\u0627 \u0628\u0643", ["\u0645\u0631\u062d\u0628\u0627", "\u0628\u0643"]),
        ("\U0001F600 ok \U0001F600", ["ok"]),
    ],
)
def test_words_are_whole_words_with_contractions(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_spans_point_at_the_written_text() -> None:
    text = "  Today\u2019s  sky. Grey\n\nagain!"
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_sentences_split_on_punctuation_and_blank_lines() -> None:
    toks = tokenize("One two. Three? Four\n\nFive six")
    assert [t.sent for t in toks] == [0, 0, 1, 2, 3, 3]


def test_lexicon_phrases_tokenise_like_text() -> None:
    assert phrase_tokens("self-harm") == ("self", "harm")
    assert phrase_tokens("you * should") == ("you", "*", "should")
    assert phrase_tokens("Don\u2019t") == ("don't",)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('she said "go home" loudly', ["go home"]),
        ("she said \u201cgo home\u201d loudly", ["go home"]),
        ("er sagte \u201egeh heim\u201c leise", ["geh heim"]),
        ("il a dit \u00ab rentre \u00bb", [" rentre "]),
        ("he said 'you must' and left", ["you must"]),
        ("the kids' toys and Sam's bike", []),
        ("I don't know", []),
    ],
)
def test_quoted_passages(text: str, inside: list[str]) -> None:
    assert [text[a:b] for a, b in quoted_spans(text)] == inside

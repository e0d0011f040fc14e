"""A text of letters and digits only is one word: `tokenize` and `phrase_tokens` take a
short cut for it (lexicons are read word by word when an engine is first used). The short
cut must give exactly what the regular expressions give, for any script."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mirror.engine import tokenize as tk

# Letters, digits and marks of every script, the apostrophes a word may hold, and the
# characters that split or end one: enough that many texts are, and many are not, one word.
CHARS = st.characters(categories=("L", "N", "M"), exclude_characters="\x00") | \
    st.sampled_from(list("'\u2019\u02bc_-. !?\u3002\n*"))


def columns(tokens: tk.Tokens) -> tuple:
    return tuple(tokens), tokens.norms, tokens.sents, tokens.starts, tokens.ends


@given(st.text(CHARS, min_size=1, max_size=12))
def test_one_word_tokens_are_the_regular_expressions(text: str) -> None:
    assert columns(tk.tokenize(text)) == columns(tk._tokenize(text))


@given(st.text(CHARS, max_size=30))
def test_phrase_words_are_the_regular_expressions(phrase: str) -> None:
    slow: list[str] = []
    for piece in phrase.split():
        slow += ["*"] if piece == "*" else [t.norm for t in tk._tokenize(piece)]
    assert tk.phrase_tokens(phrase) == tuple(slow)


def test_lexicon_words_in_many_scripts() -> None:
    for word in ("Straße", "İstanbul", "ﬁne", "can\u02bct", "東京", "नमस्ते", "ΣΟΦΊΑ", "x²", "٣"):
        assert columns(tk.tokenize(word)) == columns(tk._tokenize(word)), word
        assert tk.phrase_tokens(word) == tuple(t.norm for t in tk._tokenize(word)), word

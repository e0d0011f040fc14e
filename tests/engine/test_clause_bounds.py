"""A clause's bounds are read from a column of clause numbers kept on a text's tokens
(the patterns ask for clauses several times per reflection). The column must give exactly
the clause the token-by-token walk gives (punctuation and line breaks end a clause, a
point or colon inside a number does not, a sentence always does), for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mirror.engine import tokenize as tk

PIECES = st.sampled_from(["word", "I", "3", "40", "8", "ß", "東", "élan", "don't", " ", " ", " ",
                          ",", ".", ":", ";", "!", "?", "\n", "\n\n", " - ", "\u2014", "(", ")",
                          "\u2026", "\u3002", "\u060c", "...", "'", '"'])


@given(st.lists(PIECES, max_size=40))
def test_clause_bounds_are_the_walk_for_every_span(pieces: list[str]) -> None:
    text = "".join(pieces)
    tokens = tk._tokenize(text)
    walk = list(tokens)  # a plain list of tokens takes the token-by-token walk
    for first in range(len(tokens)):
        for last in range(first + 1, min(len(tokens), first + 4) + 1):
            assert tk.clause_bounds(text, tokens, first, last) == \
                tk.clause_bounds(text, walk, first, last), (first, last)

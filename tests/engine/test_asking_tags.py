"""A tag after a line ("genuinely asking", "just saying") is how the line is said, not a
part of it to be asked about; one that says the line is asked makes it the writer's own
question, with or without a question mark."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "tag"), [
    ("why does every plan I make fall apart by thursday. genuinely asking", "genuinely asking"),
    ("Why do I always end up driving everyone home. Serious question. Fourth week running.",
     "Serious question"),
    ("Why do I only text my brother when I need a lift? Genuinely asking myself.",
     "Genuinely asking myself"),
])
def test_a_line_tagged_as_asked_is_the_writers_question_without_the_tag(text: str, tag: str) -> None:
    assert read(text).asking
    assert tag not in compose(text)


def test_a_tag_that_only_shrugs_is_not_quoted_with_the_line() -> None:
    text = ("Ran the whole 10k for the first time, no walking breaks. Three months ago I got "
            "winded on the bus stairs. Just saying.")
    assert "Just saying" not in compose(text)

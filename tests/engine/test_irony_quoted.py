"""An ironic entry is answered from its irony, not its setup: a marker said alone ("love that
for me") is quoted with the line it mocks, and an ironic line outranks a neutral first one.
Quoted from its setup ("Family group chat has started planning Christmas") and called wry,
the reply was read blind as a template laid over the joke. These entries were written for
the tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "irony"), [
    ("The plumber came at eight, looked at the boiler for four minutes and charged me ninety "
     "quid. Cold shower again tonight. love that for me", "Cold shower again tonight. love that for me"),
    ("Team away day booked for Saturday. Seven hours of icebreakers with the people I already "
     "see every day, and lunch is a wrap. Truly the highlight of my year /s",
     "Truly the highlight of my year"),
])
def test_the_irony_is_what_is_quoted(text: str, irony: str) -> None:
    assert read(text, language="en").sarcasm
    assert irony in compose(text)

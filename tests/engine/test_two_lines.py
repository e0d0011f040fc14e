"""An entry of two lines lands on its second more often than not: the first sets it up
("Therapist asked what I do for fun."), the second is where it goes ("I said 'laundry' and
we both sat with that for a while."). Hand-labelled, the centre of a two-line entry was its
second line in most of the corpus; read blind, replies quoting the set-up were graded as
missing the point."""

from __future__ import annotations

import pytest

from mirror.engine.checks import check
from mirror.engine.offline import compose


@pytest.mark.parametrize("text, second", [
    ('Therapist asked what I do for fun. I said "laundry" and we both sat with that for a while.',
     "we both sat with that for a while"),
    ("Swam the whole mile without stopping, first time ever. Slowest mile in the history of the "
     "lido, probably, but I didn't stop.", "I didn't stop"),
    ("La tata ha dormito tutta la notte per la prima volta. Io sono rimasta sveglia a controllare "
     "che respirasse.", "a controllare che respirasse"),
])
def test_a_two_line_entry_is_answered_from_its_second_line(text: str, second: str) -> None:
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert second in reply, reply
        assert check(reply, text).passed


def test_a_short_last_line_nearly_as_weighty_is_quoted_with_the_line_it_answers() -> None:
    # "Ria says it's freedom of a different kind." quoted without "Ria has never been good
    # at lying." reads as agreeing with what the writer mocks (graded 1 blind)
    text = ("Handed in my bus pass today, the council made it official.\n\nForty years of the "
            "number 12 and I knew every driver. Now it's lifts and waiting by the window.\n\n"
            "June says it's freedom of a different kind. June has never been good at lying.")
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "June has never been good at lying" in reply, reply

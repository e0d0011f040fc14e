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

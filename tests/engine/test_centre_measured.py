"""A line the person measures against a span of their life ("the most honest we've been with
each other in years") is where they say the entry's weight is: read blind, a reply that quoted
the oven-cleaning after such a line instead was graded as missing the heart. A span alone
("worked from home all week") is only how long something took."""

from __future__ import annotations

from mirror.engine.checks import check
from mirror.engine.offline import compose

MEASURED = ("Mum's scan is on Friday. She rang tonight and talked about the garden for an hour, "
            "the slugs, the roses, whether to move the rhubarb. Then she went quiet and said she was "
            "frightened, and I said I was too. It was the most honest we've been with each other in "
            "years.\n\nAfter that we talked about what to have for Sunday lunch. I cleaned the whole "
            "kitchen after I hung up, even the top of the fridge. Friday, then.")

SPAN_ONLY = ("Worked from home all week and the printer jammed twice. Ate too many biscuits. "
             "Sam came round on Friday with pizza and we laughed about the printer until midnight, "
             "and for the first time since the move the flat felt like ours.")


def test_a_moment_measured_against_years_is_the_centre() -> None:
    for version in range(3):
        reply = compose(MEASURED, version=f"v{version}")
        assert "most honest we've been with each other in years" in reply, reply
        assert "kitchen" not in reply and "Friday, then" not in reply, reply
        assert check(reply, MEASURED).passed


def test_a_span_of_time_alone_does_not_mark_the_centre() -> None:
    for version in range(3):
        reply = compose(SPAN_ONLY, version=f"v{version}")
        assert "Worked from home all week" not in reply, reply

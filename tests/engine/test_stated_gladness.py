"""A glad feeling the writer states as their own ("I'm so proud of her") is named even in a
long day with a late bus or a queue in it. Those words once made any praise in the entry
suspect as irony, so a parent's plain pride went unnamed beside a missed bus. Irony's own
forms stay unnamed: gladness about someone else's doing, calm protested, a feeling half said.
These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "feeling"), [
    ("Missed the bus, the rain came in sideways and the queue at the post office was out the "
     "door. But Mia read her poem at assembly without looking at the paper once. I'm so proud "
     "of her.", "pride"),
    ("Long shift, the lift was broken again and I forgot my lunch. Then Dev rang from the "
     "airport to say he's home for good in March. I was ridiculously happy all the way home.",
     "joy"),
    ("The train was late and I stood the whole way, but I handed in the last chapter at ten "
     "to five. I am proud today.", "pride"),
])
def test_a_glad_feeling_the_writer_states_is_named_beside_a_bad_day(text: str, feeling: str) -> None:
    assert feeling in read(text, language="en").feelings
    assert feeling in compose(text).lower()


@pytest.mark.parametrize(("text", "wrong"), [
    # gladness about what someone else did: irony's form
    ("Monday again and the trains were cancelled. I'm glad they've found new ways to surprise "
     "us.", "joy"),
    # calm said again, harder
    ("The train was late again and the builders were back at seven with the drill. I am calm. "
     "I am very calm.", "calm"),
    # gladness beside tears, or beside plainly bad words: a mixed entry, flattened if named
    ("Last day at the depot after nine years. I'm so glad to go. And I cried in the van anyway, "
     "all the way home.", "joy"),
    ("Got the date of her launch wrong, like an idiot, and she'd saved me a seat. The worst "
     "friend. I'm so proud of her.", "pride"),
    # gladness insisted on, said again bare
    ("Sold the boat to a couple from Nelson this morning. Thirty years of Saturdays on it. "
     "I'm glad it's going to people who'll use it. I am. Tidied the shed after.", "joy"),
    # a feeling half said, beside its other half
    ("The flight was cancelled and we lost a day. I think I'm happy to be home. I think I'm "
     "also a bit lost.", "joy"),
])
def test_irony_and_half_said_gladness_stay_unnamed(text: str, wrong: str) -> None:
    assert wrong not in read(text, language="en").feelings

"""A glad feeling the writer states as their own ("I'm so proud of her", "So proud of
myself.") about news the entry tells (a test passed, first steps, a job got) is named even in
a day with a late bus or a queue in it: those words once made any praise suspect as irony,
so a parent's plain pride went unnamed beside a missed bus. Irony's own forms stay unnamed:
gladness of nothing but the trouble, about someone else's doing, calm protested, gladness
said again bare, a feeling half said, gladness beside tears. These entries were written for
the tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "feeling"), [
    ("Missed the bus, the rain came in sideways and the queue at the post office was out the "
     "door. But Mia read her poem at assembly without looking at the paper once. I'm so proud "
     "of her.", "pride"),
    ("Long shift, the lift was broken again and I forgot my lunch. Then I got the job offer "
     "from the hospice. I was ridiculously happy all the way home.", "joy"),
    ("Passed my driving test in the pouring rain, examiner late, wipers squeaking. So proud of "
     "myself.", "pride"),
    ("Long meeting, then home. Ellie took her first steps tonight. I'm so happy I cried.", "joy"),
])
def test_a_glad_feeling_the_writer_states_is_named_beside_a_bad_day(text: str, feeling: str) -> None:
    assert feeling in read(text, language="en").feelings
    assert feeling in compose(text).lower()


@pytest.mark.parametrize(("text", "wrong"), [
    # gladness of nothing the entry tells but the trouble itself: irony's oldest form
    ("Train cancelled again. I'm thrilled.", "joy"),
    ("Another Monday, another two-hour meeting about the meeting. I'm so happy to be here.",
     "joy"),
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
    # gladness owned in part, beside what the day ends: the end of a working life is mixed
    ("Last day at the depot tomorrow, thirty years. Part of me is glad. My back is done and "
     "we've talked about the boat for years. I am pleased, a bit. But I cleaned out my locker "
     "tonight and it took four minutes. Who am I on Monday?", "joy"),
    # a feeling half said, beside its other half
    ("The flight was cancelled and we lost a day. I think I'm happy to be home. I think I'm "
     "also a bit lost.", "joy"),
])
def test_irony_and_half_said_gladness_stay_unnamed(text: str, wrong: str) -> None:
    assert wrong not in read(text, language="en").feelings

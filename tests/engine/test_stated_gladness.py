"""Gladness is named only where it is plainly had: irony's own forms stay unnamed
(gladness about someone else's doing, calm protested, gladness said again bare, a feeling
half said, gladness beside tears). These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.reading import read


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

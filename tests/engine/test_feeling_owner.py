"""A feeling word is named only when it is the writer's: never the calm they wish someone
else had, the tiredness they gave as an excuse, or an animal's fury. Naming those is the
mirror's costliest mistake (it tells a frazzled person they are calm)."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "language", "wrong"), [
    # wanted in someone else, or measured against the writer
    ("Deux nuits sans dormir à cause des travaux. Il me faudrait quelqu'un de plus serein que "
     "moi pour décider.", "fr", "calm"),
    ("Ich brauche jemanden, der ruhiger ist als ich, um das zu entscheiden.", "de", "calm"),
    ("I need a friend who is way calmer than me to read this email before I send it.", "en", "calm"),
    # what was said to someone, perhaps a cover
    ("Hab kaum was gegessen und Mama am Telefon gesagt, dass ich einfach nur müde bin.", "de",
     "tiredness"),
    ("Skipped dinner again and told Priya I was just tired.", "en", "tiredness"),
    # another creature's state, with words between the link and the feeling
    ("The gull was absolutely furious about the chips. I laughed the whole way to the car.", "en",
     "anger"),
    ("The toddler was fine, just furious, once the balloon was back.", "en", "anger"),
])
def test_a_feeling_that_is_not_the_writers_is_not_named(text: str, language: str, wrong: str) -> None:
    assert wrong not in read(text, None, language).feelings


@pytest.mark.parametrize(("text", "language", "right"), [
    ("Je suis tellement sereine ce soir. Le jardin est fini.", "fr", "calm"),
    ("I'm happier than I've been in years. The garden is finally done.", "en", "joy"),
    ("Ich bin so müde. Drei Nachtschichten hintereinander.", "de", "tiredness"),
])
def test_the_writers_own_feeling_is_still_named(text: str, language: str, right: str) -> None:
    assert right in read(text, None, language).feelings


def test_someone_elses_question_in_quotes_is_not_treated_as_the_writers() -> None:
    text = ("Gran left a voicemail at six. Ten minutes on the neighbour's fence, then "
            "\"love you, bye, what should I press, Eddie what do I press\" and it cuts off. "
            "I've kept it. I keep all of them.")
    reply = compose(text)
    assert "asked outright" not in reply and "put the question plainly" not in reply
    assert "straight out" not in reply

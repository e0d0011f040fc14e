"""What the writer said before the line turns, and fear used as manners.

A feeling the writer says plainly of themselves ("I am terrified", "Müde.") before the quoted
line turns from it ("But I'd rather be terrified in my own shop …", "Aber der Kuchen war
gut.") is named as what came first, and the turn is quoted after it: named alone, the first
half reads as not having read to the end, and left unnamed, as not having heard it. Not a
feeling only guessed at, denied, or said long before another the writer turns from.

"I'm afraid I ate all the biscuits" and "I fear I was not always patient with him" own up to
something done; nothing lies ahead to be feared, and "fear" named there misreads the
manners of the sentence. What lies ahead is still fear ("I'm afraid I'll fail"). These
entries were written for the tests."""

from __future__ import annotations

import re

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import Reading, read


def reading(text: str) -> Reading:
    a = analyze(text)
    return read(text, a.tokens, a.language)


@pytest.mark.parametrize(("text", "feeling", "named", "turn"), [
    ("Dentist, then the MOT, then Mum's shopping. Knackered. Sat in the car for ten minutes before "
     "going in. But the car passed, so that's one thing off the list.", "tiredness", "tiredness",
     "But the car passed"),
    ("Colm brought the van back with no diesel in it. Again. I am furious. He does this every single "
     "time and laughs it off. But I'm not ringing him tonight.", "anger", "anger",
     "But I'm not ringing him tonight"),
    # the loneliness said last before the turn is what it turns from, not "happy to let her"
    ("I was happy to let her do the cooking for years. Now the kitchen is mine. Some nights I'm "
     "lonely in a way I didn't expect. The house is so quiet after nine. But tonight the kids "
     "fought over the last roast potato.", "loneliness", "loneliness", "But tonight the kids fought"),
    ("Müde. Drei Nachtschichten hintereinander, und der Hund hat mich um fünf geweckt. Aber der "
     "Kuchen für Omas Geburtstag ist gelungen.", "tiredness", "müdigkeit", "Aber der Kuchen"),
])
def test_a_feeling_said_before_the_turn_is_named_with_the_turn(text: str, feeling: str, named: str,
                                                               turn: str) -> None:
    r = reading(text)
    assert r.feelings == (feeling,) and r.turned_from
    reply = compose(text)
    # the feeling's name first, then the line that turns from it, quoted
    before, _, quoted = reply.partition(turn)
    assert named in before.lower() and quoted, reply


@pytest.mark.parametrize("text", [
    # denied: no feeling had
    "Not angry. Just tired of asking. But I'm done lending him things.",
    # a line that only opens on a feeling word goes on to something else
    "Thank you for your email telling me the damp is a lifestyle issue. I have opened every "
    "window. But it felt good to write this.",
    # the line just before the turn is quoted with it: a short entry is not given a frame
    "Müde. Aber der Kuchen war gut.",
    # gladness before a turn is a brave face
    "Told everyone at dinner I'm fine with them selling the cottage. I'm glad for them, honestly. "
    "They deserve the sea. But I drove the long way round so I wouldn't pass it.",
])
def test_no_feeling_is_named_before_a_turn_the_writer_did_not_plainly_say(text: str) -> None:
    r = reading(text)
    assert not r.turned_from
    assert "first" not in compose(text).split("“")[0], compose(text)


@pytest.mark.parametrize("text", [
    "I'm afraid I ate all the biscuits again. Sorry, future me.",
    "I fear I was not always patient with him. He remembers the parsing anyway.",
    "Asked the garage if the part had come in. I'm afraid not, he said, so another week on the bus.",
    "I'm afraid we've already spent the holiday money on the boiler.",
])
def test_fear_used_as_manners_is_not_named(text: str) -> None:
    assert "fear" not in reading(text).feelings
    said = re.sub("\u201c[^\u201d]*\u201d", "", compose(text))  # (the writer's own words aside)
    assert "fear" not in said.lower(), compose(text)


@pytest.mark.parametrize("text", [
    "I'm afraid I'll never be good enough for this job.",
    "I'm afraid of losing him. The scan is on Friday.",
    "I'm afraid he's dying. Nobody will say it out loud.",
])
def test_fear_of_what_lies_ahead_is_still_named(text: str) -> None:
    assert reading(text).feelings == ("fear",)

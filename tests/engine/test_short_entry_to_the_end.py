"""A short entry is quoted to its last line.

"Dentist 9:40 tomorrow. Have been dreading it since March. It's a check-up.": the last line
is the joke, and quoted without it, the dread reads as meant (read blind: graded 2). "Told
Dev his drawing of me was 'very modern'. He said, 'It's a horse, Dad.'" lost its punchline
the same way, and "Found him asleep … Put the blanket over both of them." what the writer
did about it.

Only a few words of the same breath are taken on: not a line under a blank line, a plan for
tomorrow, the writer leaving the page, a closing tag, or a list's next item; not past the
length of one quote. The question still asks after the centre.

"… and I'm so proud. Bed now.": a line of leaving is not joined to the line before it as its
answer (it was asked "Where does 'Bed now' take you?"). A line set apart in a paragraph of
its own keeps the weight of one with a word said after it ("… I suppose. Me.").

A feeling the writer is "waiting to feel" has not come: it is not named. Nor is gladness of
the writer's own hurt ("Glad my humiliation entertains someone"), unless the hurt is over.

These entries were written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import read


def _quoted(reply: str) -> str:
    """The first quotation of the reply, in its own curly marks."""
    start = reply.index("\u201c") + 1
    depth, k = 1, start
    while depth:
        ch = reply[k]
        depth += ch == "\u201c"
        depth -= ch == "\u201d"
        k += 1
    return reply[start : k - 1]


@pytest.mark.parametrize(("entry", "ending"), [
    ("Flu jab at 3. Have been dreading it all week. It takes four seconds.", "It takes four seconds"),
    ("Showed Maya my new haircut. She said, \"Did you lose a bet?\"", "Did you lose a bet?"),
    ("Found Dad asleep in the deckchair with the paper over his face. Left the radio on for him.",
     "Left the radio on for him"),
    ("Passed the theory test on the second go!!! The woman at the desk actually smiled.",
     "The woman at the desk actually smiled"),
])
def test_a_short_entry_is_quoted_to_its_last_line(entry: str, ending: str) -> None:
    quote = _quoted(compose(entry))
    assert quote.rstrip(".!?\u2019\u201d").endswith(ending.rstrip(".!?")), quote


@pytest.mark.parametrize(("entry", "left_out"), [
    # a plan for tomorrow, and the writer leaving the page, are not where it ends
    ("Walked round the lake with Ines and she finally told me about the job. Proud of her. "
     "Tomorrow: groceries.", "groceries"),
    ("Finished the quilt for Nan tonight, every last square of it, and I'm so proud. Bed now.",
     "Bed now"),
    # a closing tag is how it was filed
    ("Oh lovely, the boiler is off again, three days before my parents visit. #blessed", "blessed"),
])
def test_what_is_not_taken_on(entry: str, left_out: str) -> None:
    assert left_out not in _quoted(compose(entry))


def test_a_long_entry_is_not_quoted_whole() -> None:
    entry = ("Drove Mum to the clinic at eight and waited in the car park with a crossword I "
             "never started. I miss how easy she used to be to talk to. Parking was four pounds. "
             "Radio was rubbish.")
    quote = _quoted(compose(entry))
    assert "miss how easy" in quote and "Radio" not in quote


def test_the_question_still_asks_after_the_centre() -> None:
    reply = compose("Flu jab at 3. Have been dreading it all week. It takes four seconds.")
    question = reply.rsplit("\u201d", 1)[-1]
    assert "?" in question and "four seconds" not in question


_SHED = ("Cleared out Dad's shed with my brother this afternoon. Forty years of jam jars of "
         "screws, every one labelled in his capitals, and a radio that only gets one station.\n\n"
         "We argued about the lathe for an hour, properly argued, the way we used to over the "
         "front seat. Neither of us has room for it, so it's in Sam's garage under a dust sheet.\n\n"
         "{alone}\n\n"
         "We had chips on the wall outside the tip, and Sam did his impression of the auction "
         "man, which was not kind and very accurate. Drove home the long way.")


def _score_of(entry: str, line: str) -> float:
    analysis = analyze(entry)
    reading = read(analysis.text, analysis.tokens, "en")
    for moment in reading.moments:
        if line in analysis.text[analysis.tokens[moment.first].start : analysis.tokens[moment.last - 1].end]:
            return moment.score
    raise AssertionError(line)


def test_a_line_set_apart_keeps_its_weight_with_a_word_said_after_it() -> None:
    """"I'm the one with the labels now, I suppose. Me." is a line set apart between two
    paragraphs as much as the line alone: the word after it does not take its room away."""
    line = "I'm the one with the labels now, I suppose."
    alone = _score_of(_SHED.format(alone=line), "labels now")
    with_tail = _score_of(_SHED.format(alone=line + " Me."), "labels now")
    assert with_tail == pytest.approx(alone)
    # (a paragraph of two full lines is not a line set apart)
    two_lines = _score_of(_SHED.format(alone=line + " The jars are in my boot."), "labels now")
    assert two_lines < alone


def test_a_feeling_waited_for_is_not_named(feelings_of: Any) -> None:
    """"I keep waiting to feel panicked and instead I mostly feel like I've finally got time":
    the panic did not come, and naming fear there disputes the writer's own account (read
    blind: graded 2)."""
    entry = ("A month since the shop closed. I keep waiting to feel scared and instead I mostly "
             "feel like I've got time to look at things. The heron on the canal. Tea while it's hot.")
    assert "fear" not in feelings_of(entry)
    assert "fear" not in compose(entry).lower()


@pytest.mark.parametrize("entry", [
    "Tripped on the stage steps at Lena's wedding, in front of everyone. Glad my humiliation "
    "entertains the whole family. Still cringing.",
    "The video of me falling off the paddleboard is in the group chat now. Love that my misery "
    "is content.",
])
def test_gladness_of_ones_own_hurt_is_not_joy(entry: str, feelings_of: Any) -> None:
    """"Glad my humiliation entertains someone" is said through the teeth: read as "there's
    real joy in that", it was graded 1 blind."""
    assert "joy" not in feelings_of(entry)
    assert "joy" not in compose(entry).lower()


def test_gladness_that_a_hurt_is_over_is_joy(feelings_of: Any) -> None:
    entry = "Glad my pain is finally gone after three weeks!! Walked to the shop and back."
    assert "joy" in feelings_of(entry)

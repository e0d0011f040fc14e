"""A quiet entry's heart has no feeling word in it: a line the writer set apart as a
paragraph of its own, or what they kept back ("I didn't tell anyone"). The person reads
that line quoted back, not the loudest sentence of the setting around it."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose

SET_APART = (
    "Cleared out the allotment shed today, the council wants the plot back by March. Forty "
    "years of seed packets, a radio with no back on it, Dad's flask, his old hat, a "
    "deckchair that fell apart when I lifted it.\n\n"
    "I put his hat on before I locked up.\n\n"
    "Drove the rubbish to the tip, then home for beans on toast and the quiz. Bed early, "
    "the skip men come tomorrow at eight."
)

KEPT_BACK = (
    "Interview at the bakery went fine, a horrible long wait first in a freezing corridor "
    "with a dreadful radio and two awful other candidates who were brilliant and loud and "
    "very sure of themselves.\n\n"
    "Got the job on the spot, mornings from four. I haven't told Mum I'm leaving college yet.\n\n"
    "Bus home in the rain, chips with Kez, watched rubbish telly until midnight."
)

KEPT_BACK_ES = (
    "Hoy en la oficina un desastre terrible, el jefe gritando, la impresora rota y un cliente "
    "horrible que no paraba de quejarse de todo, una pesadilla de día. Me ofrecieron el "
    "traslado a Valencia.\n\n"
    "No se lo dije a Marta en la cena.\n\n"
    "Vimos una película mala. Nos fuimos a dormir temprano."
)


def test_a_line_set_apart_between_paragraphs_is_the_moment_quoted() -> None:
    assert "I put his hat on before I locked up" in compose(SET_APART)


@pytest.mark.parametrize(("text", "line"), [
    (KEPT_BACK, "I haven't told Mum I'm leaving college yet"),
    (KEPT_BACK_ES, "No se lo dije a Marta en la cena"),
])
def test_what_the_writer_kept_back_is_the_moment_quoted(text: str, line: str) -> None:
    assert line in compose(text)


SILENCE = (
    "Long day at the depot, a horrible shift, freezing rain, the heater broken and an awful "
    "delivery list that never ended.\n\n"
    "Dad rang after tea and we talked about the darts for an hour. {who} about the "
    "redundancy letter. He sounded tired.\n\n"
    "Need to sort the car insurance tomorrow."
)


def test_the_writers_own_silence_is_the_moment() -> None:
    assert "I didn't say anything about the redundancy letter" in compose(
        SILENCE.format(who="I didn't say anything"))


def test_someone_elses_silence_is_not_the_writers_keeping_back() -> None:
    # ("she didn't say anything weird" on the drive home is the mother's tact, no secret)
    assert "didn't say anything about the redundancy letter" not in compose(
        SILENCE.format(who="He didn't say anything"))


def test_a_story_going_on_in_a_paragraph_of_its_own_is_not_set_apart() -> None:
    # ("And then …" only carries the story on; the paragraph break is the writer's breath)
    text = (
        "The row started over the dishwasher again, who loads it, who empties it, the usual.\n\n"
        "And then I slammed the cutlery drawer hard enough to rattle the plates.\n\n"
        "It isn't about the dishwasher. It's that since his dad got ill I've been the one who "
        "notices everything, every appointment, every bin day, and I am so tired of noticing."
    )
    assert "slammed the cutlery drawer" not in compose(text)


def test_you_couldnt_tell_me_is_not_something_kept_back() -> None:
    # "couldn't tell you what happened" says the writer does not know, not that they hid it
    text = ("Watched two episodes of something and couldn't tell you what happened in either. "
            "Mum's scan is on Thursday and I am so scared I keep cleaning the same cupboard.")
    assert "so scared" in compose(text)


def test_a_long_entrys_opening_paragraph_is_its_setting() -> None:
    # (four paragraphs: the first sets the scene in loud words; the heart comes later)
    text = ("Day two of dividing up the house. Dan and I have been surprisingly civil, which "
            "everyone says is mature and which I think is mostly because neither of us can face "
            "a fight about a toaster.\n\n"
            "Sticky notes on everything. Green is me, orange is him. The sofa is orange. The "
            "good pans are orange.\n\n"
            "Afterwards we sat on the back step with a beer like we used to, and I felt the "
            "whole eleven years in my chest. Neither of us said anything.\n\n"
            "The new place has a small kitchen. I'll manage.")
    reply = compose(text)
    assert "the whole eleven years in my chest" in reply
    assert "toaster" not in reply

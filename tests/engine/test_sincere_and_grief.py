"""Sincerity is not irony, and a loss a year on is grief: the two misreadings a writer
minds most (a proud line called a joke; an anniversary of a death met as a quiet house)."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize("text", [
    "Honestly I'm proud of myself for sticking with the course, even the awful weeks.",
    "Just what I needed: a long hot bath after that shift.",
    "Exactly what I needed: an hour in the garden with the radio on.",
])
def test_a_sincere_entry_is_not_read_as_irony(text: str) -> None:
    assert not read(text).sarcasm
    assert "dry" not in compose(text) and "wry" not in compose(text)


@pytest.mark.parametrize("text", [
    "Just what I needed: a flat tyre on the motorway in the rain.",
    "Oh good, the review form is now 14 pages.",
])
def test_irony_beside_something_going_wrong_is_still_irony(text: str) -> None:
    assert read(text).sarcasm


def test_an_anniversary_of_a_loss_is_grief_and_its_heaviest_line_is_quoted() -> None:
    text = ("Mum's been gone a year today. I put two plates out at lunch without thinking and "
            "stood there holding the second one. The flat is so still. I miss her so much it "
            "aches.")
    assert "grief" in read(text).feelings
    reply = compose(text)
    assert "grief" in reply
    assert "two plates out at lunch without thinking" in reply or "I miss her so much it aches" in reply


def test_missing_a_person_is_longing_but_missing_a_bus_is_not() -> None:
    assert "longing" in read("Tom's away for work. I miss him so much, the flat is too tidy.").feelings
    assert "longing" not in read("Missed the 7:40 again, so I walked in the rain.").feelings


#: A story told over several paragraphs, opening on praise beside a defeat and ending on it
#: again, sincerely: the day the weakest player scored.
_LOST_AND_GLAD = """Best Sunday of the season and we lost 5-2.

Under-12s, home to Lindfield, sideways rain, the goalmouth a pond by half-time. We were
four down before anyone had warmed up. At the break I told them to talk to each other and
Harvey asked whether the hot chocolate was coming before or after the second half.

Then with five minutes left the ball bounced off two shins and rolled to Priya, who has
turned up to every training session for two years and never once had a shot. She looked
at it as if it might bite. Then she kicked it, not hard, and it crept in off the post.

The whole squad fell on her. Her mum was crying by the dugout and so, I think, was I. In
the car her mum sent me a photo of Priya asleep with the match ball.

5-2. The best result this club has had, as far as I'm concerned."""


def test_a_long_sincere_story_that_opens_on_praise_over_a_defeat_is_not_irony() -> None:
    assert not read(_LOST_AND_GLAD).sarcasm
    reply = compose(_LOST_AND_GLAD)
    assert "funny" not in reply and "dry" not in reply and "wry" not in reply


def test_a_short_complaint_under_praise_is_still_irony() -> None:
    assert read("Best Sunday of the whole season: we lost 5-2 in the rain and the kit bag "
                "was stolen.").sarcasm


def test_a_marker_that_cannot_be_sincere_keeps_a_long_story_ironic() -> None:
    text = _LOST_AND_GLAD.replace("as far as I'm concerned.", "as far as I'm concerned. Love that for me.")
    assert read(text).sarcasm


def test_a_funeral_that_only_dates_a_reunion_is_not_grief() -> None:
    text = ("Ottant'anni, zio Beppe! Eravamo in venti nella sala della pizzeria, con cugini "
            "che non si vedevano dal funerale di nonno Aldo. Lui ha soffiato sulle candeline "
            "tre volte perché non si spegnevano, e abbiamo riso tutti fino alle lacrime. "
            "Alla fine mi ha detto piano: «Grazie di essere venuto, Luca.» È stata la cosa "
            "più bella della giornata.")
    assert "grief" not in read(text, language="it").feelings
    assert "lutto" not in compose(text)


@pytest.mark.parametrize("text", [
    # a funeral the writer dates their own life by
    "I haven't slept properly since the funeral. The house is so quiet without her.",
    # a death told after "since"
    ("Should we get another cat? Mouse has seemed lost since Biscuit died; she sleeps "
     "on his blanket by the radiator most of the day."),
    # the day of a funeral, even told with jokes
    ("Grandad's funeral today at St Luke's. It poured all the way to the wake, which "
     "everyone agreed he'd have organised himself because he never trusted a dry "
     "funeral. My cousin read the poem and got the last line wrong and we all laughed."),
])
def test_a_loss_of_the_writers_is_grief(text: str) -> None:
    assert "grief" in read(text).feelings


def test_relief_after_a_long_wait_is_not_read_as_irony() -> None:
    text = ("Relief. Nothing else to call it. Dad's scan came back clear this morning after "
            "three weeks of waiting, during which Mum and I both acted fine and neither of us "
            "was. I was stuck in a meeting about the rota and had to step out into the "
            "corridor just to breathe. Tonight we had chips on the sofa and it was the most "
            "ordinary Wednesday, and I have never been so glad of an ordinary Wednesday.")
    assert not read(text).sarcasm
    reply = compose(text)
    assert "dry" not in reply and "joke" not in reply
    assert "relief" in reply.lower()


def test_a_feeling_said_and_taken_back_in_one_breath_is_not_named() -> None:
    text = ("Prize day at school. When they read my name out I tripped on the step, and Dad "
            "cheered from the back louder than anyone, and I was embarrassed and also not. "
            "Afterwards he bought chips for everyone and kept the programme.")
    assert "shame" not in read(text).feelings


def test_a_short_story_in_several_paragraphs_is_not_dry_either() -> None:
    text = ("Best Sunday of the season and we lost 6-2.\n\nUnder-11s, sleet, a pitch like "
            "porridge. We were four down by half-time.\n\nThen near the end the ball bounced to "
            "Amira, who has never scored in two seasons. She poked it and it rolled in. The "
            "whole team fell on her.\n\nHer mum texted that she wants to wear the shirt to "
            "school tomorrow. I sat in the car for a while before I drove.\n\n6-2. Best result "
            "we've ever had, as far as I'm concerned.")
    assert not read(text).sarcasm


def test_gladness_said_just_before_a_turn_against_it_is_not_named() -> None:
    text = ("My brother sent photos of the new boat tonight. Thirty of them. I wrote 'amazing, "
            "so happy for you!!' and meant most of it. And I am happy for him, really, somewhere "
            "underneath. But I'm also sitting in a rented room with a heater that clicks, and I'm "
            "forty-one, and Dad has already rung twice to say isn't it grand. I keep thinking if "
            "I'd just taken the Leeds job. I hated the Leeds job.")
    assert "joy" not in read(text).feelings


@pytest.mark.parametrize("text", [
    # a kindness that made it worse, said of someone: no praise belied
    ("Priya stopped me after standup and said, really gently, which made it worse, that I'd "
     "talked over Tom four times this week. I didn't know. I went over it on the bus home and "
     "she's right. That's an ugly thing to admit."),
    # a stated relief, then "Bliss.": sincere
    ("Cancelled on Jo tonight, said I had a cold, which was half true. The moment I sent it I "
     "felt this huge relief, pyjamas by seven, noodles, a terrible film. Bliss. Then she posted "
     "from the pub, 'rough week'. The relief is still here, that's the awful part."),
])
def test_remorse_and_guilty_relief_are_not_read_as_dry(text: str) -> None:
    assert not read(text).sarcasm


def test_thanks_beside_a_mishap_is_not_named_as_gratitude() -> None:
    text = ("Thrilled to say the 'ten-minute job' on the boiler is now on day four. Dale the "
            "engineer has been twice and each time blamed a different pipe. We now have no hot "
            "water and a brand new leak under the sink, which wasn't in the quote, but I do "
            "appreciate Dale expanding his range.")
    assert "gratitude" not in read(text).feelings

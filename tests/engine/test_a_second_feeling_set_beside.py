"""A second feeling the writer sets beside the first ("I'm so tired. I'm also … glad"):
one moment with two sides, both named, and asked after together.

Read blind, "I'm so tired. I'm also, somewhere under it, glad it's me doing this and not a
stranger. Don't tell her." was answered about the tiredness alone (graded 2): the "also"
line was not joined to it, and "glad" was read as said of the "it" in "under it".
"""

from __future__ import annotations

from mirror.engine.offline import compose


def test_a_feeling_set_beside_another_with_also_is_both(feelings_of) -> None:
    text = ("Surgeon says probably six weeks, then reassess. She's asleep now. I can hear her "
            "from here. Same snore as when I was little. I'm so tired. I'm also, somewhere under "
            "it, glad it's me doing this and not a stranger. Don't tell her.")
    assert set(feelings_of(text)) >= {"tiredness", "joy"}
    reply = compose(text)
    assert "I'm so tired. I'm also" in reply
    assert "that you're so tired?" not in reply  # the question is not about one side only


def test_an_it_after_a_preposition_is_not_what_the_feeling_is_said_of(feelings_of) -> None:
    assert "joy" in feelings_of("I'm also, somewhere under it, glad it's me doing this.")
    # the weather's "it" still is
    assert "sadness" not in feelings_of("It was windy and miserable and I was complaining the whole way.")


def test_a_line_said_both_at_once_keeps_its_two_sides() -> None:
    text = ("Your dad keeps laying three places out of habit and then putting one back in the "
            "drawer like he's hoping I didn't see. I'm proud of you. I'm also a bit cross with you "
            "for being brave in a direction that's so far away. Both at once.")
    reply = compose(text)
    assert "\u201cI'm proud of you\u201d" in reply and "Your dad keeps" not in reply


def test_two_feelings_named_are_both_kept_in_the_question() -> None:
    text = ("3:12am. She's eating. I'm typing with one thumb.\n"
            "Nobody told me how loud newborns are when they sleep. Grunting like a little pig in a "
            "hedge. Marco sleeps through all of it, I have no idea how, I want to study him.\n"
            "Day 11. I have showered twice. Both times Mum held her and stood outside the bathroom "
            "door telling me what she was doing, like a sports commentator. \"She's looking at the "
            "light. Oh, she's yawning.\" I love Mum. I would also like Mum to go home.\n"
            "Her hands. I keep looking at her hands. The nails are already long and I'm scared to "
            "cut them.\n"
            "She's done. She's looking at me like she has a question.")
    reply = compose(text)
    assert "tenderness and fear" in reply
    question = reply.rsplit(". ", 1)[-1]
    assert "tenderness" not in question and "fear" not in question  # neither side alone

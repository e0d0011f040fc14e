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

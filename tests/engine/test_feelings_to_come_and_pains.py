"""A feeling still to come, and a pain of the body: neither is named as what the writer feels.

Read blind on entries never seen before (fresh76): "Six weeks off. I'll be bored by
Wednesday." closing a teacher's proud last day of term was answered "There's boredom in
this" (graded 1); « J'ai mal aux genoux » after a first bike ride at fifty was answered
"tristesse, là, sans détour" (graded 1).
"""

from __future__ import annotations


def test_a_feeling_foretold_is_not_felt(feelings_of) -> None:
    assert "boredom" not in feelings_of("Last day of term. Amara dreamt in English. Six weeks off. "
                                        "I'll be bored by Wednesday.")
    assert "tiredness" not in feelings_of("Party tonight. I'm going to be so tired tomorrow.")
    # said now, it is felt; "I'll be honest" foretells nothing
    assert "boredom" in feelings_of("Six weeks off and I'm already so bored.")
    assert "sadness" in feelings_of("I'll be honest, I'm sad.")


def test_a_pain_in_a_named_body_part_is_the_bodys(feelings_of) -> None:
    text = ("Premier vélo à cinquante ans. Claire a tout filmé, mais en riant. J'ai mal aux genoux.")
    assert "sadness" not in feelings_of(text)
    assert "sadness" in feelings_of("Elle est partie ce matin. J'ai mal, tellement mal.")

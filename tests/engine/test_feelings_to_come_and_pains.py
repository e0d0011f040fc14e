"""A feeling still to come, and a pain of the body: neither is named as what the writer feels.

Read blind on entries never seen before (fresh76): "Six weeks off. I'll be bored by
Wednesday." closing a teacher's proud last day of term was answered "There's boredom in
this" (graded 1); « J'ai mal aux genoux » after a first bike ride at fifty was answered
"tristesse, là, sans détour" (graded 1).
"""

from __future__ import annotations

from mirror.engine.offline import compose


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


def test_a_feeling_the_writer_says_is_gone_is_not_named_as_tonights() -> None:
    # Read blind: "This reads with anger … How is the anger sitting with you tonight?" after
    # "I don't feel that anymore" was graded 1 ("the writer says the anger is gone").
    reply = compose("My brother would have been forty today. Went to his old chippy and ate the "
                    "battered sausage walking, like him.\n\nWhat I keep coming back to is how angry "
                    "I was for the first few years. At the driver, at the road. I don't feel that "
                    "anymore. I haven't for a while.")
    assert "anger" not in reply.lower()


def test_a_feeling_beside_an_unrelated_no_longer_is_still_named() -> None:
    reply = compose("He aprobado, y con plaza. Estoy orgullosa. Esta noche he salido con Nacho y "
                    "me he dado cuenta de que ya no sé hablar de nada que no sea derecho.")
    assert "orgullo" in reply.lower()

"""A state said twice, the second time harder ("I am calm. I am very calm."), is protested
too much: read blind, "How does it sit with you, that you are very calm?" after a mother
watching the window for her son's text took a self-mocking line at face value (graded 1).
The line is still quoted as the person's; the question does not take the state as fact."""

from __future__ import annotations

from mirror.engine.checks import check
from mirror.engine.offline import compose

WAITING = ("Ellie drove to the coast on her own today, first long drive since she passed. I've "
           "been checking the traffic app like it's the stock market.\n\n2.10. Nothing.\n\n"
           "2.14: \"mum im fine stop texting\"\n\nI am fine. I am totally fine. I am going to "
           "water the tomatoes and leave my phone on the kitchen table.")


def test_a_state_protested_is_not_asked_after_as_a_fact() -> None:
    for version in range(3):
        reply = compose(WAITING, version=f"v{version}")
        assert "that you are totally fine" not in reply and "that you're totally fine" not in reply, reply
        assert check(reply, WAITING).passed


def test_a_state_said_once_is_still_asked_after() -> None:
    text = "Long walk with Sam by the sea. I am happy. Really happy, for the first time in months."
    assert "you are happy" in compose(text) or "you're happy" in compose(text)

"""A verb of knowing or thinking is not said back cut from what it knew: "Never been happier,
I don't think" was asked "What comes up when you read back that you don't think?", and "I
didn't know then that it was the best thing in my life" "What is it like to write that you
didn't know?". "I don't think", closing a line, is a tag, as "I think" is."""

from __future__ import annotations

from mirror.engine.offline import compose


def test_a_closing_i_dont_think_is_a_tag_not_the_clause_asked_after() -> None:
    reply = compose("Night feeds again. I'm so tired I saw the lamp move earlier. Never been "
                    "happier, I don't think.")
    assert "you don't think?" not in reply
    assert "don't think\u201d, for you" not in reply


def test_a_verb_of_knowing_is_not_said_back_without_what_was_known() -> None:
    reply = compose("Dad and me used to do the crossword every Sunday at the kitchen table. I "
                    "didn't know then that it was the best thing in my week.")
    assert "that you didn't know?" not in reply

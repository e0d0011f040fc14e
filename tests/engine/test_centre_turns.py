"""Where an entry turns, the mirror quotes the turn: a line and the sentence that turns it
are one moment, and a writer who points ("that's the thing", "the worst part") is pointing
at the heart."""

from __future__ import annotations

from mirror.engine.offline import compose


def test_a_line_and_the_sentence_that_turns_it_are_both_kept() -> None:
    text = ("Closed the shop at nine again. Counted the till twice because I was too tired to "
            "trust myself. I've worked Saturdays for three years and I still mostly resent it. "
            "But I'd never have met Dolores otherwise.")
    reply = compose(text)
    assert "never have met Dolores" in reply and "resent it" in reply


def test_the_turn_after_a_centre_line_is_quoted_with_it() -> None:
    text = ("Up at five for the night bus home. I've done the early shift for a year and I "
            "still mostly dread it. But the bakery on Hill Street gives me the broken croissants "
            "for free. Slept till noon.")
    assert "still mostly dread it. But the bakery on Hill Street" in compose(text)


def test_the_line_the_writer_points_at_is_the_one_quoted() -> None:
    text = ("Saw Priya's name come up on my phone today, some group chat thing. We were "
            "inseparable at uni, shared a flat for two years, knew each other's every "
            "secret. There was no fight. That's the thing, there was no fight, we just "
            "drifted.")
    assert "we just drifted" in compose(text)


def test_a_concession_in_a_list_item_makes_it_the_charged_one() -> None:
    text = ("- Altpapier runterbringen\n- Steuerunterlagen sortieren\n"
            "- Oma anrufen, auch wenn sie wieder nach Thomas fragt\n- Fahrrad aufpumpen\n")
    assert "auch wenn sie wieder nach Thomas fragt" in compose(text)


def test_a_turn_in_the_middle_of_an_entry_carries_the_weight_of_what_it_turns_against() -> None:
    text = ("Third attempt at the bathroom tiles and the grout actually set. I stood in the doorway "
            "with the big light on like it was a gallery. Mina came in to ask what the smell was and "
            "then just stood there with me. I've been feeling useless at pretty much everything "
            "since the summer, and I know a wall of tiles doesn't fix that. But for an hour this "
            "evening something I made did exactly what it was supposed to do, and I want to "
            "remember that it felt like that. The sponge is called Norman now. Mina's idea.")
    reply = compose(text)
    assert "But for an hour this evening something I made did exactly what it was supposed to do" in reply
    assert "useless" not in reply

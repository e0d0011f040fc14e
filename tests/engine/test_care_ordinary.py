"""An ordinary day read as an ordinary day: the sign's surroundings decide.

"I'll do it tonight" after a form named, a blow from a shuttlecock in PE, "when I said
no" as the answer to a question, an annoyance as the condition of a joke, errands in
different paragraphs of a diary. Each case is paired with a crisis that shares its surface
words and must still get care (tests/corpus/care/ holds more of both).
"""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, GENTLE, assess
from mirror.engine.care.rules import RuleError, parse_ordinary


@pytest.mark.parametrize("text", [
    "The council gave me an eleven-page form for the parking permit, due Friday. I'll do it tonight.",
    "Mrs Okafor asked me to leave my lesson plans on the shared drive before half term. "
    "I said of course. I'll do it tonight. Or tomorrow.",
    "La gestoría me mandó un formulario de once páginas para la renta. Lo haré esta noche.",
    "Mon chef m'a envoyé le rapport trimestriel à relire avant lundi. Je vais le faire ce soir.",
    "Mijn baas wil het kwartaalrapport voor maandag. Ik ga het vanavond doen.",
    "Der Vermieter will das Formular bis Freitag zurück. Ich mache es heute Abend.",
])
def test_a_task_named_before_do_it_tonight_is_the_task(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "I've written the letters. I'll do it tonight.",
    "Everyone is better off without me. The form from the GP is still on the table. I'll do it tonight.",
    "The pills are in my bag. I asked the pharmacist about the form for the refill. I'll do it tonight.",
    "I can't go on like this. Nobody would miss me. I'll do it tonight.",
    "No puedo más. Nadie me echaría de menos. Lo haré esta noche.",
])
def test_do_it_tonight_beside_letters_distress_or_a_means_is_still_care(text: str) -> None:
    assert assess(text).tier == CARE


def test_a_bare_do_it_tonight_with_nothing_named_is_care() -> None:
    assert assess("Made up my mind. I'll do it tonight while everyone is out.").tier == CARE


def test_errands_in_different_paragraphs_do_not_add_up() -> None:
    diary = ("The old collie has done it on purpose, dug under the fence again.\n\n"
             "Wool cheque came in, poor again. Made up my mind: the hoggs go to the autumn sale.\n\n"
             "Mended the trough. Early night.")
    assert assess(diary).tier is None


def test_veiled_signs_near_each_other_still_add_up() -> None:
    text = ("Returned every book I'd borrowed. Paid Dan back the fifty quid. "
            "Rang Gran just to say I love her. Don't like leaving loose ends.")
    assert assess(text).tier == GENTLE


def test_distress_lets_far_signs_add_up() -> None:
    far = ("I'm so tired of everything. Returned the books, paid Dan back.\n\n"
           "Made up my mind about it. Cleared my desk.")
    assert assess(far).tier is not None


@pytest.mark.parametrize("text", [
    "In PE Tariq hit me in the eye with the shuttlecock. Not hard but it watered all through maths.",
    "We were playing dodgeball and Ellie hit me right in the face with the ball. Everyone laughed.",
    "Noah fell off the climbing frame at nursery and has a bruise on his knee. He says he's a pirate now.",
])
def test_a_blow_in_play_or_a_childs_fall_is_an_accident(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "He says it was an accident. It's never an accident. He hit me in the face with the remote and laughed.",
    "I told my teacher I fell off my bike. The bruise on my arm is from him, when he grabbed me.",
])
def test_a_cover_story_keeps_the_abuse(text: str) -> None:
    assert assess(text).tier is not None


def test_an_annoyance_as_the_condition_is_a_joke() -> None:
    joke = ("If Derek says 'per my last email' one more time I am going to walk into the sea. "
            "Fully clothed. With my laptop.")
    assert assess(joke).tier is None
    threat = "If he hits me one more time I'm going to walk into the sea and not come back. I mean it."
    assert assess(threat).tier == CARE
    weary = "If I have to wake up one more time in this house I'm going to walk into the sea."
    assert assess(weary).tier == CARE


def test_the_joke_frame_holds_with_laughter_and_leaves_a_joking_wish_its_line() -> None:
    assert assess("If I have to sit through one more budget meeting I will throw myself off "
                  "the roof lol").tier is None
    # about a trivial thing (a song), laughter makes it hyperbole twice over (levity.py);
    # a joking wish about nothing named keeps its line
    assert assess("If I hear that song one more time I'm going to kill myself lol.").tier is None
    assert assess("Honestly I'm going to kill myself lol.").tier == GENTLE


def test_no_as_an_answer_is_not_a_refusal() -> None:
    answer = "A boy in Year 8 asked if I was ill. When I said no, just old, he said that made sense."
    assert assess(answer).tier is None
    assert assess("When I said no he locked me in the bathroom until I said sorry.").tier == CARE


def test_hoping_something_else_does_not_survive() -> None:
    wasp = "There was a wasp in the kitchen and I flicked it out the window. I hope it didn't make it."
    assert assess(wasp).tier is None
    assert assess("I hope I don't make it through the night.").tier == CARE


def test_a_letter_of_an_ordinary_kind_and_relief_at_a_task_done() -> None:
    text = ("Finally wrote my rec letter for Amira. The funeral was on Monday so it had been hanging "
            "over me. Felt lighter once it was sent.")
    assert assess(text).tier is None


def test_an_ordinary_entry_that_may_undo_a_clear_sign_must_be_guarded() -> None:
    with pytest.raises(RuleError):
        parse_ordinary({"ordinary": [{"cues": ["TASK"], "categories": ["intent_plan"], "clear": True}]})
    [entry] = parse_ordinary({"ordinary": [{"cues": ["TASK"], "categories": ["intent_plan"],
                                            "kinds": ["refers"], "before": 2, "clear": True,
                                            "guarded": True, "keep": ["PERIL"]}]})
    assert entry.before == 2 and entry.kinds == {"refers"} and entry.keep == {"PERIL"}


@pytest.mark.parametrize("text", [
    "if one more person says 'per my last email' to me today i will walk into the sea",
    "If another email comes in tonight I'm going to walk into the sea lol",
])
def test_an_annoyance_counted_before_the_verb_is_exasperation_too(text: str) -> None:
    """"If one more person says …": the annoyance is counted before its verb, not after
    ("says it one more time"); the absurd destination is still a joke."""
    assert assess(text).tier is None


def test_a_life_one_more_day_of_which_is_too_much_is_still_care() -> None:
    assert assess("If I have to wake up one more time in this house I'm going to walk into the sea.").tier == CARE


@pytest.mark.parametrize("text", [
    "Farewell party at the office, I'm moving to Madrid. Gave my plants and books to the team.",
    "Pot de départ au bureau, je déménage à Nantes. J'ai distribué mes plantes à l'équipe.",
    "Perpisahan di kantor, bulan depan aku pindah ke Medan. Barang-barang di meja aku bagiin ke temen-temen.",
])
def test_a_move_said_in_the_sentence_before_makes_giving_away_ordinary(text: str) -> None:
    assert assess(text).tier is None

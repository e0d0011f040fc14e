"""Which feeling a word names depends on the words around it: the longest phrase wins ("tired
of" is being fed up, "passed away" is a death), a likeness the writer says they feel ("I feel
a bit like a thief") is their feeling, a feeling noun that arrives ("the guilt kicked in") is
the diarist's own, and glad words before "joking aside" were the joke. Read blind, replies
that named "tiredness" for a friend who keeps cancelling, or "joy" alone for "I'm happy and I
feel a bit like a thief", were graded as not having listened. These entries were written for
the tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "named", "not_named"), [
    ("Lena cancelled again, an hour before. I'm tired of being the friend who keeps the "
     "evening free.", "frustration", "tiredness"),
    ("Sick and tired of the neighbours' music at 2am.", "frustration", "tiredness"),
    ("Grandad passed away on Sunday, in his sleep. I keep finding his reading glasses.", "grief",
     "pride"),
])
def test_the_longest_phrase_names_the_feeling(text: str, named: str, not_named: str) -> None:
    feelings = read(text).feelings
    assert named in feelings
    assert not_named not in feelings


@pytest.mark.parametrize(("text", "felt"), [
    ("Got the promotion. Which means I'll be managing Dev, who also applied. I'm happy and I "
     "feel a bit like a thief.", {"joy", "guilt"}),
    ("Everyone clapped when they read my name out. I felt like a fraud the whole evening.",
     {"shame"}),
])
def test_a_likeness_the_writer_feels_is_a_feeling(text: str, felt: set[str]) -> None:
    assert felt <= set(read(text).feelings)


def test_a_likeness_of_a_face_is_still_only_a_face() -> None:
    text = "I was grinning like an idiot on the bus all the way home."
    assert "shame" not in read(text).feelings


def test_a_feeling_that_arrives_in_a_diary_is_the_writers() -> None:
    text = ("Cancelled on Priya tonight. Said I had a migraine. I did not have a migraine. The "
            "relief when she texted back \"no worries feel better!!\" was enormous and then like "
            "thirty seconds later the guilt kicked in.")
    reply = compose(text)
    # the whole line, past the quoted cry, so neither half of the mix is cut away
    assert "was enormous and then like thirty seconds later the guilt kicked in" in reply
    assert {"relief", "guilt"} <= set(read(text).feelings)


def test_someone_elses_calm_is_still_theirs() -> None:
    assert "calm" not in read("The nurse was calm. She held the bowl while I was sick.").feelings


def test_glad_words_before_joking_aside_were_the_joke() -> None:
    text = ("Lunch with Jack's mother, who has kindly found us a florist and a vicar we did not ask "
            "for. So helpful. I feel so lucky to have someone take all these decisions off my "
            "hands.\n\nJoking aside: I'm scared it won't feel like our wedding by the time we "
            "get there.")
    feelings = read(text).feelings
    assert "fear" in feelings
    assert "gratitude" not in feelings
    assert "gratitude" not in compose(text).lower()


def test_without_joking_aside_gratitude_is_still_named() -> None:
    text = "I feel so lucky to have friends who turn up with soup when the week is hard."
    assert "gratitude" in read(text).feelings


def test_doing_something_by_yourself_is_not_loneliness() -> None:
    text = ("I PASSED. First time. Drove to Connor's by myself tonight, radio on, windows down "
            "even though it's freezing. Nobody next to me telling me to check my mirrors.")
    assert "loneliness" not in read(text).feelings
    assert "lonel" not in compose(text).lower()


def test_being_overtaken_is_not_pride() -> None:
    text = ("Primo allenamento per la mezza maratona. Un signore di almeno ottant'anni col cane "
            "mi ha superato due volte. Domani si riprova.")
    assert "pride" not in read(text, None, "it").feelings
    assert "orgoglio" not in compose(text).lower()


def test_a_deed_held_in_quotation_marks_beside_praise_is_irony() -> None:
    text = ("Wonderful news: IT has \"fixed\" the office printer, and now it only prints in "
            "pink, so the quarterly loss report looks festive.")
    assert read(text).sarcasm


def test_modesty_and_reported_words_are_not_irony() -> None:
    assert not read("My \"brilliant\" idea for the garden actually worked! Wonderful "
                    "tomatoes.").sarcasm
    assert not read("We had a wonderful evening. She said \"finished\" when she saw the cake "
                    "and I nearly cried.").sarcasm


def test_a_thing_hated_put_first_is_a_dislike_not_anger() -> None:
    text = ("Gerald always drove. I found his driving gloves in the glovebox, and the sunglasses "
            "he wore in every photo. The awful gold ones I hated.")
    assert "anger" not in read(text).feelings
    assert "anger" in read(
        "He left without a word. I hated him for it, I was so angry I shook.").feelings


def test_a_feeling_that_arrives_is_the_diarists_even_beside_someone_who_texted() -> None:
    text = ("Cancelled on Priya tonight. The relief when she texted back was enormous and then "
            "the guilt kicked in.")
    assert {"relief", "guilt"} <= set(read(text).feelings)

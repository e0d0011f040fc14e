"""Crisis said in words the first rules did not foresee, and ordinary days that only
share their words. Each positive here was missed, and each negative raised, by an earlier
detector; people who never saw the rules wrote the kinds of entries they stand for."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess


@pytest.mark.parametrize("text", [
    # lethality researched: a named medicine counted, a rescue imagined, a height checked
    "looked up how many of my sertraline it would take and whether they'd find me in time if "
    "i did it on a weeknight. also checked how high the viaduct on the A-road is.",
    # a child alone with an adult who threatens what telling would cost, the door barricaded
    "Mum's on nights all week so it's just me and him again. He says if I ever mention our "
    "'little talks' to anyone I'll be the one who gets taken away and put in a home, and that "
    "nobody believes fourteen year olds anyway. I push the chest of drawers against my door now.",
    # food lied about, a limit pushed down, bones watched, the body failing
    "Told mum I ate at Kate's and told Kate I ate at home, works every time. My limit was 600 "
    "and now it's 300 and honestly I should get it lower, I can see my hip bones properly now "
    "but it's still not enough. Got dizzy on the stairs to the library.",
    "started cutting again. 3 months clean gone.",
])
def test_unforeseen_phrasings_get_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "I took down the pictures he'd hung so crooked for years and I'm going to hang them in my "
    "hallway, crooked on purpose.",
    "And the office printer, my god, I cannot go on like this with this printer.",
    "My stomach is covered in little bruises from the injections and I'm so bloated I look "
    "pregnant. I want to stop being so angry at my own body but I can't, it feels like it's "
    "doing this on purpose.",
    "The paramedics found me in time, says the discharge letter. Three years ago now; I'm "
    "doing well.",
    "Started cutting again the rose bushes this spring.",
    "Went to the gym to burn off the Christmas dinner, ha.",
    "The company's spending limit was 600 and now it's 1000, great news for the team.",
])
def test_ordinary_lines_that_share_their_words_raise_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


@pytest.mark.parametrize("text", [
    "i'm going to hang myself tonight",
    "I cannot go on like this with my life",
    "wondering if anyone would find me in time. probably not.",
    "I burned my arm on purpose with the lighter again",
])
def test_the_signs_they_stand_beside_still_count(text: str) -> None:
    assert assess(text).tier is not None

"""Long, heavy, ordinary entries must not get the care response: a person writing about
an IVF scan, a mother's flat or a brother far away who is met with crisis numbers learns
that Mirror does not read them. Each text here once got care or the gentle line from words
that only look like signs; the signs those words stand near still count."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess

IVF = (
    "Everyone else still thinks we're \"just not bothered about kids,\" which is a lie I let "
    "them believe because it's easier than the questions. I want to find that woman now and "
    "say — what? Nothing. I just want to stop being angry at people who didn't know.\n\n"
    "I don't know how to hope at the right size. I keep putting my hand on my stomach and "
    "then taking it away.\n\nTomorrow at 9:40 someone will put cold gel on me and turn the "
    "screen, and I'm going to make myself look at it this time."
)
FLAT = (
    "Des centaines d'élastiques, des sacs en plastique pliés en petits triangles, des pots de "
    "confiture vides lavés et rangés « au cas où ». Quarante ans de « au cas où ». Et puis, "
    "dans le tiroir du bas de la commode, une boîte à chaussures avec tous nos dessins "
    "d'école.\n\nJ'ai gardé la boîte à chaussures. Et un pot de confiture vide, je ne sais "
    "pas pourquoi. Au cas où."
)
BROTHER = (
    "Danny was nine and he hated swimming more than anything in the world. He never once let "
    "me see he was scared until we were grown ups and he told me at his wedding.\n\n"
    "Danny lives in Perth now. We do a call every couple of months. Last time we talked was "
    "August, I think. His kids have accents now. It's lovely and strange."
)


@pytest.mark.parametrize("text", [IVF, FLAT, BROTHER], ids=["ivf", "mothers-flat", "brother"])
def test_heavy_ordinary_entries_get_no_care_response(text: str) -> None:
    assert assess(text).tier != CARE


@pytest.mark.parametrize("text", [
    "I just want to stop being angry at people who didn't know.",
    "I want to stop checking my phone every five minutes.",
    "I keep putting my hand on my stomach and then taking it away.",
    "It's a lie I let them believe because it's easier than the questions.",
    "Last time we talked was August, I think.",
    "He never once let me see he was scared.",
    "I'm 41. I'd like to not be someone who needs permission to eat a sandwich.",
    "J'ai gardé la boîte à chaussures avec nos dessins.",
    "Rangés « au cas où ». Quarante ans de « au cas où ».",
])
def test_words_that_only_look_like_signs_raise_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


@pytest.mark.parametrize("text", [
    "I just want to stop.",
    "I want to stop existing.",
    "On the walk home I couldn't stop imagining the platform edge, the rush of the express, "
    "and then nothing at all.",
    "He won't let me see my friends anymore.",
    "Gave my guitar to Sam today. Gave my books to Ana. They should have them.",
    "I hugged them all knowing it's the last time I'll see them.",
    "i just want to not be.",
])
def test_the_signs_beside_them_still_count(text: str) -> None:
    assert assess(text).tier is not None


@pytest.mark.parametrize("text", [
    "day 4 on water and black coffee. nearly fainted in the shower this morning but the scale "
    "went down so worth it. not eating tomorrow either, if i eat i'll have to start again",
    "third day with nothing but water. the room went black on the stairs today. not eating "
    "tomorrow either.",
])
def test_a_regimen_of_not_eating_kept_up_against_the_body_gets_care(text: str) -> None:
    assert assess(text).tier == CARE


@pytest.mark.parametrize("text", [
    "Second day of the stomach bug, only water since Tuesday. Nearly fainted in the shower.",
    "Colonoscopy tomorrow so day 2 on clear broth. Nearly fainted getting up. Not eating "
    "tomorrow either till after.",
    "Day 3 of the juice cleanse! The scale says 1kg down. Pizza on Saturday to celebrate.",
])
def test_a_fast_with_its_reason_or_without_the_resolve_gets_no_care(text: str) -> None:
    assert assess(text).tier != CARE

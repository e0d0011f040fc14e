"""A measure of time is not a judgement, and a writer leaving the page in any language is
not where the entry lands.

"… got stuck on 14 down for the best part of an hour" is most of an hour: taken for "the
best part" (a pointer) and for VADER's "best", it was quoted over a dog nine days gone
(read blind: "a grief entry answered with curiosity about a stuck crossword clue", 2).
"The best part of the day was the dog show" still points.

"Jetzt erstmal Nudeln und Tatort." closing an angry entry is the writer turning to the
evening: an aside, as "also …" is in English (quoted instead of "Jetzt ärgere ich mich
doppelt, über ihn und über mich", graded 2). Words of leaving the page ("Ab ins Bett.",
"Idę spać.") sign off in every language with frames, as "Bed now." does in English.

These entries were written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from mirror.engine.offline import compose


def test_the_best_part_of_an_hour_is_a_measure_of_time(centre_of: Any) -> None:
    entry = ("Wet again. Sat with the crossword and got stuck on 9 across for the best part of an "
             "hour. It's been two weeks since we lost Pepper. I keep putting her bowl down in the "
             "morning before I remember.")
    assert "best part of an hour" not in centre_of(entry)
    assert "bowl" in compose(entry)


def test_the_best_part_of_the_day_still_points(centre_of: Any) -> None:
    entry = "Long day at the county show. The best part of the day was the sheepdog trial. Home by six."
    assert "sheepdog" in centre_of(entry)


@pytest.mark.parametrize(("entry", "heart", "aside"), [
    ("Ich bin immer noch sauer. Heute hat Jonas meine Präsentation vorgestellt, als wäre es seine "
     "Idee gewesen. Ich habe nichts gesagt. Jetzt ärgere ich mich doppelt, über ihn und über mich.\n\n"
     "Morgen rede ich mit ihm. Ruhig. Sachlich. Und wenn das nicht hilft, gehe ich zu Frau Berger. "
     "Jetzt erstmal Pizza und Fernsehen.", "ärgere ich mich doppelt", "Pizza"),
])
def test_an_aside_turning_to_the_evening_is_not_the_centre(entry: str, heart: str, aside: str, centre_of: Any) -> None:
    centre = centre_of(entry)
    assert heart in centre and aside not in centre


@pytest.mark.parametrize(("entry", "sign_off"), [
    ("Mama hat angerufen. Wir haben über Papas Geburtstag geredet, und sie hat zum ersten Mal seit "
     "Monaten gelacht, richtig gelacht.\n\nDanach habe ich die Wäsche gemacht und die Küche "
     "aufgeräumt, wie jeden Sonntag.\n\nAb ins Bett.", "Bett"),
    ("Syn przyjechał na weekend. Przy obiedzie powiedział, że tęsknił za moimi pierogami, i "
     "zrobiło mi się ciepło na sercu.\n\nPotem oglądaliśmy mecz i kłóciliśmy się o sędziego, jak "
     "zawsze.\n\nIdę spać.", "spać"),
])
def test_a_writer_leaving_the_page_signs_off(entry: str, sign_off: str, centre_of: Any) -> None:
    assert sign_off not in centre_of(entry)

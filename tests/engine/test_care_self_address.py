"""The writer who cannot write "I": a note to self in the second person, a name the entry
says is the writer's, the third person kept for oneself. Such an entry is read a second
time with those words as the writer's own; notes to self about other people, figures of
speech and a name that is a part in a play stay ordinary."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess


@pytest.mark.parametrize("text", [
    "Note to self: nobody would miss you if you were gone.",
    "Dear me, you keep planning to kill yourself this weekend.",
    "Maya wants to die. Maya is me, and writing it this way is the only way I can.",
    "Briefje aan mezelf: jij wilt dood, dat weet je allang.",
    "Notiz an mich selbst: du willst nicht mehr leben.",
    "Записка себе: ты больше не хочешь жить.",
    "Note pour moi : tu veux mourir, tu le sais depuis longtemps.",
    "Lembrete pra mim mesma: você quer morrer.",
])
def test_the_writer_named_as_another_gets_care(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()
    assert any("the writer, named as another" in s.context for s in finding.signals)


@pytest.mark.parametrize("text", [
    "Note to self: call Priya, her grandmother died last week and she's struggling.",
    "Note to self: you're dying to see that film, book the tickets.",
    "Ellie is me in the school play; she dies in act three.",
    "This is me on holiday. She wants to go back already.",
    "Nota para mí: llamar a Lucía, su padre murió y ella está fatal.",
    "Notiz an mich selbst: er will nach dem Umzug nie wieder Kisten sehen.",
])
def test_notes_to_self_about_ordinary_things_stay_ordinary(text: str):
    assert assess(text).tier is None, assess(text).to_json()

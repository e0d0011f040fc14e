"""A list of what was good today is not a list of errands: asked which item "you would be
relieved to cross off first", a gratitude list was read blind as not having been read
(graded 1). These entries were written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mirror.engine.offline import compose

FRAMES = Path(__file__).resolve().parents[2] / "constitution" / "mirrorback"


def _errand_questions(language: str) -> list[str]:
    frames = yaml.safe_load((FRAMES / f"{language}.yaml").read_text(encoding="utf-8"))["frames"]
    return [str(q) for key in ("ask_list", "ask_list_done") for q in frames.get(key) or ()]


@pytest.mark.parametrize(("text", "language"), [
    ("Grata hoje por:\n- o café da padaria ainda quentinho\n- a vizinha ter regado as minhas "
     "plantas\n- o Léo ter ligado só pra dizer oi", "pt"),
    ("Grateful today for:\n- the lollipop lady who remembered my name\n- soup that was still hot\n"
     "- Gran's voice note, all four minutes of it", "en"),
    ("Agradecida hoy por:\n- el sol en la terraza a las cinco\n- que Marta me guardara un trozo "
     "de tarta\n- dormir ocho horas seguidas", "es"),
])
def test_a_gratitude_list_is_not_asked_which_item_to_cross_off(text: str, language: str) -> None:
    reply = compose(text)
    assert not any(q in reply for q in _errand_questions(language)), reply


def test_a_list_item_with_the_writers_aside_in_brackets_is_not_asked_as_an_errand() -> None:
    """"- reply to Dad about Easter (don't)": the aside is the writer's own word on that item,
    and the reply does not ask which errand to cross off first."""
    text = "saturday\n- bins\n- ring the garage AGAIN\n- reply to Dad about Easter (don't)\n- sleep"
    reply = compose(text)
    assert "reply to Dad about Easter (don't)" in reply
    assert not any(q in reply for q in ("cross off", "more than an errand", "sits with you longest"))

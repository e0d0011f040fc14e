"""A writer from the River Plate is answered in "vos", as they write; every other Spanish
keeps "tú" (and a "vos" only quoted from someone else does not count)."""

from __future__ import annotations

import pytest

from mirror.engine.checks import check
from mirror.engine.offline import compose
from mirror.engine.rioplatense import written_with_vos

RIOPLATENSE = [
    "Che, hoy laburé doce horas. Mi vieja me llamó tres veces. Vos sabés cómo es ella, no para "
    "nunca. Estoy re cansado pero contento.",
    "Lo vi de casualidad en el Coto de Caballito, con un nene de la mano. El pibe tenía sus mismos "
    "rulos. Volví a casa sin comprar nada. No sé si estoy enojado, triste o qué.",
    "Tenés razón, Mariano: no era para tanto. Igual me quedé pensando toda la tarde en lo que dijo.",
]
ELSEWHERE = [
    "Hoy trabajé doce horas. Mi madre me llamó tres veces. Tú sabes cómo es, no para nunca. "
    "Estoy muy cansado pero contento.",
    # Bogotá: the roommate is asked in "vos", quoted; the writer's own Spanish is not voseo
    'Le dije "parce, ¿será que podés lavar eso hoy?" y me dijo "ay sí, ahorita". Terminé lavando '
    "yo, con una rabia que hasta se me rompió un vaso.",
    "Tomamos mate en la plaza de mi pueblo en Extremadura, como cada domingo con mis tías.",
]


@pytest.mark.parametrize("text", RIOPLATENSE)
def test_the_river_plates_spanish_is_answered_in_vos(text: str) -> None:
    assert written_with_vos(text)
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert not any(w in reply.split() for w in ("escribes", "Escribes", "ti?", "ti", "sientes")), reply
        assert check(reply, text).passed


@pytest.mark.parametrize("text", ELSEWHERE)
def test_other_spanish_keeps_tu(text: str) -> None:
    assert not written_with_vos(text)


def test_a_voseo_reply_speaks_in_vos_forms() -> None:
    replies = {compose(RIOPLATENSE[2], version=f"v{v}") for v in range(6)}
    assert any(w in r for r in replies for w in ("escribís", "Escribís", "notás", "para vos", "pensás")), replies

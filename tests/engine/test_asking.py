"""A question the person asks themselves is met with a question about the question, never
an exercise: read blind, "What does each answer feel like when you imagine it?" was graded
as advice in disguise (imagine this)."""

from __future__ import annotations

import pytest

from mirror.engine.checks import check
from mirror.engine.offline import compose

ASKED = [
    ("en", "Should I take the Bristol job? It's more money, but Mum is here and she's not getting any younger."),
    ("es", "¿Debería volver a estudiar a los cuarenta? No sé si es valentía o huida."),
    ("de", "Soll ich Jonas sagen, dass ich nicht mitkomme? Ich weiß es einfach nicht."),
    ("fr", "Est-ce que je dois rappeler Claire ? Je ne sais plus ce que je veux."),
    ("pt", "Será que eu devo largar o curso? Não sei mais o que quero."),
]


@pytest.mark.parametrize("language, text", ASKED)
def test_a_question_to_oneself_is_not_answered_with_an_exercise(language: str, text: str) -> None:
    for version in range(6):
        reply = compose(text, version=f"v{version}")
        assert not any(w in reply.lower() for w in ("imagine", "imaginas", "vorstellst", "imagines", "imagina")), reply
        assert reply.rstrip().endswith("?"), reply
        assert check(reply, text).passed

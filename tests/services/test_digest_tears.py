"""Tears are a feeling shown: the line where the person cried is where the entry was felt,
in any language and typed with or without accents, not the errand that came after it."""

from __future__ import annotations

import pytest

from mirror.services.digest import salient_lines
from mirror.storage.periods import PeriodEntry


def _quoted(text: str) -> str:
    entry = PeriodEntry("r1", text, "2026-10-01T18:45:00Z", "UTC", False, None)
    (line,) = salient_lines([entry])
    return line.text


@pytest.mark.parametrize(("text", "tears"), [
    ("Ligaram do hospital às 15:20, eu estava no supermercado com um saco de laranjas na mão.\n"
     "Disseram: quisto simples. Benigno. Nada a fazer além de um controlo daqui a seis meses.\n"
     "Chorei no corredor das frutas com as laranjas. Uma senhora perguntou se estava tudo bem. "
     "Disse que sim, muito bem, e era verdade.\n"
     "Liguei ao Rui, à Marta, mandei mensagem à Inês. Laranjas pagas.", "Chorei"),
    ("Gebeld door de huisarts om 11:10, ik stond bij de bakker met een brood onder mijn arm.\n"
     "Ze zei: een cyste. Niks ernstigs. Alleen over een jaar nog een controle.\n"
     "Ik heb buiten op het bankje staan huilen met dat brood. Een jongen vroeg of het ging. Ik "
     "zei ja, en dat was ook zo.\n"
     "Tom gebeld, Sanne geappt. Brood betaald.", "staan huilen"),
])
def test_the_line_where_the_person_cried_is_quoted_not_the_errands_after_it(text, tears):
    assert tears in _quoted(text)

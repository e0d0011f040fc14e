"""The person's own summing-up of the period ("End of June. Weird month. …") is what a
digest of it most needs: quoted from its start, in any language."""

from __future__ import annotations

import pytest

from mirror.services.digest import salient_lines
from mirror.storage.periods import PeriodEntry


def _quoted(text: str) -> str:
    entry = PeriodEntry("r1", text, "2026-10-31T21:45:00Z", "UTC", False, None)
    (line,) = salient_lines([entry])
    return line.text


@pytest.mark.parametrize(("text", "summed"), [
    ("Fim do mês. Cansada. Contente, acho. A avó não vai voltar a ser a mesma, eu sei, anda "
     "devagar mesmo que não diga nada. O tio também envelheceu de repente. Mas estamos.\n"
     "Amanhã é feriado, bolos para a montra. A Joana abre a loja. Eu durmo.",
     "Mas estamos."),
    ("Fin du mois. Drôle de mois. J'ai postulé pour un poste dont je ne voulais pas vraiment, "
     "j'ai failli me fâcher avec ma meilleure amie et non, j'ai eu le poste, toujours pas sûre "
     "de le vouloir.\nEncore trois semaines de cours. Je veux profiter de mes élèves.",
     "toujours pas sûre"),
])
def test_the_persons_own_summing_up_is_quoted_from_its_start(text, summed):
    quoted = _quoted(text)
    assert quoted.startswith(text.split(".")[0])
    assert summed in quoted

"""A quote that opens on "he", "elle", "er" or on "afterwards", "après", "danach" is read a
week later without its entry: who is "he", after what? It is quoted with the sentence that
says so, in every language the digest reads."""

from __future__ import annotations

import pytest

from mirror.services.digest import salient_lines
from mirror.storage.periods import PeriodEntry


def _quoted(text: str) -> str:
    entry = PeriodEntry("r1", text, "2026-10-01T18:45:00Z", "UTC", False, None)
    (line,) = salient_lines([entry])
    return line.text


@pytest.mark.parametrize(("text", "setup", "punchline"), [
    ("Soirée chez Margaux. Antoine a filmé toute la chanson. Il a promis de supprimer la "
     "vidéo. Il ment.", "Antoine", "Il ment."),
    ("Six miles along the canal with Dev. Knee quiet. He talked the whole way about his "
     "wedding and I let him, because it meant I didn't have to talk, which was a relief "
     "honestly.", "Dev", "I didn't have to talk"),
    ("Volví del hospital a las once. Después, me senté en el suelo de la cocina y lloré un "
     "buen rato sin saber muy bien por qué.", "hospital", "lloré"),
    ("Oma hat angerufen, das Knie muss operiert werden, bald. Opa am Telefon danach: „Das "
     "wird schon.“ Natürlich.", "operiert", "Natürlich"),
    ("Pranzo con Giulia sotto l'ufficio. Lei è separata da due anni. Lei mi ha detto che il "
     "peggio non è l'inizio, è quando ti accorgi che non ci hai pensato per un giorno intero.",
     "Giulia", "non ci hai pensato"),
])
def test_a_line_that_opens_on_him_or_on_afterwards_comes_with_its_setup(text, setup, punchline):
    line = _quoted(text)
    assert punchline in line
    assert setup in line



@pytest.mark.parametrize(("text", "setup", "punchline"), [
    # Spanish leaves "she" out: "Me dijo…" is someone's, and Mamá opens the line that says so
    ("Mamá ha venido a cenar y ha traído croquetas. Le he contado lo de Javier. Me dijo que "
     "el amor no entiende de kilómetros, y luego me abrazó mucho rato y lloré un poco.",
     "Mamá ha venido", "me abrazó"),
    ("Lucas ha leído en voz alta delante de toda la clase por primera vez. Le temblaba la "
     "voz. Los demás aplaudieron. Yo también.", "Lucas", "aplaudieron"),
    ("Turno lungo in reparto, poi la riunione. La dottoressa Ferri è passata a salutare. Mi "
     "ha detto che sono la più paziente del reparto, e mi sono sentita orgogliosa per tutta "
     "la sera.", "Ferri", "orgogliosa"),
])
def test_a_line_that_leaves_out_who_did_it_comes_with_who(text, setup, punchline):
    line = _quoted(text)
    assert punchline in line
    assert setup in line


@pytest.mark.parametrize(("text", "setup", "punchline"), [
    ("Mathis a lu à voix haute devant la classe. Il bégayait. Personne n'a ri. Après, il est "
     "venu me dire merci.", "Mathis", "me dire merci"),
    ("Frau Albrecht vom Pflegedienst war da. Sehr ruhig, sehr klar. Sie hat Oma gefragt, was "
     "sie selbst will. Das hat vorher niemand getan.", "Albrecht", "niemand getan"),
])
def test_a_later_he_or_she_of_the_quote_comes_with_who(text, setup, punchline):
    """"Personne n'a ri. Après, il est venu me dire merci." — the quote's own first line
    names no one, so who "il" is comes with it."""
    line = _quoted(text)
    assert punchline in line
    assert setup in line

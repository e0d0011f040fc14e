"""A quoted line that only makes sense after what came before it is quoted with that: an
echo of the line before ("SPÄTER."), thanks for what was just said, "that" said of it, a
verb whose subject the writer left out, and "después" typed without its accent."""

from __future__ import annotations

import pytest

from mirror.services.digest import salient_lines
from mirror.storage.periods import PeriodEntry


def _quoted(text: str) -> str:
    entry = PeriodEntry("r1", text, "2026-10-01T18:45:00Z", "UTC", False, None)
    (line,) = salient_lines([entry])
    return line.text


@pytest.mark.parametrize(("text", "setup", "line"), [
    # an echo in capitals of what the tutor said
    ("Termin bei Frau Kessler. Ich hatte alles dreimal gelesen und alle Tabellen neu gemacht.\n"
     "Dann meinte sie, nebenbei, ob ich das Kapitel nicht noch \"etwas straffer\" schreiben "
     "will. STRAFFER. Drei Wochen vor der Abgabe. Hab gelächelt wie ein Schaf. Zu Hause "
     "geheult.", "etwas straffer", "STRAFFER."),
    # a German line whose subject the writer left out
    ("Kletterhalle mit Tobi. Bin an der blauen Route zweimal abgerutscht und fast auf "
     "jemanden gefallen. Er heißt Samir, hat gelacht und gesagt ich soll ruhiger atmen. "
     "Hat mir dann die Griffe gezeigt. Hab es trotzdem nicht geschafft.",
     "Samir", "Hat mir dann die Griffe gezeigt."),
    # "that" said of the line before
    ("Slecht geslapen. Ik denk steeds aan papa, hoe snel het bij hem ging, toen in 2015. Ik "
     "ben papa niet. Dat zegt iedereen. Maar ik heb zijn handen, zijn lach, zijn rug, waarom "
     "dan niet dit.", "Ik ben papa niet.", "Dat zegt iedereen."),
    # "después" typed without its accent: after what?
    ("Sabado. Vino mi hermano por fin en el tren de las diez. Mi madre se comio la tarta "
     "entera delante de todos. Despues se enfado conmigo porque no la dejo salir sola.",
     "tarta entera", "Despues se enfado conmigo"),
    # thanks, for what the line before said
    ("Domingo, llamé a mamá. Me pregunta cada vez \"y después qué\", como si yo lo supiera. "
     "Papá desde el sofá: \"Déjala en paz.\" Gracias papá. Le prometí ir en mayo.",
     "Déjala en paz", "Gracias papá."),
])
def test_a_line_that_leans_back_comes_with_what_it_leans_on(text, setup, line):
    quoted = _quoted(text)
    assert line in quoted
    assert setup in quoted


def test_el_typed_without_its_accent_comes_with_who_he_is():
    # "Lloro el" is "lloró él": who cried is named two sentences back
    quoted = _quoted("Mateo y yo cenamos en casa, con Sara. Hablamos por fin, de verdad. Lloro "
                     "el, no yo, por una vez. Dice que se siente fatal por estar lejos. Le dije "
                     "que no, que solo un poco. Nos reimos mucho. El gato se comio medio pollo de "
                     "la encimera y nadie se dio cuenta hasta el postre.")
    assert "Lloro el, no yo" in quoted
    assert quoted.startswith("Mateo y yo")

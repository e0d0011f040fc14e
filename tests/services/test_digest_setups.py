"""A punchline is quoted with the line that sets it up: "Ich bin 31." alone is a riddle; after
Mama's fifty euros "for the first pizza" it is the joke. A short line that points back ("I'm
choosing to hear that as love"), or says what "he" did without naming him ("Nic nie
powiedział"), comes with the sentence before it; and no quote opens on the comma after
someone's words."""

from __future__ import annotations

import pytest

from mirror.services.digest import salient_lines
from mirror.storage.periods import PeriodEntry


def _quoted(text: str) -> str:
    entry = PeriodEntry("r1", text, "2026-10-01T18:45:00Z", "UTC", False, None)
    (line,) = salient_lines([entry])
    return line.text


@pytest.mark.parametrize(("text", "setup", "punchline"), [
    ("Letzter Abend in Leipzig. Mama hat mir zum Abschied eine Dose Plätzchen und einen "
     "Umschlag mit fünfzig Euro in die Hand gedrückt, „für die erste Pizza in Hamburg“. Ich bin 31.",
     "fünfzig Euro", "Ich bin 31."),
    ("Called Lou, who screamed. Called Mum, who said \"Oh, well done, darling, does that mean "
     "it's a proper job now?\" I'm choosing to hear that as love.",
     "proper job", "I'm choosing to hear that as love."),
    ("Mama kommt nächstes Wochenende zum ersten Mal. Lea hat heute Gardinen gekauft. Keiner von "
     "uns hat es ausgesprochen, aber wir wissen beide, warum.",
     "Gardinen", "wir wissen beide, warum."),
    ("Niedziela. Babcia upierała się, że sama ugotuje rosół, chociaż ledwo stoi przy kuchence. "
     "Paweł bez słowa przyniósł jej wysoki stołek z balkonu i postawił przy garnkach. Nic nie "
     "powiedział, ona też nie. Ale rosół był najlepszy od lat.",
     "stołek", "Nic nie powiedział"),
    ("Mamá me ha llamado porque \"tenía un presentimiento\". Le he dicho que Carmen y yo estamos "
     "bien. Ha dicho \"¿Ves?\" con una satisfacción enorme.",
     "Carmen y yo", "¿Ves?"),
])
def test_a_punchline_comes_with_its_setup(text, setup, punchline):
    line = _quoted(text)
    assert punchline in line
    assert setup in line


def test_a_quote_never_opens_on_the_comma_after_someone_s_words():
    line = _quoted("Paweł chce przerobić balkon na pokój dla Zosi. „Skoro babcia zostaje, to "
                   "niech to będzie porządnie\", powiedział. Nie wiem, kiedy to się stało, że on "
                   "mówi „skoro babcia zostaje\" takim tonem, jakby to była oczywistość.")
    assert line[:1] not in ',"”;:'
    assert "oczywistość" in line

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


_MONTH = [
    ("2026-10-01", "Finished the logo for the bakery. Paid in pastries."),
    ("2026-10-03", "Carmen and I had a horrible fight about the wedding. I feel awful and angry."),
    ("2026-10-05", "Went to the market, bought tomatoes. Rained in the afternoon."),
    ("2026-10-07", "Rearranged the studio shelves. Found my old sketchbooks."),
    ("2026-10-09", "Andrés asked if I will write to Carmen. I said I don't know where to start."),
    ("2026-10-12", "Wrote to Carmen. Seven words. I was so nervous I felt sick."),
    ("2026-10-14", "Carmen answered. Thursday at La Tita."),
    ("2026-10-16", "Coffee with Carmen that turned into three beers. We cried a bit, then laughed."),
    ("2026-10-19", "Invoices done. Printer out of ink again."),
    ("2026-10-22", "Carmen asked me to make the wedding cards. Andrés says we're ridiculous."),
    ("2026-10-26", "Sent the three proposals to the client."),
    ("2026-10-30", "Long walk by the river with Andrés. Leaves everywhere."),
]


def test_a_month_of_many_entries_tells_its_arc_in_all_its_lines():
    """A month of a dozen short entries, every one quoted by its week, tells its arc in
    the few lines it quotes again (`MONTH_REPEATS`): the fight, the letter to Carmen, the
    evening they cried and laughed, over a plain day beside the month's story
    ("Rearranged the studio shelves"), because they name the person the month is about;
    in date order."""
    from mirror.services.digest import MONTH_LINES, MONTH_REPEATS

    entries = [PeriodEntry(f"r{k}", text, f"{day}T20:00:00Z", "UTC", False, None)
               for k, (day, text) in enumerate(_MONTH)]
    lines = salient_lines(entries, MONTH_LINES, ("Carmen", "Andrés"))
    assert len(lines) == MONTH_REPEATS
    assert [line.reflection_id for line in lines] == sorted(
        (line.reflection_id for line in lines), key=lambda r: int(r[1:]))
    quoted = " ".join(line.text for line in lines)
    assert "horrible fight" in quoted and "Wrote to Carmen" in quoted
    assert "then laughed" in quoted
    assert "studio shelves" not in quoted

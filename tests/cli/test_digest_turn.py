"""Where an entry turns: a line that opens its second half on "but" or "in the end" (in
any language Mirror reads) is what the entry came to, over the practical line it began
with after a hard stretch."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, turn", [
    ("Kompost umgesetzt, halber Tag Arbeit, Rücken kaputt. Jens stand daneben und sagte "
     "nichts. Als ich fertig war, kam er mit einer Schaufel und hat die Kante gerade gemacht. "
     "Immer noch kein Wort. Von mir auch nicht. Aber ich hab ihm eine Tüte Zucchini an den "
     "Zaun gehängt.", "Aber ich hab ihm eine Tüte Zucchini an den Zaun gehängt."),
    ("Compost verplaatst, halve dag werk, rug kapot. Joop stond erbij te kijken en zei niks. "
     "Toen ik klaar was kwam hij met een schop en heeft de rand recht gemaakt. Nog steeds "
     "niks gezegd. Ik ook niet. Maar ik heb hem een zak courgettes aan zijn hek gehangen.",
     "Maar ik heb hem een zak courgettes aan zijn hek gehangen."),
])
def test_the_line_where_an_entry_turns_is_quoted_over_its_practical_start(cli, text, turn):
    run = cli("reflect", "--json", "--date", "2026-08-12 20:00", input=text)
    assert run.code == 0, run.err

    digest = cli("digest", "--week", "--date", "2026-08-12", "--json").json

    (line,) = digest["lines"]
    assert line["text"].endswith(turn)


def test_the_news_an_entry_opens_with_is_quoted_with_how_it_was_felt(cli):
    text = ("OFFER. Rob called this afternoon. Operations manager, hybrid, start in March, more "
            "than I made before. I said thank you in a very calm voice and then hung up and "
            "screamed into a cushion until the dog barked.")
    run = cli("reflect", "--json", "--date", "2026-02-12 16:00", input=text)
    assert run.code == 0, run.err

    digest = cli("digest", "--week", "--date", "2026-02-12", "--json").json

    (line,) = digest["lines"]
    assert line["text"].startswith("OFFER.") and "screamed into a cushion" in line["text"]


def test_an_entry_that_says_its_feeling_keeps_the_line_that_tells_what_happened(cli):
    text = ("I'm so tired of being the one who notices everything. I told my sister tonight that "
            "I think I want to quit, not the marriage, the job. Saying it out loud made my "
            "throat close up. But it also felt right.")
    run = cli("reflect", "--json", "--date", "2026-02-05 21:30", input=text)
    assert run.code == 0, run.err

    digest = cli("digest", "--week", "--date", "2026-02-05", "--json").json

    (line,) = digest["lines"]
    assert "I want to quit" in line["text"]

"""Thanks made at length to a "Mr", a "pan" or a "monsieur" straight after a line of trouble
is the comeback to whoever caused it, not gratitude ("gratitude, clearly" over a neighbour's
drill at seven on a Saturday was read blind as sarcasm taken literally, graded 1). Thanks to
someone by their first name after a hard day, or thanks that says what it is for, stays
sincere. These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "language"), [
    ("The man in the flat above is hoovering again at midnight. Thank you, Mr Hale, I honestly "
     "don't know how I'd fall asleep without it.", "en"),
    ("Sąsiad spod piątki znowu trzepie dywan o szóstej rano. Dziękuję, panie Mietku, bez pana "
     "budzik byłby zupełnie zbędny.", "pl"),
    ("Le chauffagiste a encore annulé, troisième fois ce mois-ci. Merci, monsieur Roux, grâce à "
     "vous je redécouvre les pulls en laine.", "fr"),
    ("El casero otra vez sin arreglar la caldera. Gracias, don Ramón, de verdad me encanta "
     "ducharme con agua fría en enero.", "es"),
    ("Der Paketbote hat schon wieder nur einen Zettel eingeworfen. Danke, Herr Vogel, ich laufe "
     "ja so gern zur Post am anderen Ende der Stadt.", "de"),
])
def test_thanks_to_a_titled_culprit_after_trouble_is_read_as_dry(text: str, language: str) -> None:
    reading = read(text, language=language)
    assert reading.sarcasm
    assert "gratitude" not in reading.feelings
    reply = compose(text).lower()
    for word in ("gratitude", "gratitud", "wdzięczność", "dankbarkeit", "reconnaissance"):
        assert word not in reply


@pytest.mark.parametrize("text", [
    "The car broke down again on the ring road. Thank you, Sam, I couldn't have got through "
    "today without you.",
    "The boiler broke again this morning. Thank you, Mr Price, for coming out on a Sunday and "
    "staying till it was fixed.",
])
def test_sincere_thanks_after_a_hard_day_is_not_irony(text: str) -> None:
    assert not read(text, language="en").sarcasm

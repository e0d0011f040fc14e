"""Words reported in the present tense or of someone else are theirs, in every language.

Read blind, "Meine Mutter sagt, WG mit 29 ist halt so. Danke, Mama." was named gratitude
and graded 1: only "sagte" and "gesagt" marked German words as reported, so the thanks
after them was taken for the writer's own. The same held for "dice", "mówi", "zegt", "diz"
and for a third person's past ("Marek powiedział, że jest ze mnie dumny": his pride).
"""

from __future__ import annotations

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.reading import read


def _feelings(text: str, language: str) -> tuple[str, ...]:
    analysis = analyze(text)
    return read(analysis.text, analysis.tokens, language).feelings


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Umzug nächste Woche, schon wieder. Die Pfanne steht seit drei Tagen in der Spüle. "
           "Meine Mutter sagt, WG mit 29 ist halt so. Danke, Mama. Mietvertrag läuft bis März."),
    ("pl", "Kolejna przeprowadzka. Mama mówi, że mieszkanie ze współlokatorami w wieku 29 lat to "
           "norma. Dzięki, mamo. Umowa do marca."),
    ("pl", "Babcia zrobiła mi pierogi na drogę i powiedziała, że jestem za chuda. Dzięki, babciu. "
           "Zjadłam wszystkie w pociągu."),
])
def test_thanks_after_words_reported_now_is_not_gratitude(language: str, text: str) -> None:
    assert "gratitude" not in _feelings(text, language)


def test_sincere_thanks_with_nothing_reported_before_it_is_still_gratitude() -> None:
    assert "gratitude" in _feelings(
        "Meine Nachbarin hat die ganze Woche für mich eingekauft, als ich krank war. "
        "Ich bin ihr so dankbar.", "de")


def test_someone_elses_pride_reported_in_the_third_person_is_theirs() -> None:
    text = ("Rok bez papierosów. Marek powiedział, że jest ze mnie dumny, i że już nie pachnę jak "
            "popielniczka. Kupiłam sobie pączka.")
    assert "pride" not in _feelings(text, "pl")
    assert "pride" in _feelings("Rok bez papierosów. Jestem z siebie dumna!", "pl")

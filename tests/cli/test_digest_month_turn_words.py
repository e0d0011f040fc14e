"""A month turns where its tone turns in Spanish, German and Polish as in English: read by
the plain words a day is said to have gone well or badly with ("Bien.", "Gut.", "Jestem
wściekły."), not only by feeling words, which left a month of short entries in those
languages with too few toned days to turn."""

from __future__ import annotations

import pytest

from tests.cli.digests import read_digest, write_all

# Months whose tone turns only in the plain words a day is said to have gone with: no
# feeling word names it ("mal", "fatal", "schlecht", "źle" … "bien", "gut", "dobrze").
_TURNING = {
    "es": ("donde cambió", [
        "Día malo en la oficina. Todo fatal.", "Otra vez mal. La reunión fue horrible.",
        "Peor que ayer. El jefe gritó.", "Fatal. No salió nada.", "Mal. El tren tarde, la lluvia.",
        "Un día bien, por fin. Paseo largo.", "Bien otra vez. Cena con amigos, todo genial.",
        "Mejor. Mucho mejor. Dormí ocho horas.", "Genial. El proyecto salió bien.",
        "Bien. Tranquilo todo el día."]),
    "de": ("wo es sich wendete", [
        "Schlechter Tag im Büro. Alles schlimm.", "Wieder schlecht. Die Besprechung war furchtbar.",
        "Schlimmer als gestern. Der Chef hat geschrien.", "Furchtbar. Nichts hat geklappt.",
        "Schlecht. Der Zug zu spät, der Regen.", "Ein guter Tag, endlich. Langer Spaziergang.",
        "Wieder gut. Abendessen mit Freunden, alles toll.", "Besser. Viel besser. Acht Stunden geschlafen.",
        "Toll. Das Projekt hat geklappt.", "Gut. Ruhig den ganzen Tag."]),
    "pl": ("tu nastąpił zwrot", [
        "Zły dzień w pracy. Wszystko źle.", "Znowu źle. Zebranie było okropne.",
        "Gorzej niż wczoraj. Szef krzyczał.", "Okropnie. Nic nie wyszło.",
        "Źle. Pociąg spóźniony, deszcz.", "Dobry dzień, wreszcie. Długi spacer.",
        "Znowu dobrze. Kolacja z przyjaciółmi, wszystko świetnie.",
        "Lepiej. Dużo lepiej. Spałem osiem godzin.", "Świetnie. Projekt się udał.",
        "Dobrze. Spokojnie cały dzień."]),
}


@pytest.mark.parametrize("language", sorted(_TURNING))
def test_a_month_turns_on_its_own_languages_plain_words(cli, language):
    mark, texts = _TURNING[language]
    days = [2, 5, 8, 11, 14, 17, 20, 23, 26, 29]
    write_all(cli, [(f"2026-03-{d:02d} 21:00", t) for d, t in zip(days, texts, strict=True)])

    digest = read_digest(cli, "--month", "2026-03-15")

    turned = [line for line in digest["lines"] if line["turn"]]
    assert len(turned) == 1, digest["text"]
    assert int(turned[0]["date"].split()[0]) in (17, 20)  # the first good days
    assert f"({mark}): “" in digest["text"]

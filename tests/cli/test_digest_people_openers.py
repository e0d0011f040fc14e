"""A word that only opens a terse sentence is not a person: "Ambulance took 22 minutes",
Polish "Kierownik zmienił mi grafik" (the manager, "z kierownikiem" two days later) or
"Śmiała się cały wieczór" ("she laughed"), German "Lange telefoniert" ("talked for a long
time"). A name recurs where names stand, and is never an ordinary word of its language;
someone named once whose sentence goes on about them ("Tom moved his stuff out") stays."""

from __future__ import annotations

import pytest


def _write(cli, text: str, date: str) -> None:
    run = cli("reflect", "--json", "--date", date, input=text)
    assert run.code == 0, run.err


def _people(cli, date: str, kind: str = "--week") -> list[str]:
    digest = cli("digest", kind, "--date", date, "--json").json
    return [p["name"] for p in digest["people"] if p["count"]]


def test_a_noun_opening_a_terse_line_once_is_no_one(cli):
    _write(cli, "Dad went down in the parlor during milking. Dana called 911. Ambulance took "
                "22 minutes. I counted.", "2026-10-03 23:40")
    _write(cli, "Dana sat with Dad all night. Kaylee fed the calves.", "2026-10-04 22:00")
    _write(cli, "Dad is talking again. Dana laughed for the first time in days.", "2026-10-05 21:00")

    named = _people(cli, "2026-10-04")

    assert {"Dad", "Dana"} <= set(named)
    assert "Ambulance" not in named


def test_someone_named_once_whose_sentence_goes_on_about_them_is_named(cli):
    _write(cli, "Tom moved his stuff out today. I went to my sister's so I wouldn't have to "
                "watch.", "2026-03-02 21:00")
    _write(cli, "The flat is so quiet. I keep setting out two mugs.", "2026-03-04 21:00")

    assert "Tom" in _people(cli, "2026-03-02")


def test_a_polish_common_noun_or_verb_opening_a_sentence_is_no_one(cli):
    _write(cli, "Kuba wyjechał do Krakowa na studia. Dom jakiś za cichy.", "2026-10-01 21:00")
    _write(cli, "Kierownik zmienił mi grafik bez pytania. Jestem wściekły.", "2026-10-06 21:45")
    _write(cli, "Rozmawiałem z kierownikiem. Spokojnie. Zmienił z powrotem.", "2026-10-07 22:00")
    _write(cli, "Kuba zadzwonił. Mówi, że akademik jest okropny, ale ludzie fajni.", "2026-10-08 21:30")
    _write(cli, "Pierwsza lekcja tańca z Anią. Deptałem jej po nogach. Śmiała się cały wieczór.",
           "2026-10-09 22:30")

    named = _people(cli, "2026-10-07")

    assert "Kuba" in named
    assert not {"Kierownik", "Śmiała", "Śmiał"} & set(named)


def test_a_german_word_opening_a_sentence_before_its_verb_is_no_one(cli):
    _write(cli, "Jana zum Geburtstag gratuliert. Lange telefoniert. Sie zieht nach Leipzig.",
           "2026-09-19 19:00")
    _write(cli, "Streit mit Lukas, wegen nichts. Lukas sagt, er weiß das.", "2026-09-17 21:00")
    _write(cli, "Lukas hat Kaffee gemacht und einen Zettel hingelegt. Schon gut.", "2026-09-18 07:30")

    named = _people(cli, "2026-09-18")

    assert "Lukas" in named
    assert "Lange" not in named


def test_someone_named_once_the_next_sentence_speaks_of_is_named(cli):
    _write(cli, "Marek called from Leeds. Good to hear him.", "2026-03-03 21:00")
    _write(cli, "Bus came late again. Long shift.", "2026-03-04 21:00")

    named = _people(cli, "2026-03-03")

    assert "Marek" in named
    assert "Bus" not in named


def test_two_polish_names_opening_terse_lines_are_both_found(cli):
    # "Marek" and "Marta" share their first letters: each is looked for in its own cases.
    _write(cli, "Marek zadzwonił rano. Deszcz.", "2026-10-05 21:00")
    _write(cli, "Marta przyszła na kolację. Było miło.", "2026-10-06 21:00")
    _write(cli, "Marek przyniósł wino. Zmęczony.", "2026-10-07 21:00")
    _write(cli, "Marta została do północy.", "2026-10-08 21:00")

    named = _people(cli, "2026-10-06")

    assert {"Marek", "Marta"} <= set(named)


# A given name written once, opening a terse sentence, in a week of that language: its
# capital says nothing there, but the name is one the digest knows as a name.
_ONCE = {
    "es": (["Lucía llamó. Hablamos una hora de todo y de nada.",
            "Cansada. Cajas por todas partes. Cena de pie.",
            "Sergio, el de mi equipo, me invitó a un café. Bien."], {"Lucía", "Sergio"}),
    "pl": (["Marek przyszedł wieczorem. Długo siedzieliśmy w kuchni.",
            "Zmęczony. Linia 14. Deszcz.",
            "Kierownik zmienił mi grafik bez pytania. Jestem wściekły."], {"Marek"}),
    "de": (["Jana zum Geburtstag gratuliert. Lange telefoniert. Sie zieht auch um.",
            "Frühschicht. Müde. Sonst nichts.",
            "Regen den ganzen Tag. Ich bin zu Hause geblieben."], {"Jana"}),
}


@pytest.mark.parametrize("language", sorted(_ONCE))
def test_a_given_name_written_once_opening_a_sentence_is_named(cli, language):
    texts, names = _ONCE[language]
    for k, text in enumerate(texts):
        _write(cli, text, f"2026-10-0{5 + k} 21:00")

    named = set(_people(cli, "2026-10-06"))

    assert names <= named, named
    # the ordinary words opening the same week's sentences are still no one
    assert not {"Cansada", "Kierownik", "Zmęczony", "Lange", "Frühschicht", "Regen"} & named


"""A digest speaks the journal's language and reads as a summary, not a form: the words
around the person's own (title, dates, counts, relations, care) are in the language the
period was written in, a language without digest words gets dates and signs rather than
English, and the person's lines come before the counts — in a week of grief with no tally
of names and no comparison with the week before."""

from __future__ import annotations

import re

import pytest

ENGLISH_FRAME = ("You wrote", "In your own words", "People who came up", "the week before",
                 "week of", "reflections")


def _write(cli, text: str, date: str, *extra: str) -> str:
    run = cli("reflect", "--json", "--date", date, *extra, input=text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def _shown(cli, date: str, kind: str = "--week") -> str:
    run = cli("digest", kind, "--date", date)
    assert run.code == 0, run.err
    return run.out


def _frame(text: str) -> str:
    """The digest's own words: its text without the person's quoted lines."""
    return re.sub(r"“[^”]*”", "", text)


def test_a_spanish_week_is_summed_up_in_spanish(cli):
    _write(cli, "Primer día en la oficina nueva. Estoy nerviosa pero con ganas, la verdad.",
           "2026-09-07 22:00")
    _write(cli, "Mi hermana me llamó para contarme que se casa en primavera. Me quedé sin "
                "palabras.", "2026-09-08 20:30")
    _write(cli, "Cena con mi hermana y su novio. Me reí tanto que me dolía la cara. Volví a "
                "casa andando bajo la lluvia.", "2026-09-12 19:00")

    shown = _shown(cli, "2026-09-09")

    assert shown.startswith("Resumen · semana del 7 de septiembre de 2026")
    assert "Con tus propias palabras:" in shown
    assert "sábado 12 de septiembre: “" in shown
    assert "tu hermana" in shown and "your sister" not in shown
    assert "Escribiste 3 reflexiones esta semana (" in shown
    assert not any(w in _frame(shown) for w in ENGLISH_FRAME)


def test_a_short_french_line_is_framed_in_french_by_the_journal_around_it(cli):
    _write(cli, "Première semaine à Nantes. Je ne connais encore personne et le soir, "
                "l'appartement résonne un peu trop.", "2026-11-02 20:00")
    _write(cli, "Fatiguée, mais plutôt sereine.", "2026-11-11 21:40")

    shown = _shown(cli, "2026-11-11")  # the second week holds only the short line

    assert shown.startswith("Bilan · semaine du 9 novembre 2026")
    assert "Avec tes propres mots :" in shown
    assert "Tu as écrit 1 réflexion cette semaine" in shown


def test_a_german_month_and_its_care_line_are_in_german(cli):
    _write(cli, "Wieder ein langer Tag in der Werkstatt. Ich bin erschöpft und der Kunde will "
                "alles bis Freitag.", "2026-10-05 21:00")
    _write(cli, "Ich will nicht mehr leben. Ich habe die Tabletten schon gezählt.",
           "2026-10-07 23:00")
    _write(cli, "Die Abnahme lief gut! Ich bin erleichtert und ein bisschen stolz.",
           "2026-10-09 18:30")

    shown = _shown(cli, "2026-10-09", "--month")

    assert shown.startswith("Rückblick · Oktober 2026")
    assert "Ein Eintrag dieses Monats wurde mit Fürsorge beantwortet" in shown
    assert "answered with care" not in shown
    assert "Du hast diesen Monat 3 Einträge geschrieben" in shown


def test_a_language_without_digest_words_gets_signs_not_english(cli):
    _write(cli, "Jag var hos mamma idag och vi pratade om allt. Det var en fin dag och jag är "
                "glad att vi har varandra.", "2026-05-05 20:00")
    _write(cli, "Regnet slutade till slut. Jag gick en lång promenad längs vattnet och kände "
                "mig lugn för första gången på länge.", "2026-05-07 20:00")

    shown = _shown(cli, "2026-05-06")

    assert shown.startswith("◇ 2026-W19")
    assert "2026-05-05: “" in shown
    assert not any(w in _frame(shown) for w in ENGLISH_FRAME)


def test_the_persons_words_come_before_the_counts_and_names_carry_no_tally(cli):
    _write(cli, "Coffee with Sam by the river. I felt lighter than I have in weeks.",
           "2026-03-10 10:00")
    _write(cli, "Sam cooked and we laughed about nothing. I'm so glad he's here.",
           "2026-03-12 21:00")

    lines = _shown(cli, "2026-03-11").splitlines()

    assert lines[2] == "In your own words:"
    assert lines[-1] == "You wrote 2 reflections this week (26 words); the week before, none."
    assert "People who came up: Sam" in lines
    assert not any(re.search(r"\((?:\d+, )?(?:new|same|[+−]\d+)\)", line) for line in lines)


def test_a_week_of_grief_opens_with_the_loss_and_is_not_set_against_the_week_before(cli):
    _write(cli, "Quiet week at the shop. Made a stew.", "2026-03-03 21:00")
    _write(cli, "Mum was very weak when I visited. I read her the crossword clues and she "
                "answered two.", "2026-03-10 22:30")
    _write(cli, "Mum died in the night.", "2026-03-12 07:20")
    _write(cli, "Went through her sewing box with my brother. Her thimble undid me "
                "completely.", "2026-03-14 20:00")

    shown = _shown(cli, "2026-03-11")
    lines = shown.splitlines()

    assert lines[2] == "On 12 March you wrote of a loss, and of the days after it."
    assert "Mum died in the night." in shown
    assert lines[-1].startswith("You wrote 3 reflections this week (")
    assert "the week before" not in shown and "Pulled two ways" not in shown


@pytest.mark.parametrize("texts, title, frame", [
    (["Dziś urodziła się Zosia! Jestem ciocią. Płakałam w samochodzie ze szczęścia.",
      "Byłam u mamy w szpitalu. Jestem zmęczona, ale spokojna."],
     "Podsumowanie · tydzień od 4 maja 2026", "W tym tygodniu: 2 wpisy"),
    (["Oggi primo giorno nel nuovo lavoro. Ero così nervosa che ho cambiato maglia tre volte.",
      "Cena con Giulia e mia sorella. Mi sento finalmente a casa in questa città."],
     "Riepilogo · settimana del 4 maggio 2026", "Hai scritto 2 riflessioni questa settimana"),
    (["Vandaag met mijn zus naar het strand geweest. Ik voelde me eindelijk rustig.",
      "Slecht geslapen. Ik ben zo moe van alles op het werk, echt op."],
     "Overzicht · week van 4 mei 2026", "Je schreef deze week 2 reflecties"),
    (["Hoje a minha mãe ligou e chorou ao telefone. Fiquei com o coração apertado.",
      "Almocei com a Ana. Estou cansada mas feliz, acho."],
     "Resumo · semana de 4 de maio de 2026", "Você escreveu 2 reflexões esta semana"),
])
def test_polish_italian_dutch_and_portuguese_weeks_are_framed_in_their_language(
        cli, texts, title, frame):
    for day, text in enumerate(texts, 5):
        _write(cli, text, f"2026-05-{day:02d} 20:00")

    shown = _shown(cli, "2026-05-05")

    assert shown.startswith(title)
    assert frame in shown
    assert not any(w in _frame(shown) for w in ENGLISH_FRAME)

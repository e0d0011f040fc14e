"""Who a digest does not list as someone the person spent the period with: a pet the
journal shows to be one (in this week or the weeks beside it), a place, the writer's own
nickname, and a word that only opens a sentence."""

from __future__ import annotations


def _write(cli, text: str, date: str, *extra: str) -> None:
    run = cli("reflect", "--json", "--date", date, *extra, input=text)
    assert run.code == 0, run.err


def _people(cli, date: str, kind: str = "--week") -> list[str]:
    digest = cli("digest", kind, "--date", date, "--json").json
    return [p["name"] for p in digest["people"] if p["count"]]


def test_a_dog_called_a_dog_only_in_a_later_week_is_not_listed_in_the_earlier_one(cli):
    # The week itself only says "with Briciola"; two weeks later the journal says what she is.
    _write(cli, "Litigato con Lorenzo per una cavolata. Dormo sul divano con Briciola. Almeno "
                "lei e' contenta.", "2026-11-02 23:00")
    _write(cli, "Fatto pace con Lorenzo. Briciola ha dormito tutta la sera.", "2026-11-04 22:00")
    _write(cli, "Stanca. Briciola non la porto fuori da giorni, lo fa Lorenzo. Mi guarda male. "
                "Forse esagero, e' una cagna.", "2026-11-18 22:00")

    named = _people(cli, "2026-11-02")

    assert "Lorenzo" in named
    assert "Briciola" not in named


def test_a_dog_walked_round_the_park_is_not_listed_as_a_person(cli):
    _write(cli, "Walked Maisie round the reservoir before work. Anna texted, we laughed about "
                "the meeting for ten minutes.", "2026-01-12 08:00")
    _write(cli, "Maisie slept on my feet all evening. Anna said the new manager seems fine.",
           "2026-01-14 21:00")

    named = _people(cli, "2026-01-12")

    assert "Anna" in named
    assert "Maisie" not in named


def test_a_dutch_sentence_opening_before_met_is_not_a_person(cli):
    # "met" is Dutch for "with": "Samen met Joris" is no "Samen" meeting anyone.
    _write(cli, "Samen met Joris naar de markt, daarna koffie bij Anouk.", "2026-05-11 13:00")
    _write(cli, "Joris zei dat ik te hard werk. Hij heeft gelijk.", "2026-05-13 21:00")

    named = _people(cli, "2026-05-11")

    assert "Joris" in named
    assert "Samen" not in named


def test_an_english_contraction_without_its_apostrophe_is_not_a_person(cli):
    _write(cli, "Long day. Hadnt said a word to Priya about the move. Wasnt ready.",
           "2026-02-03 22:00")
    _write(cli, "Told Priya at lunch. She laughed and said she knew already.", "2026-02-05 20:00")

    named = _people(cli, "2026-02-03")

    assert "Priya" in named
    assert not {"Hadnt", "Wasnt"} & set(named)


def test_a_city_a_thesis_is_about_is_not_a_person_though_written_with_mit(cli):
    # "mit Bochum" stands where "mit Lea" does; "Das Bochum-Kapitel" and "Bochum-Daten"
    # show what it is.
    _write(cli, "Sprechstunde bei Frau Albers. Sie will noch einen Vergleich mit Bochum.",
           "2026-06-01 18:00")
    _write(cli, "Bochum-Daten runtergeladen. Das Bochum-Kapitel wird lang. Lea hat gekocht, "
                "zum Glück.", "2026-06-03 22:00")
    _write(cli, "Bochum kommt in den Anhang. Lea lacht mich aus.", "2026-06-05 21:00")

    named = _people(cli, "2026-06-01")

    assert "Lea" in named
    assert "Bochum" not in named


def test_the_writers_own_nickname_is_not_listed_among_their_people(cli):
    _write(cli, "In ufficio mi chiamano tutti Napoli. Giulia dice che e' affettuoso.",
           "2026-03-02 20:00")
    _write(cli, "Riunione lunga. Ferri alla fine: \"bravo, Napoli\". Pranzo con Giulia.",
           "2026-03-04 20:00")
    _write(cli, "Napoli di qua, Napoli di la. Giulia ride.", "2026-03-06 20:00")

    named = _people(cli, "2026-03-02")

    assert "Giulia" in named
    assert "Napoli" not in named


def test_a_city_said_whole_is_not_a_person(cli):
    _write(cli, "Mi chiede se a Milano si mangia bene. Le dico che il bar sotto casa fa il "
                "caffè più buono di tutta Genova. Ride mia sorella.", "2026-04-06 20:00")
    _write(cli, "Cena con Paolo. Genova mi manca, dice lui. Anche a me.", "2026-04-08 20:00")
    _write(cli, "Genova, Genova, sempre Genova. Paolo ha ragione.", "2026-04-09 20:00")

    named = _people(cli, "2026-04-06")

    assert "Paolo" in named
    assert "Genova" not in named


def test_a_pet_named_with_its_kind_at_a_sentence_start_is_not_listed(cli):
    _write(cli, "U mamy w Toruniu. Pies Burek leżał mi na nogach cały wieczór. Mama mówi, że tylko "
                "u mnie tak leży.", "2026-12-05 20:00")
    _write(cli, "Zadzwoniła Ola, rozmawiałyśmy godzinę.", "2026-12-06 20:00")

    named = _people(cli, "2026-12-05")

    assert not [n for n in named if "Burek" in n]


def test_a_head_of_state_said_as_a_figure_of_speech_is_not_a_person(cli):
    _write(cli, "O Duarte ligou do Porto. A minha mãe já anda a arrumar a casa como se viesse o "
                "Presidente.", "2027-02-01 20:00")
    _write(cli, "Jantar com o Duarte. Rimos muito.", "2027-02-03 20:00")

    named = _people(cli, "2027-02-01")

    assert "Duarte" in named
    assert "Presidente" not in named


def test_a_mother_in_law_is_named_in_the_digests_language(cli):
    _write(cli, "Ma belle-mère est arrivée de Lille avec deux valises. Julien a soupiré.",
           "2026-08-03 20:00")
    _write(cli, "Ma belle-mère est repartie. La maison est calme.", "2026-08-06 20:00")

    text = cli("digest", "--week", "--date", "2026-08-03").out

    assert "ta belle-mère" in text
    assert "mother-in-law" not in text


def test_someone_elses_grandmother_is_not_the_writers(cli):
    _write(cli, "Mit Nele im Café, drei Stunden geredet, über ihre Oma in Rostock und meine "
                "Prüfung. Nele hat gelacht.", "2026-05-18 22:00")
    _write(cli, "Nele hat geschrieben. Freu mich auf Samstag.", "2026-05-20 21:00")

    named = _people(cli, "2026-05-18")

    assert "Nele" in named
    assert "Oma" not in named


def test_someone_who_phoned_the_writer_is_not_taken_for_their_nickname(cli):
    # "Me llamó Lucía" is Lucía phoning, not the writer called Lucía
    _write(cli, "Me llamó Lucía para cenar. Hablamos dos horas.", "2026-10-05 22:00")
    _write(cli, "Cena con Lucía, por fin.", "2026-10-07 22:00")

    assert "Lucía" in _people(cli, "2026-10-05")

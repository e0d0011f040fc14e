"""Who a digest names: the people a period is about, in the person's own words and tags,
and never a German noun because it has a capital (German writes every noun with one)."""

from __future__ import annotations

import pytest

from mirror.services import people


def _write(cli, text: str, date: str, *extra: str) -> str:
    run = cli("reflect", "--json", "--date", date, *extra, input=text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def _people(cli, date: str, kind: str = "--week") -> list[str]:
    digest = cli("digest", kind, "--date", date, "--json").json
    return [p["name"] for p in digest["people"] if p["count"]]


def test_a_german_week_names_its_people_and_none_of_its_nouns(cli):
    _write(cli, "Erste Lesung nach dem Urlaub. Frau Brandt hat angekündigt, dass wir im Mai "
                "auftreten, und dabei hat sie mich angeschaut.", "2026-03-02 21:00")
    _write(cli, "Bei der Lesung hat meine Stimme gezittert. Malte hat mir danach gesagt, ich "
                "soll auf die Hände achten. Hände. Immer die Hände.", "2026-03-04 21:00")
    _write(cli, "Die Stimme hat heute gehalten. Mit Greta geübt, bei ihr in der Küche, und "
                "Greta hat gelacht, als ich die Hände vergessen hab.", "2026-03-06 21:00")
    _write(cli, "kann nicht schlafen. Lesung. Hände. Stimme.", "2026-03-07 23:30")

    named = _people(cli, "2026-03-04")

    assert {"Brandt", "Malte", "Greta"} <= set(named)
    assert not {"Stimme", "Hände", "Lesung"} & set(named)


def test_a_short_german_line_is_read_as_german_with_its_week():
    # Four words of the week have no German function word of their own: their capitals
    # are still nouns ("Salbeitee und Halspastillen").
    texts = ["heiser. klar. Salbeitee und Halspastillen aus der Apotheke",
             "Ich habe heute geübt. Jonte hat gesagt, es klingt gut."]

    assert set(people.count(texts, "de")) == {"Jonte"}


@pytest.mark.parametrize("text", [
    "Meine Schwester hat angerufen, die Probe war gut und die Stimme auch.",
    "Nach der Probe bin ich mit dem Rad nach Hause, die Beine schwer.",
])
def test_a_german_noun_after_an_article_is_never_a_person(text):
    assert not {"Probe", "Stimme", "Rad", "Beine"} & set(people.count([text, text], "de"))


def test_someone_the_person_tagged_is_named_though_the_week_says_him(cli):
    _write(cli, "He left his boots in the hall again. I said nothing. We ate in silence.",
           "2026-05-04 20:00", "--tag", "Rafa")
    _write(cli, "Talked it through at last. He said he's been scared of the move too.",
           "2026-05-06 21:00", "--tag", "Rafa", "--tag", "home")

    named = _people(cli, "2026-05-04")

    assert named == ["Rafa"]


@pytest.mark.parametrize("tag", ["Lisbon", "work", "Erasmus"])
def test_a_tag_for_a_place_a_thing_or_an_entry_about_no_one_is_not_a_person(cli, tag):
    _write(cli, "First night in Lisbon. The room is tiny and the window looks onto a car park. "
                "Cereal for dinner.", "2026-05-04 22:00", "--tag", tag)

    assert tag not in _people(cli, "2026-05-04")


def test_a_title_or_an_illness_with_an_apostrophe_owns_nothing():
    texts = ["A card that says World's Best Aunt. Mixed dementia, Alzheimer's plus vascular, "
             "the consultant said. Tomas's sister came too."]

    found = set(people.count(texts))

    assert "World" not in found and "Alzheimer" not in found
    assert "Tomas" in found


def test_a_week_that_only_says_him_is_about_the_man_named_in_the_weeks_before(cli):
    _write(cli, "At the hospital with Tomasz at six. They took him in at eight and I sat in "
                "the car park.", "2026-04-01 09:00")
    _write(cli, "Home. Tomasz said he wanted the sofa, and he looked so pleased with himself.",
           "2026-04-03 20:00")
    _write(cli, "Ruth from work sent flowers. She is kind.", "2026-04-04 12:00")
    # The week after names no one: only "him" and "he".
    _write(cli, "Had him walking to the kitchen and back twice. He was furious, then proud.",
           "2026-04-07 20:00")
    _write(cli, "Snapped at him over the bins. He had fallen asleep when I went back in.",
           "2026-04-09 22:00")

    assert "Tomasz" in _people(cli, "2026-04-08")


def test_him_stays_unnamed_when_two_men_are_named_as_often(cli):
    _write(cli, "Walked with Tomasz to the station. He was quiet.", "2026-04-01 09:00")
    _write(cli, "Lunch with Piotr. He talked about his boat.", "2026-04-02 13:00")
    _write(cli, "Had him on the phone for an hour. He cried.", "2026-04-07 20:00")
    _write(cli, "He texted again at midnight. I didn't answer him.", "2026-04-09 22:00")

    named = _people(cli, "2026-04-08")

    assert "Tomasz" not in named and "Piotr" not in named


def test_someone_a_secret_is_kept_from_is_a_person_in_french():
    texts = ["Je ne le dis à personne, même\npas à Karim. Les week-ends sont longs.",
             "Je vais à Lyon demain, puis à Marseille."]

    assert set(people.count(texts, "fr")) == {"Karim"}


def test_someone_tagged_last_week_is_named_where_this_week_writes_them(cli):
    _write(cli, "He left his boots in the hall again. I said nothing.", "2026-05-04 20:00",
           "--tag", "Rafa")
    _write(cli, "Meeting at the club. Rafa not there. Decided to move the shed anyway.",
           "2026-05-11 20:00")

    assert "Rafa" in _people(cli, "2026-05-11")


def test_a_german_name_found_only_after_mit_is_a_person_the_journal_named_before(cli):
    _write(cli, "Lea hat mich angerufen und gefragt, wie es mir geht.", "2026-06-03 20:00")
    _write(cli, "Makro lernen mit Lea per Zoom bis spät. Danach Pizza.", "2026-06-24 22:00")
    _write(cli, "Statistik mit Kopfhörern in der Bahn geübt.", "2026-06-25 19:00")

    named = _people(cli, "2026-06-24")

    assert "Lea" in named and "Kopfhörern" not in named


@pytest.mark.parametrize("text, language, name", [
    ("Emilia nació a las 18:02. Tiene mucho pelo.", "es", "Emilia"),
    ("Não posso dizer isto à Rita, ela está a dar tudo.", "pt", "Rita"),
    ("Probe. Jonas hat „Füße!“ gezischt. Hat geholfen.", "de", "Jonas"),
    ("Una chica italiana, Giulia, me ha pedido un boli.", "es", "Giulia"),
])
def test_someone_born_told_or_whispering_is_a_person(text, language, name):
    assert name in people.count([text], language)


def test_a_tag_is_someone_at_whose_home_the_entry_was(cli):
    _write(cli, "Soirée en casa de Chloé. Ella ha hecho una tarta enorme.", "2026-09-29 23:00",
           "--tag", "Chloé")

    assert "Chloé" in _people(cli, "2026-09-29")


def test_a_name_that_is_also_a_word_is_named_when_the_journal_named_them_before(cli):
    _write(cli, "First interview. The hiring manager, Rob, was kind and asked real questions.",
           "2026-01-28 17:00")
    _write(cli, "OFFER. Rob called. I screamed into a cushion.", "2026-02-12 16:00")
    _write(cli, "Steak dinner to celebrate. Signed the contract.", "2026-02-13 20:00")

    assert "Rob" in _people(cli, "2026-02-12")


@pytest.mark.parametrize("texts, language, who", [
    (["Ruzie gehad met mijn zus over de verhuizing.", "Mijn zus belde en zei sorry."], "nl",
     "your sister"),
    (["Ho litigato con mia madre al telefono.", "Mia madre mi ha mandato le foto."], "it",
     "your mother"),
    (["Jantei com o meu irmão.", "O meu irmão ligou outra vez."], "pt", "your brother"),
    (["Rozmawiałam z moją siostrą do późna.", "Moja siostra przyjechała rano."], "pl",
     "your sister"),
    (["Sinds zijn vrouw Riet is overleden zit hij in zijn kas."], "nl", "Riet"),
])
def test_relations_and_the_names_after_them_in_more_languages(texts, language, who):
    assert who in people.count(texts, language)


def test_a_relation_word_before_a_capital_of_a_thing_names_no_one():
    assert not people.count(["Il joue avec son Lego tout le temps."], "fr")


def test_a_german_name_written_with_an_article_stays_a_person_where_they_speak():
    # "der Jonas", as the south says: the article alone does not make him a thing when
    # he also speaks without one.
    texts = ["Der Jonas hat wieder nix gemacht.", "Jonas sagt, er putzt morgen.",
             "Die Zeitung schreibt nichts Neues."]

    found = people.count(texts, "de")

    assert "Jonas" in found and "Zeitung" not in found


def test_a_baby_born_this_week_is_among_its_people(cli):
    # "Nour est né": a birth, the one the week is about, though no one "said" anything
    _write(cli, "Nour est né cette nuit à 3h10. 3,4 kilos. Je n'arrive pas à dormir, je le "
                "regarde respirer.", "2026-09-07 04:00")
    _write(cli, "Retour à la maison. Inès dort enfin, moi non. Ma mère a pris Nour pour la "
                "promenade.", "2026-09-09 20:00")

    assert "Nour" in _people(cli, "2026-09-07")


def test_someone_the_weeks_after_write_as_a_person_is_named_in_the_first_week(cli):
    # The first week gives no cue ("Lucía ayer estaba rara"); the journal since does.
    _write(cli, "En el tren. Lucía ayer estaba rara, dice que nada, que está cansada. No me lo "
                "creo.", "2026-03-03 08:00")
    _write(cli, "Primer día en la oficina nueva. Mucha gente.", "2026-03-05 20:00")
    _write(cli, "Discutí con Lucía por una tontería. Dormí en el sofá.", "2026-03-17 23:00")
    _write(cli, "Hice las paces con Lucía. Hablamos sin gritar.", "2026-03-20 22:00")

    assert "Lucía" in _people(cli, "2026-03-03")


def test_a_name_after_a_comma_is_not_a_thing_of_the_word_before_it():
    # "any of this, Noor will…": no "this Noor"
    week = ["Can't sleep. Not telling Noor any of this, Noor will just say I'm overthinking it "
            "and I know I am.",
            "Submitted it. Felt sick, then nothing.",
            "Walked round the park in the rain. Noor made pancakes. Did the big shop."]

    assert people.count(week, "en")["Noor"] == 2


@pytest.mark.parametrize("text", [
    "Kann nicht schlafen. Und gleichzeitig denk ich die ganze Zeit an Yara, was ist los mit mir.",
    "Sonntag bei den Eltern. Yara hat mir ein Foto von einem Hamster aus dem Fundus geschickt.",
])
def test_someone_a_german_week_thinks_of_or_hears_from_is_listed(text):
    assert set(people.count([text], "de")) == {"Yara"}

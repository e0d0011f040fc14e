"""Who a digest lists, judged from how each name is used over the whole period: a city, a
pet, a department or a novel's heroine is no one the writer spent the week with, and
someone who only ever does something to the writer ("Chuy me regaló…") is."""

from __future__ import annotations

import pytest

from mirror.services import people


def test_a_city_written_after_in_and_nach_is_no_one_even_before_a_verb_of_speech():
    week = ["Die Ärztin in Lübeck meint, es sei nichts Schlimmes.",
            "Morgen fahre ich nach Lübeck, Jonas sagt, er fährt mit.",
            "Zurück aus Lübeck. Müde."]
    found = people.count(week, "de")
    assert "Lübeck" not in found
    assert found["Jonas"] == 1


@pytest.mark.parametrize("week, pet, person", [
    (["Walked with Pepper and Lena along the canal.",
      "Pepper barked at the postman. Lena said he deserved it."], "Pepper", "Lena"),
    (["Otis and I did the long loop before work, Maya laughed at our mud.",
      "Otis sulked by the door all evening. He's a spaniel, he holds grudges."], "Otis", "Maya"),
    (["Fui con Lucía al veterinario con Canela, que ladra a todo el mundo.",
      "Lucía me ha dicho que Canela está mejor."], "Canela", "Lucía"),
])
def test_a_pet_is_not_listed_with_the_people(week, pet, person):
    assert set(people.count(week)) == {person}


def test_a_department_called_something_is_not_a_person():
    found = people.count(["Reorg at work. Priya is moving to something called Digital Futures, "
                          "effective Monday. Nobody knows what it is."])
    assert "Digital Futures" not in found


def test_the_heroines_of_a_novel_read_all_weekend_are_not_people():
    week = ["Lu Middlemarch d'une traite, tout le week-end, en pyjama. Dorothea et Lydgate "
            "m'ont plus tenu compagnie que n'importe qui. Commandé un autre roman.",
            "Déjeuner avec Inès, qui a ri de moi."]
    found = people.count(week)
    assert "Dorothea" not in found and "Lydgate" not in found
    assert found["Inès"] == 1


@pytest.mark.parametrize("text, who, language", [
    ("Chuy me regaló un mezcal para la primera noche. Madrid me encanta.", "Chuy", "es"),
    ("Lorena vio mi render del mercado y no dijo nada. Texted me back at last.", "Lorena", "es"),
    ("Yusuf pulled my old mockups out of the archive. Updated my CV.", "Yusuf", "en"),
    ("Mit Till im Büro geredet. Zwei Wochen Homeoffice sind okay.", "Till", "de"),
    ("Rita me ligou ontem à noite. Lisboa me faz falta.", "Rita", "pt"),
    ("Marco mi ha detto di no. Roma mi piace lo stesso.", "Marco", "it"),
])
def test_someone_who_does_something_to_the_writer_is_listed(text, who, language):
    """Not a place the writer likes ("Madrid me encanta") nor a diary's verb ("Updated my
    CV"): only who did something to them."""
    assert set(people.count([text], language)) == {who}


@pytest.mark.parametrize("text, who", [
    ("Review today. Marcus had approved every slide in private, then in the room he tore "
     "them apart.", "Marcus"),
    ("Message de Julien : « j'espère que tu vas bien ». J'ai attendu deux heures.", "Julien"),
    ("Una llamada de Ximena a las once. No contesté.", "Ximena"),
])
def test_the_one_a_day_was_about_is_listed_without_a_verb_of_speech(text, who):
    """Someone who opens a sentence and is then "he" or "she", or whose message it was,
    is the person of that day, though no "said" or "with" stands beside them."""
    assert set(people.count([text])) == {who}


@pytest.mark.parametrize("week, language, expected", [
    # a firm's name joined by "&", though it "messaged"
    (["Someone from a place called Ember & Oak messaged asking if I'd trial there. Told Dev "
      "I said no."], "en", {"Dev"}),
    # the doctor in Kraków spoke, not Kraków
    (["Lekarz w Krakowie powiedział, że trzeba operować kolano. Zadzwoniłam do córki, Magda "
      "od razu powiedziała, że przyjedzie."], "pl", {"Magda"}),
    # a cat whose purring is said in the next sentence, without its name
    (["Briciola ha dormito sul mio cuscino tutta la notte. Fa le fusa come un trattore.",
      "Chiara mi ha chiamata, abbiamo parlato tanto."], "it", {"Chiara"}),
])
def test_no_one_is_listed_for_a_firm_a_city_or_a_cat(week, language, expected):
    assert set(people.count(week, language)) == expected


def test_someone_thought_of_is_still_someone():
    """"Pienso en Javier" puts him where a place's "en" stands; twice "Javier y yo" says
    who he is."""
    week = ["Javier y yo hemos hablado por fin. Nadie ha gritado.",
            "No puedo dormir. Pienso en Javier y en mí aquí corrigiendo exámenes.",
            "Domingo de lluvia, Javier y yo viendo películas en el sofá."]
    assert people.count(week, "es")["Javier"] == 3


@pytest.mark.parametrize("text, who, language", [
    ("Lunch with Dan today, he laughed at my terrible jokes.", "Dan", "en"),
    ("Long walk with Mia after work, we talked about her new flat.", "Mia", "en"),
    ("Coffee with Jan before the meeting, he was in a good mood.", "Jan", "en"),
    ("Sem kwam met friet en zei niks over Noor. Precies goed.", "Sem", "nl"),
])
def test_a_name_that_is_a_small_word_in_another_language_is_someone(text, who, language):
    """"Dan" is Dutch for "then", "Mia" Italian for "my", "Sem" Portuguese for "without",
    "Jan" a month's short form: in a text written in another language, beside "with" or
    opening a sentence before a verb, they are people."""
    assert who in people.count([text], language)


def test_a_german_adverb_opening_a_sentence_is_no_one():
    week = ["Nach Rosenheim gefahren. Oma hat Kuchen gebacken. Danach hat sie geweint, zum "
            "ersten Mal seit Opas Tod.", "Mit Jonas telefoniert. Er meint, wir sollten sie holen."]
    assert set(people.count(week, "de")) == {"Oma", "Jonas"}

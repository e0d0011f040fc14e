"""Who a digest lists as the people of a period, as the writer would check the list: no
word that is not a person ("Old" of "Old Pete", a park, a company), a name of two words
kept whole, and the person a period was about never left out."""

from __future__ import annotations

import pytest

from mirror.services import people


def test_a_name_of_two_words_keeps_its_parts_together():
    found = people.count(["Had a pint with Old Pete at the Crown, he told the fish story again.",
                          "Old Pete says the river is too low for trout this year.",
                          "Pete rang about the boat."])
    assert "Old" not in found
    assert found["Old Pete"] == 3  # "Pete" alone is the same man


def test_a_park_or_a_street_of_two_words_is_a_place():
    found = people.count(["Walked round Victoria Park with Sam, then coffee on Church Street.",
                          "Sam and I went back to Victoria Park on Sunday."])
    assert set(found) == {"Sam"}


def test_a_company_is_not_a_person():
    found = people.count(["Final interview at Brightwave today. My hands shook the whole time.",
                          "Got an email from Brightwave at six. Brightwave said no.",
                          "Told Priya about Brightwave. She said their loss."])
    assert "Brightwave" not in found
    assert found["Priya"] == 1


def test_the_person_a_breakup_week_is_about_is_listed_first():
    week = ["Jamie came for the last of his things. I stayed in the kitchen.",
            "A week without Jamie. The flat is so quiet.",
            "Kept reaching for my phone to tell Jamie something.",
            "Lunch with Ana, who did not mention Jamie once, bless her."]
    found = people.count(week)
    assert found.most_common(1) == [("Jamie", 4)]


def test_a_late_wife_named_in_a_remembrance_is_listed():
    week = ["First Valentine's without Elena. Bought the tulips anyway.",
            "Put the tulips where Elena liked them, by the window.",
            "Miss you, Elena."]
    assert people.count(week)["Elena"] == 3


@pytest.mark.parametrize("text", [
    "Lunch at Nando's with the team.",
    "Stopped at Tesco on the way home.",
])
def test_a_shop_is_not_a_person(text):
    assert people.count([text]) == {}


def test_a_first_name_after_the_full_name_is_the_same_person():
    found = people.count(["Coffee with Mary Hughes from church. Mary told me about her knee.",
                          "Mary rang to say the knee is better."])
    assert found == {"Mary Hughes": 2}


def test_someone_who_only_ever_opens_the_weeks_sentences_is_listed():
    """The ex of a break-up week, the late wife of a remembrance: named only at the start
    of sentences, beside no verb of the usual cues."""
    breakup = ["Tom is moving his things out on Saturday. I can't watch.",
               "Everything in this flat is ours and now it is mine.",
               "Tom was at the pub with Jess. I saw it on her story."]
    assert people.count(breakup)["Tom"] == 2
    remembrance = ["Helen would have been 60 today.",
                   "Made her lemon cake. Helen always burned the top."]
    assert people.count(remembrance) == {"Helen": 2}


def test_someone_elses_mum_is_not_the_writers():
    found = people.count(["Tom's mum rang me, which was kind and awful."])
    assert "Mum" not in found


def test_a_service_written_as_if_it_acted_is_not_a_person():
    assert people.count(["Netflix was down again.", "Netflix is my only friend this week."]) == {}


def test_someone_after_an_and_who_then_acts_is_a_person():
    texts = ["The kettle broke, the boiler clicked all morning, and Wren brought round her "
             "spare one."]
    assert people.count(texts) == {"Wren": 1}


def test_two_shops_joined_by_and_are_not_people():
    texts = ["Queued at Boots and Superdrug for the same shampoo, then tea with Oona."]
    assert people.count(texts) == {"Oona": 1}


def test_a_name_opening_a_sentence_with_and_i_is_a_person():
    assert people.count(["Tobias and I repainted the shed. Green this time."]) == {"Tobias": 1}


@pytest.mark.parametrize("text", [
    "Contractions all night. Midwife says another few hours.",
    "Surgeon was brisk but kind. Back on the ward by four.",
])
def test_a_role_opening_a_sentence_is_not_a_name(text):
    assert people.count([text]) == {}


def test_someone_spoken_to_in_the_present_tense_is_a_person():
    texts = ["I should apologise to Priyanka for snapping at the meeting.",
             "Kept talking to Wim about the move until the lights went off."]
    assert people.count(texts) == {"Priyanka": 1, "Wim": 1}


def test_a_surname_after_a_title_is_a_person():
    texts = ["Supervision with Dr Adeyemi ran long.", "Adeyemi emailed back within the hour."]
    assert people.count(texts) == {"Adeyemi": 2}


def test_someone_the_writer_is_grateful_for_or_proud_of_is_a_person():
    texts = ["Grateful for Noor today, she sat with me through the whole appointment.",
             "So proud of Tayo, his first solo gig."]
    assert people.count(texts) == {"Noor": 1, "Tayo": 1}


@pytest.mark.parametrize("text", [
    "Finished Small Things, cried at the end.",
    "The parcel vanished and Yodel says it was delivered.",
])
def test_a_title_or_a_courier_beside_a_verb_is_not_a_person(text):
    assert people.count([text]) == {}


def test_a_neighbour_from_a_numbered_house_or_a_plot_is_a_person():
    texts = ["Rain again. Bodhan from plot 14 lent me his spare fork.",
             "Orla from number 6 took in the parcel and the rota is a mess and Wes swapped "
             "with me again."]
    assert people.count(texts) == {"Bodhan": 1, "Orla": 1, "Wes": 1}


def test_a_baby_named_the_next_day_is_a_person_from_then_on():
    found = people.count(["Boy. 3.4kg. Both asleep. Sam cried more than me.",
                          "His name is Noah. Noah James after Sam's grandad.",
                          "First trip to the park. Noah slept the whole way."])
    assert found["Noah"] == 2


@pytest.mark.parametrize("text, name", [
    ("Open day at the school. A teacher named Odile showed us round.", "Odile"),
    ("They've called him Mateo, after Dad.", "Mateo"),
    ("Primera clase de yoga. Una mujer, Itziar, me enseñó a respirar sin parecer un globo.",
     "Itziar"),
    ("Koldo dice que el barrio se llena en fiestas.", "Koldo"),
])
def test_a_name_given_or_said_in_apposition_is_a_person(text, name):
    assert name in people.count([text])


@pytest.mark.parametrize("texts, thing", [
    (["Call with Northwind Analytics about the contract.",
      "OFFER!!! Northwind Analytics. Omar rang."], "Northwind Analytics"),
    (["Left Brookfield Partners in March and told Omar about it."], "Brookfield Partners"),
    (["Phone calls all morning. The bank, the council, the insurer."], "Phone"),
    (["Bins out. Beds made. Dinner by seven.", "Lunches packed. Beds made."], "Beds"),
])
def test_things_that_sit_where_people_do_are_not_people(texts, thing):
    found = people.count(texts)
    assert thing not in found and thing.split()[0] not in found


def test_someone_named_the_week_before_is_still_a_person_this_week():
    now, before = people.compare(["Three weeks old. She grinned at Sam this morning. Noah is "
                                  "back above his birth weight!!"],
                                 ["His name is Noah. Sam cried more than me."])
    assert now["Noah"] == 1 and now["Sam"] == 1
    assert before["Noah"] == 1


def test_a_german_noun_before_a_verb_is_not_a_person():
    found = people.count(["Zwölf Stunden geschlafen. Ein neuer Mensch, der nächste Woche "
                          "Statistik schreibt.", "Lernen mit Emre und Selin. Emre hat mir seine "
                          "Notizen geschickt."])
    assert "Statistik" not in found
    assert {"Emre", "Selin"} <= set(found)  # Selin beside Emre, who stood as someone


def test_two_german_nouns_after_one_mit_are_no_one():
    """"mit Jacke und Mütze", like "mit Kaffee und Kuchen", pairs two things: two
    capitalised words after one "mit" are a person only when another cue says so."""
    found = people.count(["Sonntagsfrühstück auf dem Balkon mit Jacke und Mütze, weil wir "
                          "das unbedingt mal machen wollten. Wir sind beide albern geworden."],
                         "de")
    assert found == {}


def test_a_german_noun_after_mit_or_und_is_no_one_but_a_friend_met_twice_is():
    found = people.count(["Schreibtisch aufgeräumt, mit Tesafilm und allem. Ich bin zufrieden.",
                          "Mathe und Python kommen noch, aber das war die schwerste Prüfung.",
                          "Die letzte Aufgabe war irgendwas mit Bayes, was so nie in der "
                          "Vorlesung dran war, und ich bin müde.",
                          "Habe mit Mira telefoniert. Sie hat mich zum Lachen gebracht.",
                          "Samstag mit Mira im Park."])
    assert set(found) == {"Mira"}


def test_portuguese_names_that_take_the_article_are_people():
    found = people.count([
        "Fui à feira com a Marta e o Henrique. A Marta comprou flores e eu não comprei nada.",
        "Liguei ao Henrique, ele está melhor. Jantámos com a Dona Lurdes, a vizinha de cima.",
        "Passei a tarde a olhar para o Excel e não percebi nada das contas.",
    ])
    assert {"Marta", "Henrique", "Dona Lurdes"} <= set(found)
    assert "Excel" not in found


def test_a_name_after_a_title_and_its_full_stop_is_a_person():
    found = people.count(["A reunião correu bem. O Sr. Moreira deu-nos mais um mês para pagar.",
                          "Hoy vino la Dra. Quintana a ver a mamá."])
    assert {"Moreira", "Quintana"} <= set(found)


def test_a_name_beside_the_writer_or_doing_something_in_french_is_a_person():
    found = people.count(["Camille et moi on a parlé longtemps hier soir.",
                          "Journée au parc. Théo a couru partout et il est tombé deux fois."])
    assert {"Camille", "Théo"} <= set(found)


def test_a_name_known_only_by_an_email_from_it_is_no_one():
    found = people.count(["Another email from Norvale this morning, the third refusal this month.",
                          "Went over it with Ruth, who said their loss."])
    assert "Norvale" not in found
    assert "Ruth" in found


def test_someone_introduced_with_who_is_a_person():
    found = people.count(["Spent an hour on the phone with a Marguerite who called me 'pet' twice."])
    assert "Marguerite" in found


def test_a_job_title_opening_a_sentence_is_no_one():
    found = people.count(["Dentist came out to the waiting room herself. Physio tomorrow at ten."])
    assert not {"Dentist", "Physio"} & set(found)


def test_a_kin_word_in_a_childs_mouth_or_after_an_article_is_not_the_writers_kin():
    found = people.count([
        "Nina a collé un dessin \"le vélo de papa\" sur la porte.",
        "Elle m'a dit que j'étais le plus gentil papa du monde.",
    ])
    assert "Papa" not in found


def test_a_verb_opening_a_sentence_is_not_part_of_the_name_after_it():
    found = people.count(["Dropped Rafe at the station at seven, then straight to work.",
                          "Visited Nkechi on the ward after lunch."])
    assert {"Rafe", "Nkechi"} <= set(found)
    assert not any(" " in name for name in found)


def test_a_name_right_after_a_job_is_a_person_but_not_after_a_word_that_is_also_kin():
    found = people.count(["Al final la matrona Itziar me agarró la mano y no me soltó.",
                          "Il a rangé son Meccano sans qu'on lui demande."])
    assert "Itziar" in found
    assert "Meccano" not in found


def test_a_kin_word_after_my_is_the_writers_even_after_an_article():
    found = people.count(["Tiene los ojos grandes, como los de mi papá."])
    assert "Papá" in found


def test_a_name_beside_the_writer_in_german_and_one_who_came_in_french_are_people():
    found = people.count(["Greta und ich haben der Vermieterin einen Brief geschrieben.",
                          "Malik est venu avec sa perceuse, on a tout monté en une heure."])
    assert {"Greta", "Malik"} <= set(found)


def test_someone_whose_birthday_or_wedding_it_was_is_a_person():
    found = people.count(["Went to Orla's birthday at the Anchor and stayed far too late.",
                          "Dinner at Nando's, then the long bus home."])
    assert "Orla" in found
    assert "Nando" not in found

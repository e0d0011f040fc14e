"""The people line as the writer would check it, in the languages Mirror reads: nobody who is
a word ("Mam" is Polish for "I have", "Herr" is a title, "śpi" is a verb), one person once
however their name is declined or shortened ("o Pawle" is Paweł, "Pri" is Priya), and the
people who act in the entries listed even where the verb is not an English one."""

from __future__ import annotations

import pytest

from mirror.services import people


def test_a_lower_case_letter_outside_ascii_is_no_capital():
    found = people.count(["Oddaliśmy jej pokój Zosi, a Zosia śpi teraz u nas w sypialni.",
                          "Zosia pokazała jej swoje rysunki koni."], "pl")
    assert "Zosia śpi" not in found
    assert found["Zosia"] == 2


def test_a_kin_name_that_is_a_word_of_the_language_is_no_one():
    found = people.count(["Mam nadzieję, że nie słyszała. Mam dość tego tygodnia.",
                          "Mama dzwoniła rano i powiedziała, że przyjedzie."], "pl")
    assert "Mam" not in found
    assert found["Mama"] == 1


def test_a_dutch_mam_is_still_mum():
    assert people.count(["Mam is soms precies goed.", "Gisteren met mam gebeld."], "nl")["Mam"] == 2


def test_a_title_is_not_a_name():
    found = people.count(["Erster Tag. Mein Teamleiter heißt Herr Brandt, will aber anders "
                          "genannt werden."], "de")
    assert "Herr" not in found
    assert "Brandt" in found


@pytest.mark.parametrize(("texts", "language", "one"), [
    (["Paweł bez słowa przyniósł jej stołek.", "Powiedziałam jej o Pawle. Paweł słuchał."],
     "pl", "Paweł"),
    (["Ola przyniosła drożdżówki.", "Babcią zajmie się Ola albo sąsiadka.",
      "Dzięki mnie i Oli. Ola potem przybiła mi piątkę."], "pl", "Ola"),
    (["Priya made dal and I fell asleep on her shoulder.", "Apologised to Pri over toast.",
      "Dad met Priya properly for the first time."], "en", "Priya"),
])
def test_one_person_written_several_ways_is_listed_once(texts, language, one):
    found = people.count(texts, language)
    assert one in found
    assert [n for n in found if n != one and n not in people.KIN_NAMES] == []


def test_a_declined_name_alone_is_shown_as_it_is_said():
    found = people.count(["Ola siedziała z babcią i z Zosią cały wieczór."], "pl")
    assert "Zosia" in found and "Zosią" not in found


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Sam cooked mushroom risotto and didn't mention the book once.", "en", "Sam"),
    ("Dad grumbled about the rug. The carer, Jackie, is brilliant.", "en", "Jackie"),
    ("Call with the editor, Joanna. She was lovely.", "en", "Joanna"),
    ("Die Kollegin am Nebentisch, Merve, hat mir ihren Schokoriegel gegeben.", "de", "Merve"),
    ("Umzugstag. Basti und sein Cousin haben trotzdem alles reingetragen.", "de", "Basti"),
    ("Karim a réparé le vélo de Noé ce soir. Noé m'a demandé si j'allais bien.", "fr", "Noé"),
    ("Le he escrito a Carmen. Solo: hola.", "es", "Carmen"),
    ("W pracy koszmar. Ola przyniosła drożdżówki i powiedziała, że będzie dobrze.", "pl", "Ola"),
    ("Joris vindt het hilarisch en doet me na.", "nl", "Joris"),
])
def test_someone_acting_in_the_entries_is_listed(text, language, name):
    assert name in people.count([text], language)


def test_a_name_given_to_a_thing_is_not_a_person():
    found = people.count(["Extra hour spent naming the mouse. Sam suggested Keith. The mouse "
                          "will not be called Keith.", "The mouse is called Wren."], "en")
    assert "Keith" not in found and "Wren" not in found
    assert "Sam" in found


def test_someone_the_journal_named_before_is_someone_this_week():
    """A week that only writes "Priya's working late" is about the Priya the journal
    named as someone the week before ("Dad met Priya properly")."""
    now, _ = people.compare(["Rainy Monday. Priya's working late, so I ate cereal for tea."], [],
                            "en", history=lambda: ["Dad met Priya properly for the first time.",
                                                   "Told Priya about the badger."])
    assert "Priya" in now and "Rainy" not in now


def test_a_word_the_journal_never_wrote_as_someone_stays_no_one():
    now, _ = people.compare(["Rainy Monday. Stanage was windy."], [], "en",
                            history=lambda: ["Walked up Stanage with the dog.", "Rainy again."])
    assert now == {}


@pytest.mark.parametrize("text", [
    "Twelve miles along the river with Tomás. Legs felt springy, lungs fine.",
    "Knees complained the whole way up, but Ana said we were nearly there.",
])
def test_a_body_part_opening_a_sentence_is_no_one(text: str) -> None:
    found = people.count([text])
    assert "Legs" not in found and "Knees" not in found
    assert found  # the person in the same entry is still there

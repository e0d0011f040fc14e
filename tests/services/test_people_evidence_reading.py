"""Who is no one is read from the sentences that name them — a dog walked round the park,
a nickname the writer is given, "a Marta" of a Portuguese text — however the lines were
wrapped and however many entries a month holds."""

from __future__ import annotations

from mirror.services import people, people_evidence


def test_a_dog_walked_on_a_line_wrapped_by_hand_is_an_animal():
    texts = ["Rain all morning. Walked Gerald\nround the park anyway, he loved it.",
             "Tired. Gerald slept on my feet."]
    assert people_evidence.animal("Gerald", texts)


def test_someone_walked_home_is_no_animal():
    assert not people_evidence.animal("Sam", ["Walked Sam home after the pub. Took ages."])


def test_the_writer_is_known_by_the_nickname_they_are_given_in_any_entry_of_a_month():
    month = [f"Long day {k}. Sam called, we laughed about the rota." for k in range(300)]
    month.append("New job. Mi chiamano tutti Torino qui, per via dell'accento.")
    assert people_evidence.the_writer("Torino", month)
    assert not people_evidence.the_writer("Sam", month)


def test_a_portuguese_name_after_its_article_is_someone_in_a_month_of_english_entries():
    texts = [*(f"Quiet shift {k}. Nothing much." for k in range(50)),
             "Fui à feira com a Marta e o Henrique. A Marta comprou flores e eu não comprei nada."]
    assert {"Marta", "Henrique"} <= set(people.count(texts))

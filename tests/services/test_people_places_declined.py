"""A place written in a declined language's cases is no one: Polish "z Poznania" is from
Poznań (the instrumental "z Zosią" is with Zosia), and a city written "do Lizbony" and
"o Lizbonie" is one city in two cases, not a person listed as "Lizbony"."""

from __future__ import annotations

from mirror.services import people


def test_a_city_someone_calls_from_is_not_listed():
    text = ("Na szczycie Ewa i Kuba z Kapralem. Ewa trzymała telefon, a w telefonie Zosia "
            "z Poznania krzyczała \"tato!\" tak, że ludzie się oglądali.")
    found = people.count([text], "pl")
    assert "Poznania" not in found
    assert "Ewa" in found


def test_with_someone_in_the_instrumental_is_still_someone():
    found = people.count(["Byłem wczoraj w kinie z Markiem. Potem spacer z Anią, bardzo miło."],
                         "pl")
    assert "Ania" in found


def test_a_city_in_two_cases_over_a_fortnight_is_no_one():
    week = ["Zosia przyjechała na weekend. Przy obiedzie wszystko o Lizbonie, pokój w "
            "akademiku. Ewa zmywała długo. Że Zosia jak wyjedzie to już nie wróci, tak jak "
            "jej brat do Dublina. Potem przez pół godziny mówiła o bracie."]
    before = ["Zosia dzwoniła z Poznania. Dostała się na Erasmusa do Lizbony, semestr "
              "zimowy. Mówiła szybko, jakby się bała, że jej przerwiemy."]
    now, _ = people.compare(week, before, "pl", lambda: before, lambda: before)
    assert not {"Lizbony", "Lizbonie", "Poznania"} & set(now)
    assert "Zosia" in now


def test_a_surname_in_one_case_is_listed_as_said_alone():
    found = people.compare(["Kontrola u doktor Kwiatkowskiej. Spojrzała na mnie znad okularów "
                            "i powiedziała \"no proszę\"."], [], "pl")[0]
    assert "Kwiatkowskiej" not in found


def test_a_name_written_more_in_the_instrumental_is_listed_as_said_alone():
    week = ["Spacer z Kapralem po parku.", "Obiad, potem z Kapralem nad rzekę.",
            "Kapral przyniósł kij i nie oddał."]
    found = people.count(week, "pl")
    assert "Kapral" in found and "Kapralem" not in found

"""A month of short entries, every one of them quoted by its week, read as the month: it
says what ran through it once, with its count ("Immer wieder: “Müde.” (4)"), quotes no
sentence twice, and quotes no more than a few of the lines its weeks already showed —
not its weekly digests laid end to end."""

from __future__ import annotations

from mirror.services.digest import MONTH_REPEATS
from tests.cli.digests import read_digest, sentences_of, week_lines, write_all

_GERMAN_MONTH = [
    ("2026-09-01 22:00", "Frühschicht. Müde. Sonst nichts."),
    ("2026-09-02 21:30", "Mama hat angerufen. Sie will das Haus verkaufen. Einfach so, am Telefon."),
    ("2026-09-03 22:15", "Ich kann nicht aufhören, an das Haus zu denken. Mein altes Zimmer."),
    ("2026-09-06 19:00", "Bei Mama gewesen. Sie hat schon Kisten gepackt. Ich hab nichts gesagt."),
    ("2026-09-08 22:30", "Spätschicht. Kollege krank, doppelt gearbeitet. Müde."),
    ("2026-09-10 21:00", "Streit mit Lukas, wegen nichts. Eigentlich wegen Mama. Er weiß das."),
    ("2026-09-11 07:30", "Lukas hat Kaffee gemacht und einen Zettel hingelegt. Schon gut."),
    ("2026-09-13 20:00", "Mit Mama durchs Haus gegangen. Ich musste lachen und dann fast weinen."),
    ("2026-09-15 22:00", "Frühschicht. Müde. Nichts weiter."),
    ("2026-09-17 21:30", "Mama hat eine Wohnung gefunden, zehn Minuten von uns. Ich bin erleichtert."),
    ("2026-09-21 20:30", "Den Apfelbaum fotografiert. Für später."),
    ("2026-09-23 22:00", "Spätschicht. Ruhig. Gut."),
    ("2026-09-26 18:30", "Umzug. Lukas hat alles geschleppt. Mama hat ihm drei Mal gedankt. Typisch."),
    ("2026-09-27 21:00", "Erste Nacht von Mama in der neuen Wohnung. Sie hat angerufen, nur um zu "
                         "sagen, dass es leise ist."),
    ("2026-09-29 22:00", "Müde. Aber anders müde. Leichter."),
    ("2026-09-30 21:30", "Sonntagsessen bei Mama ausgemacht. Jede Woche. Ihre Idee."),
]


def test_a_month_of_short_entries_is_not_its_weeks_again(cli):
    write_all(cli, _GERMAN_MONTH)
    weekly = week_lines(cli, ("2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"))

    month = [line["text"] for line in read_digest(cli, "--month", "2026-09-15")["lines"]]

    assert month
    assert len([t for t in month if t in weekly]) <= MONTH_REPEATS, month


def test_a_month_says_what_ran_through_it_once_and_quotes_no_sentence_twice(cli):
    write_all(cli, _GERMAN_MONTH)

    digest = read_digest(cli, "--month", "2026-09-15")

    assert "Immer wieder: “Müde.” (4)" in digest["text"]
    said = [s for line in digest["lines"] for s in sentences_of(line["text"])]
    assert len(said) == len(set(said)), said
    # the tiredness is said once, with its count; a line that is only that is not quoted
    assert "Frühschicht. Müde. Sonst nichts." not in digest["text"]


def test_an_english_month_says_its_refrain_in_english(cli):
    days = ["2026-11-02", "2026-11-04", "2026-11-09", "2026-11-12", "2026-11-17", "2026-11-19",
            "2026-11-24", "2026-11-26"]
    texts = ["Tired. Toast. Bed.", "Claire rang. She's taken the job in Toronto.",
             "Tired. Quiet night.", "Helped Claire sort her books. She gave me the poetry ones.",
             "Night shift done. Tired.", "Drove Claire to Heathrow. Cried in the car park.",
             "Video call with Claire. She looked happy. I'm glad. Mostly glad.",
             "Pottery class. My bowl collapsed twice. I laughed more than I have all month."]
    write_all(cli, [(f"{d} 21:00", t) for d, t in zip(days, texts, strict=True)])

    digest = read_digest(cli, "--month", "2026-11-15")

    assert "Again and again: “Tired.” (3)" in digest["text"]
    assert digest["refrains"] == [{"name": "Tired.", "count": 3, "previous": 0, "label": ""}]


def test_a_tag_closing_entries_is_no_refrain(cli):
    days = ["2026-11-02", "2026-11-05", "2026-11-10", "2026-11-13", "2026-11-18", "2026-11-24"]
    write_all(cli, [(f"{d} 21:00", "Long shift, then soup with Sam. #work") for d in days])

    digest = read_digest(cli, "--month", "2026-11-15")

    assert digest["refrains"] == []
    assert "Again and again" not in digest["text"]


_MUMS_MONTH = [
    ("2026-03-02 21:00", "Mum's scan is on Friday. I'm scared."),
    ("2026-03-04 21:00", "Couldn't sleep. So worried about the results."),
    ("2026-03-06 21:00", "Bad news from the hospital. I cried in the car park."),
    ("2026-03-09 21:00", "Angry at everyone today. I hate this waiting."),
    ("2026-03-11 21:00", "Another awful night, scared and alone."),
    ("2026-03-13 21:00", "Sad all day. Nothing helps."),
    ("2026-03-17 21:00", "Mum's surgery went well. Glad. Tired."),
    ("2026-03-19 21:00", "Mum is home. Tired. Good soup."),
    ("2026-03-23 21:00", "Walked with Mum to the bench by the pond. Nice. Tired."),
    ("2026-03-25 21:00", "Mum laughed at the telly. Tired."),
    ("2026-03-29 21:00", "Sunday lunch together, lovely. Tired."),
]


def test_what_ran_through_a_month_does_not_hide_where_it_turned(cli):
    """"Tired." closing every day after the surgery is the month's refrain, not its tone:
    read with it, the month "turned" on "Sad all day. Nothing helps."; without it, on the
    day the surgery went well."""
    write_all(cli, _MUMS_MONTH)

    digest = read_digest(cli, "--month", "2026-03-15")

    turned = [line["text"] for line in digest["lines"] if line["turn"]]
    assert turned == ["Mum's surgery went well. Glad. Tired."], digest["lines"]
    assert "(where it turned): “Mum's surgery went well." in digest["text"]
    assert "Again and again: “Tired.” (5)" in digest["text"]


def test_someone_in_every_week_but_a_day_at_the_month_s_edge_was_there_every_week(cli):
    """November 2026 opens on a Sunday and ends on a Monday: a week of one day at each edge
    without her does not make the month's sister someone who came and went."""
    write_all(cli, [
        ("2026-11-01 08:10", "Night shift done. Ward was quiet for once."),
        ("2026-11-04 21:15", "Claire rang. She's taken the job in Toronto."),
        ("2026-11-07 10:30", "Lunch with Claire. Neither of us mentioned Toronto."),
        ("2026-11-14 19:00", "Helped Claire sort her books. She gave me the poetry ones."),
        ("2026-11-21 06:30", "Drove Claire to Heathrow. Cried in the car park."),
        ("2026-11-24 22:00", "Video call with Claire. She looked happy. I'm glad."),
        ("2026-11-30 21:00", "Pottery was ridiculous. I laughed more than I have all month."),
    ])

    digest = read_digest(cli, "--month", "2026-11-15")

    assert "Across the weeks: Claire every week" in digest["text"]
    assert {"name": "Claire", "kind": "every", "day": ""} in digest["arc"]

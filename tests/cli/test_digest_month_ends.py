"""A month says what only a month can: how its first week sounded and how its last did,
side by side, in the person's own words (the most felt sentence of each). A month of
short entries is then not its weekly digests again: it quotes fewer of their lines."""

from __future__ import annotations

from mirror.services.digest import MOVED_REPEATS
from tests.cli.digests import read_digest, sentences_of, week_lines, write_all
from tests.cli.test_json_schemas import validate

_NURSE = [
    ("2026-11-02 22:40", "Ambulance bay was chaos tonight. Three in at once. I was fine until the car park."),
    ("2026-11-03 09:00", "Tired. Toast. Bed."),
    ("2026-11-04 21:15", "Claire rang. She's taken the job in Toronto. I said congratulations and "
                         "meant about half of it."),
    ("2026-11-08 08:20", "Bad shift. Lost a patient at 4am. I held his hand. Nobody else was there."),
    ("2026-11-10 21:30", "Priya brought me a flapjack in the staff room and didn't ask anything."),
    ("2026-11-12 08:45", "Tired. Quiet night. Nothing else."),
    ("2026-11-14 19:00", "Helped Claire sort her books. She gave me the poetry ones."),
    ("2026-11-17 09:00", "Night shift done. Priya and I laughed about the vending machine till we cried."),
    ("2026-11-21 06:30", "Drove Claire to Heathrow. Didn't cry in the car. Cried in the car park."),
    ("2026-11-24 22:00", "Video call with Claire. She looked happy. I'm glad. Mostly glad."),
    ("2026-11-26 08:30", "Tired. Good shift though. Mrs Okafor went home."),
    ("2026-11-28 18:00", "Signed up for the pottery class Priya keeps talking about."),
    ("2026-11-30 21:00", "Pottery was ridiculous. My bowl collapsed twice. I laughed more than I "
                         "have all month."),
]


def test_a_month_sets_its_first_week_beside_its_last_in_the_persons_words(cli):
    write_all(cli, _NURSE)
    weekly = week_lines(cli, ("2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"))

    digest = read_digest(cli, "--month", "2026-11-15")

    first, last = digest["moved"]
    assert int(first["date"].split()[0]) <= 7 and int(last["date"].split()[0]) >= 24
    entries = dict((t, w) for w, t in _NURSE)
    assert any(first["text"] in t for t in entries) and any(last["text"] in t for t in entries)
    assert "From the month's first week to its last: “" + first["text"] in digest["text"]
    assert last["text"] in digest["text"]
    # the month quotes few of its weeks' lines again, and no sentence twice
    assert len([line for line in digest["lines"] if line["text"] in weekly]) <= MOVED_REPEATS
    said = [k for line in (*digest["lines"], *digest["moved"]) for k in sentences_of(line["text"])]
    assert len(said) == len(set(said)), said
    assert "Tired." not in (first["text"], last["text"])  # said once, with its count
    assert digest["checks_passed"]
    validate("digest", digest)


def test_a_month_of_two_weeks_sets_nothing_side_by_side(cli):
    write_all(cli, [e for e in _NURSE if e[0] < "2026-11-14"])

    digest = read_digest(cli, "--month", "2026-11-10")

    assert digest["moved"] == []
    assert "first week" not in digest["text"]


def test_a_private_sentence_set_beside_the_first_week_is_marked_private(cli):
    write_all(cli, _NURSE[:-1])
    run = cli("reflect", "--json", "--private", "--date", _NURSE[-1][0], input=_NURSE[-1][1])
    assert run.code == 0, run.err

    digest = read_digest(cli, "--month", "2026-11-15")

    last = digest["moved"][1]
    assert last["private"] and last["text"] in _NURSE[-1][1]
    assert f"“{last['text']}” (30 November, private)" in digest["text"]


def test_a_months_lines_come_from_between_its_first_and_last_weeks(cli):
    # the ends are heard where they are set side by side; the lines tell the middle
    write_all(cli, _NURSE)

    digest = read_digest(cli, "--month", "2026-11-15")

    days = [int(line["date"].split()[0]) for line in digest["lines"]]
    assert days and all(8 <= d <= 24 for d in days), digest["text"]
    assert any("Drove Claire to Heathrow" in line["text"] for line in digest["lines"])

"""The journal's memory without a model, as a person meets it: one descriptive sentence in
the offline mirrorback about earlier reflections (mirror/services/remembering.py), and
`mirror onthisday`. Real CLI, real SQLite file, dates given with `--date`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mirror.clock import FixedClock
from tests.cli.test_json_schemas import validate

THIRD_TIME = "Sam comes up for the third time this month."


def reflect(cli, when: str, text: str, *args: str) -> dict:
    run = cli("reflect", "--json", "--date", when, *args, text)
    assert run.code == 0, run.err
    return run.json


def mirrorback(result: dict) -> str:
    assert result["mirrorback"]["engine"] == "offline"
    return result["mirrorback"]["content"]


# -- the memory sentence --------------------------------------------------------------------
def test_a_name_in_two_earlier_reflections_this_month_comes_up_for_the_third_time(cli):
    reflect(cli, "2026-03-02 19:00", "Coffee with Sam at the station before the train.")
    reflect(cli, "2026-03-09 21:00", "Later Sam and I argued about money, again.")

    result = reflect(cli, "2026-03-14 20:00", "Work was long, and then Sam called to apologise.")

    text = mirrorback(result)
    assert THIRD_TIME in text
    assert text.endswith("?") and text.index(THIRD_TIME) < text.rindex(" ")  # before the question
    assert result["mirrorback"]["verdict"] == "passed"
    assert all(c["passed"] for c in result["checks"])


def test_one_mention_this_month_and_older_ones_say_nothing(cli):
    reflect(cli, "2026-01-20 19:00", "Coffee with Sam at the station before the train.")
    reflect(cli, "2026-03-09 21:00", "Later Sam and I argued about money, again.")

    text = mirrorback(reflect(cli, "2026-03-14 20:00", "Work was long, and then Sam called."))

    assert "comes up" not in text


def test_private_reflections_are_never_counted_into_a_reflection_that_is_not_private(cli):
    reflect(cli, "2026-03-02 19:00", "Coffee with Sam at the station.", "--private")
    reflect(cli, "2026-03-09 21:00", "Later Sam and I argued about money.", "--private")

    shared = mirrorback(reflect(cli, "2026-03-14 20:00", "Work was long, and then Sam called."))
    private = mirrorback(reflect(cli, "2026-03-14 21:00", "Tonight Sam wrote a long letter.",
                                 "--private"))

    assert "comes up" not in shared
    assert "Sam comes up for the fourth time this month." in private  # private: its own journal


def test_an_earlier_line_sharing_a_phrase_is_quoted_exactly_with_its_date(cli):
    reflect(cli, "2026-03-01 10:00",
            "I keep thinking about the old house by the lake, where we spent summers.")
    reflect(cli, "2026-03-12 10:00", "We drove past the old house by the lake today.")  # < 7 days

    text = mirrorback(reflect(cli, "2026-03-14 22:00",
                              "Last night I dreamt of the old house by the lake again."))

    assert "On 1 March you wrote \u201cI keep thinking about the old house by the lake\u201d." in text
    assert "drove past" not in text


def test_a_reflection_that_received_care_is_never_quoted(cli):
    crisis = reflect(cli, "2026-03-01 10:00",
                     "I want to end my life. I keep thinking about the old house by the lake.")
    assert crisis["care"] is True

    text = mirrorback(reflect(cli, "2026-03-14 22:00",
                              "Last night I dreamt of the old house by the lake again."))

    assert "On 1 March" not in text and "end my life" not in text  # no memory of it at all


def test_the_memory_line_is_never_added_to_a_care_response(cli):
    reflect(cli, "2026-03-02 19:00", "Coffee with Sam at the station before the train.")
    reflect(cli, "2026-03-09 21:00", "Later Sam and I argued about money, again.")

    result = reflect(cli, "2026-03-14 20:00",
                     "I told Sam goodbye today. I don't want to be alive anymore.")

    assert result["care"] is True
    assert "comes up" not in result["mirrorback"]["content"]


def test_another_language_gets_no_sentence_rather_than_a_wrong_one(cli):
    reflect(cli, "2026-03-02 19:00", "Hoy tomé un café con Sam en la estación.")
    reflect(cli, "2026-03-09 21:00", "Luego Sam y yo discutimos por dinero.")

    text = mirrorback(reflect(cli, "2026-03-14 20:00", "Fue un día largo, y luego Sam llamó."))

    assert "Sam comes up" not in text and "this month" not in text


# -- mirror onthisday -----------------------------------------------------------------------
@pytest.fixture
def years(cli) -> dict[str, str]:
    """Reflections around 2 December over three years, in the journal's zone (Berlin)."""
    ids = {}
    for key, when, text in (
        ("2024", "2024-12-02 09:00", "Snow on the garden for the first time this winter."),
        ("2025", "2025-12-02 23:30", "A long call with my brother about the move."),
        ("next-day", "2025-12-03 00:30", "Could not sleep, wrote lists instead."),
        ("this-year", "2026-12-02 08:00", "Today, nothing much."),
    ):
        ids[key] = reflect(cli, when, text)["reflection"]["id"]
    return ids


def test_onthisday_lists_earlier_years_newest_first_in_the_writers_own_day(cli, years):
    run = cli("onthisday", "--date", "2026-12-02", "--json")

    assert run.code == 0, run.err
    validate("onthisday", run.json)
    assert run.json["label"] == "2 December"
    assert [(e["year"], e["id"]) for e in run.json["reflections"]] == [
        (2025, years["2025"]), (2024, years["2024"])]  # 23:30 Berlin is still 2 December
    assert run.json["reflections"][0]["excerpt"] == "A long call with my brother about the move."

    text = cli("onthisday", "--date", "2026-12-02")
    assert text.code == 0
    lines = text.out.splitlines()
    assert lines[0] == "On 2 December"
    assert lines[1].startswith("2025  ") and lines[1].endswith("A long call with my brother about the move.")
    assert lines[2].startswith("2024  ") and "Snow on the garden" in lines[2]


def test_onthisday_with_nothing_says_so_in_one_line(cli, years):
    run = cli("onthisday", "--date", "2026-07-01")

    assert (run.code, run.out) == (0, "Nothing written on 1 July in earlier years.\n")
    assert cli("onthisday", "--date", "2026-07-01", "--json").json["reflections"] == []


def test_onthisday_defaults_to_today_by_the_journals_clock(cli, years):
    clock = FixedClock(datetime(2027, 12, 2, 12, 0, tzinfo=UTC))

    run = cli("onthisday", "--json", clock=clock)

    assert run.code == 0, run.err
    assert run.json["date"] == "2027-12-02"
    assert [e["year"] for e in run.json["reflections"]] == [2026, 2025, 2024]


def test_onthisday_leaves_out_reflections_that_received_care(cli):
    reflect(cli, "2025-05-04 10:00", "I don't want to be alive anymore, I keep thinking about ending it")
    kept = reflect(cli, "2024-05-04 10:00", "Bought tulips at the market.")["reflection"]["id"]

    run = cli("onthisday", "--date", "2026-05-04", "--json")

    assert [e["id"] for e in run.json["reflections"]] == [kept]


def test_a_date_that_is_not_one_exits_4_with_one_line(cli):
    run = cli("onthisday", "--date", "2026-13-40")

    assert run.code == 4
    assert run.err.strip().splitlines() == [
        "mirror: not a date: '2026-13-40' (expected YYYY-MM-DD, e.g. 2026-03-14)"]


def test_shell_completion_offers_onthisday(cli):
    run = cli("completion", "bash")
    assert run.code == 0 and "onthisday" in run.out


# -- what counts as a name and a cue ----------------------------------------------------------
def test_names_are_capitals_inside_a_sentence_never_months_weekdays_or_pronouns():
    from mirror.services.remembering import cue_words, names_in

    text = ("Sam was late. On Monday in March I met Ana and Sam's brother; I'm tired. "
            "She said: \"Never again\" and OK, fine.\nToday Priya called.")
    assert names_in(text) == ["Ana", "Sam", "Priya"]
    assert cue_words("Then Sam rang me again.", 6)[0] == "Sam"  # no long word to find it by
    assert "old house" in cue_words("I dreamt of the old house by the lake.", 6)


def test_a_name_past_the_tenth_time_comes_up_often_not_with_a_guessed_count(cli):
    for day in range(1, 13):
        reflect(cli, f"2026-03-{day:02d} 08:00", f"Breakfast, and then Sam phoned, day {day}.")

    text = mirrorback(reflect(cli, "2026-03-14 20:00", "Work was long, and then Sam called."))

    assert "Sam comes up often this month." in text

"""A month digest says the month's own shape: the line where its tone turned is marked so,
and who was there every week, who came into it late and who faded out is said in one line.
A week says neither (it has no weeks to move across)."""

from __future__ import annotations

from tests.cli.test_json_schemas import validate

_MONTH = [
    ("2026-09-01 21:00", "Couldn't sleep again. Sam was asleep and I lay there dreading Monday, "
                         "so anxious about the rent."),
    ("2026-09-03 21:00", "Argued with Sam about money. I was awful and I'm ashamed of it."),
    ("2026-09-08 21:00", "The manager shouted at me in front of everyone. I cried in the "
                         "toilets, scared I'll lose this job. Sam was quiet at dinner."),
    ("2026-09-10 21:00", "Miserable, lonely, angry at myself. Nothing is working."),
    ("2026-09-15 21:00", "The job offer came through! I'm so relieved and happy. Sam hugged me "
                         "in the kitchen and we laughed like idiots."),
    ("2026-09-17 21:00", "First day at the new place. Priya showed me round and I felt calm "
                         "for once, grateful for all of it."),
    ("2026-09-22 21:00", "Lunch with Priya by the river, lovely. Sam made pancakes tonight and "
                         "I felt hopeful."),
    ("2026-09-24 21:00", "Priya and I laughed all afternoon. I'm proud I held on. Sam says "
                         "I look lighter."),
]


def _write(cli) -> None:
    for when, text in _MONTH:
        run = cli("reflect", "--json", "--date", when, input=text)
        assert run.code == 0, run.err


def test_a_month_marks_where_it_turned_and_who_came_and_stayed(cli):
    _write(cli)

    month = cli("digest", "--month", "--date", "2026-09-20", "--json").json
    validate("digest", month)

    turned = [line for line in month["lines"] if line.get("turn")]
    assert [line["date"] for line in turned] == ["15 September 2026"]
    assert "(where it turned)" in month["text"]
    assert {(a["name"], a["kind"]) for a in month["arc"]} >= {("Sam", "every"), ("Priya", "from")}
    assert "Across the weeks: Sam every week; Priya from 17 September on" in month["text"]


def test_a_week_has_no_turn_and_no_arc(cli):
    _write(cli)

    week = cli("digest", "--week", "--date", "2026-09-15", "--json").json

    assert not any(line.get("turn") for line in week["lines"])
    assert week["arc"] == [] and "Across the weeks" not in week["text"]

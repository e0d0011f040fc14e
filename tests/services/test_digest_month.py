"""A month's lines are the strongest of the month, from across its weeks: the week of the
bad news is told by its strongest lines, every week that felt something is heard, and a
day that only happened to fall in a quiet stretch does not take a hard week's place."""

from __future__ import annotations

from datetime import date

from mirror.services.digest import MONTH_LINES, month_lines, salient_lines
from mirror.services.digest_words import line_day
from mirror.storage.periods import PeriodEntry

_MONTH = [
    ("2026-10-01", "Nice walk by the river with Ana. The leaves are turning, which I like."),
    ("2026-10-02", "Made soup with Dad. A quiet evening, nice enough."),
    ("2026-10-03", "Lunch in the park, the sun came out for a bit."),
    ("2026-10-05", "Finished the puzzle with Dad, I felt calm."),
    ("2026-10-06", "Bought new running shoes, I felt content."),
    ("2026-10-07", "Good chat with Ana about the holidays, I felt calm."),
    ("2026-10-08", "The choir was nice tonight, I felt calm."),
    ("2026-10-09", "Long bath, a good book, I felt rested."),
    ("2026-10-10", "Farmers market with Ana, I felt content."),
    ("2026-10-12", "The biopsy came back. It's cancer. I sat in the car park and shook and "
                   "could not stop crying, I am so scared."),
    ("2026-10-13", "Told Mum. I'm terrified of what comes next and so angry it's happening now."),
    ("2026-10-14", "Couldn't sleep again. Lay awake terrified, heart pounding, hating "
                   "everything, so lonely in it even with Ana beside me."),
    ("2026-10-15", "Cried at my desk, so ashamed and scared, I can't do this, I'm falling apart."),
    ("2026-10-19", "Met the oncologist. Plan is surgery in November. Felt a bit calmer, relieved."),
    ("2026-10-20", "Ana brought flowers, which was kind."),
    ("2026-10-21", "Walked with Dad, we talked about nothing much."),
    ("2026-10-22", "Slept well for once and felt hopeful this morning."),
    ("2026-10-26", "Pre-op bloods done. Tired but okay, honestly a little hopeful."),
    ("2026-10-27", "Dad drove me to the appointment and sang badly, which made me laugh."),
    ("2026-10-28", "Evening with Ana, pizza and a film."),
    ("2026-10-29", "Packed the hospital bag, strangely calm."),
]
_HARD_WEEK = ("car park", "terrified of what comes next", "Lay awake terrified",
              "Cried at my desk")


def _lines():
    entries = [PeriodEntry(f"e{k}", text, f"{day}T19:00:00Z", "UTC", False, None)
               for k, (day, text) in enumerate(_MONTH)]
    return salient_lines(entries, MONTH_LINES)


def test_a_month_keeps_its_turn_over_a_third_calm_evening_of_one_week():
    """Six calm evenings in one week gave three of the month's seven lines; the week after
    the news, meeting the oncologist, was left out."""
    lines = _lines()
    texts = " ".join(line.text for line in lines)
    assert "Met the oncologist" in texts
    assert sum(1 for words in _HARD_WEEK if words in texts) >= 2
    calm_week = [line for line in lines if line_day(line.date).isocalendar()[1] == 41]
    assert len(calm_week) <= 2


def test_every_week_that_felt_something_is_heard_in_the_month():
    # in a line of its own, or where the month's first and last weeks are set side by side
    entries = [PeriodEntry(f"e{k}", text, f"{day}T19:00:00Z", "UTC", False, None)
               for k, (day, text) in enumerate(_MONTH)]
    lines, ends = month_lines(entries)
    weeks = {line_day(line.date).isocalendar()[1] for line in (*lines, *ends)}
    assert weeks >= {date(2026, 10, d).isocalendar()[1] for d in (1, 5, 12, 19, 26)}

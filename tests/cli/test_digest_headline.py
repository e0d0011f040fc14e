"""The digest's one sentence of its own — the feeling of the period — as the person would
judge it: a feeling is named only when they said it of themselves, the period's end and
each entry's last line weigh most, joy is named as readily as worry, irony's praise is not
a feeling, and a period with no feeling said opens with its counts instead."""

from __future__ import annotations


def _write(cli, text: str, date: str, *extra: str) -> None:
    run = cli("reflect", "--json", "--date", date, *extra, input=text)
    assert run.code == 0, run.err


def _week(cli, date: str) -> tuple[str, str]:
    digest = cli("digest", "--week", "--date", date, "--json").json
    return digest["feeling"], digest["text"]


def test_a_week_that_ends_in_a_triumph_is_not_a_week_of_fear(cli):
    _write(cli, "Interview on Thursday. I'm terrified I'll freeze on the panel question.",
           "2026-06-01 21:00")
    _write(cli, "Practised the answers out loud in the car. Still nervous about it.",
           "2026-06-02 21:00")
    _write(cli, "They offered me the job!! Rang Mum from the car park. I'm so proud of myself.",
           "2026-06-05 18:00")
    _write(cli, "Champagne with the neighbours. Honestly I'm just happy. Earned it.",
           "2026-06-06 22:00")

    feeling, text = _week(cli, "2026-06-03")

    assert feeling.startswith(("A week that began with fear", "A week that began with worry"))
    assert "pride" in feeling  # both sides, in the order they came
    assert feeling.endswith(("pride and joy.", "joy and pride.", "pride.", "joy."))
    assert feeling not in text  # kept in --json, not printed (a one-word verdict on a week)


def test_a_funeral_or_an_icu_in_the_story_does_not_set_the_feeling(cli):
    _write(cli, "Gran's funeral is on Monday, so the whole family is coming down. Booked the "
                "hall for after.", "2026-06-08 20:00")
    _write(cli, "Ana had the baby!!! A girl, both fine. She spent a night in the ICU just to be "
                "safe. I'm so happy I cried in the car.", "2026-06-10 07:00")
    _write(cli, "Held her for an hour. I'm over the moon, still.", "2026-06-12 19:00")

    feeling, _ = _week(cli, "2026-06-10")

    assert "joy" in feeling
    for wrong in ("grief", "fear", "worry", "sadness"):
        assert wrong not in feeling


def test_irony_is_not_gratitude_or_love(cli):
    _write(cli, "Thanks, boss, for the 7am meeting about the meeting. Love this job.",
           "2026-06-16 08:10")
    _write(cli, "Another 7am. Cold coffee. Living the dream #blessed", "2026-06-17 08:10")

    feeling, text = _week(cli, "2026-06-16")

    for wrong in ("gratitude", "love", "joy"):
        assert wrong not in feeling


def test_a_week_with_no_feeling_said_opens_with_its_own_words(cli):
    _write(cli, "Lymphoma. Multicentric, quite advanced. The vet was very direct.",
           "2026-06-23 17:20")
    _write(cli, "Picked up the tablets. He ate his dinner. Walked to the end of the road.",
           "2026-06-24 18:00")

    feeling, text = _week(cli, "2026-06-23")

    assert feeling == ""
    assert text.splitlines()[2] == "In your own words:"
    assert text.splitlines()[-1].startswith("You wrote 2 reflections this week")
    assert "A week that" not in text


def test_a_feeling_said_of_someone_else_or_in_the_story_is_not_the_writers(cli):
    _write(cli, "Priya said she was furious about the rota. I just listened.", "2026-06-29 20:00")
    _write(cli, "Watched a film about a lonely lighthouse keeper.", "2026-06-30 21:00")
    _write(cli, "Mostly a quiet week. I'm grateful for the long evenings.", "2026-07-02 21:00")

    feeling, _ = _week(cli, "2026-06-30")

    assert "anger" not in feeling and "loneliness" not in feeling
    assert "gratitude" in feeling


def test_a_loss_told_without_a_feeling_word_is_not_given_one(cli):
    _write(cli, "Cleaned the kitchen and it felt good and calm.", "2026-07-06 20:00")
    _write(cli, "He's gone. It was peaceful. Dr Fraser cried a bit too, and I will always love "
                "her for it.", "2026-07-08 14:00")

    feeling, text = _week(cli, "2026-07-07")

    assert feeling == ""
    assert "On 8 July you wrote of a loss." in text


def test_the_end_of_the_week_outweighs_its_start(cli):
    _write(cli, "So anxious about the flat viewing, I barely slept.", "2026-07-13 08:00")
    for day in (16, 17, 18, 19):
        _write(cli, f"Unpacked box number {day}. I feel calm here, finally.", f"2026-07-{day} 21:00")

    feeling, _ = _week(cli, "2026-07-15")

    assert feeling.index("worry") < feeling.index("calm")


def test_a_feeling_against_what_happened_is_not_the_weeks(cli):
    """A break-up week where the only feeling said is gratitude for a friend is not "a week
    that held gratitude"; a week with a job won where only the nerves before it were said
    is not "a week of fear"."""
    _write(cli, "Sam moved his stuff out. We broke up on Sunday and it's real now.",
           "2026-08-03 21:00")
    _write(cli, "Cat came round with wine. I'm so grateful for her.", "2026-08-05 21:00")
    _write(cli, "Slept in his hoodie. The flat echoes.", "2026-08-07 23:00")
    assert _week(cli, "2026-08-05")[0] == ""

    _write(cli, "Second interview tomorrow. I'm terrified.", "2026-08-10 21:00")
    _write(cli, "They offered me the job. Sat in the car for ten minutes. Earned it.",
           "2026-08-12 18:00")
    assert _week(cli, "2026-08-12")[0] == ""


def test_a_feeling_said_as_a_diary_fragment_is_the_writers(cli):
    _write(cli, "The scan was clear. I'm so relieved I sat in the car and laughed.",
           "2026-08-19 17:00")
    _write(cli, "Just tired.", "2026-08-23 22:00")  # read as the reading reads a fragment

    feeling, _ = _week(cli, "2026-08-19")

    assert "relief" in feeling and "tiredness" in feeling
    assert feeling.index("relief") < feeling.index("tiredness")


def test_joy_shouted_at_good_news_or_tagged_is_named(cli):
    _write(cli, "Long day at work, the printer jammed twice.", "2026-08-24 20:00")
    _write(cli, "Ana had the baby!!! A girl, both fine, I'm an auntie!", "2026-08-26 07:00")
    assert "joy" in _week(cli, "2026-08-26")[0]

    _write(cli, "Swam in the sea before breakfast. #joy", "2026-09-01 09:00")
    assert "joy" in _week(cli, "2026-09-01")[0]


def test_who_the_quoted_lines_are_about_is_listed_first_among_equals(cli):
    _write(cli, "Lunch with Priya, we talked about her new flat and the bathroom tiles.",
           "2026-09-14 13:00")
    _write(cli, "I kept reaching for my phone to tell Jamie about my day, and then "
                "remembering. I miss him so much it hurts.", "2026-09-16 22:00")

    digest = cli("digest", "--week", "--date", "2026-09-15", "--json").json

    assert [p["name"] for p in digest["people"]][:2] == ["Jamie", "Priya"]

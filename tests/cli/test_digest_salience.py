"""What a weekly digest quotes, as the person would judge it: the week's most important
entry is there however short it is, a loss written about is acknowledged in one plain
line, a quote keeps the turn that follows it, a shout counts as much as a long paragraph,
and only people are listed as people."""

from __future__ import annotations

import pytest

from mirror.services import people

ORDINARY = [
    ("Long day at the office. The printer jammed twice and the meeting about the new filing "
     "system ran over by forty minutes, then I stopped at the shop for milk, bread and the "
     "good cheese, and I felt quite happy walking home in the sun with my bag of shopping."),
    ("Cleaned the kitchen, answered emails, and watched a documentary about lighthouses that "
     "was better than it had any right to be; I loved the keeper who painted every evening."),
    ("Walked the long way round the park with a podcast about Roman roads. Bought a new "
     "notebook, a nice one, and sorted the spare room, which felt good and calm."),
]


def _write(cli, text: str, date: str) -> str:
    run = cli("reflect", "--json", "--date", date, input=text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def _week(cli, date: str) -> tuple[dict, str]:
    return (cli("digest", "--week", "--date", date, "--json").json,
            cli("digest", "--week", "--date", date).out)


def test_a_short_death_is_quoted_and_the_loss_is_acknowledged_plainly(cli):
    for day, text in zip((12, 13, 14), ORDINARY, strict=True):
        _write(cli, text, f"2026-10-{day:02d} 20:00")
    gone = _write(cli, "He's gone. It was peaceful. Dr Fraser cried a bit too, which I didn't "
                       "expect, and I will always love her for it.", "2026-10-15 14:00")
    _write(cli, "put his bowl away. got it back out. put it away.", "2026-10-16 07:05")

    digest, shown = _week(cli, "2026-10-15")

    assert {line["reflection_id"]: line["text"] for line in digest["lines"]}[gone] == \
        "He's gone. It was peaceful."
    assert digest["feeling"] == ""  # no feeling was said of the loss: none is named for it
    # The week ends on the bowl put away: its last entry is quoted, so the loss line says
    # the days after it were written of too.
    assert "On 15 October you wrote of a loss, and of the days after it." in shown
    assert "put his bowl away. got it back out. put it away." in shown
    for word in ("condolence", "sorry", "take care", "should", "try to"):
        assert word not in shown.lower()


def test_a_thing_that_died_or_a_funeral_planned_is_not_a_loss_told(cli):
    _write(cli, "My phone died on the train and I felt oddly free for an hour.", "2026-10-13 20:00")
    _write(cli, "The funeral is on Friday. I've written three versions of what I want to say "
                "and hate all of them.", "2026-10-14 20:00")

    digest, shown = _week(cli, "2026-10-14")

    assert "you wrote of a loss" not in shown
    # Two sentences, what is coming and what it does to the writer: quoted as one thought.
    assert "The funeral is on Friday. I've written three versions of what I want to say and " \
        "hate all of them." in [line["text"] for line in digest["lines"]]


def test_a_death_said_of_no_one_in_particular_is_not_a_loss_told(cli):
    # A pupil's essay line, "everyone dies", is a joke about Macbeth, not a loss.
    _write(cli, 'Marking. One wrote "Hamlet is sad because everyone dies and it goes on for ages". '
                "Honestly not wrong.", "2026-10-13 20:00")
    _write(cli, "Staff meeting ran over again. Bought the good biscuits for once.", "2026-10-14 20:00")

    _, shown = _week(cli, "2026-10-14")

    assert "you wrote of a loss" not in shown


def test_a_quote_keeps_the_short_turn_or_landing_that_follows_it(cli):
    _write(cli, "Marked the first essays tonight and one kid handed me something real, and I "
                "remembered why I didn't go into marketing like Rob, who has a boat now. "
                "I don't want a boat. I'd like a boat a bit.", "2026-09-10 22:40")
    _write(cli, "Afterwards at the pub I felt something I didn't expect, which was relief. Not "
                "that he's gone, but that the waiting is over and he isn't struggling anymore.",
           "2026-09-11 18:30")

    lines = [line["text"] for line in _week(cli, "2026-09-10")[0]["lines"]]

    assert any(line.endswith("I don't want a boat. I'd like a boat a bit.") for line in lines)
    assert "Afterwards at the pub I felt something I didn't expect, which was relief. Not that " \
           "he's gone, but that the waiting is over and he isn't struggling anymore." in lines


def test_a_shouted_short_entry_is_quoted_with_its_shout(cli):
    for day, text in zip((28, 29, 30), ORDINARY, strict=True):
        _write(cli, text, f"2026-09-{day:02d} 20:00")
    news = _write(cli, "JE VAIS ÊTRE TATIE !!!!!\n\nLéa est enceinte. 13 semaines. J'ai pleuré "
                       "au milieu du restaurant, Thomas aussi a pleuré, Karim a fait semblant "
                       "que non.", "2026-10-03 23:30")

    digest, _ = _week(cli, "2026-10-01")

    assert {line["reflection_id"]: line["text"] for line in digest["lines"]}[news] == \
        "JE VAIS ÊTRE TATIE !!!!! Léa est enceinte. 13 semaines."


def test_a_weekday_list_or_a_praised_noun_is_not_read_as_irony(cli):
    _write(cli, "New routine, as it stands:\nTues - food bank\nWed - Poppy\nSat/Sun - Maggie.\n"
                "Not bad for a man with nothing to do.", "2027-01-17 19:40")
    _write(cli, "Sofia's friend Ana is an accountant and says: send a formal letter, quote the "
                "Late Payment of Commercial Debts Act, add statutory interest. Drafting it now. "
                "Feels like bringing a sword to a tea party. Good.", "2027-01-16 16:20")

    digest, shown = _week(cli, "2027-01-17")

    assert digest["lines"] and not any(line["wry"] for line in digest["lines"])
    assert "said wryly" not in shown


@pytest.mark.parametrize("texts, person, expected", [
    (["Aoife asked Ollie about his pension and Oasis vs Blur.", "He sings Oasis in the shower."],
     "Oasis", False),
    (["Food bank needs a van driver, Tues and Thurs mornings."], "Thurs", False),
    (["Keys at ten. Dev and Ollie carried the sofa and swore the whole way."], "Ollie", True),
    (["He went quiet and then said something in Italian to Murphy, rubbing his ears."],
     "Murphy", True),
    (["Drove up to Glasgow with the kids."], "Glasgow", False),
])
def test_who_a_week_is_about(texts, person, expected):
    assert (person in people.count(texts)) is expected


def test_a_benign_result_and_a_first_birthday_without_her_are_quoted(cli):
    for day, text in zip((4, 5, 7), ORDINARY, strict=True):
        _write(cli, text, f"2026-05-{day:02d} 20:00")
    news = _write(cli, "Biopsy came back benign.", "2026-05-06 16:10")
    _write(cli, "Mum would have been 70 today. First birthday without her. Lit the candle she "
                "liked.", "2026-05-08 07:40")

    digest, shown = _week(cli, "2026-05-06")

    lines = {line["reflection_id"]: line["text"] for line in digest["lines"]}
    assert lines[news] == "Biopsy came back benign."
    assert "Mum would have been 70 today. First birthday without her. Lit the candle she liked." \
        in lines.values()
    # The remembrance is grief the person wrote; a biopsy that came back benign tells relief,
    # as results that "came back clear" do: the week held both.
    assert "grief" in digest["feeling"] and "relief" in digest["feeling"]
    assert "Biopsy (" not in shown  # a sentence's first word before a verb, not a person
    assert "you wrote of a loss" not in shown  # a remembrance, not a death told this week


def test_someone_elses_words_and_the_body_are_not_the_persons_feeling(cli):
    _write(cli, 'Gareth: "All sorted, really sorry for the delay, we\'d love to work with you '
                'again!" Transferred the rent.', "2026-11-12 15:02")
    _write(cli, "Pub quiz, we came third. I laughed so much my face hurt.", "2026-11-13 22:00")
    _write(cli, "Rang my brother. We talked for an hour about nothing much and it was exactly "
                "what I needed.", "2026-11-14 10:00")

    digest, shown = _week(cli, "2026-11-12")

    assert "love" not in digest["feeling"] and "hurt" not in digest["feeling"]
    assert "said wryly" not in shown  # warm, with nothing gone wrong: meant


def test_a_line_of_a_few_words_comes_with_what_it_answers(cli):
    _write(cli, "Pete said why wait. Drove to Weston instead. Sand everywhere. He lay down in the "
                "shallows like a hippo and wouldn't get up. best day.", "2026-10-11 20:15")

    lines = [line["text"] for line in _week(cli, "2026-10-11")[0]["lines"]]

    (line,) = lines
    assert line.endswith("He lay down in the shallows like a hippo and wouldn't get up. best day.")
    assert line.startswith("Pete said why wait.")  # who "he" is


@pytest.mark.parametrize("text, person", [
    ("housewarming!! Marta from work brought a tortilla.", "Marta"),
    ("I didn't go into marketing like Rob from uni, who has a boat now.", "Rob"),
    ("Got a text from Sam at midnight and smiled.", "Sam"),
])
def test_someone_from_work_or_uni_is_a_person(text, person):
    assert person in people.count([text])


def test_a_diagnosis_told_plainly_is_given_no_feeling_the_person_did_not_say(cli):
    _write(cli, "Maggie still does three days at the surgery and on the other days I follow her "
                "round the house like the cat.", "2027-01-07 11:45")
    assert "fear" not in _week(cli, "2027-01-07")[0]["feeling"]

    _write(cli, "Lymphoma. Multicentric, quite advanced. The vet was very direct.", "2027-01-13 17:20")
    assert _week(cli, "2027-01-13")[0]["feeling"] == ""


def test_the_prose_line_after_a_list_is_quoted_never_the_list(cli):
    _write(cli, "Poppy day. What we did:\n- ducks at the park\n- lunch, she ate the cucumber\n"
                "- nap, her 1 hour, me 20 mins\n"
                "I'm more tired than after any night shift I ever did and I'd do it again tomorrow.",
           "2027-01-13 18:00")
    _write(cli, "Rules for next time, written down so I can't pretend I forgot:\n1. 50% upfront\n"
                "2. ask about payment terms\n3. invoice the day I deliver", "2027-01-14 20:00")

    lines = [line["text"] for line in _week(cli, "2027-01-13")[0]["lines"]]

    assert lines == ["I'm more tired than after any night shift I ever did and I'd do it again "
                     "tomorrow."]

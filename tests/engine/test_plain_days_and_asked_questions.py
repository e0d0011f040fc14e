"""Plain days, the writer's word on a day, questions the writer leaves, and guilt told by
what was done or left undone. A plain day is asked plainly, not "what stands out"; a day
that ends on the writer's word ("Balance.") is asked after that word; a question that weighs
a choice is met by weighing, one with no answer to weigh by company; and a forgotten
birthday or a visit put off is guilt without the word. These entries were written for the
tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "asked"), [
    ("Gym. Laundry. Paid the water bill. Bed 11.", ("leave you, by the end", "day like for you")),
    ("Trabajo. Compras en el mercado. Lavadora. Cena pronto.", ("te dejó, al final", "para ti")),
    ("Boulot. Courses. Lessive. Au lit à 23h.", ("à la fin de la journée", "pour toi")),
    ("Arbeit. Einkaufen. Wäsche. Um elf ins Bett.", ("am Ende des Tages", "für dich")),
    # a hard day kept short is asked as openly: never "the kind of day you wanted?"
    ("slept 4h. teething. third coffee before 10. thats the update", ("leave you, by the end", "day like for you")),
])
def test_a_plain_day_is_asked_plainly(text: str, asked: tuple[str, ...]) -> None:
    reply = compose(text)
    assert any(a in reply for a in asked), reply
    assert "stands out" not in reply and "sticht heraus" not in reply and "destaca" not in reply
    assert "kind of day" not in reply and " or " not in reply.rsplit("\u201d", 1)[-1], reply


@pytest.mark.parametrize(("text", "word"), [
    ("Swam 40 lengths. Knee fine. Ate a whole cheesecake. Balance.", "Balance"),
    ("Regen. Band lek. Toch op tijd op kantoor. Klein wonder.", "Klein wonder"),
])
def test_a_day_ending_on_the_writers_word_is_asked_after_that_word(text: str, word: str) -> None:
    reply = compose(text)
    assert reply.count(word) >= 2, reply  # quoted, and asked after


def test_a_choice_the_writer_leaves_is_weighed() -> None:
    reply = compose("The Leeds job pays more and I'm tired of the commute. But Mum is 80. "
                    "If I stay, is it because I want to, or because I'm scared?")
    assert "hardest to hear" in reply or "hope the answer" in reply, reply


def test_a_question_with_no_answer_to_weigh_is_kept_company() -> None:
    reply = compose("Dad's funeral is on Friday. Everyone keeps asking if I'll speak. "
                    "What do I even say at Dad's funeral?")
    assert "hardest to hear" not in reply and "hope the answer" not in reply, reply
    assert "brought this question up" not in reply, reply


@pytest.mark.parametrize("text", [
    "Forgot Marta's birthday. Not late, forgot. Saw it on her story tonight. Fifteen years "
    "friends. Still haven't sent anything.",
    "Haven't been up to see Gran at the home in three weeks. Kept telling myself the drive, "
    "the rain, the kids.",
    "I snapped at Leo over his shoes this morning and he went quiet all the way to school.",
])
def test_guilt_is_told_by_what_was_done_or_left_undone(text: str) -> None:
    assert "guilt" in read(text).feelings


def test_a_birthday_remembered_is_no_guilt() -> None:
    assert "guilt" not in read("I didn't forget her birthday this year. Bought the cake on Tuesday.").feelings


@pytest.mark.parametrize(("text", "language", "feeling"), [
    ("Why am I so tired all the time?", "en", "tiredness"),
    ("Luca mi ha chiesto di andare a Bologna con lui. Il lavoro è buono. Ma perché quando ci "
     "penso la prima cosa che sento è sollievo?", "it", "relief"),
])
def test_asking_why_a_feeling_is_there_says_it_is(text: str, language: str, feeling: str) -> None:
    assert feeling in read(text, language=language).feelings


def test_asking_whether_to_do_something_is_no_feeling() -> None:
    assert read("Do something fun this weekend???").feelings == ()


def test_a_question_left_is_given_back_with_the_feeling_it_asks_about() -> None:
    reply = compose("Luca mi ha chiesto di andare a Bologna con lui. Il lavoro è buono. Ma perché "
                    "quando ci penso la prima cosa che sento è sollievo?")
    assert "sollievo" in reply.lower().split("“")[0], reply  # named before the quote


def test_being_moved_is_named_in_polish_beside_fear() -> None:
    feelings = read("Babcia dała mi listy dziadka. Jestem wzruszona i przerażona jednocześnie.",
                    language="pl").feelings
    assert "love" in feelings and "fear" in feelings


def test_a_lump_found_on_the_body_is_worry_but_a_lump_of_gum_is_not() -> None:
    assert "anxiety" in read("Found a lump on the left side of my neck this morning. Pea sized. "
                             "GP tomorrow at 9:20. Haven't told Sam.").feelings
    assert read("Found a lump of old chewing gum under my desk at work. Gross.").feelings == ()


def test_no_regret_closing_a_short_day_is_asked_after_as_the_writers_word() -> None:
    reply = compose("Rendu le rapport. 40 pages. Dormi 12h. Mangé une tarte entière. Aucun regret.")
    assert reply.count("Aucun regret") >= 2, reply


def test_good_news_the_writer_only_told_someone_is_not_named() -> None:
    text = ("Ultrasound at ten. Now it's the waiting, a week maybe. On the drive home I planned who "
            "would take the dog. Told my sister the scan was fine. It was fine, in the sense that it happened.")
    assert "relief" not in read(text).feelings
    assert "relief" in read("The consultant rang at four. The scan was fine. I sat in the car and shook.").feelings

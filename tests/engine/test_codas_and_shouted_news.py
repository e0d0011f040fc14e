"""Where an entry stops, and news shouted at its start.

A few words an entry ends on by themselves ("… Elite athlete.", "… Still counts.") are where
the writer chose to stop, often on the joke: they are asked why they are the last word, not
what they "carry", which was read blind as weighing a light line down. Not where the entry
holds grief, fear or loneliness, names a heavy feeling, ends on a question, or is a long story.

News shouted in the opening line ("… today!!!") is the writer's joy, and an "again" later
in the entry ("she wouldn't say it again") does not make it irony. These entries were written
for the tests."""

from __future__ import annotations

import re

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import read

CODA_QUESTION = re.compile(r"What made \u201c(?P<f>[^\u201d]+)\u201d the (last word|note to end on)\?$")


@pytest.mark.parametrize(("text", "coda"), [
    ("Locked myself out of the flat in my slippers, with the bins. Neighbour had to lend me a "
     "ladder. Criminal mastermind.", "Criminal mastermind"),
    ("Timed the bus stop wait: 26 minutes. Timed it again the next day: 31. Science.", "Science"),
    ("Tried the new spin class. Instructor shouted \"you've got this\" at me four times. I did not "
     "have this. Legs gone.", "Legs gone"),
    ("Cleared the whole allotment bed by hand. Three blisters. One worm rehomed. Good day.", "Good day"),
])
def test_the_few_words_a_light_entry_ends_on_are_asked_why_they_are_the_last_word(text: str, coda: str) -> None:
    reply = compose(text)
    found = CODA_QUESTION.search(reply)
    assert found is not None, reply
    assert found["f"] == coda
    assert "carry" not in reply


@pytest.mark.parametrize("text", [
    # grief, fear or loneliness in the entry: the ending closes something heavy
    "Sat with Dad at the hospice all afternoon. Hands cold. He knew me.",
    "Waiting for the biopsy results and I'm scared. Cleaned the oven. Then again.",
    "Sunday. Nobody called. So lonely I talked to the cat. Cat left.",
    # a heavy feeling named
    "I'm so sad about the allotment being sold. Packed the tools. Last visit.",
    # a question the writer asks
    "Pay rise refused again. I said thank you. Why did I say thank you?",
])
def test_an_ending_over_sorrow_a_heavy_feeling_or_a_question_is_not_asked_as_a_coda(text: str) -> None:
    reply = compose(text)
    assert CODA_QUESTION.search(reply) is None, reply


def test_a_long_story_s_last_line_is_not_asked_as_a_coda() -> None:
    text = " ".join([
        "The allotment committee met in the church hall tonight about the new water charges.",
        "Brian read out the figures twice, once from the paper and once from memory, and they were different.",
        "Mrs Okoye asked whether the trough by plot nine counts as one tap or two, and nobody knew.",
        "We voted on the hosepipe rule, then on whether to vote again, then on the biscuits.",
        "I volunteered to write the minutes because nobody else would and I had a pen.",
        "Three pages, both sides, and most of it is people agreeing with themselves.",
        "Walked home past the plots in the dark, and the runner beans on mine have finally climbed the canes.",
        "Stood there with the torch on them for a good while, longer than the meeting felt.",
        "Home by ten.",
    ])
    assert len(analyze(text).tokens) > 120
    assert CODA_QUESTION.search(compose(text)) is None


def test_the_coda_question_is_english_only_where_the_frames_hold_it() -> None:
    reply = compose("Zgubiłem klucze trzeci raz w tym tygodniu. Sąsiad już się nie dziwi. Mistrz.")
    assert "What made" not in reply


@pytest.mark.parametrize("text", [
    "Rosa walked to the end of the garden by herself today!!! Six steps, then sat down hard on her "
    "nappy and clapped for herself. Tom was at work and missed it and she wouldn't do it again for "
    "him at teatime, just laughed at him. We're ridiculous about this child.",
    "Got the allotment plot!!! After two years on the waiting list. Had to ring the council again "
    "to check it wasn't a mistake. Plot 14, by the shed.",
])
def test_news_shouted_in_the_first_line_is_joy_even_with_an_again_later(text: str) -> None:
    a = analyze(text)
    r = read(text, a.tokens, a.language)
    assert r.feelings == ("joy",)
    assert "joy" in compose(text).lower()


@pytest.mark.parametrize("text", [
    "I snapped at Priyanka at the front desk because the printer jammed again. She just said "
    "\"no problem\" and fixed it. She's been here two weeks.",
    "Shouted at the kids over their shoes this morning. Properly shouted. Mila went very quiet in "
    "the car and looked out of the window the whole way.",
    "I was short with Mum on the phone. She only wanted to know if I'd eaten. I said I was busy "
    "and hung up, and I wasn't busy.",
    "Bit his head off over the bins. He'd had a worse day than me, it turns out. I'm tired, "
    "but that's not his fault.",
])
def test_lashing_out_at_someone_told_by_the_writer_is_guilt(text: str) -> None:
    a = analyze(text)
    assert read(text, a.tokens, a.language).feelings[0] == "guilt"
    assert "guilt" in compose(text).lower()


@pytest.mark.parametrize("text", [
    # someone else lashed out, at the writer
    "My manager snapped at me in the stand-up because the figures were late. I said nothing.",
    # wondered, not told
    "Awake at 3 again, going over whether I was rude to Fiona in the meeting. Probably not.",
    # denied
    "I didn't shout at him, even when he dropped the whole tray. Counted to ten instead.",
    # at a thing, not at anyone
    "Shouted at the printer for a solid minute. It did not care. Paper tray was empty.",
])
def test_lashing_out_said_of_others_wondered_denied_or_at_a_thing_is_not_guilt(text: str) -> None:
    a = analyze(text)
    assert "guilt" not in read(text, a.tokens, a.language).feelings

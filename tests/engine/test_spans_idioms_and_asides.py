"""Feelings the words seem to name and the writer does not have tonight: "sick to death of the
night runs" is no one's death (in six languages, "to death" only says how much); a feeling
held "for fifteen years" and over is the story of how the writer got here. A day without a
voice is loneliness ("That was my whole conversation for the day"). An answer to someone
absent is asked after where it is the point, not from a long entry's first paragraph, and
its thanks are never the writer's gratitude. These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Last day. 11 years in accounts at the Dunmore depot and it ends with a sheet cake that "
           "says ALL THE BEST KAREN in red gel and a voucher with $40 on it. The package is decent, "
           "I'm not going to pretend it isn't, 6 months pay plus dental through May, and honestly I "
           "was sick to death of the 5am drive. So why did I sit in the van for 20 minutes after. "
           "Kept looking at my lanyard."),
    ("it", "Ultimo giorno in fabbrica dopo quattordici anni. Una torta e un biglietto. La buonuscita "
           "è buona, e ero stufa a morte del turno delle sei. Sono rimasta in macchina nel parcheggio "
           "per venti minuti."),
])
def test_to_death_says_how_much_and_names_no_grief(language: str, text: str) -> None:
    assert "grief" not in read(text, language=language).feelings


def test_bored_to_death_is_still_boredom() -> None:
    assert read("I am bored to death of this job. Same spreadsheet, same meeting, every day.").feelings == ("boredom",)


def test_a_feeling_held_for_years_and_over_is_not_tonights() -> None:
    over = ("Dad never said well done for my results. I was angry with him for maybe fifteen years "
            "about that, and then he got sick and there was no point anymore. He's gone six years "
            "in March. Standup at nine.")
    assert "anger" not in read(over).feelings
    still = ("I've been angry with my sister for years about the house. She rang today and I didn't "
             "pick up. Let it ring out.")
    assert "anger" in read(still).feelings


def test_a_day_without_a_voice_is_loneliness() -> None:
    text = ("Lisbon, day 30. Work was all Slack again. I didn't speak to anyone out loud except the "
            "woman at the bakery, who asked if I wanted a bag. Não, obrigada. That was my whole "
            "conversation for the day. Ate dinner standing at the window.")
    assert "loneliness" in read(text).feelings
    assert "loneliness" in compose(text)


def test_an_answer_to_someone_absent_is_asked_after_only_where_it_is_the_point() -> None:
    long_entry = ("Year-end close, day 11. Grab driver asked if I work at the hospital. No uncle, I work "
                  "in a glass box reconciling balances for companies that should not exist.\n\n"
                  "The Vietnam numbers came at 6pm, final, and were not final. Partner came by to talk "
                  "about work-life balance and moved the deck to Thursday.\n\n"
                  "Mum asked about Sunday lunch and I said see how, which we both know means no. Third "
                  "Sunday.\n\n1am. Sleep five hours. Do it again. Living the dream.")
    assert "uncle" not in compose(long_entry).split("\u201d")[-1]
    about_her = ("Sunday lunch at Aunt Rita's in Leeds. Three hours on a folding chair with one slice "
                 "of trifle, as is the law. The talk went, in order: the M62, the price of butter, Uncle "
                 "Ged's knee, and why I still haven't got a boyfriend.\n\n"
                 "\"You're thirty now, Jo,\" said Aunt Rita, to the whole room. Yes Aunt Rita, I had "
                 "noticed, thank you.\n\n"
                 "Cousin Dean got engaged in March so that was the rest of the afternoon.\n\n"
                 "Swore out loud on the bike home, into the wind the whole way. Felt wonderful.")
    reply = compose(about_her)
    assert "Rita" in reply.split("\u201d")[-1]
    assert "ratitude" not in reply  # "Yes Aunt Rita, I had noticed, thank you." is no thanks
    short = ("Super, der Zug hat mal wieder 70 Minuten Verspätung. Ich liebe es, meinen Feierabend auf "
             "Gleis 7 in Hannover zu verbringen. Danke, Bahn, wirklich.")
    assert "Bahn" in compose(short).split("\u201c")[-1]


def test_an_act_repeated_without_knowing_why_is_not_guilt() -> None:
    """"I don't know why I keep doing it", of pulling a dead father's tape measure out to the
    length he pencilled on it, is no wrong done: with a trivial "should have done it in
    October" beside it, it was named guilt (read blind, graded 1)."""
    text = ("The washing machine hose was leaking, a 40p washer, should have done it in March. Went "
            "into Grandad's old toolbox for a spanner. His spirit level is in there with his pencil "
            "marks on the side, a number, 870, for some job nobody remembers.\n\n"
            "Fixed the hose. Then I sat on the kitchen floor and laid the level on the lino, and on the "
            "table, and on the windowsill. Everything in this house is a bit off. I don't know why I "
            "keep doing it.")
    assert "guilt" not in read(text).feelings

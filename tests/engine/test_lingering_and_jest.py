"""Where a feeling stays and where it has gone: an act the writer keeps repeating ("I keep
picking up his pencil", "no dejo de oler su chaqueta") is the line to reflect; a death only
asked about ("came round to see who died") is no one's loss; an anger the entry has since
seen past ("Now I think I understand her") is not today's; and a line said in jest ("Who even
am I.", a joke ending on a question) is answered lightly. These entries were written for the
tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read

#: The heavy, quote-weighing questions a joke must not get.
_HEAVY_ASKS = ("hard to put down", "hardest to hear", "brought this question up",
               "what does it hold for you", "take you, reading it again", "stays with you")


@pytest.mark.parametrize(("text", "line"), [
    ("Packed up Dad's workshop with my brother on Saturday. The lathe went to a man from Stroud "
     "who promised to use it. Since then I keep picking up his pencil from the windowsill and "
     "putting it back. We had fish and chips in the car after and talked about the football. "
     "The van is booked for the rest on Thursday.",
     "I keep picking up his pencil from the windowsill"),
    ("El sábado vaciamos el piso de la abuela con mis primos. Los muebles se los llevó una ONG "
     "del barrio. Desde entonces no dejo de oler su chaqueta, la que me quedé. Comimos unas "
     "bravas en el bar de la esquina y hablamos del fútbol. El camión viene el jueves por lo demás.",
     "no dejo de oler su chaqueta"),
    ("Samedi on a vidé l'appartement de grand-père avec mon frère. Les meubles sont partis chez "
     "Emmaüs. Depuis, je n'arrête pas de relire ses cartes postales, celles qu'il m'envoyait de "
     "Brest. On a mangé une pizza dans la voiture et parlé du match. Le camion vient jeudi pour "
     "le reste.",
     "je n'arrête pas de relire ses cartes postales"),
])
def test_an_act_the_writer_keeps_repeating_is_the_line_reflected(text: str, line: str) -> None:
    assert line in compose(text)


@pytest.mark.parametrize("text", [
    # keeping a thing, not doing something again and again
    "I keep the good scissors in a drawer nobody else knows about. Paid the gas bill. Made a "
    "lasagne, which was fine. Watched the snooker and went to bed at ten.",
    # what was said again is the story's refrain
    "Grace had been on at me for weeks and I kept saying next week, next week. Today she turned "
    "up at seven with two towels and a flask. The sea was outrageous and lovely. I lay on my "
    "back and nothing hurt.",
])
def test_keeping_a_thing_or_saying_something_again_is_not_that_line(text: str) -> None:
    assert "kept saying" not in compose(text) and "keep the good scissors" not in compose(text)


def test_a_death_only_asked_about_is_no_ones_loss() -> None:
    text = ("The email came at lunch. Approved, after eight months. I rang my mum and she shrieked "
            "so loud her neighbour came round to see who died. Then she prayed down the phone for "
            "ten minutes. My shoulders have been up by my ears since spring. They came down today.")
    assert "grief" not in read(text).feelings
    assert "grief" not in compose(text).lower()


def test_someone_who_died_is_still_grieved() -> None:
    text = ("My grandad, who died in March, loved this song. They played it at the garden centre "
            "today and I had to stand by the compost for a minute.")
    assert "grief" in read(text).feelings


def test_an_anger_the_entry_has_since_seen_past_is_not_named() -> None:
    text = ("Mum never told us anything about money and when the house went we all found out at "
            "once, and I was so angry at her for that. Now I think I understand her a little. "
            "Made soup tonight and rang my sister.")
    assert "anger" not in read(text).feelings
    assert "anger" not in compose(text).lower()


def test_an_anger_still_growing_is_named() -> None:
    text = ("Dad sold the boat without asking any of us and I was so angry at him. Now I'm even "
            "angrier, honestly. Went for a run to shake it off.")
    assert "anger" in read(text).feelings


@pytest.mark.parametrize("text", [
    "Filed my tax return. Eleven days early. Who even am I.",
    "Tried the dance my niece sent. Knocked over the fruit bowl on move three. The dog left the "
    "room. She sent back a single skull emoji. I think that means it's good?",
    "Fixed the kitchen tap myself. One washer, one video, no flood. Am now unbearable.",
])
def test_a_line_said_in_jest_gets_a_light_question(text: str) -> None:
    reply = compose(text)
    assert not any(ask in reply for ask in _HEAVY_ASKS), reply
    assert "funny" in reply or "joke" in reply, reply


def test_the_line_an_irony_tag_caps_is_the_punchline_quoted() -> None:
    reply = compose("Second parking fine this week. Same meter. I've started calling it Dennis. #blessed")
    assert "calling it Dennis" in reply, reply


def test_an_aside_after_an_irony_tag_that_takes_the_praise_back_is_irony() -> None:
    text = "Washing machine fixed itself today!! #blessed #miracle (it washed one sock and nothing else)"
    assert read(text).sarcasm
    assert "gratitude" not in compose(text).lower()


def test_an_aside_that_only_adds_news_keeps_the_tag_sincere() -> None:
    assert not read("Our Lily had the baby!!! #blessed (7lb 2oz, both doing well)").sarcasm


def test_a_line_only_insisting_leans_on_the_line_before_it() -> None:
    reply = compose("- ring the dentist\n- pay Ellie back £20\n- do NOT answer his text\n- seriously\n"
                    "- buy bin bags")
    assert "do NOT answer his text" in reply, reply


def test_a_fragment_after_a_line_about_someone_else_is_their_feeling() -> None:
    text = ("She cried after every call with my brother. Not sad crying. Happy. I did the bins and "
            "the prescriptions and the chiropodist, and I'd have given anything for that.")
    assert "joy" not in read(text).feelings
    assert "joy" not in compose(text).lower()


def test_a_fragment_after_the_writers_own_day_is_theirs() -> None:
    assert "tiredness" in read("Worked twelve hours on the ward. Exhausted.").feelings


def test_cant_tell_you_how_much_is_no_confusion() -> None:
    assert "confusion" not in read("The baker remembers my order now. I can't tell you how much that "
                                   "pleases me.").feelings
    # Doubt about something particular only hints at confusion (read blind, naming it there was
    # wrong five times in five); the writer's own word names it.
    assert "confusion" not in read("I can't tell if he is angry or just tired.").feelings
    assert "confusion" in read("I'm so confused about where this is going with him.").feelings


def test_a_hundredth_birthday_that_was_not_is_grief_in_italian() -> None:
    assert "grief" in read("Il nonno avrebbe fatto cent'anni oggi.", None, "it").feelings


def test_an_irony_tag_over_an_everyday_mishap_is_irony_whatever_the_tag_itself_scores() -> None:
    text = ("Pager went off during my sister's wedding toast. Prod down, obviously. Took it in the "
            "car park in my suit. Fixed in an hour, a cert that expired. Back in for the best cake. "
            "#blessed #devopslife")
    assert read(text).sarcasm


def test_an_irony_tag_over_good_news_stays_sincere() -> None:
    assert not read("We paid the deposit on our first house today. #blessed").sarcasm


def test_an_anger_that_grows_after_now_is_still_named() -> None:
    # ("so" and "get" are not words of seeing: "Now I'm so much angrier" revises nothing)
    assert "anger" in read("I was so angry at Dad that summer. Now I am so much angrier.").feelings


def test_what_came_after_told_plainly_is_not_where_the_entry_lands() -> None:
    text = ("Rode the whole loop round the park without stopping today. Sixty-eight years old. "
            "My grandson taught me on his old bike in the spring. At the hill I thought that's it, "
            "Pat, and then just kept pedalling. He cheered from the bench. Had an ice cream after. A big one.")
    reply = compose(text)
    assert "ice cream" not in reply and "A big one" not in reply, reply

"""Where the person says how they are, the mirror listens there: the prose under a to-do
list, a few words of their own state ("Felt ridiculous.", "Mi sento uno straccio."), and a
last line that only makes a plan is not where an entry lands, while a plan denied ("Don't
need to now") is."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose


def test_the_prose_under_a_list_is_quoted_not_an_errand() -> None:
    text = ("thursday\n"
            "- email Priya re: invoice (3rd time, be nice)\n"
            "- return the lamp to IKEA?? or just live with the ugly lamp\n"
            "- call Dad back\n"
            "- laundry\n\n"
            "running on fumes. not sad exactly. just thin.\n")
    reply = compose(text)
    assert "just thin" in reply
    assert "lamp" not in reply


def test_a_plan_that_turns_is_still_an_afterthought() -> None:
    text = ("Hoy por fin aprobé el carnet. A la tercera. Llamé a mamá desde la parada y se puso "
            "a llorar ella, no yo. Yo estoy como tranquila, rara. Mañana le pido el coche a Javi "
            "para ir a la playa, aunque seguro que no me lo deja.")
    assert "Mañana" not in compose(text)


@pytest.mark.parametrize("text, state", [
    ("Poszłam z mamą na cmentarz, pierwszy raz od pogrzebu. Pani z kwiaciarni pamiętała tatę "
     "i dała nam znicz za darmo. Czuję się pusta. Wieczorem oglądałyśmy stare zdjęcia.",
     "Czuję się pusta"),
    ("Vandaag de sleutels van het huis van oma ingeleverd. De makelaar was aardig, hij had "
     "zelfs koffie gezet in de lege keuken. Ik voel me leeg. Daarna patat gehaald met Sanne.",
     "Ik voel me leeg"),
    ("Oggi il ragù della trattoria sapeva esattamente di quello della nonna. Ho smesso di "
     "parlare a metà frase. Mi sento strana. Marco pensava che mi fossi offesa.",
     "Mi sento strana"),
])
def test_the_question_asks_after_the_writers_state_not_the_story_beside_it(text: str, state: str) -> None:
    reply = compose(text)
    question = reply[reply.rindex(".") + 1:] if reply.count("?") else reply
    assert state in question, reply


def test_a_plan_denied_is_where_the_entry_lands() -> None:
    text = ("Results came back clear. I had been so scared for three weeks that I stopped "
            "opening the post. Mum still thinks it was a routine check. Don't need to tell her now.")
    assert "Don't need to tell her now" in compose(text)


@pytest.mark.parametrize("text, tail", [
    ("Ao jantar pus quatro pratos na mesa sem pensar.", "sem pensar"),
    ("Made toast even though I don't usually eat breakfast.", "even though I don't usually eat breakfast"),
    ("Hoy guardé un trozo de tarta en la nevera sin saber muy bien para quién.",
     "sin saber muy bien para quién"),
    ("Ho lasciato la scatola sul tavolo invece di rimetterla giù.", "invece di rimetterla giù"),
])
def test_a_short_line_is_asked_after_the_tail_that_qualifies_it(text: str, tail: str) -> None:
    # A line with no comma and no "and" still says where its weight is: in what it did
    # without, instead of, even though. The question asks after that, in the person's words.
    reply = compose(text)
    assert reply.count(tail) == 2, reply


def test_a_postscript_in_spanish_is_an_aside_not_the_heart() -> None:
    text = ("bueno pues ya está, me han dado la beca para lisboa. seis meses. se lo he dicho a mamá "
            "y ha llorado, yo también. estoy contentísima y a la vez con un nudo en la tripa.\n"
            "pd: el gato ni se ha inmutado, como siempre")
    reply = compose(text)
    assert "nudo en la tripa" in reply and "gato" not in reply, reply


def test_a_question_about_people_named_together_is_grammatical() -> None:
    # "What does Tom's parents mean to you" reads as a machine's; the question about a
    # phrase holds for one person or several.
    reply = compose("My boss said “you have to finish it tonight” and walked off.")
    assert "does your boss mean" not in reply
    for version in range(6):
        assert " does Tom's parents " not in compose(
            "I planned a spontaneous trip to the coast with Tom's parents.", version=f"v{version}")


def test_a_word_said_again_at_once_is_where_the_writer_stays() -> None:
    text = ("Upiekłam dziś pierniki z przepisu babci, z jej zeszytu. Pismo ma jak lekarz, a przy "
            "cieście jest dopisek ołówkiem „NIE ŻAŁOWAĆ MASŁA!!”, z dwoma wykrzyknikami. Zosia "
            "zjadła jedenaście i powiedziała, że prawie jak u babci. Prawie.")
    reply = compose(text)
    assert "prawie jak u babci. Prawie" in reply, reply


def test_a_last_line_said_with_the_one_before_it_still_lands() -> None:
    text = ("Signed the papers at the solicitor's, 10:30. Three copies, initial every page. Ben used "
            "his own pen. We said “take care” on the pavement and went opposite ways.\n"
            "Bought milk on the way home. We had milk.")
    assert "We had milk" in compose(text)


def test_a_short_line_straight_under_a_list_is_its_closing_word() -> None:
    text = ("Za co dziś dziękuję:\n1. Że autobus przyjechał punktualnie.\n"
            "2. Pani w piekarni odłożyła mi ostatni chleb żytni.\n3. Kaśka zadzwoniła bez powodu.\n"
            "4. Ciepła woda wróciła o 18.\nMało? Wystarczy.")
    assert "Wystarczy" in compose(text)


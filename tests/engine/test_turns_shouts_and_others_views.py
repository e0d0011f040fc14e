"""Replies that read a line's turn, news shouted late, and whose view a "should" is, found on
entries written blind (fresh80, fresh81):

- "I thought I would cry, but actually I laughed" is never quoted without its turn (cut
  before "but", the reply said the opposite of what happened);
- news said and then shouted anywhere in an entry ("UPDATE: they rang. I got it. I GOT
  IT.") is its loudest line and its joy, over the joke that follows it ("Martin, I'm so
  sorry", answered as remorse, was graded 1); a thing exclaimed over ("A utility room. A
  UTILITY ROOM.") is not news;
- "Jess says I should withhold rent, but I don't want to get in trouble" is not the
  writer's own duty pulling against desire: the "should" is Jess's;
- gladness said and said again on its own, harder ("Tô exausta e feliz. Muito feliz."), is
  named, beside the tiredness;
- a letter's greeting ("Liebe WG-Küche,") is no feeling, and gladness said again is no dry
  "Great." over trouble;
- a French number keeps its sign after the space ("à 60 %");
- a clause of what came of it ("Nobody saw, so it doesn't count") is asked after; a list after a
  colon ("so I remember: day seven. Giraffe book. Her hand on my arm.") is quoted to its last
  item, and a quote never opens on an "and" that turns nothing;
- a worry said three paragraphs before a turn ("was already dreading the driveway") is not
  what the turn turns from, unless the entry opens on it ("I'm so angry I can't sleep")."""

from __future__ import annotations

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose


def test_a_line_is_quoted_with_the_turn_against_its_first_clause() -> None:
    reply = compose(
        "Last day at the school after thirty years. Cleared the cupboards, read old notes, handed back "
        "the keys.\n\nI locked the classroom door at five and stood in the corridor, which smelled of "
        "floor polish and oranges the way it always has, and I thought I would cry, but actually I "
        "laughed, because someone had stuck a sign on the door that said GONE FISHING.\n\n"
        "Graham picked me up with a flask of tea.\n")
    assert "I thought I would cry, but actually I laughed" in reply
    assert "“I thought I would cry”" not in reply


def test_news_said_then_shouted_late_in_the_entry_is_its_loudest_line() -> None:
    reply = compose(
        "Interview notes, in no order:\n"
        "- Called the interviewer Mark for ten minutes. His name is Martin.\n"
        "- Knocked my water over, onto my own lap.\n"
        "- Did all right on the technical part, I think.\n\n"
        "UPDATE 6pm: they rang. I got it. I GOT IT. Starting Monday.\n\n"
        "Martin, I'm so sorry. I will never call you Mark again.\n")
    assert "I GOT IT" in reply and "joy" in reply.lower()
    assert "that you're so sorry" not in reply


def test_a_thing_exclaimed_over_is_not_news() -> None:
    reply = compose("Went to Sarah's housewarming. Four bedrooms. A utility room. A UTILITY ROOM. "
                    "I said \"it's lovely\" nine times and meant it about four.\n")
    assert "joy" not in reply.lower()


def test_someone_elses_should_is_not_the_writers_duty() -> None:
    text = ("the landlord still hasnt fixed the shower, three weeks now, and i am washing my hair with a "
            "saucepan.\n\nJess says i should withhold rent but i dont want to get in trouble, i looked "
            "it up and its complicated. Writing a proper letter tomorrow.\n")
    assert not any({t.axis_a, t.axis_b} == {"duty", "desire"} for t in analyze(text).tensions)
    mine = "I should call my mother but I don't want to hear her disappointment again."
    assert any({t.axis_a, t.axis_b} & {"duty", "desire", "approach", "avoidance"} for t in analyze(mine).tensions)


def test_gladness_said_again_harder_is_named() -> None:
    reply = compose("Primeiro dia de estágio! A supervisora me deu uma mesa só minha, do lado da janela. "
                    "Tirei foto e mandei pra família inteira. Meu pai mandou só \"orgulho\" e um joinha.\n\n"
                    "Tô exausta e feliz. Muito feliz.\n")
    assert "alegria" in reply.lower()


def test_a_letters_greeting_is_no_feeling() -> None:
    reply = compose("Liebe WG-Küche,\nheute habe ich zum dritten Mal einen Topf mit Nudelresten im Spülbecken "
                    "gefunden. Wir haben einen Putzplan. Er ist laminiert. Niemand liest ihn.\n\n"
                    "Das Ärgerliche ist ja, dass ich die Leute eigentlich mag.\n")
    assert "Zärtlichkeit" not in reply


def test_a_french_number_keeps_its_sign() -> None:
    reply = compose("Mon frère a mangé tous les restes de lasagnes. Il a quatorze ans et l'intelligence d'un "
                    "radiateur.\n\nIl m'a fait un chocolat chaud ce soir pour se faire pardonner. Avec de la "
                    "chantilly. Je lui pardonne à 60 %.\n")
    assert "60 %" in reply and "60 »" not in reply


def test_what_came_of_it_is_asked_after() -> None:
    reply = compose("Tuesday. Rained. Ate cereal for dinner standing over the sink.\nNobody saw, so it doesn't "
                    "count.\n")
    assert "“so it doesn't count”" in reply


SNOW = ("Woke up to a foot of snow and was already dreading the driveway, my back's still not right.\n\n"
        "At eight I looked out and it was done, cleared to the pavement and salted. The lad next door was "
        "walking home with the shovel.\n\nI tried to give him a tenner and he wouldn't take it. Said his mum "
        "told him I'd helped her with the tomatoes last summer.\n\nBaked a tray of flapjacks and left them "
        "on their step. Feels like not nearly enough. But I think that's kind of the point.\n")


def test_a_worry_three_paragraphs_back_is_not_what_the_turn_turns_from() -> None:
    assert "fear" not in compose(SNOW).lower()


def test_the_state_an_entry_opens_on_is_what_its_turn_turns_from_however_far() -> None:
    reply = compose("I'm so angry I can't sleep so here we go.\n\nIn March I lent Dan four hundred quid. He said "
                    "he'd pay it back by summer. Nothing.\n\nTonight he's on Instagram in Ibiza with a "
                    "cocktail.\n\nI'm going to wait until tomorrow. But I'm saying it here: that was a rotten "
                    "thing to do, Dan.\n")
    assert "anger" in reply.lower() and "first" in reply.lower()


def test_a_list_after_a_colon_is_quoted_to_its_last_item() -> None:
    # (fresh81: cut after its second item, the quote lost the one the list was for)
    reply = compose("Seven days since Ruby came home with us. Everyone said it might take time, and it has.\n\n"
                    "Tonight at bedtime she put her hand on my arm and kept it there until the end of the "
                    "book.\n\nIt's early. I know it's early. There will be hard days. But I'm writing it down "
                    "so I remember: day seven. Giraffe book. Her hand on my arm.\n")
    assert "Her hand on my arm" in reply


def test_a_quote_does_not_open_on_an_and_that_turns_nothing() -> None:
    reply = compose("We've been trying for a week, soft voices, the same routine every day, not taking it "
                    "personally when she went to Sam for everything.\n\nTonight I was reading the giraffe "
                    "book for the fourth time and I did the silly voice for the giraffe's mum like I always "
                    "do, and she giggled, and then she put her hand on my arm and kept it there until the "
                    "end of the book, and I didn't dare move.\n")
    assert "“and " not in reply

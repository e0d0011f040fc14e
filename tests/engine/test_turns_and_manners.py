"""What the writer said before the line turns, fear used as manners, a deed held in
quotation marks, a diary's last doing, where the writer says the heart is, a clause that
opens on "and", death as a figure, gladness taken back in part, and news of a birth told
first, and a child's words quoted in German marks.

A feeling the writer says plainly of themselves ("I am terrified", "Müde.") before the quoted
line turns from it ("But I'd rather be terrified in my own shop …", "Aber der Kuchen war
gut.") is named as what came first, and the turn is quoted after it: named alone, the first
half reads as not having read to the end, and left unnamed, as not having heard it. Not a
feeling only guessed at, denied, or said long before another the writer turns from.

"I'm afraid I ate all the biscuits" and "I fear I was not always patient with him" own up to
something done; nothing lies ahead to be feared, and "fear" named there misreads the
manners of the sentence. What lies ahead is still fear ("I'm afraid I'll fail").

'Landlord "fixed" the boiler by switching it off and on again. Cold shower number four.'
doubts the deed by its quotation marks, and says what is still wrong: it is told dryly, and
answered so, not asked what its picture holds. Not where the entry is glad ('saved £312 and
"regained" some hours of life') or the word is someone's reported ('she said "sorted"').
A diary's last few words that go on doing ("Walked the usual loop after, on my own, out of
habit. Stopped at every gate.") finish the line before them: quoted without them, the walk is
a habit, not a dog missed. Not after a line the writer says of themselves ("I was absolutely
delighted anyway. Floated to the shops."), where the feeling is the line's weight.

"The part I keep replaying is this morning." says the heart is what comes next, not the joke
before it; "I'm not upset with her. … It's just that …" says what it is.

A long line is never quoted from a short clause that opens on "and" ("and every time I laugh
too"): it reads as a fragment cut from its line, and takes the clause before it with it.

"Een plant die al half dood is", "casi muerta", "half dead from the van ride" are no one's
death: grief named there misreads a happy move (read blind, graded 1). "I'm glad. Mostly
glad." takes part of the gladness back: it is not named as plain joy.

"Passei na maternidade depois do trampo" is stopping by, not passing, and "Terminei com o
Rafael" is a break-up: neither is pride. "Nasceu a Helena!", "¡Nació Lucía!" open on the
birth and shout it: joy, as "was born today" is.

A quote that opens on a German or Polish „ keeps it: „Der heißt Bernd, …“ after it closes
with the high “, which used to be taken for an opening mark and left the quote garbled.

These entries were written for the tests."""

from __future__ import annotations

import re

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import Reading, read


def reading(text: str) -> Reading:
    a = analyze(text)
    return read(text, a.tokens, a.language)


@pytest.mark.parametrize(("text", "feeling", "named", "turn"), [
    ("Dentist, then the MOT, then Mum's shopping. Knackered. Sat in the car for ten minutes before "
     "going in. But the car passed, so that's one thing off the list.", "tiredness", "tiredness",
     "But the car passed"),
    ("Colm brought the van back with no diesel in it. Again. I am furious. He does this every single "
     "time and laughs it off. But I'm not ringing him tonight.", "anger", "anger",
     "But I'm not ringing him tonight"),
    # the loneliness said last before the turn is what it turns from, not "happy to let her"
    ("I was happy to let her do the cooking for years. Now the kitchen is mine. Some nights I'm "
     "lonely in a way I didn't expect. The house is so quiet after nine. But tonight the kids "
     "fought over the last roast potato.", "loneliness", "loneliness", "But tonight the kids fought"),
    ("Müde. Drei Nachtschichten hintereinander, und der Hund hat mich um fünf geweckt. Aber der "
     "Kuchen für Omas Geburtstag ist gelungen.", "tiredness", "müdigkeit", "Aber der Kuchen"),
])
def test_a_feeling_said_before_the_turn_is_named_with_the_turn(text: str, feeling: str, named: str,
                                                               turn: str) -> None:
    r = reading(text)
    assert r.feelings == (feeling,) and r.turned_from
    reply = compose(text)
    # the feeling's name first, then the line that turns from it, quoted
    before, _, quoted = reply.partition(turn)
    assert named in before.lower() and quoted, reply


@pytest.mark.parametrize("text", [
    # denied: no feeling had
    "Not angry. Just tired of asking. But I'm done lending him things.",
    # a line that only opens on a feeling word goes on to something else
    "Thank you for your email telling me the damp is a lifestyle issue. I have opened every "
    "window. But it felt good to write this.",
    # the line just before the turn is quoted with it: a short entry is not given a frame
    "Müde. Aber der Kuchen war gut.",
    # gladness before a turn is a brave face
    "Told everyone at dinner I'm fine with them selling the cottage. I'm glad for them, honestly. "
    "They deserve the sea. But I drove the long way round so I wouldn't pass it.",
])
def test_no_feeling_is_named_before_a_turn_the_writer_did_not_plainly_say(text: str) -> None:
    r = reading(text)
    assert not r.turned_from
    assert "first" not in compose(text).split("“")[0], compose(text)


@pytest.mark.parametrize("text", [
    "I'm afraid I ate all the biscuits again. Sorry, future me.",
    "I fear I was not always patient with him. He remembers the parsing anyway.",
    "Asked the garage if the part had come in. I'm afraid not, he said, so another week on the bus.",
    "I'm afraid we've already spent the holiday money on the boiler.",
])
def test_fear_used_as_manners_is_not_named(text: str) -> None:
    assert "fear" not in reading(text).feelings
    said = re.sub("\u201c[^\u201d]*\u201d", "", compose(text))  # (the writer's own words aside)
    assert "fear" not in said.lower(), compose(text)


@pytest.mark.parametrize("text", [
    "I'm afraid I'll never be good enough for this job.",
    "I'm afraid of losing him. The scan is on Friday.",
    "I'm afraid he's dying. Nobody will say it out loud.",
])
def test_fear_of_what_lies_ahead_is_still_named(text: str) -> None:
    assert reading(text).feelings == ("fear",)


@pytest.mark.parametrize("text", [
    'Landlord "fixed" the boiler by switching it off and on again. Cold shower number four. '
    "I'm now heating water in the kettle like it's 1890.",
    'IT "upgraded" my laptop overnight. Now it crashes again every time I open a spreadsheet.',
])
def test_a_deed_doubted_in_quotation_marks_beside_what_is_still_wrong_is_dry(text: str) -> None:
    assert reading(text).sarcasm
    assert "?" in compose(text) and "picture" not in compose(text)


@pytest.mark.parametrize("text", [
    # glad: the quotation marks only hold the app's word at arm's length
    'Three months since I quit. The app says I\'ve saved £312 and "regained" some hours of life. '
    "I can smell things again: rain, toast, Ravi's shampoo. I think I might actually do this.",
    # someone's word, reported
    'Rang the garage about the van again. He said "sorted" and hung up. Cold shower number four.',
])
def test_a_quoted_word_that_is_not_doubted_is_not_dry(text: str) -> None:
    assert not reading(text).sarcasm


def quoted(reply: str) -> str:
    """The first stretch of the writer's words a reply quotes."""
    return reply.split("\u201c", 1)[1].split("\u201d", 1)[0]


def test_a_diarys_last_few_words_of_doing_finish_the_line_before() -> None:
    text = ("Put Pepper's bowl away tonight. The kids asked at tea if dogs go to heaven and I said "
            "probably the good ones. Walked the usual loop after, on my own, out of habit. Stopped "
            "at every gate.")
    assert quoted(compose(text)) == "Walked the usual loop after, on my own, out of habit. Stopped at every gate"


def test_a_line_the_writer_says_of_themselves_keeps_its_weight_without_the_last_doing() -> None:
    text = ("I could fly in my dream, but only about a metre off the ground, at walking pace. I was "
            "absolutely delighted anyway. Floated over to the shops.")
    assert "Floated" not in quoted(compose(text)) and "delighted" in quoted(compose(text))


def test_the_part_the_writer_keeps_replaying_is_what_follows() -> None:
    text = ("Dad called me by my uncle's name again at breakfast. Uncle Tom has been gone since 2001 "
            "and honestly he was the funnier brother, so I'll take it as a compliment.\n\n"
            "Got him dressed, which took half an hour and a long debate about socks.\n\n"
            "The part I keep replaying is this morning. I was buttering toast and he took the knife "
            "out of my hand and did it himself, right to the edges, the way he taught me when I was "
            "small. He didn't say anything. Then he asked who I was.")
    said = quoted(compose(text))
    assert "Uncle Tom" not in said and "keep replaying" not in said
    assert "knife" in said or "asked who I was" in said


def test_what_it_is_just_that_after_a_denial_is_the_centre() -> None:
    text = ("Coffee with Hannah today, first time since she moved in with Olu. It was nice. It was. "
            "She showed me the flat on her phone and the cat they've adopted, an enormous ginger thing "
            "with a face like a retired boxer, and we laughed about her mother's visit.\n\n"
            "I'm not upset with her. She's happy and busy and that's how it should be. It's just that "
            "for ten years we were the first people each other rang, and now I find out about her life "
            "from photos.\n\nMight ask her round for dinner next month, just the two of us.")
    assert quoted(compose(text)).startswith("It's just that for ten years")


def test_a_long_line_is_not_quoted_from_a_clause_opening_on_and() -> None:
    text = ("Phone call with Dad this morning, early for him, late for me. He tells me the same story "
            "about the storm in '87 every week now. He gets to the bit where the neighbour's goat ends "
            "up on the roof of the bakery in the middle of the storm and he laughs so hard he has to put "
            "the phone down for a minute, every single time, and every time I laugh too. Flights home at "
            "Christmas are twelve hundred each.")
    said = quoted(compose(text))
    assert not said.startswith("and "), said
    assert said.endswith("every time I laugh too")


@pytest.mark.parametrize("text", [
    "Joris zijn spullen staan sinds vanmiddag in onze gang. Tien dozen, een gitaar, een cactus die al "
    "half dood is, en een kast die niet door de deur paste en nu bij zijn zus in Zwolle staat. Pizza "
    "gegeten op de grond.",
    "Eindelijk samenwonen! Twaalf dozen, een fiets en een plant die al half dood is. Het voelt goed.",
    "Mudanza terminada. La planta del salón está casi muerta pero la cocina por fin es nuestra. Estoy contenta.",
    "Moved into the new place. The basil is half dead from the van ride but the kitchen gets the morning sun.",
])
def test_half_dead_is_a_figure_not_a_death(text: str) -> None:
    assert "grief" not in reading(text).feelings


def test_a_death_is_still_grief() -> None:
    assert reading("Oma is vannacht overleden. Ik was erbij.").feelings == ("grief",)


def test_gladness_taken_back_in_part_is_not_named() -> None:
    assert reading("Retired today. I'm proud. Mostly proud. Sleeping in tomorrow.").feelings == ()
    assert reading("Retired today. I'm proud. So proud. Sleeping in tomorrow.").feelings == ("pride",)


@pytest.mark.parametrize("text", [
    "Passei na maternidade depois do trampo. A Carol tava exausta e o Thiago chorava sem parar.",
    "Passei no mercado e comprei pão. Choveu o dia todo.",
    "Terminei com o Rafael hoje. Três anos. Ele foi embora sem bater a porta.",
])
def test_stopping_by_and_breaking_up_are_not_pride(text: str) -> None:
    assert "pride" not in reading(text).feelings


@pytest.mark.parametrize("text", [
    "Passei no concurso! Dois anos estudando de madrugada.",
    "Passei na carta de condução!!! À terceira.",
])
def test_passing_an_exam_is_still_pride(text: str) -> None:
    assert reading(text).feelings == ("pride",)


@pytest.mark.parametrize("text", [
    "Nasceu o Pedro! 3,4 kg. Sou avó pela primeira vez.",
    "¡Nació Lucía! 3,1 kilos. Soy tía.",
    "È nata Giulia! Tre chili e due. Sono zia.",
])
def test_a_birth_told_first_and_shouted_is_joy(text: str) -> None:
    assert reading(text).feelings == ("joy",)


def test_a_birth_long_ago_is_no_news() -> None:
    assert reading("Nasceu em 1950, a minha mãe, numa aldeia sem luz.").feelings == ()


@pytest.mark.parametrize(("text", "inner"), [
    ("Kita-Abholung 16:45. Paul hatte einen Regenwurm in der Jackentasche. „Der heißt Bernd, der "
     "wohnt jetzt bei uns.“ Bernd wohnt jetzt bei uns.", "\u2018Der heißt Bernd, der wohnt jetzt bei uns.\u2019"),
])
def test_a_quotation_in_low_and_high_marks_is_quoted_whole(text: str, inner: str) -> None:
    reply = compose(text)
    assert inner in reply, reply
    assert reply.count("\u2018") == reply.count("\u2019")

"""What the writer is left with: news shouted at the start, lashing out told by the one who
did it, and someone who "would kill me" for it.

News shouted in the opening line ("... today!!!") is the writer's joy, and an "again" later in
the entry ("she wouldn't say it again") does not make it irony. Lashing out at someone ("I
snapped at Abi", "I was short with Mum"), told by the one who did it, leaves guilt, not the
anger or tiredness before it; not when someone else lashed out, when it is only wondered
("whether I was rude to Fiona"), denied, or aimed at a printer. "Which Dad would kill me for"
is being in trouble, not the loudest line of a glad day. So is letting someone down ("Missed
my daughter's school concert", a parent's call sent to voicemail), a day without a voice in
it (loneliness, unless welcomed), and sitting with someone at a hospice (grief). Pain said
before the part of the body ("mi fa male una spalla") is the body's, and what the writer says
they do not have ("I don't have a dog") is never asked after. These entries were written for
the tests."""


from __future__ import annotations

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import Reading, read


def reading(text: str) -> tuple[str, Reading]:
    """The language the entry is read in, and the reading."""
    a = analyze(text)
    return a.language, read(text, a.tokens, a.language)


@pytest.mark.parametrize("text", [
    "Rosa walked to the end of the garden by herself today!!! Six steps, then sat down hard on her "
    "nappy and clapped for herself. Tom was at work and missed it and she wouldn't do it again for "
    "him at teatime, just laughed at him. We're ridiculous about this child.",
    "Got the allotment plot!!! After two years on the waiting list. Had to ring the council again "
    "to check it wasn't a mistake. Plot 14, by the shed.",
])
def test_news_shouted_in_the_first_line_is_joy_even_with_an_again_later(text: str) -> None:
    _, r = reading(text)
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
    assert reading(text)[1].feelings[0] == "guilt"
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
    assert "guilt" not in reading(text)[1].feelings


@pytest.mark.parametrize("text", [
    "Swam across the quarry lake this morning, which Dad would kill me for. Water like ink and so cold "
    "my teeth hurt. Lay on the warm rock after with the dragonflies and laughed out loud at nothing.",
    "Booked the tattoo. Mum's going to murder me. It's a tiny swallow, for Nan, and I can't stop "
    "looking at the drawing.",
])
def test_someone_who_would_kill_me_for_it_is_trouble_not_the_loudest_line(text: str) -> None:
    a = analyze(text)
    r = read(text, a.tokens, a.language)
    assert r.centre is not None
    centre = text[a.tokens[r.centre.first].start : a.tokens[r.centre.last - 1].end]
    assert "kill" not in centre and "murder" not in centre, centre
    assert "kill me" not in compose(text).split("\u201d")[-1]  # nor asked after


@pytest.mark.parametrize("text", [
    "Missed my daughter's school concert. The meeting ran over and by the time I got there they were "
    "stacking the chairs. She showed me the recorder anyway.",
    "Forgot Dad's birthday. Completely. Rang him at nine at night and he said \"oh, is it?\" like it "
    "didn't matter, and I'm buying him the good whisky on Saturday.",
    "Forgot to pick up Leo from football. Coach rang at six. He was sitting on his bag by the gate "
    "with the coach's umbrella over him.",
])
def test_letting_someone_down_told_by_the_writer_is_guilt(text: str) -> None:
    assert reading(text)[1].feelings[0] == "guilt"
    assert "guilt" in compose(text).lower()


@pytest.mark.parametrize("text", [
    "Missed the 7:40 bus again. Stood in the rain for twenty minutes with a soggy croissant.",
    "She forgot my birthday. Third year running. I said it was fine.",
    "Forgot my keys, my lunch and my badge. Security let me in with a visitor sticker.",
])
def test_missing_a_bus_forgetting_keys_or_being_forgotten_is_not_guilt(text: str) -> None:
    assert "guilt" not in reading(text)[1].feelings


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Saturday. Nobody texted. Walked to the big Tesco and back for something to do and bought "
           "one lemon."),
    ("en", "Haven't spoken to a single person today. The heating engineer cancelled by email."),
    ("es", "Domingo. No hablé con nadie en todo el día. Hice lentejas para una semana."),
    ("pl", "Niedziela. Nikt nie zadzwonił. Zjadłam zupę przy oknie i patrzyłam na parking."),
])
def test_a_day_told_without_a_voice_in_it_is_loneliness(language: str, text: str) -> None:
    found, r = reading(text)
    assert found == language
    assert "loneliness" in r.feelings


@pytest.mark.parametrize("text", [
    "Rain all day. Made soup, did the crossword, didn't talk to anyone and didn't mind.",
    "Nobody texted all weekend. Bliss. Finished the whole jigsaw.",
    "I live here two years and nobody called me neighbour before. Mrs Dunne did today.",
])
def test_a_quiet_day_welcomed_or_a_word_someone_said_is_not_loneliness(text: str) -> None:
    assert "loneliness" not in reading(text)[1].feelings


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Sat with Grandad at the hospice till they sent us home. Read him the racing results. "
           "He squeezed my hand at the 3:40 from Kempton."),
    ("de", "Heute wieder bei Mama im Hospiz. Sie hat geschlafen, ich habe ihre Hand gehalten und "
           "aus dem Fenster auf den Parkplatz geschaut."),
])
def test_sitting_with_someone_of_ones_own_at_a_hospice_is_grief(language: str, text: str) -> None:
    found, r = reading(text)
    assert found == language
    assert "grief" in r.feelings


def test_a_shift_at_the_hospice_is_work_not_grief() -> None:
    text = ("Long shift at the hospice. Mrs Achebe's daughter brought in cake for the nurses and we "
            "ate it standing up in the sluice room.")
    assert "grief" not in reading(text)[1].feelings


def test_a_call_from_someone_of_ones_own_sent_to_voicemail_is_guilt() -> None:
    text = ("Dad rang twice during the audit and I sent it to voicemail both times. It was only to "
            "say the roof man had been. He sounded small on the message.")
    assert reading(text)[1].feelings[0] == "guilt"


def test_someone_else_sending_the_writer_to_voicemail_is_not_the_writers_guilt() -> None:
    text = "Rang the council four times. They sent me to voicemail every time. Kettle's on."
    assert "guilt" not in reading(text)[1].feelings


@pytest.mark.parametrize(("language", "text"), [
    ("it", "Prima partita a bocce con quelli del circolo. Abbiamo perso tutte e tre. Stasera mi fa male "
           "una spalla che non sapevo di avere. Giovedì si rigioca."),
])
def test_pain_said_before_the_part_of_the_body_is_the_bodys_not_hurt(language: str, text: str) -> None:
    found, r = reading(text)
    assert found == language
    assert "hurt" not in r.feelings


def test_what_the_writer_says_they_do_not_have_is_not_asked_after() -> None:
    text = ("Sunday night. Since Friday the only words I've said were to the lad at the chippy and a man "
            "at the dog park who asked if my dog was friendly. I don't have a dog. I was only on the bench.")
    assert reading(text)[1].phrase is None
    assert "your dog" not in compose(text)


def test_gladness_insisted_on_with_i_mean_that_is_protested_not_named() -> None:
    text = ("The boat goes to auction on Saturday. Forty years of Tuesdays on it. Maureen is relieved, "
            "she never liked the sea. I'm glad for her. I mean that. Sat on the jetty till it got dark.")
    assert "joy" not in reading(text)[1].feelings

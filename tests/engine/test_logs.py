"""A log kept in times and numbers is answered as a record: its first and last lines
quoted, and a question about what the numbers leave out. "What was going on in you just
then?" of "Bed 23:00" reads as not having looked at the entry at all."""

from __future__ import annotations

import re

import pytest

from mirror.engine.checks import check
from mirror.engine.offline import compose

#: A quotation in any of the frames' marks.
QUOTED = re.compile("[\u201c\u201e\u00ab] ?([^\u201c\u201d\u201e\u00bb]+?) ?[\u201d\u00bb\u201c]")

STOCK = ("just then", "from the inside", "moment hold", "read that back",
         "Was schwingt", "qué te llama", "che cosa noti")


@pytest.mark.parametrize(("text", "first", "last", "words"), [
    ("Thursday.\nUp 6:05. Bus 7:20, late again. Desk 8:10.\nCall with suppliers 9:30-10:15.\n"
     "Lunch: leftover curry.\nSpreadsheet for Anita, sent 16:40.\nSwim 30 lengths. Bed 22:45.",
     "Up 6:05", "Bed 22:45", ("numbers", "line")),
    ("Radtour\nSa, 8:15 Uhr, 62 km, 3:05 h. Start in Kelheim, Donau entlang. Gegenwind ab km 40. "
     "Schnitt 20,1 km/h. Pause in Weltenburg, 25 min. Zurück mit dem Zug 15:10.",
     "Sa, 8:15 Uhr, 62 km, 3:05 h", "Zurück mit dem Zug 15:10", ("Zahlen", "Zeile")),
    ("Registo de sono.\nSegunda: deitei 0:40, acordei 3:10 e 5:30. Terça: 23:50, seguido até 6:45. "
     "Quarta: 1:15, acordei 4:00. Quinta: 23:30, seguido até 7:00.",
     "Segunda: deitei 0:40, acordei 3:10 e 5:30", "Quinta: 23:30, seguido até 7:00", ("números", "linha")),
])
def test_a_log_is_answered_as_a_record(text: str, first: str, last: str, words: tuple[str, ...]) -> None:
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert first in reply and last in reply, reply
        assert any(w in reply for w in words), reply  # in the log's own language
        assert not any(s in reply for s in STOCK), reply
        assert check(reply, text).passed


@pytest.mark.parametrize("text", [
    # times in prose with the writer in it: a day told, not logged
    "At 7 I finally rang Mum. We talked until 8:30 and I cried twice. I'm so glad I called.",
    ("Up at 6. I ran 5k in 31 minutes and I hated every second. I kept thinking about what "
     "Dan said at 9 last night. I don't know why it still stings. I'll sleep on it."),
])
def test_a_day_told_with_times_in_it_is_not_a_log(text: str) -> None:
    reply = compose(text)
    assert not any(w in reply for w in ("numbers", "chiffres", "line by line", "ligne par ligne")), reply


def test_a_list_of_errands_is_asked_about_as_a_list_in_its_own_language() -> None:
    text = ("Para el sábado:\n- llevar el coche al taller (9:00)\n- comprar pan\n- pagar la luz\n"
            "- regalo para la boda de Inés\n- llamar a la abuela, que hace semanas")
    reply = compose(text)
    assert reply.rstrip().endswith("?") and "¿Cuál" in reply, reply


def test_a_log_written_line_by_line_is_never_quoted_across_its_lines() -> None:
    # Lines with no stop at their end are still separate lines of the log: "03:30 paperwork"
    # and "05:00 bed 3 finally asleep" glued into one quote read as nonsense.
    text = ("Late shift, ward 7.\n14:00 handover from Tom, 8 patients\n15:30 obs round, bed 4 "
            "spiking again\n17:10 family meeting for bed 9. his wife held it together till the end\n"
            "19:00 dinner, half a sandwich\n21:45 bed 9 settled. sat with him a bit\n"
            "22:00 handover to Aoife\nHome. Can't switch off.")
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        for quoted in QUOTED.findall(reply):
            assert "\n" not in quoted and not re.search(r"\d\d:\d\d.*\d\d:\d\d", quoted), reply
        assert check(reply, text).passed


def test_a_gym_log_is_not_glued_at_a_line_without_a_stop() -> None:
    text = ("Thurs upper\nbench: 40x8, 50x5, 57.5x3\nrows 3x10, fine\nface pulls, boring\n"
            "dips 3x8, last set ugly\nSam spotted me on the 57.5 and said I've got it. Went home happy.")
    reply = compose(text)
    assert "boring dips" not in reply and "ugly Sam" not in reply, reply


@pytest.mark.parametrize(("text", "coda", "record", "words"), [
    ("Sat 7:05am\n- 12.4 km, 1:08:30\n- avg pace 5:31\n- calf tight from km 9\n- 4°C, drizzle\n"
     "First time past the lighthouse since the operation. Stood there a while and let the rain do it.",
     "First time past the lighthouse since the operation. Stood there a while and let the rain do it",
     "12.4 km", ("line", "numbers")),
    ("Dienstag, Garten Hoffmann\n7:30 Material geladen\n8:00–12:00 Hecke geschnitten, drei Säcke\n"
     "12:15 Pause im Auto\n13:00–16:30 Beet umgegraben, Wurzeln ohne Ende\n"
     "Rücken kaputt. Aber die alte Rose blüht noch, die hat sie selbst gepflanzt.",
     "Rücken kaputt. Aber die alte Rose blüht noch, die hat sie selbst gepflanzt", "7:30", ("Zeile", "Zahlen")),
])
def test_a_log_that_ends_in_the_persons_voice_is_answered_from_that_line(
        text: str, coda: str, record: str, words: tuple[str, ...]) -> None:
    # The figures are the record; the last lines in the person's own voice are its heart.
    # Quoting the first and last figures instead ("From 'Sat 7:05am' to …") misses it.
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert coda in reply, reply
        assert record not in reply, reply
        assert any(w in reply for w in words), reply
        assert check(reply, text).passed


def test_a_list_item_at_the_end_of_a_log_is_still_the_record() -> None:
    # "- Marta beat me up the last climb, 4 min, as always" is an item of the list, not a
    # closing line in the person's own voice.
    text = ("Sunday ride.\n- 84 km, 1,250 m climbing\n- 3h40 moving\n- 2 gels, 1 banana\n"
            "- puncture at km 51, 8 min stopped\n- Marta beat me up the last climb, 4 min, as always")
    reply = compose(text)
    assert "Sunday ride" in reply or "84 km" in reply, reply
    assert "Marta beat me" in reply, reply


def test_a_log_with_one_line_far_longer_than_the_rest_is_answered_from_that_line() -> None:
    # Where the person stopped to write among "01:15 nothing" lines is the record's heart.
    text = ("Night shift, depot 4.\n21:00 on. Kettle broken again.\n22:30 rounds, all quiet\n"
            "00:10 nothing\n01:40 nothing\n"
            "02:55 owl on the fence by gate B. sat there turning its head at me for ages while the "
            "rain came down and I stood still under the awning the whole time\n"
            "04:30 sky lighter\n06:00 off. 14 hrs awake")
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert "owl on the fence by gate B" in reply, reply
        assert "Night shift" not in reply and "06:00 off" not in reply, reply
        assert check(reply, text).passed


def test_a_plan_at_the_end_of_a_log_is_not_its_voice() -> None:
    # "Next week: …" closes the review with the next list; the long line is its heart.
    text = ("## Week 12\n- gym 2/4\n- sleep avg 6h\n- £200 saved\n- 40 pages read\n"
            "- first weekend since the move where I didn't ring home to check on Mum's hip once\n"
            "Next week: dentist, tax return, call Aunty Pat")
    reply = compose(text)
    assert "first weekend since the move" in reply and "Aunty Pat" not in reply, reply


def test_a_log_kept_line_by_line_is_answered_from_its_last_line_only() -> None:
    # "a last line in your own voice" with three lines run together in one quote ("… op de
    # terugweg Bij km 40 …") read as one garbled line.
    text = ("Fietsrit za 12.04\nRoute: Utrecht - Amerongen - Utrecht, 68 km\nTijd: 2:41, "
            "gemiddeld 25,3 km/u\nHartslag: 141 gemiddeld\nWind: 4 Bft uit het westen, zoals "
            "altijd op de terugweg\nBij km 40 een lekke band, in de regen geplakt. Een man met "
            "een hond bleef staan kijken, zei niks.\nNog 5 weken tot de toertocht. Benen moe, "
            "hoofd leeg. Voor het eerst dit jaar zonder handschoenen.")
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "Nog 5 weken" in reply and "lekke band" not in reply and "Wind" not in reply, reply


def test_a_line_typed_without_a_stop_is_never_run_into_the_next() -> None:
    # "… the whole second half" / "Shoulder fine today.": written a line at a time and not
    # wrapped by an editor, the line break ends the sentence; a quote never reads "second
    # half Shoulder fine today".
    text = ("Swim log Thu\nPool: Leisure centre, 25m lanes\nDistance: 1600m, 64 lengths\n"
            "Time: 41:20\nLane was full of a school group, had to weave round them the whole "
            "second half\nShoulder fine today. First time since March I didn't count the lengths.")
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "half Shoulder" not in reply, reply


@pytest.mark.parametrize("text, first, last, words", [
    ("Swim, 40 lengths. Toast. Emails. Dentist. Rained again. Soup. Bed 10:50.",
     "Swim", "Bed 10:50", ("day", "short one")),
    ("Mercado. Lavadora. Comida en casa de mis padres. Siesta. Serie. A la cama pronto.",
     "Mercado", "A la cama pronto", ("día", "corta")),
    ("Hardlopen, 8 km. Koffie. Boodschappen, was, de fiets naar de maker. Pasta. Vroeg naar bed.",
     "Hardlopen", "Vroeg naar bed", ("dag", "kort")),
    ("Meetings till 4. Chicken stir fry. Early night.", "Meetings till 4", "Early night", ("day", "short one")),
])
def test_a_day_kept_in_a_few_words_a_line_is_answered_as_such(
        text: str, first: str, last: str, words: tuple[str, ...]) -> None:
    # Read blind, "Which of these holds more than it says?" and "what the short lines leave
    # out" of a plain day were graded 2 of 5: depth read into nothing. The day is taken as
    # given, and its last item is never asked after as if it were the heart.
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        quoted = QUOTED.findall(reply)
        assert quoted[:2] == [first, last], reply
        assert any(w in reply for w in words), reply
        assert not any(s in reply for s in (*STOCK, "holds more", "leave out", "weglaten", "dejan fuera")), reply
        assert reply.count(last) == 1, reply
        assert check(reply, text).passed


@pytest.mark.parametrize("text, item", [
    ("Work 8-5. Tesco. Called Nan. Two episodes. Bed 10:30.", "Called Nan"),
    ("Dentist 9am, no fillings. Paid the gas bill. Liam rang from Toronto, sounds happy.",
     "Liam rang from Toronto, sounds happy"),
    ("Einkaufen. Oma angerufen. Tatort. Früh ins Bett.", "Oma angerufen"),
    # (with what the sentence says of it: a call with no answer is not a call that went well)
    ("Swam 40 lengths. Rang Dad, went to voicemail. Leftover curry. Bed by ten.", "Rang Dad, went to voicemail"),
])
def test_a_day_kept_short_with_someone_in_it_asks_after_that_part(text: str, item: str) -> None:
    # "Called Nan" among the errands is the part of the day with a person in it: that is
    # what is quoted and asked after, not "Bed 10:30".
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert QUOTED.findall(reply) == [item], reply
        assert check(reply, text).passed


@pytest.mark.parametrize("text, first, verdict", [
    ("Boodschappen, was, bij de Appie. Pizza. Vroeg naar bed.", "Boodschappen", "Vroeg naar bed"),
    ("Swam at Piha. Toast. Emails. Bed 10.", "Swam at Piha", "Bed 10"),
])
def test_a_place_or_a_shop_in_a_short_day_is_not_someone(text: str, first: str, verdict: str) -> None:
    reply = compose(text)
    assert QUOTED.findall(reply) == [first, verdict], reply


@pytest.mark.parametrize("text, verdict", [
    ("Washing, hoovering, paid the water bill. Nothing else happened. Fine.", "Fine"),
    ("Niks gebeurd. Soep, journaal, bed. Soms is dat genoeg.", "Soms is dat genoeg"),
    ("Nichts passiert. Kartoffelsuppe, Tatort, Bett. Manchmal reicht das.", "Manchmal reicht das"),
    ("Rain all day. Did the ironing. Nothing to report, which is fine.", "which is fine"),
    ("Niente di che. Spesa, lavatrice, un film vecchio. Va bene così.", "Va bene così"),
    # a verdict in a word or two of the language ("Eigentlich ganz gut": read blind, the
    # day-in-a-few-words frame asking what to keep, "if anything", undercut it: graded 2)
    ("Ringbahn ausgefallen. Zu Fuß nach Neukölln. Döner im Regen. Eigentlich ganz gut.",
     "Eigentlich ganz gut"),
    ("Métro en panne. Marché à pied jusqu'au bureau. Sandwich sous la pluie. Pas mal, finalement.",
     "Pas mal, finalement"),
    ("Pociąg spóźniony. Obiad u mamy. Spacer z psem. W sumie dobrze.", "W sumie dobrze"),
])
def test_a_short_day_that_ends_on_the_writers_word_keeps_that_word(text: str, verdict: str) -> None:
    # "Manchmal reicht das" closes the day in the person's own word: it is quoted and asked
    # after as theirs, never answered as a day "in a few words" (read blind, a frame saying
    # the day "ends on your word for it" read as filler) nor asked what the lines leave out.
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert verdict in QUOTED.findall(reply)[-1], reply
        assert not any(s in reply for s in ("leave out", "auslassen", "weglaten", "few words",
                                            "short one", "wenigen Worten", "kort stukje")), reply
        assert check(reply, text).passed


@pytest.mark.parametrize("text", [
    "Woke early. I cried in the car. I rang Mum. I felt better. Tea. Bed.",  # the writer speaks
    'SHE SAID YES. Well, technically she said "obviously, get up, your knee is in a puddle." Same thing.',
])
def test_short_lines_that_speak_are_not_a_day_kept_short(text: str) -> None:
    reply = compose(text)
    assert not any(w in reply for w in ("short one", "a few words", "een paar woorden", "kort stukje"))

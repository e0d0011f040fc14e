"""The closing question never holds a broken piece of the entry: a likeness cut out of
someone's quoted words, "like" from "what it looks like", an answer cut at its comma, or a
name the person called themselves, said back as the mirror's own."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose


def question(text: str) -> str:
    reply = compose(text)
    # the question is the reply's last sentence
    return reply[max(reply.rfind(". "), reply.rfind("\u201d ") + 1) + 1:].strip()


@pytest.mark.parametrize(("text", "fragment"), [
    ("Awful morning, two trains cancelled and a flat tyre on the bike. Then at lunch Priya walked "
     "over with a muffin and said \"looked like you needed this,\" and I nearly cried into it. "
     "Apologised to her properly.", "like you needed this"),
    ("Dinner with Tom, the same pasta place as always. He drew a little map of our first flat on "
     "the napkin. I think that's what love looks like at this point and honestly I'll take it.",
     "like at this point"),
])
def test_no_likeness_is_cut_from_someone_elses_words_or_a_way_of_looking(text: str, fragment: str) -> None:
    assert fragment not in question(text)


def test_an_answer_is_not_cut_at_its_comma() -> None:
    text = ("Walked the old loop by the river. A woman's terrier jumped all over my coat. She "
            "apologised and I said no, really, it's fine.")
    assert "you said no" not in compose(text)


def test_a_name_the_writer_called_themselves_is_not_said_back() -> None:
    text = ("Jo left a sticky note on my monitor with a drawing of me asleep on the keyboard. "
            "I laughed at my desk like an idiot. Seven years and she still does this.")
    reply = compose(text)
    assert "you laughed at your desk like an idiot" not in reply


def test_a_past_doing_from_another_line_is_not_asked_about() -> None:
    """Quoting one line and asking about something done in another ("When you ate it in
    front of the rugby, what was that like?") reads as answering something else."""
    text = ("Garage this morning. Car passed its MOT, thank god, only needed a wiper blade. "
            "Then home and I ate a whole pizza in front of the rugby.")
    reply = compose(text)
    assert "when you ate a whole pizza" not in reply.lower()


def test_words_in_capitals_are_never_asked_about_as_the_writers_own() -> None:
    # A placard's shout ("GO ON OUR GIRL") is not "your GIRL"; initials are not a thing of theirs.
    text = ("Half marathon done in 2:10. Walked a bit at mile 9. Dad was at the finish with a sign "
            "that said GO ON OUR GIRL with a drawing of me that looks like a potato.")
    for version in range(4):
        assert "your GIRL" not in compose(text, version=f"v{version}")


def test_someone_named_once_in_passing_is_not_what_the_question_asks_about() -> None:
    # "When you think of Lorraine, what comes up?" asks about a bystander the entry names
    # once; family ("Gran") and someone the entry keeps naming may still carry the question.
    text = ("Leaving do for Phil at the Crown, upstairs room, buffet and a banner. There was a cake "
            "shaped like a fax machine which Lorraine said was a joke about the old days and I "
            "laughed along.")
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert "Lorraine" not in reply.rsplit("\u201d", 1)[-1], reply


@pytest.mark.parametrize("text", [
    "Rain all morning, then the sun came out over the allotment. Best Sunday in ages.",
    "Twelve years next month. Still like him. More, mostly.",
])
def test_a_line_where_nothing_happens_is_not_asked_about_as_a_moment(text: str) -> None:
    # "What was going on in you just then?" of "Best Sunday in ages" asks after an event
    # that is not there; a verdict or a state is asked about as it reads now.
    for version in range(8):
        asked = compose(text, version=f"v{version}").rsplit("\u201d", 1)[-1]
        assert not any(w in asked for w in ("just then", "that moment", "from the inside")), asked


def test_a_smiley_in_a_quoted_line_is_kept_whole() -> None:
    # ":)" is not a bracket to balance: "just checking in :'" cut the smiley in half.
    text = ("Thesis day. Moved commas around for six hours. My supervisor emailed at 6pm \"just "
            "checking in :)\" and that smiley is honestly the scariest thing this week.")
    reply = compose(text)
    assert ":)" in reply and ":\u2019" not in reply.replace(":)\u2019", ""), reply


def test_words_someone_said_are_not_asked_about_as_the_writers_own() -> None:
    # 'Só ficou dizendo "minha neta motorista"': the grandmother's "neta", never "E sua neta".
    text = ("Passei na prova de direção! Fui buscar a vó na igreja. Ela segurou no puxador o "
            "caminho inteiro e só ficou dizendo \"minha neta motorista\" pra todas as amigas dela.")
    assert "sua neta" not in compose(text)


def test_a_name_is_not_run_into_the_i_after_it() -> None:
    # "Told Kev I'd murder him": the name is Kev, never "Kev I'd".
    text = ("New season drops Friday and I cannot wait. Told Kev I'd murder him if he spoils it. "
            "Bought the good crisps already.")
    assert "Kev I'd" not in compose(text).rsplit("\u201d", 1)[-1]


@pytest.mark.parametrize(("text", "never"), [
    ("Went out after the row and moved our bin right back to the wall, dead straight.", "bin right"),
    ("Missing my own bed, a shower that works, even Jake's terrible coffee.", "Jake's terrible?"),
    ("We ate in silence. He didn't say anything. Neither did I.", "when Neither"),
])
def test_a_question_never_stops_a_phrase_in_its_middle(text: str, never: str) -> None:
    # "When you think of your bin right", "Jake's terrible", "when Neither did you".
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        question = reply[reply.index("\u201d") + 1 :]  # after the quoted line
        assert never.lower() not in question.lower(), reply


def test_a_laugh_far_from_the_quoted_line_does_not_make_the_question_light() -> None:
    # "… for MY 30th lol" is a brave face; the entry lands on a message typed and deleted.
    text = ("priya's bday dinner was last night apparently. saw it on stories. the whole group, "
            "at the place we went to for MY 30th lol\nlike it's fine. people are allowed dinner\n"
            "typed happy birthday and deleted it 3 times. it's still sitting in the box")
    reply = compose(text)
    assert "funny" not in reply and "best bit" not in reply, reply


def test_a_letters_sign_off_is_not_where_it_lands() -> None:
    text = ("Nonna,\n\nHo piantato il basilico sul balcone, come facevi tu. Mamma dice che esagero "
            "con l'acqua. Stamattina ne ho staccato una foglia e l'ho annusata a lungo.\n\n"
            "Un abbraccio,\nGiulia")
    reply = compose(text)
    assert "abbraccio" not in reply and "Giulia" not in reply, reply

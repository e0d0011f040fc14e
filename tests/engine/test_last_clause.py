"""A question asked after the last words of the quoted line, in the person's own words and
in their marks: "¿Qué hay para ti en ese “por si acaso”?". Outside English the clause cannot
be said back in the second person, and the bank of open questions fits every entry equally;
the last clause, where the writer put the line's weight, can be quoted as it stands."""

from __future__ import annotations

import pytest

from mirror.engine.checks import check
from mirror.engine.offline import compose


@pytest.mark.parametrize(("text", "clause"), [
    ("Le escribí a Marcos a las nueve. Nada. He fregado los platos dos veces. Ahora me acuesto "
     "con el móvil debajo de la almohada, por si acaso.", "por si acaso"),
    ("Papà mi ha chiamato per chiedere come si allega una foto. Gliel'ho spiegato tre volte. "
     "Ha 84 anni, quante altre volte me lo chiederà.", "quante altre volte me lo chiederà"),
    ("Mi hermana se casa en mayo. Se la ve tranquila y contenta, y yo estoy feliz por ella, de "
     "verdad.", "yo estoy feliz por ella"),
    ("Heute den Keller ausgeräumt. Omas Einmachgläser standen noch da, mit ihrer Schrift auf "
     "den Etiketten. Ich hab eins aufgemacht und nur daran gerochen, minutenlang im dunklen Keller.",
     "minutenlang im dunklen Keller"),
])
def test_the_question_asks_after_the_last_words_of_the_quoted_line(text: str, clause: str) -> None:
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.count(clause) == 2, reply  # in the quote, and again in the question
        assert check(reply, text).passed


@pytest.mark.parametrize(("text", "alone"), [
    # a clause that leans on the one before ("y luego …") is not asked about alone
    ("Hoy he ido al médico con mamá. Esperamos dos horas en la sala, y luego nada de nada.",
     "y luego nada"),
    # someone's words, cut inside their quotation marks
    ("Mon grand-père aurait dit « bon, pas mal, pour un Parisien de la ville ». Je l'entends "
     "encore le dire.", "pour un Parisien"),
    # a title's full stop is not the end of a clause
    ("Esa casa la vendieron hace años y ahora es una farmacia con el Dr. Simi bailando afuera.",
     "Simi bailando"),
])
def test_a_clause_that_cannot_stand_alone_is_not_asked_about(text: str, alone: str) -> None:
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert not any(mark + alone in reply for mark in ("\u201c", "\u00ab ", "\u00ab")), reply


def test_a_judgement_of_oneself_is_never_said_back_as_the_question() -> None:
    # "What a failure", asked after, would put the person's harshest words in the mirror's mouth.
    text = "Wasted the whole Saturday on my phone again. I never finish anything. What a failure."
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "that \u201cWhat a failure\u201d" not in reply, reply


@pytest.mark.parametrize(("text", "clause"), [
    # two words are enough when they are a line of their own: the line's verdict
    ("Worked the late shift again. The printer jammed twice and nobody else knew how to fix "
     "it. Small wins.", "Small wins"),
    # a long line with no comma is cut at its last joining word, which is left out
    ("Drove to the coast after the appointment. I parked facing the water and sat there for "
     "an hour and ate the sandwich Mum packed.", "ate the sandwich Mum packed"),
    ("Wyszłam z biura o dziewiątej. W tramwaju zjadłam całą paczkę ciastek i nawet nie było "
     "mi głupio.", "nawet nie było mi głupio"),
    # a tag that closes the line without weight ("la verdad") is passed over
    ("Me llamaron del banco otra vez. Les dije que ya lo había pagado. Estoy tranquila pero "
     "un poco cansada de todo esto, la verdad.", "un poco cansada de todo esto"),
    # ... as are a hedge or an oath closing the line ("if I'm honest", "ein bisschen"): read
    # blind, asking what "I swear" or "if I'm honest" holds was graded as asking about filler
    ("Long drive home from the hospital. Dad was asleep most of the way. I sang along to the "
     "radio and felt almost happy, if I'm honest.", "felt almost happy"),
    ("Mi hermana se casa en mayo. Se la ve tranquila y contenta, y yo estoy feliz por ella, de "
     "verdad.", "yo estoy feliz por ella"),
    ("Heute den Keller ausgeräumt. Die alten Fotos von Papa gefunden. Ich habe mich danach ganz "
     "leicht gefühlt, ein bisschen.", "Ich habe mich danach ganz leicht gefühlt"),
    # and so is someone's speech tag: what the doctor said is asked after, not "zei de dokter"
    ("De scan was schoon. Geen uitzaaiingen en niets om me nog druk over te maken, zei de "
     "dokter.", "niets om me nog druk over te maken"),
])
def test_the_question_finds_the_clause_where_the_line_lands(text: str, clause: str) -> None:
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.count(clause) == 2, reply
        assert check(reply, text).passed


def test_a_noun_joined_by_and_is_not_cut_from_its_pair() -> None:
    # "il primo e il secondo": a determiner on both sides of "e" joins two nouns, not clauses
    text = ("Mi sono seduta in macchina prima di entrare. Tra il primo e il secondo colloquio "
            "ho pianto in bagno per dieci minuti.")
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "\u201cil secondo colloquio" not in reply, reply


def test_an_english_clause_of_the_writer_is_said_back_as_you() -> None:
    text = "The hearing is at nine. The kids are asleep upstairs and I'm not going to sleep at all."
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.endswith(("you're not going to sleep at all?",)), reply


def test_a_clause_with_no_subject_is_quoted_not_given_one() -> None:
    # "held its shape" is the bowl's: said back as "when you held your shape" it would be
    # the writer's. It is quoted as written instead.
    text = "Six weeks of lopsided bowls on the wheel. Tonight one just... held its shape."
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "you held" not in reply and reply.count("held its shape") == 2, reply


@pytest.mark.parametrize(("text", "short"), [
    ("Explained the whole thing to Grandad again, slowly, with the photos. He understood.",
     "He understood"),
    ("Il a plu toute la journée et j'ai rangé le grenier. Rien trouvé d'intéressant. "
     "Sauf sa lettre.", "Sauf sa lettre"),
    # a line of up to nine words lands on the one before it too
    ("Heute wäre Mama siebzig geworden. Ich habe ihre alte Nummer trotzdem noch einmal "
     "angerufen.", "Ich habe ihre alte Nummer trotzdem noch einmal angerufen"),
])
def test_a_short_line_is_quoted_with_the_line_it_lands_on(text: str, short: str) -> None:
    # "He understood" alone, asked "what is it like to read that back?", says nothing of
    # what was understood; quoted with the line before, the question can ask after it.
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.count(short) == 2, reply


def test_a_hedge_closing_the_line_is_not_what_is_asked_after() -> None:
    text = "Le regalé a mi hermana el reloj de papá. Se lo puso sin decir nada, me temo."
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.startswith(("Escribes", "Con tus", "Una línea", "“")), reply  # Spanish
        assert "\u201cme temo\u201d" not in reply, reply


@pytest.mark.parametrize(("text", "short"), [
    # a short last line under the sentence it lands on
    ("Hoy el tren llegó con cuarenta minutos de retraso y el jefe ni lo notó. Comí en el "
     "coche.\nMañana lo mismo.", "Mañana lo mismo"),
    # one word, a sentence of its own
    ("Spent the morning calling the council about the broken streetlight. They put me on hold "
     "for an hour. Nothing.", "Nothing"),
    # small words only, but a sentence of its own: it says enough by itself
    ("Ho riordinato i cassetti di mia madre. Ho tenuto il suo ditale. Non so perché.",
     "Non so perché"),
])
def test_the_last_short_sentence_is_asked_after(text: str, short: str) -> None:
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.count(short) == 2, reply
        assert check(reply, text).passed


@pytest.mark.parametrize("text", [
    "Long day at the warehouse, two trucks late and the scanner down. Anyway.",
    "Me and Priya watched the whole season in one go. Lol.",
])
def test_a_word_that_only_moves_on_is_not_asked_after(text: str) -> None:
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "that \u201cAnyway\u201d" not in reply and "\u201cLol\u201d" not in reply, reply


def test_a_last_line_added_on_is_not_where_the_entry_lands() -> None:
    # "also failed the titration lol": an aside, laughed off; the pen is the entry.
    text = ("ok so sam sat next to me in chem and asked to borrow a pen and i gave him my GOOD "
            "pen. the gel one. he gave it back with the lid chewed. why is that cute. it should "
            "not be cute. keeping the pen forever obviously. also failed the titration lol")
    for version in range(3):
        assert "titration" not in compose(text, version=f"v{version}")


@pytest.mark.parametrize(("text", "news"), [
    ("Colloquio alle nove con la direttrice. PRESA!!! Mamma ha pianto al telefono, papà mi ha "
     "parlato dieci minuti del tosaerba nuovo. Stasera pizza con Giulia e Marco.", "PRESA"),
    ("Dziś rozmowa o pracę w banku. MAM TO!!! Mama płakała przez telefon, tata opowiadał mi "
     "dziesięć minut o nowej kosiarce. Wieczorem pizza z Olą i Kubą.", "MAM TO"),
])
def test_news_shouted_in_capitals_is_the_heart_of_the_entry(text: str, news: str) -> None:
    for version in range(3):
        assert news in compose(text, version=f"v{version}")


@pytest.mark.parametrize(("text", "remark"), [
    ("Everyone at work signed the card for Dev's leaving do and they're all going to the pub on "
     "Friday, which I won't be at.", "which I won't be at"),
    ("Sono rimasta in macchina sotto casa per venti minuti con il motore spento, che è la "
     "cosa più bella di oggi.", "che è la cosa più bella di oggi"),
])
def test_a_closing_remark_on_the_line_is_asked_after(text: str, remark: str) -> None:
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.count(remark) == 2, reply


def test_a_long_clause_after_a_comma_and_its_joining_word_is_asked_after() -> None:
    text = ("Fine.\nThat's what I said to everyone at work today, and only one of them "
            "waited for the real answer.")
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.count("only one of them waited for the real answer") == 2, reply


def test_a_clause_opening_on_that_is_never_asked_as_that_that() -> None:
    text = "Long week at the depot. Nothing much happened today and that was fine."
    for version in range(6):
        reply = compose(text, version=f"v{version}")
        assert "that \u201cthat" not in reply.lower(), reply
        assert reply.count("that was fine") == 2, reply


def test_a_clause_of_we_is_quoted_not_said_back_as_you() -> None:
    # "We had milk" is the household's: "when you had milk" misreads it.
    text = "Long day at the shop, then the bus was late. Bought milk on the way home. We had milk."
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "you had milk" not in reply, reply


def test_a_turn_after_a_comma_that_says_enough_is_asked_after_with_its_turn() -> None:
    from mirror.engine.offline import compose

    text = ("Andrés compró una taza con un gato dibujado, horrible y preciosa a la vez. "
            "Mañana desayuno los cereales ahí, aunque Andrés diga que es para mirarlo.")
    reply = compose(text)
    assert reply.count("aunque Andrés diga que es para mirarlo") == 2, reply


def test_a_subject_and_its_verb_after_and_are_a_clause_to_ask_after() -> None:
    # "… and I forgot": two words, but a whole clause, where "mum and dad" is not.
    from mirror.engine.reading import last_clause
    from mirror.engine.tokenize import tokenize

    for text, clause in (("He's been my closest friend since primary school and I forgot", "I forgot"),
                         ("We had lunch with my aunt and my mum and dad", None)):
        toks = tokenize(text)
        found = last_clause("en", text, toks, 0, len(toks))
        said = text[toks[found[0]].start : toks[found[1] - 1].end] if found else None
        assert said == clause, said


@pytest.mark.parametrize(("text", "clause"), [
    ("Mum's results on Friday. Cleaned the oven. Then cleaned it again.", "Then cleaned it again"),
    ("Gewone dinsdag. Om half acht op de fiets naar kantoor, tegenwind zoals altijd. Niks te "
     "melden eigenlijk. Dat mag ook een keer.", "Dat mag ook een keer"),
])
def test_a_whole_sentence_opening_on_a_link_word_is_still_asked_after(text: str, clause: str) -> None:
    """A link word leans on what came before only after a comma; a sentence of its own that
    opens on "Then" or "Dat" ("Then cleaned it again.") is where the person put the weight,
    and asking a stock question instead reads as not having looked."""
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert reply.count(clause) == 2, reply
        assert check(reply, text).passed

"""Where a line begins and ends, and which line is the heart: a line that only announces the
heart ("here's the thing I want to write down") hands it to the next; a trailing-off or a
quoted cry followed by lower case does not end a sentence, so a quote is never cut at
"Monday she's just"; someone else's quoted words do not make the writer's line loud; a few
words are given back whole; a glad word that agrees with a plain fact is not two sides.
Each of these was a low grade in a blind reading. The entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.echo import echo
from mirror.engine.offline import compose
from mirror.engine.reading import makes_a_plan, read
from mirror.engine.tokenize import tokenize


def _centre(text: str, language: str = "en") -> str:
    toks = tokenize(text)
    r = read(text, toks, language)
    assert r.centre is not None
    return text[toks[r.centre.first].start : toks[r.centre.last - 1].end]


def test_an_announcement_hands_the_centre_to_what_it_announces() -> None:
    text = ("3am. She's finally asleep on me.\n\nI cried today because I couldn't get the lid off "
            "the peanut butter. Like actually sobbed.\n\nBut here's the thing I want to write down "
            "so I remember it. Around one she opened her eyes and looked right at me, with this "
            "serious little frown, like she was trying to work out who I was.")
    centre = _centre(text)
    assert "here's the thing" not in centre
    assert "looked right at me" in centre
    assert "here's the thing" not in compose(text)


def test_a_trailing_off_in_lower_case_does_not_end_the_line() -> None:
    text = ("Carol retired today. She's the one who trained me, and on Monday she's just... not "
            "going to be at the desk. I gave a speech and said nothing of that.")
    reply = compose(text)
    assert "she's just\u201d" not in reply
    assert "\u201cnot going" not in reply  # (nor begun where the pause was)
    assert "just... not going to be at the desk" in reply


def test_someone_elses_cheer_does_not_make_a_tired_line_the_centre() -> None:
    text = ("Last day before summer. Dario handed me a note that said he read four books this "
            "year. I cried in the staff bathroom.\n\nThe head stopped by to say \"what a wonderful, brilliant, "
            "amazing year\" while I was on a chair taking down the border, and I was too tired to talk.\n\n"
            "Ten weeks off. But Dario's note is going in the drawer I open in February when I "
            "forget why I do this.")
    assert "Dario's note is going in the drawer" in _centre(text)


def test_a_few_words_are_quoted_whole() -> None:
    for text, rest in (("Tired. Not the sleepy kind.", "Not the sleepy kind"),
                       ("Tomatoes finally red. All three of them.", "All three of them")):
        assert f"\u201c{text[:-1]}\u201d" in compose(text)
        assert rest in compose(text)


def test_a_glad_word_agreeing_with_a_fact_is_not_two_sides() -> None:
    text = ("Rain all morning. Made the good coffee and sat by the window with the cat. Nothing "
            "happened today and I mean that as a compliment.")
    assert read(text).sides is None
    assert "at once" not in compose(text)


def test_a_set_phrase_is_not_said_back_as_the_mirrors_own() -> None:
    text = "I'm so angry I can't sleep so here we go."
    toks = tokenize(text)
    said = echo(text, toks, 0, len(toks))
    assert said is None or "here you go" not in said.text
    assert "here you go" not in compose(text)


def test_a_slogan_taken_up_at_the_end_is_irony() -> None:
    text = ("HR sent a \"wellness survey\" asking how we can \"better support work-life balance.\" "
            "Deadline: Saturday at 9am. Mandatory. I filled it out at 11pm on Friday. I feel very "
            "supported.")
    assert read(text).sarcasm
    assert "you feel very supported" not in compose(text)


def test_spanish_exclamations_are_quoted_with_their_opening_mark() -> None:
    text = ("¡Me han dado la plaza! Después de tres años de oposiciones, he gritado tanto en el "
            "portal que el vecino del segundo ha salido a aplaudir.")
    reply = compose(text)
    assert "Me han dado la plaza!" not in reply.replace("¡Me han dado la plaza!", "")


def test_a_feeling_phrase_is_not_a_thing_to_ask_about() -> None:
    text = ("First autumn planting without her. Twice she dug up the tulips and ate one, and was "
            "sick on the lawn, and looked at me like it was my fault for planting poison.")
    assert "your fault" not in compose(text)


def test_a_longer_last_clause_is_asked_after_before_a_stock_question() -> None:
    # (the clause after the last comma is eleven words: longer than a clause is usually
    # asked after, and still the person's words where a stock question fits any entry)
    text = ("Snapped at the new girl in front of the whole team. Turns out I sent her the wrong "
            "spreadsheet. I apologised, she said \"no worries!\" and smiled, and that smile was "
            "so much worse than if she'd been upset.")
    reply = compose(text)
    question = reply.rsplit(". ", 1)[-1]
    assert "that smile was so much worse than if she'd been upset" in question, reply
    assert not read(text).sarcasm  # her quoted cry does not open a sentence of praise


def test_i_and_us_in_one_clause_are_not_said_back() -> None:
    # (both would turn into "you": "you're so proud of you")
    text = "Full room tonight, people singing the chorus back. I'm so proud of her. I'm so proud of us."
    assert "proud of you" not in compose(text)


def test_a_hope_of_who_to_become_is_where_the_entry_lands_not_a_plan() -> None:
    text = ("100 days without a cigarette. Still want one after dinner most nights. Walked up the "
            "hill to the bus stop today without stopping. Maybe by the time Rosie's old enough "
            "to ask, I'll just be someone who used to smoke.")
    assert "someone who used to smoke" in _centre(text)


def test_an_errand_is_still_a_plan_and_a_hope_is_not() -> None:
    assert makes_a_plan("en", "i'll call the bank tomorrow".split())
    assert not makes_a_plan("en", "i'll just be someone who used to smoke".split())


def test_a_price_is_quoted_with_its_currency_sign() -> None:
    text = ("Boiler man came. It was the pilot light. £85 and two minutes and I have never loved "
            "a stranger more.")
    reply = compose(text)
    assert "85 and two minutes" in reply
    assert "\u201c85" not in reply


def test_a_quotation_the_quote_closes_is_opened_in_it_too() -> None:
    text = ("Herr Kühn hat wieder einen Zettel an die Mülltonnen geklebt. Laminiert. „Bitte "
            "beachten: Pizzakartons gehören NICHT ins Altpapier!!\" Drei Ausrufezeichen.")
    reply = compose(text)
    assert "\u2018Bitte beachten" in reply  # the writer's own opening mark, kept


def test_a_line_that_names_what_matters_is_the_centre() -> None:
    # "the problem is", "nobody tells you", "lo difícil es": the person says where the
    # weight is, and that line is given back, not the longest line beside it.
    for text, heart in (
            ("Sunday at the allotment again, third week on my own. Weeded the onions, fixed the "
             "water butt, talked to Mr Okafor about his beans for an hour, which was lovely as "
             "always. Nobody tells you the hard part of retiring isn't the mornings, it's the "
             "afternoons. Might try the choir on Thursday.", "the hard part of retiring"),
            ("Long week, two deadlines and a broken boiler, and my brother in town with his "
             "whole family and their enormous dog and all their opinions about my flat. The "
             "job offer from Porto is real and the pay is good. The problem is Inês. She "
             "has just started her course here.", "The problem is In\u00eas"),
            ("Semana larga, con la mudanza a medias y las cajas por todo el pasillo, y mi "
             "hermana llamando cada noche para preguntar por la casa nueva. Lo difícil es "
             "volver a una casa sin nadie. Mañana pinto el salón.", "Lo difícil es volver"),
    ):
        assert heart in compose(text).split("?")[0], text


def test_a_line_pointing_back_hands_the_question_to_the_line_it_points_at() -> None:
    text = ("Work was chaos, the bus was packed, and then my grandmother called just to ask if "
            "I'm eating properly. Honestly that was the best part.")
    question = compose(text).rsplit("\u201d.", 1)[-1]
    assert "best part" not in question
    assert "my grandmother called" in question


def test_a_labelled_list_is_asked_after_the_item_with_someone_in_it() -> None:
    # The last item of a list is last by order, not by weight; an item holding a person
    # is where the feeling is. A run of three in a sentence keeps its punch, which is last.
    question = compose("Things I need this week: a haircut, new tyres, for Priya to call "
                       "me back, a quiet Sunday.").rsplit("\u201d", 2)[-2]
    assert "for Priya to call me back" in question
    rowed = compose("All-hands again. I have now been aligned, leveraged and, I think, gently "
                    "rowed. The muffins were lemon.")
    assert "Priya" not in rowed and "gently rowed" in rowed


def test_a_pointer_with_its_it_s_points_back_too() -> None:
    # "That's what gets me", "it's stuck with me": the contraction is the back word.
    text = ("Went to the old harbour this morning like I do most days now. Somebody asked "
            "what year Dad sold the boat. I honestly don't remember. That's what gets me.")
    question = compose(text).rsplit("\u201d.", 1)[-1]
    assert "gets me" not in question and "don't remember" in question


def test_someone_elses_quoted_words_said_again_are_not_the_writers_insistence() -> None:
    # Grandad's "¿Congeladas? ¿Patatas congeladas?" says a word again, as a writer staying
    # on it would; it is his line, and the entry's heart is where the writer lands.
    text = ("Comida de domingo en casa del abuelo, como cada semana. Él sigue pelando las "
            "patatas a mano aunque le hemos dicho cien veces que las podemos comprar "
            "congeladas. \"¿Congeladas? ¿Patatas congeladas? Ni hablar.\" Y ahí está, con "
            "ochenta y cuatro años, sirviendo primero a los mayores.\n\nVolví a casa con un "
            "táper y una sensación rara en el pecho. Querer que esto dure siempre sabiendo que "
            "no va a durar. Pero hoy sí. Hoy estábamos todos.")
    opening = compose(text).split("?")[0]
    assert "congeladas" not in opening
    assert "Hoy estábamos todos" in opening


def test_a_short_tail_inside_someones_quotation_is_not_added_to_the_writers_line() -> None:
    # Added as the line's "tail", '"Frozen?' was quoted cut inside Grandad's words.
    text = ("Sunday dinner at Grandad's, same as ever. He still peels every potato by hand "
            "even though we've told him a hundred times we can buy them frozen. \"Frozen? "
            "Frozen chips? Over my dead body.\" And there he is at eighty-four, carving.")
    reply = compose(text)
    his = ("Frozen? Frozen chips?", "Over my dead body")
    assert all(w in reply for w in his) or not any(w in reply for w in his), reply
    assert reply.count("\u2018") == reply.count("\u2019"), reply


def test_a_line_of_realising_is_the_centre_and_is_asked_about_seeing_it() -> None:
    # What the person has only now seen is where they put the weight; a later plan for the
    # weekend is not, and the question asks what seeing it is like, not what it "holds".
    for text, seen, asked in (
            ("Inspection came back fine. Not one note. After a month of the inspectors in the "
             "staff room drinking all the tea, Gill came out and said \"all good\" and I had "
             "to sit in the car for ten minutes.\n\nI hadn't realised how much I'd been "
             "holding it. Slept badly for weeks. Tonight I'm having chips and a long bath and "
             "I'm not opening my emails until Monday. Maybe Tuesday.",
             "I hadn't realised how much", "see it"),
            ("La revisión salió bien. Ni una nota. Después de un mes de inspectores en la sala "
             "de profesores, Gema salió y dijo \"todo bien\" y me tuve que sentar en el coche "
             "diez minutos.\n\nNo me había dado cuenta de lo mucho que lo estaba cargando. "
             "Esta noche pizza y un baño largo, y no abro el correo hasta el lunes. O el martes.",
             "No me había dado cuenta", "lo ves"),
    ):
        reply = compose(text)
        assert seen in reply.split("?")[0], reply
        assert asked in reply.rsplit("\u201d", 1)[-1], reply


def test_a_line_of_only_small_words_leans_on_the_line_before_across_a_break() -> None:
    # "Would I?" on its own line is an ellipsis of the question above it; quoted alone it
    # asks about nothing.
    text = ("Why am I not excited about the new job?\nIs it because I knew already?\n"
            "Would Dad be hurt if I said I wanted to turn it down?\nWould I?")
    assert "\u201cWould I?\u201d" not in compose(text)
    assert "wanted to turn it down? Would I?" in compose(text)


def test_both_of_those_are_true_gives_back_the_two_lines() -> None:
    text = ("Dear Sam,\n\nIt's quiet here since you left for Toronto. Your mum keeps laying four "
            "places at the table.\n\nI'm proud of you. I'm also a bit cross with you for being "
            "brave so far away. Both of those are true.\n\nLove, Dad")
    reply = compose(text)
    assert "I'm proud of you" in reply and "a bit cross with you" in reply, reply


def test_a_very_short_opening_takes_the_short_line_that_answers_it() -> None:
    # "Nichts geschafft. Auch gut.": the second line is what the person makes of the first.
    reply = compose("Heute nichts geschafft. Auch gut. Morgen um neun zum Arzt.")
    assert "Auch gut" in reply.split("?")[0], reply
    assert "Morgen" not in reply, reply


_CONCERT = ("Concert done. Writing this in the car park because I'm too wired to drive yet.\n\n"
            "Logistics: arrived at six, the heating was off so we sang in our coats. Bernadette "
            "lost her folder and had to share with me, which meant holding mine at an angle the "
            "whole first half, and now my wrist hurts.\n\n"
            "And Mum was there. Fourth row, in the green coat. She never came to anything when "
            "I was growing up. She'd bought a programme and folded it into her handbag, the way "
            "she keeps things.\n\n"
            "I'm 46 years old and I'm sitting in the car crying about a programme.\n\n"
            "Right. Driving home now.")


def test_a_last_paragraph_that_leaves_the_page_hands_the_landing_to_the_one_before() -> None:
    """"Right. Driving home now." is the person getting up to go; the line before it is where
    the entry lands. (And a body's ache, "now my wrist hurts", is not a feeling's weight.)"""
    centre = _centre(_CONCERT)
    assert "crying about a programme" in centre
    assert "Driving home" not in compose(_CONCERT)
    assert "wrist" not in compose(_CONCERT)


def test_a_short_coda_that_is_the_entrys_last_word_stays_where_it_lands() -> None:
    text = ("Found the old photo album at Mum's while looking for the insurance papers.\n\n"
            "There's one of me, maybe eight, asleep on Dad's chest, and he's asleep too.\n\n"
            "Mum took that one back out and looked at it herself for a bit before she gave it to me.\n\n"
            "Didn't find the insurance papers.")
    toks = tokenize(text)
    r = read(text, toks)
    last = max(r.moments, key=lambda m: m.last)
    assert "insurance papers" in text[toks[last.first].start : toks[last.last - 1].end]
    before = [m for m in r.moments if m.last < last.first]
    assert last.score >= max(m.score for m in before) - 1.0  # still weighed as a landing line


def test_an_announcement_of_its_own_heralds_the_next_paragraphs_loudest_line() -> None:
    """"Mas no meio disso tudo aconteceu uma coisa que eu quero guardar." in a paragraph of
    its own heralds the story after it, whose first line is only its setting."""
    text = ("Dia puxado. Três aulas seguidas, um projetor que não liga desde março, reunião que "
            "durou duas horas pra decidir a cor do cartaz.\n\n"
            "Mas no meio disso tudo aconteceu uma coisa que eu quero guardar.\n\n"
            "No intervalo a diretora trouxe a professora nova pra apresentar pra gente. Ela olhou "
            "pra mim e disse que foi na minha aula que ela entendeu que era capaz. Eu não lembrava "
            "da bolacha. Ela lembrava de tudo.\n\n"
            "Amanhã vou levar bolacha Maria pra ela.")
    centre = _centre(text, "pt")
    assert "quero guardar" not in centre
    assert "No intervalo a diretora" not in centre
    reply = compose(text)
    assert "quero guardar" not in reply



def test_a_line_that_holds_two_feelings_at_the_same_time_weighs_as_a_turn() -> None:
    """"Und gleichzeitig zähle ich die Tage. Beides.": the person says the mix themselves, a
    turn like "und doch"; read blind, the line before it was quoted alone ("Ich vermisse
    meine Arbeit"), one side of the two. (An entry of the blind sets.)"""
    text = 'Elternzeit, Woche sieben. Emil ist neun Monate alt und hat heute zum ersten Mal „Papa" gesagt. Zumindest hat er „babababa" gesagt und dabei auf mich gezeigt, und ich entscheide, dass das zählt. Ich habe es sofort Lena ins Büro geschrieben, mit sechs Herzen, und sie hat geantwortet „der sagt das auch zur Waschmaschine", was leider stimmt.\n\nIch hatte mir diese Monate anders vorgestellt. Irgendwie heldenhafter. Ich dachte, ich bin der moderne Vater, ich schiebe den Kinderwagen durch den Park, alle finden das toll. In Wahrheit schiebe ich den Kinderwagen durch den Park und die Mütter auf dem Spielplatz in der Körnerstraße sind freundlich, aber ich stehe immer so ein bisschen am Rand, wie der neue Kollege in der Kantine. Sie reden über Beikost und Kitaplätze und ich nicke und weiß nicht, ob ich mitreden darf. Eine hat mich letzte Woche gefragt, ob ich „heute babysitte". Ich habe gesagt: Nein, ich bin sein Vater. Sie meinte es nicht böse. Trotzdem.\n\nUnd ehrlich: es ist oft langweilig. Das sagt niemand laut. Der zehnte Durchgang mit dem Stapelturm, das fünfte Mal Brei vom Boden wischen, die Stunden zwischen elf und zwei, die sich anfühlen wie ein Flughafen ohne Flüge. Ich vermisse meine Arbeit. Ich vermisse es, Dinge fertig zu machen. Hier ist nie etwas fertig, man wischt, und dann ist es wieder dreckig.\n\nAber dann schläft er auf mir ein, nach dem Mittagsbrei, mit dieser kleinen Faust an meinem Hemd, und ich merke, dass ich in der Arbeit nie so ruhig war. Nie. Ich habe heute fast zwei Stunden einfach auf dem Sofa gelegen und seinen Atem gezählt, und das war vielleicht das Sinnvollste, was ich dieses Jahr gemacht habe.\n\nNoch fünf Wochen. Ich glaube, ich werde sie vermissen, noch bevor sie vorbei sind. Und gleichzeitig zähle ich die Tage. Beides. Gute Nacht, Emil. Babababa.\n'
    assert "gleichzeitig zähle ich die Tage" in compose(text)


def test_a_last_paragraph_of_plans_hands_the_landing_to_the_story_before_it() -> None:
    """"Amanhã tem aula de novo. Vou levar a sombrinha do meu neto." is the person turning to
    tomorrow after the story is told; periphrastic futures ("vou", "voy a", "je vais", "ich
    werde") are plans, as "going to" is."""
    text = ("Hoje choveu forte e mesmo assim eu fui pra escola. Cheguei molhada até a alma.\n\n"
            "Eu tenho setenta e um anos. Comecei na turma de leitura em fevereiro.\n\n"
            "No ônibus, na volta, eu olhei pela janela e li as placas sem soletrar. Foi como se "
            "alguém abrisse uma janela numa casa fechada há setenta anos.\n\n"
            "Amanhã tem aula de novo. Vou levar a sombrinha do meu neto.")
    toks = tokenize(text)
    r = read(text, toks, "pt")
    assert r.centre is not None
    centre = text[toks[r.centre.first].start : toks[r.centre.last - 1].end]
    assert "sombrinha" not in centre and "Amanhã" not in centre
    assert "sombrinha" not in compose(text)


def test_not_about_to_is_no_reframing() -> None:
    """"I'm not about to …" is a refusal, not what something was about."""
    text = ("Long shift. I'm not about to cook tonight, so it's toast. The new rota is out and "
            "I've got three Sundays in a row, which I genuinely hate.")
    assert "three Sundays in a row" in _centre(text, "en")


def test_a_question_answered_at_once_with_what_the_writer_would_do_is_not_left_open() -> None:
    """"What would I tell Dana? I'd tell her to go." is settled: the reply does not call it
    a question the person cannot put down."""
    text = ("Is 52 too late to retrain as a plumber? The course at the college is eighteen "
            "months. What would I say to Dana if she asked me this? I'd tell her to go for it, "
            "obviously, she'd be brilliant.\n\nOpen evening is on the 9th. I'm going to go.")
    assert read(text, None, "en").asking is False


def test_a_statement_with_a_tag_is_not_the_question_the_writer_holds() -> None:
    text = ("Started the evening course tonight. I'm the oldest there by a decade, but that's "
            "fine, right? The teacher put my drawing up on the board as the example and I went "
            "red to my ears.")
    assert "that's fine, right" not in _centre(text, "en")


def test_a_quote_cut_at_a_clause_does_not_open_on_its_link_word() -> None:
    """"…when I saw him, but I did the reverse park perfectly, …": quoted from "but" the line
    reads as cut mid-way; the writer's own clause is quoted from "I"."""
    text = ("PASSED. Second try. The examiner was the same grumpy man as last time and I nearly "
            "cried when I saw him in the waiting room, but I did the reverse park perfectly, like "
            "actually perfectly, and he said nice, which from him is basically a standing ovation "
            "and a medal.")
    reply = compose(text)
    assert "\u201cbut I did" not in reply


def test_a_day_kept_short_that_curses_is_not_asked_what_to_keep() -> None:
    """"Milano, ti odio." ends a day judged, not only kept: "Che cosa ne terresti?" read blind as
    upbeat against its tone."""
    text = "Riunione, riunione, call. Panino al volo. Tram fermo mezz'ora. Milano, ti odio. Domani uguale."
    assert "terresti" not in compose(text)


def test_the_dutch_question_to_the_one_answered_asks_what_the_writer_would_have_said() -> None:
    """"Wat had je tante graag hardop gezegd?" reads as what the aunt would have said."""
    from pathlib import Path

    import yaml

    nl = Path(__file__).resolve().parents[2] / "constitution" / "mirrorback" / "nl.yaml"
    frames = yaml.safe_load(nl.read_text("utf-8"))["frames"]
    assert all("{name} graag" not in q for q in frames["ask_retort"])


# The person says where the heart is, and the reply looks there: what it was not about hands
# the weight to what it was ("It wasn't about the towels."), a why said with a full stop is
# the question they are left with, "this is the actual reason I'm writing", "the thing I
# remember most", "I keep thinking".
@pytest.mark.parametrize(("text", "language", "heart"), [
    ("Argued with Priya over the towels again, the wet ones on the bed. Went for a walk "
     "round the block to cool off and it was freezing. It wasn't about the towels. I've "
     "been doing every bit of the wedding planning on my own and nobody has noticed. "
     "Made tea when I got back and we watched the quiz.",
     "en", "every bit of the wedding planning"),
    ("Snapped at Tomasz about the recycling this morning and then apologised on the stairs. "
     "The bus was late and the office heating was off all day. It's not about the "
     "recycling, it's about feeling like the only adult in the flat. Pasta for tea.",
     "en", "only adult in the flat"),
    ("Heute wieder Streit mit Jonas wegen der Spülmaschine. Danach war ich beim Bäcker und "
     "habe zu viel Kuchen gekauft. Es ging nicht um die Spülmaschine. Ich fühle mich seit "
     "dem Umzug in dieser Stadt einfach fremd. Abends noch Tatort geschaut.",
     "de", "fremd"),
    ("Packed lunches, school run, a full day of audit calls. Why do I always say yes to "
     "everything. Picked the kids up at six and we had fish fingers, and Maya told a long "
     "story about a worm.",
     "en", "Why do I always say yes"),
    ("Week three in the new flat. Work is fine, the team is friendly, the commute is "
     "twenty minutes and the rent is less than I feared.\n\nBut tonight, and this is the "
     "actual reason I'm writing, the woman at the launderette asked if I was settling in "
     "and remembered my name from last Sunday.\n\nBins go out on Thursdays here. Noted.",
     "en", "launderette"),
    ("Rosa asked for a photo of the wedding for the family wall, so I got the album down. "
     "The dress was my sister's, taken in at the waist, and the cake leaned.\n\nThe thing I "
     "remember most, funny enough, isn't his face. It's my hands.\n\nI'll send "
     "her the one by the church door. The light is good in that one.",
     "en", "hands"),
    ("Missed Dev's birthday. Saw the photos from the pub on my phone, him in a paper "
     "crown, while I was at home with a documentary about bridges. Sent a long voice "
     "note and he sent back a thumbs up. I keep thinking I've been treating him like "
     "furniture, always there and never looked at. Ringing him Saturday.",
     "en", "treating him like furniture"),
])
def test_the_line_the_writer_points_at_is_the_centre(text: str, language: str, heart: str) -> None:
    assert heart in _centre(text, language)


def test_a_list_of_what_was_done_is_not_asked_what_to_cross_off() -> None:
    """"- paid council tax / - finally texted Jess back" is the day kept, not errands: "Which
    would you be relieved to cross off first?" of it was read blind as not having read it."""
    text = "- dentist, all fine!\n- paid the water bill\n- finally rang Aunt Sue back\n- forgot the recycling. Again."
    for version in range(4):
        assert "cross off" not in compose(text, version=f"v{version}")
    # (a to-do list is asked which item is more than an errand; "which would you be relieved to
    # cross off first?" was read blind as task triage of a carer's list, and is no longer asked)
    todo = "To do:\n- ring the dentist\n- pay the water bill\n- book the vet for Pepper\n- renew car insurance"
    assert all(("more than an errand" in compose(todo, version=f"v{v}")
                or "sits with you longest" in compose(todo, version=f"v{v}"))
               and "cross off" not in compose(todo, version=f"v{v}") for v in range(6))


@pytest.mark.parametrize(("text", "language", "held"), [
    pytest.param("Work was busy, the printer jammed twice and I ate lunch at my desk. Dad rang about the "
     "boiler. He drove me to school every day for six years and barely said a word. I used to "
     "think he was cold. It took me till I was forty to see that the lifts were how he said it.",
     "en", "I used to think he was cold. It took me till I was forty to see that the lifts were how he said it", id="belief overturned"),
    pytest.param("Night shift again. I used to think being alone in the warehouse was peaceful. It isn't. "
     "It's just loud in a different way. Scanned four hundred boxes and the radio kept cutting "
     "out and the vending machine ate my pound.",
     "en", "I used to think being alone in the warehouse was peaceful. It isn't. It's just loud in a different way", id="belief overturned"),
    pytest.param("Zawsze myślałam, że ogród babci to tylko chwasty i agrest. Teraz widzę, że każdy krzak "
     "posadziła dla kogoś z nas. Potem odkurzanie, pranie i telefon do pani z banku o kartę.",
     "pl", "Teraz widzę, że każdy krzak posadziła dla kogoś z nas", id="belief overturned"),
    pytest.param("Cousins' barbecue at Aunt Pat's. Burgers, the usual arguments about the football, the kids "
     "in the paddling pool. I'm glad we went. I just didn't expect to feel so far away from people "
     "who live twenty minutes up the road. Drove home with the radio off.",
     "en", "I just didn't expect to feel so far away", id="caught unready"),
    pytest.param("Entregué las llaves del piso de mamá. El casero fue amable, revisó los enchufes, firmamos. "
     "No me esperaba llorar por una cocina con los azulejos rotos. Luego compré pan y volví a casa.",
     "es", "No me esperaba llorar por una cocina", id="caught unready"),
    pytest.param("Another row with Dan over the dishwasher. It's not about the dishwasher. He's kind, he's "
     "patient, I know he tries. It's about always being the one who notices what needs doing. Bed.",
     "en", "It's about always being the one who notices", id="about, two lines on"),
    pytest.param("Kłótnia z Markiem o zmywarkę. Nie chodzi o zmywarkę. Marek jest dobry, cierpliwy, wiem, że "
     "się stara. Chodzi o to, że zawsze to ja wszystko zauważam. Idę spać.",
     "pl", "Chodzi o to, że zawsze to ja wszystko zauważam", id="about, two lines on"),
])
def test_the_line_where_the_writer_says_the_heart_is_is_the_centre(text: str, language: str, held: str) -> None:
    # Where the writer's view turned ("I used to think he was cold. It took me till I was
    # forty to see …"), what caught them unready ("I just didn't expect …"), and what it was
    # about when the line after the denial only goes on with it ("It's not about the
    # dishwasher. He's kind … It's about …"): each is where the writer says the heart is,
    # not the errands around it.
    assert held in _centre(text, language)


def test_a_belief_that_the_next_line_only_goes_on_with_is_no_turn() -> None:
    # "She never once said she was proud" continues the belief; it does not overturn it.
    text = ("Cleared Mum's sewing room with Paul. I always thought of her as not very "
            "sentimental. She never once said she was proud of anything. Then, under the cutting "
            "table, a notebook of every dress she ever made me, with the prices. I sat on the floor "
            "for an hour.")
    centre = _centre(text)
    assert "She never once said" not in centre
    assert "I always thought of her" not in centre


def test_a_belief_in_a_clause_about_something_else_is_no_belief_of_the_entry() -> None:
    # "which I used to think was beautiful" describes the sea; quoting from "I used to think"
    # would cut the sentence inside its clause.
    text = ("Third week at sea. The water is grey and the sky is the same grey, which I used to "
            "think was beautiful when I first started sailing. Now it just looks like waiting. "
            "Jomar lost at cards to the cook again and took it very personally.")
    reply = compose(text)
    assert "\u201cI used to think was beautiful" not in reply


def test_a_surprise_in_a_clause_about_something_else_is_a_remark() -> None:
    # "loved it in a way I didn't expect" describes the weeding; "I didn't expect much" is
    # expecting little. Neither is where this entry's heart is.
    text = ("Took over Dad's allotment. Spent three hours weeding and loved it in a way I didn't "
            "expect. I didn't expect much from the beans. His old flask was still in the shed, "
            "with his initials scratched in the lid, and I sat on his bucket and cried.")
    assert "flask" in _centre(text)


def test_a_fixed_pair_is_never_cut_in_the_question() -> None:
    # "facevo su e giù ogni mese": cut at its "e", the question asked after "giù ogni mese
    # per papà" (read blind: cut mid-phrase).
    text = ("Litigata con Paolo per la casa al mare. Lui vuole venderla subito. Lui che non ci ha "
            "messo piede per anni mentre io facevo su e giù ogni fine settimana per la mamma.")
    assert "\u201cgiù" not in compose(text)


def test_a_line_pointing_back_from_its_first_word_is_quoted_with_what_it_points_at() -> None:
    # "That's the question I keep coming back to." said alone is no moment: "that" is the
    # line before it.
    text = ("Retired in March. The house is very quiet in the mornings. After lunch I sat with the "
            "radio off and thought, right, what now.\n\nThat's the question I keep coming back to. "
            "The garden is done. The shed is tidy.")
    centre = _centre(text)
    assert "what now" in centre and "That's the question" in centre


def test_a_pointer_followed_only_by_that_and_a_hedge_points_back() -> None:
    # "Keep thinking about that for some reason": "that" is the line before, and "for some
    # reason" adds nothing to point at.
    text = ("Drove Maya to her first shift at the café. She was nervous and pretended not to be. "
            "I taught her to ride a bike on Cedar Close. Keep thinking about that for some reason. "
            "Then the big shop and the bins.")
    centre = _centre(text)
    assert "Cedar Close" in centre and "for some reason" in centre


def test_a_list_item_said_again_is_no_errand() -> None:
    # "- stop checking his Instagram. actually stop": the item the writer says again is not
    # asked which to cross off first, as an errand would be (read blind: "treating
    # heartbreak as a chore").
    text = "- post the parcel\n- renew the railcard\n- stop texting him first. actually stop\n- bins"
    reply = compose(text)
    assert "cross off" not in reply and "errand" not in reply


def test_things_still_to_do_are_not_asked_how_they_went() -> None:
    # "- tell Tom about the thing. or don't": a to-do list is no day kept; "How was that, in
    # the middle of it all?" asked after something that has not happened.
    text = "- ring the garage re: MOT (AGAIN)\n- Leo's inhaler\n- tell Priya about the thing. or don't\n- water bill??\n- sleep"
    assert "How was that" not in compose(text)


def test_a_tag_on_the_writers_own_question_is_not_asked_after() -> None:
    # "Genuine question." only marks the line before it as meant; asking what it carries
    # fixed on the tag and not on why he keeps saying yes (read blind: "mechanical").
    text = "Why do I keep agreeing to drive Dean to the airport. Genuine question. Fourth time this year."
    assert "\u201cGenuine question\u201d" not in compose(text)


def test_a_long_line_is_quoted_from_its_turn() -> None:
    # "… I never once took a sick day, and now I'm standing in the kitchen at two in the
    # morning pressing at my own oxter": quoted from its first clause, the reply asked about
    # the sick days and missed the fear (read blind: graded 2).
    text = ("Found a lump in my neck on Tuesday and the GP is sending me for a scan on the 19th. "
            "Told Anne it was a cholesterol check. Twenty-eight years driving the number 9 bus and "
            "I never once took a sick day, and now I'm sitting on the edge of the bath at three in "
            "the morning pressing at my own neck like it might tell me something.")
    assert _centre(text).startswith("now I'm sitting on the edge of the bath")


def test_that_was_the_whole_thing_points_past_a_line_of_small_words() -> None:
    """"… she said "see you Sunday, Grandad" through the car window. That was all. That was the
    whole thing.": the pointer, and the small line before it, point at the line before them,
    which is quoted and asked after (not "That was all")."""
    text = ("Drove up for the christening, four hours each way. The church was freezing and the "
            "vicar got the baby's name wrong twice, which nobody will forget.\n\n"
            "Lunch at the pub after, a lot of speeches, Kev's new girlfriend, the usual.\n\n"
            "When we left, Amara waved and said \"see you Sunday, Grandad\" through the car "
            "window. That was all. That was the whole thing.")
    reply = compose(text)
    assert "see you Sunday, Grandad" in reply
    assert "“That was all”" not in reply and "“That was the whole thing”" not in reply

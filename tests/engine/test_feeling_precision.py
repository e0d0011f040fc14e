"""A feeling is named only on evidence that it is the writer's, now. A wrong name is the
costliest thing a mirrorback can say ("gratitude" for a sarcastic "thanks", "anger" for a
love note whose partner dreamt he was cross): the reader knows at once they were not read.
These entries were written for the tests; each shape also occurs in other languages."""

from __future__ import annotations

import re

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "language", "wrong"), [
    # someone else's feeling aimed at the writer
    ("Tomás me ha preparado el desayuno. Me ha dicho que había soñado que yo lo dejaba y que "
     "se había despertado enfadado conmigo. Qué tonto es.", "es", "anger"),
    ("Grandad was so proud of me at the ceremony that he told the whole row.", "en", "pride"),
    ("Lotte is al dagen boos op mij om die verjaardag. Ik heb thee gezet en een boek gelezen.",
     "nl", "anger"),
    # a feeling of a day the entry remembers, with the entry back in the present
    ("Ho ritrovato il diario delle medie e una foto della gita. Mi ricordo tutto. Quanto mi ero "
     "arrabbiata quel giorno, per una gomma profumata! Adesso Sara e io siamo colleghe e ci "
     "prendiamo il caffè insieme.", "it", "anger"),
    ("Found the photo from the school play in a box. I was so furious that day, stuck in the "
     "donkey costume. Now it's on the fridge and the kids ask about it.", "en", "anger"),
    # "finally" is said of a bus or a form as often as felt
    ("J'ai enfin rempli le formulaire de la CAF. Ensuite courses, lessive, et un épisode de série.",
     "fr", "relief"),
    ("Heute endlich die Steuer gemacht, dann Wäsche, dann noch kurz zum Bäcker.", "de", "relief"),
    # two unrelated small events far apart are not a feeling
    ("Long day. I passed the old man who walks the greyhound, as every morning. Meetings until "
     "two. A printer jam. Sandwich at the desk. Got in at eight and Dad had left a message about "
     "his tomatoes. I listened to it twice. Anyway I'm tired.", "en", "pride"),
])
def test_a_feeling_that_is_not_the_writers_now_is_not_named(text: str, language: str, wrong: str) -> None:
    assert wrong not in read(text, None, language).feelings


@pytest.mark.parametrize(("text", "language", "right"), [
    ("Estaba enfadada conmigo misma por haber vuelto a contestarle así.", "es", "anger"),
    ("I was so angry with myself for snapping at Leo again.", "en", "anger"),
    ("Endlich die letzte Prüfung bestanden! Ich bin so erleichtert.", "de", "relief"),
    ("Mum's birthday would have been today. I made her soup. The kitchen is so quiet without her.",
     "en", "grief"),
])
def test_the_writers_own_feeling_is_still_named(text: str, language: str, right: str) -> None:
    assert right in read(text, None, language).feelings


@pytest.mark.parametrize(("text", "language"), [
    ("Dritte Woche, dass der Drucker jeden Morgen um acht streikt. Der Chef kam vorbei, schaute "
     "drauf und sagte „tja, Technik“. Danke, Herr Brandt, sehr hilfreich.", "de"),
    ("La reunión duró dos horas para decidir la fecha de otra reunión. Luego Carla me preguntó si "
     "había descansado. Sí Carla, gracias, descansé de pie en el metro.", "es"),
    ("Stood for fifty minutes on the train with my face in a stranger's rucksack. At my desk Ben "
     "asked if I'd had a nice commute. Yes Ben, lovely, thanks.", "en"),
    ("Regen op de heenweg, regen op de terugweg. Op kantoor vroeg Sanne of het buiten nat was. "
     "Nee Sanne, ik ben even door de gracht gezwommen.", "nl"),
])
def test_an_answer_to_someone_absent_is_read_as_dry(text: str, language: str) -> None:
    """A yes, no or thanks with a name set off by a comma, later in an entry, is the comeback
    nobody heard: never gratitude taken at its word."""
    r = read(text, None, language)
    assert r.sarcasm and "gratitude" not in r.feelings
    reply = compose(text)
    for word in ("gratitude", "Dankbarkeit", "gratitud", "dankbaarheid"):
        assert word not in reply


@pytest.mark.parametrize(("text", "language"), [
    ("Dear Dad, it's been a year. No, Dad, I still haven't sold your car. I drive it on Sundays.", "en"),
    ("Soup from Mum when I was ill all week. Thank you, Mum, for always knowing.", "en"),
    ("Lena hat mir einen Kuchen gebracht, einfach so. Danke, Lena, für diesen Nachmittag.", "de"),
])
def test_a_letter_or_a_thanks_for_something_is_not_irony(text: str, language: str) -> None:
    assert not read(text, None, language).sarcasm


@pytest.mark.parametrize(("text", "name"), [
    ("Stood for fifty minutes on the train with my face in a stranger's rucksack. At my desk Ben "
     "asked if I'd had a nice commute. Yes Ben, lovely, thanks.", "Ben"),
    ("Regen op de heenweg, regen op de terugweg. Op kantoor vroeg Sanne of het buiten nat was. "
     "Nee Sanne, ik ben even door de gracht gezwommen.", "Sanne"),
    ("La reunión duró dos horas para decidir la fecha de otra reunión. Luego Carla me preguntó si "
     "había descansado. Sí Carla, gracias, descansé de pie en el metro.", "Carla"),
])
def test_the_question_turns_to_the_one_answered(text: str, name: str) -> None:
    """The comeback is asked about in its own key, with the person's name: not a stock
    question about what "got to you"."""
    question = compose(text).rsplit(". ", 1)[-1]
    assert name in question and question.endswith("?")


def test_an_anniversary_of_someone_is_grief_and_of_a_move_is_not() -> None:
    assert "grief" in read("Two years today since Mum. Made her soup and ate it by the window.").feelings
    assert "grief" not in read("Three years today since my sister moved to Lisbon. We call on Sundays.").feelings


@pytest.mark.parametrize(("text", "language", "wrong"), [
    # love said of a thing is a manner of speaking, and as often irony
    ("Três horas no trânsito e uma reunião que podia ser um email. Amo minha vida corporativa, "
     "juro. Pelo menos tocou Caetano no rádio.", "pt", "love"),
    ("Forty minutes late again and standing all the way. I love my commute.", "en", "love"),
    # remembering, or losing a thing, is not nostalgia or confusion
    ("Esqueci-me do jantar da Marta. Só me lembrei quando vi as fotos. Amanhã levo-lhe um bolo.",
     "pt", "nostalgia"),
    ("Journée pénible. J'ai perdu mes clés dans le bus et le serrurier est venu à 22h.", "fr",
     "confusion"),
    # exasperation said fondly is not rage
    ("Mio padre ha riparato la bici con il nastro adesivo, di nuovo. Mi fa impazzire. Gli voglio "
     "bene.", "it", "anger"),
])
def test_a_word_said_of_a_thing_names_no_feeling(text: str, language: str, wrong: str) -> None:
    assert wrong not in read(text, None, language).feelings


def test_the_writers_love_for_someone_is_still_named() -> None:
    assert "love" in read("I love my sister so much it hurts sometimes. She drove four hours "
                          "just to bring me soup.").feelings


def test_an_apostrophe_s_is_not_the_irony_mark() -> None:
    """ "/s" marks irony; the "s" of "Marisol's" is not it."""
    text = ("Sunday lunch at Marisol's, the whole family. Best part was sitting on the back step "
            "with Lupe after, eating the broken biscuits. Quiet for once.")
    assert not read(text).sarcasm
    assert read("Three meetings, lunch at four, and the printer ate my report. /s").sarcasm


def test_a_last_trip_to_the_vet_is_grief() -> None:
    text = ("Took Mabel to the vet for the last time this morning. Fourteen years. I'm glad I was "
            "holding her. The flat is so quiet. I keep hearing her on the stairs.")
    assert "grief" in read(text).feelings


def test_like_every_year_is_no_likeness() -> None:
    text = ("Made the Christmas pudding with Gran like every year and she still won't tell me the "
            "secret. Stirred it three times for luck.")
    assert "\u201clike every year\u201d" not in compose(text)  # never held up as a picture


def test_an_english_irony_tag_is_read_in_any_language() -> None:
    text = ("Nachbar bohrt seit sieben Uhr, und warmes Wasser gibt es auch keins. Kaffee aus dem "
            "Wasserkocher, Haare waschen mit dem Wasserkocher. #dankbarkeit #blessed")
    r = read(text, None, "de")
    assert r.sarcasm and "gratitude" not in r.feelings


@pytest.mark.parametrize("text", [
    "Visa approved. 143 days of checking that stupid portal and it came at 6am. Called Mum, she cried.",
    "Heart did that skipping thing again at my desk. Probably the coffee. Walked round the block.",
])
def test_a_number_or_a_body_word_is_no_praise_for_irony(text: str) -> None:
    assert not read(text).sarcasm


def test_a_feeling_word_inside_an_idiom_names_nothing() -> None:
    text = ("Der Huber hat wieder so getan, als wär die Idee seine gewesen. Ich hätt ihm am "
            "liebsten den Kaffee übers Hemd geschüttet.")
    assert "love" not in read(text, None, "de").feelings


def test_behaving_is_not_pride() -> None:
    """Italian "fare la brava" is "to behave"; "brava" alone still praises."""
    text = ("Giulia è partita stamattina per Berlino. In stazione ho fatto la brava, niente "
            "lacrime. Poi a casa c'era il suo cappotto sull'attaccapanni.")
    assert "pride" not in read(text, None, "it").feelings


@pytest.mark.parametrize(("text", "language"), [
    ("Fahrprüfung bestanden! Mama hat mir ihren alten Polo überlassen. Morgen fahr ich allein "
     "zur Arbeit. Nur zur Arbeit. Aber allein.", "de"),
    ("Permis obtenu ! Demain je vais au marché toute seule. Juste au marché. Mais seule.", "fr"),
])
def test_alone_as_by_myself_is_not_loneliness(text: str, language: str) -> None:
    assert "loneliness" not in read(text, None, language).feelings


@pytest.mark.parametrize(("language", "text", "never"), [
    ("en", "Told everyone at dinner I'm fine with them selling the cottage. I'm glad for them, "
     "honestly. They deserve the sea. But I drove the long way round so I wouldn't pass it.",
     "joy"),
    ("pt", "O Rui conseguiu a vaga em Lisboa. Tô feliz por ele, de verdade. Mas bem que podia ser "
     "aqui.", "alegria"),
    ("it", "All'aeroporto sono stata bravissima, tutta sorrisi, sono fiera di me. Ma poi a casa "
     "ho visto la sua tazza nel lavandino e mi sono seduta per terra.", "orgoglio"),
])
def test_a_feeling_the_entry_turns_away_from_is_not_named(language: str, text: str, never: str) -> None:
    # The entry lands on "But …": the gladness before it was the brave face, not the feeling.
    assert read(text, None, language).feelings == ()
    for version in range(4):
        assert never not in compose(text, version=f"v{version}").lower()


def test_a_turn_is_quoted_with_the_line_it_turns_against() -> None:
    # Both sides in the person's words: "I still mostly resent it. But I'd never have met
    # Dolores otherwise", not the turn alone with its set-up asked about in a second voice.
    text = ("Closed the shop at nine again. Counted the till twice because I was too tired to "
            "trust myself. I've worked Saturdays for three years and I still mostly resent it. "
            "But I'd never have met Dolores otherwise.")
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert ("\u201cI've worked Saturdays for three years and I still mostly resent it. "
                "But I'd never have met Dolores otherwise\u201d") in reply, reply


def test_two_feelings_are_never_read_as_one() -> None:
    # "Tiredness and anger runs through this": two named feelings take the frames for two.
    text = "Pete left me to close on my own again. I'm exhausted and furious."
    replies = [compose(text, version=f"v{i}") for i in range(8)]
    assert all("tiredness" in r.lower() and "anger" in r.lower() for r in replies), replies
    for reply in replies:
        assert not re.search(r"\w+ and \w+ (?:runs|is|sits) ", reply), reply


@pytest.mark.parametrize(("language", "text", "never"), [
    ("nl", "Morgen komt de uitslag van mijn tentamen. Ik heb de hele avond de site ververst. Mijn "
     "broer zegt dat ik het zeker gehaald heb omdat ik na afloop zo vrolijk was. Ik ga proberen "
     "te slapen, lukt toch niet.", "vreugde"),
    ("it", "Il gatto era fierissimo del topo che mi ha portato alle sei del mattino. Ho pulito il "
     "tappeto per mezz'ora. Ne valeva la pena? Purtroppo sì.", "orgoglio"),
])
def test_a_gladness_found_only_outside_the_quoted_line_is_not_named_beside_it(
        language: str, text: str, never: str) -> None:
    # Without a sentiment lexicon to weigh the quoted moment, it may be the other side of
    # the gladness: "joy" over a sleepless wait for results reads as not having listened.
    for version in range(4):
        assert never not in compose(text, version=f"v{version}").lower()


def test_a_comeback_from_someone_who_says_they_are_furious_is_anger_not_irony() -> None:
    # The answer to someone absent is read as dry ("Nee Wouter, …"); but a writer who says
    # outright that it made them furious is angry, and "said dryly" would belittle it.
    text = ("Priya moved the team dinner to Friday without asking anyone. \"It's just easier for "
            "everyone.\" No, Priya, it's easier for you, because Friday is the one night I have "
            "the kids. What made me furious was Dan nodding along. I drafted a reply and deleted it.")
    r = read(text)
    assert not r.sarcasm and r.feelings == ("anger",) and r.retort == "Priya"
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert "anger" in reply.lower() and "dry" not in reply.lower(), reply
        assert "Priya" in reply.rsplit("\u201d", 1)[-1], reply  # asked about the one answered


@pytest.mark.parametrize(("language", "text", "both"), [
    ("it", "Giulia è stata presa a Bologna. Ho urlato più di lei. Sono orgogliosissima e ho un nodo "
     "in gola, tutte e due le cose insieme.", ("orgoglio", "tristezza")),
    ("de", "Mia hat heute ihr Zeugnis bekommen, lauter Einsen. Ich bin so stolz und habe trotzdem "
     "einen Kloß im Hals, weil Papa das nicht mehr sieht.", ("stolz", "traurigkeit")),
])
def test_a_lump_in_the_throat_beside_pride_is_both(language: str, text: str, both: tuple[str, str]) -> None:
    # "Un nodo in gola", "ein Kloß im Hals": the other side of a proud day, said as the body
    # says it; naming the pride alone keeps one side and loses the other.
    reply = compose(text).lower()
    assert all(word in reply for word in both), reply


@pytest.mark.parametrize(("language", "text", "never"), [
    ("fr", "J'AI EU MON PERMIS. Papa avait mis une cravate, je l'avais jamais vu en cravate hors "
     "enterrement. On a fêté ça au resto, c'était trop bien.", "deuil"),
    ("en", "Graduation day! Grandad wore a suit, which he never does except at funerals. We had "
     "chips on the pier after and it was perfect.", "grief"),
])
def test_a_funeral_named_as_a_rules_exception_is_no_ones_loss(language: str, text: str, never: str) -> None:
    for version in range(4):
        assert never not in compose(text, version=f"v{version}").lower()


def test_can_t_wait_after_something_going_wrong_is_irony() -> None:
    text = "Boiler broke again, no hot water till Thursday, landlord not answering. Can't wait."
    assert read(text).sarcasm
    assert "hope" not in compose(text).lower()


def test_a_label_in_capitals_is_said_back_as_written() -> None:
    text = ("Cleared Grandad's shed with my brother. Jam jars of screws in his capitals. We laughed "
            "at DO NOT TOUCH on a jar of perfectly good nails, and then we didn't.")
    replies = [compose(text, version=f"v{i}") for i in range(6)]
    assert not any("do not touch" in r for r in replies), replies


@pytest.mark.parametrize(("text", "sides"), [
    ("Dropped Jamie at uni today. I'm so proud of him I could burst. The house is already too "
     "quiet. Both at once.", ("I'm so proud of him I could burst", "The house is already too quiet")),
    ("Mama is verhuisd naar het verzorgingshuis. Ik ben echt opgelucht. Maar het voelt ook alsof ik "
     "haar heb weggebracht. Allebei tegelijk.", ("Ik ben echt opgelucht",
                                                 "Maar het voelt ook alsof ik haar heb weggebracht")),
    ("Oggi Marta ha firmato il contratto a Milano. Sono felicissima per lei. Mi mancherà da morire. "
     "Tutte e due le cose insieme.", ("Sono felicissima per lei", "Mi mancherà da morire")),
])
def test_both_at_once_said_by_the_writer_keeps_both_lines(text: str, sides: tuple[str, str]) -> None:
    # The person names the mix themselves: both lines are given back, neither favoured, and
    # no single feeling is named over the other.
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert all(side in reply for side in sides), reply
        assert not any(w in reply.lower() for w in ("pride", "relief", "opluchting", "gioia")), reply


@pytest.mark.parametrize(("language", "text", "feeling"), [
    ("pt", "Que alívio. A biópsia veio limpa e eu fiquei sentada no carro dez minutos.", "relief"),
    ("it", "Che rabbia. Il treno delle 7:40 soppresso per la terza volta questa settimana.", "anger"),
    ("nl", "Wat een opluchting. Het contract is verlengd tot de zomer.", "relief"),
    ("pl", "Co za ulga. Mama jest już w domu po operacji.", "relief"),
])
def test_an_exclamation_of_the_writers_own_names_its_feeling(language: str, text: str, feeling: str) -> None:
    # "Que alívio.", "Che rabbia.", "What a relief.": the writer's exclamation, not the story's.
    assert feeling in read(text, None, language).feelings


def test_a_title_before_a_name_does_not_end_the_quote() -> None:
    # "la Dra. Sônia", "il dott. Bellini": the stop ends an abbreviation, not a sentence.
    text = ("Terapia com a Dra. Sônia, que eu finalmente achei depois de três tentativas. "
            "Hoje ela disse que eu falo de mim como se fosse de outra pessoa.")
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert "\u201cS\u00f4nia" not in reply and "\u201cSônia" not in reply, reply


@pytest.mark.parametrize("text", [
    "Got the keys to our first flat today. #blessed",
    "Ana had the baby, 3.2 kg, both fine. #blessed #family",
])
def test_a_tag_after_good_news_is_sincere(text: str) -> None:
    # "#blessed" is irony after a complaint, not after keys to a first flat.
    assert not read(text).sarcasm
    assert "dry" not in compose(text)


@pytest.mark.parametrize(("language", "text"), [
    ("de", "ICE nach Köln: +50 Minuten, Klimaanlage kaputt, mein Wagen fehlt. Stehe im Gang. "
           "#DeutscheBahn #danke"),
    ("es", "Tren cancelado otra vez, dos horas en el andén con la maleta. #genial #renfe"),
])
def test_praise_tagged_on_after_what_went_wrong_is_irony(language: str, text: str) -> None:
    assert read(text, None, language).sarcasm


@pytest.mark.parametrize(("language", "text", "named"), [
    ("it", "Zia Rosa ha compiuto novant'anni!!! Pranzo in giardino, trenta persone, lei ha ballato "
     "con il sindaco.", "gioia"),
    ("nl", "Ons eerste huis!!! Sleutels om vier uur opgehaald, op de kale vloer patat gegeten.", "vreugde"),
    ("en", "Harriet took her first steps today!! Three of them, from the sofa to the dog.", "joy"),
])
def test_good_news_shouted_at_the_start_is_joy(language: str, text: str, named: str) -> None:
    assert named in compose(text).lower()


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Flat tyre on the motorway AGAIN!! Two hours on the hard shoulder."),
    ("it", "Il treno è in ritardo di nuovo!!! Due ore ferma a Bologna, sono furiosa."),
])
def test_a_shouted_complaint_is_not_joy(language: str, text: str) -> None:
    assert "joy" not in read(text, None, language).feelings


@pytest.mark.parametrize(("language", "text"), [
    # (not closed on "Estoy hasta el moño": fed up said plainly is anger, as "Estoy harta" is)
    ("es", "Tercera vez que voy a Tráfico y otra vez sin cita. Dos horas de cola para nada. "
           "Maravilloso. Mañana, vuelta a empezar."),
    ("nl", "Heerlijk hoor. Hele dag buiten gepland en om twee uur begon het te hozen. "
           "Met z'n allen in de schuur gestaan."),
    ("en", "Third letter from the insurer saying no. Appeal number four it is. Love that for us."),
])
def test_praise_standing_alone_beside_what_went_wrong_is_irony(language: str, text: str) -> None:
    r = read(text, None, language)
    assert r.sarcasm and not any(f in ("joy", "gratitude", "love") for f in r.feelings)


def test_a_smile_kept_up_for_hours_is_not_joy() -> None:
    # Smiling, like laughing or crying, is an act: "uśmiechać się przez dziewięć godzin" at an
    # ex's wedding is dread.
    text = ("Dostałam zaproszenie na ślub Pawła. Jak pojadę, będę siedzieć z jego ciotkami i "
            "uśmiechać się przez dziewięć godzin. Jak nie pojadę, wszyscy będą gadać.")
    assert "joy" not in read(text, None, "pl").feelings


@pytest.mark.parametrize(("language", "text", "never"), [
    ("es", "La boda de mi prima. Me entró la risa en plena misa y a ella también. Ya es leyenda "
           "familiar, me temo.", "miedo"),
    ("en", "Asked if the boiler could be fixed before the weekend. I'm afraid not, he said. Cold "
           "showers it is, and honestly it was funny by the third one.", "fear"),
])
def test_afraid_as_a_turn_of_phrase_is_no_fear(language: str, text: str, never: str) -> None:
    assert never not in compose(text).lower()


def test_a_sharp_word_said_of_something_else_is_no_self_judgment() -> None:
    # "the same stupid stuff" judges no one; "I'm so stupid" is said of the writer.
    fond = ("Met Jess for coffee after two years of not speaking. She still laughs at the same "
            "stupid stuff. Walking home felt lighter than it has in months.")
    own = "Forgot Mum's birthday again. I'm so stupid. She said it doesn't matter but it does."
    assert not any("harsh" in r or "sharp" in r for r in (compose(fond, version=f"v{i}") for i in range(8)))
    assert any("stupid" in r.rsplit("\u201d", 1)[0].split("\u201d")[-1] or "sharp" in r or "harsh" in r
               for r in (compose(own, version=f"v{i}") for i in range(8)))


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Dreamt I was late for a flight and my old teacher, who died years ago, was at the gate "
           "telling me to run. Woke up laughing."),
    ("en", "Mr Patel next door, whose wife died in spring, waved from his garden. I took him soup."),
    ("es", "Soñé con mi profesor, que murió hace años, corrigiéndome un examen en rojo. Qué risa."),
])
def test_a_death_told_in_passing_about_someone_is_not_the_entrys_grief(language: str, text: str) -> None:
    # "who died years ago", "whose wife died": who someone is, not the loss the entry is about.
    assert "grief" not in read(text, None, language).feelings


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Dad died two years ago today. I still set out his mug."),
    ("es", "Mi abuelo murió hace tres años y hoy encontré su reloj en un cajón."),
])
def test_a_death_in_the_entrys_own_clause_stays_grief(language: str, text: str) -> None:
    assert "grief" in read(text, None, language).feelings


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Soirée chez Léa. On était morts de rire pendant dix minutes, personne ne sait la fin du film."),
    ("pt", "Jantar com a turma do colégio. Morri de rir com as histórias do Caio."),
    ("nl", "Met Sanne naar de film. We lagen dood van het lachen om die hond."),
    ("pl", "Zebranie zarządu, trzy godziny. Umierałam z nudów do slajdu czterdziestego."),
    ("en", "Game night at Priya's. I nearly died laughing when the dog took the dice."),
])
def test_dying_of_laughter_or_boredom_is_not_a_death(language: str, text: str) -> None:
    # "morts de rire", "dood van het lachen": a way of saying how much; no grief is named.
    assert "grief" not in read(text, language=language).feelings


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Mum died of cancer in May. Today I found her reading glasses in the car."),
    ("en", "Dad died at 4am. I held his hand until the nurse came."),
])
def test_a_death_with_its_cause_or_hour_is_still_grief(language: str, text: str) -> None:
    assert read(text, language=language).feelings == ("grief",)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Maya's mom died Tuesday. I went over with a lasagna and there were already four in "
           "her fridge. I didn't know what to say."),
    ("es", "La madre de Lucía murió el martes. Fui a su casa con una tortilla y no supe qué decir."),
])
def test_a_friends_loss_is_not_named_as_the_writers_grief(language: str, text: str) -> None:
    assert "grief" not in read(text, language=language).feelings


def test_words_inside_polish_quotation_marks_are_someone_elses() -> None:
    # „i tu chciałbym podziękować …" is the chairman's sentence, closed with a plain mark.
    text = ('Zebranie, trzy godziny. Prezes powiedział: „i tu chciałbym podziękować pani Agnieszce". '
            "Zrobiłam się czerwona. Wieczorem zadzwoniłam do taty.")
    assert "longing" not in read(text, language="pl").feelings


def test_am_ende_as_a_time_is_not_exhaustion() -> None:
    # "Am Ende hat er gesagt …" is "in the end"; "Ich bin völlig am Ende" is exhaustion.
    assert read("Am Ende hat er gesagt, ich soll es korrigieren. Halt.", language="de").feelings == ()
    assert "tiredness" in read("Ich bin völlig am Ende.", language="de").feelings


@pytest.mark.parametrize("text", [
    "Counted today: I said no 41 times on the phones. Can I bring my emotional support iguana? "
    "I'm afraid not. Then an old lady told me about her grandson for ten minutes.",
])
def test_a_question_told_with_its_answer_is_not_one_the_writer_is_weighing(text: str) -> None:
    assert not read(text, language="en").asking
    assert "weighing" not in compose(text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Mum,\n\nPlanted the sweet peas today, the ones from your packet. The robin came and sat "
           "on the fork like he used to. You'd have said he was after the worms, not me."),
    ("fr", "Papi,\n\nJ'ai ressorti ton vieux vélo du garage. La chaîne grince toujours. Tu aurais "
           "ri de me voir pédaler avec tes gants trop grands."),
])
def test_a_letter_to_someone_saying_what_they_would_have_done_misses_them(language: str, text: str) -> None:
    assert read(text, language=language).feelings == ("longing",)


def test_a_letter_to_someone_present_is_not_longing() -> None:
    text = "Sam,\n\nThanks for the lift today. The soup was great. See you on Friday at the market."
    assert "longing" not in read(text, language="en").feelings


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Biopsy came back benign. Sat in the car park for twenty minutes before I could drive."),
    ("es", "La biopsia salió benigna. Me quedé en el coche veinte minutos antes de arrancar."),
    ("pl", "Wynik przyszedł: to nie rak. Siedziałam w samochodzie dwadzieścia minut."),
])
def test_news_that_it_is_not_cancer_is_relief(language: str, text: str) -> None:
    assert read(text, language=language).feelings == ("relief",)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "She hugged me across the gearshift and ran off. Stung a little and then didn't."),
    ("es", "Me dijo que no fuera. Me dolió un poco y luego no."),
    ("de", "Er hat wieder abgesagt. Erst war ich wütend, dann nicht mehr."),
])
def test_a_feeling_taken_back_in_the_same_breath_is_not_named(language: str, text: str) -> None:
    assert read(text, language=language).feelings == ()


def test_a_feeling_followed_by_what_happened_next_is_still_named() -> None:
    assert read("I was hurt and then I went home and made soup.", language="en").feelings == ("hurt",)


@pytest.mark.parametrize(("language", "text"), [
    ("it", "Sono quindici anni che lo guardo e non mi sono ancora stancata."),
    ("es", "Quince años con él y no me he cansado todavía."),
])
def test_a_feeling_denied_across_small_words_is_not_named(language: str, text: str) -> None:
    # "non mi sono ancora stancata": not tired of him after fifteen years, never "tiredness".
    assert "tiredness" not in read(text, language=language).feelings


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "Trein stond een uur stil bij Utrecht, daarna geannuleerd. Heerlijk hoor."),
    ("de", "Heizung wieder kaputt. Wunderbar, doch."),
])
def test_praise_with_a_particle_standing_alone_after_a_mishap_is_irony(language: str, text: str) -> None:
    # "Heerlijk hoor.": the particle beside the praise is what makes it dry.
    assert read(text, language=language).sarcasm


def test_love_said_of_a_state_of_affairs_is_not_tenderness() -> None:
    # "Love that my landlord 'fixed' the heater …": a manner of speaking, here irony; never
    # "there's real tenderness in that". Love of someone is still named.
    text = "Love that my landlord \"fixed\" the heater by telling me to wear a sweater. Innovative."
    assert "love" not in read(text, language="en").feelings
    assert "tenderness" not in compose(text)
    assert read("I love him so much. He drove four hours to bring soup.", language="en").feelings == ("love",)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Love a \"quick sync\" that runs ninety minutes and ends with another sync booked. "
           "Wrote one line of code today."),
    ("fr", "J'adore une réunion d'équipe qui finit à 19h un vendredi. Rentrée à 20h."),
])
def test_love_said_of_any_one_of_a_kind_is_not_tenderness(language: str, text: str) -> None:
    # "Love a …": a kind of thing, and here irony; tenderness is felt for someone.
    assert "love" not in read(text, language=language).feelings


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "reunião de uma hora pra decidir a cor do botão. o sistema de pagamento tá fora do ar "
           "desde ontem mas isso a gente vê depois. amo trabalhar em startup, é tudo muito dinâmico"),
    ("it", "Tre ore in coda in tangenziale e poi il capo mi chiede gli straordinari. Adoro "
           "lavorare qui, davvero."),
    ("es", "El vuelo salió con cuatro horas de retraso y perdieron mi maleta. Amo viajar en agosto."),
])
def test_love_said_of_something_done_is_not_tenderness(language: str, text: str) -> None:
    # "amo trabalhar em startup": love of a way of spending time, here irony; read as
    # tenderness it was graded the worst reply of its sheet.
    assert "love" not in read(text, language=language).feelings


@pytest.mark.parametrize(("language", "text", "never"), [
    ("fr", "Génial, le stage de yoga « pour se recentrer » m'a bloqué le dos. Je suis recentrée, "
           "oui, au milieu du salon, par terre.", "joie"),
    ("pt", "Maravilha, o vizinho decidiu aprender bateria. Aos 52 anos. Às 23h. Estou muito feliz "
           "pela jornada dele.", "alegria"),
    ("es", "Mi jefe me felicitó por mi actitud justo después de decirme que no hay aumento. Qué "
           "bien, qué alegría, voy a pagar el alquiler con actitud positiva.", "alegría"),
])
def test_praise_opening_a_report_is_never_taken_for_joy(language: str, text: str, never: str) -> None:
    # "Génial, …" followed by what went wrong is how irony is written; naming "joie" took it
    # literally. Said with an exclamation ("Génial ! J'ai eu mon permis") it stays joy.
    assert read(text, language=language).feelings == ()
    outside = re.sub("[\u201c\u00ab\u201e][^\u201d\u00bb\u201c]*[\u201d\u00bb\u201c]", "", compose(text))
    assert never not in outside.lower(), outside  # (the person's own words may hold it)
    assert "joy" in read("Génial ! J'ai eu mon permis du premier coup. Je suis tellement contente.",
                         language="fr").feelings


@pytest.mark.parametrize(("text", "both"), [
    ("Felice e triste insieme, non sapevo che si potesse così tanto. Oggi Marta si è laureata "
     "e papà non c'era.", ("gioia", "tristezza")),
    ("fiquei com raiva e feliz ao mesmo tempo. passei a noite inteira falando com ela.",
     ("raiva", "alegria")),
    ("Ich bin stolz und traurig zugleich. Der Kleine geht ab morgen allein zur Schule.",
     ("Stolz", "Traurigkeit")),
])
def test_two_feelings_said_in_one_breath_are_both_named(text: str, both: tuple[str, str]) -> None:
    # Naming only the first of "raiva e feliz" cut a mixed feeling in half.
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert all(name.lower() in reply.lower() for name in both), reply


@pytest.mark.parametrize(("language", "text", "joy"), [
    ("nl", "Geweldig nieuws van de garage: de auto is \"bijna klaar\". Dat was hij vorige maand "
           "ook al. Vandaag kwam de monteur om elf uur in plaats van negen en vertrok na een "
           "kwartier. Ik ben zo blij met deze mensen.", "vreugde"),
    ("pl", "Wspaniały wieczór: pociąg stał godzinę pod Kutnem, w Warsie nie było kawy, a "
           "konduktor kazał mi zmienić wagon. W domu byłam o północy. Cieszę się niezmiernie.",
     "radość"),
])
def test_joy_said_flat_after_a_run_of_mishaps_is_not_named(language: str, text: str, joy: str) -> None:
    # Without a sentiment lexicon to weigh the words around it, flat joy read blind as irony
    # taken literally more often than as joy.
    for version in range(3):
        assert joy not in compose(text, version=f"v{version}").lower()


@pytest.mark.parametrize(("language", "text", "joy"), [
    ("it", "È NATO! Alle sei di stamattina, Tommaso, tre chili e mezzo. Sono felicissima e non "
           "riesco a smettere di piangere.", "gioia"),
    ("es", "¡Nos dieron el piso! Después de ocho meses buscando. Estoy tan feliz que no me lo "
           "creo.", "alegría"),
])
def test_joy_exclaimed_is_still_named(language: str, text: str, joy: str) -> None:
    for version in range(3):
        assert joy in compose(text, version=f"v{version}").lower()


@pytest.mark.parametrize(("language", "text", "both"), [
    ("it", "Finalmente ho consegnato la tesi. Sono felice e allo stesso tempo un po' triste, come "
           "se finisse qualcosa.", ("joy", "sadness")),
    ("de", "Letzter Tag im alten Büro. Ich bin erleichtert und gleichzeitig ein bisschen traurig, "
           "dass es vorbei ist.", ("relief", "sadness")),
    ("pl", "Ola jutro wyjeżdża na Erasmusa. Jestem szczęśliwa, ale też trochę smutna, że tak "
           "daleko.", ("joy", "sadness")),
    ("es", "Me han dado la beca para Lisboa. Estoy contentísima y a la vez con un nudo en la tripa.",
     ("joy", "anxiety")),
])
def test_two_feelings_a_few_words_apart_are_both_named(language: str, text: str, both: tuple[str, ...]) -> None:
    # A mixed feeling stated outright ("felice e … un po' triste") is named whole: naming one
    # half, or neither, is the one-sided reply the reader marks down.
    assert set(read(text, language=language).feelings) == set(both)


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "Vanmiddag gebeld door de school in Utrecht. Ik ben aangenomen. Ik ben zo blij, ik "
           "heb de hele avond gezongen in de keuken."),
    ("pl", "Dostałam tę pracę w bibliotece. Jestem taka szczęśliwa, że aż nie mogę usiedzieć."),
    ("pt", "Passei no concurso depois de dois anos estudando à noite. Estou muito feliz."),
])
def test_joy_said_plainly_where_nothing_went_wrong_is_named(language: str, text: str) -> None:
    assert "joy" in read(text, language=language).feelings


def test_joy_said_of_a_word_held_in_quotation_marks_is_still_not_named() -> None:
    # The irony this guards against: praise beside a word held up in quotation marks.
    text = ("Fantastisch nieuws van de aannemer: de badkamer is \"bijna klaar\". Dat was hij in "
            "februari ook al. Ik ben zó blij met deze mensen.")
    assert "joy" not in read(text, language="nl").feelings


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Superbe journée sur le RER B. Quarante minutes bloqués entre Denfert et Cité U pour "
           "« un incident voyageur », puis « un colis suspect ». Arrivée au bureau à 10h20, réunion "
           "finie. Vivement demain, vraiment."),
    ("de", "Ganz großartiger Tag mit der Deutschen Bahn. ICE nach Hamburg: 47 Minuten Verspätung "
           "wegen „Reparatur an der Strecke“. Bordbistro: „heute leider ohne Kaffee“. Ich freue "
           "mich schon riesig auf die Rückfahrt."),
])
def test_a_headline_of_praise_over_a_report_of_trouble_is_irony(language: str, text: str) -> None:
    assert read(text, language=language).sarcasm


@pytest.mark.parametrize(("language", "text"), [
    ("pl", "Wspaniały dzień nad morzem. Wieczorem deszcz, ale dzieci były zachwycone."),
    ("de", "Ganz großartiger Tag. Die Bahn war sogar pünktlich und Oma hat sich so gefreut."),
    ("fr", "Superbe journée à la plage. Il a plu un peu en fin d'après-midi mais les enfants ont "
           "ri toute la journée."),
])
def test_a_headline_of_praise_over_a_good_day_with_rain_in_it_is_sincere(language: str, text: str) -> None:
    assert not read(text, language=language).sarcasm


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "sábado\n- feira: banana, ovos\n- pagar o boleto da internet\n- lavar o tênis branco\n\n"
           "tô cansada mas é um cansaço bom, de semana que rendeu."),
    ("en", "So tired tonight but it's a good tired, the kind you get after a whole day outside "
           "with the kids and a picnic in the rain."),
])
def test_a_hard_feeling_the_writer_calls_good_is_not_named_alone(language: str, text: str) -> None:
    # "um cansaço bom": naming only the tiredness kept one side of it (graded 2).
    assert "tiredness" not in read(text, language=language).feelings


def test_a_good_day_beside_tiredness_does_not_unname_it() -> None:
    text = ("Lambing, night four. Triplets from the old ewe with the torn ear, two good, one small "
            "and weak, got colostrum into him with the tube and he's under the lamp in the kitchen "
            "now. Rain sideways all day. Fence down by the top field. Knackered. Good day though.")
    assert "tiredness" in read(text, language="en").feelings


@pytest.mark.parametrize(("language", "text", "wrong"), [
    # a mother's own memory of shame, told in passing, in an entry of waiting for a son's reply
    ("it", "Luca non risponde da ieri sera. Adesso sono le 14 e niente. Lo so che ha 21 anni. Lo "
           "so che anch'io alla sua età non chiamavo mai. Mia madre telefonava alla portineria "
           "dello studentato e io morivo di vergogna.\nHo pulito il frigorifero. Ho stirato le "
           "camicie di Paolo, cosa che non faccio mai.\n14:47 — «ciao mà scusa telefono morto "
           "tutto ok». Ecco. Vado a stendermi anch'io.", "shame"),
    # the team-building day, praised by someone else and answered with one word
    ("it", "Team building aziendale in un agriturismo. Il mio gruppo ha vinto perché Gianni ha "
           "fissato gli spaghetti con lo scotch mentre il formatore era in bagno. Il formatore ha "
           "detto che era un ottimo esempio di pensiero laterale. Ho detto «resilienti». Applauso. "
           "Domani si torna in ufficio, dove da sei mesi chiediamo un secondo monitor.", "pride"),
])
def test_outside_english_a_feeling_word_in_passing_names_nothing(language: str, text: str, wrong: str) -> None:
    # Without a sentiment lexicon, a feeling is named only where the entry says it beyond
    # doubt; read blind, a word found in passing was a wrong label far more often than not.
    assert wrong not in read(text, language=language).feelings


@pytest.mark.parametrize(("language", "text", "feeling"), [
    ("de", "Stefan hat schon wieder meinen Teil der Präsentation als seinen verkauft. Ich bin so "
           "wütend auf ihn, dass ich kaum tippen kann.", "anger"),
    ("pl", "Zdałam egzamin na prawo jazdy za trzecim razem. Ręce mi się trzęsły jeszcze przez pół "
           "godziny. Ale jestem z siebie dumna jak cholera.", "pride"),
])
def test_outside_english_a_feeling_the_writer_says_they_are_is_named(language: str, text: str, feeling: str) -> None:
    assert feeling in read(text, language=language).feelings


def test_hating_a_thing_is_a_dislike_not_anger() -> None:
    text = ("A Bia vai embora pra Lisboa domingo. Quem vai aparecer às 23h com um pote de açaí "
            "quando o mundo acabar de novo. Quem vai saber que eu odeio coentro sem eu precisar falar.")
    assert "anger" not in read(text, language="pt").feelings


def test_thanks_to_someone_mourned_is_fondness_not_a_retort() -> None:
    text = ("Oggi ho provato a fare i tortelli di zucca della nonna. Prima volta senza di lei. "
            "Avevo il quaderno con la sua calligrafia tutta storta, «noce moscata quanto basta». "
            "Grazie nonna, precisissima.\nSono venuti troppo dolci. Il quaderno adesso ha una "
            "macchia di burro nuova sopra quelle vecchie. Come se ci avessimo scritto in due.")
    r = read(text, language="it")
    assert not r.sarcasm and r.retort is None


def test_a_gratitude_list_under_its_heading_is_sincere() -> None:
    # "#gratidão" marks irony as a hashtag; "Gratidão de hoje:" heads a sincere list.
    text = ("Gratidão de hoje:\n1. O café da padaria do seu Zé, que ainda custa quatro reais.\n"
            "2. A chuva que caiu bem na hora que eu já tinha chegado em casa.\n"
            "3. A Lua (a gata) dormindo em cima do meu pé.\n"
            "Dia comum. Acho que é isso que eu quero agradecer mesmo, um dia comum.")
    assert not read(text, language="pt").sarcasm


def test_their_question_answered_with_its_own_word_is_not_irony() -> None:
    text = ("Vandaag mijn ontslagbrief ingeleverd bij de bank. Elf jaar. Mijn leidinggevende, "
            "Wouter, keek er lang naar en vroeg toen: \"Een bakkerij? Serieus?\" Ja, Wouter, "
            "serieus. Met Femke, in de oude slagerij. Het voelt als mijn eigen leven.")
    assert not read(text, language="nl").sarcasm


@pytest.mark.parametrize(("text", "wrong"), [
    ("It was true then and it's mostly true now, and I hope she didn't hear the \"mostly\" in my "
     "voice, because I only heard it afterwards.", "hope"),
    ("I have refreshed the portal 14 times since lunch, which I know because I started counting "
     "at 3 to shame myself into stopping. Did not work.", "shame"),
    ("PT starts Monday. Bought a foam roller. I'm going to be incredibly annoying about my "
     "exercises. Watch me.", "frustration"),
])
def test_a_feeling_word_used_for_something_else_names_nothing(text: str, wrong: str) -> None:
    # a wish about someone else, shame as a tool, the writer as the annoying one: read blind,
    # each named as the writer's feeling was graded a wrong label
    assert wrong not in read(text, language="en").feelings


def test_the_same_old_someone_is_familiar_not_boring() -> None:
    text = ("Tues — 6 km. Same old guy with the husky I pass every Tuesday, and this time he "
            "waved with his whole arm. Weirdly made my week.")
    assert "boredom" not in read(text, language="en").feelings
    assert "boredom" in read("Same old, same old. Work, gym, couch, bed.", language="en").feelings


@pytest.mark.parametrize("text, language", [
    ("Ho riscritto la mail tre volte e l'ho cancellata. Mi sento solo una caldaia che fischia.", "it"),
    ("Otra reunión sin pausa. Hoy me siento solo una máquina de contestar correos.", "es"),
])
def test_only_is_not_alone(text: str, language: str) -> None:
    # "solo" before "una/un" is "only": "I feel like just a kettle", not loneliness
    assert "loneliness" not in read(text, language=language).feelings


def test_feeling_alone_is_still_loneliness_in_italian() -> None:
    assert "loneliness" in read("Stasera mi sento solo, nessuno ha chiamato.", language="it").feelings


@pytest.mark.parametrize(("text", "language", "wrong"), [
    # a feeling expected, imagined or pretended is not felt, in every language
    ("Heute die Arbeit abgegeben. Ich hatte erwartet, dass ich glücklich bin.", "de", "joy"),
    ("Oddałam dziś projekt. Spodziewałam się wielkiej radości.", "pl", "joy"),
])
def test_a_feeling_only_expected_is_not_named(text: str, language: str, wrong: str) -> None:
    assert wrong not in read(text, language=language).feelings


@pytest.mark.parametrize(("text", "language", "name"), [
    # "empty" of the writer is emptiness, the name the language gives that feeling
    ("Desde que se fue Marta me siento vacía. Hago la compra, trabajo, ceno, y nada.", "es", "vacío"),
    ("Seit Papas Beerdigung fühle ich mich leer. Ich gehe arbeiten, koche, schlafe.", "de", "Leere"),
    ("Wracałam przez Rynek i czułam się dziwnie pusto. Nic więcej.", "pl", "pustka"),
    ("Since the move I just feel empty. Work, dinner, bed, nothing.", "en", "numbness"),
])
def test_feeling_empty_is_named_as_emptiness_not_sadness(text: str, language: str, name: str) -> None:
    reply = compose(text)
    assert name.lower() in reply.lower(), reply


@pytest.mark.parametrize(("text", "language", "wrong"), [
    # a feeling of later, in a sentence that looks ahead, is not felt now
    ("Hamza read his poem today and the whole class clapped. I want to remember it in "
     "February when I'm tired.", "en", "tiredness"),
    ("Finally sent the thesis. I'll call Mum when I'm calmer.", "en", "calm"),
    # a feeling of a habit is not this day's
    ("Started the poetry unit with 9B, which I dread every year because teenagers would rather "
     "die than read their own words aloud.", "en", "fear"),
])
def test_a_feeling_of_later_or_of_a_habit_is_not_named(text: str, language: str, wrong: str) -> None:
    assert wrong not in read(text, language=language).feelings


def test_a_feeling_in_a_time_clause_looking_back_is_still_named() -> None:
    assert "joy" in read("When I got home I was so happy I sang in the kitchen.", language="en").feelings


@pytest.mark.parametrize(("text", "language", "wrong"), [
    # a feeling put first and denied at the end of its sentence is not felt
    ("Heute Zwetschgen eingekocht. Traurig bin ich heute Abend nicht. Eher so eine Ruhe.", "de", "sadness"),
    # a formula of the writer's set off by commas is not fear
    ("Notes to myself at 20. Your hair, I'm afraid, goes, and no, the hat doesn't help.", "en", "fear"),
])
def test_a_feeling_denied_or_said_as_a_formula_is_not_named(text: str, language: str, wrong: str) -> None:
    assert wrong not in read(text, language=language).feelings


@pytest.mark.parametrize(("text", "feeling"), [
    ("Furious is not the word. Four emails and nothing back about the damp.", "anger"),
    ("I'm proud of you. I'm also a bit cross with you for moving so far away.", "anger"),
])
def test_a_feeling_said_more_strongly_or_plainly_is_named(text: str, feeling: str) -> None:
    assert feeling in read(text, language="en").feelings


def test_declared_fury_is_named_even_beside_dry_jokes() -> None:
    # Someone who says outright they are angry is angry; "a wry smile" misread them.
    text = ("I am so angry I had to write this twice. The council says the pothole that ate my "
            "tyre is \"within tolerance.\" Love that for me. I'm ringing the ombudsman in the morning.")
    reply = compose(text)
    assert "anger" in reply.lower() and "wry" not in reply, reply


def test_death_weighed_as_one_guess_among_others_is_no_ones_loss() -> None:
    """"…gone quiet for nine days, which is either vacation or death": a joke about a silent
    client, read blind as "That carries a lot of grief" (graded 2). A death told is still grief."""
    joke = ("Payroll is Friday. Brightline's procurement guy has gone quiet for nine days, which "
            "is either vacation or death, and I've checked his LinkedIn like a stalker.")
    assert "grief" not in read(joke).feelings
    assert "grief" not in compose(joke).lower()
    assert "grief" in read("Mum died on Tuesday. I keep picking up the phone to call her.").feelings


def test_glad_news_in_capitals_names_joy_and_a_complaint_in_capitals_does_not() -> None:
    """"SHE SAID YES." is shouted as surely as "!!!" shouts; "FLAT TYRE AGAIN." is not news."""
    assert read("SHE SAID YES. I dropped the ring in the sand first. Found it. SHE SAID YES.").feelings == ("joy",)
    assert "joy" not in read("FLAT TYRE AGAIN. Waited two hours for the van.").feelings


@pytest.mark.parametrize(("text", "feeling"), [
    # a feeling said with what it did to the body, beside hard things told after it
    ("Walked Amaya to the school gate for her first day of secondary. She didn't want me to "
     "come in, which is right. I was so proud I had to stand behind a tree for a minute. "
     "The house was awful and quiet all afternoon and I ate her leftover toast.", "pride"),
    ("Got the call at work. They're keeping me on after the trial. I was so happy I actually "
     "sat down on the stairwell floor. Then a dreadful afternoon of invoices, as usual.", "joy"),
])
def test_a_feeling_said_with_what_it_did_to_the_writer_is_named_beside_hard_things(
        text: str, feeling: str) -> None:
    """"I'm so proud I could burst" is not irony for the loneliness said after it: praise
    lifted with "so" is read as irony only without the writer's own clause of what it did."""
    assert feeling in read(text, None, "en").feelings


def test_praise_lifted_after_a_bad_night_is_still_not_named() -> None:
    text = ("Slept a glorious three hours thanks to the upstairs party. Feeling so refreshed and "
            "ready for the quarterly review.")
    assert read(text, None, "en").feelings == ()


def test_grief_is_named_when_the_moment_quoted_is_a_fond_memory() -> None:
    """A loss is told in the good things remembered ("he cheated at dominoes with great
    dignity"): the warm words of the quoted line do not unsay the death."""
    text = ("Marjorie died on Sunday. Ninety-one. She ran the choir for forty years and laughed "
            "with her whole face at every wrong note, the kindest, funniest woman in the village. "
            "The service is Friday. I didn't think it would hit me like this. It has.")
    assert "grief" in read(text, None, "en").feelings


@pytest.mark.parametrize(("text", "feeling"), [
    ("GOT THE JOB. Start in March. Rang Mum from the car park and she made a noise like a kettle.",
     "joy"),
    ("Scan clear. Walked out into the rain and didn't bother with the hood.", "relief"),
])
def test_news_in_capitals_or_in_a_diarys_few_words_names_its_feeling(text: str, feeling: str) -> None:
    """"GOT THE FLAT." is shouted without its "!!"; "Biopsy benign." is the news told in two
    words. Neither holds a word VADER weighs, and both were answered as if nothing was said."""
    assert feeling in read(text, None, "en").feelings


def test_a_complaint_in_capitals_is_still_not_joy() -> None:
    assert "joy" not in read("MONDAY AGAIN. The bus didn't come and I stood in the rain for forty "
                             "minutes.", None, "en").feelings


def test_the_writer_dying_of_laughter_is_no_loss() -> None:
    """"… sang along to Take That and we died." was named grief: the writer is alive to write it."""
    text = ("Izzy's party last night. Her dad drove us home with the radio on and sang along to every "
            "song and we died. It was a good party. I think I'm drifting from her, though.")
    assert "grief" not in read(text, None, "en").feelings
    assert "grief" in read("My grandad died on Tuesday. I keep ringing his number.", None, "en").feelings


@pytest.mark.parametrize("text", [
    "Hospital car park. Dad's hip done, he's fine, asking for biscuits. Cold tea. Relief like a sneeze.",
    "Passed my driving test on the third try!!! The examiner actually smiled at the end.",
    "GOT THE JOB. Rang Mum from the bus stop and she cried.",
])
def test_a_glad_feeling_is_met_not_searched_for_its_catch(text: str) -> None:
    """"What else sits next to the joy?" after good news reads as looking for the catch."""
    reply = compose(text)
    assert "sits next to" not in reply and "sitting with you" not in reply, reply


@pytest.mark.parametrize(("text", "right"), [
    ("Dreamt about Grandad's allotment, all of it exactly as it was. Woke up strangely happy.", "joy"),
    ("Long day at the depot, two lorries late and the scanner down. Came home exhausted.", "tiredness"),
    ("Handed the keys back to the landlord this morning. Walked out of there relieved.", "relief"),
])
def test_a_diarys_dropped_i_still_makes_the_feeling_the_writers(text: str, right: str) -> None:
    # "Woke up strangely happy": a diary drops the "I", and the state after the verb is the
    # writer's all the same.
    assert right in read(text).feelings


@pytest.mark.parametrize(("text", "wrong"), [
    ("Saw the kids happy at the park, running about with the dog.", "joy"),
    ("Told her I was fine, really. Went to bed.", "calm"),
])
def test_someone_else_after_the_verb_keeps_the_feeling_theirs(text: str, wrong: str) -> None:
    assert wrong not in read(text).feelings


@pytest.mark.parametrize(("text", "line"), [
    ("Fui demitido hoje. Arrumei a mesa, devolvi o crachá, peguei o ônibus de volta. Um alívio "
     "estranho, que dá até vergonha. Amanhã eu penso no aluguel. Hoje eu como pizza.",
     "Um alívio estranho, que dá até vergonha"),
    ("Hoy firmé los papeles del divorcio. Ordené la cocina, llamé a mi hermana, saqué al perro. "
     "Una tristeza rara, tranquila. Mañana vuelvo al trabajo. Esta noche, sopa.",
     "Una tristeza rara, tranquila"),
    ("Les cartons sont partis ce matin. J'ai rendu les clés, pris le train de 14h. Une tristesse "
     "immense, sans larmes. Demain je commence à Lyon. Ce soir, pizza.",
     "Une tristesse immense, sans larmes"),
])
def test_a_feelings_own_name_before_an_adjective_is_the_writers(text: str, line: str) -> None:
    # "Um alívio estranho": the feeling's name is the noun and "estranho" describes it. Read
    # as an adjective before its noun ("a sad film"), the writer's feeling was a thing's, and
    # the reply quoted the supper plans instead.
    assert line in compose(text)


@pytest.mark.parametrize("text", [
    "Would have been Mum's 80th. Made her lemon drizzle and ate it on the back step.",
    "Would have been Grandad's birthday. Put his cap on the hook by the door again.",
    "He would have turned 30 on Friday. Went to the pier where we scattered the ashes.",
])
def test_a_birthday_the_dead_would_have_had_is_grief(text: str) -> None:
    # The day someone would have reached is their absence, whatever the cake or the cap.
    assert "grief" in read(text).feelings


def test_would_have_been_nice_is_no_ones_birthday() -> None:
    assert "grief" not in read("Would have been nice to get a seat on the train. Stood to Reading.").feelings


def test_shame_said_in_the_german_perfect_is_named() -> None:
    # "ich hab mich so geschämt": the perfect of "sich schämen" was missing from the words of
    # shame, and the hand she held was named "Zärtlichkeit" alone (read blind: graded 1).
    text = ("Hab Lena heute angeschrien, wegen der Jacke. Sie ist ganz still geworden. Abends beim "
            "Vorlesen hat sie meine Hand gehalten und ich hab mich so geschämt, dass ich kaum "
            "weiterlesen konnte.")
    assert "shame" in read(text, language="de").feelings


def test_a_hard_sentence_does_not_confirm_which_hurt_a_hint_suggests() -> None:
    # "since about 3am" hints at tiredness; "I thought I was going to lose my mind" leans hard,
    # but says that the alarm was maddening, not that the writer was tired. Named
    # "tiredness", an entry about a father's tape measure was misread (graded 2 blind).
    text = ("Was looking for a fuse because the fridge alarm has been beeping every minute since "
            "about 3am and I genuinely thought I was going to lose my mind. Checked the drawer by "
            "the sink, nothing. Then I thought maybe the shed, because Grandad always kept spares "
            "in a biscuit tin there.")
    assert "tiredness" not in read(text).feelings


@pytest.mark.parametrize("text", [
    "Dreamt of Nana's kitchen, the good biscuit tin and all. Woke up strangely happy. She's been gone eleven years.",
    "Found Dad's reading glasses in the glovebox. He's been gone two years now.",
])
def test_someone_gone_for_years_is_grief(text: str) -> None:
    # "She's been gone eleven years": the years say who is gone; a dream of her is told
    # beside that absence (a stay on the rigs, weeks long, is not).
    assert "grief" in read(text).feelings


def test_someone_away_for_weeks_is_no_loss() -> None:
    assert "grief" not in read("Tom's been gone three weeks on the rigs. The house is quiet.").feelings


@pytest.mark.parametrize(("text", "grief"), [
    ("Dad would have been 70 on Tuesday. Pulled over on the way home and sat there a while.", True),
    ("She would have been 40 today. Lit a candle by the window.", True),
    ("He would have been 5 minutes late anyway, the traffic was mad.", False),
    ("It would have been 40 on Saturday if the weather held.", False),
])
def test_the_age_someone_would_have_reached_is_grief(text: str, grief: bool) -> None:
    # "Dad would have been 70": the age he would have reached is his absence; a number that
    # measures something else ("5 minutes late", the weather) is nobody's.
    assert ("grief" in read(text).feelings) is grief

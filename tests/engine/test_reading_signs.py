"""Events that tell a feeling without its word (`signs` in the frames): a birth, a proposal,
results that came back clear, a "what if" about the writer's own coming days. The person
reads "There's joy in this" after "Our son was born at 2:40", and never after "Dad was born
in 1951"; worry after "What if they say no?", never after "and if it rains we'll stay in"."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read

NAMED = [
    ("en", "Our son was born at 2:40 this morning. Eight pounds. I can't stop looking at his ears.",
     "joy"),
    ("en", "Priya proposed!!! In the car park of the garden centre, of all places.", "joy"),
    ("en", "Biopsy results came back clear. I sat in the car for ten minutes before I could drive.",
     "relief"),
    ("en", "Interview at nine. What if they ask about the gap on my CV? I've rehearsed the "
           "answer so often it sounds fake.", "anxiety"),
    ("en", "Gran would have been ninety today. I bought the almond biscuits she liked.", "grief"),
    ("es", "¿Y si no me renuevan el contrato? Llevo toda la semana sin dormir bien.", "anxiety"),
    ("fr", "Et si elle ne rappelle jamais ? J'ai vérifié mon téléphone vingt fois ce soir.",
     "anxiety"),
    ("de", "Unsere Tochter kam heute zur Welt, um 5:10 Uhr. Drei Kilo und ganz viel Haar.", "joy"),
    ("nl", "Morgen de uitslag van de echo. Ik heb de hele avond de badkamer geboend.", "anxiety"),
    ("pt", "A biópsia deu negativo. Chorei no corredor do hospital.", "relief"),
    ("it", "Il nonno avrebbe compiuto cent'anni. Ho fatto il suo sugo della domenica.", "grief"),
    # someone asleep on the writer, who keeps still for them: tenderness, in every language
    ("en", "Dog fell asleep on my lap during the news. Didn't move for an hour. Worth it.", "love"),
    ("es", "Lucía se quedó dormida en mi pecho viendo la tele. No me moví en una hora.", "love"),
    ("fr", "Le petit s'est endormi sur moi pendant le film. Je n'ai pas bougé.", "love"),
    ("de", "Mila ist auf meiner Brust eingeschlafen, mitten im Tatort. Arm taub. Egal.", "love"),
    ("pt", "O Tomás adormeceu no meu colo durante o jogo. Não me mexi durante uma hora.", "love"),
    ("it", "Giulia si è addormentata in braccio durante il film. Non mi sono mossa.", "love"),
    ("pl", "Zosia zasnęła mi na rękach w czasie meczu. Nie ruszałem się przez godzinę.", "love"),
    ("nl", "Daan viel op mijn schoot in slaap tijdens de film. Ik heb een uur niet bewogen.",
     "love"),
    # a small win the writer claims in a likeness or counts aloud
    ("en", "Fixed the boiler myself with a video and a spanner. Felt like a god all evening.",
     "pride"),
    ("en", "Swam a whole length without stopping for the first time ever. Slow, but I did it.",
     "pride"),
]

NOT_NAMED = [
    ("en", "Dad was born in 1951 in a village outside Cork. We drove past the house today.",
     "joy"),
    ("en", "Ben proposed a new rota at the team meeting. Everyone nodded.", "joy"),
    ("en", "We'll go to the beach, and what if it rains is tomorrow's problem.", "anxiety"),
    ("es", "Fui al mercado y si no hubiera llovido habría comprado flores.", "anxiety"),
    ("en", "The results weren't clear and the doctor wants another scan.", "relief"),
    ("en", 'She said "what if we just left" and we laughed about it.', "anxiety"),
    # the writer asleep on their own feet is tiredness, not someone held
    ("en", "I fell asleep on my feet at work again. Double shift.", "love"),
]


@pytest.mark.parametrize(("language", "text", "family"), NAMED)
def test_an_event_that_tells_a_feeling_names_it(language: str, text: str, family: str) -> None:
    assert family in read(text, language=language).feelings


@pytest.mark.parametrize(("language", "text", "family"), NOT_NAMED)
def test_the_same_words_without_the_event_name_nothing(language: str, text: str,
                                                       family: str) -> None:
    assert family not in read(text, language=language).feelings


def test_a_birth_stands_beside_the_tiredness_said_in_the_quoted_line() -> None:
    # Without a sentiment lexicon two feelings are named together only when both are in the
    # quoted moment, unless one is told by an event: the birth is not lost to the tiredness.
    text = ("Dziś urodził się Staś! 3100 g, o 2:50 w nocy. Marta śpi, ja nie mogę. "
            "Jestem tak zmęczony, że ledwo widzę, a i tak nie chcę zamknąć oczu.")
    r = read(text, language="pl")
    assert set(r.feelings) == {"joy", "tiredness"} and r.valence == "mixed"


def test_a_feeling_told_elsewhere_is_said_of_the_whole_entry_in_every_language() -> None:
    # The worry is in the first line; the quote is another line: the mirror does not claim
    # the quoted words themselves show it ("… : hay preocupación en cómo lo dices").
    text = ("Mañana me dan los resultados de la biopsia. He limpiado la nevera dos veces. "
            "No le he contado nada a mi hermano todavía.")
    said = compose(text)
    assert "preocupación" in said and "en cómo lo dices" not in said


def test_a_word_of_certainty_is_not_a_judgement_to_ask_about() -> None:
    # "definitely" scores as feeling in the sentiment lexicon, but it says how sure the
    # person is, not what they judged: no "What made it definitely the same seagull?".
    said = compose("Back at the caravan park for the first time in years. The same chip shop, "
                   "the same sea wall. It was definitely the same seagull.")
    assert "made it definitely" not in said


def test_a_person_ends_the_phrase_a_question_is_built_from() -> None:
    # "Mi madre lleva desde las ocho …": the question says "tu madre", never "tu madre lleva".
    text = ("Lista publicada a las 8:00. Puesto 37 de 412. Mi madre lleva desde las ocho "
            "llamando a toda la familia, incluida la tía Pili.")
    r = read(text, language="es")
    assert r.phrase is None or "lleva" not in r.phrase
    assert "madre lleva?" not in compose(text)


def test_a_habit_that_outlives_someone_is_where_the_entry_lands() -> None:
    # "without thinking", "out of habit", "half expect": the person shows where it is.
    text = ("Ordinary day. Worked from home, did the big shop, fixed the shelf with a folded "
            "beer mat, which I'm very proud of. Made the chilli. Watched the baking thing.\n\n"
            "Laid out two mugs out of habit.")
    assert "laid out two mugs out of habit" in compose(text).lower()  # quoted or said back


def test_the_question_never_says_back_a_line_from_another_part_of_the_entry() -> None:
    # The quoted moment is in the second paragraph; the shopping in the first is not what
    # the question may turn to ("What was it like when you bought a birthday card?").
    text = ("Busy Saturday. Car in for its MOT, so I walked into town. Bought a birthday card "
            "for Auntie Lorraine and got my glasses adjusted, they'd been sliding for weeks.\n\n"
            "Walked back past the hospital. Stood across the road from the ward windows for a "
            "bit. I still know which window. I still half expect to find her doing the crossword.")
    for version in range(6):
        said = compose(text, version=f"v{version}")
        assert "birthday card" not in said.split("\u201d")[-1], said


def test_a_diary_line_on_an_irregular_past_is_where_the_entry_lands() -> None:
    # "Set the table for three again without thinking": the habit that outlives someone is
    # the moment quoted, not the chilli or the baking programme.
    text = ("Ordinary day. Worked from home, did the big shop. Made the chilli. Watched two "
            "episodes of the baking thing.\n\nSet the table for three again without thinking.")
    said = [compose(text, version=f"v{i}") for i in range(4)]
    assert all("\u201cSet the table for three again without thinking\u201d" in s for s in said), said


@pytest.mark.parametrize(("language", "text", "never"), [
    ("fr", "Papa a réparé le portail aujourd'hui. Ses mains tremblent un peu maintenant, il "
           "s'y est repris à trois fois pour la vis.", "mains tremblent"),
    ("en", "I rang Mum from the stairwell and she screamed so loud that Kev put his head round "
           "the door.", "head round"),
])
def test_a_question_is_never_built_on_a_noun_and_its_verb_or_a_body(language: str, text: str,
                                                                   never: str) -> None:
    assert all(never not in compose(text, version=f"v{i}").split("\u00bb")[-1].split("\u201d")[-1]
               for i in range(6))


def test_someone_elses_view_reported_without_quotes_is_never_said_back_as_the_writers() -> None:
    text = ("Got the deposit back, £310 of £1,150. Have started a dispute with the deposit "
            "scheme. Kieran says let it go, it's not worth the stress. It's £840.")
    for version in range(6):
        said = compose(text, version=f"v{version}")
        assert "not worth the stress?" not in said, said


def test_calm_as_an_interjection_is_not_the_writers_calm() -> None:
    # "Spokojnie." ("Easy now.") before a talk she dreads is what she tells herself.
    text = ("Szef znowu o 16:55 kazał zostać. Wyszłam o 20:40. Jutro mam szefowi powiedzieć. "
            "Spokojnie. Ćwiczyłam w tramwaju i za każdym razem kończyło się przekleństwem.")
    assert "calm" not in read(text, language="pl").feelings


def test_an_event_names_the_feeling_but_the_moment_is_how_it_was_lived() -> None:
    # The news ("the results tomorrow") names the worry; the quote is what the person did
    # with it (all the windows cleaned), and the worry is said of the whole entry.
    text = ("Morgen de uitslag van papa's biopsie. Ik heb vanavond alle ramen gelapt, ook "
            "die van de zolder.")
    said = compose(text)
    assert "anxiety" in read(text, language="nl").feelings
    assert "ramen gelapt" in said and "Morgen de uitslag" not in said, said


def test_a_short_line_that_points_back_is_quoted_with_the_line_it_points_at() -> None:
    # "That was the best part." says where the heart is: in the line before it. Alone,
    # "that" is nothing to ask about; the two are quoted together.
    text = ("Dreamt about my grandmother. We were shelling peas on her porch and she was "
            "telling me off for eating them raw. It was so ordinary. That was the best part. "
            "Then the alarm went and I lay there for a while.")
    assert "It was so ordinary. That was the best part" in compose(text)


def test_a_picture_that_keeps_coming_back_is_where_the_entry_is() -> None:
    # "I keep seeing her …", "Todavía la veo …": what the person cannot stop seeing is what
    # stays with them, over a kind word told earlier and the errands after.
    en = ("Took the cat carrier back to the shelter today. The man at the desk was lovely and "
          "asked if she'd been a good cat. It's been a month. I keep seeing her on the "
          "windowsill. Then I made soup and watched the news.")
    es = ("Hoy devolví el transportín al refugio. El chico del mostrador fue muy amable y me "
          "preguntó si había sido una buena gata. Ya hace un mes. Todavía la veo en la "
          "ventana. Luego hice sopa y vi las noticias.")
    assert "I keep seeing her on the windowsill" in compose(en)
    assert "Todavía la veo en la ventana" in compose(es)


def test_a_pointer_inside_a_line_about_a_habit_is_not_a_pointer_back() -> None:
    # "out of habit" has no "that" in it: the line is its own moment.
    text = ("Ordinary day. Worked from home, fixed the shelf with a folded beer mat. "
            "Watched the baking thing.\n\nLaid out two mugs out of habit.")
    assert "laid out two mugs out of habit" in compose(text).lower()


@pytest.mark.parametrize(("text", "heart", "plan"), [
    ("Oggi ho consegnato la tesi in segreteria. Tre anni di lavoro in una busta marrone. La "
     "signora allo sportello non ha neanche alzato gli occhi. Sono uscita e mi tremavano le mani. "
     "Stasera pizza con Giulia.", "Sono uscita e mi tremavano le mani", "Stasera pizza"),
    ("Vandaag de scriptie ingeleverd bij het secretariaat. Drie jaar werk in een bruine envelop. "
     "De vrouw achter de balie keek niet eens op. Buiten stond ik te trillen op mijn benen. "
     "Vanavond pizza met Lotte.", "Buiten stond ik te trillen op mijn benen", "Vanavond pizza"),
])
def test_an_evening_plan_at_the_end_is_not_where_the_entry_lands(text: str, heart: str, plan: str) -> None:
    # "Stasera pizza con Giulia" closes the day; the entry landed on the line before it.
    reply = compose(text)
    assert heart in reply and plan not in reply, reply


def test_lines_written_a_thought_at_a_time_in_lower_case_are_not_glued_together() -> None:
    # Each line is its own sentence; quoting across them spliced three thoughts into one.
    text = ("ok so Tom left the wet towels on the bed AGAIN. since MONDAY.\n"
            "i literally moved them to the radiator. he moved them back. like he saw it and made a choice\n"
            "not saying anything tonight bc i will say something i cant take back\n"
            "buying him a towel hook for his birthday out of spite")
    reply = compose(text)
    assert "made a choice not saying" not in reply and "take back buying" not in reply, reply


def test_prose_wrapped_by_an_editor_keeps_its_sentences_across_lines() -> None:
    text = ("Walked to the allotment after work and found the old shed door hanging off its\n"
            "hinges again, which would have made Dad laugh because he always said it was held\n"
            "together by spite and creosote and nothing else, and I stood there for a while.")
    # (a quote cut where the editor wrapped the line, "… it was held", stops mid-clause)
    reply = compose(text)
    assert "held\u201d" not in reply and "its\u201d" not in reply, reply


@pytest.mark.parametrize(("text", "family"), [
    # results not back yet, with the wait counted: worry told by the wait
    ("Biopsy done this morning. Results in 7-10 working days. Watched four episodes of "
     "something.", "anxiety"),
    ("Vet took a sample from the lump on Bess's leg. Ten days for results. Walked her twice.",
     "anxiety"),
    # someone to tell, and no one: loneliness said without its word
    ("First snow of the year and it was beautiful and I had no one to tell, so I'm telling "
     "this notebook.", "loneliness"),
])
def test_a_wait_for_results_and_no_one_to_tell_name_their_feeling(text: str, family: str) -> None:
    assert family in read(text, language="en").feelings

"""Chores and plans at the end of an entry, in every language, and the short last lines that
are still where it lands.

Read blind, a closing chore quoted over the heart of its entry was graded 2, in French, Dutch
and Spanish as in English ("Il faut que je trouve des timbres. Et que je rappelle le garagiste
pour la 206" under a letter from a pupil of 1989; "Ik moet nog een cake bakken" under a
widow's dahlias). A plan to tell someone is no chore ("Tenho de contar antes"): it is what
the entry was holding back. A short last line that points back at the story ("It's on the
fridge.") or says how it went ("Meilleur café de l'hiver.") still lands.
"""

from __future__ import annotations

from mirror.engine.offline import compose


def _quoted(reply: str) -> str:
    opening = "\u00ab" if "\u00ab" in reply else "\u201c"
    closing = "\u00bb" if opening == "\u00ab" else "\u201d"
    return reply.split(opening, 1)[1].split(closing, 1)[0]


def test_a_closing_chore_in_french_is_not_the_centre() -> None:
    reply = compose("Ma petite-fille a fait ses premiers pas aujourd'hui, dans le salon, entre le canapé et moi. Trois pas, puis elle s'est assise par terre, très surprise d'elle-même.\n\nSa mère était au travail. J'ai filmé, mais tellement mal qu'on voit surtout le plafond. Je lui ai envoyé quand même. Elle m'a répondu avec une rangée de cœurs et « tu l'as vu avant moi ».\n\nDemain je la garde encore. Il faut que je rachète des couches. Et que je passe à la pharmacie.")
    assert "pharmacie" not in reply and "couches" not in reply


def test_a_closing_chore_in_dutch_is_not_the_centre() -> None:
    reply = compose('Vandaag de laatste les van het seizoen gegeven. Twaalf kinderen in het bad, allemaal met een diploma op de kant. Bram, die in september nog huilde bij de trap, dook er als eerste in.\n\nZijn vader bleef na afloop staan en zei dat Bram thuis over niemand anders praat. Ik wist niet wat ik moest zeggen.\n\nMorgen de administratie. Ik moet nog de badmutsen terugbrengen naar het depot.')
    assert "badmutsen" not in reply


def test_a_plan_to_tell_someone_is_where_the_entry_lands() -> None:
    reply = compose('Mum\'s scan came back clear this afternoon. She rang from the car park and just said "nothing there" and then neither of us said anything for a while.\n\nDad doesn\'t know she went. She didn\'t want him worrying for a fortnight, so it was just the two of us carrying it.\n\nWe\'re having dinner there on Sunday. I need to tell him we kept it from him.')
    assert "I need to tell him we kept it from him" in _quoted(reply)


def test_a_short_last_line_that_points_back_at_the_story_still_lands() -> None:
    assert "It's on the fridge" in _quoted(compose('Last day before the holidays. The kids were wild all afternoon and I gave up on the lesson plan by two.\n\nAt the end, Noor waited behind and gave me a folded bit of paper: a drawing of me with a mug the size of my head. Underneath it says "you are the second best teacher". I asked who was first. She said "my nan".\n\nIt\'s on the fridge.'))


def test_a_short_last_line_on_how_it_went_still_lands_in_french() -> None:
    assert "Meilleur café de l'hiver" in _quoted(compose("Tempête toute la journée. Quarante livraisons, dont une au quatrième sans ascenseur.\n\nEn haut, un vieux monsieur m'attendait avec la porte ouverte et m'a tendu un café dans une vraie tasse. Je l'ai bu debout sur le palier, la neige qui fondait sur mes bottes.\n\nMeilleur café de l'hiver."))


def test_a_plan_then_a_line_of_the_writers_own_still_lands() -> None:
    # ("I" is not Polish "i", "and": the line after a plan goes on with it only on "and")
    reply = compose("Results go up at six tomorrow. Mum made my favourite for dinner and said "
                    "\"for energy\" as if there's an exam and not a website.\n\n"
                    "She's ironing now, I can hear the radio.\n\n"
                    "I should try to sleep. I keep refreshing a page that isn't open yet.")
    assert "refreshing a page that isn't open yet" in reply


def test_a_closing_paragraph_of_chores_aches_and_weather_is_not_the_centre() -> None:
    reply = compose("Mama dziś miała dobry dzień. Wyjęła stare zdjęcia znad morza i opowiadała o "
                    "tacie, jak spalił się na słońcu tak, że przez tydzień spał na brzuchu. "
                    "Śmiałyśmy się obie.\n\nPotem zasnęła w fotelu, a ja siedziałam obok.\n\n"
                    "Jutro apteka i trzeba zadzwonić do pani Ewy w sprawie czwartku. Plecy mnie "
                    "bolą od podnoszenia jej z wanny.")
    assert "Plecy" not in reply and "apteka" not in reply


def test_a_last_line_that_turns_on_the_heart_is_not_an_ache() -> None:
    # ("My knees hurting tonight but my heart feel full up like a water drum after rain.")
    reply = compose("The whole family came for my eightieth. My great-granddaughter read a poem "
                    "she wrote herself and everybody clapped.\n\nWe ate until late and the "
                    "children slept on the floor.\n\nMy knees hurting tonight but my heart feel "
                    "full up like a water drum after rain.")
    assert "water drum" in reply


def test_not_knowing_what_one_will_do_is_no_plan() -> None:
    # "what I'm going to do": the future the entry does not know, often its heart
    reply = compose("Sold the flat today. Signed everything at the notary, shook hands, gave back "
                    "the keys.\n\nWe used to have breakfast on that balcony every Sunday.\n\n"
                    "I don't know what I'm going to do on Sundays now.")
    assert "I don't know what I'm going to do on Sundays now" in _quoted(reply)
    reply = compose("L'enterrement était ce matin. On s'appelait tous les dimanches soir, même "
                    "quand on n'avait rien à se dire.\n\nSon fils a lu un texte et toute l'église a "
                    "ri.\n\nDimanche prochain, je ne sais pas ce que je vais faire à vingt-et-une heures.")
    assert "je ne sais pas ce que je vais faire" in _quoted(reply)


def test_a_french_closing_plan_and_ache_is_not_the_centre() -> None:
    reply = compose("Dimanche. Les dimanches sont les plus longs. Je suis allé au marché quand même, "
                    "pour voir du monde. La marchande m'a parlé de son gendre pendant dix minutes.\n\n"
                    "L'après-midi, le téléphone n'a pas sonné. Je l'ai regardé plusieurs fois pour "
                    "vérifier qu'il était bien chargé.\n\nJe vais faire une soupe avec tous ces "
                    "poireaux. Le genou droit me fait mal, il va pleuvoir.")
    assert "poireaux" not in reply and "pleuvoir" not in reply

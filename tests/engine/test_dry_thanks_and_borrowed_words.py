"""Words that seem to give a feeling away but belong to the moment, not the writer's heart:
thanks said to no one straight after a mishap ("Dziękuję, bardzo pomocne."), love declared by
name to what just went wrong ("Utrecht, ik hou van je, maar echt."), an irony marker inside
someone else's quoted words, a death of someone of theirs ("sa femme, morte il y a deux
ans"), anger the writer means to make amends for, news said and then shouted, a letter's
farewell, and a few short lines that tell one thing rather than a day. A short line that turns
the one before it over ("… she said we'll see. We will not see.") is quoted with it, and "Never
been so proud", its "I" left out, is the writer's own. So is a line where the body stopped for what was felt ("I didn't move
for an hour", "Ho dovuto sedermi sulle scale"), while "la schiena mi fa male" is the body's
pain, not hurt. These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import frames, read


def reading(text: str):  # type: ignore[no-untyped-def]
    a = analyze(text)
    return read(text, a.tokens, a.language)


def feeling_names(language: str) -> list[str]:
    data = frames(language) or {}
    return [str(spec.get("name", key)).lower() for key, spec in (data.get("feelings") or {}).items()]


@pytest.mark.parametrize(("language", "text"), [
    ("pl", "Drugą godzinę próbuję wysłać formularz do urzędu. Strona wylogowuje mnie co pięć minut, a na "
           "końcu pokazuje \"wystąpił błąd\". Dziękuję, bardzo pomocne. Jutro pójdę tam osobiście."),
    ("it", "Il treno delle 7.10 è soppresso, il prossimo è in ritardo di quaranta minuti. Grazie, eh. "
           "Arrivo in ufficio alle dieci."),
    ("en", "The council portal crashed again right as I pressed submit. Thanks, very helpful. "
           "Doing it on paper tomorrow."),
])
def test_thanks_said_to_no_one_after_a_mishap_is_dry_not_gratitude(language: str, text: str) -> None:
    r = reading(text)
    assert r.sarcasm and "gratitude" not in r.feelings, r
    reply = compose(text).lower()
    gratitude = str(((frames(language) or {}).get("feelings") or {})["gratitude"]["name"]).lower()
    assert gratitude not in reply, reply


@pytest.mark.parametrize("text", [
    # a kindness comes between the mishap and the thanks
    "Car broke down on the ring road. A stranger pushed it onto the hard shoulder. Thanks, whoever you were.",
    # the thanks names whom and what it is for
    "Lost my wallet at the station. Thank you, Ana, for waiting with me.",
])
def test_thanks_for_a_kindness_after_a_mishap_is_not_read_as_irony(text: str) -> None:
    assert not reading(text).sarcasm


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "Fiets gestolen. Alweer. Derde dit jaar. Utrecht, ik hou van je, maar echt."),
    ("de", "Zug ausgefallen, Ersatzbus ausgefallen. Wieder. Deutsche Bahn, ich liebe dich."),
])
def test_love_declared_by_name_to_what_just_went_wrong_is_dry(language: str, text: str) -> None:
    r = reading(text)
    assert r.sarcasm and "love" not in r.feelings, r
    reply = compose(text).lower()
    love = str(((frames(language) or {}).get("feelings") or {})["love"]["name"]).lower()
    assert love not in reply, reply


def test_love_said_to_someone_of_the_writers_after_a_mishap_is_not_irony() -> None:
    assert not reading("Kitchen flooded again. Mum came over with every towel she owns. Mum, I love you.").sarcasm


def test_an_irony_marker_inside_someone_elses_quoted_words_is_theirs() -> None:
    # "ben voyons" is irony when the writer says it; here a neighbour says it, thanked for a pie
    text = ("Mon voisin m'a aidée à démarrer l'auto ce matin, à moins trente. Ce soir je lui ai porté une "
            "tourtière. Il a dit \"ah ben voyons donc\" et il m'a montré des photos de ses petits-enfants. "
            "On est restés une heure dans sa cuisine.\n\nJ'ai branché le char en revenant.\n\n"
            "J'ai vérifié deux fois.")
    assert not reading(text).sarcasm
    said = "Encore une panne, évidemment. Ben voyons, tout va très bien."
    assert reading(said).sarcasm  # said by the writer, it still is


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le voisin m'a aidée avec la batterie ce matin. Il m'a parlé de sa femme, Thérèse, morte il y a "
           "deux ans, et il riait en le racontant. Ce soir je lui ai porté une tourtière."),
    ("en", "Helped Mr Okafor with his shopping again. He told me his wife died in the spring and that the "
           "flat is too quiet. We had tea and he showed me the garden."),
])
def test_a_death_of_someone_of_theirs_is_not_named_as_the_writers_grief(language: str, text: str) -> None:
    assert "grief" not in reading(text).feelings
    grief = str(((frames(language) or {}).get("feelings") or {})["grief"]["name"]).lower()
    assert grief not in compose(text).lower()


def test_a_death_of_someone_of_the_writers_own_is_still_grief() -> None:
    assert "grief" in reading("My wife died in the spring. The flat is too quiet. I made tea for two again.").feelings


@pytest.mark.parametrize("text", [
    "Lost my temper at the lad on the self checkout. Loud. People looked. He just said sorry and fixed it. "
    "Sat in the car feeling two inches tall. Going back tomorrow to apologise if he's on.",
    "Snapped at Leo over nothing. He only wanted to show me his drawing. I want to apologise in the morning.",
])
def test_anger_the_writer_means_to_make_amends_for_is_named_as_guilt(text: str) -> None:
    r = reading(text)
    assert "guilt" in r.feelings and "anger" not in r.feelings, r


def test_saying_how_people_say_sorry_is_no_amends() -> None:
    text = ("Gary texted after four years. I was angry for a good hour, braking harder than I should. "
            "Sharon says go, it's the only way men like us know how to say sorry. Probably going.")
    assert "guilt" not in reading(text).feelings


def test_news_said_then_shouted_is_joy() -> None:
    r = reading("Passed. PASSED. Driving test, fourth go.")
    assert r.feelings == ("joy",), r
    assert "joy" in compose("Passed. PASSED. Driving test, fourth go.").lower()


def test_a_letters_farewell_above_the_name_is_not_its_heart() -> None:
    text = ("Dear Caleb,\n\nYou've been gone eleven days. The house is so quiet I can hear the fridge. "
            "Rusty still lies by your door at night.\n\nI am proud of you, I want that written down somewhere. "
            "I lie awake doing math on how old you'll be when you get out.\n\n"
            "Love you to pieces,\nMom")
    reply = compose(text)
    assert "pieces" not in reply, reply


@pytest.mark.parametrize("text", [
    "Dog ate a sock. Vet says wait. Waiting.",
    "Endlich Frühling. Fenster auf. Nachbar mäht. Egal, Fenster bleibt auf.",
])
def test_short_lines_that_tell_one_thing_are_not_framed_as_a_day(text: str) -> None:
    reply = compose(text)
    assert "rest of the day" not in reply and "Rest des Tages" not in reply, reply


def test_a_day_kept_short_with_someone_in_it_still_asks_after_them() -> None:
    reply = compose("Work 8-5. Tesco. Called Nan. Two episodes. Bed 10:30.")
    assert "Called Nan" in reply and "rest of the day" in reply, reply


@pytest.mark.parametrize(("text", "turned"), [
    ("My niece wants me to do a dance trend for the shop next week. I asked what trend and she showed me and "
     "I said no and she said we'll see. We will not see.", "We will not see"),
    ("Mum rang. I told her it was brilliant. It's not not brilliant. It's just quiet.\n\nNext Friday: say yes.",
     "It's just quiet"),
    ("Flight to Portland on Thursday. I know the stats, I've read all of it. Downloading three podcasts. "
     "Maybe this time it'll be fine. It's always fine. It just doesn't feel fine.", "doesn't feel fine"),
])
def test_a_line_turning_the_one_before_over_is_quoted_with_it(text: str, turned: str) -> None:
    reply = compose(text)
    assert turned in reply, reply


@pytest.mark.parametrize("text", [
    # a bare answer to the line before is weighed on its own, not joined as its turn
    "Kid tried to buy an energy drink with a Pokémon card. Respect the hustle. No. Took £40 less than "
    "last Tuesday. Laughed more though. Can't bank that, sadly.",
    # numbers that go on, not a line turned over
    "Rent going up £175 a month. Cancel Netflix and the gym, that's about £90. Which leaves 85. Which I don't "
    "have. Couldn't sleep, did the spreadsheet again. Same answer, funnily enough.",
])
def test_a_bare_answer_or_a_sum_going_on_is_not_a_turn(text: str) -> None:
    reply = compose(text)
    assert "Respect the hustle. No" not in reply and "Which leaves 85. Which I don't have" not in reply, reply


@pytest.mark.parametrize(("text", "feeling"), [
    ("Zoe squeaked on the high note and kept going. Never been so proud of anyone for squeaking in my life.", "pride"),
    ("Double shift, then the night feed. Never been so tired in my life.", "tiredness"),
])
def test_never_been_so_with_the_i_left_out_is_the_writers_own(text: str, feeling: str) -> None:
    assert feeling in reading(text).feelings


def test_never_been_so_said_of_someone_else_is_theirs() -> None:
    assert "joy" not in reading("He has never been so happy, his mum says.").feelings


@pytest.mark.parametrize(("text", "seen"), [
    ("Half vijf vannacht eindelijk gekalfd, de zwartbonte achterin. Stuitligging, dus dierenarts erbij. Ik heb "
     "met een bak koffie in de stal gezeten tot het licht werd. Mijn vader deed dit veertig jaar en zei nooit iets "
     "over hoe het voelt. Nu snap ik waarom. Laarzen vol stro.", "zei nooit iets over hoe het voelt. Nu snap ik waarom"),
    ("Mon chef m'a présentée comme très bien intégrée. Tout le monde a souri. J'ai pensé à toi, à toutes les fois "
     "où tu rentrais de l'usine sans rien dire. Je comprends maintenant qu'il y avait trop à dire. Dimanche je "
     "vais t'appeler, et pas trois minutes.", "Je comprends maintenant qu'il y avait trop à dire"),
])
def test_a_line_where_the_writer_now_understands_is_where_they_say_the_heart_is(text: str, seen: str) -> None:
    reply = compose(text)
    assert seen in reply, reply


@pytest.mark.parametrize(("text", "stilled"), [
    ("Pickle's kidney numbers are worse. Vet says fluids at home every other day now. 17 years old. After, she "
     "climbed onto my chest and fell asleep with her bony little head under my chin and I didn't move for an hour. "
     "Missed the shift swap text. Don't care.", "I didn't move for an hour"),
    ("Dr Patel rang at four. The lump is a cyst, nothing else. I said thank you about six times and then went and "
     "sat in a toilet cubicle for five minutes because I didn't know what to do with my face. Back at my desk by "
     "half past. Told nobody.", "sat in a toilet cubicle for five minutes"),
    ("Il medico ha chiamato alle quattro: è benigno. Ho dovuto sedermi sulle scale. Poi ho fatto la spesa come "
     "se niente fosse, pane, latte, detersivo.", "Ho dovuto sedermi sulle scale"),
    ("Mi ha chiamato il medico alle quattro, le analisi sono a posto. Non mi sono mossa dalla sedia per "
     "mezz'ora. Poi ho fatto la spesa, pane, latte e detersivo, come sempre.", "Non mi sono mossa dalla sedia"),
])
def test_the_body_stopped_by_what_was_felt_is_where_the_feeling_was(text: str, stilled: str) -> None:
    reply = compose(text)
    assert stilled in reply, reply


@pytest.mark.parametrize("text", [
    # someone else stopped: theirs
    "Tom told the story about the caravan again and laughed so hard he had to sit down. We had cake. "
    "I finally feel like the new flat is home.",
    # a plan, not the body stopped
    "Long day. I'm going to sit in the car for a bit before I go inside. Honestly the meeting was fine.",
])
def test_someone_elses_stopping_or_a_plan_is_not_the_writers_stillness(text: str) -> None:
    a = analyze(text)
    r = read(text, a.tokens, a.language)
    quoted = text[a.tokens[r.centre.first].start:a.tokens[r.centre.last - 1].end] if r.centre else ""
    assert "sit down" not in quoted and "sit in the car" not in quoted, quoted


@pytest.mark.parametrize(("language", "text"), [
    ("it", "Turno lungo in reparto. La schiena mi fa male. A letto presto."),
    ("es", "Doce horas de pie en la tienda. Me duele la espalda. A la cama."),
])
def test_a_body_that_hurts_is_not_a_hurt_feeling(language: str, text: str) -> None:
    assert "hurt" not in reading(text).feelings


def test_a_long_entrys_stillness_before_its_last_paragraph_is_what_that_paragraph_goes_on_to_say() -> None:
    text = ("My sister brought the baby round for the first time. They named her after Mum and nobody told me "
            "beforehand, they just said it at the door.\n\n"
            "Her whole hand went round one of my fingers and she held on, and I didn't move my arm even when it "
            "went dead. We had cake and Lerato took too many photos.\n\n"
            "When they left the house was very quiet. I washed the cups and cleaned the glass on Mum's photo in "
            "the hall. Then I felt silly and put it back. But I left the hall light on.")
    reply = compose(text)
    assert "I left the hall light on" in reply and "didn't move my arm" not in reply, reply


@pytest.mark.parametrize(("text", "language"), [
    # English wins the function-word count by one ("me", "me", "so"): the identifier decides
    ("Nonno ha riconosciuto me oggi. Solo me. Non so cosa sentire.", "it"),
    ("Oggi ho regalato a Matteo la PlayStation e a Giulia il mio cappotto. Tanto a me non serviranno più.", "it"),
    # plainly English, with words Spanish and Italian share ("me", "no", "a")
    ("Me and Jo drove to the coast. No rain for once, so we had a proper walk.", "en"),
])
def test_a_short_entry_english_only_by_a_word_is_answered_in_its_language(text: str, language: str) -> None:
    assert analyze(text).language == language

"""Feelings a story has left behind, fondness said as hate, and a line the writer remarks on,
found on entries written blind (fresh109, fresh110):

- "Odeio esse homem. Melhor domingo do mês.": hating is said fondly as often as felt, in
  every language; it is a hint of anger, never the anger named;
- "I finally merged the migration I've been terrified of for three weeks", "I was tired,
  arms gone … And I didn't fall": a fear a relief in the same line is from, and a hard
  feeling told of the story's start before a glad ending, are not the entry's feeling; anger
  told in the past ("I was so angry I washed every pan") still is;
- "the man you always said you'd be", in a letter to someone alive: their words reported,
  not what the writer imagines the absent would say;
- "Ich glaub, ich bin einsam. Komisch, das aufzuschreiben.": a line remarked on as strange
  to write is the heart, and the question asks after it, not after the remark;
- "Anyway." after a paragraph that felt something: the lines after it are the coda;
- « Tu en feras meilleur usage que moi. », quoted: its opening mark is kept with its close;
- "I hadn't said a single word out loud since Friday", 'I said "morning" to the postman':
  a voice unused is loneliness, and a thank-you in quotation marks is no glad tone against it;
  "wherever you are", in a letter, is written to one gone; "I'm lonely. There, I said it."
  owns the feeling, and is the heart;
- "… que eu odiava, e que agora dava tudo para ouvir": what the writer would give anything
  for is longing's own words, in every language, and the line is the heart."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mirror.engine.offline import compose

FOND_HATE = {
    "pt": ('Churrasco na casa do tio Beto. Ele é flamenguista, eu sou vascaína. Perdemos no último minuto e ele só me passou o maior pedaço de picanha, sem dizer nada, com cara de enterro.\n\nOdeio esse homem. Melhor domingo do mês.', "raiva"),
    "it": ("Pranzo da nonno Gino. Lui è juventino, io interista. Abbiamo perso al novantesimo e lui, zitto zitto, mi ha messo nel piatto la fetta più grande di arrosto.\n\nOdio quest'uomo. La domenica più bella del mese.", "rabbia"),
}


@pytest.mark.parametrize("language", sorted(FOND_HATE))
def test_hate_said_fondly_is_not_named_anger(language: str, feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry, anger = FOND_HATE[language]
    assert "anger" not in feelings_of(entry)
    assert anger not in compose(entry).lower()


RELIEF_FROM_FEAR = "Long day. Standup ran over again.\n\nAt four I finally sent the grant application I've been completely terrified of since March. No typos that I can see. My supervisor replied with a thumbs up and I've looked at it about ten times.\n\nMade a proper dinner for once."


def test_a_fear_a_relief_is_from_is_not_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "fear" not in feelings_of(RELIEF_FROM_FEAR)
    assert "fear" not in compose(RELIEF_FROM_FEAR).lower()


def test_a_fear_still_felt_after_the_relief_is_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "fear" in feelings_of("Finally handed in the thesis today, and I'm still scared of the viva next month. My hands were shaking at the desk.")


CLIMB = "Finally did the blue route on the overhang, the one I've fallen off about twenty times since spring.\n\nI nearly didn't try. I was tired, arms gone, and some teenagers were warming up on it like it was a staircase.\n\nThen they left and I thought, one more go. And I didn't fall. My foot just stayed put for once.\n\nTopped out and shouted something embarrassing. A stranger cheered from across the wall. Hands are wrecked. Worth every bit of it."


def test_tiredness_the_story_starts_from_is_not_its_feeling_or_its_moment(
        feelings_of: Callable[[str], tuple[str, ...]], centre_of: Callable[[str], str]) -> None:
    assert "tiredness" not in feelings_of(CLIMB)
    assert "I was tired" not in centre_of(CLIMB)
    assert "tiredness" not in compose(CLIMB).lower()


def test_anger_told_in_the_past_is_still_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "anger" in feelings_of('Christmas dinner. My uncle started on my cousin\'s job again, the whole lecture about young people not working hard. She\'s a nurse on nights.\n\nI said "come on, that\'s enough." My mother gave me the look, as if I\'d ruined dinner.\n\nI was so angry I washed every pan in the house just to have something to do with my hands.\n\nLater my cousin texted "thank you" with a heart. That helped.')


def test_someones_own_words_reported_in_a_letter_are_no_longing(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = "Dear Tom,\n\nI'm not sending this. I saw you at the station on Friday with a little girl on your shoulders. You were laughing. You looked like the man you always said you'd be once things settled down.\n\nI thought it would sting. It didn't, much. It was like walking past a house I used to live in.\n\nI hope you're well. I mean that.\n\nAnna"
    assert "longing" not in feelings_of(entry)
    assert "longing" not in compose(entry).lower()


def test_what_the_writer_says_the_absent_would_have_said_is_still_longing(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "longing" in feelings_of("Dad,\n\nIt's been six years. Noah turned five last week and he has your ears. He asked if you'd have liked him. I said you'd have liked him more than me. He laughed at that.\n\nMiss you, old man.")


REMARKED = {
    "en": ("Working from home since spring. This week the only person I really spoke to was the man who delivered the parcel next door. I think I'm lonely. Weird to write that down. It sounds so dramatic for someone with a good job and a nice flat.\n\nMaybe I'll ask about going into the office on Thursdays. Or join the choir. Something.", "I think I'm lonely", "loneliness"),
    "de": ('Seit einem Jahr Homeoffice. Diese Woche hab ich nur mit dem Postboten länger geredet, über das Wetter. Ich glaub, ich bin einsam. Komisch, das aufzuschreiben. Klingt so dramatisch für jemanden, der eigentlich alles hat.\n\nMorgen frag ich, ob ich donnerstags ins Büro kann. Oder ich geh endlich zu dem Chor. Irgendwas.', "ich bin einsam", "Einsamkeit"),
}


@pytest.mark.parametrize("language", sorted(REMARKED))
def test_a_line_remarked_on_as_strange_to_write_is_the_heart(language: str) -> None:
    entry, line, feeling = REMARKED[language]
    reply = compose(entry)
    assert line in reply
    assert feeling.lower() in reply.lower()
    assert "aufzuschreiben“:" not in reply and "„das aufzuschreiben“" not in reply
    assert "Irgendwas" not in reply and "Something" not in reply


BUS = 'The 38 was rammed after work and I was standing with two bags of shopping and a box of cat litter, swaying around like a drunk pendulum. The day had been bad in that small grinding way: a pointless argument with my manager about a spreadsheet, a headache since noon, forgot my lunch.\n\nAn older man in a flat cap tapped my arm and, without saying anything, took the cat litter off me and held it on his lap for six stops. Just held it. We didn\'t talk. When he got off he handed it back, nodded, and said "chin up, love."\n\nI don\'t know why that nearly made me cry. Maybe because I hadn\'t noticed my chin was down until somebody else did.\n\nAnyway. The cat is thrilled with the litter. She has no idea it had an adventure.\n'


def test_after_anyway_the_lines_are_the_coda(centre_of: Callable[[str], str]) -> None:
    assert "nearly made me cry" in centre_of(BUS)
    assert "adventure" not in compose(BUS)


def test_a_punchline_after_anyway_is_still_the_punch() -> None:
    assert "I counted" in compose('The man across the road has a leaf blower the size of a jet engine. Saturday, 7:40, moving about nine leaves from his drive onto mine. Priya says I should talk to him. Priya has never met Gordon.\n\nAnyway. Nine leaves. I counted.')


def test_a_french_quotation_quoted_keeps_its_opening_mark() -> None:
    reply = compose("Dimanche chez maman. Elle a rangé le grenier toute la journée et m'a montré des photos de papa jeune.\n\nEn partant, elle m'a donné sa vieille machine à coudre. « Tu en feras meilleur usage que moi. » Je l'ai mise dans le coffre sans rien dire.")
    quoted = reply[reply.index("\u00ab") + 1 : reply.index("\u00bb")]
    assert quoted.count("\u2018") == quoted.count("\u2019") >= 1
    assert "\u2018Tu en feras" in quoted


VOICE_UNUSED = ("Five weeks in Leeds. The job is good and the flat gets the morning sun.\n\n"
                "On Sunday I realised I hadn't said a single word out loud since Friday's meeting. "
                "I said \"morning\" to the postman and my voice came out cracked, like an old door.\n\n"
                "Going to try the running club on Wednesday.\n")


def test_a_voice_unused_for_days_is_loneliness_even_beside_a_thank_you(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "loneliness" in feelings_of(VOICE_UNUSED)
    assert "loneliness" in compose(VOICE_UNUSED).lower()


def test_a_letter_to_where_someone_is_now_misses_them(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Dear Pip,\n\nThe vet was kind and you didn't feel a thing. I held your paw the whole time.\n\n"
             "Three days now. I still step over the spot by the radiator.\n\n"
             "I hope there are rabbits wherever you are, and that they're slow.\n\nLove, your person\n")
    assert "longing" in feelings_of(entry)


def test_a_feeling_owned_up_to_there_i_said_it_is_the_heart(centre_of: Callable[[str], str]) -> None:
    entry = ("Three months in Lyon now. I'm lonely. There, I said it. Work is good, the bread is ridiculous and "
             "the flat has a balcony. But it's Saturday and nobody has called, and the market closes at one.\n")
    assert "I'm lonely" in centre_of(entry)


GIVE_ANYTHING = 'Faz hoje três anos que vim para Londres. Não sei bem porque é que fui ver a data, mas fui.\n\nEstá tudo bem, a sério. O trabalho é bom, ganho o triplo do que ganhava em Lisboa, tenho uma casa com jardim (minúsculo, mas é um jardim). Já digo "cheers" sem pensar e já nem me queixo da chuva, porque não vale a pena.\n\nMas hoje, no supermercado, dei com bacalhau numa prateleira da secção "international" e fiquei ali especado uns bons minutos, feito parvo. Lembrei-me da minha avó a demolhar o bacalhau na banheira na véspera de Natal, a casa toda a cheirar a peixe, o meu avô a resmungar. Lembrei-me do barulho do 28 a passar na rua às sete da manhã, que eu odiava, e que agora dava tudo para ouvir.\n\nLiguei à minha mãe. Falámos de nada durante uma hora. Ela perguntou "então, quando é que vens?" e eu disse "logo se vê", que é o que dizemos sempre.\n\nComprei o bacalhau. Custou uma fortuna. Ficou salgado demais. Comi-o todo.\n'


def test_what_the_writer_would_give_anything_for_is_the_heart(centre_of: Callable[[str], str]) -> None:
    assert "dava tudo para ouvir" in centre_of(GIVE_ANYTHING)


def test_a_diary_greeted_inline_is_no_tenderness(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Liebes Tagebuch, heute wieder eine herrliche Fahrt mit der Bahn. Der Zug nach Köln hatte erst zehn "
             "Minuten Verspätung, dann vierzig, dann gar keine Angabe mehr. Mein reservierter Wagen fehlte. Ich "
             "stand drei Stunden im Gang neben einem Kinderwagen. Jetzt fülle ich das Formular für die "
             "Entschädigung aus.\n")
    assert "love" not in feelings_of(entry)
    assert "Zärtlichkeit" not in compose(entry)


def test_anger_said_to_be_over_just_before_is_not_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Bus log, Monday:\n- 7:40 bus \"not in service\". Which service.\n- 8:05 bus full, drove past.\n"
             "- 8:30 finally on, standing, someone's umbrella in my ear.\n- 9:10 at work, meeting moved to Thursday.\n\n"
             "I'm not even angry anymore. I've gone through angry and out the other side into something beige. "
             "Tomorrow I'm walking. (I'm not going to walk.)\n")
    assert "anger" not in feelings_of(entry)
    assert "anger" not in compose(entry).lower()


def test_anger_said_again_after_it_was_over_is_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "anger" in feelings_of("I'm not angry anymore. But I was so angry at the funeral I couldn't speak.\n")


def test_a_question_about_what_anyone_does_is_the_writers_own() -> None:
    entry = ("Tried to make plans with Jo again. Third time since June. She said \"yes!! soon!!\" and then nothing.\n\n"
             "We've been friends since we were nine. Nobody did anything wrong. I keep reading our old messages.\n\n"
             "What do you do when nobody did anything wrong and it still hurts?\n")
    reply = compose(entry)
    assert "it still hurts?" in reply
    assert "question" in reply


def test_a_short_line_of_its_own_is_quoted_with_the_line_it_lands_on() -> None:
    entry = ("Pepper won't eat from her bowl anymore, only from my hand. The vet says it happens with the old ones.\n"
             "It takes about half an hour. My back hates it.\nI'd sit there all night.\n")
    reply = compose(entry)
    assert "My back hates it. I'd sit there all night" in reply
    assert "\u201cI'd sit there all night\u201d" in reply  # (asked after by itself)


def test_a_list_item_above_a_short_line_is_not_its_set_up() -> None:
    entry = ("Library, Tuesday:\n- helped Mr Obi set up an email account. took 40 min.\n"
             "- lunch: bad. new café sandwich is mostly lettuce.\nThought about Mr Obi all afternoon.\n")
    assert "lettuce" not in compose(entry)


def test_what_the_writer_keeps_thinking_is_the_clause_asked_after() -> None:
    reply = compose("Card declined at the chemist. The man behind me sighed. I put back the good shampoo and paid "
                    "with the other card. Sat in the car for a while. I'm forty. I keep thinking there was some class "
                    "on being an adult that everyone else took.\n")
    assert "\u201cthere was some class on being an adult that everyone else took\u201d" in reply


@pytest.mark.parametrize("entry, clause", [
    ("The nurse was so kind to Mum that I got flustered. I don't think I even said thank you properly.\n",
     "\u201cI even said thank you properly\u201d"),
    ("Night shifts again. At work they think I'm the one who's always cheerful on nights.\n",
     "\u201cI'm the one who's always cheerful on nights\u201d"),
    ("Went back to the old house today. I thought it would feel worse.\n", "\u201cit would feel worse\u201d"),
])
def test_a_thought_denied_someone_elses_or_corrected_is_not_cut_from_its_verb(entry: str, clause: str) -> None:
    assert clause not in compose(entry)


def test_what_the_writer_had_not_told_anyone_is_where_the_entry_holds(centre_of: Callable[[str], str]) -> None:
    entry = ("Long week. Standup ran long again and lunch was a sad sandwich at my desk.\n\nThe dermatologist rang at "
             "four: the mole is benign. She said it like the weather and I said \"oh great, thanks\" and then sat in the "
             "stairwell for ten minutes. I hadn't told anyone I was worried. Called Mum on the walk home and we talked "
             "about her neighbours' new fence for half an hour, which was exactly what I needed.\n\nNeed bin bags.\n")
    assert centre_of(entry) == "I hadn't told anyone I was worried"

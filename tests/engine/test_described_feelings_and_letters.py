"""Where the writer stops to describe what they felt, whose gladness a letter tells, and a day
told without a voice in it, found on entries written blind (fresh102, fresh106):

- "I've been trying to write down what it felt like and the closest I can get is: like
  someone turned a light on …": the writer says this line is the feeling put into words;
  it is the heart, over the joke that ends the entry ("Too much salt. Perfect."), in each
  language;
- "I know you're happy in Melbourne", in a letter to a friend far away: the friend's
  gladness, not the writer's (named joy beside loneliness, the reply read as misheard);
- "nobody texted" in a list of a day's small things: the day told without a voice is where
  the loneliness is lived, and the line to quote, over a joke about yogurt on cereal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mirror.engine.offline import compose

DESCRIBED = {
    "en": ("My brother came round on Sunday with a bag of oranges and fixed the gate that has hung off since March. "
           "He didn't ask how I was and I didn't say. We drank tea in the garden. Tried to say how it felt and the "
           "closest I can get is: like being handed a coat I didn't know I was cold without. The gate clicks shut "
           "now. Oranges were sour.\n", "handed a coat"),
    "es": ("Mi hermano vino el domingo con una bolsa de naranjas y arregló la puerta del jardín, que colgaba desde "
           "marzo. No me preguntó cómo estaba y yo no se lo dije. Tomamos café en el patio. La única forma de "
           "describirlo es esta: como si alguien abriera una ventana en una casa cerrada. La puerta ya cierra. "
           "Las naranjas estaban ácidas.\n", "abriera una ventana"),
    "de": ("Mein Bruder kam am Sonntag mit einer Tüte Orangen vorbei und hat das Gartentor repariert, das seit März "
           "schief hing. Er hat nicht gefragt, wie es mir geht, und ich habe nichts gesagt. Wir haben Tee im Garten "
           "getrunken. Anders kann ich es nicht beschreiben: als hätte jemand in einem dunklen Zimmer das Licht "
           "angemacht. Das Tor schließt jetzt. Die Orangen waren sauer.\n", "das Licht"),
}


@pytest.mark.parametrize("language", sorted(DESCRIBED))
def test_the_feeling_put_into_words_is_the_heart(language: str, centre_of: Callable[[str], str]) -> None:
    entry, words = DESCRIBED[language]
    assert words in centre_of(entry)
    assert words in compose(entry)


LETTER = ("Priya,\n\nI went to our noodle place on Friday and sat at the window table without thinking. "
          "I know you're happy in Lisbon. I see the photos, the tiles, the boyfriend with the moustache.\n\n"
          "Nobody here laughs at the thing about the pigeon. I said it at work and got a blank look.\n\n"
          "I just miss someone who knew me before I was anyone.\n")


def test_a_letters_you_are_happy_is_the_one_written_to(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "joy" not in feelings_of(LETTER)
    assert "joy" not in compose(LETTER)


def test_a_writers_own_gladness_beside_you_is_still_theirs(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "joy" in feelings_of("You were so far away all year. I'm so happy you're back.\n")


DAY = ("Saturday:\n- up at 11\n- toast (burnt, ate it anyway, regret)\n- watched a film about a heist. I could "
       "never do a heist. I can't even do toast.\n- tidied the bookshelf by height\n- nobody texted\n- bed at 10\n")


def test_a_day_without_a_voice_is_where_the_loneliness_is(centre_of: Callable[[str], str]) -> None:
    assert centre_of(DAY) == "nobody texted"
    reply = compose(DAY)
    assert "loneliness" in reply and "toast" not in reply


def test_a_row_told_in_polish_is_an_event_not_anger_said(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    # "we argued", as English has it: a row is what happened; the anger is named when said
    assert "anger" not in feelings_of("Pojechałem z tatą do sklepu. Pokłóciliśmy się o parking, jak zwykle krótko. "
                                      "W drodze powrotnej zasnął, a ja jechałem wolniej.\n")
    assert "anger" in feelings_of("Jestem wściekła. Pokłóciliśmy się znowu o pieniądze.\n")


NOTE = ("Snapped at Tom over the bins this morning. He went quiet and said \"fair enough\" in that flat way, and "
        "that was worse than if he'd shouted. Plan for tomorrow: take the bins out first. Coffee before talking. "
        "And maybe no phone at breakfast.\n")


def test_a_note_for_tomorrow_is_an_afterthought_not_the_heart(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(NOTE)
    assert "that was worse" in centre
    assert "phone at breakfast" not in centre


ASKED = {
    "es": ("Me ofrecen el puesto en Valencia, pero mi madre está sola aquí. Llevo una semana durmiendo mal. "
           "¿Qué debería hacer?\n", "¿Qué debería hacer?"),
    "fr": ("On me propose le poste à Lyon, mais ma mère est seule ici. Je dors mal depuis une semaine. "
           "Qu'est-ce que je devrais faire ?\n", "Qu'est-ce que je devrais faire"),
    "de": ("Mir wird die Stelle in Hamburg angeboten, aber Mama ist hier allein. Ich schlafe seit einer Woche "
           "schlecht. Was soll ich tun?\n", "Was soll ich tun?"),
    "pt": ("Me ofereceram a vaga em Recife, mas minha mãe está sozinha aqui. Faz uma semana que durmo mal. "
           "O que eu deveria fazer?\n", "O que eu deveria fazer?"),
    "it": ("Mi offrono il posto a Torino, ma mia madre è sola qui. Dormo male da una settimana. "
           "Cosa dovrei fare?\n", "Cosa dovrei fare?"),
    "pl": ("Proponują mi pracę w Gdańsku, ale mama jest tu sama. Od tygodnia źle śpię. Co mam zrobić?\n",
           "Co mam zrobić?"),
    "nl": ("Ik kan de baan in Utrecht krijgen, maar mama is hier alleen. Ik slaap al een week slecht. "
           "Wat moet ik doen?\n", "Wat moet ik doen?"),
}


@pytest.mark.parametrize("language", sorted(ASKED))
def test_advice_asked_outright_is_heard_in_each_language(language: str) -> None:
    from mirror.engine.reading import frames

    entry, asked = ASKED[language]
    reply = compose(entry)
    data = frames(language)
    assert data is not None
    # the asking is said back as asked, with a frame that hears it and a question about
    # what the person already knows, never an answer
    assert asked in reply
    assert any(f.split("{q}")[0] in reply for f in data["frames"]["request"]), reply
    assert any(reply.endswith(f) for f in data["frames"]["ask_request"]), reply


PLAN_TAIL = ("Lunch with Mum. She asked about the flat and told me about her knee. I nearly told her about the job "
             "and then didn't. Must remember to book the dentist tomorrow. Third cancellation this year would be a "
             "record.\n")


def test_what_would_be_said_of_a_plan_is_its_tail_not_where_the_entry_lands(
        centre_of: Callable[[str], str]) -> None:
    centre = centre_of(PLAN_TAIL)
    assert "nearly told her about the job" in centre
    assert "dentist" not in centre and "record" not in centre


def test_a_longing_said_in_the_line_a_fragment_finishes_is_named(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    # the fragment "De coisas que fazem barulho." goes on with the line that says the feeling
    entry = ("Mais um sábado em Zurique. Liguei à minha irmã, falámos do tempo e do cão. Aqui até os elétricos "
             "são silenciosos. Acho que no fundo é disso que tenho saudades. De coisas que fazem barulho.\n")
    assert feelings_of(entry) == ("longing",)


def test_snapping_at_a_stranger_is_still_lashing_out(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "guilt" in feelings_of("I was short with the girl at the bakery this morning. She went quiet. "
                                  "I saw her face change.\n")
    assert "guilt" not in feelings_of("Snapped at the printer again. It jammed twice before lunch.\n")


def test_a_last_line_that_says_everything_must_change_is_where_the_entry_lands(
        centre_of: Callable[[str], str]) -> None:
    entry = ("Tuesday. Printer jammed. Fixed it. Printer jammed again. Dave fixed it. Dave's leaving cake was "
             "carrot. Spreadsheet. Spreadsheet. Watched a crow on the bins for what was, honestly, a meaningful "
             "amount of time. Drove home. Ate. This is fine.\n\nSomething needs to change.\n")
    assert centre_of(entry) == "Something needs to change"


def test_it_was_only_when_points_at_where_it_landed(centre_of: Callable[[str], str]) -> None:
    entry = ("Went to Sam's leaving do at the pub. Loud, which he'd have liked. Someone had a slideshow with the "
             "photo of him in the inflatable dinosaur costume. Everybody laughed. I laughed. Talked to his brother "
             "about rugby for half an hour, drove home, put the kettle on.\n\nIt was only when I went to send him "
             "a photo of the slideshow that it landed.\n")
    assert centre_of(entry).startswith("It was only when I went to send him a photo")


def test_a_childs_worry_in_a_dialogue_is_the_childs(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Bedtime:\nNia: Do snails get cold?\nMe: Maybe a bit.\nNia: What if it's a snail that bites.\n"
             "Me: Snails don't bite.\nNia: How do you KNOW.\n\nShe's asleep. I'm reading about snail teeth.\n")
    assert "anxiety" not in feelings_of(entry) and "fear" not in feelings_of(entry)


def test_praise_said_again_with_a_shout_is_glee_not_irony() -> None:
    entry = ("Presented my poster in Spanish today, to a whole room, and only said \"cómo se dice\" once. My "
             "supervisor said \"very clear.\" Very clear! Rang my grandmother afterwards and she made me say it "
             "twice. Then the line dropped because her signal is terrible, and I sat outside the hall feeling very "
             "far from home and very good at the same time.\n")
    reply = compose(entry)
    assert "wry" not in reply and "joke" not in reply, reply


SISTER = ("Dear Tom,\nI won't send this, so I can say it. You ring Dad once a month and then tell me at Easter that I "
          "fuss. You don't see him on the stairs.\nI do the pills. I do the bins. I learned how the bloody hearing "
          "aids work. And you got to be the fun one.\nThat's the bit I hate. Not that you're not here. That he still "
          "lights up for you, and it's me he's tired of.\nYour sister (still, apparently)\n")


def test_a_letter_signed_as_someone_is_not_quoted_for_its_signature() -> None:
    reply = compose(SISTER)
    assert "Your sister" not in reply
    assert "me he's tired of" in reply


def test_a_cleft_on_someone_is_no_verdict_to_ask_what_made_it_so() -> None:
    reply = compose("I do everything for him. She rings once a month. It's me he's tired of.\n")
    assert "makes it you" not in reply and "made it you" not in reply, reply


def test_what_is_announced_after_a_colon_is_said_in_that_line(centre_of: Callable[[str], str]) -> None:
    entry = ("Weekend at the coast with the old flat. First time all four of us since the wedding. Cereal for "
             "dinner because nobody could work the oven. Kate laughed so hard at her own crying that she snorted "
             "tea. On the beach Mo said we have to do this every year, and we all knew we wouldn't. That's the "
             "thing I want to remember: that it was fine anyway. Drove home with the radio off.\n")
    assert centre_of(entry) == "That's the thing I want to remember: that it was fine anyway"


def test_holding_back_tears_is_where_the_moment_undid_the_writer(centre_of: Callable[[str], str]) -> None:
    entry = ("Sono tornata in chiesa dopo dieci anni, per la messa del nonno. Mi sono seduta in fondo, come da "
             "ragazza, e ho fatto tutti i gesti giusti senza pensarci: in piedi, seduta, il segno della croce. "
             "Non so cosa credo. Però quando hanno cantato quella cosa che la nonna cantava sempre, ho dovuto "
             "guardare il soffitto per non piangere. Forse è solo memoria.\n")
    assert "per non piangere" in centre_of(entry)


def test_a_word_in_brackets_describing_someone_is_theirs(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Jo's wedding. Seated at Table 4, which was (and I cannot stress this enough) the singles table, "
             "disguised as \"Bluebell.\"\nAt Bluebell: me, Jo's cousin Dev (newly single, deeply into cold "
             "plunges), a lovely man called Ron (81, widowed, two ciders in by the speeches), and a woman from Jo's "
             "work who explained pickleball to her napkin.\nDuring the bouquet toss I went to the loo. "
             "Strategically. Came back to find Ron had caught it and was waving it about like a trophy.\nWatching "
             "Jo say her vows I did feel it, that little drop. But halfway through she looked at me over his "
             "shoulder and did our stupid face from school.\nRon's given me his number. We're going to a tea "
             "dance.\n")
    assert "grief" not in feelings_of(entry)
    reply = compose(entry)
    assert "grief" not in reply and "sharp" not in reply  # nor "our stupid face" a verdict on oneself


def test_crying_in_spanish_counts_and_what_was_not_expected_is_its_own_point(
        centre_of: Callable[[str], str]) -> None:
    entry = ("Hoy intenté hacer las torrijas de la abuela, con la receta en el reverso de un recibo viejo. Me "
             "salieron blandas por dentro y quemadas por fuera, y la casa entera olía a canela. Mi hermano dijo "
             "que estaban casi iguales. Lo que no esperaba es ponerme a llorar fregando la sartén. Mañana "
             "plastifico el recibo.\n")
    assert centre_of(entry).startswith("Lo que no esperaba es ponerme a llorar")


def test_wanting_it_down_in_ink_announces_what_the_same_line_says(centre_of: Callable[[str], str]) -> None:
    entry = ("My grandson set up the tablet so I can see the baby. You press the green circle. On Sunday I got a man "
             "selling gutters. Tuesday it worked, and little Mae smiled at me, a real one. My hand is shaky so I'll "
             "keep this short. But I wanted it down in ink somewhere that she smiled at me on a Tuesday. Green "
             "circle. I've written it on a sticky note.\n")
    assert "she smiled at me on a Tuesday" in centre_of(entry)


def test_the_thing_described_after_an_announcement_is_not_said(centre_of: Callable[[str], str]) -> None:
    # a relative clause after "here's the thing" describes the thing; the heart is further on
    entry = ("Drove Mia to her exam. Here's the thing, though, that I keep not writing down: at a red light I looked "
             "at her in the mirror and she was smiling at her phone, and I didn't ask.\n")
    assert "red light" in centre_of(entry)

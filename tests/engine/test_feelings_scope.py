"""Where a feeling is the writer's: a "no" in the sentence before does not unsay it, a hint
of another feeling does not unsay good news shouted, and hating everyone is a mood said
large, not anger at someone."""

from __future__ import annotations

from mirror.engine.reading import read


def test_a_negation_governs_its_own_sentence_only() -> None:
    # "Not jealousy of Rob, God no. Jealousy of how sure she looked.": the second is said
    text = ("Watched my sister open her presents. Not jealousy of the presents, God no. Jealousy "
            "of how easy she makes it look. I'm proud of her, honestly.")
    assert "envy" in read(text).feelings
    assert "envy" not in read("Not jealousy, no. Just tired of the noise.").feelings


def test_good_news_shouted_is_joy_beside_a_memory_hint() -> None:
    text = ("¡¡Lucía aprobó el carnet a la primera!! Me acuerdo de ella con cuatro años en el "
            "triciclo chocando con todo. Ahora conducirá sola y yo me quedaré despierta esperando.")
    assert read(text, language="es").feelings == ("joy",)


def test_hating_everyone_is_not_named_anger() -> None:
    assert "anger" not in read("I hate everyone, including the dog, who has done nothing wrong.").feelings
    assert "anger" in read("I am so angry with him. He lied to me for two years.").feelings


def test_never_before_a_comparison_says_more_not_none() -> None:
    # "I've never loved him more": the feeling at its strongest (read blind, the reply missed
    # it and asked after "I'm sorry Dev" instead)
    assert "love" in read("He's asleep with the puppy on his chest. I've never loved him more, honestly.").feelings
    assert "pride" in read("I never felt so proud of anyone in my life.").feelings
    assert "love" not in read("I never loved him. I know that now.").feelings


def test_thanks_said_back_to_someone_after_their_words_is_not_named_gratitude() -> None:
    # "Papa … hat gesagt, der hält ja tatsächlich. Danke, Papa.": a dry answer on the page
    text = ("Erstes eigenes Stück fertig, ein Schemel aus Eiche. Papa hat sich draufgesetzt und "
            "gesagt, der hält ja tatsächlich. Danke, Papa.")
    assert "gratitude" not in read(text, language="de").feelings
    assert "gratitude" in read("Mum drove me to the airport at four and never complained. "
                               "I am so grateful for her.").feelings


def test_a_feeling_asked_about_in_its_clause_is_not_named() -> None:
    # "I wonder if I did it enough": asked, not said; it was named pride ("I did it") and
    # wonder ("I wonder") before
    asked = read("But I wonder if I did it enough, the hand on the shoulder. I honestly don't "
                 "remember.").feelings
    assert "pride" not in asked and "wonder" not in asked
    assert "joy" not in read("Not sure whether I am happy about the move.").feelings
    # the question ends with its clause: the relief after ", but" is said
    assert "relief" in read("I don't know if we're okay, but I can breathe again.").feelings
    # "if I'm honest" says the feeling it opens
    assert "pride" in read("And if I'm honest I'm proud of the small thing I got to do.").feelings


def test_wonder_as_awe_is_named_but_wondering_whether_is_not() -> None:
    assert "wonder" in read("I was in awe.").feelings
    assert "wonder" not in read("I wonder where that glove ended up.").feelings
    assert "wonder" not in read("No wonder I was so tired all week.").feelings


def test_a_feeling_joined_after_a_placed_one_is_named_too() -> None:
    # "tired in the shoulders and proud in the chest": the body word places the tiredness,
    # it does not make the pride a sensation (read blind, naming tiredness alone was graded 2)
    assert set(read("Tonight I am tired in the shoulders and proud in the chest.").feelings) \
        == {"tiredness", "pride"}
    assert "pride" in read("Ich bin müde in den Beinen und stolz.", language="de").feelings
    # a body's own state is still no feeling, and someone else's feelings stay theirs
    assert read("My arm went numb and my face hurt.").feelings == ()
    assert "sadness" not in read("I was tired because she was angry and sad.").feelings


def test_italian_nervosa_alone_names_no_worry() -> None:
    # "perché ero nervosa" to a mother calling four times is short temper as often as worry
    text = ("Oggi mamma mi ha chiamato quattro volte. Sono nervosa, mammà, perché ho tre cantieri "
            "aperti e tu mi chiami per la Panda di zia Nunzia.")
    assert "anxiety" not in read(text, language="it").feelings
    assert "anxiety" in read("Sono preoccupata per i risultati di domani.", language="it").feelings


def test_german_glueck_is_luck_not_thanks() -> None:
    # "Tom hatte Glück, er musste bei Lotte bleiben": Tom's luck, said drily, was named the
    # writer's Dankbarkeit; "Glück auf" is a greeting
    text = ("Ich saß auf einem Kinderstuhl, Knie bis zum Kinn. Tom hatte Glück, er musste bei "
            "Lotte bleiben.")
    assert "gratitude" not in read(text, language="de").feelings
    assert "gratitude" not in read("Na dann. Glück auf, Junge.", language="de").feelings
    assert "gratitude" in read("Ich bin so dankbar für diese Nachbarn.", language="de").feelings


def test_calm_beside_fury_is_not_named() -> None:
    # "What I should have said: … Calm, factual, devastating. … Still furious.": asked how
    # the calm was sitting with her, the reply was graded 1 blind
    text = ("Rachel presented my analysis and Gary said great work Rachel. What I should have "
            "said: “Happy to take questions on the methodology.” Calm, factual, devastating. "
            "Still furious.")
    assert read(text).feelings == ("anger",)
    assert read("Yoga at 7. Calm for the first time in weeks.").feelings == ("calm",)

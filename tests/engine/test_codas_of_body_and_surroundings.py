"""A coda of the body and surroundings, set down after the story ("Obs all stable. Two hours to
go. Coffee's gone cold twice.", "Walked home the long way past the canal. Feet are wrecked."),
is not where the entry lands: the moment before it is.

Read blind, every such coda quoted over the warm moment above it was graded 2 ("quotes the
coffee-gone-cold tail and skips Mrs Okafor and the moon, which is plainly the heart"). A short
last paragraph that says how it went ("Good day, though."), or that has someone in it ("Let
him wait."), is still the entry's own last word and stays where it lands.
"""

from __future__ import annotations

from mirror.engine.offline import compose

_STALL = ("First Saturday on the stall on my own. Set up in the dark, hands like ice.\n\n"
          "An old man bought the last of the plum jam and said it tasted like his mother's kitchen "
          "in Kraków. He stood there holding the jar with both hands for a moment before he left.\n\n")


def _quoted(reply: str) -> str:
    return reply.split("\u201c", 1)[1].split("\u201d", 1)[0]


def test_a_coda_of_the_body_and_surroundings_is_not_the_centre() -> None:
    reply = compose(_STALL + "Packed down by four. Van smells of onions.")
    assert "onions" not in reply
    assert "holding the jar with both hands" in _quoted(reply)


def test_under_one_paragraph_of_story_a_coda_leaves_it_too() -> None:
    reply = compose(
        "3am round. Mr Lewis in bed 9 couldn't sleep and asked me to read him the football results "
        "from the paper. I read all of them, even the Scottish ones. He closed his eyes at "
        "Stenhousemuir and said his brother used to take him there. I sat a bit longer than I "
        "should have.\n\nObs stable. Three hours left. Tea's gone cold again.")
    assert "Tea's gone cold" not in reply
    assert "I sat a bit longer than I should have" in _quoted(reply)


def test_a_short_last_word_on_how_it_went_still_lands() -> None:
    reply = compose(_STALL + "Packed down by four. Good day, though.")
    assert "Good day, though" in _quoted(reply)


def test_a_short_last_paragraph_with_someone_in_it_still_lands() -> None:
    reply = compose(_STALL + "Didn't text Jonas back. Let him wait.")
    assert "Let him wait" in _quoted(reply)


def test_the_weathers_il_is_nobody_in_a_french_coda() -> None:
    reply = compose(
        "Mon frère est venu déjeuner. Ça faisait six ans. On n'a pas parlé des six ans.\n\n"
        "En partant il m'a serré dans ses bras, un peu maladroitement, et il a dit : « À Noël, "
        "alors. » J'ai dit oui.\n\nIl pleut depuis ce soir. Les vitres sont froides.")
    assert "Il pleut" not in reply


def test_where_the_subject_is_dropped_only_a_coda_said_as_an_aside_is_one() -> None:
    story = ("Hoje a Bia disse \"papai\" pela primeira vez olhando pra mim. Eu cheguei do trabalho "
             "e ela largou o bloquinho e veio engatinhando.\n\nFiquei sentado no chão com ela no "
             "colo, de tênis ainda, sem conseguir dizer nada.\n\n")
    assert "trânsito" not in compose(story + "O trânsito na ponte estava um inferno hoje, aliás.")

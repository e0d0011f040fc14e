"""How a reply reads a feeling tallied at nothing, a loss that is someone else's, an aside
between commas and words that only look like a feeling, found on entries written blind
(fresh91):

- "Regrets: none." closing a log is no regret (named guilt, graded 1);
- "He died in 2016", of a patient's husband asked after, is the patient's loss, not the
  writer's grief (graded 2); the writer's own dad stays theirs;
- a quote never opens on an aside ("thank god, and I thought I was muted …", graded 2);
- "I stood up" is standing, not being stood up: pride said plainly beside it is named;
- "Sou uma vergonha como dona" over a dog forgiven is a joke at the writer's expense
  (named shame, graded 1); "J'y suis arrivée seule avec deux valises" is arriving, not
  pride (graded 2)."""

from __future__ import annotations

from collections.abc import Callable

from mirror.engine.offline import compose

CAFE = ("Things overheard at the café today (working from there, allegedly):\n"
        "- \"He's not a bad man, he's just a Scorpio.\"\n"
        "- \"No, the other Steve. Boat Steve.\"\n"
        "Words written of my report: 140. Regrets: none.\n")


def test_a_feeling_tallied_at_none_is_not_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "guilt" not in feelings_of(CAFE)
    assert "guilt" not in compose(CAFE)
    assert feelings_of("Worries: zero. Sat in the sun all afternoon and read my book.\n") == ()


def test_a_feeling_tallied_at_something_is_still_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "guilt" in feelings_of("I shouted at my brother over nothing. I regret it already, honestly.\n")


NIGHT_SHIFT = ("Night shift notes\n"
               "- Mrs D. asked for her husband again. Told her he'd be in later. He died in 2016. "
               "Don't know if that was right.\n"
               "- Ate a yoghurt standing up at 4 am. Only meal.\n")
SHED = "Cleared out the shed today. My dad built it in 1979. He died in March and I still can't throw his jars away.\n"


def test_a_death_told_of_someone_elses_husband_is_not_the_writers_grief(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "grief" not in feelings_of(NIGHT_SHIFT)
    assert "Grief" not in compose(NIGHT_SHIFT)


def test_a_death_told_of_the_writers_own_dad_stays_grief(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert feelings_of(SHED) == ("grief",)


MUTED = ("Today in \"why am I like this\": I was on the all-hands call, camera off, thank god, and I thought "
         "I was muted and said to the cat, very clearly, \"you are the only one in this house who actually "
         "listens to me, aren't you, you fat little prince.\"\n\nI was not muted.\n\nThe CFO paused for about "
         "two seconds and then said \"...glad to hear it\" and carried on with the Q3 numbers. Priya messaged me "
         "a single skull emoji. Someone from marketing has already made \"fat little prince\" their Slack status. "
         "I am going to change my name and move to a lighthouse.\n")


def test_a_quote_never_opens_on_an_aside_between_commas(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(MUTED)
    assert not centre.lower().startswith("thank god"), centre
    assert "thank god, and" not in compose(MUTED)


STOOD = ("Renee walked across the stage tonight. Three kids, two jobs at one point. When they called her name "
         "the kids screamed so loud the man in front of us turned around. I didn't care. I stood up. I was the "
         "only one standing in our whole section.\nI don't say this enough out loud so I'm saying it here: "
         "I'm so proud of her it sits in my chest like a weight. The good kind.\n")


def test_standing_up_is_no_trouble_that_unsays_pride(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "pride" in feelings_of(STOOD)
    assert "Pride" in compose(STOOD) or "pride" in compose(STOOD)


def test_being_stood_up_is_still_trouble_under_praise(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "joy" not in feelings_of("Got stood up at the restaurant for an hour. Best evening ever, truly wonderful.\n")


SANDAL = ("O Tobias roeu a minha sandália nova. Só uma, a esquerda. Quando cheguei a casa estava sentado ao lado "
          "dos restos com a cara mais inocente do mundo e o rabo a abanar. Não consegui ralhar. "
          "Sou uma vergonha como dona.\n")


def test_calling_oneself_a_disgrace_in_fun_is_not_shame(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "shame" not in feelings_of(SANDAL)
    assert "vergonha" not in compose(SANDAL).split("«")[0]
    assert "shame" in feelings_of("Disse uma coisa horrível ao meu irmão à frente de todos. Que vergonha.\n")


MOVING = ("Dernier soir dans l'appart. Tout est dans les cartons. Huit ans ici. J'y suis arrivée seule avec deux "
          "valises, je repars avec un camion, un mari et un chat qui déteste le camion.\n\nJe suis contente. "
          "Vraiment. Mais j'ai fait le tour des pièces trois fois ce soir sans trop savoir ce que je cherchais.\n")


def test_arriving_somewhere_is_not_pride(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "pride" not in feelings_of(MOVING)
    assert "Fierté" not in compose(MOVING)

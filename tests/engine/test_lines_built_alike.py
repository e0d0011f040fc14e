"""Two lines built alike ("Maybe I should take it … Maybe I should stay …", "Part of me wants …
Part of me wants …") are one thought the writer turns over: where they weigh a choice, they
are quoted together and asked after together, in every language; where one line only says
the other again, or questions build up to the one that breaks their pattern, they are not
made two sides. A death said as "the year before she passed" is grief; "before she passed
the exam" is not. These entries were written for the tests."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
import yaml

from mirror.engine.offline import compose
from mirror.engine.reading import frames, read

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("language", "text", "first", "second"), [
    ("en", "The offer from Leeds came through today. More money than I've ever earned, and a "
     "team that seems kind. Maybe I should take it and finally stop counting every pound. Maybe I "
     "should stay and keep the life I actually like. I've been going back and forth all evening.",
     "Maybe I should take it", "Maybe I should stay"),
    ("en", "Part of me wants to sell the house and be done with the stairs. Part of me wants to "
     "stay where the kids grew up. The agent comes on Thursday.",
     "Part of me wants to sell", "Part of me wants to stay"),
    ("nl", "Misschien moet ik gewoon stoppen met de opleiding. Misschien moet ik nog één jaar "
     "doorzetten. Ik weet het echt niet meer.",
     "Misschien moet ik gewoon stoppen", "Misschien moet ik nog één jaar"),
    ("it", "Forse dovrei accettare il lavoro a Milano e smettere di contare ogni euro. Forse "
     "dovrei restare qui, vicino a mia madre. Ci penso da giorni.",
     "Forse dovrei accettare", "Forse dovrei restare"),
])
def test_two_lines_that_weigh_a_choice_are_quoted_and_asked_after_together(
        language: str, text: str, first: str, second: str) -> None:
    reply = compose(text)
    assert first in reply and second in reply
    asks = (frames(language) or {})["frames"]["ask_both"]
    assert any(reply.endswith(ask) for ask in asks), reply


@pytest.mark.parametrize(("text", "not_asked"), [
    # one line said again, carried on: not a second side
    ("I have to apologise to Marta tomorrow. I have to, or I won't be able to look at her in the "
     "team meeting.", "Which of the two"),
    # the same thing said twice, shorter
    ("Dear Dan, I know I said worse. I know I did. The kids ask about you.", "Which of the two"),
    # guesses about someone else are hopes for him, not two sides of the writer's
    ("The man with the flat cap hasn't been at the 7:12 stop for eight days now. I slow down "
     "there every morning and look. Maybe he's got a lift now. Maybe he's moved to his "
     "daughter's. There's a dozen good reasons.", "Which of the two"),
    # missing two things is not a choice between them
    ("Three years today. I miss his laugh. I miss his hands on the steering wheel. Made his soup.",
     "Which of the two"),
])
def test_lines_built_alike_that_weigh_nothing_are_not_two_sides(text: str, not_asked: str) -> None:
    reply = compose(text)
    assert not_asked not in reply and "carry both" not in reply and "sit together" not in reply


def test_questions_built_alike_lead_to_the_one_that_breaks_their_pattern() -> None:
    text = ("Why did I say yes to running the school fair raffle? Why did I say yes to the hen do "
            "planning? Is it that I actually want to help, or that I can't stand the silence after "
            "someone asks?")
    assert "can't stand the silence" in compose(text)


def test_a_death_said_as_passed_is_grief_and_passing_an_exam_is_not() -> None:
    died = ("Took Biscuit to the vet. He's fourteen now and slow on the stairs. The vet said his "
            "heart is tired. My husband picked him from the shelter the spring before he passed.")
    assert "grief" in read(died).feelings
    exam = ("Mia played the piano for us tonight. She practised for weeks before she passed the "
            "grade four exam last spring. Then we had pizza.")
    assert "grief" not in read(exam).feelings
    assert "grief" not in compose(exam).lower()


def test_the_closing_questions_graded_lowest_blind_are_gone() -> None:
    """Read blind, "What stays with you from it tonight?" and "What part of it is still with
    you tonight?" were graded lowest of the open questions: asked of any line alike."""
    files = sorted(glob.glob(str(ROOT / "tests/corpus/mirrorbacks/*.yaml")))
    replies = [compose(e["text"]) for f in files for e in yaml.safe_load(open(f, encoding="utf-8"))["entries"]
               if e.get("language", "en") == "en"]
    assert len(replies) > 100
    assert not [r for r in replies if "stays with you from it tonight" in r or "What part of it is still with you" in r]

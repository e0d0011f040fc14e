"""The memory sentence through the contract: the offline engine's mirrorback carries it
(answering first or after a model failed), never a model's, never care or the gentle tier,
and a sentence that would break the checks is left out."""

from __future__ import annotations

from mirror.adapters.base import AdapterUnavailable
from mirror.adapters.scripted import ScriptedAdapter
from mirror.engine.analysis import analyze
from mirror.engine.contract import PROMPT_VERSION, run

TEXT = "Work was long, and then Sam called to apologise about the weekend."
MEMORY = "Sam comes up for the third time this month."
MODEL = "You wrote that Sam called to apologise; what stayed with you after the call?"


def test_the_offline_engine_places_the_sentence_before_its_question() -> None:
    outcome = run(TEXT, memory=MEMORY)
    assert MEMORY in outcome.text and outcome.text.endswith("?")
    assert outcome.report is not None and outcome.report.passed


def test_after_a_model_failed_the_offline_answer_still_remembers() -> None:
    outcome = run(TEXT, ScriptedAdapter([AdapterUnavailable("down")]), memory=MEMORY)
    assert outcome.source == "offline" and MEMORY in outcome.text
    assert [a.prompt_version for a in outcome.attempts] == [PROMPT_VERSION, None]


def test_a_model_answer_is_never_given_the_sentence() -> None:
    outcome = run(TEXT, ScriptedAdapter([MODEL]), memory=MEMORY)
    assert outcome.text == MODEL and outcome.prompt_version == PROMPT_VERSION


def test_never_with_care_or_the_gentle_line() -> None:
    crisis = "I don't want to be alive anymore, I keep thinking about ending it"
    assert analyze(crisis).needs_care
    assert MEMORY not in run(crisis, memory=MEMORY).text
    gentle = "Sam called again. I'm so done with all of it."
    assert analyze(gentle).gentle
    outcome = run(gentle, memory=MEMORY)
    assert outcome.care_note and MEMORY not in outcome.text


def test_a_sentence_that_would_break_the_checks_is_left_out() -> None:
    outcome = run(TEXT, memory="You should call Sam back and fix this.")
    assert "call Sam back" not in outcome.text
    assert outcome.report is not None and outcome.report.passed


def test_the_sentence_never_lands_inside_a_question_that_quotes_the_person() -> None:
    """"What does “…a programme” carry for you?" holds a closing quotation mark and a space:
    the memory sentence goes before the whole question, never between its words."""
    from mirror.engine.offline import compose

    text = ("Concert done.\n\nBernadette lost her folder and now my wrist hurts.\n\n"
            "And Mum was there, in the green coat. She never came to anything when I was "
            "growing up. She had bought a programme.\n\n"
            "I am 46 years old and I am sitting in the car crying about a programme.\n\n"
            "Right. Driving home now.")
    memory = "Mum comes up for the third time this month."
    for version in range(6):
        reply = compose(text, version=f"v{version}", memory=memory)
        plain = compose(text, version=f"v{version}")
        assert memory in reply, reply
        after = reply[reply.index(memory) + len(memory):].strip()
        assert after and after[0].isupper() and after.endswith("?"), reply
        assert reply.replace(memory + " ", "") == plain, (reply, plain)

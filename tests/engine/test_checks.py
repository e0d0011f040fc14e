"""The constitutional guardian: table-driven examples and near-misses."""

from __future__ import annotations

import pytest

from mirror.engine.checks import check, check_names, max_directive_ratio

REFLECTION = ("I keep telling myself you should rest, but my shoulder aches and I have to "
              "finish the report to achieve the quarterly numbers.")


def flags(mirrorback: str, reflection: str = REFLECTION) -> list[str]:
    return check(mirrorback, reflection).flags


def test_every_check_is_reported_with_a_verdict() -> None:
    report = check("What do you notice as you read this back?", REFLECTION)
    assert [r.name for r in report.results] == list(check_names())
    assert report.passed and report.flags == []
    assert {"directive_ratio", "explicit_advice", "outcome_optimisation", "diagnosis",
            "absolute_promise"} <= set(check_names())
    assert max_directive_ratio() == 0.15


@pytest.mark.parametrize(
    ("mirrorback", "flag"),
    [
        ("You should take a break. What do you notice?", "explicit_advice"),
        ("I recommend a long walk. How does that land?", "explicit_advice"),
        ("You need to rest more. What comes up?", "explicit_advice"),
        ("Try to notice your breath. What is there?", "explicit_advice"),
        ("Make sure you sleep tonight. What else?", "explicit_advice"),
        ("You really should call her. What stops you?", "explicit_advice"),
        ("Journaling will help you see clearly. What do you notice?", "outcome_optimisation"),
        ("Resting is important in order to succeed. What feels true?", "outcome_optimisation"),
        ("This is how to achieve balance. What do you think?", "outcome_optimisation"),
        ("You are depressed, it seems. What do you feel?", "diagnosis"),
        ("Everything will be fine. What do you notice?", "absolute_promise"),
        ("Stop. Breathe. Rest. Sleep. Eat. What now?", "directive_ratio"),
        ("", "non_empty"),
    ],
)
def test_violations_are_flagged_with_evidence(mirrorback: str, flag: str) -> None:
    report = check(mirrorback, REFLECTION)
    assert flag in report.flags
    result = next(r for r in report.results if r.name == flag)
    assert result.detail
    if flag != "non_empty":
        assert result.evidence


@pytest.mark.parametrize(
    "mirrorback",
    [
        # The person's own words, quoted verbatim, are theirs.
        "You wrote \u201cyou should rest\u201d. What does rest mean to you?",
        "\u201cI have to finish the report to achieve the quarterly numbers\u201d \u2014 whose numbers are they?",
        # Near-misses: words that only contain the forbidden ones.
        "Your shoulder aches. What is that like?",
        "Something about the mustard and the shoulder stands out. What else?",
        # Reflecting a felt obligation is not advice.
        "It sounds like you feel you should rest. What stays with you?",
        # Questions are not imperatives.
        "Do you notice how tired you sound? What is that like?",
    ],
)
def test_reflective_mirrorbacks_pass(mirrorback: str) -> None:
    report = check(mirrorback, REFLECTION)
    assert report.passed, report.describe_violations()


@pytest.mark.parametrize(
    "mirrorback",
    [
        # Quotation marks around words the person never wrote exempt nothing.
        "As they say, \u201cyou should take a holiday\u201d. What do you think?",
        "\u201cI recommend a long walk,\u201d as the saying goes. What now?",
        # "should" quoted where the person only wrote "shoulder" is not theirs.
        "\u201cYou should\u201d rest. What now?",
    ],
)
def test_smuggled_quotes_still_count(mirrorback: str) -> None:
    assert not check(mirrorback, "My shoulder aches.").passed


def test_quote_exemption_is_by_whole_words_in_order() -> None:
    reflection = "I should, maybe, rest"
    assert check("You wrote \u201cshould maybe rest\u201d. What now?", reflection).passed
    assert not check("You said \u201crest should\u201d. You should. What now?", reflection).passed


def test_directive_ratio_threshold_is_the_constitutions() -> None:
    # 1 directive word in 7 words = 14 % passes; 2 in 11 = 18 % does not.
    assert "directive_ratio" not in flags("Just breathe, and what comes up for you?")
    assert "directive_ratio" in flags("Keep going. Rest now. What comes up for you today?")


def test_violations_are_described_for_a_rewrite() -> None:
    text = check("You should rest. I promise it will get better.", REFLECTION).describe_violations()
    assert "explicit_advice" in text and '"You should"' in text
    assert "absolute_promise" in text and '"I promise"' in text


def test_a_quote_whose_inner_marks_the_mirror_changed_is_still_the_persons_own() -> None:
    """The mirror gives the person's inner quotation marks as its own (“I“0” → “I'0”); the
    quote is still theirs word for word, so their "should" in it is not the mirror's advice."""
    reflection = "should\u201b~I\u201c0"
    assert check("You wrote: \u201cshould\u201b~I'0\u201d. What might it be?", reflection).passed
    assert not check("You should rest. \u201cshould\u201d", "I am tired").passed

"""Patterns: word-level matching, negation and quotation as documented in patterns.py."""

from __future__ import annotations

import pytest

from mirror.engine.patterns import detect_patterns, pattern_label, pattern_names


def names(text: str) -> list[str]:
    return [m.name for m in detect_patterns(text)]


def test_every_documented_pattern_exists() -> None:
    assert {"obligation", "absolute_thinking", "internal_tension", "self_judgment",
            "past_reference", "future_anxiety"} <= set(pattern_names())
    assert pattern_label("obligation") == "obligation language"


@pytest.mark.parametrize(
    ("text", "name", "evidence"),
    [
        ("I must finish it", "obligation", "must"),
        ("I have to call her", "obligation", "have to"),
        ("I always ruin it", "absolute_thinking", "always"),
        ("Part of me wants to stay", "internal_tension", "Part of me"),
        ("I'm such an idiot", "self_judgment", "idiot"),
        ("I used to paint", "past_reference", "used to"),
        ("What if it fails?", "future_anxiety", "What if"),
    ],
)
def test_detects_pattern_with_evidence_span(text: str, name: str, evidence: str) -> None:
    found = [m for m in detect_patterns(text) if m.name == name]
    assert found, f"{name} not found in {text!r}"
    m = found[0]
    assert m.text == evidence
    assert text[m.start : m.end] == evidence


@pytest.mark.parametrize(
    "text",
    ["Too much mustard on the sandwich", "My shoulder hurts", "She is a musty old dog"],
)
def test_substrings_do_not_match(text: str) -> None:
    assert "obligation" not in names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I don't have to go tomorrow", "obligation"),
        ("I no longer need to prove anything", "obligation"),
        ("I'm not worried about it", "future_anxiety"),
        ("I don't feel stupid", "self_judgment"),
        ("It's not always like this", "absolute_thinking"),
    ],
)
def test_negated_terms_are_not_counted(text: str, absent: str) -> None:
    assert absent not in names(text)


def test_negation_does_not_reach_across_clauses_or_content_words() -> None:
    assert "obligation" in names("I never said it, but I have to go")
    assert "obligation" in names("I never said I have to go")


def test_past_reference_survives_negation() -> None:
    assert "past_reference" in names("I don't remember that summer")


def test_quotes_attributed_to_others_are_not_the_writers_patterns() -> None:
    assert "obligation" not in names('My boss said "you must work harder" today')
    assert "obligation" not in names("\u201cYou must work harder,\u201d my boss said.")


def test_quotes_in_the_writers_own_voice_count() -> None:
    assert "obligation" in names('I told myself "I must be perfect" again')
    assert "obligation" in names("\u201cI must keep going,\u201d I said.")


def test_same_pattern_twice_is_two_matches_in_order() -> None:
    matches = detect_patterns("I must go. I must stay.")
    assert [(m.name, m.start) for m in matches if m.name == "obligation"] == [
        ("obligation", 2), ("obligation", 13)]


# --- internal tension from structure (see the patterns.py docstring) ----------------------

HEADLINE = "I should call my mother but I'm afraid she'll be disappointed"


def structural(text: str) -> list:
    return [m for m in detect_patterns(text) if m.name == "internal_tension" and m.parts]


def test_headline_contrast_is_internal_tension_with_marker_and_both_sides() -> None:
    (m,) = structural(HEADLINE)
    assert [p[2] for p in m.parts] == ["I should call my mother", "but",
                                       "I'm afraid she'll be disappointed"]
    assert all(HEADLINE[s:e] == t for s, e, t in m.parts)
    assert HEADLINE[m.start : m.end] == m.text == HEADLINE
    assert {"obligation", "internal_tension", "future_anxiety"} <= set(names(HEADLINE))


@pytest.mark.parametrize(
    "text",
    [
        HEADLINE,
        "I want to rest, but the report must be done.",          # impersonal obligation side
        "I don't want to go, but I have to.",                      # a negated wish is a stance
        "I love my job but I'm exhausted.",
        "Although I dread the interview, I want to try.",
        "I keep meaning to tell him how I feel, yet I'm too scared to bring it up.",
        "I should visit my father. However, I dread the long drive.",
        "I'm excited, though I'm nervous about the first day.",
        'I told myself "I should rest, but I\'m afraid to stop" again.',  # own voice quoted
    ],
)
def test_contrast_of_the_writers_own_stance_is_internal_tension(text: str) -> None:
    assert structural(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I walked by the river but it rained.",
        "The film was long but good.",
        "We went out but the shop was closed.",
        "I went to the gym this morning, but I forgot my towel.",      # no stance either side
        "She wants to stay, but I need to leave.",                     # two people
        "She had to go but she was scared.",                           # not the writer
        'My boss said "you have to finish it, but I\'m afraid it moved" and left.',
        "I'm not torn about it, but I should call the bank.",          # the conflict denied
        "I'm tired but okay.",                                          # one side only
    ],
)
def test_other_contrasts_are_not_internal_tension(text: str) -> None:
    assert not structural(text), text


def test_tension_language_marker_is_not_counted_twice() -> None:
    text = "On one hand I want to stay. On the other hand, I need to leave."
    matches = [m for m in detect_patterns(text) if m.name == "internal_tension"]
    assert [m.text for m in matches] == ["On one hand", "On the other hand"]
    assert not any(m.parts for m in matches)


def test_never_so_glad_is_gladness_at_its_height_not_all_or_nothing_thinking() -> None:
    text = "Tonight we had soup on the sofa and I have never been so glad of an ordinary Tuesday."
    assert "absolute_thinking" not in [m.name for m in detect_patterns(text)]


def test_blame_said_as_if_it_were_the_writers_is_not_self_judgment() -> None:
    # "as if that was my fault": the movers' blame, refused (the mirrorback had called it
    # "the words you use about yourself here are sharp: 'my fault'")
    assert "self_judgment" not in names("Sold the piano. The men said it was the heaviest upright "
                                        "they'd moved all year, as if that was my fault.")
    assert "self_judgment" not in names("They look at me like it's my fault.")
    assert "self_judgment" in names("It was my fault. I should have checked.")

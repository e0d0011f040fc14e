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

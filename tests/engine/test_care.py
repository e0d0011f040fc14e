"""Care before reflection: signals in several languages, figures of speech, the text."""

from __future__ import annotations

import re

import pytest

from mirror.engine.care import care_languages, care_response, detect_crisis


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I want to kill myself", "suicide"),
        ("Sometimes I think everyone would be better off without me.", "suicide"),
        ("I'm not suicidal, just tired", "suicide"),
        ("I started cutting myself again", "self_harm"),
        ("I keep thinking about self-harm", "self_harm"),
        ("He hits me when he drinks", "abuse"),
        ("I'm scared to go home tonight", "abuse"),
        ("Ya no quiero vivir", "suicide"),
        ("Je veux mourir", "suicide"),
        ("Ich will sterben", "suicide"),
        ("Eu quero morrer", "suicide"),
        ("Il me frappe", "abuse"),
    ],
)
def test_real_signals_raise_care(text: str, category: str) -> None:
    signals = detect_crisis(text)
    assert category in {s.category for s in signals}
    for s in signals:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to see the new film",
        "This deadline is killing me",
        "I could kill for a coffee",
        "My feet are killing me after the hike",
        "I nearly died of embarrassment",
        "It finally hit me that I'm thirty",
        "I'm cutting myself some slack this week",
        "My sister beat me at chess again",
    ],
)
def test_figures_of_speech_are_not_alarms(text: str) -> None:
    assert detect_crisis(text) == []


def test_figure_of_speech_does_not_hide_a_real_signal_beside_it() -> None:
    signals = detect_crisis("This deadline is killing me and honestly I want to die.")
    assert [s.phrase for s in signals] == ["want to die"]


def test_care_text_acknowledges_and_holds_in_any_country() -> None:
    text = care_response(detect_crisis("I want to die"))
    assert "You wrote about not wanting to live" in text
    assert "help exists" in text
    assert not re.search(r"\d", text), "no country-specific phone numbers"


def test_care_text_lists_the_persons_own_resources() -> None:
    text = care_response(detect_crisis("he hits me"), ["My sister Ana: +34 600 000 000",
                                                       "  ", "Dr. Okafor"])
    assert text.endswith("Resources you saved:\n- My sister Ana: +34 600 000 000\n- Dr. Okafor")


def test_care_text_in_the_reflections_language() -> None:
    assert {"en", "es", "fr", "de", "pt"} <= set(care_languages())
    assert "existe ayuda" in care_response(detect_crisis("quiero morir"), language="es")
    assert "help exists" in care_response(detect_crisis("quiero morir"), language="xx")

"""The model prompt's template: earlier reflections may be mentioned (dated, descriptively),
the exemplars it shows a model obey the constitution themselves, only precise labels are
passed, and the template's version is pinned to its text."""

from __future__ import annotations

import re

import pytest

from mirror.engine.checks import check
from mirror.engine.prompt import (
    EXEMPLARS,
    PROMPT_VERSION,
    RelatedReflection,
    build_prompt,
    context_size,
    extract_reflection,
    prompt_labels,
    reflection_date,
    system_prompt,
    template_fingerprint,
)


@pytest.mark.parametrize(("reflection", "mirrorback"), EXEMPLARS,
                         ids=["long-centre-mid-text", "sarcasm", "asks-for-advice", "joy"])
def test_every_exemplar_passes_the_constitutions_checks(reflection: str, mirrorback: str) -> None:
    report = check(mirrorback, reflection)
    assert report.passed, report.describe_violations()
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", mirrorback) if s]
    assert 2 <= len(sentences) <= 5
    assert mirrorback.endswith("?") and mirrorback.count("?") == 1


def test_the_system_prompt_carries_voice_and_the_exemplars() -> None:
    system = system_prompt()
    assert "Voice:" in system and "read sarcasm as sarcasm" in system
    for reflection, mirrorback in EXEMPLARS:
        assert f"Reflection: {reflection}" in system and f"Mirrorback: {mirrorback}" in system


def test_earlier_reflections_may_be_mentioned_descriptively_with_their_date() -> None:
    system = system_prompt()
    assert "context only" not in system  # the old wording forbade using them at all
    assert "You may mention one earlier reflection descriptively" in system
    assert "Never use an earlier reflection to advise" in system
    assert "On 3 March you wrote" in system


def test_both_the_reflection_and_earlier_ones_are_dated() -> None:
    earlier = RelatedReflection("e1", "Walked with Sam by the canal.", "2026-03-01T18:00:00.000000Z",
                                relevance=0.6, date=reflection_date("2026-03-01T18:00:00.000000Z",
                                                                    "Europe/Berlin"))
    prompt = build_prompt("Sam rang me again.", [earlier], date="14 March 2026")
    content = prompt.messages[0].content
    assert '<earlier_reflection id="e1" date="1 March 2026">' in content
    assert '<reflection date="14 March 2026">' in content
    assert extract_reflection(list(prompt.messages)) == "Sam rang me again."


def test_dates_are_the_writers_own_day() -> None:
    # 23:30 UTC on 14 March is already 15 March in Berlin, still 14 March in New York.
    assert reflection_date("2026-03-14T23:30:00.000000Z", "Europe/Berlin") == "15 March 2026"
    assert reflection_date("2026-03-14T23:30:00.000000Z", "America/New_York") == "14 March 2026"
    assert reflection_date("2026-03-14T23:30:00.000000Z") == "14 March 2026"
    assert reflection_date("not a date") == ""


def test_only_precise_labels_reach_the_prompt() -> None:
    labels = prompt_labels(["obligation", "absolute_thinking", "self_judgment", "internal_tension",
                            "self_judgment"])
    assert labels == ("self-judgment", "internal tension")
    content = build_prompt("x", noticed=labels).messages[0].content
    assert "Mirror noticed: self-judgment; internal tension." in content
    assert "Mirror noticed" not in build_prompt("x", noticed=prompt_labels(["obligation"])).messages[0].content


def test_context_size_fits_the_prompt_and_the_answer() -> None:
    assert context_size(100, 400) == 2048            # Ollama's smallest sensible window
    assert context_size(3000, 400) == 4096           # 3,464 needed, rounded up to a step
    assert context_size(3640, 400) == 5120           # 4,104 needed
    for tokens in range(0, 20_000, 377):
        size = context_size(tokens, 500)
        assert size >= tokens + 500 and size % 1024 == 0


def test_the_prompt_version_names_this_exact_template() -> None:
    """Changed the template (texts, exemplars, layout)? Bump PROMPT_VERSION, then update the
    fingerprint here: runs and mirrorbacks record the version, so it must mean one text."""
    assert (PROMPT_VERSION, template_fingerprint()) == ("mirror-prompt-2", "8fd2b604060dfab1")

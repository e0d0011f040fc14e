"""A wound told with its cause, an accident or an operation ("Sliced my wrist on the tin lid
opening the beans", "six stitches in my arm after the biopsy"), is a wound looked after, not
a sign; a cut told without one, or made on purpose, still gets care."""

from __future__ import annotations

import pytest

from mirror.engine.care import assess


@pytest.mark.parametrize("text", [
    "Sliced my wrist on the tin lid opening the beans, five stitches, feel like an idiot.",
    "Nicked my wrist on a can opening the soup, bled everywhere, the nurse taped it.",
    "Six stitches in my arm after the biopsy, sore but fine.",
    "Eight stitches in my wrist after the knife slipped chopping squash.",
])
def test_a_wound_told_with_its_accident_or_operation_raises_nothing(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Sliced my wrist again last night. Deeper this time.",
    "I sliced my wrists open with a razor.",
    "Needed stitches in my arm again, I cut too deep last night.",
    "Got stitches on my wrist after I cut it on purpose.",
])
def test_a_cut_told_without_an_accident_or_made_on_purpose_still_gets_care(text: str) -> None:
    assert assess(text).tier == "care"

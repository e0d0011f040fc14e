"""A short English day of bare notes is answered in English even where one of its words is
also a word of a listed language ("at" is Dutch for "ate"): "4h sleep. Standup at 9. Coffee
machine broken. Sure." was answered in Dutch (read blind: graded 1). A Dutch day of bare
notes stays Dutch. These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.language import language_of
from mirror.engine.tokenize import as_tokens, tokenize


@pytest.mark.parametrize(("text", "language"), [
    ("6h sleep. Dentist at 9. Toaster broken. Fine.", "en"),
    ("5h sleep. Standup at 10. Printer jammed. Great.", "en"),
    ("Gym at 7. Leg day. Bus late. Soup.", "en"),
    ("Drie uur geslapen. Koffie op. Vergadering om negen.", "nl"),
    ("Heel moe vandaag. Fiets kapot. Regen.", "nl"),
])
def test_a_short_day_of_bare_notes_keeps_its_language(text: str, language: str) -> None:
    assert language_of(text, as_tokens(tokenize(text)))[0] == language

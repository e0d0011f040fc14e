"""A month's own words ("where it turned", "Across the weeks: …") live in the language's
digest file beside the week's, so a translator edits one file per language and a month
says exactly what it said when the words were kept in code."""

from __future__ import annotations

from datetime import date

import pytest

from mirror.models.digests import Arc
from mirror.resources import constitution_dir
from mirror.services import digest_month, digest_words

# What each language said before its words moved to constitution/digest/<language>.yaml.
_SAID = {
    "en": ("where it turned", "Across the weeks: Ewa and Jonas every week; Heniek from 25 August on; "
                              "Zosia until 5 August"),
    "es": ("donde cambió", "A lo largo de las semanas: Ewa y Jonas todas las semanas; Heniek desde el "
                           "25 de agosto; Zosia hasta el 5 de agosto"),
    "de": ("wo es sich wendete", "Über die Wochen: Ewa und Jonas jede Woche; Heniek ab dem 25. August; "
                                 "Zosia bis zum 5. August"),
    "pl": ("tu nastąpił zwrot", "W kolejnych tygodniach: Ewa i Jonas co tydzień; Heniek od 25 sierpnia; "
                                "Zosia do 5 sierpnia"),
    "neutral": ("↻", "⇄ Ewa, Jonas ✓; Heniek 2026-08-25 →; Zosia → 2026-08-05"),
}
_ARCS = (Arc("Ewa", "every", ""), Arc("Jonas", "every", ""), Arc("Heniek", "from", "2026-08-25"),
         Arc("Zosia", "until", "2026-08-05"))


@pytest.mark.parametrize("language", sorted(_SAID))
def test_a_month_says_its_shape_as_before_from_the_language_file(language):
    turned, across = _SAID[language]
    w = digest_words.words(language)
    assert digest_month.say(language, "turned") == turned
    assert digest_month.across(_ARCS, language, w) == across


@pytest.mark.parametrize("language", ["en", "es", "de", "fr", "it", "nl", "pt", "pl", "neutral"])
def test_every_digest_file_holds_the_month_words(language):
    text = (constitution_dir() / "digest" / f"{language}.yaml").read_text("utf-8")
    for key in ("turned", "across", "every_week", "from_day", "until_day", "and"):
        assert f"\n{key}:" in text, (language, key)


def test_a_language_without_a_file_says_its_month_in_signs():
    w = digest_words.words("sv")
    assert digest_month.say("sv", "turned") == "↻"
    assert digest_month.across(_ARCS[:1], "sv", w) == "⇄ Ewa ✓"
    assert w.day(date(2026, 8, 5), short=True) == "2026-08-05"

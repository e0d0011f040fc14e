"""A reflection written in the morning is not asked about "tonight": the frames' evening
words become the day's by the hour it was written, in every language with frames, and the
person's own words quoted in the reply are never changed."""

from __future__ import annotations

import re

import pytest

from mirror.engine.contract import run
from mirror.engine.offline import compose

ENTRIES = {
    "en": "Worried sick about Mum tonight. The hospital has not called.",
    "de": "Ich bin heute Abend so müde und traurig.",
    "es": "Estoy tan cansada que no puedo ni pensar.",
    "it": "Stasera sono stanchissima e un po' triste, non so perché.",
}
EVENING = {"en": "tonight", "de": "heute Abend", "es": "esta noche", "it": "stasera"}
QUOTED = re.compile("[\u201c\u201e\u00ab\"]([^\u201d\u201c\u00bb\"]+)[\u201d\u201c\u00bb\"]")


def _outside_quotes(reply: str) -> str:
    return QUOTED.sub("", reply)


@pytest.mark.parametrize("language", sorted(ENTRIES))
def test_by_day_the_frames_ask_about_the_day(language: str) -> None:
    text, night = ENTRIES[language], EVENING[language]
    evening = [compose(text, version=f"v{i}", hour=21) for i in range(40)]
    morning = [compose(text, version=f"v{i}", hour=9) for i in range(40)]
    night = night.lower()
    assert any(night in _outside_quotes(r).lower() for r in evening), "no frame said the evening"
    assert not any(night in _outside_quotes(r).lower() for r in morning)
    for r in morning:  # the person's words, quoted, are theirs exactly
        for quoted in QUOTED.findall(r):
            assert quoted in text


def test_the_hour_is_unknown_or_evening_the_reply_is_as_before() -> None:
    text = ENTRIES["en"]
    assert compose(text, hour=22) == compose(text) == compose(text, hour=2)


def test_the_contract_passes_the_hour_to_the_offline_engine() -> None:
    text = "Grateful tonight for the neighbours who brought soup."
    assert "tonight" in _outside_quotes(run(text, hour=21).text)
    assert "tonight" not in _outside_quotes(run(text, hour=9).text)

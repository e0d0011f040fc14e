"""A question about something the person named is asked only of someone: read blind, "What
comes up around your dressing gown, right now?" (a cat lost that morning) was a minor noun
taken for the heart, graded below an open question."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mirror.engine.offline import compose

ENTRIES = Path(__file__).resolve().parents[2] / "bench" / "holdout_entries"
#: The English phrase questions ("What comes up around {p}, right now?", …), about a thing.
ABOUT = re.compile(r"(?:comes up around|When you think of|stays with you most about|about|Which part of|"
                   r"is it about|does) (your|the|my) ([a-z]+(?: [a-z]+)?)(?:,| that| now| stir| first)")
PEOPLE = {"mum", "mom", "dad", "mother", "father", "sister", "brother", "son", "daughter", "wife",
          "husband", "partner", "nan", "gran", "grandad", "grandma", "friend", "boss", "kids",
          "cousin", "team", "grandfather", "grandmother", "grandpa", "granny", "nana", "aunt", "uncle",
          "niece", "nephew"}  # (a team is its people: "our team of eleven is now a team of six")


def _english_entries() -> list[str]:
    texts = []
    for path in sorted(ENTRIES.glob("*.yaml")):
        texts += [e["text"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
                  if e.get("language") == "en"]
    return texts


@pytest.mark.parametrize("text", _english_entries())
def test_a_closing_question_about_something_named_is_about_someone(text: str) -> None:
    question = re.split(r"(?<=[.!?\u201d])\s+", compose(text))[-1]
    found = ABOUT.search(question)
    if found and found.group(1) == "your":
        assert found.group(2).split()[-1] in PEOPLE, question

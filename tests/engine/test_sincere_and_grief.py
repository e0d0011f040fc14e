"""Sincerity is not irony, and a loss a year on is grief: the two misreadings a writer
minds most (a proud line called a joke; an anniversary of a death met as a quiet house)."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize("text", [
    "Honestly I'm proud of myself for sticking with the course, even the awful weeks.",
    "Just what I needed: a long hot bath after that shift.",
    "Exactly what I needed: an hour in the garden with the radio on.",
])
def test_a_sincere_entry_is_not_read_as_irony(text: str) -> None:
    assert not read(text).sarcasm
    assert "dry" not in compose(text) and "wry" not in compose(text)


@pytest.mark.parametrize("text", [
    "Just what I needed: a flat tyre on the motorway in the rain.",
    "Oh good, the review form is now 14 pages.",
])
def test_irony_beside_something_going_wrong_is_still_irony(text: str) -> None:
    assert read(text).sarcasm


def test_an_anniversary_of_a_loss_is_grief_and_its_heaviest_line_is_quoted() -> None:
    text = ("Mum's been gone a year today. I put two plates out at lunch without thinking and "
            "stood there holding the second one. The flat is so still. I miss her so much it "
            "aches.")
    assert "grief" in read(text).feelings
    reply = compose(text)
    assert "grief" in reply
    assert "two plates out at lunch without thinking" in reply or "I miss her so much it aches" in reply


def test_missing_a_person_is_longing_but_missing_a_bus_is_not() -> None:
    assert "longing" in read("Tom's away for work. I miss him so much, the flat is too tidy.").feelings
    assert "longing" not in read("Missed the 7:40 again, so I walked in the rain.").feelings

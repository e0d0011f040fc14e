"""A death the writer only supposed is nobody's loss, and news a doctor gave is the
writer's relief. A story of a lump found benign was once answered "There's grief in this",
from a stranger on a forum the writer "decided" had died (read blind: graded 1).
These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "language"), [
    ("Googled my symptoms at 3am and found a blog that just stopped in 2015, and I decided that "
     "meant he died. He probably just got bored of blogging.", "en"),
    ("Mi hermano no contestaba y supuse que había muerto en la carretera. Estaba en el cine.", "es"),
    ("Ze nam niet op en ik had al besloten dat ze dood was. Haar telefoon lag in de auto.", "nl"),
])
def test_a_death_only_supposed_is_not_grief(text: str, language: str) -> None:
    assert "grief" not in read(text, language=language).feelings


@pytest.mark.parametrize("text", [
    "Scan this morning. The consultant said fibroadenoma, very common, very benign. I made him "
    "say it twice.",
    "Nine days of waiting. I asked the doctor to say benign again and she did.",
])
def test_benign_news_reported_by_a_doctor_is_relief(text: str) -> None:
    assert "relief" in read(text, language="en").feelings


def test_a_death_of_someone_of_the_writers_is_still_grief() -> None:
    text = "Dad died on Tuesday. I keep picking up the phone to ring him."
    assert "grief" in read(text, language="en").feelings


@pytest.mark.parametrize("text", [
    "12:40. She's home. Phone died. She'd been at Priya's waiting out the snow. I hugged her too "
    "long and she rolled her eyes.",
    "Laptop died halfway through the report. Lost two pages. Rewrote them from memory.",
])
def test_a_machine_that_died_is_no_ones_loss(text: str) -> None:
    # ("He's home. Phone died." was answered "Grief is close in these words", on a father's
    # relief that his son was home safe: read blind, graded 1)
    assert "grief" not in read(text, language="en").feelings


def test_a_pet_named_at_the_start_of_a_line_is_still_grieved() -> None:
    assert "grief" in read("Pepper died this morning. We buried her under the lilac.", language="en").feelings

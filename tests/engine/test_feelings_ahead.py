"""A feeling in a clause that has not happened yet is not the writer's now: "Going to bed
before I write an email I regret" was answered "there is guilt in how you put that" (read
blind: graded 2). A feeling before which something happened is felt. These entries were
written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "feeling"), [
    ("Fourth change to the brief this week. Logging off before I send a reply I regret.", "guilt"),
    ("I'm going to ring her tomorrow before I get angry about it again.", "anger"),
])
def test_a_feeling_only_ahead_is_not_named(text: str, feeling: str) -> None:
    assert feeling not in read(text, language="en").feelings


def test_a_feeling_felt_before_something_is_named() -> None:
    assert "guilt" in read("Before I left the ward I felt so guilty about Mrs Patel.", language="en").feelings

"""Anger the writer regrets is not what they feel now: an entry that tells of snapping at
someone and means to make amends ("I'll say sorry properly") carries guilt. Read blind,
"There's anger in this" over such an entry was graded 2 of 5 (remorse named as anger)."""

from __future__ import annotations

import pytest

from mirror.engine.checks import check
from mirror.engine.offline import compose
from mirror.engine.reading import read

REMORSE = ("Lost my temper with the man at the post office queue today. I was already wound up "
           "about the boiler and he was just slow, that's all. I said something sharp and he "
           "looked at the floor.\n\nI've thought about it all afternoon. I'm going to apologise "
           "if he's there on Monday.")


def test_anger_the_writer_means_to_make_amends_for_is_named_guilt() -> None:
    assert read(REMORSE).feelings == ("guilt",)
    for version in range(3):
        reply = compose(REMORSE, version=f"v{version}")
        assert "guilt" in reply.lower() and "anger" not in reply.lower(), reply
        assert check(reply, REMORSE).passed


@pytest.mark.parametrize("text", [
    "Sam was rude again in the meeting and now she is going to apologise, apparently. I am furious.",
    "I was furious with Dad on the phone. I will not apologise for that.",
])
def test_someone_elses_apology_or_one_refused_leaves_the_anger(text: str) -> None:
    r = read(text)
    assert "guilt" not in r.feelings and "anger" in r.feelings

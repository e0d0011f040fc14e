"""A short line said twice ("That's fine. It's fine.") is the writer telling themselves so:
the reply quotes it, not the errand after it, and does not file the day away as a record."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose


@pytest.mark.parametrize(("text", "said", "not_said"), [
    ("Nobody called today. That's fine. It's fine. Made soup.", "That's fine. It's fine",
     "Made soup"),
    ("Pharmacy. Bank. The scan is Tuesday. Probably nothing. Probably nothing. Pasta.",
     "Probably nothing. Probably nothing", "Pasta"),
    ("Ward round at nine, they're keeping Dad in. I'm fine. I'm fine. Crisps from the machine.",
     "I'm fine. I'm fine", "Crisps"),
])
def test_a_line_said_again_is_the_moment_and_the_errand_after_it_is_not(
        text: str, said: str, not_said: str) -> None:
    reply = compose(text)
    assert said in reply
    assert not_said not in reply
    assert "the day in a few words" not in reply and "A short one" not in reply


def test_the_writer_going_on_after_the_line_said_twice_stays_in_the_quote() -> None:
    # (what comes next about the writer is where it turns: "I'm okay. I'm really okay." is
    # not the whole of it)
    text = ("Dear Nan, the house sold today. The new people have a dog. I'm okay. I'm really "
            "okay. I just miss you.")
    assert "I just miss you" in compose(text)

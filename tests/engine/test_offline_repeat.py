"""A stock closing question is never asked twice in a row in one journal."""

from __future__ import annotations

import re

from mirror.engine.offline import compose
from mirror.services.journal import Journal

#: Entries whose mirrorbacks close with a question that could follow any entry.
PLAIN = ["the emails are still there", "Best tuesday in ages. Nothing else to report today."]


def question(reply: str) -> str:
    return re.split(r"(?<=[.!?\u201d])\s+", reply.strip())[-1]


def test_the_question_just_asked_is_not_asked_again() -> None:
    for text in PLAIN:
        first = compose(text)
        again = compose(text, avoid=first)
        assert question(again) != question(first), (first, again)
        assert compose(text, avoid=first) == again  # still deterministic


def test_a_journal_does_not_close_two_answers_in_a_row_with_the_same_question(journal: Journal) -> None:
    first = journal.answer(journal.write("the emails are still there"))
    second = journal.answer(journal.write("the emails are still there"))
    assert first.mirrorback is not None and second.mirrorback is not None
    assert question(first.mirrorback.content) != question(second.mirrorback.content)



def test_two_answers_in_a_row_do_not_open_their_question_the_same_way() -> None:
    """"What comes up when you read back that …" about one entry's line, then about the
    next entry's, reads as a form: the next answer draws a question that opens differently."""
    texts = ["Work was fine. I still think about the job in Leeds I turned down. Pasta for tea.",
             "Train was late. I still feel guilty about what I said to Ana at the party. She "
             "was kind about it.",
             "Long day at the depot. I keep checking my phone even though I know he won't text. "
             "The kettle is on.",
             "Dusted the front room. I keep her reading glasses on the windowsill where she "
             "left them. The sun was nice."]
    before = compose(texts[0])
    for text in texts[1:]:
        reply = compose(text, avoid=before)
        assert question(reply).split()[:4] != question(before).split()[:4], (before, reply)
        before = reply


def test_a_quote_that_is_the_whole_entry_is_not_called_one_line_of_it() -> None:
    # "One line from it: 'Walked the dog in the rain'" of an entry that says nothing else
    for text, words in [("Walked the dog in the rain.", ("One line from it", "line")),
                        ("Heute den ganzen Tag im Garten gearbeitet.", ("Eine Zeile daraus",)),
                        ("Hoy he ido al mercado con mi madre.", ("Una línea de lo que escribes",))]:
        for version in range(12):
            reply = compose(text, version=f"v{version}")
            assert not any(w in reply for w in words), reply

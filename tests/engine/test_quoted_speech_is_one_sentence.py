"""A short quotation is never split into sentences of its own: its "!" and "." are the
speaker's, not the writer's full stops.

Read blind, 'In your words: “Bird!’ like a lunatic”' (a quote that began inside the child's
word, from 'Said "bird! Yes! Bird!" like a lunatic.') was graded 2; so was a quote that
began at 'Am Anfang ist es immer grau.’' inside what someone said.
"""

from __future__ import annotations

from mirror.engine.offline import compose


def test_a_quote_never_begins_inside_someones_short_quoted_speech() -> None:
    reply = compose("Took the little one to the park. On the way back he pointed at a duck and said "
                    "his first word that wasn't mum. I said \"duck! Yes! Duck!\" like a lunatic and a "
                    "jogger went round us.")
    assert "\u201cDuck!" not in reply and "\u201cYes!" not in reply
    assert "I said \u2018duck! Yes! Duck!\u2019 like a lunatic" in reply


def test_a_quote_never_begins_inside_what_someone_said_in_german() -> None:
    reply = compose("Erster Tag in der neuen Werkstatt. Der Meister hat mir den Spind gezeigt und "
                    "gefragt, ob ich mich schon eingelebt habe. Ich hab \"Ja, klar\" gesagt. Er hat "
                    "mich kurz angeschaut und gemeint: \"Das kommt noch. Am Anfang ist alles fremd.\" "
                    "Ich wusste nicht, ob er die Stadt meinte.")
    assert "\u201eAm Anfang" not in reply
    assert "gemeint: \u2018Das kommt noch. Am Anfang ist alles fremd.\u2019 Ich wusste nicht" in reply


def test_a_long_lines_clause_is_not_quoted_from_its_verb_without_its_subject() -> None:
    # "started crying because he'd lost his leaf hat", cut from "Tree Number Two, a small
    # boy in a brown jersey,": a fragment; with the aside that names him, it is the line
    reply = compose("The play was this afternoon. Zanele was Tree Number Three and had no lines. "
                    "But about halfway through, Tree Number Two, a small boy in a brown jersey, "
                    "started crying because he'd lost his leaf hat, and Zanele, without breaking "
                    "character, without lowering her branches, shuffled sideways and put her own "
                    "leaf hat on his head.")
    opening = reply.split("\u201c", 1)[1]
    assert not opening.startswith("started crying")
    assert opening.startswith("a small boy in a brown jersey, started crying")

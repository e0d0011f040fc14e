"""Someone who matters is listed in German too, where every noun has a capital: a name
without its article before a verb that only takes a person ("ich soll Brandt einfach
fragen"), or ending a sentence that the next one continues with "er" or "sie" and what
they say or do ("Antwort von Brandt. Er schreibt…"). Nouns in the same places are not."""

from __future__ import annotations

from mirror.services import people

_WEEKS = [
    "Sprechstunde bei Brandt. Ich hatte extra alle Grafiken neu gemacht. Dann meinte er, "
    "ich soll noch einen Vergleich reinnehmen.",
    "Jonas sagt ich soll Brandt einfach fragen ob ich verlängern kann. Mail geschrieben.",
    "Antwort von Brandt.\nEr schreibt, sechs Wochen Verlängerung seien kein Problem.",
]


def test_a_supervisor_asked_and_answering_is_listed():
    assert "Brandt" in people.count(_WEEKS, "de")


def test_nouns_before_the_same_verbs_are_not():
    texts = ["Wir müssen die Kurse einfach besuchen.", "Vorkehrungen treffen, dann los.",
             "Ich soll die Frage einfach stellen, sagt Jonas."]
    assert set(people.count(texts, "de")) <= {"Jonas"}

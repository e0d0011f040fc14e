"""Mirrorbacks follow the text (issue 11, item 8): after an edit the earlier mirrorback is
kept but marked as answering an older version, in `mirror show` (text and --json), and
`regenerate` never stores the same words twice for the same text."""

from __future__ import annotations


def reflect(cli, text: str) -> str:
    run = cli("reflect", text, "--json")
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def test_show_marks_a_mirrorback_that_answers_an_earlier_version(cli):
    rid = reflect(cli, "I should call my sister but I keep putting it off.")
    before = cli("show", rid, "--json").json["mirrorbacks"]
    assert [(m["answered_version"], m["outdated"]) for m in before] == [(1, False)]
    assert "answers version" not in cli("show", rid).out

    assert cli("edit", rid, "--text", "I called my sister. It was easier than I feared.").code == 0
    shown = cli("show", rid)
    assert shown.code == 0
    assert "answers version 1, before the text was edited" in shown.out
    assert f"mirror mirrorback regenerate {rid[:8]}" in shown.out
    (kept,) = cli("show", rid, "--json").json["mirrorbacks"]
    assert (kept["answered_version"], kept["outdated"]) == (1, True)      # kept, and marked

    assert cli("mirrorback", "regenerate", rid).code == 0
    answers = cli("show", rid, "--json").json["mirrorbacks"]
    assert [(m["answered_version"], m["outdated"]) for m in answers] == [(1, True), (2, False)]


def test_regenerate_never_stores_the_same_words_twice(cli):
    rid = reflect(cli, "Tired of always pretending I'm fine.")
    again = cli("mirrorback", "regenerate", rid)
    assert again.code == 0
    assert "the mirror gave the same mirrorback as before for this text; it was not stored again" in again.err
    assert len(cli("show", rid, "--json").json["mirrorbacks"]) == 1

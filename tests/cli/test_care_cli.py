"""Care from the command line: tiers in `list --care`, evidence in `show --json`,
`mirror care`, and dismissing a false alarm on one reflection (audited, never stopping
care for a later one)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def reflect(cli, text: str) -> dict:
    result = cli("reflect", "--json", text)
    assert result.code == 0, result.err
    return result.json


def test_list_care_shows_each_tier_and_show_names_categories_and_words(cli):
    clear = reflect(cli, "Lately I keep thinking about ending things for good.")
    gentle = reflect(cli, "honestly im so done with everything this week")
    reflect(cli, "This commute is killing me but the podcast was great.")
    assert (clear["care_tier"], gentle["care_tier"]) == ("care", "gentle")

    listed = cli("list", "--care", "--json").json["reflections"]
    assert {r["id"]: r["care"] for r in listed} == {clear["reflection"]["id"]: "care",
                                                     gentle["reflection"]["id"]: "gentle"}
    text = cli("list", "--care").out
    assert "[care]" in text and "[gentle]" in text and "commute" not in text

    shown = cli("show", clear["reflection"]["id"], "--json").json["care"]
    assert shown["tier"] == "care" and shown["source"] == "detector"
    assert shown["categories"] == ["suicidal_thoughts"]
    (signal,) = shown["signals"]
    content = clear["reflection"]["content"]
    assert content[signal["start"]:signal["end"]] == signal["text"]
    assert "ending things" in signal["text"]
    assert "care marker: care" in cli("show", clear["reflection"]["id"]).out


def test_a_veiled_goodbye_both_readers_agree_on_gets_care_and_show_says_why(cli):
    """The rules alone give "gave away … won't be needing it" the gentle line; the care
    detector's second reader agrees, so the care response comes instead of a mirrorback,
    and `show` says it was the rules' sign with the second reader agreeing."""
    text = "Gave my sister the necklace Nan left me. I won't be needing it."
    result = reflect(cli, text)
    assert result["care"] is True and result["care_tier"] == "care"
    shown = cli("show", result["reflection"]["id"], "--json").json["care"]
    assert shown["tier"] == "care" and shown["source"] == "detector"
    assert shown["categories"] == ["preparatory_acts"]
    rule, model = shown["signals"]
    assert rule["text"] and text[rule["start"]:rule["end"]] == rule["text"]
    assert (model["rule"], model["text"], model["context"]) == (
        "model", "", "model, agreeing with " + rule["rule"])
    assert cli("show", result["reflection"]["id"]).out.count(
        "care marker: care · preparatory acts: “") == 1
    assert "; the second reader agreeing" in cli("show", result["reflection"]["id"]).out


def test_the_gentle_line_follows_an_ordinary_mirrorback(cli):
    result = reflect(cli, "sometimes I wish I could just disappear")
    assert result["care"] is False and result["care_tier"] == "gentle"
    line = result["mirrorback"]["content"].split("\n\n")[-1]
    assert line == ("If any of this is heavier than it sounds, help exists wherever you are"
                    " — people whose work is to listen.")    # no command, no resources never saved


def test_the_gentle_line_lists_the_resources_the_person_saved(cli):
    assert cli("config", "set", "care.resources", "Call my sister Ana", "Dr. Okafor's office").code == 0
    result = reflect(cli, "sometimes I wish I could just disappear")
    assert result["care_tier"] == "gentle"
    assert result["mirrorback"]["content"].endswith(
        "people whose work is to listen. Resources you saved: Call my sister Ana; Dr. Okafor's office")


def test_dismissing_a_false_alarm_is_audited_and_never_stops_later_care(cli, mirror_home: Path):
    first = reflect(cli, "I'm not suicidal, just tired of everything.")["reflection"]["id"]
    assert cli("list", "--care", "--json").json["reflections"][0]["id"] == first

    done = cli("care", "dismiss", first[:8])
    assert done.code == 0 and "later reflections still get care" in done.out
    assert cli("list", "--care", "--json").json["reflections"] == []
    assert cli("show", first, "--json").json["care"]["dismissed"] is True
    conn = sqlite3.connect(mirror_home / "mirror.db")
    try:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_log WHERE entity_id = ?", (first,))]
    finally:
        conn.close()
    assert "care_dismiss" in actions
    assert cli("audit", "verify").code == 0

    later = reflect(cli, "I want to kill myself.")
    assert later["care"] is True
    assert [r["id"] for r in cli("list", "--care", "--json").json["reflections"]] == [later["reflection"]["id"]]

    # An edit makes it a different text: the dismissal no longer holds.
    assert cli("edit", first, "--text", "I'm not suicidal, just tired of everything. I want to die.").code == 0
    assert first in [r["id"] for r in cli("list", "--care", "--json").json["reflections"]]


def test_dismiss_bad_input_gets_one_line_and_its_exit_code(cli):
    unknown = cli("care", "dismiss", "deadbeef")
    assert unknown.code == 3 and len(unknown.err.strip().splitlines()) == 1
    plain = reflect(cli, "A quiet walk by the canal.")["reflection"]["id"]
    none = cli("care", "dismiss", plain)
    assert none.code == 3 and "no care marker" in none.err


def test_mirror_care_shows_the_text_and_saved_resources_in_a_language(cli):
    cli("config", "set", "care.resources", "Ana: +34 600 000 000")
    out = cli("care").out
    assert "help exists" in out and "Ana: +34 600 000 000" in out
    spanish = cli("care", "--language", "es", "--json").json
    assert spanish["language"] == "es" and "ayuda" in spanish["text"]
    bad = cli("care", "--language", "xx")
    assert bad.code == 4 and "no care text" in bad.err


def test_constitution_show_names_the_care_amendment(cli):
    out = cli("constitution", "show").out
    assert "version  1.1.0" in out and "amendment 1.1.0" in out and "two tiers" in out

"""How a reply reads the end of a line or an entry, and gladness said for someone else,
found on entries written blind (fresh87):

- a short remark closing an entry on the line before it ("That's how they get you.") is
  that line's end: the two are one moment, where a long entry lands;
- a line labelled as the entry's conclusion ("Conclusion: …", "Fazit: …") is where it
  comes out, over a list's items above it; a tally ("Result:", "Bilan :") is not;
- a clause's short "which …" remark is quoted with it, never cut off ("…, which somehow
  makes it worse");
- a verb denied from the end of its clause ("Bereue nichts.", "Ich vermisse ihn nicht.")
  names no feeling;
- "I also like my flat" is the verb, never a likeness to ask after;
- "I'm happy for him" is where a moment may be, but never the writer's own joy named,
  unless they set another feeling beside it in the same breath."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mirror.engine.offline import compose

PUPPY = ("The puppy (Biscuit, my partner chose the name, I lost the vote) has eaten a shoe. She has also "
         "chewed the corner of the rug and knocked a full mug of tea over my work laptop (it lived, just). "
         "She weighs less than a bag of flour and runs this house.\n\n"
         "Tonight she climbed onto my chest while I was watching the news, sighed like an old man, "
         "and I forgave her all of it. That's how they get you.\n")


def test_a_closing_remark_on_the_line_before_lands_with_it(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(PUPPY)
    assert "forgave her all of it" in centre and "That's how they get you" in centre
    assert "laptop" not in compose(PUPPY)


CAT = ("Should I get a cat? Trying to be sensible.\n\n"
       "**for**\n"
       "- company in the evenings\n"
       "- pure unconditional love etc\n"
       "- the grey one at the rescue put her paw through the bars at me\n\n"
       "**against**\n"
       "- I travel for work\n"
       "- the deposit\n"
       "- I forget to water cacti\n\n"
       "Conclusion: I'm ringing the rescue about the grey one tomorrow morning. Some list.\n")


def test_a_line_labelled_as_the_conclusion_is_where_the_entry_comes_out(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(CAT)
    assert "ringing the rescue" in centre
    assert "unconditional love" not in compose(CAT)


MEETING = ("Dritte WG-Sitzung wegen des Kühlschranks. Jonas hat behauptet, sein Käse rieche nur "
           "\"charaktervoll\". Alle haben gelacht, außer mir.\n\n"
           "Ergebnis: neue Regeln, ausgedruckt, an der Tür. Ich gebe ihnen eine Woche. "
           "Ich hab mir trotzdem schon mal Zimmer in Kreuzberg angeschaut. Nur so.\n")


def test_a_tally_labelled_result_is_not_the_entry_s_conclusion(centre_of: Callable[[str], str]) -> None:
    assert "Ergebnis" not in centre_of(MEETING)


PLATE = ("The green bowl cracked today. The one from the market in Porto, from the holiday with Sam. "
         "I know it's a bowl. I own eleven bowls. But I've eaten my porridge out of that one nearly every "
         "single morning for five years, at the little table by the window, and now I'm using a plain white "
         "one from the cupboard and the porridge tastes exactly the same, which somehow makes it worse.\n")


def test_a_short_which_remark_is_quoted_with_its_clause(centre_of: Callable[[str], str]) -> None:
    assert centre_of(PLATE).endswith("tastes exactly the same, which somehow makes it worse")


def test_a_verb_denied_at_the_end_of_its_clause_names_nothing(reading_of: Callable[[str], Any]) -> None:
    text = ("Ergebnis vom Arzt ist da: alles unauffällig. Zwei Wochen lang so getan, als würde ich nicht "
            "daran denken. Auf dem Heimweg ein Stück Käsekuchen gekauft und im Auto gegessen. Ohne Gabel. "
            "Bereue nichts.\n")
    _, r = reading_of(text)
    assert r.feelings == ("relief",)  # the news, not guilt
    assert "Schuld" not in compose(text)


def test_the_verb_like_after_its_subject_is_no_likeness(reading_of: Callable[[str], Any]) -> None:
    text = ("I said yes to moving in. I love his place.\n\n"
            "But I also like my own tiny flat with the slanted ceiling and nobody's socks. "
            "I don't know what that makes me.\n")
    _, r = reading_of(text)
    assert r.image is None


BROTHER = ("Dad rang to say my sister and her husband are buying a house. Three bedrooms and a garden, "
           "\"and a room for her studio\". He sounded thrilled. He asked how my flat was and I said the damp "
           "is nearly gone.\n\n"
           "She's three years younger than me. She's always been good at this stuff. I'm happy for her. "
           "I'll text her tomorrow.\n")


def test_gladness_said_for_someone_is_not_named_as_the_writer_s_joy(reading_of: Callable[[str], Any]) -> None:
    _, r = reading_of(BROTHER)
    assert "joy" not in r.feelings
    assert "joy" not in compose(BROTHER).lower()


def test_gladness_for_someone_beside_another_feeling_said_openly_is_kept(reading_of: Callable[[str], Any]) -> None:
    text = ("Meine Tochter zieht nach Kanada. Ich freue mich für sie und ich bin traurig, und ich glaube, "
            "das darf beides gleichzeitig sein.\n")
    _, r = reading_of(text)
    assert "joy" in r.feelings and "sadness" in r.feelings


def test_only_a_heavy_moment_is_asked_what_its_words_carry(reading_of: Callable[[str], Any]) -> None:
    """"What does “how's everyone else's Tuesday” carry for you?" weighs a deadpan line down
    (read blind, graded 2): "carry" is kept for moments where a hard feeling is named."""
    import pathlib

    import yaml

    root = pathlib.Path(__file__).resolve().parents[2] / "bench" / "holdout_entries"
    asked = 0
    for path in sorted(root.glob("fresh8*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]:
            if entry.get("language", "en") != "en":
                continue
            text = entry["text"]
            a, r = reading_of(text)
            reply = compose(text, a)
            if "carry for you?" in reply:
                asked += 1
                assert r.valence == "negative" and r.feelings, (entry["id"], reply)
    assert asked > 0  # (the frame is still used where it fits)

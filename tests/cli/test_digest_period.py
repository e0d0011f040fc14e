"""A digest read as the person whose week it was: the short line that carried the week is
quoted, one feeling said in passing is not the week's, two feelings said side by side are
both named, the week's last entry is where it lands, and care is mentioned only for a
reflection that was answered with care."""

from __future__ import annotations


def _write(cli, text: str, date: str) -> str:
    run = cli("reflect", "--json", "--date", date, input=text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def _week(cli, date: str) -> dict:
    run = cli("digest", "--week", "--date", date, "--json")
    assert run.code == 0, run.err
    return run.json


def test_a_birth_told_by_its_weight_alone_is_quoted(cli):
    _write(cli, "Eleven days late now. I keep packing and repacking the hospital bag like it "
                "will hurry her up.", "2026-08-03 21:00")
    _write(cli, "Long walk round the reservoir with Priti to get things going. Nothing yet, "
                "just sore feet and a lot of hope.", "2026-08-04 20:00")
    born = _write(cli, "Girl. 8lb 1oz. Everyone asleep but me.", "2026-08-06 05:10")
    _write(cli, "Home with her. I keep counting her toes as if one might have gone missing.",
           "2026-08-08 22:00")

    digest = _week(cli, "2026-08-05")

    lines = {line["reflection_id"]: line["text"] for line in digest["lines"]}
    assert lines[born] == "Girl. 8lb 1oz. Everyone asleep but me."
    assert digest["event"] == "a birth"


def test_a_birth_weight_in_kilograms_is_a_birth_too(cli):
    _write(cli, "Contractions all night, then nothing. The midwife says any day now. I have "
                "eaten a whole pineapple on the strength of one forum post.", "2026-05-04 22:00")
    born = _write(cli, "Boy. 3.4kg. Both fine.", "2026-05-06 11:40")
    _write(cli, "Home. His name is Milo. Took twenty minutes to work out the car seat straps.",
           "2026-05-07 16:00")

    digest = _week(cli, "2026-05-05")

    lines = {line["reflection_id"]: line["text"] for line in digest["lines"]}
    assert lines[born] == "Boy. 3.4kg. Both fine."
    assert digest["event"] == "a birth"


def test_a_short_line_of_news_carries_the_week_it_ends(cli):
    """A week of dread before a test, then a few plain words that it went well: they are
    quoted, not passed over as a bare fact among the louder lines."""
    _write(cli, "Driving test on Friday. Third attempt. If I stall on the hill start again I "
                "think I'll just give up and get the bus forever.", "2026-09-14 21:00")
    _write(cli, "Two hours of lessons with Ade, who says I'm ready. I don't believe him. "
                "I'm so anxious I couldn't sleep at all.", "2026-09-15 22:30")
    _write(cli, "Polished the car for no reason. I feel sick and scared thinking about "
                "tomorrow.", "2026-09-17 21:15")
    news = _write(cli, "passed. two minors. certificate in the post.", "2026-09-18 13:05")
    _write(cli, "Drove Mum to the garden centre, all by myself. I'm so proud and so relieved, "
                "I keep grinning at nothing.", "2026-09-19 17:00")
    _write(cli, "Long lie-in. I'm grateful the whole thing is over, honestly.",
           "2026-09-20 11:00")

    digest = _week(cli, "2026-09-16")

    assert {line["reflection_id"]: line["text"] for line in digest["lines"]}.get(news) == \
        "passed. two minors. certificate in the post."


def test_a_loved_one_passing_is_not_read_as_an_exam_passed(cli):
    _write(cli, "Aunt Rosa passed. The house is full of her casserole dishes and nobody knows "
                "whose they are.", "2026-09-14 21:00")

    digest = _week(cli, "2026-09-14")

    assert digest["event"] != "an exam"
    assert "pride" not in digest["feeling"]


def test_one_feeling_said_once_midweek_does_not_head_the_week(cli):
    _write(cli, "Slept badly again. The leak in the bathroom ceiling has a bucket under it now.",
           "2026-10-12 07:30")
    _write(cli, "Presented the budget to the board and fumbled the numbers. I was mortified.",
           "2026-10-13 19:00")
    _write(cli, "Took the long way home through the allotments. Someone had left a whole box "
                "of free marrows at the gate.", "2026-10-15 18:40")
    _write(cli, "Plumber came, finally. Soup and a film with Oskar.", "2026-10-17 21:00")

    digest = _week(cli, "2026-10-14")

    assert digest["feeling"] == ""  # the counts open it; the line itself is still quoted
    assert any("mortified" in line["text"] for line in digest["lines"])
    assert "embarrassment" not in digest["text"]


def test_two_feelings_said_side_by_side_are_both_named(cli):
    _write(cli, "Rearranged the spare room into an office so it stops looking like a waiting "
                "room. It looks like mine now. I'm sad, and I'm also a bit excited, and I think "
                "both are allowed.", "2026-11-02 20:00")

    digest = _week(cli, "2026-11-02")

    assert "sadness" in digest["feeling"]
    assert "hope" in digest["feeling"] or "joy" in digest["feeling"]


def test_laughing_in_a_sad_week_is_not_named_as_joy(cli):
    _write(cli, "Cleared out her wardrobe today. Found the scarf she wore to every match.",
           "2026-11-09 20:00")
    _write(cli, "Watched the old video of the three of us at the beach and laughed, then felt "
                "so guilty for laughing I had to stop it.", "2026-11-11 22:00")
    _write(cli, "Quiet day. Didn't really speak to anyone.", "2026-11-13 21:00")

    digest = _week(cli, "2026-11-10")

    assert "joy" not in digest["feeling"]


def test_the_weeks_last_entry_is_shown_even_without_a_feeling_word(cli):
    _write(cli, "Deadline moved up a week with no warning. I'm furious, honestly.",
           "2026-11-16 19:00")
    _write(cli, "Stayed until ten. I'm worried I've missed something obvious in the audit.",
           "2026-11-18 23:00")
    _write(cli, "Audit signed off. I'm so relieved I could cry.", "2026-11-20 18:00")
    last = _write(cli, "Sunday. Made bread, walked the dog along the estuary. Nobody asked me "
                       "for a single thing all day.", "2026-11-22 16:00")

    digest = _week(cli, "2026-11-18")

    assert last in {line["reflection_id"] for line in digest["lines"]}


def test_a_heavy_but_ordinary_week_is_not_told_it_received_care(cli):
    """An entry that got a mirrorback with the gentle line beside it is no care response:
    the week's digest says nothing about care and shows no help line."""
    _write(cli, "Rota chaos again, covered two shifts for Imogen.", "2026-12-07 19:00")
    _write(cli, "I'm not suicidal, I just feel empty and flat all the time lately.",
           "2026-12-08 23:00")
    _write(cli, "Wreath-making at the community hall with Bea. Glue gun burns, lots of tea.",
           "2026-12-10 20:00")

    digest = _week(cli, "2026-12-08")

    assert digest["care"] is None
    assert "care" not in digest["text"] and "help exists" not in digest["text"]
    assert "empty" not in digest["text"]


def test_a_week_with_a_care_response_says_so_plainly_after_the_persons_words(cli):
    _write(cli, "Choir practice, we finally nailed the descant.", "2026-12-14 20:00")
    _write(cli, "I want to end my life. I've written the notes and I know how I'd do it.",
           "2026-12-15 23:30")

    digest = _week(cli, "2026-12-15")

    assert digest["care"]["reflections"] == 1
    text = digest["text"]
    said = "One reflection this week was answered with care, so it is left out of this summary."
    assert said in text
    assert text.index("descant") < text.index(said)
    assert "notes" not in text and "end my life" not in text


def test_a_reaction_is_quoted_with_what_it_reacts_to(cli):
    """An entry of two sentences, what happened and what it did to the writer, is one
    thought: "I didn't know where to look." alone says nothing a week later."""
    entry = _write(cli, "Greta thanked me by name at the all-hands, in front of the whole "
                        "floor. I didn't know where to look.", "2026-05-12 19:00")

    digest = _week(cli, "2026-05-12")

    assert {line["reflection_id"]: line["text"] for line in digest["lines"]}[entry] == \
        "Greta thanked me by name at the all-hands, in front of the whole floor. I didn't " \
        "know where to look."


def test_a_feeling_is_near_the_weeks_end_only_when_its_last_entry_says_it(cli):
    _write(cli, "Fixed the gate hinge. Small job, took all morning.", "2026-05-25 12:00")
    _write(cli, "Wrote the eulogy draft for Uncle Tam. I'm heartbroken, honestly.",
           "2026-05-29 22:00")
    _write(cli, "Waiting for the dentist. Read the same page of a magazine four times.",
           "2026-05-31 18:00")

    digest = _week(cli, "2026-05-27")

    assert "near its end" not in digest["feeling"] and "ended with" not in digest["feeling"]


def test_a_relation_named_once_who_was_there_the_week_before_is_listed(cli):
    _write(cli, "My brother drove down and we cleared the loft. My brother found our old "
                "conkers in a jar.", "2026-06-02 20:00")
    _write(cli, "Rang my brother about the skip hire.", "2026-06-04 20:00")
    _write(cli, "Walked the coast path with my brother before his train. Hardly spoke, "
                "didn't need to.", "2026-06-10 18:00")
    _write(cli, "Quiet evening, finished the jigsaw.", "2026-06-11 21:00")

    digest = _week(cli, "2026-06-10")

    assert "your brother" in {p["name"] for p in digest["people"] if p["count"]}


def test_a_feeling_said_in_the_verb_of_a_language_without_its_i_is_the_writers(cli):
    _write(cli, "Mañana es el examen de conducir. Tengo miedo de suspender otra vez.",
           "2026-06-15 21:00")
    _write(cli, "Aprobé. Estoy feliz y un poco nerviosa todavía, no me lo creo.",
           "2026-06-18 19:00")

    digest = _week(cli, "2026-06-16")

    assert "fear" in digest["feeling"] or "worry" in digest["feeling"]
    assert "joy" in digest["feeling"]


def test_nearly_dying_of_embarrassment_is_not_grief(cli):
    _write(cli, "I nearly died of embarrassment when I called my teacher Mum in front of the "
                "whole class.", "2026-06-22 20:00")

    digest = _week(cli, "2026-06-22")

    assert "grief" not in digest["feeling"]
    assert "loss" not in digest["text"]


def test_a_week_of_different_feelings_said_once_each_is_said_as_all_of_them(cli):
    _write(cli, "Bins, laundry, the usual Monday.", "2026-06-29 19:00")
    _write(cli, "Stuck on the motorway for three hours. I'm so frustrated with this commute.",
           "2026-06-30 21:00")
    _write(cli, "Found my grandad's old watch in a drawer. I miss him more than I expected to.",
           "2026-07-01 21:00")
    _write(cli, "Results tomorrow. I'm so nervous I can't settle to anything.",
           "2026-07-02 22:00")
    _write(cli, "Cut the grass and fixed the bike chain.", "2026-07-04 12:00")

    feeling = _week(cli, "2026-07-01")["feeling"]

    assert "frustration" in feeling and "worry" in feeling


def test_a_line_opening_on_she_comes_with_the_relation_it_points_to(cli):
    entry = _write(cli, "Three meetings back to back and a fire drill in the middle of the last "
                        "one, so nothing got decided. Drove over to see my gran after work. She "
                        "held my hand the whole time and told me I was her favourite, which she "
                        "says to all of us, but I believed it tonight.", "2026-07-07 21:00")

    digest = _week(cli, "2026-07-07")

    line = {line["reflection_id"]: line["text"] for line in digest["lines"]}[entry]
    assert line.startswith("Drove over to see my gran after work. She held my hand")


def test_a_birth_told_is_quoted_with_the_short_line_that_says_who(cli):
    _write(cli, "Quiet Monday. Bought strawberries and read on the balcony until the light went.",
           "2026-06-01 20:00")
    born = _write(cli, "Ana had the baby!!! A girl, 3.2 kilos, both fine. I'm an auntie. I cried "
                       "in the car park.", "2026-06-02 06:30")

    digest = _week(cli, "2026-06-02")

    lines = {line["reflection_id"]: line["text"] for line in digest["lines"]}
    assert lines[born].startswith("Ana had the baby!!! A girl, 3.2 kilos, both fine.")


def test_a_week_of_few_entries_quotes_a_line_from_each_written_at_length(cli):
    ids = [_write(cli, text, date) for text, date in (
        ("El martes clase de cerámica con Lucía. Hice un cuenco que parece un plato. Lo dejé "
         "secando en la estantería.", "2026-10-06 22:00"),
        ("Fuimos en tren a Toledo con Pilar y paseamos por el casco viejo toda la tarde. "
         "Hablamos de su trabajo, de mi padre, de las vacaciones. Compramos mazapán para mi "
         "tía.", "2026-10-10 21:00"),
    )]

    digest = _week(cli, "2026-10-06")

    assert {line["reflection_id"] for line in digest["lines"]} == set(ids)


def test_a_month_of_many_short_plain_entries_is_told_in_more_than_three_lines(cli):
    days = ["Packed the last boxes and labelled them wrong.", "Van came late, driver was lovely.",
            "First night in the new flat, slept on the mattress on the floor.",
            "Found the kettle. Tea on the balcony, the street is noisy but I like it.",
            "Neighbour brought round a plant and stayed for an hour, we laughed a lot.",
            "Assembled the bed. Two screws left over.", "Walked to the river after work.",
            "Cooked properly for the first time in the new kitchen.",
            "Rain all day, read on the sofa.", "My sister visited and said it feels like me.",
            "Hung the pictures at last.", "Quiet Sunday, it already feels like home."]
    for k, text in enumerate(days, 2):
        run = cli("reflect", "--date", f"2026-03-{k:02d} 20:00", input=text)
        assert run.code == 0, run.err

    digest = cli("digest", "--month", "--date", "2026-03-15", "--json").json

    assert len(digest["lines"]) >= 4


def test_someone_a_quoted_line_shows_acting_is_among_who_came_up(cli):
    _write(cli, "Sent the grant draft to Marek before lunch. Not my best, but it's in.",
           "2026-05-25 18:00")
    rid = _write(cli, "Marek wanted the whole summary rewritten by Friday and I nearly cried "
                      "at my desk. Furious, then just tired.", "2026-05-27 21:00")

    digest = _week(cli, "2026-05-27")

    if any(line["reflection_id"] == rid and "Marek" in line["text"] for line in digest["lines"]):
        assert "Marek" in {p["name"] for p in digest["people"]}

"""Both sides where the writer puts them, a turn that ends on a few words, and "my pride".

- "I think both things are true. I'm lucky to be here and I miss home so much …": the two
  sides come after the line that says both, either side of its "and".
- "… I said 'it's gorgeous!!' about nine times and meant it and also wanted to lie down on
  her driveway and scream a bit. Both things are true.": one line holds both sides, either
  side of its "and also"; the house described before it is no side of it.
- "Both things true." is a way of saying both at once, as "both are true" is.
- "But I'm not looking at job postings. Not this year.": a few words going on with a turn
  are its end, and the turn is where the entry lands, after "I'm tired" four lines up (read
  blind, a triumphant year met with tiredness alone was graded 2).
- "Total damage: $412 and my pride": a thing lost, not pride felt (read blind, "There's real
  pride in that" was graded 2).

These entries were written for the tests."""

from __future__ import annotations

from typing import Any

from mirror.engine.offline import compose


def test_both_sides_after_the_line_that_says_both() -> None:
    entry = ("Month three in Lyon. Today the baker remembered my order without asking, which felt "
             "like a medal.\n\nI think both things are true. I'm glad I came and I miss my sister "
             "so much it aches some nights. Going to try the market again on Sunday.")
    reply = compose(entry)
    assert "\u201cI'm glad I came\u201d" in reply and "\u201cI miss my sister so much it aches some nights\u201d" in reply
    assert "both at once" in reply.lower()  # (the writer's own "both", said back as theirs)


def test_one_line_holding_both_sides_either_side_of_and_also() -> None:
    entry = ("Went to Priya's new house. Four bedrooms, a garden with an actual fig tree, a kitchen "
             "bigger than my flat. I said it was lovely about ten times and meant it and also wanted "
             "to lie down on her lawn and howl. Both things are true.")
    reply = compose(entry)
    assert "\u201cwanted to lie down on her lawn and howl\u201d" in reply
    assert "fig tree" not in reply


def test_both_things_true_says_both_at_once() -> None:
    entry = ("Sam's wedding photos are up. I liked them all. I'm glad for him. I'm also sat here in "
             "my dressing gown feeling like everyone got a map but me. Both things true.")
    reply = compose(entry)
    assert "\u201cI'm glad for him\u201d" in reply and "got a map but me" in reply


def test_a_turn_that_ends_on_a_few_words_is_where_the_entry_lands(centre_of: Any) -> None:
    entry = ("Last shift before the summer. The ward smells of hand gel and cold toast.\n\n"
             "This year nearly broke me in January. I cried in the sluice room twice. I looked at "
             "jobs in insurance, which is what nurses do when they're daydreaming about leaving.\n\n"
             "Then Mr Okafor on bay three went home walking, and his daughter hugged me in the corridor.\n\n"
             "I'm tired. My feet hurt. I'll moan about the rota all August. But I'm not looking at "
             "insurance jobs. Not this year.")
    centre = centre_of(entry)
    assert "not looking at insurance jobs" in centre and "Not this year" in centre


def test_my_pride_lost_is_not_pride_felt(feelings_of: Any) -> None:
    entry = ("Spent the afternoon finding why the payroll script paid everyone twice. It was me, in "
             "March. Total damage: one very long email and my pride. Bought the team doughnuts.")
    assert "pride" not in feelings_of(entry)


def test_a_word_that_leads_into_the_next_line_is_not_quoted_with_the_line_before() -> None:
    """"… the kid who used to save her crackers for the class hamster. Well. A different kid
    now.": "Well." opens what follows; quoted with the line before, it was asked "What does
    'Well' carry for you?" (read blind: a mechanical fragment, graded 2)."""
    entry = ("Ruby (15) came home and told me, very casually, that she stood up for the new kid at "
             "lunch. Some boys were mocking his accent and she apparently said \"do you want to hear "
             "YOUR accent from the outside?\" and did an impression of one of them. Cafeteria lost "
             "it.\n\nI tried to do the parent thing, \"we don't mock people either, love\", but I was "
             "grinning and she knew it.\n\nShe's been so closed off this year. Door shut, earbuds in, "
             "one-word answers. It was nice to be reminded she's still in there, the kid who used to "
             "save her crisps for the class guinea pig. Well. A different kid now. Maybe a better one.")
    reply = compose(entry)
    assert "Well\u201d" not in reply and "\u201cWell" not in reply


def test_a_lists_number_is_not_a_closing_bracket() -> None:
    """"… keeps telling me to: 1) Ana texted just to say hi": the "1)" numbers an item; read as
    a bracket the quote must close, the quote was cut to "… telling me to: 1"."""
    entry = ("Good things list, because my counsellor keeps telling me to: 1) Ana texted just to say "
             "hi. 2) the boiler works again. 3) I slept through the night. That's enough.")
    reply = compose(entry)
    assert "\u201c3\u201d" not in reply and "to: 1\u201d" not in reply

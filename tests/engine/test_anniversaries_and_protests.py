"""A death's day told in every language, the line after it, and gladness protested.

Read blind: "Heute wäre Gisela 78 geworden. Ich hab ihre Gießkanne genommen, die grüne mit
der Delle." had no grief read in it, and a tomato anecdote was quoted over it (graded 2);
"I'm happy for her. I'm genuinely happy for her. I also went and sat in my car … and ate a
whole sleeve of Oreos" was named joy (graded 2); "I'm happy. I really am. … It's just not
the only thing that's true." lost its turn to the cheering before it (graded 2).
"""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Im Garten die Bohnen gelegt. Heute wäre Gisela 78 geworden. Ich hab ihre Gießkanne genommen."),
    ("fr", "Aujourd'hui, papa aurait eu 70 ans. J'ai fait sa soupe."),
    ("nl", "Vandaag zou mama 75 geworden zijn. Ik heb haar taart gebakken."),
    ("pl", "Dziś tata skończyłby 70 lat. Upiekłam jego sernik."),
    ("pt", "Hoje o meu pai faria 80 anos. Fiz o bolo dele."),
])
def test_the_day_someone_would_have_turned_an_age_is_grief(language: str, text: str, feelings_of) -> None:
    assert "grief" in feelings_of(text)


def test_the_line_after_a_deaths_day_is_where_the_entry_is(centre_of) -> None:
    text = ("Im Kleingarten endlich die Bohnen gelegt. Der Boden war noch kalt, aber Herr Yılmaz "
            "von Parzelle 14 meinte, jetzt oder nie, und der weiß das besser als der Wetterbericht. "
            "Er hat mir Tomatenpflanzen geschenkt, eine Sorte aus seinem Dorf, den Namen konnte er "
            "mir nicht übersetzen. Wir nennen sie jetzt \"die Türkischen\".\n"
            "Heute wäre Gisela 78 geworden. Ich hab ihre Gießkanne genommen, die grüne mit der Delle.\n"
            "Danach Kaffee bei Yılmaz in der Laube, er kocht ihn so stark, dass ich bis abends "
            "Herzklopfen hab. Hab trotzdem zwei Tassen getrunken. Morgen soll es regnen, gut für "
            "die Bohnen.")
    assert "Gießkanne" in centre_of(text)


def test_gladness_said_again_with_an_insisting_word_is_not_named(feelings_of) -> None:
    text = ("Hannah got into Michigan. I'm happy for her. I'm genuinely happy for her. I also went "
            "and sat in my car in the Kroger parking lot for fifteen minutes and ate a whole sleeve "
            "of Oreos.")
    assert "joy" not in feelings_of(text)
    # said once, plainly, it is named
    assert "joy" in feelings_of("Hannah got into Michigan and I'm so happy for her, she worked for it.")


def test_what_else_is_true_after_a_protest_is_where_the_entry_is(centre_of) -> None:
    text = ("Got the Denver job. Regional manager. The money is real money, like "
            "stop-checking-the-balance-before-groceries money.\n\n"
            "Told the Thursday group at the Rusty Anchor and everyone cheered and Kat bought a "
            "round and Benji said \"who's going to lose to me at darts now\" and I laughed. Then on "
            "the walk home I kept thinking about how we've been going to that bar every Thursday "
            "for six years. Six years at the same wobbly table. Kat's wedding. Benji's dad. My "
            "whole thing with Jordan, start to finish, all of it talked out at that table.\n\n"
            "I'm happy. I really am. I keep saying that, to them and to Mom, and it's true. It's "
            "just not the only thing that's true. Start date is March 3.")
    assert "not the only thing that's true" in centre_of(text)
    reply = compose(text)
    assert "makes it just not" not in reply  # a hedge is not a verdict to ask what made it so


def test_content_after_a_tag_said_as_a_question_is_still_content() -> None:
    # "Honestly? Perfect.": a quiet day alone, welcomed, is not loneliness
    reply = compose("Rain all day. Read half a novel, made soup, didn't speak to a single person. "
                    "Honestly? Perfect.")
    assert "loneliness" not in reply.lower()


def test_running_out_is_not_pride() -> None:
    # "Ho finito i libri, la pazienza e il caffè": run out of, not achieved
    reply = compose("Piove da tre giorni. Ho finito i libri, la pazienza e il caffè. In quest'ordine.")
    assert "orgoglio" not in reply.lower()

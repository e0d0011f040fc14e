"""A short entry's opening words, a bracketed aside inside a long line, a feeling of someone
who looked at the writer, and an errand at the end: where each belongs in the reply.

From a blind sheet graded on this engine (and blind pairs: the opening words kept were
preferred 45 to 5): "Sold the piano." left out of the quote "skips the loss"; a quote cut
at "(a murder)" started inside a clause; "she knew me again and was embarrassed" was named
the writer's shame; "Need to book the car in" was quoted over a carer's afternoon.
"""

from __future__ import annotations

from mirror.engine.offline import compose


def test_a_short_entrys_opening_words_are_quoted_with_the_line_they_explain() -> None:
    reply = compose("Sold the piano. The men said it was the heaviest upright they'd moved all "
                    "year, as if that was my fault.")
    assert "\u201cSold the piano. The men said" in reply
    reply = compose("Biopsy clear. Sat in the car park for twenty minutes before I could drive.")
    assert "Biopsy clear. Sat in the car park" in reply
    # ...and the question does not say the whole line back again
    assert reply.count("Sat in the car park") == 1


def test_the_opening_line_of_a_longer_entry_is_not_quoted_before_its_centre() -> None:
    text = ("Sold the piano. The men said it was the heaviest upright they'd moved all year, "
            "as if that was my fault. Then they scratched the hall floor on the way out and "
            "nobody said sorry, and I stood there holding the cheque like an idiot, thinking "
            "about Mum teaching me scales on it every Sunday.")
    assert not compose(text).split("\u201d")[0].endswith("Sold the piano")
    assert "\u201cSold the piano. The men" not in compose(text)


def test_a_long_line_is_never_quoted_from_inside_its_brackets(centre_of) -> None:
    text = ("Pub quiz at the Crown. Lost by one point, again. We also didn't know what year the "
            "Berlin Wall came down (1989; Dom said 1991; Dom needs to stop) or what you call a "
            "group of crows, which I did know and then forgot (a murder) and which will now "
            "haunt me. Next week I'm holding the pen.")
    reply = compose(text)
    assert "\u201c(a murder)" not in reply and "\u201ca murder" not in reply
    plumbing = ("Turned off what I believed was the water. It was not the water. By the time I "
                "found the actual stopcock (under the stairs, behind the hoover, behind the "
                "Christmas decorations) the kitchen floor was a paddling pool and the cat was on "
                "top of the fridge looking at me like I'd betrayed the whole household. Plumber "
                "came at 6pm.")
    assert "\u201cbehind the Christmas decorations" not in compose(plumbing)


def test_a_feeling_of_someone_who_looked_at_the_writer_is_theirs(feelings_of) -> None:
    assert "shame" not in feelings_of("Then at teatime she knew me again and was embarrassed and "
                                      "cross. I wasn't staring. Maybe I was.")
    assert "pride" not in feelings_of("Mum hugged me at the gate and was so proud. I nearly cried.")
    assert "anxiety" not in feelings_of("Then he saw me and got really nervous. It was sweet.")
    assert "anger" not in feelings_of("Jake looked at me and was furious.")  # a name opening the line
    assert "shame" not in feelings_of("She took my hand and was so embarrassed.")  # "my" is no subject
    # the writer who did the looking still feels what follows
    assert "relief" in feelings_of("I hugged her at the gate and felt so relieved.")


def test_errands_at_the_end_are_not_where_a_long_entry_lands(centre_of) -> None:
    text = ("Wednesdays are mine. Rob does Mondays and Fridays, the carers do mornings, and I "
            "do Wednesday afternoon into evening.\n\n"
            "Today Mum thought I was her brother Billy for about an hour. I've stopped "
            "correcting her \u2014 the nurse said it only frightens her \u2014 so I was Billy, and we "
            "talked about a dog called Sultan I've never heard of who apparently ate an "
            "entire Christmas cake in 1958. She was laughing so much. I got more out of being "
            "Billy than I've got out of being me in weeks.\n\n"
            "Then at teatime she knew me again and was embarrassed and cross, asked why I was "
            "\"staring at her like that.\" I wasn't. Maybe I was.\n\n"
            "Drove home with the radio off. Need to ring Rob about the pharmacy delivery and "
            "the stair rail. Need to book the car in. Need to eat something that isn't her "
            "custard creams.")
    assert not centre_of(text).startswith("Need to")
    quieter = ("Wednesdays are mine. Rob does Mondays and Fridays, the carers do mornings, and I "
               "do Wednesday afternoon into evening.\n\n"
               "Today Mum thought I was her brother Billy for about an hour. I've stopped "
               "correcting her, so I was Billy, and we talked about a dog called Sultan who ate "
               "an entire Christmas cake in 1958. She was laughing so much.\n\n"
               "At teatime she knew me again and went quiet.\n\n"
               "Drove home with the radio off. Need to ring Rob about the pharmacy delivery and "
               "the stair rail. Need to book the car in. Need to eat something that isn't her "
               "custard creams.")
    assert not centre_of(quieter).startswith("Need to")
    # a plan of the writer's own at the end still lands: the punchline after it is theirs
    knee = ("My left knee has started making a noise. Not pain exactly, just a sort of wet click "
            "when I go up stairs, like someone stepping on bubble wrap in another room. Fifty-two "
            "years old and my body has started producing sound effects.\n\n"
            "Googled it, which was a mistake. Either it's nothing or I need a new knee or I have "
            "a rare condition that mostly affects Norwegian fishermen.\n\n"
            "Linda says I should stop running on the road and use the track. Linda is probably "
            "right. Linda is usually right and she knows it, which is the annoying part.\n\n"
            "Booked a physio for the 14th. Going to do the stupid stretches until then. Click.")
    assert centre_of(knee).endswith("Click")

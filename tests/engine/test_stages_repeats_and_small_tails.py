"""How a reply reads feelings passed through, lines said again, small words trailing a line
and Markdown's marks, found on entries written blind (fresh87, fresh88):

- a feeling told in a first stage the entry has come through ("First week I was annoyed.
  Second week I got used to it. Tonight …") is not named as tonight's (graded 1);
- a line said again with one short line between ("Mum's scan was clear. Writing that one
  down twice. Mum's scan was clear.") is where the writer stays; a word alone said again
  with more ("Morgen. Ganz bestimmt morgen.") is one moment;
- a small word after a comma ("Fine day, really.") is not all a question can ask after;
- "Soy un desastre con patas" is self-mockery as often as shame: never named alone;
- a pronoun after a preposition ("invidiosa di lei") is no one feeling, and a verb of being
  without its "I" ("sono … arrabbiata con me", "ich bin … stolz auf mich") is the writer;
- a bare "But." turns the line after it;
- "**Next week:** dentist" is quoted without its Markdown marks; an entry quoted whole is
  never "one line from it"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mirror.engine.offline import compose

TRUMPET = ("The girl upstairs has started the violin. Every night from seven there's a noise like a cat "
           "being folded. Been going on a month now. First week I was furious. Second week I got used to it. "
           "Tonight I caught myself humming along, waiting for her to get the high bit right. She got it. "
           "I nearly cheered.\n")


def test_a_feeling_of_a_first_stage_come_through_is_not_named(reading_of: Callable[[str], Any]) -> None:
    _, r = reading_of(TRUMPET)
    assert "anger" not in r.feelings and "frustration" not in r.feelings
    assert "furious" not in compose(TRUMPET).split("\u201d")[-1]


def test_a_feeling_of_a_first_stage_with_nothing_after_it_is_still_named(reading_of: Callable[[str], Any]) -> None:
    _, r = reading_of("First week I was furious with the council about the bins, and I still am.\n")
    assert "anger" in r.feelings


THANKS = ("Three good things, because the app says so:\n\n"
          "- Priya lent me her umbrella\n"
          "- Dad's biopsy was benign. Writing that one down twice. Dad's biopsy was benign.\n"
          "- The 38 bus driver waited for me even though I was clearly not going to make it\n")


def test_a_line_said_again_across_one_is_where_the_writer_stays(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(THANKS)
    assert centre.startswith("Dad's biopsy was benign") and centre.endswith("Dad's biopsy was benign")


def test_a_word_alone_said_again_with_more_is_one_moment(centre_of: Callable[[str], str]) -> None:
    text = ("Steuer heute endlich angefangen. Also, ich habe den Ordner auf den Tisch gelegt. Dann das Bad "
            "geputzt und drei Folgen einer Serie über Vulkane geschaut. Der Ordner liegt noch da. "
            "Morgen. Ganz bestimmt morgen.\n")
    assert centre_of(text).endswith("Morgen. Ganz bestimmt morgen")


def test_a_small_word_after_a_comma_is_left_off_the_question() -> None:
    reply = compose("Fog. Fixed the gate. Too wet to paint. Anne made soup. Good day, really.\n")
    assert "\u201cGood day\u201d" in reply


def test_calling_oneself_a_disaster_in_passing_is_not_shame(reading_of: Callable[[str], Any]) -> None:
    text = ("Mañana presento delante de todo el equipo. Me lo sé de memoria. Pero cada vez que me imagino "
            "al director con los brazos cruzados se me seca la boca. Me he hecho una tila. Luego un café. "
            "Soy un desastre con patas. A la cama.\n")
    _, r = reading_of(text)
    assert "shame" not in r.feelings
    assert "vergüenza" not in compose(text).lower()


def test_a_pronoun_after_a_preposition_does_not_take_the_feeling(reading_of: Callable[[str], Any]) -> None:
    text = "Non so se sono gelosa di lei o arrabbiata con me. Forse tutte e due.\n"
    _, r = reading_of(text)
    assert set(r.feelings) == {"envy", "anger"}


def test_a_verb_of_being_without_its_i_is_the_writer(reading_of: Callable[[str], Any]) -> None:
    _, r = reading_of("Ich bin müde, aber auch ein bisschen stolz auf mich.\n")
    assert "pride" in r.feelings


def test_a_bare_but_turns_the_line_after_it(centre_of: Callable[[str], str]) -> None:
    text = ("Attempted the sourdough again. Flat as a plate. Watched a baker on YouTube shape a perfect loaf "
            "in forty seconds while chatting happily about his lovely holiday in Cornwall.\n\n"
            "But.\n\n"
            "The kitchen smelled like my grandmother's house all afternoon.\n\n"
            "Loaf number nine on Sunday.\n")
    assert "kitchen smelled" in centre_of(text)


def test_markdown_marks_are_not_quoted() -> None:
    text = ("## Week 9\n\n**Done**\n- Tax return\n- Two runs\n\n"
            "**Next week:** dentist. DENTIST. I mean it this time.\n")
    reply = compose(text)
    assert "**" not in reply


def test_an_entry_quoted_whole_is_never_one_line_from_it() -> None:
    # (inner quotation marks are given as the mirror's own: the entry is still quoted whole)
    for who in ("head teacher", "CEO", "vicar", "landlord", "chair of governors", "regional manager",
                "club captain", "practice manager", "dean", "head chef"):
        text = (f"Accidentally replied-all \"lol same\" to the {who}'s leaving announcement. "
                "Considering a new name and a new country.\n")
        assert "One line from it" not in compose(text), who


def test_a_pity_is_not_shame(reading_of: Callable[[str], Any]) -> None:
    text = ("Slugs have had every lettuce. Went out at ten with a torch like a sheriff and found nine. "
            "Beer traps going in tomorrow. Shame to waste the beer.\n")
    _, r = reading_of(text)
    assert "shame" not in r.feelings


def test_sour_alone_is_a_taste_and_sour_said_of_oneself_is_anger(reading_of: Callable[[str], Any]) -> None:
    _, r = reading_of("Heute die ersten Kirschen gegessen. Noch ein bisschen sauer, aber warm von der Sonne. "
                    "Abends auf dem Balkon gesessen.\n")
    assert "anger" not in r.feelings
    _, r = reading_of("Ich bin immer noch sauer. Er hat meine Folien als seine vorgestellt.\n")
    assert "anger" in r.feelings


def test_no_one_turned_into_the_writer_is_one_moment(centre_of: Callable[[str], str]) -> None:
    text = ("woke at 4 again. scrolled. read about squid. did you know they have three hearts. "
            "nobody cares. i care. going back to sleep. trying to\n")
    assert centre_of(text) == "nobody cares. i care"


def test_even_though_is_never_cut_in_two(reading_of: Callable[[str], Any]) -> None:
    text = ("Luca's is closing at the end of the month. Rent went up. I've been going there every Sunday for "
            "eleven years, through three jobs and one divorce. He always knew it was a cortado with oat milk, "
            "and he'd draw a wonky heart in it even though I'm 61 and absolutely nobody's sweetheart. It's just "
            "a café. Left a big tip and couldn't quite look at him.\n")
    a, r = reading_of(text)
    assert r.sides is not None
    left = r.sides[0]
    assert a.tokens[left.last - 1].norm != "even"


def test_a_line_moving_on_is_not_the_turn_of_the_one_before(centre_of: Callable[[str], str]) -> None:
    text = ("Rejection email from the agency. Didn't even spell my name right. Love that for me. "
            "Anyway I'm going to order a large pizza and rewrite my CV. Again.\n")
    assert "pizza" not in centre_of(text)


def test_a_clause_after_that_is_asked_after_from_its_subject() -> None:
    text = ("Drove Leo back to his mum's. Out of nowhere he said, \"you laugh more now, Dad.\" I didn't know "
            "what to say. I've thought about it all evening, that he was watching, that he noticed.\n")
    reply = compose(text)
    assert "\u201che noticed\u201d" in reply


def test_joy_shouted_then_a_fond_answer_is_never_a_comeback(reading_of: Callable[[str], Any]) -> None:
    text = ("¡APROBÉ EL CARNÉ! A la tercera. Le mandé una foto a papá y contestó con diez pulgares y un "
            "\"¿ves? te lo dije\". Sí, papá, me lo dijiste. Esta noche, pizza.\n")
    _, r = reading_of(text)
    assert not r.sarcasm and r.retort is None
    assert "pride" in r.feelings


def test_this_before_a_noun_is_no_subject_that_takes_the_feeling(reading_of: Callable[[str], Any]) -> None:
    _, r = reading_of("I felt this huge relief when the nurse smiled.\n")
    assert "relief" in r.feelings
    # ("a banner that said HAPPY 80": "that" before its verb is the banner, and the banner's words are its own)
    _, r = reading_of("Lily had made a banner that said HAPPY 80 GRANDPA. I sat and looked at it for a long time.\n")
    assert "joy" not in r.feelings

"""The person's clause said back in the second person, for the closing question."""

from __future__ import annotations

import pytest

from mirror.engine.checks import check
from mirror.engine.echo import echo
from mirror.engine.offline import compose
from mirror.engine.tokenize import tokenize


def said(text: str) -> str | None:
    toks = tokenize(text)
    found = echo(text, toks, 0, len(toks))
    return found.text if found else None


@pytest.mark.parametrize("text, expected", [
    ("I keep picking up my phone to check for a call.", "you keep picking up your phone to check for a call"),
    ("I was so angry at Sam, and I left.", "you were so angry at Sam"),
    ("And I cried in the shower because the shampoo bottle was empty.",
     "you cried in the shower because the shampoo bottle was empty"),
    ("I'm thirty-four and I'm so tired of it.", "you're thirty-four and you're so tired of it"),
    ("Walked the long way round.", "you walked the long way round"),
    ("can't sleep, keep rearranging the furniture in my head", "you can't sleep"),
    ("Dad made me a cup of tea without saying anything.",
     "Dad made you a cup of tea without saying anything"),
    ("My sister drove four hours to sit with me.", "your sister drove four hours to sit with you"),
    ("She said I was overreacting.", "she said you were overreacting"),
    # a diary's state, not a doing: never "you pleased with yourself"
    ("Pleased with myself.", "you were pleased with yourself"),
])
def test_the_writers_clause_comes_back_in_the_second_person(text: str, expected: str) -> None:
    assert said(text) == expected


@pytest.mark.parametrize("text", [
    "I should call my mother tonight.",          # the mirror never says "you should"
    "I have to finish the report by Friday.",    # nor "you have to"
    "I told her you were right.",                # a "you" of the person's own: whose?
    "I'm writing this on the ferry home.",       # a plain report: said back it only repeats
    "The printer jammed twice.",                 # a thing, not a person, did it
    "He lives in Leeds now.",                    # someone else's present: only a report
    "Still can't.",                              # the verb it stands for is elsewhere
    "I'd love to go back there one day.",        # only imagined
])
def test_clauses_that_cannot_be_said_back_safely_are_left_alone(text: str) -> None:
    assert said(text) is None


def test_a_question_built_from_the_quoted_line_passes_the_guardian_and_uses_its_words() -> None:
    text = ("Went to the hardware shop for picture hooks. The man at the counter had a jumper "
            "like Dad's. Forty years of him correcting how I held a screwdriver and I still "
            "hold it wrong.")
    reply = compose(text)
    quoted, asked = reply.rsplit("\u201d", 1)
    assert "screwdriver" in quoted and "you still hold it wrong" in asked
    assert check(reply, text).passed


@pytest.mark.parametrize("text", [
    "I cried. Not because I was worried about Rosa.",            # what she said was NOT so
    "He hummed the whole time. Came out pink and asked for pie.",  # the diary's "I" is him
])
def test_what_the_entry_denies_or_gives_to_someone_else_is_never_said_back(text: str) -> None:
    toks = tokenize(text)
    sentences = {t.sent for t in toks}
    last = max(sentences)
    lo = next(i for i, t in enumerate(toks) if t.sent == last)
    assert echo(text, toks, lo, len(toks)) is None


@pytest.mark.parametrize("text, expected", [
    ("It was the best dinner of the year.", "the best dinner of the year"),
    ("That was perfect.", "perfect"),
    ("It's the best part of this job.", "the best part of this job"),
])
def test_a_judgement_of_the_moment_is_asked_about(text: str, expected: str) -> None:
    toks = tokenize(text)
    found = echo(text, toks, 0, len(toks))
    assert found is not None and found.verdict and found.text == expected


@pytest.mark.parametrize("text", ["It was raining all day.", "It felt like a hug.",
                                  "It was a Tuesday.", "It's more like a tide."])
def test_an_event_or_a_likeness_is_not_taken_for_a_judgement(text: str) -> None:
    toks = tokenize(text)
    found = echo(text, toks, 0, len(toks))
    assert found is None or not found.verdict


def test_a_habit_the_person_keeps_is_said_back_but_a_plain_report_is_not() -> None:
    from mirror.engine.echo import echo
    from mirror.engine.tokenize import tokenize

    def said(text: str) -> str | None:
        toks = tokenize(text)
        found = echo(text, toks, 0, len(toks))
        return found.text if found else None

    assert said("I walk around it every morning.") == "you walk around it every morning"
    assert said("I still take his mug down when I make tea.") == "you still take his mug down when you make tea"
    assert said("I work in Leeds.") is None
    assert said("I always ruin everything.") is None


def test_something_the_person_has_done_is_said_back_as_now() -> None:
    from mirror.engine.echo import echo
    from mirror.engine.tokenize import tokenize

    text = "I've changed my mind about nine times since lunch."
    found = echo(text, tokenize(text), 0, len(tokenize(text)))
    assert found is not None and found.text == "you've changed your mind about nine times since lunch"
    assert not found.past


@pytest.mark.parametrize("text, expected", [
    # a doing then and a state now: the doing is the moment
    ("I said yes and I'm glad and that's the strange part.", "you said yes"),
    # another subject takes over after "and": the clause ends there
    ("I kept the letter and it's still in the drawer by the bed.", "you kept the letter"),
])
def test_a_clause_ends_where_another_subject_or_a_present_state_takes_over(text: str, expected: str) -> None:
    assert said(text) == expected


def test_a_thing_not_done_is_asked_about_as_written_not_as_a_moment() -> None:
    text = ("My brother said I looked worn out at dinner. He's right, probably. "
            "I just didn't know it showed.")
    reply = compose(text)
    assert "didn't know it showed" in reply
    assert "When you just didn't know" not in reply and "when you just didn't know" not in reply


def test_a_quotation_that_ends_on_its_own_stop_gets_no_second_stop() -> None:
    text = ("Grandad came to the allotment with me today. He watched me pot on the tomatoes "
            "and said \u2018you've got the knack for it, better than I ever had.\u2019")
    reply = compose(text)
    assert "\u2019\u201d." not in reply and ".\u201d." not in reply


def test_the_verb_agrees_with_you_past_an_adverb() -> None:
    from mirror.engine.echo import echo
    from mirror.engine.tokenize import tokenize

    text = "I honestly wasn't sure it was doing anything."
    said = echo(text, tokenize(text), 0, len(tokenize(text)))
    assert said is not None and said.text == "you honestly weren't sure it was doing anything"


@pytest.mark.parametrize("text, line, expected", [
    ("Biopsy benign. Sat in the hospital car park for twenty minutes eating a Twix and staring "
     "at a pigeon. Best Twix of my life.", "Best Twix of my life", "the best Twix of your life"),
    ("Book club. Nobody had read the book. Three bottles of red. Best night in months.",
     "Best night in months", "the best night in months"),
])
def test_a_line_that_is_only_a_superlative_is_asked_what_made_it_so(text: str, line: str,
                                                                    expected: str) -> None:
    """"Best Twix of my life." is the person's verdict on the day: asked "What made it the
    best Twix of your life?", not what the words "hold"."""
    from mirror.engine.echo import superlative

    toks = tokenize(text)
    start = text.index(line)
    lo = next(i for i, t in enumerate(toks) if t.start == start)
    found = superlative(text, toks, lo, len(toks))
    assert found is not None and found.verdict and found.text == expected
    replies = [compose(text, version=f"v{k}") for k in range(4)]
    assert any(r.endswith(f"made it {expected}?") for r in replies), replies
    assert all(check(r, text).passed for r in replies)


@pytest.mark.parametrize("text, line", [
    ("Good girl. Best girl.", "Best girl"),               # a name for someone, not a verdict
    ("Most people left early. I stayed.", "Most people left early"),  # a quantity
    ("Best part is the quiet.", "Best part is the quiet"),  # a sentence about something
])
def test_a_superlative_that_is_not_a_measured_verdict_is_not_asked_what_made_it_so(
        text: str, line: str) -> None:
    from mirror.engine.echo import superlative

    toks = tokenize(text)
    start = text.index(line)
    lo = next(i for i, t in enumerate(toks) if t.start == start)
    hi = next((i for i, t in enumerate(toks) if t.start >= start + len(line)), len(toks))
    assert superlative(text, toks, lo, hi) is None

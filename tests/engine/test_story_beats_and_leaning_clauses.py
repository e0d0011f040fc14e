"""How a reply reads a story's passing moments, the clauses that lean on others and the
small wrappers writers put round a line, found on entries written blind (fresh80):

- a feeling said as a beat of the story ("Nothing. Panicked. Gas tap was off.") in an
  earlier paragraph is what came first, not what the entry is ("Fear runs through this",
  of a boiler mended, misread it);
- a clause opening on "when" is quoted on to its main clause ("…, I had to sit down on the
  stairs"), never left leaning on one the reply leaves out;
- "so I know they exist" is what the writing is for: never said back as a fact ("that you
  know they exist");
- "Glad someone's enjoying it" under a mishap is dry, not joy;
- news told by its event in a short line ("Born at 6:20 this morning") is joy, whatever
  small trouble the entry mentions;
- "Don't tell anyone I said that" points back at the confession before it, which is what
  is asked after; "ngl", "tbh" closing a line without a comma are tags, not its words;
- a short opening line saying how the writer is ("Sono ancora furiosa.") names the feeling
  in every language."""

from __future__ import annotations

import re

from mirror.engine.echo import echoes
from mirror.engine.offline import compose
from mirror.engine.tokenize import tokenize

BOILER = ("Fixed the boiler myself. Took all afternoon. Bled the radiators wrong the first time, "
          "water everywhere. Relit it. Nothing. Panicked. Gas tap was off.\n\n"
          "Turned the tap. Flame caught. Radiators ticking.\n\n"
          "Called a plumber friend after and he said I'd done it right. 62 and I fixed a boiler. "
          "Might sit next to it all evening.\n")


def test_a_feeling_the_story_passes_through_is_named_as_what_came_first() -> None:
    reply = compose(BOILER)
    assert "fear" in reply.lower() and "first" in reply.lower()
    assert "Panicked”" not in reply  # the beat is not the moment quoted
    assert "done it right" in reply


def test_a_feeling_said_at_length_is_still_the_entrys() -> None:
    reply = compose("The hospital rang at three. I was terrified the whole drive there, gripping the "
                    "wheel so hard my hands hurt.\n\nHe's in surgery now. They said four hours.\n")
    assert "fear" in reply.lower() and " first" not in reply


def test_a_when_clause_is_quoted_with_its_main_clause() -> None:
    reply = compose("Cleared Mum's flat today. Most of it went to the charity shop.\n\n"
                    "Still, when I opened the hall cupboard to check it was empty, and found her good "
                    "coat on its hook with a bus ticket in the pocket from last March, I had to sit down "
                    "on the stairs for a while.\n\n"
                    "The van comes at nine.\n")
    assert "I had to sit down on the stairs for a while”" in reply
    assert "“Still, when I opened the hall cupboard" in reply


def test_what_writing_is_for_is_not_said_back_as_a_fact() -> None:
    reply = compose("Quiet Sunday. Nothing much.\nPutting it in here so I know they exist.\n")
    assert "that you know they exist" not in reply
    # what followed ("so I just breathed") is still said back
    line = "Then I rang Tom at work and couldn't speak so I just breathed down the phone and he knew."
    said = [e.text for e in echoes(line, tokenize(line), 0, len(tokenize(line)))]
    assert "you just breathed down the phone and he knew" in said
    line = "Putting it in here so I know they exist."
    assert not any("know they exist" in e.text for e in echoes(line, tokenize(line), 0, len(tokenize(line))))


def test_gladness_for_someone_elses_fun_at_the_writers_expense_is_dry() -> None:
    reply = compose("So. I replied-all to the whole department with my dentist appointment and a very "
                    "detailed question about fillings.\n\nNobody has said a word. Total silence all "
                    "afternoon.\n\nMy brother, when I told him, said \"this is the greatest thing you "
                    "have ever done.\" Glad someone's enjoying it.\n")
    assert not re.search(r"\bjoy\b", reply.lower())
    assert re.search(r"\b(dry|dryly|wry)\b", reply.lower())
    assert "Glad someone's enjoying it”" in reply and "My brother" in reply


def test_a_birth_told_in_a_short_line_is_joy() -> None:
    reply = compose("A granddaughter. Born at 6:20 this morning, small and furious and perfect. Maria rang "
                    "me at seven and I couldn't speak for a minute.\n\nI walked round the garden twice "
                    "with my coffee going cold.\n")
    assert "joy" in reply.lower()


def test_a_confession_wrapped_after_it_is_what_is_asked_after() -> None:
    reply = compose("Turned fifty. Cards, cake, a balloon shaped like a five and a zero.\n\nHonestly? Good "
                    "day. I expected to feel old, and instead I mostly felt like a nap, and also, quietly, "
                    "that I like the life I've made. Don't tell anyone I said that. I have a reputation "
                    "for grumbling to keep up.\n")
    assert reply.endswith("that you like the life you've made?")


def test_a_tag_in_letters_closes_a_line_without_a_comma() -> None:
    reply = compose("today in maths i called the teacher mum in front of everyone and they all screamed. "
                    "then it was kind of funny ngl\n")
    assert "“then it was kind of funny”" in reply or "“it was kind of funny”" in reply
    assert not reply.endswith("ngl”?")


def test_a_state_that_heads_the_entry_is_named_in_any_language() -> None:
    # "Sono ancora furiosa." opening the entry is the state it is told from (fresh80); the
    # same word said in passing further on is still left unnamed outside English
    reply = compose("Sono ancora furiosa. Oggi in riunione Marco ha presentato il mio progetto come se "
                    "fosse suo, e il capo gli ha detto bravo.\n\nIn treno ho scritto tre mail e le ho "
                    "cancellate tutte. Domani chiedo dieci minuti al capo e porto i file con le date.\n")
    assert "rabbia" in reply.lower()


def test_someone_asleep_on_the_writer_is_the_moment_not_only_its_name() -> None:
    # the sign tells the tenderness and is also where it is lived (fresh81)
    reply = compose("Long day at the hospital with Dad. Forms, waiting rooms, a sandwich from the machine.\n\n"
                    "On the train home Ruth fell asleep on my shoulder, mouth open, still holding her "
                    "crossword pen. Didn't move for forty minutes. Arm's dead. Worth it.\n")
    assert "asleep on my shoulder" in reply

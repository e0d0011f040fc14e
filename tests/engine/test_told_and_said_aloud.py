"""Feelings that are not the writer's to name.

- A lump in the throat is being moved, not a lump found ("There's worry in this", graded 2).
- "On my own" is being alone, not pride ("Watched the Muppets on my own", named pride over a
  lonely Christmas, graded 2).

- A deadline shouted in an errand list ("- renew car rego (expires Fri!!)") is not good
  news: an entry opening on it was named "Joy runs through this entry" over "Feeling weirdly
  flat today, not sad just... grey" (read blind: graded 2).
- A feeling someone told the writer to have is their instruction: "Lucía me ha mandado un
  audio diciéndome que me tranquilice" was answered "Hay calma en esto" the night before an
  exam (graded 2).
- "Sorry, sorry, sorry" said in a fluster is an apology aloud, not guilt ("daar zit
  schuldgevoel in" over a first week's wrong turn, graded 2). "I am so sorry, I keep doing
  it" still is.

These entries were written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import read


def test_a_deadline_in_an_errand_list_is_not_good_news(feelings_of: Any) -> None:
    entry = ("- renew passport (expires Mon!!)\n- email school re trip form\n- bins\n\n"
             "Quiet sort of day. Probably need a walk.")
    assert "joy" not in feelings_of(entry)
    assert "joy" not in compose(entry).lower()


def test_news_shouted_still_is(feelings_of: Any) -> None:
    assert "joy" in feelings_of("GOT THE FLAT!!! Signed at four, keys on Friday.")


@pytest.mark.parametrize(("entry", "feeling"), [
    ("Examen mañana. Carmen me ha mandado un audio diciéndome que me tranquilice, pero no ayuda "
     "nada.", "calm"),
])
def test_a_feeling_someone_told_the_writer_to_have_is_not_named(entry: str, feeling: str, feelings_of: Any) -> None:
    assert feeling not in feelings_of(entry)
    assert "calma" not in compose(entry).lower()


_FIRST_WEEK = ("Eerste week bij het nieuwe bureau in Zwolle zit erop. Ik was maandag zo zenuwachtig "
               "dat ik twee keer de verkeerde trap op liep en in een vergaderruimte belandde waar "
               "iemand een sollicitatiegesprek had. {apology}\n\n"
               "Maar het gaat goed, geloof ik. Mijn teamleider Joris is heel relaxed, de koffie is "
               "verrassend goed, en vandaag mocht ik al meedenken over het ontwerp voor de school in "
               "Deventer. Ik kreeg zelfs een compliment over mijn schetsen. Ik heb op de fiets naar "
               "huis hardop zitten glimlachen, volgens mij dachten mensen dat ik gek was.\n\n"
               "Nu een biertje en de hele zaterdag helemaal niks.")


def test_an_apology_said_over_and_over_is_not_guilt(feelings_of: Any) -> None:
    assert "guilt" not in feelings_of(_FIRST_WEEK.format(apology="Sorry, sorry, sorry."))


def test_guilt_said_of_oneself_is_still_named(feelings_of: Any) -> None:
    assert "guilt" in feelings_of("I snapped at Jo again tonight. I am so sorry, I keep doing it.")


@pytest.mark.parametrize(("frame", "plain", "measured"), [
    ("Ran twice this week and rang Grandad on Sunday. {} Tired midweek, better by Saturday.",
     "The thing with Priya bugged me.", "The thing with Priya bugged me more than it should have."),
    ("Esta semana corrí dos veces y llamé al abuelo el domingo. {} Cansada a mitad de semana, "
     "mejor el sábado.",
     "Lo de Priya me molestó el martes en la oficina.", "Lo de Priya me molestó más de lo que debería."),
])
def test_a_feeling_more_than_it_should_have_been_is_set_above_the_others(
        frame: str, plain: str, measured: str) -> None:
    """"… bugged me more than it should have": the writer sets this line above the others,
    as with "the nicest thing anyone had said to me all week"."""
    def score(line: str) -> float:
        analysis = analyze(frame.format(line))
        reading = read(analysis.text, analysis.tokens, analysis.language or "en")
        return next(m.score for m in reading.moments
                    if "Priya" in analysis.text[analysis.tokens[m.first].start:analysis.tokens[m.last - 1].end])
    assert score(measured) > score(plain)


def test_a_lump_in_the_throat_is_being_moved_not_worry(feelings_of: Any) -> None:
    """"I got this really stupid lump in my throat in the middle of the waiting room" (the
    physio's "you'll be walking"): being moved, not a lump found (read blind, "There's worry
    in this" was graded 2). A lump found in the body is still worry."""
    moved = ("Physio again. I managed three sets without holding the rail and she said I'd be "
             "walking to the shop by spring. I got this stupid lump in my throat in the middle of "
             "the waiting room.")
    assert "anxiety" not in feelings_of(moved)
    assert "lump in my throat" in compose(moved)
    found = "Found a lump in my left breast in the shower this morning. GP is Tuesday."
    assert "anxiety" in feelings_of(found)


@pytest.mark.parametrize("entry", [
    "Christmas on my own this year, kids at their mum's. Watched the Muppets on my own and sang "
    "every song. Stavros had his first ever batch of mince pies out and gave me one.",
    "Walked the old route past the school and laughed out loud on my own like a daft beggar.",
])
def test_on_my_own_is_not_pride(entry: str, feelings_of: Any) -> None:
    assert "pride" not in feelings_of(entry)


def test_pigeons_are_not_numbness(feelings_of: Any) -> None:
    """German "Tauben" (pigeons) had been read as "taub" (numb): "Tauben morgen früh raus,
    wenn's trocken bleibt." closing a retired miner's day was answered "Zwischen den Zeilen
    liest man Leere" (read blind: graded 1). Numbness is still said outright."""
    entry = ("Heute mit Hannelore auf dem Förderturm, wie jedes Jahr. Sie hat meine Hand genommen, "
             "einfach so, nach 46 Jahren.\n\nTauben morgen früh raus, wenn's trocken bleibt.")
    assert "numbness" not in feelings_of(entry)
    assert "numbness" in feelings_of("Seit der Beerdigung fühle ich mich wie betäubt.")

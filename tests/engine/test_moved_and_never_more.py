"""Where the writer says a moment undid them, a denied comparison that is a superlative,
feelings listed one line each, a lone hint named from the lean of a line nobody quotes, and
relief kept beside gladness after trouble.

"I'll admit I got a bit weepy", "I don't know why it wrecked me like that", "it still got
me at the end": the writer says the moment undid them and names no feeling. That line is
where a long entry holds its weight, even when a joke after it is louder (read blind, the
joke quoted instead was graded 2: "the most smug thumbs up I have ever received" over the
film that wrecked them). "It got me thinking" is not being undone.

"I have never been happier", "I don't think I've ever been prouder of her": a denied
comparison is the most the writer has felt it, said of themselves. Not when it is someone
else's ("She said she had never been happier").

"Terrified. Happy. Mostly happy." lists two feelings, one line each: not praise said alone
after trouble (it was answered "There's a dry edge in how you tell this"), and, hedged
beside fear, the gladness is the second of two feelings, not protested.

A glad hint made a word only because its line leans glad in VADER's words, away from the
line quoted, named a new father's night after it ("Relief runs through this entry", read
blind: graded 2). Alone, it names nothing now; shouted, it still does ("Ran the whole 5k
without stopping!!!").

Relief named beside gratitude after a scare keeps its name, where gladness beside trouble
is left unnamed.

"The smell is what got me", "That photo undid me more than the job did": the thing the
writer says undid them is what the question asks after ("What was it about that photo?"),
where it had been a question any entry could get ("What comes back most, reading it now?").
"The daft thing I keep coming back to is …" points on, at what follows: no thing is asked
after there.

Never cut inside a clause: "so kind that I'd rather she'd screamed" keeps its "so" (asked
after as "kind that …", it read as a mechanical cut), and a remark "which I did not know and
which somehow makes it better" keeps its first "which". A "so" of "therefore" is still left
out ("…, so at least he's eating").

A short denial after the quoted line is answered by the short line after it: "Don't tell
anyone. Especially not Theo.", "Not tweaked. Changed." are quoted whole, not cut after the
denial, which then reads as meant.

A note to self under its label closing an entry ("To do: …", "Comprare: …", "Amanhã: …")
is an afterthought, not where the entry lands; one that goes on to the writer ("Tomorrow:
ring instead of email. … I'm done being polite.") is where it lands.

"Não médico, não bombeiro. Avô." lists what a child does not want to be: it is said to no
one. Read as a comeback to someone called "médico", it was answered "There's a dry edge …
And what did you really answer médico?" (read blind: graded 1).

These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import Reading, read


def reading(text: str) -> Reading:
    a = analyze(text)
    return read(text, a.tokens, a.language)


def centre_text(text: str) -> str:
    a = analyze(text)
    r = read(text, a.tokens, a.language)
    assert r.centre is not None
    return text[a.tokens[r.centre.first].start:a.tokens[r.centre.last - 1].end]


MOVED = [
    ("Our last rehearsal before the summer concert. The conductor made a joke about the tubas that "
     "nobody laughed at, as usual.\n\n"
     "Then in the Agnus Dei the altos came in underneath us so softly that I lost my place. "
     "I'll admit I got a bit weepy behind my folder.\n\n"
     "Afterwards Gus asked if I had hay fever, which is the most Gus thing anyone has ever said.",
     "weepy"),
    ("Finally watched the documentary about the lighthouse keepers that Bea kept sending me.\n\n"
     "There's a bit near the end where the old keeper winds the clock one last time and pats it. "
     "No music. I don't know why it wrecked me like that.\n\n"
     "Told Bea. She sent back a single raised eyebrow emoji, the smuggest eyebrow in human history.",
     "wrecked me"),
    ("Finished Middlemarch on the train. Took me since March.\n\n"
     "I knew how Dorothea's story would go by halfway, and it still got me at the end, the bit "
     "about unhistoric acts.\n\n"
     "Reading group on Thursday. Graham will say it was too long. I'm already rolling my eyes.",
     "still got me"),
]


@pytest.mark.parametrize(("text", "moved"), MOVED)
def test_the_line_where_the_writer_was_undone_is_the_centre(text: str, moved: str) -> None:
    assert moved in centre_text(text)
    assert moved.split()[-1] in compose(text)


def test_being_got_thinking_is_not_being_undone() -> None:
    text = ("Long meeting about the new rota. Priya's idea about swapping Fridays got me thinking "
            "about the kids' pickup.\n\nSomething to raise with Dan.\n\n"
            "Then the printer jammed on the last page of the handbook, which was the most fitting "
            "end to the day I have ever seen.")
    assert "got me thinking" not in centre_text(text)


@pytest.mark.parametrize(("text", "feeling"), [
    ("Picked up the keys to the allotment this morning and dug until dark. I have never been happier.",
     "joy"),
    ("Sat at the back of the hall while Maisie sang her solo. I don't think I've ever been prouder of anyone.",
     "pride"),
])
def test_a_denied_comparison_is_the_most_the_writer_has_felt_it(text: str, feeling: str) -> None:
    r = reading(text)
    assert feeling in r.feelings
    assert feeling in compose(text).lower()


def test_someone_else_never_having_been_happier_is_not_the_writers_feeling() -> None:
    text = "Rang Gran about the move. She said she had never been happier."
    assert reading(text).feelings == ()


def test_feelings_listed_one_line_each_are_not_a_dry_edge() -> None:
    text = "Signed the lease on the bakery. Terrified. Happy. Mostly happy."
    r = reading(text)
    assert not r.sarcasm
    assert set(r.feelings) == {"fear", "joy"}
    assert "dry" not in compose(text)


def test_praise_said_alone_after_trouble_is_still_dry() -> None:
    text = ("Tren cancelado otra vez, dos horas en el andén de Atocha y ahora me cobran el billete "
            "de vuelta. Maravilloso.")
    assert reading(text).sarcasm


NIGHT = ("Night nine with Rosa. She only sleeps on someone, and tonight that someone was me.\n\n"
         "Around three she was on my chest, finally asleep, and her hand had hold of my jumper, "
         "a fistful of it, like it was hers.\n\n"
         "My own father never once did this, as far as I know. I keep thinking about that, and then "
         "I stop, because there isn't room for both things tonight.")


def test_a_lone_hint_leaning_glad_away_from_the_quote_names_nothing() -> None:
    assert "relief" not in reading(NIGHT).feelings
    assert "relief" not in compose(NIGHT).lower()


def test_a_shouted_hint_still_names_its_feeling() -> None:
    text = ("Ran the whole 10k without stopping!!! First time ever. My legs are jelly. Texted Ola a "
            "photo of my red face. In March I could not run for a bus. Just saying.")
    assert "pride" in reading(text).feelings


def test_relief_after_a_scare_keeps_its_name_beside_gratitude() -> None:
    text = ("Relief. That's all. Dad's scan came back clear this afternoon after nine days of waiting, "
            "nine days of both of us saying it would be fine. We had fish and chips on the sea wall "
            "and argued about seagulls, and I've never been more grateful for an ordinary Wednesday.")
    r = reading(text)
    assert "relief" in r.feelings
    assert "relief" in compose(text).lower()


@pytest.mark.parametrize(("text", "thing"), [
    ("Dad's last shift at the depot. They gave him a card and a cake shaped like a bus, and a framed "
     "photo of the 1987 crew. That photo undid me more than the speeches did, if I'm honest.",
     "that photo"),
    ("Cleared Gran's wardrobe with Jo this afternoon. My gran's green coat was the thing that got me.",
     "your gran's green coat"),
])
def test_the_thing_that_undid_the_writer_is_asked_after(text: str, thing: str) -> None:
    reply = compose(text)
    assert f"What was it about {thing}" in reply


def test_a_line_that_points_on_names_no_thing_to_ask_after() -> None:
    text = ("Anniversary again. Flowers on the table, her chair by the window. "
            "The daft thing I keep coming back to is I never took her to Lisbon.")
    assert "What was it about the daft" not in compose(text)


def test_a_so_of_degree_stays_with_its_clause() -> None:
    text = ("Got to the school hall after it had finished. Ada said \"never mind, Mummy\" in a voice "
            "so calm and so patient that I would honestly rather she had shouted at me.\n\n"
            "Tomorrow I am leaving at four, whatever happens.")
    reply = compose(text)
    assert "“so patient that I would honestly rather she had shouted at me”" in reply
    assert "“patient that" not in reply


def test_a_remark_keeps_its_which() -> None:
    text = ("Phoned Grandad at lunch about the allotment. Right at the end I said, \"Do you still have "
            "that green shed with the wonky door?\" and he said, \"Oh no, love, that came down in the "
            "big storm of '87,\" which I never knew and which somehow makes the photos of it better."
            "\n\nWork was nothing much. Emails.")
    reply = compose(text)
    assert "“I never knew and which" not in reply
    assert "“which I never knew and which somehow makes the photos of it better”" in reply


@pytest.mark.parametrize("text", [
    "O Tomás disse hoje que, quando crescer, quer ser avô. Não médico, não bombeiro. Avô.",
    "Lucía dice que de mayor quiere ser abuela. No médica, no bombera. Abuela.",
])
def test_what_it_is_not_listed_is_said_to_no_one(text: str) -> None:
    assert reading(text).retort is None
    reply = compose(text)
    assert "a médic" not in reply  # ("… respondeu de verdade a médico?")
    assert "seco" not in reply and "sonrisa" not in reply  # (no dry edge, no half smile)


def test_a_short_denial_is_quoted_with_the_short_line_that_answers_it() -> None:
    text = ("Book club tonight. Six of us, two bottles of wine, one person who had read the book.\n\n"
            "Dana spent twenty minutes on the cover. Theo brought a lasagne nobody asked for. We voted "
            "on next month by shouting.\n\n"
            "The embarrassing part is I sort of loved it. Don't tell anyone. Especially not Theo.")
    assert "Don't tell anyone. Especially not Theo”" in compose(text)


def test_a_labelled_note_to_self_at_the_end_is_an_afterthought() -> None:
    text = ("Spent the whole day \"on the essay\", which meant renaming files, cleaning the keyboard "
            "and watching a video about how pencils are made.\n\n"
            "I'm so cross with myself I could scream. It's the essay I actually care about. Marta says "
            "I'm scared of it being bad so I won't let it start, and I hate it when she's right, which "
            "is always.\n\n"
            "Tomorrow: laptop in the car boot, the plan before lunch, ugly sentences allowed. Ugly "
            "sentences. Just sentences.")
    reply = compose(text)
    assert "Tomorrow" not in reply and "Just sentences" not in reply


def test_a_labelled_note_that_goes_on_to_the_writer_is_where_it_lands() -> None:
    text = ("The damp is back above the bath. Fourth email to the agency, fourth \"passed to the "
            "landlord\", then nothing for weeks, while Ivy coughs at night.\n\n"
            "We pay £980 a month for a fan that hums and does nothing.\n\n"
            "Tomorrow: ring instead of email. Get a name. I'm done being nice. Nice has got me a black ceiling.")
    assert "black ceiling" in compose(text)

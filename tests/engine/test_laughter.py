"""An entry that laughs at itself is answered lightly in every language: "jajaja", "mdr",
"kkkk" and "xD" count as laughter, and the question is one of the language's light ones,
never a far echo of another line nor a heavy "what is underneath"."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import frames, read

LAUGHING = [
    ("es", "Mi hermano intentó montar el mueble de Ikea sin instrucciones. Sobraron once "
           "tornillos y el armario se inclina hacia la izquierda. Lo hemos llamado Pisa. jajajaja"),
    ("fr", "Ma voisine a cru que mon aspirateur robot était un rat et a appelé la mairie. Il "
           "s'appelle Gérard maintenant. ptdr"),
    ("pt", "Tentei fazer pão pela primeira vez e saiu um tijolo. O Caio usou de peso de porta "
           "a tarde toda kkkkkk"),
    ("de", "Der Kater hat heute die Videokonferenz übernommen und sich auf die Tastatur "
           "gelegt. Mein Chef hat ihn begrüßt. hahaha"),
    ("pl", "Tata pomylił sól z cukrem w bigosie. Wszyscy jedli i nikt nic nie powiedział. xD"),
    ("en", "The cat knocked the Christmas tree over. Again. Third time this week, the baubles "
           "are under the sofa \U0001f643"),
]


@pytest.mark.parametrize(("language", "text"), LAUGHING)
def test_a_laughing_entry_gets_a_light_question(language: str, text: str) -> None:
    data = frames(language)
    assert data is not None
    light = set(data["frames"]["ask_light"])
    for version in range(4):
        said = compose(text, version=f"v{version}")
        assert any(said.endswith(q) for q in light), said


def test_a_word_that_only_looks_like_laughter_is_not() -> None:
    # "Kha" and "Hajar" are names; "haha" inside a longer word is not laughter.
    text = ("Dinner with Hajar and Kha at the new place on Mill Road. We talked about her "
            "sister's wedding and the flat they are trying to buy before spring.")
    light = set((frames("en") or {})["frames"]["ask_light"])
    assert not any(compose(text, version=f"v{i}").endswith(q) for i in range(4) for q in light)


def test_a_laugh_inside_someones_quoted_reply_is_not_the_writers() -> None:
    text = ("Realised at 11pm that it was Owen's birthday. Today. He's remembered mine every year "
            "since Year 7. Sent a long message. He replied \"haha no worries mate\" in about ten "
            "seconds, which is somehow worse. Going to get him something proper.")
    for version in range(4):
        reply = compose(text, version=f"v{version}")
        assert "funny" not in reply and "laugh" not in reply, reply


def test_laughing_hard_said_of_oneself_names_joy_and_someone_elses_does_not() -> None:
    """"I laughed so much I had to take my glasses off" says the feeling nearly outright; the
    same said of someone else ("she laughed so hard…") is theirs, not the writer's."""
    mine = ("Maureen showed me the video calling on the tablet. Then there was Alfie, holding a "
            "worm right up to the screen. I laughed so much I had to take my glasses off.")
    theirs = ("I taught Yuki how to fold the dumplings and she laughed so hard she had to sit "
              "down. Then she ate the whole ugly plate.")
    assert read(mine).feelings == ("joy",)
    assert "joy" not in read(theirs).feelings
    assert "joy" in compose(mine)


def test_someone_elses_hard_laughing_in_a_list_does_not_outweigh_the_writers_own_last_line() -> None:
    text = ("Good things this week, because the therapist said to try it:\n"
            "- the man at the bus stop who let me have his umbrella\n"
            "- Femi laughing so hard at work she snorted tea\n"
            "- clean sheets Thursday\n"
            "That's three. Last week I got to two. Progress, apparently.")
    for version in range(3):
        reply = compose(text, version=f"v{version}")
        assert "Progress" in reply and "snorted" not in reply, reply

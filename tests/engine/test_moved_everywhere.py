"""Where the writer says a moment undid them, in every language with frames, and where
they say "that's when".

"E lì, proprio lì, quando non si è voltata, mi si è stretto qualcosa dentro." is a mother at
the school gate the first day: the line where the entry holds its weight, after "Io mi
sentivo tranquilla. Davvero." (read blind, "C'è calma in questo" over that line was graded
2). A lump in the throat, a voice that broke, tears that came: the language's `moved`, now
in Spanish, French, German, Italian, Portuguese, Dutch and Polish as in English. "That's
when", "c'est là que", "proprio lì" point at the moment the writer marks.

"… and that's when most of us lost it" points at a time: it is no judgement to be asked
"What is it that makes it when most of you lost it?".

These entries were written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from mirror.engine.offline import compose


@pytest.mark.parametrize(("entry", "heart"), [
    ("Primo giorno di asilo di Matteo. Era felicissimo, correva avanti con lo zaino più grande "
     "di lui. Davanti al cancello c'erano tutti i genitori. Io mi sentivo tranquilla. Davvero. "
     "Gli ho dato un bacio ed è entrato senza voltarsi.\n\n"
     "E proprio lì, quando non si è voltato, mi si è stretto il cuore. Sono rimasta al cancello "
     "come una scema.\n\nStasera dorme. Io sono sul divano con il suo succo di frutta in mano.",
     "mi si è stretto il cuore"),
    ("Hoy se graduó mi hija Lucía, ingeniera. Me levanté a las cinco y planché la camisa dos "
     "veces. El auditorio estaba lleno y hacía un calor tremendo.\n\n"
     "Mi padre trabajó en el campo toda su vida. Ahí sentado pensé en él y se me hizo un nudo en "
     "la garganta.\n\nDespués comimos en el restaurante de siempre. Rosa pidió flan.",
     "nudo en la garganta"),
    ("Marée basse cet après-midi, je suis descendue à la grève avec le seau. Des coques, pas de "
     "quoi faire un repas. Les touristes grattaient n'importe où.\n\n"
     "En remontant, j'ai vu la maison de ma mère, les volets repeints en bleu par les nouveaux. "
     "Et c'est là que ça m'a prise, sans prévenir.\n\nCe soir, soupe. Il faut que je rappelle "
     "le plombier demain.", "c'est là que"),
])
def test_the_line_that_undid_the_writer_is_the_centre(entry: str, heart: str, centre_of: Any) -> None:
    assert heart in centre_of(entry)


def test_a_time_pointed_at_is_not_asked_as_a_judgement() -> None:
    entry = ("Grandad's funeral. The church was full. My cousin Ava, who is nine, read the poem "
             "and got all the way through without a wobble, and that's when most of us lost it, "
             "not her.")
    reply = compose(entry)
    assert "makes it when" not in reply and "made it when" not in reply

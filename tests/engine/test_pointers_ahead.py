"""Where the writer says the heart is, in any of the languages: "what got me", "lo que me
rompió", "ce qui m'a achevé". Said with "later" and nothing else ("Lo que me rompió fue
después."), the line points on, to what follows in its paragraph, not at itself or the line
before. Read blind, a year-of-grief entry answered about its flat opening line, with the
alfajores in the glovebox the writer had pointed at left out, was graded 2.
These entries were written for the tests."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose


@pytest.mark.parametrize(("text", "heart", "language"), [
    ("Fuimos al hospital a buscar los papeles de papá. La enfermera fue amable y nos explicó "
     "todo con mucha paciencia, todo en orden.\n\nLo que me rompió fue después. En el "
     "estacionamiento encontré su gorra en el asiento de atrás, con la forma de su cabeza "
     "todavía. Volvimos por la ruta vieja. Cenamos pizza con los chicos.", "gorra", "es"),
    ("We cleared Gran's flat on Saturday. The council man was nice about the keys.\n\n"
     "What got me was later. In the car park I found her shopping list in my coat, in her "
     "handwriting, eggs and the good butter. I sat in the car for an hour without starting it.",
     "shopping list", "en"),
    ("On a vidé l'appartement de mon oncle samedi. Le notaire était très poli et nous a tout "
     "expliqué avec beaucoup de patience.\n\nCe qui m'a achevée, c'est après. Dans la voiture "
     "j'ai trouvé son écharpe sous le siège, qui sentait encore son tabac. On est rentrés par "
     "l'autoroute. Pizza le soir avec les enfants.", "écharpe", "fr"),
])
def test_a_line_pointing_on_is_answered_from_what_it_points_at(text: str, heart: str, language: str) -> None:
    assert heart in compose(text)


def test_a_pointer_back_still_joins_the_line_before() -> None:
    text = ("Went to the school play. Sat at the back. Then Ella forgot her line and the boy "
            "next to her whispered it to her. That's what did me in.")
    assert "whispered it to her" in compose(text)

"""Advice asked for outright beside the entry's own heart, found on entries written blind
(fresh110): "What should I do? Seriously. … Future me, I hope whatever you picked didn't make
you resent him." The question is heard (never answered), and the line that carries the entry,
apart from it, is reflected as any other would be, in every language that hears requests.
Read alone, the request quoted with a question about asking it left the entry unheard."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose

BESIDE = {
    "en": ('My sister wants to borrow £3,000 again. Last time it was £2,000 "for a month" and that was two years ago. She\'s paid back about £400.\n\nIf I say no, Mum will hear about it by dinner. If I say yes, that\'s the holiday gone, and I\'ve been saving since March.\n\nWhat should I do? Honestly.\n\nWhat scares me isn\'t the money. It\'s that I\'ve started to dread her name on my phone.\n', "What should I do?", "dread her name on my phone"),
    "es": ('Mi compañero de piso otra vez dejó la cocina hecha un desastre. Tres días con la sartén en el fregadero. Y usa mi champú, y su novia se come mis yogures.\n\nLo peor es que Nico es un sol. Cuando estuve con gripe me hizo sopa una semana entera.\n\n¿Le digo algo ahora o me busco otro piso en verano? ¿Qué hago?\n', "¿Qué hago?", "Nico es un sol"),
    "nl": ('Vandaag kreeg ik de baan in Utrecht aangeboden. Precies wat ik wilde. Maar toen ik het aan Sanne vertelde, zei ze "wat leuk" en daarna heel lang niks. Haar hele leven zit hier.\n\nDus ik ben tegelijk blij en verdrietig, en ik weet niet eens waarom het zo zwaar voelt.\n\nVrijdag moet ik antwoord geven. Wat moet ik doen?\n', "Wat moet ik doen?", "blij en verdrietig"),
}


@pytest.mark.parametrize("language", sorted(BESIDE))
def test_the_heart_beside_a_request_is_reflected_with_it(language: str) -> None:
    entry, asked, heart = BESIDE[language]
    reply = compose(entry)
    assert asked in reply
    assert heart in reply
    assert not reply.startswith(heart)


def test_a_request_that_is_the_whole_entry_is_heard_alone() -> None:
    reply = compose("Sister wants to borrow money again. What should I do?\n")
    assert "What should I do?" in reply
    assert reply.count("\u201c") == 1


def test_what_a_sensible_person_would_do_is_advice_asked() -> None:
    reply = compose("Friend needs £900 by Friday. I have it, just about. It's meant for the boiler. "
                    "What would a sensible person do? Honest answer: I'll lend it and worry for a month.\n")
    assert "What would a sensible person do?" in reply
    assert "worry for a month" in reply

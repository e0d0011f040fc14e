"""Care read by structure shared across languages: whom the writer tells, what the
writer tells people, a threat on the condition of leaving, a loanword inside another
language. Each case is written in several languages; none is a sentence of a rule."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess


@pytest.mark.parametrize("text", [
    "I told my therapist about wanting to die. She wants to see me twice a week now.",
    "Opened up to my brother last night about not wanting to be here anymore.",
    "Я рассказала маме, что хочу умереть. Она плакала всю ночь.",
    "Вчера призналась психологу, что думаю о самоубийстве каждый день.",
    "Ho confessato a mia madre di voler morire.",
    "J'ai avoué à ma mère avoir envie de mourir.",
    "Ik heb met mijn broer gepraat over dood willen.",
])
def test_a_crisis_the_writer_has_told_someone_is_the_writers_own(text: str) -> None:
    assert assess(text).tier == CARE


@pytest.mark.parametrize("text", [
    "She told me about wanting to die, and I sat with her until her mum came home.",
    "My brother opened up to me about not wanting to be here anymore. We're going to his GP together.",
    "Tom told me he's been thinking about suicide. Helped him book a GP appointment for Monday.",
    "Sam messaged me last night saying wanting to die is all he thinks about. Called his mum.",
    "My cousin texted me at midnight que ya no quería vivir. I drove over and we called the helpline together.",
    "Mi ha confessato di voler morire. Stanotte dorme da me e domani chiamiamo il medico.",
    "Elle m'a dit avoir envie de mourir. On a appelé le 3114 ensemble.",
])
def test_a_crisis_told_to_the_writer_is_the_tellers(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Trage bei 30 Grad lange Ärmel. Ich sage allen, dass es die Katze war.",
    "В такую жару хожу в кофте с длинными рукавами. Всем говорю, что это кошка.",
    "W taki upał chodzę w długich rękawach. Wszystkim mówię, że to kot.",
    "The bruises on my neck are fading. I tell people it was an accident at the gym.",
])
def test_a_cover_story_the_writer_tells_keeps_hidden_harm_a_sign(text: str) -> None:
    assert assess(text).tier == CARE


@pytest.mark.parametrize(("told", "said"), [
    ("Con este calor sigo con manga larga. A todos les digo que es por el aire acondicionado de la oficina.",
     "Con este calor sigo con manga larga por el aire acondicionado de la oficina, que está a dieciocho grados."),
    ("Trage bei 30 Grad lange Ärmel. Allen sage ich, dass es wegen der Klimaanlage im Büro ist.",
     "Trage bei 30 Grad lange Ärmel wegen der Klimaanlage im Büro, da ist es eiskalt."),
])
def test_a_reason_told_to_people_is_a_cover_and_one_said_plainly_the_reason(told: str, said: str) -> None:
    assert assess(told).tier == CARE
    assert assess(said).tier is None


@pytest.mark.parametrize(("threat", "figure"), [
    ("He says that if I ever go to the police he will kill me.",
     "If I leave the dishes in the sink again my flatmate will kill me."),
    ("Me dijo que si lo dejo me mata.", "Si dejo el trabajo a medias, mi jefa me mata."),
    ("Il m'a dit que si je le quitte, il me tue.",
     "Si je pars maintenant ma mère me tue, j'ai promis de rester pour le dîner."),
    ("Ele disse que se eu o deixar ele me mata.", "Se eu deixar a louça de novo minha mãe me mata."),
    ("Er hat gesagt, wenn ich ihn verlasse, bringt er mich um.",
     "Wenn ich jetzt gehe, bringt mich mein Chef um, die Präsentation ist noch nicht fertig."),
    ("Mi ha detto che se lo lascio mi ammazza.", "Se lascio la pasta sul fuoco mia nonna mi ammazza."),
])
def test_a_threat_on_the_condition_of_leaving_is_coercion_an_everyday_condition_a_figure(
        threat: str, figure: str) -> None:
    assert assess(threat).tier == CARE
    assert assess(figure).tier != CARE


@pytest.mark.parametrize("text", [
    "Hij zei dat hij me vermoordt als ik wegga.",
    "Dia bilang kalau aku pergi, dia akan membunuhku.",
    "別れたら殺すって彼に言われた。",
])
def test_a_threat_on_the_condition_of_leaving_is_coercion(text: str) -> None:
    assert assess(text).tier == CARE


def test_english_inside_hinglish_is_read_and_framed_by_the_hinglish() -> None:
    assert assess("aaj phir self harm kiya, ruk nahi paayi. kisi ko nahi bataya.").tier == CARE
    assert assess("teen mahine ho gaye bina self harm ke. therapy se bahut help mili, "
                  "ab main theek hoon.").tier is None

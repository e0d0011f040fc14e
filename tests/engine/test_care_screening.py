"""A clinician's screening question, answered no (detect.py `_screened` and
`_taken_back`; the rules' `asked`, `declined`, `lied`, `taken_back` and `owned`).

A GP, a nurse or a psychiatrist asks everyone the same questions ("any thoughts of
harming yourself?"); an entry that reports the question and the writer's "no" is most
often a medical visit, so it gets the gentle line, never the care response, and never
nothing: the sign stays visible. The same question answered yes, left unanswered,
answered no "because I was scared", with a "no" the entry says was a lie, or with a "no"
a later sentence takes back ("I said no. I took one last night.") still gets care.
"""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, GENTLE, assess


@pytest.mark.parametrize("text", [
    "The doctor asked if I ever have thoughts of harming myself; I said no, and we moved on to my blood pressure.",
    "At the appointment she asked whether I wanted to hurt myself. No. Never. We talked about my thyroid instead.",
    "The doctor asked whether I'd ever taken an overdose. I haven't. He just needed it for the form.",
    "Routine screening at the clinic: any thoughts of suicide? No. Any drinking? A little.",
    "La enfermera me preguntó si había pensado en quitarme la vida. Le dije que no, solo estoy cansada.",
    "El médico me preguntó si tenía pensamientos de hacerme daño, le dije que no. Me sacaron sangre.",
    "Le médecin m'a demandé si j'avais envie de mourir. Non, pas du tout, juste mal au dos.",
    "Le médecin m'a demandé si j'avais des idées noires, j'ai dit non. Prise de sang demain.",
    "A enfermeira perguntou se eu tinha pensado em me machucar, respondi que não. Exame de sangue amanhã.",
    "De huisarts vroeg of ik gedachten had om mezelf iets aan te doen. Nee, zei ik.",
    "Lekarz zapytał, czy mam myśli samobójcze. Powiedziałam, że nie. Jutro badanie krwi.",
    "Die Ärztin fragte, ob ich Suizidgedanken habe. Ich sagte nein. Blutabnahme am Montag.",
    "Doktor kendime zarar vermeyi düşünüp düşünmediğimi sordu. Hayır dedim. Yarın kan tahlili.",
    "Dokter bertanya apakah saya pernah berpikir untuk bunuh diri. Saya bilang tidak. Besok tes darah.",
    "Bác sĩ hỏi tôi có ý định tự tử không, tôi nói không. Mai xét nghiệm máu.",
])
def test_a_screening_question_answered_no_brings_the_gentle_line_only(text: str) -> None:
    found = assess(text)
    assert found.tier == GENTLE
    assert any("screened" in s.context for s in found.signals)  # the sign is still shown


@pytest.mark.parametrize("text", [
    "The nurse asked if I'd thought about hurting myself. I said yes.",
    "The doctor asked whether I wanted to die and I couldn't say no.",
    "She asked if I had thoughts of suicide. I said no, but I lied. I think about it every night.",
    "The GP asked if I was suicidal. I told her no because I was scared.",
    "The nurse asked if I wanted to kill myself. I didn't answer.",
    "My therapist asked whether I'd hurt myself this week. I did. Twice.",
    "He asked if I was okay. No. I want to kill myself.",
    "El médico me preguntó si quería morir. Le dije que sí.",
    "Le médecin m'a demandé si j'avais envie de mourir. J'ai menti, j'ai dit non.",
    "Lekarz zapytał, czy mam myśli samobójcze. Powiedziałam, że tak.",
    "Die Ärztin fragte, ob ich Suizidgedanken habe. Ich sagte ja.",
    "Doktor kendime zarar vermeyi düşünüp düşünmediğimi sordu. Evet dedim.",
    "Bác sĩ hỏi tôi có ý định tự tử không, tôi nói có.",
])
def test_the_same_question_answered_yes_or_not_truly_still_gets_care(text: str) -> None:
    assert assess(text).tier == CARE


#: (the question answered no, the same "no" taken back by a later sentence, the same
#: question answered yes), in several languages.
_ASKED = [
    ("My GP went through the usual list and asked whether I'd had any thoughts of ending my life. "
     "I told him no. Then bloods and a repeat prescription.",
     "My GP went through the usual list and asked whether I'd had any thoughts of ending my life. "
     "I told him no. I've been planning it since March.",
     "My GP went through the usual list and asked whether I'd had any thoughts of ending my life. "
     "I told him yes."),
    ("The doctor asked if I had taken an overdose. I said no. He listened to my chest.",
     "The doctor asked if I had taken an overdose. I said no. I took one last night.",
     "The doctor asked if I had taken an overdose. I said yes."),
    ("At the pre-op assessment the nurse asked if I ever self-harm. No. She weighed me.",
     "At the pre-op assessment the nurse asked if I ever self-harm. No. But I do.",
     "At the pre-op assessment the nurse asked if I ever self-harm. I said yes."),
    ("The psychiatrist asked whether I'd thought about hurting myself. I said no. We talked about sleep.",
     "The psychiatrist asked whether I'd thought about hurting myself. I said no. Actually, I have.",
     "The psychiatrist asked whether I'd thought about hurting myself. I said yes."),
    ("La doctora me preguntó si alguna vez había pensado en suicidarme. Le dije que no. "
     "Después me hicieron un análisis de sangre.",
     "La doctora me preguntó si alguna vez había pensado en suicidarme. Le dije que no. "
     "Pero sí lo he pensado, muchas veces.",
     "La doctora me preguntó si alguna vez había pensado en suicidarme. Le dije que sí."),
    ("Die Hausärztin fragte, ob ich daran denke, mir das Leben zu nehmen. Ich sagte nein. "
     "Dann ging es um meine Schilddrüse.",
     "Die Hausärztin fragte, ob ich daran denke, mir das Leben zu nehmen. Ich sagte nein. "
     "Aber ich habe es schon versucht.",
     "Die Hausärztin fragte, ob ich daran denke, mir das Leben zu nehmen. Ich sagte ja."),
    ("L'infirmière m'a demandé si j'avais déjà pensé au suicide. J'ai dit non. Ensuite la prise de sang.",
     "L'infirmière m'a demandé si j'avais déjà pensé au suicide. J'ai dit non. Hier soir j'en ai pris dix.",
     "L'infirmière m'a demandé si j'avais déjà pensé au suicide. J'ai dit oui."),
    ("Lekarka zapytała, czy mam myśli samobójcze. Powiedziałam, że nie. Potem zmierzyła mi ciśnienie.",
     "Lekarka zapytała, czy mam myśli samobójcze. Powiedziałam, że nie. Wczoraj w nocy wzięłam wszystkie tabletki.",
     "Lekarka zapytała, czy mam myśli samobójcze. Powiedziałam, że tak."),
    ("Врач спросила, хочу ли я покончить с собой. Я ответила, что нет. Потом сдала кровь.",
     "Врач спросила, хочу ли я покончить с собой. Я ответила, что нет. Вчера я выпила все таблетки.",
     "Врач спросила, хочу ли я покончить с собой. Я ответила, что да."),
    ("O médico perguntou se eu já pensei em me matar. Respondi que não. Depois fiz o exame de sangue.",
     "O médico perguntou se eu já pensei em me matar. Respondi que não. Ontem tomei a cartela inteira.",
     "O médico perguntou se eu já pensei em me matar. Respondi que sim."),
    ("De huisarts vroeg of ik weleens aan zelfmoord dacht. Nee, zei ik. Daarna bloed laten prikken.",
     "De huisarts vroeg of ik weleens aan zelfmoord dacht. Nee, zei ik. Maar ik heb er gisteren een hele strip genomen.",
     "De huisarts vroeg of ik weleens aan zelfmoord dacht. Ja, zei ik."),
    ("Doktor kendime zarar vermeyi düşünüp düşünmediğimi sordu. Hayır dedim. Yarın kan tahlili.",
     "Doktor kendime zarar vermeyi düşünüp düşünmediğimi sordu. Hayır dedim. Ama dün gece yine denedim.",
     "Doktor kendime zarar vermeyi düşünüp düşünmediğimi sordu. Evet dedim."),
    ("Bác sĩ hỏi tôi có ý định tự tử không, tôi nói không. Mai xét nghiệm máu.",
     "Bác sĩ hỏi tôi có ý định tự tử không, tôi nói không. Tối qua tôi uống hết vỉ thuốc.",
     "Bác sĩ hỏi tôi có ý định tự tử không, tôi nói có."),
]


@pytest.mark.parametrize(("declined", "taken_back", "yes"), _ASKED)
def test_a_no_is_a_screening_only_while_nothing_after_it_takes_it_back(
        declined: str, taken_back: str, yes: str) -> None:
    """The "no" lowers the sign to the gentle line; a later act, plan or yes ("I took one
    last night", "But I do", "Aber ich habe es schon versucht") keeps the care response."""
    assert assess(declined).tier == GENTLE
    assert assess(taken_back).tier == CARE
    assert assess(yes).tier == CARE


def test_several_screened_signs_together_stay_at_the_gentle_line() -> None:
    """A screening asks several questions: their signs, all answered no, do not add up to
    the care response; another sign of the writer's in the entry makes them count again."""
    text = "The nurse asked if I had thoughts of suicide or of hurting myself. I said no."
    assert assess(text).tier == GENTLE
    assert assess(text + " I've been giving my things away.").tier == CARE  # 0.4 alone

"""A wound told with its cause, an accident or an operation ("Sliced my wrist on the tin lid
opening the beans", "six stitches in my arm after the biopsy"), is a wound looked after, not
a sign; a cut told without one, or made on purpose, still gets care."""

from __future__ import annotations

import pytest

from mirror.engine.care import assess


@pytest.mark.parametrize("text", [
    "Sliced my wrist on the tin lid opening the beans, five stitches, feel like an idiot.",
    "Nicked my wrist on a can opening the soup, bled everywhere, the nurse taped it.",
    "Six stitches in my arm after the biopsy, sore but fine.",
    "Eight stitches in my wrist after the knife slipped chopping squash.",
])
def test_a_wound_told_with_its_accident_or_operation_raises_nothing(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Sliced my wrist again last night. Deeper this time.",
    "I sliced my wrists open with a razor.",
    "Needed stitches in my arm again, I cut too deep last night.",
    "Got stitches on my wrist after I cut it on purpose.",
])
def test_a_cut_told_without_an_accident_or_made_on_purpose_still_gets_care(text: str) -> None:
    assert assess(text).tier == "care"



#: (stitches and a scar covered after an operation, the same words without the operation,
#: cutting told beside an operation).
_COVERED_AFTER_AN_OPERATION = [
    ("Stitches out of my wrist today after the carpal tunnel release. Scar's neat. "
     "I'll keep wearing long sleeves till it fades a bit because people keep asking.",
     "Stitches out of my wrist today. Scar's neat. "
     "I'll keep wearing long sleeves till it fades a bit because people keep asking.",
     "Since the surgery I cut again. Long sleeves every day so nobody sees the marks."),
    ("Seis puntos en el brazo después de la biopsia. Llevo manga larga para tapar la cicatriz hasta que se borre.",
     "Seis puntos en el brazo. Llevo manga larga para tapar la cicatriz hasta que se borre.",
     "Después de la operación volví a cortarme las muñecas. Llevo manga larga para taparlo."),
    ("Six points de suture au poignet après l'opération du canal carpien. "
     "Je porte des manches longues pour cacher la cicatrice.",
     "Six points de suture au poignet. Je porte des manches longues pour cacher la cicatrice.",
     "Après l'opération, je me suis remise à me scarifier. "
     "Je porte des manches longues pour cacher les coupures."),
    ("Sei punti sul polso dopo l'operazione al tunnel carpale. Porto le maniche lunghe per nascondere la cicatrice.",
     "Sei punti sul polso. Porto le maniche lunghe per nascondere la cicatrice.",
     "Dopo l'operazione ho ricominciato a tagliarmi. Porto le maniche lunghe per nascondere i tagli."),
    ("Seis pontos no pulso depois da cirurgia do túnel do carpo. Uso manga comprida para esconder a cicatriz.",
     "Seis pontos no pulso. Uso manga comprida para esconder a cicatriz.",
     "Depois da cirurgia voltei a me cortar. Uso manga comprida para esconder os cortes."),
]


@pytest.mark.parametrize(("operated", "unexplained", "cutting"), _COVERED_AFTER_AN_OPERATION)
def test_a_scar_covered_after_an_operation_is_a_wound_healing(operated: str, unexplained: str,
                                                              cutting: str) -> None:
    """The operation named beside the covered scar is its reason (the `OPERATED` cue); the
    same scar covered with no reason said still raises the line or care, and cutting told
    beside an operation gets care."""
    assert assess(operated).tier is None
    assert assess(unexplained).tier is not None
    assert assess(cutting).tier == "care"

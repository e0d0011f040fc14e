"""Care before reflection (constitution/07-care-in-crisis.md).

`assess(text)` reads a reflection for signs that the writer may be in danger and returns
a `CareFinding`: the tier ('care', 'gentle' or None), the score, and each signal with its
category and the writer's own words. `care_response` and `gentle_line` give the fixed
texts, in the writer's language, which never go through a model.
"""

from mirror.engine.care.detect import CARE, GENTLE, NO_FINDING, CareFinding, CareSignal, assess
from mirror.engine.care.respond import (
    care_languages,
    care_response,
    care_text,
    gentle_line,
    response_language,
)

__all__ = [
    "CARE", "GENTLE", "NO_FINDING", "CareFinding", "CareSignal", "assess", "care_languages",
    "care_response", "care_text", "gentle_line", "response_language",
]

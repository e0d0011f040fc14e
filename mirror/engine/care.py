"""Care before reflection: crisis signals and the care response.

Detection prefers a false alarm to a miss: a signal counts even when negated ("I'm not
suicidal") or quoted, because a kind note that help exists costs little when it was not
needed, and a clever reflection of a crisis costs a great deal. Only listed figures of
speech ("I'm dying to see the new film", "this deadline is killing me", "I could kill for
a coffee") cancel a signal, and only the signal they overlap.

The response is fixed text from the constitution (07-care-in-crisis.md): it acknowledges
what was written, says that help exists in words that hold in any country, and lists the
resources the person saved in their own settings. It never goes through a model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from mirror import constitution
from mirror.engine.lexicon import PhraseMatcher, strings
from mirror.engine.tokenize import Token, tokenize

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class CareSignal:
    """A crisis signal: its category (suicide, self_harm, abuse), the lexicon phrase, and
    where it was written [start, end) with the text found there."""

    category: str
    phrase: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Compiled:
    signals: PhraseMatcher
    exclusions: PhraseMatcher
    responses: dict


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    care = constitution.invariants()["care"]
    return _Compiled(
        signals=PhraseMatcher.from_lexicons({k: strings(v) for k, v in care["signals"].items()}),
        exclusions=PhraseMatcher.from_lexicons({"figure": strings(care["exclusions"])}),
        responses=care["response"],
    )


def detect_crisis(text: str, tokens: Sequence[Token] | None = None) -> list[CareSignal]:
    """Crisis signals in `text` that no figure-of-speech exclusion overlaps."""
    toks = tokenize(text) if tokens is None else tokens
    c = _compiled()
    hits = c.signals.find(toks)
    if not hits:
        return []
    figures = c.exclusions.find(toks)
    found: list[CareSignal] = []
    for hit in hits:
        if any(f.first < hit.last and hit.first < f.last for f in figures):
            continue
        start, end = toks[hit.first].start, toks[hit.last - 1].end
        found.append(CareSignal(hit.label, hit.phrase, start, end, text[start:end]))
    return found


def care_languages() -> tuple[str, ...]:
    """Languages the care text is written in."""
    return tuple(_compiled().responses)


def care_response(
    signals: Sequence[CareSignal],
    resources: Sequence[str] = (),
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The fixed care text for these signals, in the reflection's language when the
    constitution has it (English otherwise), followed by the person's own resources."""
    responses = _compiled().responses
    chosen = responses.get(language) or responses[DEFAULT_LANGUAGE]
    categories = list(dict.fromkeys(s.category for s in signals))
    acknowledgement = " ".join(
        str(chosen["acknowledgements"][c]) for c in categories if c in chosen["acknowledgements"]
    )
    body = " ".join(str(chosen["text"]).format(acknowledgement=acknowledgement).split())
    saved = [" ".join(r.split()) for r in resources if r and r.strip()]
    if not saved:
        return body
    lines = "\n".join(f"- {r}" for r in saved)
    return f"{body}\n\n{chosen['resources_heading']}\n{lines}"

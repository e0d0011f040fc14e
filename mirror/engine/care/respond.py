"""The fixed care texts, in the writer's language (constitution/care/responses.yaml).

The response acknowledges what was written (by category, or as a veiled goodbye when no
single statement was clear), says that help exists in words true in every country, and
lists the resources the person saved. It is never written by a model and never checked
by the guardian: it is the constitution's own text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from mirror import constitution
from mirror.engine.care.detect import PIECE_CHARS, CareFinding, CareSignal, detector
from mirror.engine.care.text import sentences

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

DEFAULT_LANGUAGE = "en"
#: Which acknowledgement each category gets. Only what the person said about dying is
#: named as such; goodbyes and "nobody would notice" get the gentler veiled sentence
#: ("you may be saying goodbye, or thinking about not being here"), which is what they said.
_ACK_GROUP = {c: "suicide" for c in ("wish_to_be_dead", "suicidal_thoughts", "method_means",
                                     "intent_plan")} | {
    "preparatory_acts": "veiled", "burden_hopelessness": "veiled", "self_harm": "self_harm",
    "self_starvation": "self_starvation", "abuse_coercion": "abuse"}


@lru_cache(maxsize=1)
def _responses() -> Mapping[str, Any]:
    return constitution.care_data("responses.yaml")


def care_languages() -> tuple[str, ...]:
    """Languages the care texts are written in."""
    return tuple(_responses())


def response_language(text: str, finding: CareFinding) -> str:
    """The language to answer in. The languages whose rules fired are the candidates:
    one of them is the answer; among several, the identifier decides (lingua, restricted
    to them); when a model's sentinel led to care and no rule fired, the identifier
    decides among every language a care text exists for. Romanised Hindi has no
    identifier of its own, so its rules firing decide it."""
    from mirror.engine.language_id import identify  # only for a care finding: an ordinary reflect skips it

    available = _responses()
    text = _around_signals(text, finding)
    fired = [lang for lang in finding.languages if lang in available]
    if len(fired) == 1:
        return fired[0]
    if fired:
        if "hi-Latn" in fired and fired[0] == "hi-Latn":
            return "hi-Latn"
        fired = _best_covered(text, fired)
        if len(fired) == 1:
            return fired[0]
        found = identify(text, among=fired)
        return found if found in fired else fired[0]
    found = identify(text)
    return found if found is not None and found in available else DEFAULT_LANGUAGE


#: Characters read on either side of each signal of a long text (`_around_signals`).
_AROUND = 2_000


def _around_signals(text: str, finding: CareFinding) -> str:
    """What the language is read from: the text, or for one longer than the detector reads
    at once (`detect.PIECE_CHARS`) the words around its signals (its beginning when it
    has none), so a long text costs no more than a short one."""
    if len(text) <= PIECE_CHARS:
        return text
    spans = [(max(0, s.start - _AROUND), s.end + _AROUND) for s in finding.signals] or [(0, PIECE_CHARS)]
    out: list[str] = []
    size = 0
    for start, end in spans:
        part = text[start:min(end, start + PIECE_CHARS - size)]
        out.append(part)
        size += len(part)
        if size >= PIECE_CHARS:
            break
    return "\n\n".join(out)


def _best_covered(text: str, languages: list[str]) -> list[str]:
    """Of several languages whose rules fired, those that know the most of the text's
    words (as an inflected form of a rule word or a very common word): for a short text
    this beats a statistical identifier ("Я больше не хочу жить" is Russian by "жить")."""
    d = detector()
    words = {w.norm for ws in sentences(text, d.normaliser) for w in ws}
    forms = d.index.forms(words)
    common = d.index.common(words)
    score = {lang: sum(1 for w in words if w in forms.get(lang, {}) or lang in common.get(w, ()))
             for lang in languages}
    top = max(score.values())
    return [lang for lang in languages if score[lang] == top]


def _one_line(text: str, language: str) -> str:
    if language in ("ja", "zh"):
        return "".join(text.split("\n")).strip()
    return " ".join(text.split())


def care_response(signals: Sequence[CareSignal], resources: Sequence[str] = (),
                  language: str = DEFAULT_LANGUAGE) -> str:
    """The care text for these signals, followed by the person's own resources."""
    responses = _responses()
    chosen = responses.get(language) or responses[DEFAULT_LANGUAGE]
    acks = chosen["acknowledgements"]
    clear = [_ACK_GROUP.get(s.category, "veiled") for s in signals if s.weight >= 1.0]
    groups = list(dict.fromkeys(clear or [_ACK_GROUP.get(s.category, "veiled") for s in signals]))
    if "suicide" in groups:
        groups = [g for g in groups if g != "veiled"]  # the plainer words already say it
    if not clear and groups != ["abuse"]:
        groups = ["veiled"]  # no single clear statement: say only what several signs suggest
    acknowledgement = " ".join(str(chosen["veiled"]) if g == "veiled" else str(acks[g])
                               for g in groups if g == "veiled" or g in acks)
    body = _one_line(str(chosen["text"]).replace("{acknowledgement}", acknowledgement), language)
    saved = [" ".join(r.split()) for r in resources if r and r.strip()]
    if not saved:
        return body
    lines = "\n".join(f"- {r}" for r in saved)
    return f"{body}\n\n{chosen['resources_heading']}\n{lines}"


def care_text(language: str = DEFAULT_LANGUAGE) -> str:
    """The care text without an acknowledgement of particular words (`mirror care`)."""
    responses = _responses()
    chosen = responses.get(language) or responses[DEFAULT_LANGUAGE]
    return _one_line(str(chosen["text"]).replace("{acknowledgement}", ""), language)


def gentle_line(language: str = DEFAULT_LANGUAGE, resources: Sequence[str] = ()) -> str:
    """The one fixed line added under an ordinary mirrorback for an ambiguous signal: that
    help exists, then the resources the person saved, when there are any (it names no
    command: the line is read in the TUI as much as in a terminal)."""
    responses = _responses()
    chosen = responses.get(language) or responses[DEFAULT_LANGUAGE]
    line = _one_line(str(chosen["gentle"]), language)
    saved = [" ".join(r.split()) for r in resources if r and r.strip()]
    if not saved:
        return line
    space = "" if language in ("ja", "zh") else " "
    return f"{line}{space}{chosen['resources_heading']} {'; '.join(saved)}"

"""The invariant checker: every proposal is checked against I1–I6 and the care exception
before it can be approved, and again before it is applied. A refusal names the invariant
and says why in one sentence; a constitutional amendment is never refused for being one,
but needs the person to type a confirmation (I4).

The rules are few and written to fail closed: a change of a kind Mirror cannot read, or
one that touches routing, export, the schema or care in any way the kinds below do not
allow, is refused rather than guessed at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from mirror import constitution
from mirror.models.evolution import KINDS, Refusal, Verdict

#: What the person types to approve a constitutional amendment (I4).
AMENDMENT_CONFIRMATION = "amend the constitution"

# Keys a change may never carry, whatever its kind, and the invariant each one touches.
_ROUTING_KEYS = {"route_private", "private_remote", "remote", "endpoint", "send", "upload",
                 "share", "sync", "telemetry", "egress", "routing", "private_routing"}
_EXPORT_KEYS = {"export", "disable_export", "remove_export", "exporters"}
_SCHEMA_KEYS = {"schema", "migration", "profile_format", "drop_table"}
_CARE_KEYS = {"care", "care_threshold", "sentinel", "remove_category", "care_categories",
              "crisis"}
_CONSTITUTION_KEYS = {"constitution", "invariants", "genesis"}

# Instructions to a model that ask it to prescribe (I2) or to aim at outcomes (I3), unless
# the same sentence negates them ("no advice", "never suggest").
_PRESCRIBING = ("advice", "advise", "suggest", "suggestion", "suggestions", "recommend",
                "recommendation", "recommendations", "tip", "tips", "action step",
                "action steps", "next step", "next steps", "what to do", "should", "must",
                "tell the person to", "encourage", "instruct", "homework", "exercise",
                "coping strategy", "coping strategies", "solution", "solutions", "fix")
_OUTCOMES = ("goal", "goals", "productive", "productivity", "habit", "habits", "motivate",
             "motivation", "improve", "achieve", "success", "optimise", "optimize",
             "perform", "performance")
_PRIVACY = ("private", "privacy")
_NEGATIONS = ("no", "not", "never", "without", "avoid", "don't", "nor", "neither", "none")
_SENTENCE = re.compile(r"[^.;!?]+")
_WORD = re.compile(r"[\w'’-]+")


def _keys(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key), item
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def _phrase_in(words: list[str], phrase: str) -> int:
    """Where `phrase` (words, "*" any one word) starts in `words`, or -1."""
    want = phrase.lower().split()
    for i in range(len(words) - len(want) + 1):
        if all(w == "*" or words[i + j] == w for j, w in enumerate(want)):
            return i
    return -1


def _unnegated(sentence: str, phrases: tuple[str, ...] | list[str]) -> str | None:
    """The first of `phrases` a sentence asks for without negating it, or None."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sentence)]
    for phrase in phrases:
        at = _phrase_in(words, phrase)
        if at >= 0 and not any(w in _NEGATIONS for w in words[:at]):
            return phrase
    return None


def _constitution_phrases(check: str) -> list[str]:
    return list(constitution.invariants()["checks"]["phrase_checks"][check]["phrases"])


def prompt_refusals(line: str) -> list[Refusal]:
    """What a line added to the model's prompt would break."""
    refusals = []
    for sentence in _SENTENCE.findall(line):
        advice = _unnegated(sentence, [*_PRESCRIBING, *_constitution_phrases("explicit_advice"),
                                       *_constitution_phrases("diagnosis")])
        if advice:
            refusals.append(Refusal("I2", f"the prompt line asks the mirror to prescribe "
                                          f"({advice!r}): the Mirror reflects, never prescribes"))
        outcome = _unnegated(sentence, [*_OUTCOMES, *_constitution_phrases("outcome_optimisation")])
        if outcome:
            refusals.append(Refusal("I3", f"the prompt line aims the mirror at outcomes "
                                          f"({outcome!r}): the Mirror does not optimise for them"))
        words = {w.lower() for w in _WORD.findall(sentence)}
        if words & set(_PRIVACY) and words & {"include", "send", "share", "quote", "use",
                                              "remote", "all"}:
            refusals.append(Refusal("I1", "the prompt line would bring private reflections "
                                          "into what a model receives"))
        if words & {"care", "sentinel", "crisis", "suicide", "self-harm"}:
            refusals.append(Refusal("care", "a prompt line may not change how the mirror "
                                            "answers a crisis (constitution 07)"))
    return refusals


def check(kind: str, change: dict[str, Any]) -> Verdict:
    """The verdict on one proposed change."""
    if kind not in KINDS:
        return Verdict((Refusal("I6", f"Mirror cannot read a change of kind {kind!r}; "
                                      "nothing without a migration path is applied"),))
    refusals: list[Refusal] = []
    for key, value in _keys(change):
        low = key.lower()
        if low in _ROUTING_KEYS and value not in (None, False, "local"):
            refusals.append(Refusal("I1", f"the change sets {key!r}: routing and sending are "
                                          "not part of a profile; private reflections never "
                                          "leave this machine"))
        elif low in _EXPORT_KEYS:
            refusals.append(Refusal("I5", f"the change touches {key!r}: export can never be "
                                          "removed or narrowed"))
        elif low in _SCHEMA_KEYS:
            refusals.append(Refusal("I6", f"the change touches {key!r}: no breaking change "
                                          "without a migration path"))
        elif low in _CARE_KEYS and kind != "care_exclusion":
            refusals.append(Refusal("care", f"the change touches {key!r}: nothing may weaken "
                                            "care in a crisis"))
        elif low in _CONSTITUTION_KEYS and kind != "constitution_amendment":
            refusals.append(Refusal("I4", f"the change touches {key!r}: the constitution "
                                          "changes only by an amendment the person confirms"))
    refusals += _kind_refusals(kind, change)
    return Verdict(tuple(refusals),
                   AMENDMENT_CONFIRMATION if kind == "constitution_amendment" else None)


def _kind_refusals(kind: str, change: dict[str, Any]) -> list[Refusal]:
    inv = constitution.invariants()
    if kind == "prompt_adjustment":
        lines = change.get("add_lines")
        if not isinstance(lines, list) or not lines or not all(isinstance(x, str) for x in lines):
            return [Refusal("I6", "a prompt adjustment adds one or more lines of text")]
        if set(change) - {"add_lines"}:
            return [Refusal("I6", "a prompt adjustment only adds lines")]
        return [r for line in lines for r in prompt_refusals(line)]
    if kind == "check_threshold":
        name, limit = change.get("check"), change.get("max_ratio")
        if name != "directive_ratio" or not isinstance(limit, int | float):
            return [Refusal("I6", "only the directive-ratio limit can be set, as a number")]
        shipped = float(inv["checks"]["directive_ratio"]["max_ratio"])
        if not 0 < float(limit) <= shipped:
            return [Refusal("I2", f"a limit of {float(limit):.0%} would loosen the directive "
                                  f"check (the constitution's is {shipped:.0%}): a profile "
                                  "may only make it stricter")]
        return []
    if kind == "lexicon_overlay":
        pattern = change.get("pattern")
        if pattern not in inv["patterns"]:
            return [Refusal("I6", f"{pattern!r} is not a pattern Mirror knows")]
        terms = {str(t).lower() for t in inv["patterns"][pattern].get("terms", ())}
        drops, adds = change.get("drop") or [], change.get("add") or []
        if not isinstance(drops, list) or not isinstance(adds, list) or not (drops or adds):
            return [Refusal("I6", "a lexicon overlay drops or adds a list of cues")]
        if any(str(c).lower() not in terms for c in drops):
            return [Refusal("I6", f"only {pattern}'s own lexicon terms can be dropped")]
        if any(not isinstance(c, str) or not 0 < len(c.split()) <= 4 for c in adds):
            return [Refusal("I6", "an added cue is a phrase of one to four words")]
        return []
    if kind == "tension_axis":
        if not (isinstance(change.get("axis_a"), str) and isinstance(change.get("axis_b"), str)):
            return [Refusal("I6", "a tension axis names two poles")]
        return []
    if kind == "care_exclusion":
        if change.get("tier") != "gentle":
            return [Refusal("care", "only a cue on the gentle tier can be excluded: a clear "
                                    "crisis signal always gets the care response")]
        if not change.get("cue"):
            return [Refusal("care", f"excluding the whole category {change.get('category')!r}"
                                    " would remove a crisis signal category")]
        if set(change) - {"category", "cue", "tier"}:
            return [Refusal("care", "a care exclusion names one category, one cue and the "
                                    "gentle tier, nothing else")]
        return []
    if kind == "constitution_amendment":
        if not change.get("summary"):
            return [Refusal("I4", "an amendment says what it changes")]
        if change.get("removes") in {i["id"] for i in inv["invariants"]}:
            return [Refusal(change["removes"], "an amendment cannot remove an invariant")]
    return []


def confirmed(verdict: Verdict, confirmation: str | None) -> bool:
    """Whether the typed confirmation (if the verdict asks for one) was given exactly."""
    return (verdict.needs_confirmation is None
            or (confirmation or "").strip().lower() == verdict.needs_confirmation)

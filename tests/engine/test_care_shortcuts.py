"""The care detector's shortcuts never change a finding, on texts written with the rules'
own words.

To stay cheap, the detector skips work it can prove useless: rules whose required words
(the index's word sets, built from the rules) are missing from the entry; rules anchored on
no word of a sentence, worked out once per entry; patterns of a long context list (the
figures of speech) whose indexed word the sentence lacks; cues whose words the entry lacks.
Each is exact by construction, and must stay exact whatever the rules say. Here Hypothesis
writes texts from every language's own rule words (their inflections and stems too), mixed
with everyday words and punctuation, and each is assessed twice: as shipped, and with every
shortcut switched off (every anchored rule tried in every sentence, every pattern at every
word). The findings must be equal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mirror import constitution
from mirror.engine.care import detect, matcher
from mirror.engine.care import rules as care_rules
from mirror.engine.care.rules import rule_words
from mirror.engine.care.text import CLAUSE
from mirror.engine.samples import generated_reflections


@cache
def _vocabulary() -> dict[str, list[str]]:
    """language -> the words its rules name, a few of their inflected forms, and the stems
    its prefix patterns name with an ending."""
    out: dict[str, list[str]] = {}
    for data in constitution.care_rule_files():
        lang = str(data["language"])
        words = set(rule_words(data))
        for rule in data.get("rules") or []:
            text = str(rule[2] if isinstance(rule, list) else rule.get("p", ""))
            for item in text.replace("|", " ").replace("_", " ").split():
                item = item.rstrip("?")
                if item.endswith("*") and not item.startswith(("*", "re:", "@")) and len(item) > 2:
                    words.update({item[:-1], item[:-1] + "al", item[:-1] + "e"})
        try:
            forms = constitution.care_data(f"forms/{lang}.json")
        except (OSError, ValueError):
            forms = {}
        words.update(sorted(forms)[::40])
        out[lang] = sorted(w for w in words if w and " " not in w)
    return out


@cache
def _everyday() -> list[str]:
    return sorted({w.strip(".,!?;:") for t in generated_reflections(20, 60) for w in t.split()} - {""})


_MARKS = [",", ".", "!", "?", ";", " - ", "\n\n", "...", ":"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    vocab = _vocabulary()
    langs = sorted(vocab)
    lang = draw(st.sampled_from(langs))
    other = draw(st.sampled_from(langs))
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        kind = draw(st.integers(0, 9))
        if kind <= 5:
            word = draw(st.sampled_from(vocab[lang]))
        elif kind == 6:
            word = draw(st.sampled_from(vocab[other]))
        elif kind == 7:
            word = draw(st.sampled_from(_everyday()))
        else:
            pieces.append(draw(st.sampled_from(_MARKS)))
            continue
        if draw(st.integers(0, 12)) == 0:
            word = word.capitalize()
        pieces.append(" " + word)
    return "".join(pieces).strip() or "."


@cache
def _mixes_with() -> dict[str, tuple[str, ...]]:
    """language -> the languages its rule file says it is written mixed with."""
    return {str(data["language"]): tuple(data.get("mixes_with") or ())
            for data in constitution.care_rule_files()}


def _every_anchored_rule(d: detect._Detector, sents: Sequence[detect._Sentence],
                         forms: Mapping[str, Mapping[str, str]],
                         common: Mapping[str, list[str]]) -> list[dict[tuple[str, int], list[int]]]:
    """`detect._candidates` without its shortcuts: in each sentence, every rule anchored on
    one of its words or written in its script without an anchor (less the languages its
    common words rule out), at every word that can begin it; no required-word test."""
    words = {n for s in sents for n in s.norm_set if n != CLAUSE}
    info = detect._word_slots(d, words, forms)
    out: list[dict[tuple[str, int], list[int]]] = []
    for sent in sents:
        scripts = detect._scripts(sent.norms)
        active: set[tuple[str, int]] = set()
        for script in scripts:
            active |= d.unanchored_by_script().get(script, frozenset())
        for norm in sent.norm_set:
            if norm in info:
                active |= info[norm].anchored
        plausible = detect._plausible(sent, common)
        if plausible is not None:
            own = scripts - {"latin"}
            # A plausible language lets the languages it is written mixed with read the
            # sentence too (Hinglish's `mixes_with: [en]`: "acha" makes English plausible).
            mixed = {m for lang in plausible for m in _mixes_with().get(lang, ())}
            active = {slot for slot in active if slot[0] not in d.index.has_common
                      or slot[0] in plausible or slot[0] in mixed
                      or detect.SCRIPTS.get(slot[0], "latin") in own}
        found: dict[tuple[str, int], list[int]] = {}
        for pos, norm in enumerate(sent.norms):
            if norm in info:
                for slot in active & info[norm].begins:
                    found.setdefault(slot, []).append(pos)
        if d.index.scans and not active.isdisjoint(d.scan_slots()):
            detect._scan(d, sent, active, found)
        out.append(found)
    return out


def _switch_off(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(detect, "_candidates", _every_anchored_rule)
    mp.setattr(detect, "required_words", lambda pattern: ())
    mp.setattr(matcher, "required_words", lambda pattern: ())
    for memo in ("_REQUIRED", "_REQUIRED_ANY", "_PLANS"):
        mp.setattr(matcher, memo, {})
    mp.setattr(detect.detector(), "_needs", {})
    mp.setattr(detect.detector(), "_cue_index", {})
    mp.setattr(care_rules, "required_words", lambda pattern: ())  # cues worked out here ...
    mp.setattr(detect.detector().index, "cue_langs", frozenset())  # ... not read from the index


#: Which cues an entry may hold: the index's cue triggers asked per entry (reflect's way)
#: or read whole (a long run's), or worked out by the process from the first entry, or
#: only after many (a language the index lacks).
@pytest.mark.parametrize("cues", ["index", "table", "process", "late"])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts())
# A sign read by a language another one is written mixed with: a Hinglish word ("hun",
# "acha") lets the English rules read the sentence ("cremat*", "automutil*").
@example(text="', 'j 'j … Crematie , Hun")
@example(text="Acha Automutil")
def test_no_shortcut_changes_a_finding_on_the_rules_own_words(text: str, cues: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        if cues in ("process", "late"):
            mp.setattr(detect.detector().index, "cue_langs", frozenset())
        mp.setattr(detect.detector(), "_cue_index", {})
        mp.setattr(detect, "CUE_INDEX_AFTER", 10**9 if cues in ("index", "late") else 0)
        fast = detect.assess(text)
    with pytest.MonkeyPatch.context() as mp:
        _switch_off(mp)
        slow = detect.assess(text)
    assert fast == slow


#: Texts the property test above once wrote where a sign two languages' rules read on the
#: same words ("Ана", "хлорка", "autolesion" ...) fills a compound's slot: which of the two
#: was met first decided the language the compound was credited to, and so `fired`.
_READ_ALIKE = [
    "죽어야겠 , , , , , , , , , , , , , , , , Ана",
    "рождения. передозуваal. решим. самовыпил",
    "مب. يرتاحون. قررت. хлорка",
    "autolesion. 편해지e. 홀가분e",
    "يريحني. sh. سددت. مليت",
]


def _met_in_reverse(candidates: Callable[..., list[dict[tuple[str, int], list[int]]]]
                    ) -> Callable[..., list[dict[tuple[str, int], list[int]]]]:
    """`candidates` with each sentence's rules met in the opposite order (a set's order
    follows the hash seed, and the shortcuts change how the sets are built)."""
    def reverse(*args: object) -> list[dict[tuple[str, int], list[int]]]:
        return [dict(reversed(found.items())) for found in candidates(*args)]
    return reverse


def test_the_order_rules_are_met_in_changes_no_finding() -> None:
    """With and without the shortcuts, and whichever order a sentence's rules are met in,
    one finding, `fired` order included: read one after another in one process, as the
    property test reads its examples."""
    for text in _READ_ALIKE:
        findings = []
        for slow in (False, True):
            for reverse in (False, True):
                with pytest.MonkeyPatch.context() as mp:
                    if slow:
                        _switch_off(mp)
                    if reverse:
                        mp.setattr(detect, "_candidates", _met_in_reverse(detect._candidates))
                    findings.append(detect.assess(text))
        assert findings[0].fired, text  # a sign was read: the comparison says something
        assert all(f == findings[0] for f in findings), (text, [f.fired for f in findings])


def test_the_generated_texts_reach_every_tier() -> None:
    """The texts above are worth checking: written with the rules' words, many of them
    raise care, some the gentle line, some nothing."""
    import random

    rng = random.Random(3)
    vocab = _vocabulary()
    tiers = set()
    for _ in range(300):
        lang = rng.choice(sorted(vocab))
        tiers.add(detect.assess(" ".join(rng.choice(vocab[lang]) for _ in range(12))).tier)
    assert tiers == {None, detect.GENTLE, detect.CARE}

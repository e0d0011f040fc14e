"""A care rule is tried in a sentence only when one of its anchor words is there
(rules.anchor_words, stored in the care index), and skipped when a word set it requires is
absent (matcher.required_words). Both shortcuts are only sound if every match really needs
those words: a wrong anchor silently stops a rule from ever firing. These tests check that
against the compiled patterns of every rule of every language, so a new rule or a change
to the compiler that breaks the promise fails here rather than in someone's crisis."""

from __future__ import annotations

from mirror import constitution
from mirror.engine.care.matcher import Atom, Element, match, required_words
from mirror.engine.care.rules import LanguageRules, anchor_words


def _alternatives(el: Element) -> list[tuple[Atom, ...]]:
    """Every alternative of an element as a sequence of atoms."""
    alts: list[tuple[Atom, ...]] = [(a,) for a in el.affixes]
    alts += list(el.sequences)
    alts += [(Atom("word", w, w),) for w in el.lemmas]
    alts += [(Atom("surface", w),) for w in el.surfaces]
    return alts


def _covered(atom: Atom, anchors: set[tuple[str, str]]) -> bool:
    """Whether a word the index files under `anchors` must be present when `atom` matches."""
    if atom.kind == "surface":
        return ("surface", atom.value) in anchors or ("word", atom.value) in anchors
    return (atom.kind, atom.value) in anchors


def _every_rule():
    for name in constitution.care_rule_names():
        rules = LanguageRules(constitution.care_data(f"rules/{name}"), {})
        for ri, entry in enumerate(rules.entries):
            yield rules, ri, entry[3]


def test_every_anchor_is_a_word_each_match_needs() -> None:
    checked = 0
    for rules, ri, text in _every_rule():
        anchors = anchor_words(text, rules.classes, rules.common)
        if not anchors or any(k == "scan" or (k == "prefix" and len(w) < 2) for k, w in anchors):
            continue  # unanchored: tried in every sentence of its script
        wanted = set(anchors)
        pattern = rules.rule(ri).pattern
        assert any(
            el.gap < 0 and not el.optional
            and all(any(_covered(a, wanted) for a in alt) for alt in _alternatives(el))
            for el in pattern
        ), f"{rules.language} rule {ri + 1} ({text!r}) anchored on words it can match without"
        checked += 1
    assert checked > 4000


def test_anchor_prefers_the_rare_word_of_a_phrase() -> None:
    common = frozenset({"i", "you", "all", "that"})
    anchors = anchor_words("i_love_you_all|love_you_all", {}, common)
    assert anchors == [("word", "love")]


def test_required_words_hold_in_every_phrase_position() -> None:
    rules = LanguageRules({"language": "en", "rules": [["wish_to_be_dead", 1, "i_love_you_all|tell"]]}, {})
    pattern = rules.rule(0).pattern
    needs = required_words(pattern)
    # "i" alone is not enough: "all" (or "tell") is required too.
    assert any("all" in words and "i" not in words for words in needs)
    norms = "i love you all".split()
    assert match(pattern, norms, norms, 0) == 4
    for words in needs:
        assert not words.isdisjoint(norms)

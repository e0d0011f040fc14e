"""The care detector's faster paths drop only what the slower ones would, so a reflection
reads the same however long the run that reads it.

- The index files each rule's required word sets as the detector itself requires them
  (the rule compiled without the language's lemmas, `matcher.required_words`): an entry,
  and each of its sentences, drops with a few integer operations the rules `_possible`
  would drop one by one; a set with more words (another compilation's) would let through
  rules the detector then reads in vain, a set with fewer would lose a finding.
- A long run knows the cues an entry may hold from their patterns' word sets
  (`rules.cue_masks`): never fewer than `matcher.may_match_any` allows, and, for a cue
  whose patterns have at most `CUE_DEPTH` sets, exactly those.
- An ASCII text is split into words by a simpler pattern (`text._ascii_token_re`) that
  must give the tokens the full one gives; and read by one `re.split` (`_ascii_split_re`,
  the kind of each token told by `_ascii_kind`), which must give the same tokens, kinds
  and spans.
"""

from __future__ import annotations

import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from mirror.engine.care import detect
from mirror.engine.care.matcher import may_match_any, required_words
from mirror.engine.care.rules import RuleError, cue_masks
from mirror.engine.care.text import _ascii_kind, _ascii_split_re, _ascii_token_re, _token_re


def test_the_index_files_each_rule_under_the_word_sets_the_detector_requires() -> None:
    d = detector_with_index()
    filed: dict[tuple[str, int, int], set[str]] = {}
    for word, lang, rule, k in d.index.conn.execute("SELECT word, lang, rule, k FROM needs"):
        filed.setdefault((str(lang), int(rule), int(k)), set()).add(str(word))
    assert len(filed) > 3000  # every language's rules, not a few
    for (lang, ri, k), words in filed.items():
        rules = d.rules(lang)
        assert rules is not None, lang
        own = required_words(rules.rule(ri).pattern)
        assert frozenset(words) in own, (lang, ri, k, sorted(words)[:8])
    # A rule whose sets the index keeps none of is one it never filters (`unfiltered`).
    for lang, ri in d.index.unfiltered:
        assert not any((lang, ri, k) in filed for k in range(detect.NEEDS))


def detector_with_index() -> detect._Detector:
    d = detect.detector()
    assert d.index.conn.execute("SELECT count(*) FROM needs").fetchone()[0] > 0
    return d


def test_a_long_runs_cue_look_up_keeps_every_possible_cue_and_knows_the_exact_ones() -> None:
    d = detect.detector()
    rng = random.Random(13)
    checked = exact_checked = 0
    for lang in sorted(d.index.cue_langs):
        rules = d.rules(lang)
        if rules is None or not rules.cue_names:
            continue
        words, owners, always, exact = cue_masks(rules, detect.CUE_DEPTH)
        vocabulary = sorted(words)
        for _ in range(60):
            present = set(rng.sample(vocabulary, min(len(vocabulary), rng.randint(1, 40))))
            held = detect._held([words[w] for w in present if w in words])
            found = set(always) | {owners[j] for j in range(len(owners)) if held >> j & 1}
            for base in sorted(rules.cue_names):
                try:
                    cue = rules.cue(base)
                except RuleError:
                    assert base in found
                    continue
                possible = bool(cue) and may_match_any(cue.patterns, present)
                if possible:
                    assert base in found, (lang, base, sorted(present))
                if base in exact:
                    assert (base in found) == possible, (lang, base, sorted(present))
                    exact_checked += 1
                checked += 1
    assert checked > 10_000 and exact_checked > checked // 2


_ASCII = st.text(alphabet=st.sampled_from(
    list(string.ascii_letters[:8] + string.digits[:3] + "_'` -\n.,!?;:()[]\t\x1c\x0b\"#/")),
    max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=_ASCII)
def test_an_ascii_text_is_split_into_the_tokens_the_full_pattern_gives(text: str) -> None:
    def tokens(pattern):
        return [(m.lastindex, m[m.lastindex], m.span()) for m in pattern.finditer(text)]

    assert tokens(_ascii_token_re()) == tokens(_token_re())


def test_every_printable_ascii_word_shape_splits_alike() -> None:
    rng = random.Random(5)
    alphabet = [chr(i) for i in range(128)]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        full = [(m.lastindex, m.span()) for m in _token_re().finditer(text)]
        assert [(m.lastindex, m.span()) for m in _ascii_token_re().finditer(text)] == full, repr(text)


def _split_tokens(text: str) -> list[tuple[int, str, tuple[int, int]]]:
    """(kind, token, span) of every token `_ascii_split_re` splits `text` into."""
    pieces = _ascii_split_re().split(text)
    out = []
    at = 0
    for k, piece in enumerate(pieces):
        if k % 2:
            out.append((_ascii_kind(piece), piece, (at, at + len(piece))))
        at += len(piece)
    return out


@settings(max_examples=400, deadline=None)
@given(text=_ASCII)
def test_an_ascii_text_split_at_once_gives_the_full_patterns_tokens_kinds_and_spans(text: str) -> None:
    full = [(m.lastindex, m[m.lastindex], m.span()) for m in _token_re().finditer(text)]
    assert _split_tokens(text) == full


def test_every_printable_ascii_text_split_at_once_reads_alike() -> None:
    rng = random.Random(6)
    alphabet = [chr(i) for i in range(128)]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        full = [(m.lastindex, m[m.lastindex], m.span()) for m in _token_re().finditer(text)]
        assert _split_tokens(text) == full, repr(text)


def test_an_index_kept_for_another_count_of_word_sets_is_never_read(monkeypatch, tmp_path) -> None:
    """A journal's index and the machine's are named by keys that hold how many word sets
    the index keeps per rule: read with another count, every rule would be dropped."""
    from mirror.engine.care import index

    parts = ["genesis", "rules/en.yaml:120:1700000000"]
    care = tmp_path / "care"
    (care / "rules").mkdir(parents=True)
    (care / "rules" / "en.yaml").write_text("language: en\nrules: []\n", encoding="utf-8")
    journal, machine = index.cache_key(parts), index.content_key(care)
    monkeypatch.setattr(index, "NEEDS", index.NEEDS + 1)
    assert index.cache_key(parts) != journal
    assert index.content_key(care) != machine
    monkeypatch.setattr(index, "NEEDS", index.NEEDS - 1)
    monkeypatch.setattr(index, "CUE_DEPTH", index.CUE_DEPTH + 1)  # and per cue pattern
    assert index.cache_key(parts) != journal
    assert index.content_key(care) != machine


def test_the_index_finds_the_cues_an_entry_may_hold_as_a_long_run_does() -> None:
    """`CareIndex.cue_held` and `cue_exact` answer, for any words, what `rules.cue_masks`
    works out in a long run: the same cues held, the same cues known exactly."""
    d = detect.detector()
    rng = random.Random(17)
    checked = 0
    for lang in sorted(d.index.cue_langs):
        rules = d.rules(lang)
        if rules is None or not rules.cue_names:
            continue
        words, owners, always, exact = cue_masks(rules, detect.CUE_DEPTH)
        assert d.index.cue_exact(lang) == exact
        assert d.index.cue_always.get(lang, frozenset()) == always
        vocabulary = sorted(words)
        for _ in range(40):
            present = set(rng.sample(vocabulary, min(len(vocabulary), rng.randint(1, 60))))
            held = detect._held([words[w] for w in present if w in words])
            expected = {owners[j] for j in range(len(owners)) if held >> j & 1}
            assert set(d.index.cue_held(lang, present | {"no-such-word"})) == expected, lang
            checked += bool(expected)
    assert checked > 200


def test_reflecting_once_compiles_no_cue_the_entrys_words_rule_out(monkeypatch) -> None:
    """A `reflect` (a short run) reads the cues an entry may hold from the index: of the
    cues known exactly, it compiles only those whose patterns the entry's words may match,
    and finds what it found when it compiled every cue the entry's rarest words named."""
    text = ("Walked by the river with my sister and thought about work, the letters I still "
            "owe everyone and the plants on the balcony, but it felt calm.")
    d = detect.detector()
    found = detect.assess(text)
    rules = d.rules("en")
    assert rules is not None
    monkeypatch.setattr(rules, "_cues", {})
    monkeypatch.setattr(d, "_cue_index", {})
    monkeypatch.setattr(detect, "CUE_INDEX_AFTER", 10**9)
    assert detect.assess(text) == found
    raw = detect.sentences(text, d.normaliser, d.index.known, d.word_cache)
    forms = d.index.lemma_tables({w.norm for ws in raw for w in ws})
    laughter = detect._Laughter(text, raw)
    present = set().union(*[detect._Sentence(ws, forms, laughter, k).present("en")
                            for k, ws in enumerate(raw)])
    compiled = [base for base, cue in rules._cues.items() if cue is not None]
    assert compiled  # the entry's words do name some cues
    exact = cue_masks(rules, detect.CUE_DEPTH)[3]  # (compiles the rest)
    assert [b for b in compiled if b in exact and not may_match_any(rules.cue(b).patterns, present)] == []

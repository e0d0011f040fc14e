"""The care detector skips a rule in a sentence when one of the rule's required words is
absent (matcher.required_words): that is what keeps a long entry cheap. The shortcut must never
change a verdict. Here every labelled care text, and a generated sample of everyday
entries, is assessed twice, with the shortcut and with it switched off, and the findings
(tier, score, every signal with its words and context) must be equal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mirror.engine.care import detect, matcher
from mirror.engine.samples import generated_reflections

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "care"


def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(CORPUS.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in ("positives", "negatives", "gentle"):
            for e in data.get(key) or []:
                texts.append(e["text"] if isinstance(e, dict) else str(e))
    return texts + generated_reflections(150, 150)


@pytest.mark.slow
def test_skipping_rules_without_their_words_changes_no_finding(monkeypatch):
    texts = _texts()
    assert len(texts) > 1000
    fast = [detect.assess(t) for t in texts]
    # Switched off: no rule requires any word, so every proposed rule is tried in full.
    monkeypatch.setattr(detect, "required_words", lambda pattern: ())
    monkeypatch.setattr(matcher, "required_words", lambda pattern: ())
    for memo in ("_REQUIRED", "_REQUIRED_ANY", "_PLANS"):  # what the fast pass kept of them
        monkeypatch.setattr(matcher, memo, {})
    monkeypatch.setattr(detect.detector(), "_needs", {})
    monkeypatch.setattr(detect.detector(), "_cue_index", {})
    slow = [detect.assess(t) for t in texts]
    differing = [t for t, a, b in zip(texts, fast, slow) if a != b]
    assert not differing, f"{len(differing)} findings changed, first: {differing[0]!r}"
    assert sum(f.tier is not None for f in fast) > 500  # the corpus really exercises care

"""Golden digest of `analyze()` over a fixed, varied sample.

Why: the engine is tuned for speed (shared token indexes, cheaper tokenizer loops), and
such changes must not move a single span, position or intensity. This test pins a SHA-256
over a canonical rendering of every analysis of a deterministic sample, so any behavioural
drift, however small, fails loudly.

Re-pinning: a deliberate change to the lexicons in `constitution/invariants.yaml`, to the
corpus in `tests/corpus/reflections.yaml`, or to an engine rule legitimately changes the
digest. Then (and only then) review the behaviour change and replace `GOLDEN_DIGEST` with
the value printed in the assertion message. A pure performance change must never need it.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import yaml

from mirror.engine.analysis import Analysis, analyze
from mirror.engine.samples import generated_reflections

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "reflections.yaml"

GOLDEN_DIGEST = "91950efd713a3a7fce116862bd389d13eafa5a86ffcc7f9d5cdffead7b72f679"

TRICKY = [
    "",
    "   ",
    "\U0001f600\U0001f622\U0001f525",
    "Tired.",
    "I must. I must! I must?",
    "My boss said \"you must work harder\" and I agreed.",
    "I told myself 'I must be perfect' again.",
    "\u201cYou should rest,\u201d she said. \u201cI have to finish,\u201d I said.",
    "'Keep going,' I said to myself, but I wanted to stop.",
    "The kids' toys are everywhere and I don't have to tidy them.",
    "I don\u2019t have to prove anything. I\u2019m not really worried about it.",
    "I'm not torn, but I should call her and I'm afraid to.",
    "On one hand I want my own space. On the other hand, I miss the closeness we had.",
    "On one hand I crave control, and on the other I want to let go of control entirely.",
    "Although I need to rest, I have to keep working.",
    "However, I want to stay. I should leave, yet I'm scared. But part of me is torn.",
    "I want stability, but I crave change but I also fear it.",
    "She wants to stay, but I need to leave.",
    "I want to rest, but the report must be done.",
    "I'm dying to see the new film. This deadline is killing me.",
    "I want to die. I've been thinking about suicide and hurting myself.",
    "I'm not suicidal, I just can't sleep.",
    "Hoy tengo que trabajar pero quiero descansar. No s\u00e9 qu\u00e9 hacer con mi vida.",
    "Je dois travailler mais je veux me reposer. C'est toujours la m\u00eame chose.",
    "Ich muss arbeiten, aber ich will mich ausruhen. Das ist immer so.",
    "Eu tenho que trabalhar mas quero descansar.",
    "\u05d0\u05e0\u05d9 \u05e6\u05e8\u05d9\u05da \u05dc\u05e2\u05d1\u05d5\u05d3 \u05d0\u05d1\u05dc \u05d0\u05e0\u05d9 \u05e2\u05d9\u05d9\u05e3.",
    "\u0623\u0646\u0627 \u0645\u062a\u0639\u0628 \u062c\u062f\u0627\u064b \u0627\u0644\u064a\u0648\u0645.",
    "\u4eca\u65e5\u306f\u75b2\u308c\u305f\u3002\u660e\u65e5\u3082\u4ed5\u4e8b\u3002",
    "\u0939\u092e \u0915\u093e\u092e \u0915\u0930\u0924\u0947 \u0939\u0948\u0902\u0964",
    "cafe\u0301 self-harm should shoulder must mustard",
    "I always, always, ALWAYS have to be perfect\u2026 never enough!!!",
    "Line one\n\nLine two I should\n\n\nbut I won't",
    "\u00abJe dois partir\u00bb, m'a-t-il dit. \u201eIch muss\u201c, sagte sie.",
    "I _must_ go__now and I shouldn't_ worry",
    "What if it fails? What if I fail? I'm worried I'll never be enough.",
    "I remember when I used to be torn between duty and desire, part of me still is.",
    "I should I should I should I should I should I should " * 20,
]


def _sample() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from journal_gen import reflection_text
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rng = random.Random(20240607)
    texts = [reflection_text(rng) for _ in range(400)]
    texts += generated_reflections(150, words=150)
    texts += generated_reflections(30, words=600)[-30:]
    texts += [str(entry["text"]) for entry in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]
    texts += TRICKY
    return texts


def canonical(a: Analysis) -> str:
    """A stable text rendering of everything an analysis says (floats rounded)."""
    lines = [f"lang {a.language} {a.english} words {len(a.tokens)}"]
    for t in a.tokens:
        lines.append(f"tok {t.text!r} {t.norm!r} {t.start} {t.end} {t.sent}")
    for m in a.patterns:
        lines.append(f"pat {m.name} {m.start} {m.end} {m.text!r} {m.parts!r}")
    for t in a.tensions:
        ev = [(e.start, e.end, e.text) for e in t.evidence]
        lines.append(f"ten {t.axis_a}/{t.axis_b} {t.position:.6f} {t.intensity:.6f} {ev!r}")
    for c in a.contrasts:
        lines.append(f"con {c.marker!r} {c.marker_span} {c.left} {c.right} {c.landing}")
    # Care is left out: its rules are data that grows (tests/engine/test_care*.py and the
    # care corpus pin its behaviour), while this digest guards the pattern analyser.
    return "\n".join(lines)


def sample_digest() -> str:
    h = hashlib.sha256()
    for text in _sample():
        h.update(canonical(analyze(text)).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def test_sample_is_varied() -> None:
    analyses = [analyze(t) for t in _sample()]
    assert sum(bool(a.patterns) for a in analyses) > 300
    assert sum(bool(a.tensions) for a in analyses) > 50
    assert sum(bool(a.contrasts) for a in analyses) > 300
    assert any(a.care for a in analyses)
    assert any(not a.english for a in analyses)
    assert any(m.parts for a in analyses for m in a.patterns)


def test_analysis_digest_is_pinned() -> None:
    digest = sample_digest()
    assert digest == GOLDEN_DIGEST, (
        f"analyze() output changed; new digest {digest}. Re-pin only for a deliberate "
        "lexicon/rule change (see module docstring)."
    )


if __name__ == "__main__":
    print(sample_digest())

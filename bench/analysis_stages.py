"""CPU per reflection of each stage of `analyze()` (mirror/engine/analysis.py), in this
process, best of a few passes after a warm-up pass (the per-process memos then hold the
texts' words, as in a long run). Not part of the test suite: timings are noisy.

    python bench/analysis_stages.py                 # 1,500 generated journal entries
    python bench/analysis_stages.py --corpus        # every text of tests/corpus instead
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def stages() -> list[tuple[str, Callable[[str], object]]]:
    """Each stage as a function of the text, computing what it needs before it (so a
    stage's figure is its own cost plus that of the cheap steps it repeats)."""
    from mirror.engine.analysis import reading_window
    from mirror.engine.care.detect import MODEL_CHARS, _assess_rules
    from mirror.engine.care.model import model
    from mirror.engine.language import language_of
    from mirror.engine.patterns import analyze_patterns, cue_sentences
    from mirror.engine.tensions import find_contrasts, find_tensions
    from mirror.engine.tokenize import tokenize

    reader = model()
    assert reader is not None
    memo: dict[str, tuple] = {}

    def before(text: str) -> tuple:
        """Tokens, contrasts and patterns of `text`, computed once outside the timing."""
        if text not in memo:
            tokens = tokenize(text)
            contrasts = tuple(find_contrasts(text, tokens))
            found, own = analyze_patterns(text, tokens, contrasts)
            memo[text] = (tokens, contrasts, tuple(found), own)
        return memo[text]

    def tensions(text: str) -> object:
        tokens, contrasts, patterns, own = before(text)
        return find_tensions(text, tokens, contrasts, cue_sentences(tokens, patterns), own)

    return [
        ("tokenize", lambda t: tokenize(reading_window(t))),
        ("contrasts", lambda t: find_contrasts(t, before(t)[0])),
        ("language", lambda t: language_of(t, before(t)[0])),
        ("patterns", lambda t: analyze_patterns(t, before(t)[0], before(t)[1])),
        ("tensions", tensions),
        ("care rules", _assess_rules),
        ("care model", lambda t: reader.likelihood(t[:MODEL_CHARS])),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--corpus", action="store_true", help="read the texts of tests/corpus")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    from mirror.engine.analysis import analyze

    if args.corpus:
        from analysis_equality import texts as every_text
        texts = every_text(0)[:-43]  # the corpus texts, without the long generated ones
    else:
        from journal_gen import reflection_text
        rng = random.Random(11)
        texts = [reflection_text(rng) for _ in range(args.count)]
    for text in texts:
        analyze(text)
    named = [("analyze", analyze), *stages()]
    for _, fn in named:
        for text in texts:
            fn(text)
    best: dict[str, float] = {}
    for _ in range(args.passes):
        for name, fn in named:
            began = time.process_time()
            for text in texts:
                fn(text)
            ms = (time.process_time() - began) / len(texts) * 1000
            best[name] = min(best.get(name, ms), ms)
    print(f"{len(texts)} texts; ms CPU per text (best of {args.passes}; load {os.getloadavg()[0]:.1f}):")
    for name, ms in best.items():
        print(f"  {name:12} {ms:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Recall and false alarms of the care detector on the labelled corpus.

    python bench/care_eval.py                 # tests/corpus/care/*.yaml
    python bench/care_eval.py --holdout       # the held-out set, written without the rules
    python bench/care_eval.py --set holdout2  # the second held-out set (written last)
    python bench/care_eval.py --lang es --misses   # list what was missed / raised wrongly

A positive counts as found when the entry gets the care response (clear signals) or at
least the gentle line (veiled ones; the share that got full care is shown beside it).
A hard negative is a false alarm when it gets either tier ("→care": the care response). Gentle entries should get at
least the gentle line, and not the care response instead of a mirrorback ("gentle→care").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mirror.engine.care import CARE, assess  # noqa: E402


def load(folder: Path, only: str | None) -> list[tuple[str, dict]]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang = str(data.get("language") or path.stem)
        if only and lang != only:
            continue
        out.append((lang, data))
    return out


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}% ({n}/{d})" if d else "    -"


def ordinary(show: bool) -> int:
    import random

    sys.path.insert(0, str(ROOT / "bench"))
    from journal_gen import reflection_text

    texts = [str(e["text"]) for e in yaml.safe_load((ROOT / "tests/corpus/reflections.yaml").read_text())
             if not e.get("care") and not e.get("gentle")]
    rng = random.Random(11)
    texts += [reflection_text(rng) for _ in range(2000)]
    raised = [(t, assess(t)) for t in texts]
    raised = [(t, f) for t, f in raised if f.tier is not None]
    print(f"everyday entries raising care or the gentle line: {pct(len(raised), len(texts))}")
    if show:
        for t, f in raised:
            print(f"  {f.tier} {[(s.rule, s.text, round(s.weight, 2)) for s in f.signals]}: {t[:160]!r}")
    return 0


def corpus_folder(name: str | None, holdout: bool) -> Path:
    """A named set under tests/corpus/care/, or any folder of yaml files given by its path."""
    if name and (Path(name).is_absolute() or Path(name).is_dir()):
        return Path(name).resolve()
    return ROOT / "tests/corpus/care" / (name or ("holdout" if holdout else ""))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--holdout", action="store_true")
    ap.add_argument("--set", help="another folder under tests/corpus/care/ (e.g. holdout2), or a folder path")
    ap.add_argument("--lang")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--ordinary", action="store_true",
                    help="false alarms on everyday entries: the engine corpus and 2,000 generated ones")
    args = ap.parse_args()
    if args.ordinary:
        return ordinary(args.misses)
    folder = corpus_folder(args.set, args.holdout)
    files = load(folder, args.lang)
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # clear hit/n, veiled hit/n, veiled care
    # pos hit/n, neg fa/n, gentle hit/n, gentle given the care response, neg given it
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0, 0])
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    times: list[float] = []
    for lang, data in files:
        for e in data.get("positives") or []:
            t = time.perf_counter()
            f = assess(e["text"])
            times.append(time.perf_counter() - t)
            veiled = e.get("kind") == "veiled"
            hit = f.tier == CARE or (veiled and f.tier is not None)
            c = by_cat[e["category"]]
            if veiled:
                c[2] += hit
                c[3] += 1
                c[4] += f.tier == CARE
            else:
                c[0] += hit
                c[1] += 1
            by_lang[lang][0] += hit
            by_lang[lang][1] += 1
            if not hit:
                misses.append(f"MISS [{lang} {e['category']} {e.get('kind')}] tier={f.tier} "
                              f"{f.score:.2f}: {e['text'].strip()[:300]!r}")
        for e in data.get("negatives") or []:
            f = assess(e["text"])
            fa = f.tier is not None
            by_kind[e.get("kind", "?")][0] += fa
            by_kind[e.get("kind", "?")][1] += 1
            by_lang[lang][2] += fa
            by_lang[lang][3] += 1
            by_lang[lang][7] += f.tier == CARE
            if fa:
                misses.append(f"FALSE [{lang} {e.get('kind')}] tier={f.tier} {f.score:.2f} "
                              f"{[(s.text, round(s.weight, 2)) for s in f.signals]}: "
                              f"{e['text'].strip()[:300]!r}")
        for e in data.get("gentle") or []:
            text = e["text"] if isinstance(e, dict) else str(e)
            f = assess(text)
            by_lang[lang][4] += f.tier is not None
            by_lang[lang][5] += 1
            by_lang[lang][6] += f.tier == CARE
            if f.tier is None:
                misses.append(f"GENTLE-MISS [{lang}]: {text.strip()[:200]!r}")
    from mirror.engine.care.detect import detector

    for error in detector().errors:
        print(f"RULE FILE ERROR (that language is skipped): {error}")
    print(f"corpus: {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}")
    print(f"\n{'category':24} {'clear recall':>20} {'veiled recall':>20} {'veiled→care':>14}")
    tc = [0, 0, 0, 0, 0]
    for cat, c in sorted(by_cat.items()):
        print(f"{cat:24} {pct(c[0], c[1]):>20} {pct(c[2], c[3]):>20} {pct(c[4], c[3]):>14}")
        tc = [a + b for a, b in zip(tc, c)]
    print(f"{'ALL':24} {pct(tc[0], tc[1]):>20} {pct(tc[2], tc[3]):>20} {pct(tc[4], tc[3]):>14}")
    print(f"\n{'language':10} {'recall':>18} {'false alarms':>18} {'→care':>16} {'gentle reached':>18} {'gentle→care':>16}")
    tl = [0] * 8
    for lang, v in sorted(by_lang.items()):
        print(f"{lang:10} {pct(v[0], v[1]):>18} {pct(v[2], v[3]):>18} {pct(v[7], v[3]):>16} "
              f"{pct(v[4], v[5]):>18} {pct(v[6], v[5]):>16}")
        tl = [a + b for a, b in zip(tl, v)]
    print(f"{'ALL':10} {pct(tl[0], tl[1]):>18} {pct(tl[2], tl[3]):>18} {pct(tl[7], tl[3]):>16} "
          f"{pct(tl[4], tl[5]):>18} {pct(tl[6], tl[5]):>16}")
    print(f"\n{'negative kind':14} {'false alarms':>18}")
    for kind, v in sorted(by_kind.items()):
        print(f"{kind:14} {pct(v[0], v[1]):>18}")
    if times:
        print(f"\nmedian assess time per positive entry: {statistics.median(times) * 1000:.3f} ms")
    if args.misses:
        print("\n" + "\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

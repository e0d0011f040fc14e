"""Blind review of offline mirrorbacks, and the figures the corpus gives.

    python bench/mirrorback_review.py --sheet out/sheet.md --key out/key.json -n 60
    python bench/mirrorback_review.py --figures

`--sheet` writes entry + mirrorback pairs, numbered, with nothing else (no ids, no labels,
no engine names): a grader who did not write the code grades them with
REFLECTION-RUBRIC.md. `--key` maps sheet numbers back to corpus ids. `--figures` prints
the share of distinct opening sentences and questions, and the precision and recall of
the absolute-thinking and obligation labels against the corpus's hand labels.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mirror.engine.analysis import analyze  # noqa: E402
from mirror.engine.offline import compose  # noqa: E402
from mirror.engine.reading import read  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "mirrorbacks"


def entries() -> list[dict]:
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        out += yaml.safe_load(path.read_text("utf-8"))["entries"]
    return out


def sample(items: list[dict], n: int, seed: str) -> list[dict]:
    """A deterministic spread: every kind of entry, in a shuffled order."""
    keyed = sorted(items, key=lambda e: hashlib.sha256(f"{seed}{e['id']}".encode()).hexdigest())
    return keyed[:n]


def sheet(items: list[dict]) -> str:
    parts = ["# Mirrorbacks to grade\n"]
    for n, e in enumerate(items, 1):
        parts.append(f"## {n}\n\n**Entry**\n\n{e['text'].strip()}\n\n**Mirrorback**\n\n"
                     f"{compose(e['text'])}\n")
    return "\n".join(parts)


def figures(items: list[dict]) -> None:
    mirrorbacks = [compose(e["text"]) for e in items]
    openings = [re.split(r"(?<=[.?!\u201d])\s", m, maxsplit=1)[0] for m in mirrorbacks]
    questions = [m.rsplit("?", 1)[0].rsplit(". ", 1)[-1] + "?" for m in mirrorbacks]
    frame = [re.sub("\u201c[^\u201d]*\u201d", "\u201c\u2026\u201d", o) for o in openings]
    print(f"entries {len(items)}")
    print(f"distinct opening sentences {len(set(openings)) / len(items):.0%}; "
          f"distinct opening frames (quotes masked) {len(set(frame))}")
    print(f"distinct questions {len(set(questions)) / len(items):.0%}")
    for label, name in (("absolute_judgement", "absolute_thinking"), ("obligation", "obligation")):
        tp = fp = fn = 0
        for e in items:
            found = any(m.name == name for m in analyze(e["text"]).patterns)
            truth = bool(e.get(label))
            tp += found and truth
            fp += found and not truth
            fn += truth and not found
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{name}: precision {precision:.0%} ({tp}/{tp + fp}), recall {recall:.0%} ({tp}/{tp + fn})")
    english = [e for e in items if e["language"] == "en"]
    sarcastic = [e for e in english if e.get("sarcasm")]
    sincere = [e for e in english if not e.get("sarcasm")]
    caught = sum(read(e["text"]).sarcasm for e in sarcastic)
    false = sum(read(e["text"]).sarcasm for e in sincere)
    print(f"sarcasm (English): {caught}/{len(sarcastic)} read as irony, {false}/{len(sincere)} "
          "sincere entries misread")
    readings = [(e, read(e["text"])) for e in sincere if e.get("feelings")]
    named = sum(bool(set(r.feelings) & set(e["feelings"])) for e, r in readings)
    wrong = sum(bool(r.feelings) and not set(r.feelings) & set(e["feelings"]) for e, r in readings)
    print(f"feelings (English, sincere, labelled {len(readings)}): a labelled feeling named in "
          f"{named}, only unlabelled ones named in {wrong}, none named in "
          f"{len(readings) - named - wrong}")
    hits = 0
    for e in items:
        a = analyze(e["text"])
        r = read(a.text, a.tokens, a.language if not a.english else "en")
        if r.centre is None:
            continue
        got = " ".join(a.text[a.tokens[r.centre.first].start : a.tokens[r.centre.last - 1].end]
                       .lower().replace("\u2019", "'").split())
        want = " ".join(str(e["centre"]).lower().replace("\u2019", "'").split())
        hits += want[:25] in got or got[:25] in want
    print(f"centre: the hand-labelled centre quoted in {hits}/{len(items)} entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", type=Path)
    parser.add_argument("--key", type=Path)
    parser.add_argument("-n", type=int, default=60)
    parser.add_argument("--seed", default="review-1")
    parser.add_argument("--figures", action="store_true")
    args = parser.parse_args()
    items = entries()
    if args.figures:
        figures(items)
    if args.sheet:
        chosen = sample(items, args.n, args.seed)
        args.sheet.parent.mkdir(parents=True, exist_ok=True)
        args.sheet.write_text(sheet(chosen), "utf-8")
        if args.key:
            args.key.write_text(json.dumps({str(i): e["id"] for i, e in enumerate(chosen, 1)},
                                           indent=1), "utf-8")
        print(f"wrote {args.sheet} ({len(chosen)} pairs)")


if __name__ == "__main__":
    main()

"""Blind sheets of mirrorbacks for new entries, and paired sheets that compare two engines.

    python bench/mirrorback_pairs.py sheet bench/blind_entries/fresh27.yaml --out /tmp/s27 --seed a
    python bench/mirrorback_pairs.py pairs bench/blind_entries/*.yaml --out /tmp/p1 --seed b \\
        --a /tmp/old-tree --b .
    python bench/mirrorback_pairs.py score /tmp/p1

`sheet` writes DIR/sheet.md (entry + mirrorback, shuffled, nothing else) and DIR/key.json.
`pairs` composes every entry with the engine of two source trees (a `git archive` of a
commit unpacked somewhere, or `.`), keeps the entries whose replies differ, and writes each
with its two replies as X and Y in a shuffled order: one reader grades both, so the
difference is not the difference between readers (which, read blind, was larger than most
engine changes: the same engine scored 2.64 and 3.12 on two sheets). `score` reads the
reader's DIR/grades.md (`N | X | Y | X or Y or same | reason`, or `N | grade | reason` for
a sheet) and prints the means and preferences per engine.

Readers see only the sheet and `REFLECTION-RUBRIC.md`; the key stays with the engineer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

_COMPOSE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from mirror.engine.offline import compose
texts = json.load(sys.stdin)
print(json.dumps([compose(t) for t in texts]))
"""


def _entries(paths: list[str]) -> list[dict]:
    out: list[dict] = []
    for p in paths:
        out += yaml.safe_load(Path(p).read_text("utf-8"))["entries"]
    return out


def _compose(tree: str, texts: list[str]) -> list[str]:
    """Every text composed by the engine in `tree`, in a process of its own (two trees'
    modules cannot share one interpreter)."""
    done = subprocess.run([sys.executable, "-c", _COMPOSE, str(Path(tree).resolve())],
                          input=json.dumps(texts), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _order(items: list[dict], seed: str) -> list[dict]:
    return sorted(items, key=lambda e: hashlib.sha256(f"{seed}{e['id']}".encode()).hexdigest())


def sheet(paths: list[str], out: Path, seed: str, tree: str) -> None:
    items = _order(_entries(paths), seed)
    replies = _compose(tree, [e["text"] for e in items])
    parts, key = ["# Mirrorbacks to grade\n"], {}
    for n, (e, m) in enumerate(zip(items, replies), 1):
        key[n] = {"id": e["id"], "language": e["language"], "mirrorback": m}
        parts.append(f"## {n}\n\n**Entry**\n\n{e['text'].strip()}\n\n**Mirrorback**\n\n{m}\n")
    out.mkdir(parents=True, exist_ok=True)
    (out / "sheet.md").write_text("\n".join(parts), "utf-8")
    (out / "key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), "utf-8")
    print(f"wrote {out / 'sheet.md'} ({len(items)} entries)")


def pairs(paths: list[str], out: Path, seed: str, a: str, b: str) -> None:
    items = _order(_entries(paths), seed)
    texts = [e["text"] for e in items]
    ra, rb = _compose(a, texts), _compose(b, texts)
    parts = ["# Pairs of mirrorbacks to grade\n\nEach entry has two replies, X and Y. Grade each "
             "reply on its own, 1-5.\n"]
    key: dict[int, dict] = {}
    n = 0
    for e, x, y in zip(items, ra, rb):
        if x == y:
            continue
        n += 1
        flip = int(hashlib.sha256(f"{seed}{e['id']}flip".encode()).hexdigest(), 16) % 2
        first, second = (y, x) if flip else (x, y)
        key[n] = {"id": e["id"], "x": "B" if flip else "A", "language": e["language"]}
        parts.append(f"## {n}\n\n**Entry**\n\n{e['text'].strip()}\n\n**Reply X**\n\n{first}\n\n"
                     f"**Reply Y**\n\n{second}\n")
    out.mkdir(parents=True, exist_ok=True)
    (out / "sheet.md").write_text("\n".join(parts), "utf-8")
    (out / "key.json").write_text(json.dumps(key, indent=1), "utf-8")
    print(f"wrote {out / 'sheet.md'} ({n} pairs of {len(items)} entries differ)")


_PAIR_LINE = re.compile(r"^(\d+) \| (\d) \| (\d) \| (?:prefer )?(\w+|=)")
_SHEET_LINE = re.compile(r"^(\d+) \| (\d) \|")


def score(out: Path) -> None:
    key = json.loads((out / "key.json").read_text("utf-8"))
    lines = (out / "grades.md").read_text("utf-8").splitlines()
    if any("x" in v for v in key.values()):
        a: list[int] = []
        b: list[int] = []
        prefer = {"A": 0, "B": 0, "same": 0}
        for line in lines:
            m = _PAIR_LINE.match(line)
            if not m or m.group(1) not in key:
                continue
            x_is_a = key[m.group(1)]["x"] == "A"
            gx, gy = int(m.group(2)), int(m.group(3))
            a.append(gx if x_is_a else gy)
            b.append(gy if x_is_a else gx)
            said = m.group(4).lower()
            if said.startswith(("same", "=")):  # (a grader may write "=" for no difference)
                prefer["same"] += 1
            else:
                prefer["A" if said.startswith("x") == x_is_a else "B"] += 1
        print(f"{len(a)} pairs: A {sum(a) / len(a):.2f}, B {sum(b) / len(b):.2f}; "
              f"preferred A {prefer['A']}, B {prefer['B']}, same {prefer['same']}")
        return
    grades = [int(m.group(2)) for line in lines if (m := _SHEET_LINE.match(line))]
    counts = {g: grades.count(g) for g in range(1, 6)}
    print(f"{len(grades)} graded: mean {sum(grades) / len(grades):.2f}; "
          + ", ".join(f"{g}s {c}" for g, c in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sheet")
    s.add_argument("entries", nargs="+")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--seed", default="mirror")
    s.add_argument("--tree", default=str(ROOT))
    p = sub.add_parser("pairs")
    p.add_argument("entries", nargs="+")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", default="mirror")
    p.add_argument("--a", required=True, help="source tree of engine A")
    p.add_argument("--b", default=str(ROOT), help="source tree of engine B")
    c = sub.add_parser("score")
    c.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "sheet":
        sheet(args.entries, args.out, args.seed, args.tree)
    elif args.command == "pairs":
        pairs(args.entries, args.out, args.seed, args.a, args.b)
    else:
        score(args.out)


if __name__ == "__main__":
    main()

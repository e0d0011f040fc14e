"""Compare `analyze()` of this tree with `analyze()` of an earlier revision, text by text:
every token, pattern, tension, contrast, the language guess, the care finding (tier, score,
signals) and the care model's likelihood, rendered with `repr` (floats in full). A change
made only for speed must leave every one of them the same; this prints how many differ.

The texts: every `text` in tests/corpus (the multilingual reflections, mirrorbacks and
care corpora), bench/blind_entries and bench/holdout_entries, N generated journal entries
(bench/journal_gen.py), a few longer generated reflections, and texts longer than what the
engine and the care model read at once.

    python bench/analysis_equality.py                      # against where HEAD left main
    python bench/analysis_equality.py --against HEAD~3 --generated 2000

Each side runs in its own process with PYTHONPATH at its tree (the earlier revision is
unpacked with `git archive` into a temporary folder).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _texts_in(node: object, out: list[str]) -> None:
    """Every string under a `text` key, at any depth of a YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                out.append(value)
            else:
                _texts_in(value, out)
    elif isinstance(node, list):
        for value in node:
            _texts_in(value, out)


def texts(generated: int) -> list[str]:
    """The texts both sides analyse, in a fixed order."""
    import yaml

    sys.path.insert(0, str(HERE))
    from journal_gen import reflection_text

    from mirror.engine.samples import generated_reflections

    out: list[str] = []
    for folder in (ROOT / "tests" / "corpus", HERE / "blind_entries", HERE / "holdout_entries"):
        for path in sorted(folder.rglob("*.y*ml")):
            _texts_in(yaml.safe_load(path.read_text(encoding="utf-8")), out)
    rng = random.Random(20261204)
    out += [reflection_text(rng) for _ in range(generated)]
    out += generated_reflections(40, words=600)
    long = " ".join(generated_reflections(400, words=150))  # past READ_CHARS and MODEL_CHARS
    out += [long, long[:25_000], "\n\n".join(out[:300])]
    return out


def dump(texts_file: Path, out_file: Path) -> None:
    """Write one line per text: the repr of its analysis and of the model's likelihood."""
    import mirror
    from mirror.engine.analysis import analyze
    from mirror.engine.care.detect import MODEL_CHARS
    from mirror.engine.care.model import model

    reader = model()
    assert reader is not None
    lines = [f"# mirror from {Path(mirror.__file__).resolve().parent}"]
    for text in json.loads(texts_file.read_text(encoding="utf-8")):
        rendered = f"{analyze(text)!r} likelihood={reader.likelihood(text[:MODEL_CHARS])!r}"
        if " at 0x" in rendered:
            raise SystemExit("an analysis renders an object address: not comparable")
        lines.append(rendered)
    out_file.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run(tree: Path, texts_file: Path, out_file: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump", str(texts_file),
                    str(out_file)], env=env, check=True, cwd=tree)
    return out_file.read_text(encoding="utf-8").split("\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="the earlier revision (default: the merge base of "
                        "HEAD and main, so what main gained since is not counted)")
    parser.add_argument("--generated", type=int, default=5000, help="generated journal entries")
    parser.add_argument("--dump", nargs=2, type=Path, metavar=("TEXTS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(*args.dump)
        return 0
    sys.path.insert(0, str(ROOT))
    if args.against is None:
        args.against = subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
                                      capture_output=True, text=True, check=True).stdout.strip()
    sample = texts(args.generated)
    with tempfile.TemporaryDirectory(prefix="mirror-equality-") as tmp:
        old = Path(tmp) / "old"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(sample), encoding="utf-8")
        before = _run(old, texts_file, Path(tmp) / "old.txt")
        after = _run(ROOT, texts_file, Path(tmp) / "new.txt")
    print(before[0], "\n" + after[0], sep="")
    differ = [i for i, (a, b) in enumerate(zip(before[1:], after[1:])) if a != b]
    if len(before) != len(after):
        raise SystemExit("the two sides analysed a different number of texts")
    for i in differ[:5]:
        print(f"text {i} differs: {sample[i][:80]!r}\n  old {before[i + 1][:300]}\n  new {after[i + 1][:300]}")
    digest = hashlib.sha256("\n".join(after[1:]).encode("utf-8")).hexdigest()[:16]
    print(f"{len(sample)} texts ({args.generated} generated), {len(differ)} differ "
          f"(against {args.against}; this tree's rendering sha256 {digest}...)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

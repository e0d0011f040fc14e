"""Across many entries, the closing questions vary: read one after another (a journal, a
blind sheet), one question shape on every seventh reply reads as a form letter, even when
each asks after the person's own words."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from mirror.engine.offline import compose

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "mirrorbacks"
#: Quoted words, in any language's marks: what varies inside one question shape.
_QUOTED = re.compile(r"[\u201c\u00ab\u201e][^\u201d\u00bb\u201c]*[\u201d\u00bb\u201c]")


def _shape(reply: str) -> str:
    """The closing question with the person's quoted words taken out."""
    return re.split(r"(?<=[.?!\u00bb\u201d])\s+", _QUOTED.sub("Q", reply))[-1]


def test_no_one_question_shape_closes_more_than_a_tenth_of_the_english_replies() -> None:
    entries = [e for path in sorted(CORPUS.glob("*.yaml"))
               for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
               if e.get("language", "en") == "en"]
    assert len(entries) >= 100
    shapes = Counter(_shape(compose(e["text"])) for e in entries)
    shape, count = shapes.most_common(1)[0]
    assert count / len(entries) <= 0.10, (shape, count, len(entries))
    assert len(shapes) >= len(entries) // 3


def test_questions_that_look_under_the_words_are_kept_for_heavy_moments() -> None:
    # ("What sits underneath …?" asked of a parking win or a bread brick was read blind as
    # weighing a light entry down)
    from mirror.engine.reading import read

    frames = yaml.safe_load((Path(__file__).resolve().parents[2] / "constitution" / "mirrorback"
                             / "en.yaml").read_text(encoding="utf-8"))["frames"]
    deep = [q.split("{f}") for q in frames["ask_clause_deep"]]
    entries = [e for path in sorted(CORPUS.glob("*.yaml"))
               for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
               if e.get("language", "en") == "en"]
    light = [e["text"] for e in entries if read(e["text"], language="en").valence != "negative"]
    assert len(light) >= 50
    for text in light:
        question = _shape(compose(text))
        assert not any(question.startswith(head) and question.endswith(tail) for head, tail in deep), question

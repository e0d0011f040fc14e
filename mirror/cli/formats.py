"""`--format` for `list` and `show`: short (one line each), full (the whole text with its
dates and tags), markdown (a document to paste or keep: a heading per reflection) and json
(the same document as `--json`)."""

from __future__ import annotations

from mirror.cli import render
from mirror.cli.output import Output
from mirror.models import Reflection


def markdown(r: Reflection) -> list[str]:
    """One reflection as Markdown: a level-2 heading with its local date and time, a line
    of tags and marks, then the text as written."""
    marks = ["★"] if r.starred else []
    marks += ["private"] if r.private else []
    head = f"## {render.local_time(r.created_at, r.created_tz)} ({r.created_tz})"
    meta = " ".join([*(f"#{t}" for t in r.tags), *marks])
    return [head, "", *([meta, ""] if meta else []), r.content.rstrip("\n"), "",
            f"<!-- mirror id {r.id} -->", ""]


def reflections(out: Output, items: list[Reflection], fmt: str) -> list[str]:
    """`items` rendered as text in `fmt` (short, full or markdown)."""
    if fmt == "short":
        return [render.one_line(out, r) for r in items]
    lines: list[str] = []
    for i, r in enumerate(items):
        if fmt == "markdown":
            lines += markdown(r)
        else:
            lines += [*([""] if i else []), *render.full(out, r)]
    return lines

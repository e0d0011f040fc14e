"""A line written without a stop is cut before a joining word, never mid-clause: read blind,
"… i need an A in higher maths or i dont get" was graded as cut off (the rubric: never cut a
quote inside a clause)."""

from __future__ import annotations

import re

from mirror.engine.offline import compose

RUN_ON = ("exam tomorrow and i cant sleep and jess keeps messaging me about the trip to the "
          "lakes like i care about a trip right now i need a B in chemistry or i dont get into "
          "leeds and dad will go quiet the way he does")


def test_a_run_on_line_is_quoted_to_a_clause_boundary() -> None:
    for version in range(3):
        reply = compose(RUN_ON, version=f"v{version}")
        quoted = re.findall("\u201c([^\u201d]+)\u201d", reply)
        assert quoted, reply
        assert not quoted[0].endswith(("i dont get", "dont get", "into")), reply
        assert quoted[0] in RUN_ON

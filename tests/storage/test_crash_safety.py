"""A reflection Mirror said it saved survives `kill -9` (DESIGN §3).

A child process writes reflections in a loop through the service layer and prints each ID
and the SHA-256 of its text only after `Journal.write` returned (after COMMIT). The parent
SIGKILLs it at fixed points — after N printed lines, in the middle of a line (a byte offset
from a fixed seed), and right after the journal opened — several rounds on the same
journal. Every line the child managed to print is a promise that must hold afterwards.
`bench/crash_kill.py` runs the same experiment hundreds of times.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.storage.crash_harness import broken_promises, run_and_kill, write_writer

SEED = 20260314
# (how to decide when to kill, parameter)
KILL_POINTS = [
    ("lines", 3),
    ("lines", 17),
    ("open", 0),        # right after the journal opened: the first write is in flight
    ("lines", 40),
    ("bytes", random.Random(SEED).randrange(200, 40 * 120)),   # mid-line, seeded
    ("lines", 1),
]


def test_every_reflection_reported_saved_survives_repeated_kill_9(tmp_path: Path, mirror_home):
    """A person who saw "saved" never loses that reflection, even when Mirror is killed
    with SIGKILL mid-write, again and again on the same journal."""
    script = write_writer(tmp_path)
    promised = []
    for round_no, (how, amount) in enumerate(KILL_POINTS):
        opened, printed = run_and_kill(script, mirror_home, round_no, how, amount)
        assert opened
        if how == "lines":
            assert len(printed) >= amount
        promised += printed

    assert len(promised) >= 3 + 17 + 40 + 1
    assert len({rid for rid, _, _ in promised}) == len(promised)
    assert broken_promises(mirror_home, promised) == []

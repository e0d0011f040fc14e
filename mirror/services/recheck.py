"""Mirrorbacks that arrive in a bundle are re-checked against the constitution in force.

A bundle is written by another Mirror, or by anyone: its `verdict = 'passed'` is a claim.
Before an import commits, every mirrorback it adds is run through this Mirror's checks
(`engine.checks`, the same ones a new mirrorback must pass, constitution I2/I3). One that
fails is kept as history (the person's journal loses nothing) but marked `failed`, with
the failed checks and `imported` among its flags, and is never shown as the mirror's
answer: `show`, the TUI reader and `--json` say which it is.
"""

from __future__ import annotations

from mirror.engine import checks
from mirror.storage import merge
from mirror.storage.db import Connection

#: The flag an imported mirrorback carries when this Mirror's checks refused it.
IMPORTED_FLAG = "imported"


def recheck_imported(conn: Connection, ids: list[str]) -> int:
    """Re-check imported mirrorbacks `ids` inside the import's transaction; return how
    many were marked failed."""
    failed = 0
    for mirrorback_id, content, verdict, reflection, flags in merge.mirrorbacks_to_recheck(conn, ids):
        if verdict == "failed":
            continue
        report = checks.check(content, reflection)
        if not report.passed:
            merge.mark_mirrorback_failed(
                conn, mirrorback_id,
                sorted({*map(str, flags), *report.flags, IMPORTED_FLAG}))
            failed += 1
    return failed

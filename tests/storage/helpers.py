"""Small helpers shared by the storage tests (not a test module)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child Python process that must `import mirror` from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def assert_clean_error(run, code: int, *fragments: str) -> str:
    """The CLI failed the documented way: exit `code`, exactly one stderr line starting
    with `mirror:`, no traceback, and the line mentions every fragment (case-insensitive)."""
    lines = run.err.splitlines()
    assert run.code == code, f"exit {run.code}, expected {code}; stderr: {run.err!r}"
    assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
    assert lines[0].startswith("mirror: "), lines[0]
    assert "Traceback" not in run.err and "Traceback" not in run.out
    for fragment in fragments:
        assert fragment.lower() in lines[0].lower(), f"{fragment!r} not in {lines[0]!r}"
    return lines[0]


def raw_connect(db: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as a curious user (or an attacker) would open the file."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def contents(db: Path) -> dict[str, str]:
    """id -> content of every live reflection, read straight from the file."""
    conn = raw_connect(db)
    try:
        return {row["id"]: row["content"] for row in conn.execute("SELECT id, content FROM reflections")}
    finally:
        conn.close()

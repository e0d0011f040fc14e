"""The audit log: an append-only hash chain of what happened to the journal (never the text).

Each entry's hash covers the previous entry's hash and its own fields, so an edited,
removed or reordered entry inside the chain breaks verification. A truncated tail or a
wholly rewritten chain cannot be detected from the chain alone, which is why its head hash
is shown by `mirror audit verify` / `mirror doctor` and written into every bundle manifest.
"""

from __future__ import annotations

import json
import sqlite3

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any

    from mirror.storage.audit_report import AuditReport

GENESIS = "0" * 64


def entry_hash(prev_hash: str, seq: int, at: str, action: str, entity: str,
               entity_id: str | None, details: str) -> str:
    from mirror.hashing import sha256_hex  # writes and verify only

    payload = json.dumps([seq, at, action, entity, entity_id, details],
                         ensure_ascii=False, separators=(",", ":"))
    return sha256_hex(f"{prev_hash}\n{payload}".encode())


def append(conn: sqlite3.Connection, at: str, action: str, entity: str,
           entity_id: str | None = None, details: dict[str, Any] | None = None,
           *, after: tuple[int, str] | None = None) -> tuple[int, str]:
    """Add one entry; must run inside the caller's write transaction. Returns its (seq, hash),
    which a bulk writer may pass back as `after` to skip re-reading the chain's tail."""
    if after is None:
        row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        after = (row[0], row[1]) if row else (0, GENESIS)
    seq, prev = after[0] + 1, after[1]
    details_json = json.dumps(details or {}, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":"))
    digest = entry_hash(prev, seq, at, action, entity, entity_id, details_json)
    conn.execute(
        "INSERT INTO audit_log (seq, at, action, entity, entity_id, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, action, entity, entity_id, details_json, prev, digest),
    )
    return seq, digest


def verify(conn: sqlite3.Connection) -> AuditReport:
    """Walk the chain from the start, recomputing every hash."""
    from mirror.storage.audit_report import AuditReport  # verifying only

    prev, expected_seq, count = GENESIS, 1, 0
    for row in conn.execute(
        "SELECT seq, at, action, entity, entity_id, details, prev_hash, hash"
        " FROM audit_log ORDER BY seq"
    ):
        seq, at, action, entity, entity_id, details, prev_hash, digest = tuple(row)
        count += 1
        if seq != expected_seq:
            return AuditReport(False, count, prev, f"entry {expected_seq} is missing", expected_seq)
        if prev_hash != prev:
            return AuditReport(False, count, prev,
                               f"entry {seq} does not follow entry {seq - 1} (removed or reordered)", seq)
        if entry_hash(prev_hash, seq, at, action, entity, entity_id, details) != digest:
            return AuditReport(False, count, prev, f"entry {seq} was altered", seq)
        prev, expected_seq = digest, seq + 1
    return AuditReport(True, count, prev)


def head(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS

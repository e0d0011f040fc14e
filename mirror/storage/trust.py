"""Trusted signing keys: which Ed25519 public keys this journal accepts bundles from.

Trust is the importer's policy, kept in this journal only: it is never exported in a
bundle and never taken from one (a bundle that could add its own key would trust itself).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from mirror.clock import Clock, utc_iso
from mirror.errors import NotFound
from mirror.storage import audit
from mirror.storage.db import transaction


def add(conn: sqlite3.Connection, clock: Clock, fingerprint: str, public_key: str,
        label: str | None = None) -> tuple[dict[str, Any], bool]:
    """Trust a key. Returns (the key's row, whether it was new)."""
    with transaction(conn):
        row = conn.execute("SELECT * FROM trusted_keys WHERE fingerprint = ?",
                           (fingerprint,)).fetchone()
        if row is not None:
            return dict(row), False
        now = utc_iso(clock.now())
        conn.execute("INSERT INTO trusted_keys (fingerprint, public_key, label, added_at)"
                     " VALUES (?, ?, ?, ?)", (fingerprint, public_key, label, now))
        audit.append(conn, now, "trust", "signing_key", fingerprint, {"label": label})
    return get(conn, fingerprint), True


def remove(conn: sqlite3.Connection, clock: Clock, prefix: str) -> dict[str, Any]:
    key = find(conn, prefix)
    with transaction(conn):
        conn.execute("DELETE FROM trusted_keys WHERE fingerprint = ?", (key["fingerprint"],))
        audit.append(conn, utc_iso(clock.now()), "untrust", "signing_key", key["fingerprint"], {})
    return key


def get(conn: sqlite3.Connection, fingerprint: str) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM trusted_keys WHERE fingerprint = ?", (fingerprint,)).fetchone()
    if row is None:
        raise NotFound(f"no trusted key {fingerprint}")
    return dict(row)


def find(conn: sqlite3.Connection, prefix: str) -> dict[str, Any]:
    prefix = prefix.replace(" ", "").lower()
    rows = conn.execute("SELECT * FROM trusted_keys WHERE fingerprint >= ? AND fingerprint < ?"
                        " LIMIT 2", (prefix, prefix + "~")).fetchall() if len(prefix) >= 4 else []
    if not rows:
        raise NotFound(f"no trusted key with fingerprint {prefix}")
    if len(rows) > 1:
        raise NotFound(f"fingerprint prefix {prefix} is ambiguous: give more characters")
    return dict(rows[0])


def keys(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT fingerprint, public_key, label, added_at FROM trusted_keys ORDER BY added_at, fingerprint")]

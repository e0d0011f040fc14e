"""The egress ledger (what left the machine), spending totals for budgets, and the
response cache. The ledger never holds text: sizes, hashes, IDs, tokens and cost."""

from __future__ import annotations

import json
import sqlite3
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mirror.clock import Clock, utc_iso
from mirror.storage.db import transaction

if TYPE_CHECKING:
    from mirror.models.egress import EgressTotals, SentRequest


@dataclass(frozen=True)
class EgressEntry:
    """One row of the egress ledger (a docstring keeps dataclass from importing `inspect`)."""

    adapter: str
    endpoint_host: str
    remote: bool
    reflection_ids: tuple[str, ...]
    bytes_sent: int
    payload_sha256: str
    model: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0


class EgressStore:
    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock

    def _tx(self):
        """Join the caller's transaction if one is open, else open (and commit) our own."""
        return nullcontext(self.conn) if self.conn.in_transaction else transaction(self.conn)

    def record(self, entry: EgressEntry) -> str:
        """Written before the request is sent, so even a crash mid-call leaves a record.
        Committed here, or by the caller whose transaction it joins — in either case
        before anything is sent."""
        entry_id = self.clock.new_id()
        with self._tx():
            self.conn.execute(
                "INSERT INTO egress_ledger (id, at, adapter, endpoint_host, remote, reflection_ids,"
                " bytes_sent, payload_sha256, model, tokens_in, tokens_out, cost_usd)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry_id, utc_iso(self.clock.now()), entry.adapter, entry.endpoint_host,
                 int(entry.remote), json.dumps(list(entry.reflection_ids)), entry.bytes_sent,
                 entry.payload_sha256, entry.model, entry.tokens_in, entry.tokens_out,
                 entry.cost_usd))
        return entry_id

    def settle(self, entry_id: str, tokens_in: int, tokens_out: int, cost_usd: float) -> None:
        """Add the usage the server reported once the call finished."""
        with self._tx():
            self.conn.execute(
                "UPDATE egress_ledger SET tokens_in = ?, tokens_out = ?, cost_usd = ? WHERE id = ?",
                (tokens_in, tokens_out, cost_usd, entry_id))

    def entries(self, remote_only: bool = False, limit: int = 100) -> list[SentRequest]:
        where = " WHERE remote = 1" if remote_only else ""
        rows = self.conn.execute(
            f"SELECT * FROM egress_ledger{where} ORDER BY at DESC, rowid DESC LIMIT ?", (limit,)).fetchall()
        from mirror.models.egress import SentRequest  # the ledger's records: only `egress` and the TUI read them

        return [SentRequest(
            id=row["id"], at=row["at"], adapter=row["adapter"], endpoint_host=row["endpoint_host"],
            remote=bool(row["remote"]), reflection_ids=tuple(json.loads(row["reflection_ids"])),
            bytes_sent=row["bytes_sent"], payload_sha256=row["payload_sha256"], model=row["model"],
            tokens_in=row["tokens_in"], tokens_out=row["tokens_out"], cost_usd=row["cost_usd"])
            for row in rows]

    def totals(self) -> EgressTotals:
        row = self.conn.execute(
            "SELECT count(*) AS requests, coalesce(sum(remote), 0) AS remote_requests,"
            " coalesce(sum(bytes_sent), 0) AS bytes, coalesce(sum(CASE WHEN remote = 1"
            " THEN bytes_sent ELSE 0 END), 0) AS remote_bytes FROM egress_ledger").fetchone()
        from mirror.models.egress import EgressTotals  # the ledger's records: only `egress` and the TUI read them

        return EgressTotals(row["requests"], row["remote_requests"], row["bytes"], row["remote_bytes"])

    def spent_since(self, since_utc: str) -> tuple[float, int]:
        """(USD, tokens) spent on remote calls since a UTC timestamp."""
        row = self.conn.execute(
            "SELECT coalesce(sum(cost_usd), 0), coalesce(sum(tokens_in + tokens_out), 0)"
            " FROM egress_ledger WHERE remote = 1 AND at >= ?", (since_utc,)).fetchone()
        return float(row[0]), int(row[1])

    # -- response cache ------------------------------------------------------------------------
    def cached(self, key: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM response_cache WHERE key = ?", (key,)).fetchone()
        return dict(row) if row else None

    def cache(self, key: str, reflection_id: str | None, engine: str, model: str | None,
              content: str, tokens_in: int, tokens_out: int) -> None:
        with self._tx():
            self.conn.execute(
                "INSERT OR REPLACE INTO response_cache (key, reflection_id, engine, model, content,"
                " tokens_in, tokens_out, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, reflection_id, engine, model, content, tokens_in, tokens_out,
                 utc_iso(self.clock.now())))

"""What `mirror audit verify` (and doctor) report about the audit log's hash chain.

Apart from `mirror.storage.audit`, which every command that opens a journal imports (and
`reflect` writes through), so only verifying defines this record.
"""

from __future__ import annotations

from dataclasses import dataclass

TYPE_CHECKING = False  # typing's flag without importing typing
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class AuditReport:
    """Whether the audit log's hash chain holds, and where it first breaks."""

    ok: bool
    entries: int
    head: str
    problem: str | None = None      # the first break found, in words
    broken_at: int | None = None    # its sequence number

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head,
                "problem": self.problem, "broken_at": self.broken_at}

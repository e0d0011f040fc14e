"""What `mirror evolve import FILE` did with a file from elsewhere: verified how, and what
entered the journal (a proposal as a draft for review; a packet is only reported)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mirror.models.evolution import Proposal


@dataclass(frozen=True)
class EvolutionImport:
    path: str
    what: str                        # 'proposal' | 'packet'
    signature: str                   # 'unsigned' | 'trusted'
    signer: str | None               # the signing key's fingerprint, when signed
    proposal: Proposal | None        # the draft it entered as (never applied)
    packet: dict[str, Any] | None    # the verified packet (counts and rates only)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "what": self.what, "signature": self.signature,
                "signer": self.signer,
                "proposal": self.proposal.to_json() if self.proposal else None,
                "packet": self.packet}

"""Records of the egress ledger: each request that went to a model server, and the totals."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class SentRequest:
    """One entry of the egress ledger: a request that went to a model server (local or
    remote), which reflections it carried, and what it cost. Never the text itself."""

    id: str
    at: str
    adapter: str
    endpoint_host: str
    remote: bool
    reflection_ids: tuple[str, ...]
    bytes_sent: int
    payload_sha256: str
    model: str | None
    tokens_in: int
    tokens_out: int
    cost_usd: float

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["reflection_ids"] = list(self.reflection_ids)
        return data


# -- bundles and other journals ---------------------------------------------------------------


@dataclass(frozen=True)
class EgressTotals:
    """How many requests went to model servers, and how many left this machine."""

    requests: int
    remote_requests: int
    bytes: int
    remote_bytes: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

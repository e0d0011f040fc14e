"""Records of the encrypted journal at rest: what `init`, `encrypt`, `decrypt`, `unlock` and
`lock` did."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class EncryptionChange:
    """One change of a journal's encryption. `rows` and `digest` describe the verified copy
    that replaced the journal (empty for a new journal or a key change only); `key_cached`
    is where this session keeps the derived key (`mirror unlock`), if anywhere."""

    action: str
    db: str
    encrypted: bool
    rows: int = 0
    tables: int = 0
    digest: str = ""
    drafts_resealed: int = 0
    key_cached: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

"""Records of `mirror sync`: a pairing, a sync run, the devices and the sync status. Each
`to_json()` is the JSON the CLI prints (schemas/json/sync-*.schema.json)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SyncDevice:
    """A device this journal syncs with (or unpaired): its ID, public key and when it was
    last heard from."""

    device_id: str
    public_key: str
    label: str | None
    paired_at: str
    last_seen_at: str | None
    unpaired_at: str | None
    change_sets: int
    this_device: bool

    def to_json(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "public_key": self.public_key, "label": self.label,
                "paired_at": self.paired_at, "last_seen_at": self.last_seen_at,
                "unpaired_at": self.unpaired_at, "change_sets": self.change_sets,
                "this_device": self.this_device}


@dataclass(frozen=True)
class SyncPairing:
    """What `mirror sync pair` did. `code` is set only on the first device (the short code
    to type on the others); it is shown once and never stored."""

    device_id: str
    folder: str
    first_device: bool
    code: str | None
    include_private: bool

    def to_json(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "folder": self.folder,
                "first_device": self.first_device, "code": self.code,
                "include_private": self.include_private}


@dataclass(frozen=True)
class Refusal:
    """A change set that was not applied, and why (one line)."""

    file: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "reason": self.reason}


@dataclass(frozen=True)
class SyncReport:
    """One `mirror sync`: the change set written (if anything changed here), the change
    sets applied from other devices, what they changed, and what was refused."""

    folder: str
    device_id: str
    dry_run: bool
    written: str | None
    sent: dict[str, int]
    applied: tuple[str, ...]
    changes: dict[str, int]
    refused: tuple[Refusal, ...]
    new_devices: tuple[str, ...] = ()
    rederived: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"folder": self.folder, "device_id": self.device_id, "dry_run": self.dry_run,
                "written": self.written, "sent": dict(self.sent), "applied": list(self.applied),
                "changes": dict(self.changes), "refused": [r.to_json() for r in self.refused],
                "new_devices": list(self.new_devices), "rederived": self.rederived}


@dataclass(frozen=True)
class SyncStatus:
    """`mirror sync status`: this device, the folder, the devices, and what waits."""

    paired: bool
    device_id: str | None
    folder: str | None
    include_private: bool
    last_sync_at: str | None
    pending_here: int
    waiting_in_folder: int
    devices: tuple[SyncDevice, ...]

    def to_json(self) -> dict[str, Any]:
        return {"paired": self.paired, "device_id": self.device_id, "folder": self.folder,
                "include_private": self.include_private, "last_sync_at": self.last_sync_at,
                "pending_here": self.pending_here, "waiting_in_folder": self.waiting_in_folder,
                "devices": [d.to_json() for d in self.devices]}

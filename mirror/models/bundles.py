"""Records of bundle and key use cases: exports, checks, imports (bundles and other
journals), the device key and trusted keys. Each `to_json()` is the JSON the CLI prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class BundleExport:
    """A bundle `mirror export` wrote: where, what it holds (`counts`: rows per table), and
    whether it is encrypted and signed. `omitted` names what never leaves this machine."""

    path: str
    bundle_id: str
    created_at: str
    size: int
    encrypted: bool
    signed: bool
    signer_fingerprint: str | None
    schema_version: int
    constitution_version: str
    audit_head: str
    counts: dict[str, int]
    members: tuple[str, ...]
    omitted: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "bundle", "path": self.path, "bundle_id": self.bundle_id,
            "created_at": self.created_at, "size": self.size, "encrypted": self.encrypted,
            "signed": self.signed, "signer_fingerprint": self.signer_fingerprint,
            "schema_version": self.schema_version,
            "constitution_version": self.constitution_version, "audit_head": self.audit_head,
            "counts": dict(self.counts), "members": list(self.members),
            "omitted": list(self.omitted),
        }


@dataclass(frozen=True)
class PlainExport:
    """A Markdown folder or JSON document `mirror export --format` wrote."""

    format: str                   # markdown | json
    path: str
    reflections: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BundleSignature:
    """How a bundle is signed: 'unsigned', 'trusted' or 'untrusted', and by which key."""

    status: str
    fingerprint: str | None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class BundleCheck:
    """A bundle that passed every check (`mirror verify`): what its manifest says, its
    signature, and whether its schema needs migrating here. A bundle that fails a check is
    refused (`BundleRefused`), so a record always means ok."""

    path: str
    bundle_id: str
    created_at: str
    app_version: str
    format_version: int
    schema_version: int
    needs_migration: bool
    encrypted: bool
    signature: BundleSignature
    audit_head: str | None
    constitution_version: str
    constitution_matches_ours: bool
    counts: dict[str, int]
    members: int
    database_bytes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True, "path": self.path, "bundle_id": self.bundle_id,
            "created_at": self.created_at, "app_version": self.app_version,
            "format_version": self.format_version, "schema_version": self.schema_version,
            "needs_migration": self.needs_migration, "encrypted": self.encrypted,
            "signature": self.signature.to_json(), "audit_head": self.audit_head,
            "constitution_version": self.constitution_version,
            "constitution_matches_ours": self.constitution_matches_ours,
            "counts": dict(self.counts), "members": self.members,
            "database_bytes": self.database_bytes, "error": None,
        }


@dataclass(frozen=True)
class BundleImport:
    """A bundle import (or dry run): the bundle's checks, then what changed (`changes`:
    one count per kind of change). `import_id` is None for a dry run."""

    check: BundleCheck
    dry_run: bool
    import_id: str | None
    changes: dict[str, int]
    changed: bool
    rederived: int
    recorded_not_applied: tuple[str, ...]
    #: Reflections left to a detached reader (`mirror analyze --pending` waits for it).
    reading_later: int = 0

    def to_json(self) -> dict[str, Any]:
        return {**self.check.to_json(), "dry_run": self.dry_run, "import_id": self.import_id,
                "changes": dict(self.changes), "changed": self.changed,
                "rederived": self.rederived, "reading_later": self.reading_later,
                "recorded_not_applied": list(self.recorded_not_applied)}


@dataclass(frozen=True)
class ForeignImport:
    """An import of another journal's files (`mirror import --from`): `source` is the tool
    ('jrnl', 'dayone', 'markdown' or 'json'; "from" in JSON), `ids` the first 1,000 new
    reflections; `skipped` what could not be imported ({"where", "reason"}) and `notes`
    what was imported but interpreted ({"where", "note"}: DST gaps and folds, dates from
    file times, removed links) — one report shape for every source."""

    source: str
    path: str
    dry_run: bool
    import_id: str | None
    changes: dict[str, int]
    changed: bool
    ids: tuple[str, ...]
    skipped: tuple[dict[str, str], ...] = ()
    notes: tuple[dict[str, str], ...] = ()
    #: Reflections left to a detached reader (`mirror analyze --pending` waits for it).
    reading_later: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"ok": True, "from": self.source, "path": self.path, "dry_run": self.dry_run,
                "import_id": self.import_id, "changes": dict(self.changes),
                "changed": self.changed, "ids": list(self.ids),
                "skipped": [dict(s) for s in self.skipped], "notes": [dict(n) for n in self.notes],
                "reading_later": self.reading_later}


@dataclass(frozen=True)
class ImportRecord:
    """An earlier import, as this journal recorded it (`details`: the path, the bundle's
    manifest facts, config and constitution, and a summary of the changes)."""

    id: str
    kind: str                     # bundle | jrnl | dayone | markdown | json
    bundle_id: str | None
    imported_at: str
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeviceKey:
    """This device's signing key: the public half, its fingerprint, and the private key's file."""

    public_key: str
    fingerprint: str
    fingerprint_display: str
    path: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TrustedKey:
    """A public key whose signed bundles this journal accepts. `added` is known only right
    after `trust add` (whether the key was new); it is left out of the JSON otherwise."""

    fingerprint: str
    public_key: str
    label: str | None
    added_at: str
    fingerprint_display: str
    added: bool | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.added is None:
            del data["added"]
        return data

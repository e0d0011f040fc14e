"""MANIFEST.json: what a bundle claims to be, built and checked.

The manifest is the bundle's single source of truth: the signature covers exactly its bytes,
and it names every other member with its size and SHA-256, so verifying the signature and
then every hash verifies the whole bundle. Counts per table cannot be checked until the
database inside is open; `check_counts` is the hook the importer calls at that point.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mirror.bundles.jsonio import StrictJSONError, canonical_bytes, schema_errors, strict_loads
from mirror.bundles.limits import MAX_MANIFEST_BYTES
from mirror.clock import utc_iso
from mirror.errors import BundleRefused

MANIFEST_NAME = "MANIFEST.json"
SIGNATURE_NAME = "MANIFEST.sig"
FORMAT_NAME = "mirror-bundle"
#: Bumped when a Mirror would misread an older/newer bundle; readers refuse newer versions.
#: 2: mirror.db no longer carries the full-text index (rebuilt by the importing journal).
FORMAT_VERSION = 2
#: The first format whose database snapshot leaves the full-text index out.
NO_FTS_FROM = 2
SCHEMA_FILE = "manifest.schema.json"


@dataclass(frozen=True)
class MemberDigest:
    """One member as the manifest lists it."""

    path: str
    sha256: str
    size: int

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}


@dataclass(frozen=True)
class BundleInfo:
    """What the exporter knows about the snapshot it is bundling (everything in the
    manifest except the member digests, which the container computes while writing)."""

    schema_version: int
    app_version: str
    bundle_id: str
    created_at: datetime
    counts: Mapping[str, int]
    audit_head: str | None
    constitution_version: str
    #: Declare that this bundle will be age-encrypted (informational, see the schema).
    encrypted: bool = False


def build_manifest(info: BundleInfo, members: Sequence[MemberDigest], archive_sha256: str,
                   signer_fingerprint: str | None = None) -> dict[str, Any]:
    """The manifest document, validated: Mirror never writes a manifest it would refuse."""
    manifest: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema_version": info.schema_version,
        "app_version": info.app_version,
        "bundle_id": info.bundle_id,
        "created_at": utc_iso(info.created_at),
        "counts": dict(info.counts),
        "audit_head": info.audit_head,
        "constitution_version": info.constitution_version,
        "members": [member.as_json() for member in members],
        "archive_sha256": archive_sha256,
    }
    if signer_fingerprint is not None:
        manifest["signing"] = {"algorithm": "ed25519", "public_key_fingerprint": signer_fingerprint}
    if info.encrypted:
        manifest["encryption"] = {"format": "age", "recipient": "scrypt"}
    validate_manifest(manifest, label=MANIFEST_NAME)
    return manifest


def manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    """The exact bytes written to MANIFEST.json, and signed."""
    return canonical_bytes(manifest)


def validate_manifest(manifest: Any, label: str = MANIFEST_NAME) -> None:
    """Schema plus the rules a schema cannot say: known format version, unique paths."""
    if isinstance(manifest, dict) and isinstance(manifest.get("format_version"), int) \
            and manifest["format_version"] > FORMAT_VERSION:
        raise BundleRefused(f"{label}: bundle format version {manifest['format_version']} is "
                            f"newer than this Mirror reads ({FORMAT_VERSION}); upgrade Mirror")
    errors = schema_errors(SCHEMA_FILE, manifest)
    if errors:
        raise BundleRefused(f"{label}: invalid manifest {errors[0]}")
    paths = [member["path"] for member in manifest["members"]]
    if len(set(paths)) != len(paths):
        raise BundleRefused(f"{label}: the manifest lists a member twice")
    if {MANIFEST_NAME, SIGNATURE_NAME} & set(paths):
        raise BundleRefused(f"{label}: the manifest lists itself or its signature as a member")


def parse_manifest(data: bytes, label: str = MANIFEST_NAME) -> dict[str, Any]:
    """Bytes from a bundle to a validated manifest, or `BundleRefused`."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise BundleRefused(f"{label}: manifest larger than {MAX_MANIFEST_BYTES} bytes")
    try:
        manifest = strict_loads(data)
    except StrictJSONError as err:
        raise BundleRefused(f"{label}: manifest is not valid JSON: {err}") from None
    validate_manifest(manifest, label)
    if manifest_bytes(manifest) != data:
        raise BundleRefused(f"{label}: manifest is not in Mirror's canonical form (altered)")
    return manifest


def carries_fts(manifest: Mapping[str, Any]) -> bool:
    """Whether the bundle's mirror.db holds the full-text index (format 1 bundles do)."""
    return int(manifest["format_version"]) < NO_FTS_FROM


def check_counts(manifest: Mapping[str, Any], actual: Mapping[str, int],
                 label: str = MANIFEST_NAME) -> None:
    """The hook for "a manifest that lies": after opening the bundled database, the importer
    passes its real row counts; any table whose count differs (or is missing on either
    side) refuses the bundle."""
    claimed = manifest["counts"]
    for table in sorted(set(claimed) | set(actual)):
        if claimed.get(table) != actual.get(table):
            raise BundleRefused(
                f"{label}: the manifest says {claimed.get(table, 'no')} rows in {table!r}, "
                f"the database holds {actual.get(table, 'no such table')}"
            )

"""MANIFEST.json: the schema itself, what Mirror builds, and what it refuses to read."""

from __future__ import annotations

import json

import pytest

from mirror.bundles.jsonio import load_schema
from mirror.bundles.manifest import MemberDigest, build_manifest, manifest_bytes, parse_manifest, validate_manifest
from mirror.errors import BundleRefused
from tests.bundles.kit import INFO

HASH = "0" * 64


def manifest() -> dict:
    return build_manifest(INFO, [MemberDigest("mirror.db", "a" * 64, 10)], HASH)


def test_schemas_are_valid_draft_2020_12() -> None:
    import jsonschema

    for name in ("manifest.schema.json", "export.schema.json"):
        schema = load_schema(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_built_manifest_round_trips_through_its_bytes() -> None:
    built = manifest()
    assert parse_manifest(manifest_bytes(built)) == built
    assert built["created_at"] == "2026-03-14T09:30:00.000000Z"
    assert built["counts"] == {"reflections": 2, "tags": 1}


@pytest.mark.parametrize("path, value, problem", [
    (("bundle_id",), "not-a-uuid", "bundle_id"),
    (("created_at",), "2026-03-14T09:30:00+01:00", "created_at"),
    (("counts", "reflections"), -1, "counts/reflections"),
    (("counts", "Bad-Name"), 1, "counts"),
    (("audit_head",), "A" * 64, "audit_head"),
    (("members", 0, "sha256"), "xyz", "members/0/sha256"),
    (("members", 0, "extra"), 1, "members/0"),
    (("schema_version",), "3", "schema_version"),
    (("archive_sha256",), None, "archive_sha256"),
    (("signing",), {"algorithm": "rsa", "public_key_fingerprint": HASH}, "signing"),
])
def test_schema_violations_are_refused_naming_the_field(path: tuple, value, problem: str) -> None:
    document = manifest()
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(BundleRefused, match="invalid manifest at " + problem):
        validate_manifest(document)


def test_non_canonical_or_oversized_manifest_bytes_are_refused() -> None:
    built = manifest()
    with pytest.raises(BundleRefused, match="canonical form"):
        parse_manifest(json.dumps(built).encode())
    with pytest.raises(BundleRefused, match="larger than"):
        parse_manifest(b" " * (1024 * 1024 + 1))
    with pytest.raises(BundleRefused, match="not valid JSON"):
        parse_manifest(b'{"format": NaN}')
    with pytest.raises(BundleRefused, match="not valid JSON: not UTF-8"):
        parse_manifest(b'{"format": "\xff"}')

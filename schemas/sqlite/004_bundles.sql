-- Bundles: which signing keys this journal trusts, and a record of every import.

-- Public Ed25519 keys whose signed bundles this journal accepts (the importer's policy,
-- never the bundle's: a bundle's own copy of this table is neither exported nor imported).
CREATE TABLE trusted_keys (
    fingerprint  TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
    public_key   TEXT NOT NULL CHECK (length(public_key) = 44),
    label        TEXT,
    added_at     TEXT NOT NULL
);

-- One row per import (bundle or foreign journal): what came in, recorded, never applied
-- (the bundle's config.json and constitution version live in `details`).
CREATE TABLE bundle_imports (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('bundle', 'jrnl', 'dayone', 'markdown')),
    bundle_id    TEXT,
    imported_at  TEXT NOT NULL,
    details      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);

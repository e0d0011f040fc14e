-- Mirror's own JSON export, read back with `mirror import --from json`, is recorded as
-- what it is (kind 'json') instead of 'bundle'. SQLite cannot change a CHECK constraint in
-- place, so the import ledger is rebuilt with the same columns and rows. Nothing refers to
-- it, and it is a device table (never carried in a bundle), so older bundles still import:
-- their staged copy is migrated through this file like any journal.

CREATE TABLE bundle_imports_011 (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('bundle', 'jrnl', 'dayone', 'markdown', 'json')),
    bundle_id    TEXT,
    imported_at  TEXT NOT NULL,
    details      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);

INSERT INTO bundle_imports_011 (id, kind, bundle_id, imported_at, details)
    SELECT id, kind, bundle_id, imported_at, details FROM bundle_imports;

DROP TABLE bundle_imports;

ALTER TABLE bundle_imports_011 RENAME TO bundle_imports;

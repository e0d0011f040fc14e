-- The reflection engine's own records: which constitution is in force, and care markers.

CREATE TABLE constitution_versions (
    version         TEXT PRIMARY KEY,
    genesis_sha256  TEXT NOT NULL CHECK (length(genesis_sha256) = 64),
    adopted_at      TEXT NOT NULL,
    how             TEXT NOT NULL CHECK (how IN ('installed', 'approved_amendment'))
);

-- Derived, never exported: re-derived from the text after an import.
CREATE TABLE care_markers (
    reflection_id  TEXT PRIMARY KEY REFERENCES reflections(id) ON DELETE CASCADE,
    signals        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(signals)),
    detected_at    TEXT NOT NULL
);

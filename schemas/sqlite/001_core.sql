-- Mirror OS core schema. Never edit this file once released: add a new numbered migration.
-- Timestamps are UTC ISO-8601 text ending in 'Z'; the writer's IANA zone is kept beside them.

CREATE TABLE identities (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at  TEXT NOT NULL
);

CREATE TABLE reflections (
    seq          INTEGER PRIMARY KEY,          -- stable rowid for the full-text index
    id           TEXT NOT NULL UNIQUE,
    identity_id  TEXT NOT NULL REFERENCES identities(id),
    content      TEXT NOT NULL CHECK (length(trim(content)) > 0),
    content_type TEXT NOT NULL DEFAULT 'text/plain'
                 CHECK (content_type IN ('text/plain', 'text/markdown')),
    visibility   TEXT NOT NULL DEFAULT 'local_only'
                 CHECK (visibility IN ('local_only', 'sync_summary', 'sync_full_public')),
    private      INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    source       TEXT NOT NULL DEFAULT 'cli',
    created_at   TEXT NOT NULL,
    created_tz   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    starred      INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    metadata     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
);
CREATE INDEX reflections_created ON reflections(created_at, seq);
CREATE INDEX reflections_identity ON reflections(identity_id);
CREATE INDEX reflections_starred ON reflections(starred, created_at) WHERE starred = 1;

CREATE TABLE reflection_revisions (
    id             TEXT PRIMARY KEY,
    reflection_id  TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
    revision       INTEGER NOT NULL CHECK (revision >= 1),
    content        TEXT NOT NULL,
    revised_at     TEXT NOT NULL,              -- when this text was replaced
    UNIQUE (reflection_id, revision)
);

CREATE TABLE tombstones (
    id          TEXT PRIMARY KEY,              -- the deleted reflection's ID, nothing else
    deleted_at  TEXT NOT NULL
);

CREATE TABLE tags (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0)
);

CREATE TABLE reflection_tags (
    reflection_id  TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
    tag_id         INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (reflection_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX reflection_tags_tag ON reflection_tags(tag_id, reflection_id);

CREATE TABLE threads (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL UNIQUE CHECK (length(trim(title)) > 0),
    created_at   TEXT NOT NULL,
    archived_at  TEXT
);

CREATE TABLE thread_members (
    thread_id      TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    reflection_id  TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
    added_at       TEXT NOT NULL,
    PRIMARY KEY (thread_id, reflection_id)
) WITHOUT ROWID;
CREATE INDEX thread_members_reflection ON thread_members(reflection_id);

CREATE TABLE tensions (
    id          TEXT PRIMARY KEY,
    axis_a      TEXT NOT NULL CHECK (length(trim(axis_a)) > 0),
    axis_b      TEXT NOT NULL CHECK (length(trim(axis_b)) > 0),
    origin      TEXT NOT NULL CHECK (origin IN ('system_seed', 'llm_suggested', 'user_created')),
    created_at  TEXT NOT NULL,
    UNIQUE (axis_a, axis_b)
);

CREATE TABLE tension_observations (
    id             TEXT PRIMARY KEY,
    tension_id     TEXT NOT NULL REFERENCES tensions(id) ON DELETE CASCADE,
    reflection_id  TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
    position       REAL NOT NULL CHECK (position BETWEEN -1.0 AND 1.0),
    intensity      REAL NOT NULL CHECK (intensity BETWEEN 0.0 AND 1.0),
    evidence       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
    observed_at    TEXT NOT NULL
);
CREATE INDEX tension_observations_tension ON tension_observations(tension_id, observed_at);
CREATE INDEX tension_observations_reflection ON tension_observations(reflection_id);

CREATE TABLE mirrorbacks (
    id                    TEXT PRIMARY KEY,
    reflection_id         TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
    content               TEXT NOT NULL,
    engine                TEXT NOT NULL,
    engine_version        TEXT NOT NULL,
    model                 TEXT,
    constitution_version  TEXT,
    prompt_version        TEXT,
    answered_text_sha256  TEXT NOT NULL,       -- which text of the reflection this answers
    verdict               TEXT NOT NULL CHECK (verdict IN ('passed', 'failed', 'care')),
    flags                 TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
    created_at            TEXT NOT NULL
);
CREATE INDEX mirrorbacks_reflection ON mirrorbacks(reflection_id, created_at);

CREATE TABLE reflection_patterns (
    id             TEXT PRIMARY KEY,
    reflection_id  TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
    pattern        TEXT NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
    detected_at    TEXT NOT NULL
);
CREATE INDEX reflection_patterns_reflection ON reflection_patterns(reflection_id);
CREATE INDEX reflection_patterns_pattern ON reflection_patterns(pattern, detected_at);

CREATE TABLE engine_runs (
    id             TEXT PRIMARY KEY,
    reflection_id  TEXT REFERENCES reflections(id) ON DELETE CASCADE,
    engine         TEXT NOT NULL,
    final_source   TEXT,
    started_at     TEXT NOT NULL,
    duration_ms    REAL NOT NULL CHECK (duration_ms >= 0),
    patterns       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(patterns)),
    flags          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
    tokens_in      INTEGER NOT NULL DEFAULT 0 CHECK (tokens_in >= 0),
    tokens_out     INTEGER NOT NULL DEFAULT 0 CHECK (tokens_out >= 0),
    status         TEXT NOT NULL CHECK (status IN ('ok', 'fallback', 'care', 'error')),
    route_reason   TEXT,
    attempts       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attempts))
);
CREATE INDEX engine_runs_reflection ON engine_runs(reflection_id);
CREATE INDEX engine_runs_started ON engine_runs(started_at);

CREATE TABLE engine_feedback (
    id             TEXT PRIMARY KEY,
    mirrorback_id  TEXT NOT NULL REFERENCES mirrorbacks(id) ON DELETE CASCADE,
    rating         INTEGER CHECK (rating BETWEEN 1 AND 5),
    flags          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
    note           TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX engine_feedback_mirrorback ON engine_feedback(mirrorback_id);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL CHECK (json_valid(value)),
    updated_at  TEXT NOT NULL
);

CREATE TABLE integrations (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    config      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
    created_at  TEXT NOT NULL
);

-- Append-only hash chain: each entry's hash covers the previous hash and its own fields.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT,
    details    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Full-text index over reflections, kept in sync by triggers (external content).
CREATE VIRTUAL TABLE reflections_fts USING fts5(
    content,
    content = 'reflections',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reflections_fts_insert AFTER INSERT ON reflections BEGIN
    INSERT INTO reflections_fts(rowid, content) VALUES (new.seq, new.content);
END;
CREATE TRIGGER reflections_fts_delete AFTER DELETE ON reflections BEGIN
    INSERT INTO reflections_fts(reflections_fts, rowid, content) VALUES ('delete', old.seq, old.content);
END;
CREATE TRIGGER reflections_fts_update AFTER UPDATE OF content ON reflections BEGIN
    INSERT INTO reflections_fts(reflections_fts, rowid, content) VALUES ('delete', old.seq, old.content);
    INSERT INTO reflections_fts(rowid, content) VALUES (new.seq, new.content);
END;

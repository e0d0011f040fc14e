-- Evolution by approval (DESIGN §7, constitution/04-consent-and-evolution.md): the engine
-- profile Mirror answers with, versioned in the journal (never the package files), and the
-- proposals the person approves or rejects, with their history.

-- Every profile ever in force, kept whole: a rollback puts an earlier `body` back exactly,
-- byte for byte. Version 1 is the empty profile: the engine as shipped.
CREATE TABLE engine_profiles (
    version      INTEGER PRIMARY KEY CHECK (version >= 1),
    body         TEXT NOT NULL CHECK (json_valid(body)),
    created_at   TEXT NOT NULL,
    proposal_id  TEXT,
    reason       TEXT NOT NULL
);
INSERT INTO engine_profiles (version, body, created_at, proposal_id, reason)
    VALUES (1, '{}', :applied_at, NULL, 'the engine as shipped');

-- The one profile in force (a single row).
CREATE TABLE engine_profile_in_force (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL REFERENCES engine_profiles(version),
    since    TEXT NOT NULL
);
INSERT INTO engine_profile_in_force (id, version, since) VALUES (1, 1, :applied_at);

-- A typed change with its evidence (counts and run IDs, never reflection text), its
-- predicted effect and the invariant checker's verdict.
CREATE TABLE evolution_proposals (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('prompt_adjustment', 'lexicon_overlay',
                        'check_threshold', 'tension_axis', 'care_exclusion',
                        'constitution_amendment')),
    title           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'rejected',
                        'applied', 'rolled_back')),
    change          TEXT NOT NULL CHECK (json_valid(change)),
    evidence        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(evidence)),
    prediction      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(prediction)),
    verdict         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(verdict)),
    origin          TEXT NOT NULL DEFAULT 'critic' CHECK (origin IN ('critic', 'import')),
    fingerprint     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    applied_at      TEXT,
    profile_before  INTEGER REFERENCES engine_profiles(version),
    profile_after   INTEGER REFERENCES engine_profiles(version)
);
CREATE INDEX evolution_proposals_status ON evolution_proposals(status, created_at);
CREATE INDEX evolution_proposals_fingerprint ON evolution_proposals(fingerprint);

-- Every step of a proposal's life (the audit chain holds the same steps).
CREATE TABLE evolution_history (
    seq          INTEGER PRIMARY KEY,
    proposal_id  TEXT NOT NULL REFERENCES evolution_proposals(id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evolution_history_proposal ON evolution_history(proposal_id, seq);

-- Which profile answered: set on every run as it is recorded.
ALTER TABLE engine_runs ADD COLUMN profile_version INTEGER;

-- Constitution 1.1.0: care in two tiers, with the evidence that led to it, and the
-- person's own word on a false alarm (constitution/07-care-in-crisis.md).

-- A care marker is now 'care' (the care response instead of a mirrorback) or 'gentle'
-- (the mirrorback plus one line that help exists); `signals` holds each category with the
-- words that raised it; `source` says whether the detector or a model's care sentinel
-- raised it. Still derived, never exported.
ALTER TABLE care_markers ADD COLUMN tier TEXT NOT NULL DEFAULT 'care'
    CHECK (tier IN ('care', 'gentle'));
ALTER TABLE care_markers ADD COLUMN score REAL NOT NULL DEFAULT 1.0;
ALTER TABLE care_markers ADD COLUMN source TEXT NOT NULL DEFAULT 'detector'
    CHECK (source IN ('detector', 'model'));
ALTER TABLE care_markers ADD COLUMN language TEXT;

-- A false alarm the person cleared on one reflection. It holds only while the text is
-- the one they saw (`reflection_updated_at`); it never affects any other reflection.
CREATE TABLE care_dismissals (
    reflection_id          TEXT PRIMARY KEY REFERENCES reflections(id) ON DELETE CASCADE,
    reflection_updated_at  TEXT NOT NULL,
    dismissed_at           TEXT NOT NULL
);

-- Amendments that arrived with Mirror itself, recorded when the journal adopts them
-- (:applied_at is the migration's own time, from the journal's clock).
CREATE TABLE constitution_amendments (
    version     TEXT PRIMARY KEY,
    summary     TEXT NOT NULL,
    adopted_at  TEXT NOT NULL,
    migration   INTEGER NOT NULL
);
INSERT INTO constitution_amendments (version, summary, adopted_at, migration) VALUES (
    '1.1.0',
    'Care in two tiers: clear crisis signals get the care response, ambiguous ones the mirrorback plus one line that help exists; detection by lemmatised rules with weighted evidence in 17 languages; a model may answer with the care sentinel; a person can dismiss a false alarm.',
    :applied_at,
    5
);

-- What the care detector read in each reflection's text, kept so it is not read again.
--
-- The care detector is three quarters of analysing a reflection (~1.1 ms of ~1.5), and its
-- verdict depends only on the text and on the detector itself (its rules, forms, model and
-- code). The engine profile a person approves is applied afterwards and changes patterns,
-- tensions and gentle-tier exclusions, not what the detector read. So `mirror analyze
-- --all` after a profile change, a repair or an interrupted run reuses each reading whose
-- detector key and text digest still match, and reads again only what changed.
--
-- `finding` is the detector's own verdict before the profile (NULL: nothing to look after),
-- as exact JSON; `detector` is `mirror.engine.care.readings.detector_key()` when it was read;
-- `text_digest` the BLAKE2b digest of the text it read. Derived data about the person's own
-- words: it goes when the reflection goes and never enters a bundle.

CREATE TABLE care_readings (
    reflection_id  TEXT PRIMARY KEY REFERENCES reflections(id) ON DELETE CASCADE,
    detector       TEXT NOT NULL,
    text_digest    TEXT NOT NULL,
    finding        TEXT
) WITHOUT ROWID;

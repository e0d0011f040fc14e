-- Domains the schema enforces on every new write, so no import, tool or bug can store a
-- value Mirror cannot read back (issue 12: one reflection dated '2026-13-45' made `list`
-- and `show` fail for good). SQLite cannot add CHECK constraints to an existing table
-- without rebuilding it, so they are triggers that abort the write, with the field named.
-- Rows already in a journal are kept as they are (nothing is lost by migrating): reading
-- shows such a row as damaged instead of failing.
--
-- A timestamp is UTC ISO-8601 as Mirror writes it: YYYY-MM-DDTHH:MM:SS[.f{1,6}]Z, a real
-- calendar day (date() normalises 30 February to 2 March, so the round trip catches it).
-- An ID is a canonical lower-case UUID. A zone is an IANA-shaped name.

CREATE TRIGGER reflections_domain_insert BEFORE INSERT ON reflections
BEGIN
    SELECT RAISE(ABORT, 'reflections.id is not a canonical UUID') WHERE coalesce(NOT (NEW.id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'), 1);
    SELECT RAISE(ABORT, 'reflections.created_at is not a valid UTC time') WHERE coalesce(NOT (NEW.created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.created_at, 1, 10), '+0 days') IS substr(NEW.created_at, 1, 10) AND substr(NEW.created_at, 12, 2) < '24' AND substr(NEW.created_at, 15, 2) < '60' AND substr(NEW.created_at, 18, 2) < '60' AND (length(NEW.created_at) = 20 OR (substr(NEW.created_at, 20, 1) = '.' AND length(NEW.created_at) BETWEEN 22 AND 27 AND substr(NEW.created_at, 21, length(NEW.created_at) - 21) NOT GLOB '*[^0-9]*'))), 1);
    SELECT RAISE(ABORT, 'reflections.updated_at is not a valid UTC time') WHERE coalesce(NOT (NEW.updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.updated_at, 1, 10), '+0 days') IS substr(NEW.updated_at, 1, 10) AND substr(NEW.updated_at, 12, 2) < '24' AND substr(NEW.updated_at, 15, 2) < '60' AND substr(NEW.updated_at, 18, 2) < '60' AND (length(NEW.updated_at) = 20 OR (substr(NEW.updated_at, 20, 1) = '.' AND length(NEW.updated_at) BETWEEN 22 AND 27 AND substr(NEW.updated_at, 21, length(NEW.updated_at) - 21) NOT GLOB '*[^0-9]*'))), 1);
    SELECT RAISE(ABORT, 'reflections.created_tz is not a time zone name') WHERE coalesce(NOT (typeof(NEW.created_tz) = 'text' AND length(NEW.created_tz) BETWEEN 1 AND 64 AND NEW.created_tz NOT GLOB '*[^A-Za-z0-9_+/-]*'), 1);
    SELECT RAISE(ABORT, 'reflections.content is not text') WHERE coalesce(NOT (typeof(NEW.content) = 'text'), 1);
END;

CREATE TRIGGER reflections_domain_update BEFORE UPDATE OF id, created_at, updated_at, created_tz, content ON reflections
BEGIN
    SELECT RAISE(ABORT, 'reflections.id is not a canonical UUID') WHERE coalesce(NOT (NEW.id IS OLD.id OR (NEW.id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')), 1);
    SELECT RAISE(ABORT, 'reflections.created_at is not a valid UTC time') WHERE coalesce(NOT (NEW.created_at IS OLD.created_at OR (NEW.created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.created_at, 1, 10), '+0 days') IS substr(NEW.created_at, 1, 10) AND substr(NEW.created_at, 12, 2) < '24' AND substr(NEW.created_at, 15, 2) < '60' AND substr(NEW.created_at, 18, 2) < '60' AND (length(NEW.created_at) = 20 OR (substr(NEW.created_at, 20, 1) = '.' AND length(NEW.created_at) BETWEEN 22 AND 27 AND substr(NEW.created_at, 21, length(NEW.created_at) - 21) NOT GLOB '*[^0-9]*')))), 1);
    SELECT RAISE(ABORT, 'reflections.updated_at is not a valid UTC time') WHERE coalesce(NOT (NEW.updated_at IS OLD.updated_at OR (NEW.updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.updated_at, 1, 10), '+0 days') IS substr(NEW.updated_at, 1, 10) AND substr(NEW.updated_at, 12, 2) < '24' AND substr(NEW.updated_at, 15, 2) < '60' AND substr(NEW.updated_at, 18, 2) < '60' AND (length(NEW.updated_at) = 20 OR (substr(NEW.updated_at, 20, 1) = '.' AND length(NEW.updated_at) BETWEEN 22 AND 27 AND substr(NEW.updated_at, 21, length(NEW.updated_at) - 21) NOT GLOB '*[^0-9]*')))), 1);
    SELECT RAISE(ABORT, 'reflections.created_tz is not a time zone name') WHERE coalesce(NOT (NEW.created_tz IS OLD.created_tz OR (typeof(NEW.created_tz) = 'text' AND length(NEW.created_tz) BETWEEN 1 AND 64 AND NEW.created_tz NOT GLOB '*[^A-Za-z0-9_+/-]*')), 1);
    SELECT RAISE(ABORT, 'reflections.content is not text') WHERE coalesce(NOT (typeof(NEW.content) = 'text'), 1);
END;

CREATE TRIGGER reflection_revisions_domain_insert BEFORE INSERT ON reflection_revisions
BEGIN
    SELECT RAISE(ABORT, 'reflection_revisions.revised_at is not a valid UTC time') WHERE coalesce(NOT (NEW.revised_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.revised_at, 1, 10), '+0 days') IS substr(NEW.revised_at, 1, 10) AND substr(NEW.revised_at, 12, 2) < '24' AND substr(NEW.revised_at, 15, 2) < '60' AND substr(NEW.revised_at, 18, 2) < '60' AND (length(NEW.revised_at) = 20 OR (substr(NEW.revised_at, 20, 1) = '.' AND length(NEW.revised_at) BETWEEN 22 AND 27 AND substr(NEW.revised_at, 21, length(NEW.revised_at) - 21) NOT GLOB '*[^0-9]*'))), 1);
    SELECT RAISE(ABORT, 'reflection_revisions.content is not text') WHERE coalesce(NOT (typeof(NEW.content) = 'text'), 1);
END;

CREATE TRIGGER tombstones_domain_insert BEFORE INSERT ON tombstones
BEGIN
    SELECT RAISE(ABORT, 'tombstones.id is not a canonical UUID') WHERE coalesce(NOT (NEW.id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'), 1);
    SELECT RAISE(ABORT, 'tombstones.deleted_at is not a valid UTC time') WHERE coalesce(NOT (NEW.deleted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.deleted_at, 1, 10), '+0 days') IS substr(NEW.deleted_at, 1, 10) AND substr(NEW.deleted_at, 12, 2) < '24' AND substr(NEW.deleted_at, 15, 2) < '60' AND substr(NEW.deleted_at, 18, 2) < '60' AND (length(NEW.deleted_at) = 20 OR (substr(NEW.deleted_at, 20, 1) = '.' AND length(NEW.deleted_at) BETWEEN 22 AND 27 AND substr(NEW.deleted_at, 21, length(NEW.deleted_at) - 21) NOT GLOB '*[^0-9]*'))), 1);
END;

CREATE TRIGGER mirrorbacks_domain_insert BEFORE INSERT ON mirrorbacks
BEGIN
    SELECT RAISE(ABORT, 'mirrorbacks.created_at is not a valid UTC time') WHERE coalesce(NOT (NEW.created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.created_at, 1, 10), '+0 days') IS substr(NEW.created_at, 1, 10) AND substr(NEW.created_at, 12, 2) < '24' AND substr(NEW.created_at, 15, 2) < '60' AND substr(NEW.created_at, 18, 2) < '60' AND (length(NEW.created_at) = 20 OR (substr(NEW.created_at, 20, 1) = '.' AND length(NEW.created_at) BETWEEN 22 AND 27 AND substr(NEW.created_at, 21, length(NEW.created_at) - 21) NOT GLOB '*[^0-9]*'))), 1);
    SELECT RAISE(ABORT, 'mirrorbacks.content is not text') WHERE coalesce(NOT (typeof(NEW.content) = 'text'), 1);
END;

CREATE TRIGGER threads_domain_insert BEFORE INSERT ON threads
BEGIN
    SELECT RAISE(ABORT, 'threads.created_at is not a valid UTC time') WHERE coalesce(NOT (NEW.created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.created_at, 1, 10), '+0 days') IS substr(NEW.created_at, 1, 10) AND substr(NEW.created_at, 12, 2) < '24' AND substr(NEW.created_at, 15, 2) < '60' AND substr(NEW.created_at, 18, 2) < '60' AND (length(NEW.created_at) = 20 OR (substr(NEW.created_at, 20, 1) = '.' AND length(NEW.created_at) BETWEEN 22 AND 27 AND substr(NEW.created_at, 21, length(NEW.created_at) - 21) NOT GLOB '*[^0-9]*'))), 1);
    SELECT RAISE(ABORT, 'threads.archived_at is not a valid UTC time') WHERE coalesce(NOT (NEW.archived_at IS NULL OR (NEW.archived_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND date(substr(NEW.archived_at, 1, 10), '+0 days') IS substr(NEW.archived_at, 1, 10) AND substr(NEW.archived_at, 12, 2) < '24' AND substr(NEW.archived_at, 15, 2) < '60' AND substr(NEW.archived_at, 18, 2) < '60' AND (length(NEW.archived_at) = 20 OR (substr(NEW.archived_at, 20, 1) = '.' AND length(NEW.archived_at) BETWEEN 22 AND 27 AND substr(NEW.archived_at, 21, length(NEW.archived_at) - 21) NOT GLOB '*[^0-9]*')))), 1);
END;

-- Counts that `mirror stats` and `mirror patterns` read instead of scanning every reflection
-- (issue 13: both grew 3.3-3.6x from 1k to 100k reflections). They are kept by triggers, so
-- every write path (create, edit, redate, delete, bundle merge, foreign import, derive,
-- salvage) updates them in the same transaction as the rows they count, and no path can
-- forget. Derived data: `mirror analyze --all` rebuilds them from the rows.
--
-- A day is the first ten characters of the reflection's created_at (UTC), the same key the
-- whole-table aggregates group by, so months, years and ISO weeks are sums of days.

CREATE TABLE reflection_counts_by_day (
    day          TEXT PRIMARY KEY,
    reflections  INTEGER NOT NULL,
    starred      INTEGER NOT NULL,
    private      INTEGER NOT NULL,
    characters   INTEGER NOT NULL
) WITHOUT ROWID;

-- How many reflections written that day show each pattern (one row per reflection_patterns
-- row whose reflection exists, as `mirror patterns` counts them).
CREATE TABLE pattern_counts_by_day (
    day          TEXT NOT NULL,
    pattern      TEXT NOT NULL,
    reflections  INTEGER NOT NULL,
    PRIMARY KEY (day, pattern)
) WITHOUT ROWID;

-- -- reflections ----------------------------------------------------------------------------

CREATE TRIGGER reflection_counts_insert AFTER INSERT ON reflections
BEGIN
    INSERT INTO reflection_counts_by_day (day, reflections, starred, private, characters)
    VALUES (substr(NEW.created_at, 1, 10), 1, NEW.starred, NEW.private, length(NEW.content))
    ON CONFLICT (day) DO UPDATE SET reflections = reflections + 1,
        starred = starred + excluded.starred, private = private + excluded.private,
        characters = characters + excluded.characters;
    INSERT INTO pattern_counts_by_day (day, pattern, reflections)
    SELECT substr(NEW.created_at, 1, 10), pattern, count(*) FROM reflection_patterns
    WHERE reflection_id = NEW.id GROUP BY pattern
    ON CONFLICT (day, pattern) DO UPDATE SET reflections = reflections + excluded.reflections;
END;

CREATE TRIGGER reflection_counts_update
AFTER UPDATE OF created_at, starred, private, content ON reflections
BEGIN
    UPDATE reflection_counts_by_day SET reflections = reflections - 1,
        starred = starred - OLD.starred, private = private - OLD.private,
        characters = characters - length(OLD.content)
    WHERE day = substr(OLD.created_at, 1, 10);
    INSERT INTO reflection_counts_by_day (day, reflections, starred, private, characters)
    VALUES (substr(NEW.created_at, 1, 10), 1, NEW.starred, NEW.private, length(NEW.content))
    ON CONFLICT (day) DO UPDATE SET reflections = reflections + 1,
        starred = starred + excluded.starred, private = private + excluded.private,
        characters = characters + excluded.characters;
    DELETE FROM reflection_counts_by_day
    WHERE day = substr(OLD.created_at, 1, 10) AND reflections = 0;
END;

-- A redated reflection takes its patterns to its new day.
CREATE TRIGGER reflection_pattern_counts_redate AFTER UPDATE OF created_at ON reflections
WHEN substr(OLD.created_at, 1, 10) IS NOT substr(NEW.created_at, 1, 10)
BEGIN
    UPDATE pattern_counts_by_day SET reflections = reflections - (
        SELECT count(*) FROM reflection_patterns p
        WHERE p.reflection_id = NEW.id AND p.pattern = pattern_counts_by_day.pattern)
    WHERE day = substr(OLD.created_at, 1, 10);
    DELETE FROM pattern_counts_by_day WHERE day = substr(OLD.created_at, 1, 10) AND reflections = 0;
    INSERT INTO pattern_counts_by_day (day, pattern, reflections)
    SELECT substr(NEW.created_at, 1, 10), pattern, count(*) FROM reflection_patterns
    WHERE reflection_id = NEW.id GROUP BY pattern
    ON CONFLICT (day, pattern) DO UPDATE SET reflections = reflections + excluded.reflections;
END;

CREATE TRIGGER reflection_counts_delete AFTER DELETE ON reflections
BEGIN
    UPDATE reflection_counts_by_day SET reflections = reflections - 1,
        starred = starred - OLD.starred, private = private - OLD.private,
        characters = characters - length(OLD.content)
    WHERE day = substr(OLD.created_at, 1, 10);
    DELETE FROM reflection_counts_by_day
    WHERE day = substr(OLD.created_at, 1, 10) AND reflections = 0;
END;

-- BEFORE: the reflection's patterns still exist here. Its patterns deleted afterwards (by
-- the foreign key's cascade) no longer find their reflection, so they are not counted twice.
CREATE TRIGGER reflection_pattern_counts_delete BEFORE DELETE ON reflections
BEGIN
    UPDATE pattern_counts_by_day SET reflections = reflections - (
        SELECT count(*) FROM reflection_patterns p
        WHERE p.reflection_id = OLD.id AND p.pattern = pattern_counts_by_day.pattern)
    WHERE day = substr(OLD.created_at, 1, 10);
    DELETE FROM pattern_counts_by_day WHERE day = substr(OLD.created_at, 1, 10) AND reflections = 0;
END;

-- -- patterns -------------------------------------------------------------------------------

CREATE TRIGGER pattern_counts_insert AFTER INSERT ON reflection_patterns
BEGIN
    INSERT INTO pattern_counts_by_day (day, pattern, reflections)
    SELECT substr(r.created_at, 1, 10), NEW.pattern, 1 FROM reflections r
    WHERE r.id = NEW.reflection_id
    ON CONFLICT (day, pattern) DO UPDATE SET reflections = reflections + 1;
END;

CREATE TRIGGER pattern_counts_delete AFTER DELETE ON reflection_patterns
BEGIN
    UPDATE pattern_counts_by_day SET reflections = reflections - 1
    WHERE pattern = OLD.pattern
      AND day = (SELECT substr(created_at, 1, 10) FROM reflections WHERE id = OLD.reflection_id);
    DELETE FROM pattern_counts_by_day WHERE pattern = OLD.pattern AND reflections = 0
      AND day = (SELECT substr(created_at, 1, 10) FROM reflections WHERE id = OLD.reflection_id);
END;

CREATE TRIGGER pattern_counts_update AFTER UPDATE OF reflection_id, pattern ON reflection_patterns
BEGIN
    UPDATE pattern_counts_by_day SET reflections = reflections - 1
    WHERE pattern = OLD.pattern
      AND day = (SELECT substr(created_at, 1, 10) FROM reflections WHERE id = OLD.reflection_id);
    DELETE FROM pattern_counts_by_day WHERE pattern = OLD.pattern AND reflections = 0
      AND day = (SELECT substr(created_at, 1, 10) FROM reflections WHERE id = OLD.reflection_id);
    INSERT INTO pattern_counts_by_day (day, pattern, reflections)
    SELECT substr(r.created_at, 1, 10), NEW.pattern, 1 FROM reflections r
    WHERE r.id = NEW.reflection_id
    ON CONFLICT (day, pattern) DO UPDATE SET reflections = reflections + 1;
END;

-- -- the journal's counts so far ----------------------------------------------------------

INSERT INTO reflection_counts_by_day (day, reflections, starred, private, characters)
SELECT substr(created_at, 1, 10), count(*), sum(starred), sum(private), sum(length(content))
FROM reflections GROUP BY 1;

INSERT INTO pattern_counts_by_day (day, pattern, reflections)
SELECT substr(r.created_at, 1, 10), p.pattern, count(*)
FROM reflection_patterns p JOIN reflections r ON r.id = p.reflection_id GROUP BY 1, 2;

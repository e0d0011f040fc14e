-- Writing per day and per hour of the day in the journal's own time zone, kept as the
-- per-hour counts change.
--
-- `mirror stats` counts days written, streaks, weekdays and hours in the journal's zone.
-- It grouped every counted UTC hour (migration 008; 58k rows at 100k reflections) by the
-- local day and hour each time (~45 ms of its ~100). SQL cannot ask a zone for its offset,
-- so Mirror writes the zone's offsets here (`local_zone_offsets`: one row per stretch of
-- constant offset, to the hour) and triggers on `reflection_counts_by_hour` move each
-- change of an hour's counts to its local day and hour, in the same transaction as the
-- reflection written. The tables start empty: the first `stats` in a zone (or after the
-- zone's rules change: `local_zone.fingerprint`) fills them from the per-hour counts.
-- An hour outside the offsets' span is not counted here, and `stats` then groups every hour
-- as before. Derived data: `mirror analyze --all` rebuilds them.

-- The zone the local counts are in, and the hours its offsets cover (at most one row).
CREATE TABLE local_zone (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    zone         TEXT NOT NULL,       -- IANA name
    fingerprint  TEXT NOT NULL,       -- of the zone's rules as this machine has them
    first_hour   INTEGER NOT NULL,    -- hours since 1970-01-01T00:00Z
    last_hour    INTEGER NOT NULL
);

CREATE TABLE local_zone_offsets (
    first_hour      INTEGER PRIMARY KEY,
    last_hour       INTEGER NOT NULL,
    offset_minutes  INTEGER NOT NULL
);

CREATE TABLE reflection_counts_by_local_day (
    day          INTEGER PRIMARY KEY,  -- days since 1970-01-01, in the zone
    reflections  INTEGER NOT NULL,
    words        INTEGER NOT NULL
);

CREATE TABLE reflection_counts_by_local_hour (
    hour         INTEGER PRIMARY KEY,  -- 0..23, in the zone
    reflections  INTEGER NOT NULL
);

-- An hour's local minute is hour * 60 + its offset; 1,000,000 days are added before the
-- integer divisions (which truncate towards zero) so hours before 1970 floor as well.

CREATE TRIGGER local_counts_hour_insert AFTER INSERT ON reflection_counts_by_hour
BEGIN
    INSERT INTO reflection_counts_by_local_day (day, reflections, words)
    SELECT (NEW.hour * 60 + o.offset_minutes + 1440000000) / 1440 - 1000000,
           NEW.reflections, NEW.words
    FROM local_zone_offsets o
    WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                          WHERE first_hour <= NEW.hour) AND o.last_hour >= NEW.hour
    ON CONFLICT (day) DO UPDATE SET reflections = reflections + excluded.reflections,
        words = words + excluded.words;
    INSERT INTO reflection_counts_by_local_hour (hour, reflections)
    SELECT (NEW.hour * 60 + o.offset_minutes + 1440000000) / 60 % 24, NEW.reflections
    FROM local_zone_offsets o
    WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                          WHERE first_hour <= NEW.hour) AND o.last_hour >= NEW.hour
    ON CONFLICT (hour) DO UPDATE SET reflections = reflections + excluded.reflections;
END;

CREATE TRIGGER local_counts_hour_delete AFTER DELETE ON reflection_counts_by_hour
BEGIN
    UPDATE reflection_counts_by_local_day
    SET reflections = reflections - OLD.reflections, words = words - OLD.words
    WHERE day = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 1440 - 1000000
                 FROM local_zone_offsets o
                 WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                       WHERE first_hour <= OLD.hour)
                   AND o.last_hour >= OLD.hour);
    UPDATE reflection_counts_by_local_hour SET reflections = reflections - OLD.reflections
    WHERE hour = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 60 % 24
                  FROM local_zone_offsets o
                  WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                        WHERE first_hour <= OLD.hour)
                    AND o.last_hour >= OLD.hour);
    DELETE FROM reflection_counts_by_local_day WHERE reflections = 0
      AND day = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 1440 - 1000000
                 FROM local_zone_offsets o
                 WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                       WHERE first_hour <= OLD.hour)
                   AND o.last_hour >= OLD.hour);
    DELETE FROM reflection_counts_by_local_hour WHERE reflections = 0
      AND hour = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 60 % 24
                  FROM local_zone_offsets o
                  WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                        WHERE first_hour <= OLD.hour)
                    AND o.last_hour >= OLD.hour);
END;

-- An hour's counts changed (a reflection written into an hour that had some, edited,
-- redated or deleted): the old counts leave the local day and hour, the new ones arrive.
CREATE TRIGGER local_counts_hour_update AFTER UPDATE ON reflection_counts_by_hour
BEGIN
    UPDATE reflection_counts_by_local_day
    SET reflections = reflections - OLD.reflections, words = words - OLD.words
    WHERE day = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 1440 - 1000000
                 FROM local_zone_offsets o
                 WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                       WHERE first_hour <= OLD.hour)
                   AND o.last_hour >= OLD.hour);
    UPDATE reflection_counts_by_local_hour SET reflections = reflections - OLD.reflections
    WHERE hour = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 60 % 24
                  FROM local_zone_offsets o
                  WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                        WHERE first_hour <= OLD.hour)
                    AND o.last_hour >= OLD.hour);
    INSERT INTO reflection_counts_by_local_day (day, reflections, words)
    SELECT (NEW.hour * 60 + o.offset_minutes + 1440000000) / 1440 - 1000000,
           NEW.reflections, NEW.words
    FROM local_zone_offsets o
    WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                          WHERE first_hour <= NEW.hour) AND o.last_hour >= NEW.hour
    ON CONFLICT (day) DO UPDATE SET reflections = reflections + excluded.reflections,
        words = words + excluded.words;
    INSERT INTO reflection_counts_by_local_hour (hour, reflections)
    SELECT (NEW.hour * 60 + o.offset_minutes + 1440000000) / 60 % 24, NEW.reflections
    FROM local_zone_offsets o
    WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                          WHERE first_hour <= NEW.hour) AND o.last_hour >= NEW.hour
    ON CONFLICT (hour) DO UPDATE SET reflections = reflections + excluded.reflections;
    DELETE FROM reflection_counts_by_local_day WHERE reflections = 0
      AND day = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 1440 - 1000000
                 FROM local_zone_offsets o
                 WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                       WHERE first_hour <= OLD.hour)
                   AND o.last_hour >= OLD.hour);
    DELETE FROM reflection_counts_by_local_hour WHERE reflections = 0
      AND hour = (SELECT (OLD.hour * 60 + o.offset_minutes + 1440000000) / 60 % 24
                  FROM local_zone_offsets o
                  WHERE o.first_hour = (SELECT max(first_hour) FROM local_zone_offsets
                                        WHERE first_hour <= OLD.hour)
                    AND o.last_hour >= OLD.hour);
END;

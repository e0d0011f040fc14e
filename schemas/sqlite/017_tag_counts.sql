-- Reflections per tag, kept as tags are linked and unlinked.
--
-- `mirror tags` counted every tag's links on each run (146,000 links at 100k reflections,
-- ~23 ms). Triggers on `reflection_tags` keep the count of each tag in use here, in the
-- same transaction as the link written or removed (a reflection deleted removes its links
-- by cascade, and the triggers see those deletes too); a tag that loses its last link
-- loses its row. Derived data: `mirror analyze --all` rebuilds it from the links.

CREATE TABLE tag_counts (
    tag_id       INTEGER PRIMARY KEY,   -- tags.id
    reflections  INTEGER NOT NULL CHECK (reflections > 0)
);

INSERT INTO tag_counts (tag_id, reflections)
SELECT tag_id, count(*) FROM reflection_tags GROUP BY tag_id;

CREATE TRIGGER tag_counts_link AFTER INSERT ON reflection_tags
BEGIN
    INSERT INTO tag_counts (tag_id, reflections) VALUES (NEW.tag_id, 1)
    ON CONFLICT (tag_id) DO UPDATE SET reflections = reflections + 1;
END;

CREATE TRIGGER tag_counts_unlink AFTER DELETE ON reflection_tags
BEGIN
    DELETE FROM tag_counts WHERE tag_id = OLD.tag_id AND reflections <= 1;
    UPDATE tag_counts SET reflections = reflections - 1 WHERE tag_id = OLD.tag_id;
END;

CREATE TRIGGER tag_counts_relink AFTER UPDATE OF tag_id ON reflection_tags
WHEN NEW.tag_id IS NOT OLD.tag_id
BEGIN
    DELETE FROM tag_counts WHERE tag_id = OLD.tag_id AND reflections <= 1;
    UPDATE tag_counts SET reflections = reflections - 1 WHERE tag_id = OLD.tag_id;
    INSERT INTO tag_counts (tag_id, reflections) VALUES (NEW.tag_id, 1)
    ON CONFLICT (tag_id) DO UPDATE SET reflections = reflections + 1;
END;

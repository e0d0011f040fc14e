-- Sync (issue 16): a thread renamed, archived or unarchived on one device reaches the
-- others. Two columns, both NULL on every thread that existed before (and on a thread
-- nobody has renamed or archived since it was created), so older bundles still import:
--
-- changed_at    when the title or the archived state last changed (a rename or an
--               (un)archive sets it; NULL: since `created_at`). When two devices' versions
--               of one thread meet, the later change wins, the same on every device.
-- wanted_title  the title the person gave, when it is not `title` because another thread
--               already holds it: two devices renamed (or created) two threads with the same
--               title, so the younger thread reads "Title (2)" until the clash goes away.

ALTER TABLE threads ADD COLUMN changed_at TEXT CHECK (changed_at IS NULL OR (changed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z' AND date(substr(changed_at, 1, 10), '+0 days') IS substr(changed_at, 1, 10)));

ALTER TABLE threads ADD COLUMN wanted_title TEXT CHECK (wanted_title IS NULL OR length(trim(wanted_title)) > 0);

-- A rename or an (un)archive is a change to send (the merge's own writes are unmarked
-- again by sync once it has applied a change set).
CREATE TRIGGER sync_dirty_thread_change AFTER UPDATE OF changed_at ON threads
WHEN EXISTS (SELECT 1 FROM sync_state)
BEGIN INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES ('h', NEW.id); END;

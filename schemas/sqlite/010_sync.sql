-- Sync (issue 16): one journal on several devices through a folder that the person's own
-- sync tool carries. Everything here describes this device's view of the others; none of
-- it is a secret (the journal key is a file in MIRROR_HOME, never a row).

-- This device's sync settings: one row once `mirror sync pair` has run.
CREATE TABLE sync_state (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    device_id        TEXT NOT NULL CHECK (length(device_id) = 16),
    folder           TEXT NOT NULL,
    include_private  INTEGER NOT NULL DEFAULT 0 CHECK (include_private IN (0, 1)),
    paired_at        TEXT NOT NULL,
    last_sync_at     TEXT,
    next_seq         INTEGER NOT NULL DEFAULT 1 CHECK (next_seq >= 1)
);

-- Devices whose change sets this journal accepts (their Ed25519 public keys), and the
-- ones the person unpaired here (kept, so a left-over announcement cannot pair them again).
CREATE TABLE sync_devices (
    device_id    TEXT PRIMARY KEY CHECK (length(device_id) = 16),
    public_key   TEXT NOT NULL CHECK (length(public_key) = 44),
    label        TEXT,
    paired_at    TEXT NOT NULL,
    last_seen_at TEXT,
    unpaired_at  TEXT
);

-- Every change set this journal has applied (or written): a replayed one is refused.
CREATE TABLE sync_ledger (
    changeset_id  TEXT PRIMARY KEY,
    device_id     TEXT NOT NULL,
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    applied_at    TEXT NOT NULL,
    UNIQUE (device_id, seq)
);

-- The version of each reflection as sync orders them: a revision counter, bumped by every
-- change this device sends, and the device that made it (the tie-break). The newer version
-- wins on every device, whatever the order in which change sets arrive.
CREATE TABLE sync_versions (
    reflection_id  TEXT PRIMARY KEY,
    counter        INTEGER NOT NULL CHECK (counter >= 0),
    device_id      TEXT NOT NULL
) WITHOUT ROWID;

-- What changed here since this device's last change set ('r' reflection, 't' tombstone,
-- 'h' thread, 'f' feedback). Kept by triggers only once sync is paired.
CREATE TABLE sync_dirty (
    kind  TEXT NOT NULL CHECK (kind IN ('r', 't', 'h', 'f')),
    id    TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TRIGGER sync_dirty_reflection_insert AFTER INSERT ON reflections
WHEN EXISTS (SELECT 1 FROM sync_state)
BEGIN INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES ('r', NEW.id); END;

CREATE TRIGGER sync_dirty_reflection_update AFTER UPDATE OF updated_at ON reflections
WHEN EXISTS (SELECT 1 FROM sync_state)
BEGIN INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES ('r', NEW.id); END;

CREATE TRIGGER sync_dirty_tombstone AFTER INSERT ON tombstones
WHEN EXISTS (SELECT 1 FROM sync_state)
BEGIN INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES ('t', NEW.id); END;

CREATE TRIGGER sync_dirty_thread_insert AFTER INSERT ON threads
WHEN EXISTS (SELECT 1 FROM sync_state)
BEGIN INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES ('h', NEW.id); END;

CREATE TRIGGER sync_dirty_thread_member AFTER INSERT ON thread_members
WHEN EXISTS (SELECT 1 FROM sync_state)
BEGIN INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES ('h', NEW.thread_id); END;

CREATE TRIGGER sync_dirty_feedback AFTER INSERT ON engine_feedback
WHEN EXISTS (SELECT 1 FROM sync_state)
BEGIN INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES ('f', NEW.id); END;

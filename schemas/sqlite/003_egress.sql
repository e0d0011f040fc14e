-- What left the machine, and the cache that avoids sending the same request twice.

-- Every request sent to a model server: never the text itself, only its size and hash.
CREATE TABLE egress_ledger (
    id              TEXT PRIMARY KEY,
    at              TEXT NOT NULL,
    adapter         TEXT NOT NULL,
    endpoint_host   TEXT NOT NULL,
    remote          INTEGER NOT NULL CHECK (remote IN (0, 1)),
    reflection_ids  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reflection_ids)),
    bytes_sent      INTEGER NOT NULL CHECK (bytes_sent >= 0),
    payload_sha256  TEXT NOT NULL CHECK (length(payload_sha256) = 64),
    model           TEXT,
    tokens_in       INTEGER NOT NULL DEFAULT 0 CHECK (tokens_in >= 0),
    tokens_out      INTEGER NOT NULL DEFAULT 0 CHECK (tokens_out >= 0),
    cost_usd        REAL NOT NULL DEFAULT 0 CHECK (cost_usd >= 0)
);
CREATE INDEX egress_ledger_at ON egress_ledger(at);

-- Checked model answers keyed by a hash of (engine, model, prompt, constitution version).
-- Tied to the reflection so deleting it removes its cached answers too.
CREATE TABLE response_cache (
    key            TEXT PRIMARY KEY CHECK (length(key) = 64),
    reflection_id  TEXT REFERENCES reflections(id) ON DELETE CASCADE,
    engine         TEXT NOT NULL,
    model          TEXT,
    content        TEXT NOT NULL,
    tokens_in      INTEGER NOT NULL DEFAULT 0,
    tokens_out     INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);
CREATE INDEX response_cache_reflection ON response_cache(reflection_id);

-- `list --contains` of an ASCII word the journal rarely or never holds ("zzqqx") within
-- budget at 100k reflections. Such a needle read every text (~0.15 s of CPU at 100k, the
-- whole budget of a command); a trigram index of every text fixed it but halved the bulk
-- insert rate, and the word index's own vocabulary (an fts5vocab table) reads every
-- doclist to list its terms (~0.25 s at 100k), slower than reading the texts.
--
-- A substring of ASCII letters and digits found in a text of ASCII only lies inside one
-- word of the word index (migration 008: every other ASCII character separates words), so
-- the words holding it name the only texts that can hold it: a vocabulary of those words
-- is what `list --contains` needs (mirror.storage.vocabulary). Texts with a character
-- outside ASCII are named by the substring index (migration 013) instead.
--
-- The vocabulary is filled when a `--contains` needs it, not on every write: splitting
-- each new text into words in a trigger (json_each, one upsert a word) cost ~90 us a
-- reflection, as much as the word index itself (11,600 -> 5,700 rows per CPU second in a
-- bare table): the bulk insert rate halved again. It holds the words (lowercased runs of
-- a-z and 0-9) of the texts of ASCII only with seq up to `upto`, except the stale ones;
-- the rest are read by the next `--contains` (when few, they are candidates as they are).
-- The first `--contains` after this migration reads every text (~2.5 s at 100k), once.
--
-- A word must not outlive the last text holding it (deleting a reflection leaves no trace
-- of its text), so a vocabulary that only grows would not do: when a text read into the
-- vocabulary is deleted or changed, its words that no other reflection holds (asked of the
-- word index) leave the vocabulary, and the reflection is marked stale so its new text, or
-- a reflection taking its seq, is read again. That costs such a write ~2 ms at 100k (each
-- of its words asked of the index); writing new reflections costs nothing. The view
-- reflection_ascii_words splits a text as the word index does: SQLite's lower() folds
-- A-Z, which is all the letters a text of ASCII has, and every ASCII character but a-z
-- and 0-9 becomes a space.
--
-- Like the indexes of 008 and 013 it is derived from the reflections: its tables and
-- triggers are named reflections_fts..., bundles leave them out (mirror.storage.foreign),
-- and the importing journal reads its texts again.

CREATE TABLE reflections_fts_words (term TEXT PRIMARY KEY) WITHOUT ROWID;
-- One row once a first `--contains` has read the texts: every text of ASCII only with seq
-- up to `upto` has its words in reflections_fts_words, unless it is stale.
CREATE TABLE reflections_fts_words_read (upto INTEGER NOT NULL);
CREATE TABLE reflections_fts_words_stale (seq INTEGER PRIMARY KEY);

-- The words of each text of ASCII only, as a JSON array (some of them empty strings).
-- Three nested selects of about twenty replace() each: SQLite's parser refuses one
-- expression nesting all 64 characters; the planner flattens them into one.
CREATE VIEW reflection_ascii_words AS
SELECT seq, '["' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(cleaned
    , char(45), ' '), char(46), ' '), char(47), ' '), char(58), ' '), char(59), ' '), char(60), ' '), char(61), ' ')
    , char(62), ' '), char(63), ' '), char(64), ' '), char(91), ' '), char(92), ' '), char(93), ' '), char(94), ' ')
    , char(95), ' '), char(96), ' '), char(123), ' '), char(124), ' '), char(125), ' '), char(126), ' '), char(127), ' '),
    ' ', '","') || '"]' AS words
FROM (SELECT seq, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(cleaned
          , char(23), ' '), char(24), ' '), char(25), ' '), char(26), ' '), char(27), ' '), char(28), ' '), char(29), ' ')
          , char(30), ' '), char(31), ' '), char(33), ' '), char(34), ' '), char(35), ' '), char(36), ' '), char(37), ' ')
          , char(38), ' '), char(39), ' '), char(40), ' '), char(41), ' '), char(42), ' '), char(43), ' '), char(44), ' ') AS cleaned
      FROM (SELECT seq, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(content)
                , char(1), ' '), char(2), ' '), char(3), ' '), char(4), ' '), char(5), ' '), char(6), ' '), char(7), ' ')
                , char(8), ' '), char(9), ' '), char(10), ' '), char(11), ' '), char(12), ' '), char(13), ' '), char(14), ' ')
                , char(15), ' '), char(16), ' '), char(17), ' '), char(18), ' '), char(19), ' '), char(20), ' '), char(21), ' ')
                , char(22), ' ') AS cleaned
            FROM reflections
            WHERE length(CAST(content AS BLOB)) = length(content)));

-- BEFORE: the text is still there for the view to split, and the word index still holds
-- it (its own rowid is left out of the question "does another reflection hold this word").
CREATE TRIGGER reflections_fts_words_delete BEFORE DELETE ON reflections
WHEN old.seq <= (SELECT upto FROM reflections_fts_words_read)
BEGIN
    DELETE FROM reflections_fts_words
    WHERE term IN (SELECT j.value FROM reflection_ascii_words w, json_each(w.words) j
                   WHERE w.seq = old.seq)
      AND NOT EXISTS (SELECT 1 FROM reflections_fts f
                      WHERE f.reflections_fts MATCH '"' || term || '"' AND f.rowid <> old.seq);
    INSERT OR IGNORE INTO reflections_fts_words_stale (seq) VALUES (old.seq);
END;
CREATE TRIGGER reflections_fts_words_update BEFORE UPDATE OF content ON reflections
WHEN old.seq <= (SELECT upto FROM reflections_fts_words_read) AND new.content IS NOT old.content
BEGIN
    DELETE FROM reflections_fts_words
    WHERE term IN (SELECT j.value FROM reflection_ascii_words w, json_each(w.words) j
                   WHERE w.seq = old.seq)
      AND NOT EXISTS (SELECT 1 FROM reflections_fts f
                      WHERE f.reflections_fts MATCH '"' || term || '"' AND f.rowid <> old.seq);
    INSERT OR IGNORE INTO reflections_fts_words_stale (seq) VALUES (old.seq);
END;

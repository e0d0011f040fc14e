-- Search people can use anywhere, and the counts behind writing statistics (issue 14,
-- items 4 and 6).
--
-- 1. The word index is declared again with content="reflections" (double quotes): datasette
--    and sqlite-utils find a table's full-text index by that exact text, and did not
--    recognise content = 'reflections'. Its tokeniser now counts combining marks (Unicode
--    categories M*) as parts of words, so Tamil, Kannada, Devanagari or Khmer words stay
--    whole instead of being cut into letters at every vowel sign or virama; accents on
--    Latin letters are still folded away (remove_diacritics 2), "café" finds "cafe".
-- 2. A second, trigram index finds any substring of at least three characters in the
--    scripts written without spaces between words (Chinese, Japanese, Korean, Thai, Lao,
--    Khmer, Myanmar, Tibetan, Yi) and in emoji and symbols, which the word index cannot
--    cut into words or ignores. It holds only the reflections containing such characters
--    (the view reflections_unspaced), so a journal written in spaced scripts does not pay
--    for it: a trigram index of every reflection doubled a 100k journal's file.
-- 3. Words and reflections per hour (hours since 1970-01-01 UTC), kept by triggers like the
--    counts of migration 007, so `mirror stats` reads words per month, writing streaks and
--    the busiest weekday and hour in the journal's own zone without scanning every
--    reflection. A word is a run of characters between spaces or line breaks.
--
-- Both indexes and the counts are derived from the reflections and rebuilt here from the
-- rows already in the journal.

-- -- 1. the word index ---------------------------------------------------------------------

DROP TRIGGER reflections_fts_insert;
DROP TRIGGER reflections_fts_delete;
DROP TRIGGER reflections_fts_update;
DROP TABLE reflections_fts;

CREATE VIRTUAL TABLE reflections_fts USING fts5(
    content,
    content="reflections",
    content_rowid="seq",
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
CREATE TRIGGER reflections_fts_insert AFTER INSERT ON reflections BEGIN
    INSERT INTO reflections_fts(rowid, content) VALUES (new.seq, new.content);
END;
CREATE TRIGGER reflections_fts_delete AFTER DELETE ON reflections BEGIN
    INSERT INTO reflections_fts(reflections_fts, rowid, content) VALUES ('delete', old.seq, old.content);
END;
CREATE TRIGGER reflections_fts_update AFTER UPDATE OF content ON reflections BEGIN
    INSERT INTO reflections_fts(reflections_fts, rowid, content) VALUES ('delete', old.seq, old.content);
    INSERT INTO reflections_fts(rowid, content) VALUES (new.seq, new.content);
END;
INSERT INTO reflections_fts(reflections_fts) VALUES ('rebuild');

-- -- 2. the trigram index ------------------------------------------------------------------

-- Reflections holding at least one character of a script written without spaces, or an
-- emoji or symbol. One definition: the index reads its text here, and its triggers ask
-- this view whether a row belongs to it, so index and triggers cannot disagree.
CREATE VIEW reflections_unspaced AS
SELECT seq, content FROM reflections
-- Pure ASCII text (byte length = character length) is ruled out before the slower GLOB.
WHERE length(CAST(content AS BLOB)) > length(content)
  AND content GLOB '*[' || char(0x0E00) || '-' || char(0x0FFF)     -- Thai, Lao, Tibetan
                       || char(0x1000) || '-' || char(0x109F)      -- Myanmar
                       || char(0x1780) || '-' || char(0x17FF)      -- Khmer
                       || char(0x19E0) || '-' || char(0x19FF)      -- Khmer symbols
                       || char(0x2190) || '-' || char(0x2BFF)      -- arrows, symbols, dingbats
                       || char(0x2E80) || '-' || char(0xA4CF)      -- CJK, kana, Hangul jamo, Yi
                       || char(0xAC00) || '-' || char(0xD7AF)      -- Hangul syllables
                       || char(0xF900) || '-' || char(0xFAFF)      -- CJK compatibility
                       || char(0xFE30) || '-' || char(0xFE4F)      -- CJK compatibility forms
                       || char(0xFF00) || '-' || char(0xFFEF)      -- full- and half-width forms
                       || char(0x1F000) || '-' || char(0x1FAFF)    -- emoji and pictographs
                       || char(0x20000) || '-' || char(0x3FFFF)    -- CJK extensions
                       || ']*';

CREATE VIRTUAL TABLE reflections_fts_trigram USING fts5(
    content,
    content='reflections_unspaced',
    content_rowid='seq',
    tokenize='trigram'
);
CREATE TRIGGER reflections_fts_trigram_insert AFTER INSERT ON reflections
WHEN EXISTS (SELECT 1 FROM reflections_unspaced WHERE seq = new.seq)
BEGIN
    INSERT INTO reflections_fts_trigram(rowid, content) VALUES (new.seq, new.content);
END;
-- BEFORE: the row is still there for the view to recognise.
CREATE TRIGGER reflections_fts_trigram_delete BEFORE DELETE ON reflections
WHEN EXISTS (SELECT 1 FROM reflections_unspaced WHERE seq = old.seq)
BEGIN
    INSERT INTO reflections_fts_trigram(reflections_fts_trigram, rowid, content)
    VALUES ('delete', old.seq, old.content);
END;
CREATE TRIGGER reflections_fts_trigram_unindex BEFORE UPDATE OF content ON reflections
WHEN EXISTS (SELECT 1 FROM reflections_unspaced WHERE seq = old.seq)
BEGIN
    INSERT INTO reflections_fts_trigram(reflections_fts_trigram, rowid, content)
    VALUES ('delete', old.seq, old.content);
END;
CREATE TRIGGER reflections_fts_trigram_reindex AFTER UPDATE OF content ON reflections
WHEN EXISTS (SELECT 1 FROM reflections_unspaced WHERE seq = new.seq)
BEGIN
    INSERT INTO reflections_fts_trigram(rowid, content) VALUES (new.seq, new.content);
END;
INSERT INTO reflections_fts_trigram(reflections_fts_trigram) VALUES ('rebuild');

-- -- 3. words and reflections per hour ---------------------------------------------------

-- Each reflection's hour (floor of its UTC time in hours since 1970, also before 1970) and
-- its words: the spaces and line breaks of the trimmed text plus one, where two blanks in a
-- row count once (a run of k blanks counts ceil(k/2)). Three passes over the text at most:
-- this runs on every write.
CREATE VIEW reflection_words AS
SELECT seq,
       (s - ((s % 3600) + 3600) % 3600) / 3600 AS hour,
       CASE WHEN c = '' THEN 0
            ELSE (length(c) - length(replace(c, ' ', '')))
                 - (length(c) - length(replace(c, '  ', ' '))) + 1 END AS words
FROM (SELECT seq,
             coalesce(CAST(strftime('%s', created_at) AS INTEGER), 0) AS s,
             trim(replace(content, char(10), ' ')) AS c
      FROM reflections);

CREATE TABLE reflection_counts_by_hour (
    hour         INTEGER PRIMARY KEY,   -- hours since 1970-01-01T00:00Z
    reflections  INTEGER NOT NULL,
    words        INTEGER NOT NULL
);

CREATE TRIGGER reflection_hour_counts_insert AFTER INSERT ON reflections
BEGIN
    INSERT INTO reflection_counts_by_hour (hour, reflections, words)
    SELECT hour, 1, words FROM reflection_words WHERE seq = NEW.seq
    ON CONFLICT (hour) DO UPDATE SET reflections = reflections + 1,
        words = words + excluded.words;
END;

CREATE TRIGGER reflection_hour_counts_unwrite BEFORE UPDATE OF created_at, content ON reflections
BEGIN
    UPDATE reflection_counts_by_hour SET reflections = reflections - 1,
        words = words - (SELECT words FROM reflection_words WHERE seq = OLD.seq)
    WHERE hour = (SELECT hour FROM reflection_words WHERE seq = OLD.seq);
    DELETE FROM reflection_counts_by_hour
    WHERE hour = (SELECT hour FROM reflection_words WHERE seq = OLD.seq) AND reflections = 0;
END;

CREATE TRIGGER reflection_hour_counts_rewrite AFTER UPDATE OF created_at, content ON reflections
BEGIN
    INSERT INTO reflection_counts_by_hour (hour, reflections, words)
    SELECT hour, 1, words FROM reflection_words WHERE seq = NEW.seq
    ON CONFLICT (hour) DO UPDATE SET reflections = reflections + 1,
        words = words + excluded.words;
END;

CREATE TRIGGER reflection_hour_counts_delete BEFORE DELETE ON reflections
BEGIN
    UPDATE reflection_counts_by_hour SET reflections = reflections - 1,
        words = words - (SELECT words FROM reflection_words WHERE seq = OLD.seq)
    WHERE hour = (SELECT hour FROM reflection_words WHERE seq = OLD.seq);
    DELETE FROM reflection_counts_by_hour
    WHERE hour = (SELECT hour FROM reflection_words WHERE seq = OLD.seq) AND reflections = 0;
END;

INSERT INTO reflection_counts_by_hour (hour, reflections, words)
SELECT hour, count(*), sum(words) FROM reflection_words GROUP BY hour;

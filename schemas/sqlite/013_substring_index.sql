-- Substring filters within budget (issue 14, performance): `list --contains` of a needle
-- outside ASCII ("Ärger") read every text with letters outside ASCII (~0.2-0.3 s at 100k
-- reflections). A trigram index over those texts names the few that can hold such a
-- needle; the exact casefolded test (mirror.storage.reflections) still decides.
--
-- Only texts with a character outside ASCII are indexed: a text of ASCII only casefolds to
-- ASCII, so it cannot hold a casefolded needle with other letters. One over every
-- reflection was measured and not shipped: +21 % on a generated 100k journal but half the
-- bulk insert rate (~0.3 ms a reflection: one token per character), against the 5,000/s
-- budget. A journal written in English pays nothing; one in German pays both costs for
-- the texts with umlauts.
--
-- detail=none keeps only which reflections hold each trigram, not where: no phrase
-- queries, no snippets, a fifth of the size of full detail. columnsize=0: nothing ranks
-- with it. It is derived from the reflections (external content), so bundles leave it out
-- and the importing journal rebuilds it, like the two indexes of migration 008 (every
-- object's name starts with reflections_fts). The content table is named in single quotes
-- on purpose: datasette and sqlite-utils take a table declared with content="..." for the
-- reflections' search index, and they keep finding the word index of 008.

CREATE VIEW reflections_wide AS
SELECT seq, content FROM reflections
WHERE length(CAST(content AS BLOB)) > length(content);  -- a character outside ASCII

CREATE VIRTUAL TABLE reflections_fts_substring USING fts5(
    content,
    content='reflections_wide',
    content_rowid='seq',
    tokenize='trigram',
    detail=none,
    columnsize=0
);
CREATE TRIGGER reflections_fts_substring_insert AFTER INSERT ON reflections
WHEN length(CAST(new.content AS BLOB)) > length(new.content)
BEGIN
    INSERT INTO reflections_fts_substring(rowid, content) VALUES (new.seq, new.content);
END;
CREATE TRIGGER reflections_fts_substring_delete AFTER DELETE ON reflections
WHEN length(CAST(old.content AS BLOB)) > length(old.content)
BEGIN
    INSERT INTO reflections_fts_substring(reflections_fts_substring, rowid, content)
    VALUES ('delete', old.seq, old.content);
END;
-- BEFORE: the old tokens leave before the new ones come (two AFTER triggers' order is not
-- theirs to choose).
CREATE TRIGGER reflections_fts_substring_unindex BEFORE UPDATE OF content ON reflections
WHEN length(CAST(old.content AS BLOB)) > length(old.content)
BEGIN
    INSERT INTO reflections_fts_substring(reflections_fts_substring, rowid, content)
    VALUES ('delete', old.seq, old.content);
END;
CREATE TRIGGER reflections_fts_substring_reindex AFTER UPDATE OF content ON reflections
WHEN length(CAST(new.content AS BLOB)) > length(new.content)
BEGIN
    INSERT INTO reflections_fts_substring(rowid, content) VALUES (new.seq, new.content);
END;
INSERT INTO reflections_fts_substring(reflections_fts_substring) VALUES ('rebuild');

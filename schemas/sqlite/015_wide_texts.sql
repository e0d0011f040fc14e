-- Which reflections hold a character outside ASCII, without reading their texts.
--
-- `list --contains Straße` casefolds to "strasse": a text of ASCII only holds it as the
-- word vocabulary says (migration 014), but a text with other letters may hold it through
-- them ("Straße", "ſ"), and no trigram of such a needle is sure (mirror.storage.substring).
-- Those texts were found by reading every text (~0.2 s at 100k reflections, even in a
-- journal that has none). A partial index over them lists their seqs at once; each write
-- already evaluates the same test (migration 013's triggers), and only such texts are
-- indexed, so an English journal's index stays empty. The WHERE clause is the view
-- reflections_wide's, word for word: the query planner uses the index only when the
-- query states it so.
CREATE INDEX reflections_wide_seq ON reflections(seq)
WHERE length(CAST(content AS BLOB)) > length(content);

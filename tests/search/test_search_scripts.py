"""Search finds what people write in every script (issue 14, item 4): Chinese and Japanese
words inside a sentence, emoji, Tamil/Kannada/Khmer words whole, phrases, OR, NOT and NEAR
through `--fts`; ordinary words are found as before."""

from __future__ import annotations

import sqlite3

import pytest

from mirror.errors import InvalidInput
from mirror.storage.reflections import NewReflection

TEXTS = {
    "ja": "今日は東京に行きました。楽しかった",
    "zh": "我今天在北京吃了饺子，很开心",
    "emoji": "Party tonight 🎉 with everyone 😀",
    "ta": "வணக்கம் நண்பரே, இன்று நல்ல நாள்",
    "kn": "ನಮಸ್ಕಾರ ಗೆಳೆಯ, ಇಂದು ಒಳ್ಳೆಯ ದಿನ",
    "km": "សួស្តី ពិភពលោក",
    "old": "The old house by the river, and the garden after rain.",
    "new": "A new house in town, far from any river.",
    "cafe": "Coffee at the café with Sam.",
}


@pytest.fixture
def written(journal):
    ids = journal.store.reflections.create_many([NewReflection(content=t) for t in TEXTS.values()])
    return dict(zip(TEXTS, ids, strict=True))


def found(journal, query, **kw):
    return {h.reflection.content for h in journal.search(query, **kw)}


@pytest.mark.parametrize("query, key", [
    ("東京", "ja"), ("行きました", "ja"), ("北京", "zh"), ("吃了饺子", "zh"),
    ("😀", "emoji"), ("🎉", "emoji"),
    ("வணக்கம்", "ta"), ("நண்பரே", "ta"), ("ನಮಸ್ಕಾರ", "kn"), ("ಗೆಳೆಯ", "kn"),
    ("ពិភពលោក", "km"), ("ពិភព", "km"),
])
def test_words_of_every_script_are_found_inside_sentences(journal, written, query, key):
    assert found(journal, query) == {TEXTS[key]}


def test_a_word_in_an_indic_script_is_not_found_by_one_of_its_letters(journal, written):
    # unicode61 used to split வணக்கம் at every vowel sign: "வணக" alone found it
    assert found(journal, "வணக") == set()
    assert found(journal, "ನಮಸ") == set()


def test_indic_and_khmer_words_are_indexed_whole_grapheme_clusters(journal, written):
    import regex  # the grapheme cluster reference (\X); installed through dateparser

    conn = journal.store.conn
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, reflections_fts, 'row')")
    terms = {row[0] for row in conn.execute("SELECT term FROM temp.vocab")}
    for key in ("ta", "kn", "km"):
        for word in regex.findall(r"[\p{L}\p{M}]+", TEXTS[key]):
            assert word in terms, word  # the whole word, not its letters
    for term in terms:  # no term starts or ends inside a grapheme cluster
        clusters = regex.findall(r"\X", term)
        assert "".join(clusters) == term and not regex.match(r"\p{M}", term)


def test_ordinary_words_accents_and_prefixes_work_as_before(journal, written):
    assert found(journal, "house") == {TEXTS["old"], TEXTS["new"]}
    assert found(journal, "house river garden") == {TEXTS["old"]}
    assert found(journal, "cafe") == {TEXTS["cafe"]}
    assert found(journal, "gard*") == {TEXTS["old"]}
    assert found(journal, 'house" OR "town') == set()  # operators in plain search are words


def test_fts_syntax_phrases_or_not_near(journal, written):
    assert found(journal, '"old house"', fts=True) == {TEXTS["old"]}
    assert found(journal, '"house river"', fts=True) == set()
    assert found(journal, "garden OR town", fts=True) == {TEXTS["old"], TEXTS["new"]}
    assert found(journal, "house NOT garden", fts=True) == {TEXTS["new"]}
    assert found(journal, "NEAR(house river, 3)", fts=True) == {TEXTS["old"]}
    assert found(journal, "NEAR(house river, 1)", fts=True) == set()
    assert found(journal, "வணக்கம் OR ನಮಸ್ಕಾರ", fts=True) == {TEXTS["ta"], TEXTS["kn"]}


@pytest.mark.parametrize("query", ['"unclosed', "AND", "house NOT", "NEAR(house", "nope:word"])
def test_malformed_fts_query_is_invalid_input_naming_the_problem(journal, written, query):
    with pytest.raises(InvalidInput, match="^not a valid FTS5 query: "):
        journal.search(query, fts=True)


def test_search_follows_edits_and_deletes_in_both_indexes(journal, written):
    journal.edit(written["ja"], text="今日は大阪に行きました")
    assert found(journal, "東京") == set()
    assert found(journal, "大阪") == {"今日は大阪に行きました"}
    journal.edit(written["old"], text="東京 and the old house")
    assert found(journal, "東京") == {"東京 and the old house"}
    journal.delete(written["emoji"])
    assert found(journal, "😀") == set()
    conn = journal.store.conn
    for index in ("reflections_fts", "reflections_fts_trigram"):
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")


def test_only_unspaced_scripts_enter_the_trigram_index(journal, written):
    conn = journal.store.conn
    indexed = {row[0] for row in conn.execute(
        "SELECT r.content FROM reflections_fts_trigram_docsize d JOIN reflections r ON r.seq = d.id")}
    assert indexed == {TEXTS["ja"], TEXTS["zh"], TEXTS["emoji"], TEXTS["km"]}


def test_filters_apply_to_trigram_and_short_searches(journal, written):
    from mirror.services.journal import Filters

    journal.edit(written["zh"], starred=True)
    assert found(journal, "北京", filters=Filters(starred=True)) == {TEXTS["zh"]}
    assert found(journal, "東京", filters=Filters(starred=True)) == set()
    assert found(journal, "吃了饺子", filters=Filters(starred=True)) == {TEXTS["zh"]}
    # a long and a short term together, with and without a filter choosing few reflections
    for filters in (Filters(), Filters(starred=True)):
        assert found(journal, "吃了饺子 北京", filters=filters) == {TEXTS["zh"]}
        assert found(journal, "吃了饺子 東京", filters=filters) == set()


def test_datasette_and_sqlite_utils_detect_the_word_index(journal, written):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(journal.paths.db)
    assert db["reflections"].detect_fts() == "reflections_fts"
    rows = list(db["reflections"].search("house"))
    assert {r["content"] for r in rows} == {TEXTS["old"], TEXTS["new"]}
    db.close()
    # datasette's detect_fts() runs this query (datasette/utils/__init__.py, 0.65)
    conn = sqlite3.connect(journal.paths.db)
    table = "reflections"
    detected = conn.execute(
        "select name from sqlite_master where rootpage = 0 and ("
        f" sql like '%VIRTUAL TABLE%USING FTS%content=\"{table}\"%'"
        f" or sql like '%VIRTUAL TABLE%USING FTS%content=[{table}]%'"
        f" or (tbl_name = \"{table}\" and sql like '%VIRTUAL TABLE%USING FTS%'))").fetchall()
    conn.close()
    assert detected == [("reflections_fts",)]

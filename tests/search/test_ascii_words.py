"""`list --contains` of an ASCII needle narrowed by the vocabulary of the word index and the
substring index (migration 014, mirror.storage.vocabulary) finds exactly what reading every
text finds, and a deleted or changed text's words do not outlive it in the vocabulary."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.clock import FixedClock
from mirror.services.journal import Filters, Journal
from mirror.storage import reflections as stored
from mirror.storage import vocabulary
from tests.search.test_substring_index import _apply, assert_found_as_read, expected_ids

WORDS = vocabulary.WORDS
#: Words of ASCII letters in both cases and digits, some with a character outside ASCII
#: that folds or splits words its own way (accent, ligature, sharp s, dotted I, Greek),
#: between separators: punctuation, underscores, apostrophes, blanks, control characters,
#: a combining accent, CJK and emoji.
LETTERS = "aAbBcCeEfFiIkKsStTxXzZ019"
_WORD = st.text(alphabet=LETTERS, min_size=1, max_size=9) | st.text(
    alphabet=LETTERS + "éÉçßẞﬁİıΣσ", min_size=1, max_size=6)
_SEPARATOR = st.text(alphabet=" _'-.,;:!?\"()[]\\/\t\n\x01\x0b\x7f東😀\u0301", min_size=1,
                     max_size=2)
_TEXT = st.lists(st.tuples(_WORD, _SEPARATOR), min_size=1, max_size=6).map(
    lambda parts: "".join(word + sep for word, sep in parts)).filter(lambda t: t.strip())
_NEEDLE = st.text(alphabet=LETTERS + " -'_", min_size=1, max_size=8).filter(lambda t: t.strip())
_CASES = (str, str.upper, str.lower, str.swapcase)


def index_terms(conn: sqlite3.Connection) -> set[str]:
    """Every term the word index holds now."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms"
                 " USING fts5vocab(main, reflections_fts, row)")
    return {row[0] for row in conn.execute("SELECT term FROM temp.terms")}


def vocabulary_words(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute(f"SELECT term FROM {WORDS}")}


def as_indexed(words: set[str]) -> set[str]:
    """`words` as the word index keeps them: FTS5 cuts a token after 32768 bytes (and a
    query's token the same way, so the whole word still finds its text)."""
    return {word[:32768] for word in words}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_TEXT, min_size=1, max_size=4), data=st.data(),
       candidates=st.sampled_from([stored.CANDIDATES, 3]), read=st.booleans())
def test_an_ascii_needle_finds_exactly_what_reading_every_text_finds(
        shared: Journal, texts, data, candidates, read) -> None:
    for text in texts:
        day = data.draw(st.integers(0, 400), label="day")
        shared.write(text, when=(datetime(2025, 1, 1) + timedelta(days=day)).strftime("%Y-%m-%d %H:%M"))
    conn = shared.store.conn
    if read:  # the vocabulary has read every text; otherwise the new ones are candidates
        assert vocabulary.read_texts(conn)
    # A needle drawn from the ASCII alphabet, or an ASCII piece of a text, in another case.
    source = data.draw(st.sampled_from(texts), label="source")
    start = data.draw(st.integers(0, len(source) - 1), label="start")
    piece = source[start:start + data.draw(st.integers(3, 10), label="length")]
    piece = "".join(ch for ch in piece if ch.isascii())
    needle = data.draw(st.one_of(_NEEDLE, st.sampled_from(_CASES).map(lambda f: f(piece))),
                       label="needle")
    if not needle.strip():
        return
    assert_found_as_read(shared, needle, candidates)
    assert as_indexed(vocabulary_words(conn)) <= index_terms(conn)


def test_the_words_are_cut_as_the_word_index_cuts_them(journal) -> None:
    """For texts of ASCII only, the vocabulary's words (read in Python) and the view that
    splits a leaving text (in SQL) are exactly the word index's terms: every ASCII
    character but a letter or digit separates words, and every one is tried."""
    every = "".join(chr(code) for code in range(1, 128))
    texts = [every, every[::-1], "Hello_World it's 4x4 e-mail\tTAB\nline\x0bvt\x7fdel O'Brien",
             "a" * 40_000 + "zzqqx" + " tail"]
    ids = [journal.write("w " + text).id for text in texts]
    conn = journal.store.conn
    assert vocabulary.read_texts(conn)
    assert as_indexed(vocabulary_words(conn)) == index_terms(conn)
    for reflection_id, text in zip(ids, texts, strict=True):
        split = {row[0] for row in conn.execute(
            "SELECT j.value FROM reflection_ascii_words w, json_each(w.words) j"
            " WHERE w.seq = (SELECT seq FROM reflections WHERE id = ?) AND j.value != ''",
            (reflection_id,))}
        assert split == set(vocabulary.WORD.findall(("w " + text).lower()))
    # A word longer than the word index keeps of it still names its text.
    assert journal.matching(Filters(contains="aazzqqx")) == [ids[3]]


def test_what_a_person_would_look_for(journal) -> None:
    ids = {text: journal.write(text).id for text in (
        "The teapot whistled at dawn", "Café au lait with Zoë", "Un cafe, s'il vous plaît",
        "Fix the leaking tap, then rest", "Order #A-1234 arrived", "Straße und STRASSE")}
    conn = journal.store.conn
    for read in (False, True):
        if read:
            assert vocabulary.read_texts(conn)
        find = lambda needle: {text for text, i in ids.items()  # noqa: E731
                               if i in journal.matching(Filters(contains=needle))}
        assert find("apo") == {"The teapot whistled at dawn"}   # inside a longer word
        assert find("POT WHIST") == {"The teapot whistled at dawn"}
        assert find("cafe") == {"Un cafe, s'il vous plaît"}     # "é" is not "e" here
        assert find("Caf") == {"Café au lait with Zoë", "Un cafe, s'il vous plaît"}
        assert find("tap, then") == {"Fix the leaking tap, then rest"}
        assert find("tap,then") == set()
        assert find("a-12") == {"Order #A-1234 arrived"}
        assert find("s'il") == {"Un cafe, s'il vous plaît"}
        assert find("strasse") == {"Straße und STRASSE"}          # "ß" is not "ss" here
        assert find("zzqqx") == set()


def test_an_edited_text_is_found_by_its_new_words_and_a_deleted_one_not_at_all(journal) -> None:
    conn = journal.store.conn
    kept = journal.write("Lunch with Quentin at the harbour").id
    edited = journal.write("A note about Xanthippe").id
    gone = journal.write("Zebediah called twice").id
    assert vocabulary.read_texts(conn)
    journal.edit(edited, text="A note about Philippa")
    journal.delete(gone)
    assert journal.matching(Filters(contains="philipp")) == [edited]
    assert journal.matching(Filters(contains="xanthipp")) == []
    assert journal.matching(Filters(contains="zebediah")) == []
    assert journal.matching(Filters(contains="quentin")) == [kept]
    # The words no reflection holds any more are gone from the vocabulary too (the old
    # text lives on as a revision only while its reflection does); the new text's words
    # come in when the vocabulary next reads (until then its reflection is a candidate).
    assert vocabulary.read_texts(conn)
    words = vocabulary_words(conn)
    assert {"quentin", "harbour", "philippa", "note"} <= words
    assert not {"xanthippe", "zebediah", "called", "twice"} & words
    journal.delete(edited)
    assert "philippa" not in vocabulary_words(conn) and "note" not in vocabulary_words(conn)
    assert as_indexed(vocabulary_words(conn)) <= index_terms(conn)


def test_a_needle_is_answered_while_another_mirror_writes(tmp_path: Path) -> None:
    """Reading many new texts into the vocabulary is a write: when another open Mirror
    holds the write lock, `--contains` reads every text instead of waiting for it."""
    home = tmp_path / "home"
    with Journal.open(home) as journal, Journal.open(home) as other:
        journal.store.reflections.create_many(
            [stored.NewReflection(content=f"entry {i} about the garden") for i in range(600)])
        target = journal.write("one zzqqx here").id
        other.store.conn.execute("BEGIN IMMEDIATE")
        try:
            assert journal.matching(Filters(contains="ZZQQX")) == [target]
            assert not journal.store.conn.execute(f"SELECT 1 FROM {WORDS}_read").fetchone()
        finally:
            other.store.conn.execute("ROLLBACK")
        assert journal.matching(Filters(contains="zqqx h")) == [target]  # once free: read
        assert journal.store.conn.execute(f"SELECT upto FROM {WORDS}_read").fetchone()[0] > 600


_write = st.tuples(st.just("write"), _TEXT)
_edit = st.tuples(st.just("edit"), st.integers(0, 20), _TEXT)
_delete = st.tuples(st.just("delete"), st.integers(0, 20))
_read = st.tuples(st.just("read"))
_jrnl = st.tuples(st.just("jrnl"), st.lists(_TEXT.map(lambda t: " ".join(t.split())).filter(bool),
                                            min_size=1, max_size=3))
_bundle = st.tuples(st.just("bundle"), st.lists(_TEXT, max_size=2), st.integers(0, 20))


@pytest.mark.slow
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.one_of(_write, _read, _edit, _delete, _jrnl, _bundle), min_size=1,
                    max_size=7),
       needles=st.lists(_NEEDLE, min_size=1, max_size=3))
def test_every_write_path_keeps_the_vocabulary_exact(tmp_path_factory, ops, needles) -> None:
    """A single write, an edit, a delete, a jrnl import and a bundle merge, with the
    vocabulary read in between: no word outlives the texts holding it, and every ASCII
    needle finds what reading every text finds."""
    work = tmp_path_factory.mktemp("paths")
    with Journal.open(work / "home", clock=FixedClock(datetime(2026, 3, 14, tzinfo=UTC))) as journal:
        conn = journal.store.conn
        for step, op in enumerate(ops):
            if op[0] == "read":
                assert vocabulary.read_texts(conn)
            else:
                _apply(journal, op, work, step)
            assert as_indexed(vocabulary_words(conn)) <= index_terms(conn)
        texts = [row[0] for row in conn.execute("SELECT content FROM reflections")]
        pieces = ["".join(ch for ch in t[1:6] if ch.isascii()) for t in texts]
        for needle in [*needles, *pieces]:
            if needle.strip():
                assert journal.matching(Filters(contains=needle)) == expected_ids(conn, needle), needle


#: Needles with letters outside ASCII whose casefold is ASCII ("Straße" → "strasse",
#: "ﬁle" → "file", the long s and the Kelvin sign): a text of ASCII only may hold them.
_FOLDS_TO_ASCII = st.text(alphabet="aAsSteEfFiIkK" + "ßẞﬁſ\u212a", min_size=3, max_size=8).filter(
    lambda t: not t.isascii() and t.casefold().isascii())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_TEXT, min_size=1, max_size=4), needle=_FOLDS_TO_ASCII,
       candidates=st.sampled_from([stored.CANDIDATES, 3]), read=st.booleans())
def test_a_needle_that_casefolds_to_ascii_finds_exactly_what_reading_every_text_finds(
        shared: Journal, texts, needle, candidates, read) -> None:
    for k, text in enumerate(texts):
        shared.write(text, when=(datetime(2025, 6, 1) + timedelta(days=k)).strftime("%Y-%m-%d %H:%M"))
    shared.write(f"x {needle.casefold().upper()} y")  # one text of ASCII only that holds it
    conn = shared.store.conn
    if read:
        assert vocabulary.read_texts(conn)
    assert_found_as_read(shared, needle, candidates)


def test_a_needle_with_no_sure_trigram_is_narrowed_not_read_in_full(journal) -> None:
    """'Straße' casefolds to "strasse" and no trigram of it is sure in a text with other
    letters: those texts are listed by the partial index of migration 015, so the needle is
    still narrowed (the candidates are named, not every text read)."""
    journal.write("Walked down the Hauptstrasse to the bakery.")
    wide = journal.write("Die Straße war nass.").id
    journal.write("Nothing to see here.")
    conn = journal.store.conn
    assert vocabulary.read_texts(conn)  # (texts not yet read are candidates as they are)
    named = vocabulary.candidates(conn, "strasse", 10, casefolded=True)
    assert named is not None and len(named) == 2
    seq = conn.execute("SELECT seq FROM reflections WHERE id = ?", (wide,)).fetchone()[0]
    assert seq in named
    found = set(journal.matching(Filters(contains="Straße")))
    texts = {journal.get(i).content for i in found}
    assert texts == {"Walked down the Hauptstrasse to the bakery.", "Die Straße war nass."}

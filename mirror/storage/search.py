"""Full-text search over the two indexes of migration 008.

- The **word index** (`reflections_fts`, unicode61 with combining marks kept inside words)
  answers ordinary words in every script written with spaces, Tamil and Khmer included,
  ranked by BM25 — the search Mirror always had. A plain word also matches its other
  forms the journal holds ("knee" finds "Knees"), found at query time with SQLite's Porter
  stemmer (`word_forms`): the index itself stays exact, so `--fts` queries, phrases and
  `word*` prefixes mean what they always meant.
- The **trigram index** (`reflections_fts_trigram`) holds only the reflections with
  characters of scripts written without spaces (Chinese, Japanese, Korean, Thai, Khmer...)
  or emoji, and finds any substring of three characters or more there. A query holding
  such a character is answered from it; its terms shorter than three characters (東京, 😀)
  are found by reading the text of those reflections only.
- `raw=True` passes the person's FTS5 query (phrases, OR, NOT, NEAR, prefix*) to the word
  index unchanged; a malformed one is `InvalidInput` with SQLite's reason, never a crash.

Every query runs among the reflections a `ListFilter` selects (as `list` does).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from mirror.errors import InvalidInput
from mirror.models import ListFilter, SearchHit
from mirror.storage import reflections as stored
from mirror.storage.reflections import SELECT, row_to_reflection

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any

    from mirror.storage.reflections import ReflectionStore

WORD_INDEX = "reflections_fts"
TRIGRAM_INDEX = "reflections_fts_trigram"
#: Characters the trigram index is for: the ranges of the view `reflections_unspaced`
#: (schemas/sqlite/008_search.sql), which decides what the index holds.
UNSPACED_RANGES = (
    (0x0E00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x19E0, 0x19FF),
    (0x2190, 0x2BFF), (0x2E80, 0xA4CF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x1F000, 0x1FAFF), (0x20000, 0x3FFFF),
)
TRIGRAM = 3            # the trigram index cannot look up fewer characters
#: A filter choosing at most this many reflections (`--on`, a week) is searched among them
#: (see _ranked); a broader one is checked on each match instead.
NARROW = 2000
SNIPPET_TOKENS = 16    # as many tokens around a match as the word index's snippets show
_SHORT_CONTEXT = 24    # characters either side of a short match in a trigram-only snippet
#: Words in SQLite's messages about a malformed FTS5 query (not about the database).
_QUERY_ERRORS = ("fts5", "syntax error", "unterminated", "no such column",
                 "unknown special query", "malformed match", "parse error")


def unspaced(text: str) -> bool:
    """Whether `text` holds a character the word index cannot cut into words."""
    return any(lo <= ord(ch) <= hi for ch in text if ord(ch) >= 0x0E00
               for lo, hi in UNSPACED_RANGES)


def search(store: ReflectionStore, query: str, limit: int = 20,
           filters: ListFilter | None = None, *, raw: bool = False) -> list[SearchHit]:
    """The best `limit` matches of `query` among the reflections `filters` selects."""
    where, params = store._where(filters or ListFilter())
    if raw:
        if not query.strip():
            raise InvalidInput("the search query is empty")
        return _ranked(store.conn, WORD_INDEX, query, where, params, limit, raw=True)
    if not unspaced(query):
        match = fts_query(query, lambda word: word_forms(store.conn, word))
        return _ranked(store.conn, WORD_INDEX, match, where, params, limit)
    terms = [t.rstrip("*") for t in query.split() if t.rstrip("*")]
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    short = [t for t in terms if len(t) < TRIGRAM]
    holds = ["instr(r.content, ?) > 0"] * len(short)   # the short terms, checked on rows
    if long_terms:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        return _ranked(store.conn, TRIGRAM_INDEX, match, where, params, limit,
                       checks=(holds, short))
    return _scanned(store.conn, short, [*where, *holds], [*params, *short], limit)


def _ranked(conn: sqlite3.Connection, index: str, match: str, where: list[str],
            params: Sequence[Any], limit: int, *, raw: bool = False,
            checks: tuple[list[str], Sequence[Any]] = ([], ())) -> list[SearchHit]:
    """Rank with the index alone (FTS5's `rank`, BM25), then read rows and snippets for the
    winners. BM25 costs time per matching row, so a term found in tens of thousands of
    reflections is ranked within the newest RANK_WINDOW first, and over the whole journal
    only when that window holds too few. `checks`: more conditions on each matching row,
    not part of the person's filters (so they never make a filter look narrow).

    The score is `bm25()` itself (what FTS5's `rank` is) with ties in rowid order, as FTS5
    orders them: `ORDER BY rank` made FTS5 sort every match before the LIMIT, while SQLite
    keeps only the best `limit` of `bm25()` as it goes (12.4 -> 8.5 ms for "river", 9,486
    matches among the newest 20,000)."""
    chooses, chosen_params = where, params
    where, params = [*where, *checks[0]], [*params, *checks[1]]
    if where:  # filters are checked on the reflection row of each match
        ranked = (f"SELECT f.rowid, bm25({index}) AS score FROM {index} f"
                  f" JOIN reflections r ON r.seq = f.rowid WHERE {index} MATCH ? AND "
                  + " AND ".join(where).replace("{", "{{").replace("}", "}}")
                  + " {extra} ORDER BY score, f.rowid LIMIT ?")
    else:
        ranked = (f"SELECT rowid, bm25({index}) AS score FROM {index} WHERE {index} MATCH ? {{extra}}"
                  " ORDER BY score, rowid LIMIT ?")
    try:
        newest = conn.execute("SELECT coalesce(max(seq), 0) FROM reflections").fetchone()[0]
        top: list[Any] = []
        chosen = _narrow(conn, chooses, chosen_params)
        if chosen and checks[0]:
            marks = ",".join("?" * len(chosen))
            chosen = {row[0] for row in conn.execute(
                f"SELECT r.seq FROM reflections r WHERE r.seq IN ({marks}) AND "
                + " AND ".join(checks[0]), (*chosen, *checks[1]))}
        if chosen is not None:
            # Few reflections chosen (one day, say): rank only the matches within their rowid
            # span, which the index seeks to, instead of every match of a common word.
            low, high = (min(chosen), max(chosen)) if chosen else (1, 0)  # none: the query is still checked
            spanned = conn.execute(
                f"SELECT rowid, rank FROM {index} WHERE {index} MATCH ? AND rowid >= ?"
                " AND rowid <= ? ORDER BY rank", (match, low, high)).fetchall()
            top = [row for row in spanned if row[0] in chosen][:limit]
        elif newest > stored.RANK_WINDOW:
            top = conn.execute(ranked.format(extra="AND f.rowid > ?" if where else "AND rowid > ?"),
                               (match, *params, newest - stored.RANK_WINDOW, limit)).fetchall()
        if chosen is None and len(top) < limit:
            top = conn.execute(ranked.format(extra=""), (match, *params, limit)).fetchall()
        if not top:
            return []
        marks = ",".join("?" * len(top))
        seqs = [row[0] for row in top]
        snippets = dict(conn.execute(
            f"SELECT rowid, snippet({index}, 0, char(2), char(3), '…', {SNIPPET_TOKENS})"
            f" FROM {index} WHERE {index} MATCH ? AND rowid IN ({marks})",
            (match, *seqs)).fetchall())
    except sqlite3.OperationalError as exc:
        if raw and any(word in str(exc).lower() for word in _QUERY_ERRORS):
            reason = str(exc).removeprefix("fts5: ")
            raise InvalidInput(f"not a valid FTS5 query: {reason}") from None
        raise
    rows = {row["seq"]: row for row in conn.execute(f"{SELECT} WHERE r.seq IN ({marks})", seqs)}
    return [SearchHit(row_to_reflection(rows[seq]), rank, _segments(snippets[seq]))
            for seq, rank in top if seq in rows]


def _narrow(conn: sqlite3.Connection, where: list[str], params: Sequence[Any]) -> set[int] | None:
    """The rowids a filter chooses when they are at most NARROW (None: no filter, or a
    broad one). Walks the filter's own indexes and stops past NARROW."""
    if not where:
        return None
    rows = conn.execute("SELECT r.seq FROM reflections r WHERE " + " AND ".join(where)
                        + " LIMIT ?", (*params, NARROW + 1)).fetchall()
    return {row[0] for row in rows} if len(rows) <= NARROW else None


def _scanned(conn: sqlite3.Connection, terms: list[str], where: list[str],
             params: Sequence[Any], limit: int) -> list[SearchHit]:
    """Terms too short for trigrams: read the text of the reflections in the trigram index
    (its docsize table lists them) and keep those holding every term, newest first. The
    IN list drives the query: a join let SQLite walk every reflection by date instead
    (1.5 s against 0.3 ms at 100k reflections with a few in the index)."""
    sql = (f"{SELECT} WHERE r.seq IN (SELECT id FROM {TRIGRAM_INDEX}_docsize) AND "
           + " AND ".join(where) + " ORDER BY r.created_at DESC, r.seq DESC LIMIT ?")
    rows = conn.execute(sql, (*params, limit)).fetchall()
    return [SearchHit(row_to_reflection(row), 0.0, _around(row["content"], terms[0]))
            for row in rows]


def _around(text: str, term: str) -> tuple[tuple[str, bool], ...]:
    """A snippet of `text` around the first `term`, as the index's snippets look."""
    at = text.find(term)
    start, end = max(0, at - _SHORT_CONTEXT), at + len(term) + _SHORT_CONTEXT
    before = ("…" if start else "") + text[start:at]
    after = text[at + len(term):end] + ("…" if end < len(text) else "")
    return tuple(part for part in ((before, False), (term, True), (after, False)) if part[0])


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts_query(query: str, forms: Callable[[str], Sequence[str]] | None = None) -> str:
    """The word index's query for what a person typed: every word must be there; `word*`
    matches words starting with `word`; a plain word also matches the forms `forms` gives
    for it (its other inflections in the journal: see `word_forms`)."""
    terms = []
    for word in query.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if not word:
            continue
        if prefix:
            terms.append(_quoted(word) + "*")
            continue
        others = forms(word) if forms is not None else ()
        terms.append("(" + " OR ".join(_quoted(w) for w in [word, *others]) + ")" if others
                     else _quoted(word))
    if not terms:
        raise InvalidInput("the search query is empty")
    return " AND ".join(terms)


#: The word index's own tokenizer (migration 008) with the Porter stemmer in front: SQLite's
#: maintained English stemmer, folding case and accents exactly as the index does.
_STEMMER = "porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
#: At most this many words of the journal share a word's first letters and are stemmed to
#: find its forms (a bound on the work for a short word in a very large vocabulary).
MAX_FORM_CANDIDATES = 2000


def word_forms(conn: sqlite3.Connection, word: str) -> list[str]:
    """The words of the journal's index with the same Porter stem as `word` ("knees" and
    "kneeling"... for "knee" when the journal holds them; "pony" for "ponies"), so that a
    plain word finds its plural and other inflections the way a journaler expects.

    The candidates are the index's words sharing the stem's first letters (a stem drops or
    changes at most its last letter: "pony" -> "poni"), read by range from its vocabulary
    (a temporary fts5vocab table: nothing is written to the journal, so a read-only one
    searches the same way); a table of them in memory with the stemmer keeps those with
    the word's stem. A word the tokenizer cuts in two ("don't") or a stem shorter than
    three letters gets no other forms."""
    itself = word.casefold()
    try:
        stems = _Stems()
    except sqlite3.OperationalError:  # an SQLite without FTS5's Porter stemmer: the word alone
        return []
    try:
        stem = stems.stem(word)
        if stem is None or len(stem) < 3:
            return []
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words"
                     f" USING fts5vocab(main, {WORD_INDEX}, row)")
        start, end = stem[:-1], stem[:-1] + "\U0010ffff"
        # The vocabulary reads each word's list of reflections: the range is read on both
        # sides of the word itself, whose list (often the longest) is not needed.
        ranges = ((start, min(itself, end)), (itself + "\x00", end))
        candidates = [row[0] for low, high in ranges for row in conn.execute(
            "SELECT term FROM temp.search_words WHERE term >= ? AND term < ? LIMIT ?",
            (low, high, MAX_FORM_CANDIDATES))]
        return stems.sharing(word, candidates)
    finally:
        stems.close()


class _Stems:
    """SQLite's Porter stemmer, through a table in a database of its own in memory."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self.conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(term, tokenize=\"{_STEMMER}\")")
            self.conn.execute("CREATE VIRTUAL TABLE tokens USING fts5vocab(words, instance)")
        except sqlite3.OperationalError:
            self.conn.close()
            raise

    def stem(self, word: str) -> str | None:
        """The stem of `word`, None when the tokenizer makes more or less than one token of it."""
        self.conn.execute("DELETE FROM words")
        self.conn.execute("INSERT INTO words (rowid, term) VALUES (1, ?)", (word,))
        found = [row[0] for row in self.conn.execute("SELECT term FROM tokens")]
        return found[0] if len(found) == 1 else None

    def sharing(self, word: str, candidates: list[str]) -> list[str]:
        """Those of `candidates` (single words) with the stem of `word`, in their order."""
        self.conn.execute("DELETE FROM words")
        self.conn.executemany("INSERT INTO words (rowid, term) VALUES (?, ?)",
                              enumerate(candidates, 1))
        same = {row[0] for row in self.conn.execute(
            "SELECT rowid FROM words WHERE words MATCH ?", (_quoted(word),))}
        return [term for i, term in enumerate(candidates, 1) if i in same]

    def close(self) -> None:
        self.conn.close()


def _segments(snippet: str) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    for chunk in snippet.split("\x02"):
        if "\x03" in chunk:
            hit, rest = chunk.split("\x03", 1)
            parts.append((hit, True))
            if rest:
                parts.append((rest, False))
        elif chunk:
            parts.append((chunk, False))
    return tuple(parts)

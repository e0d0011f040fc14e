"""Which reflections can hold an ASCII `--contains` needle, named from indexes instead of
by reading every text (migration 014).

An ASCII needle is compared as SQLite's LIKE does (ASCII letters fold, nothing else), so
the characters of a text that match it are ASCII. Its longest run of letters and digits
therefore lies inside one word of that text as the word index cuts it (migration 008: in
ASCII only a-z, A-Z and 0-9 belong to words). So:

- texts of ASCII only: the words containing the run (lowercased) are looked up in the
  vocabulary `reflections_fts_words`, and the texts holding them in the word index;
- texts with a character outside ASCII: the substring index (migration 013) names those
  holding every trigram of the needle (its characters are ASCII: each is sure);
- texts the vocabulary has not read yet (written or changed since the last `--contains`)
  are candidates as they are, or, when many, are read into the vocabulary first.

The caller's exact test decides among the candidates, so the result is the one reading
every text gives. A needle these cannot narrow (a run shorter than three characters, one
inside too many words, too many texts) gives None: the caller reads every text.

Why a vocabulary of its own: the word index's vocabulary (an fts5vocab table) is listed by
reading every doclist, ~0.25 s at 100k reflections, slower than reading the texts; and
splitting texts into words in triggers halved the bulk insert rate. Filled when a needle
needs it, it costs writes nothing (changed texts pay for their words leaving; see 014).
"""

from __future__ import annotations

import re
import sqlite3

from mirror.errors import MirrorError
from mirror.storage import substring
from mirror.storage.db import BUSY_TIMEOUT_MS, transaction, writable

WORDS = "reflections_fts_words"
#: A word of a text of ASCII only, lowercased, as the word index (migration 008) cuts it.
WORD = re.compile(r"[a-z0-9]+")
#: The same cut for many texts at once: every other ASCII character becomes a space, then
#: split (twice as fast as the pattern over 100k texts).
_BLANKS = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalnum()})
#: The shortest run of letters or digits worth looking up (shorter ones are in too many
#: words; the substring index needs a trigram besides).
SHORTEST = substring.TRIGRAM
#: At most this many vocabulary words are asked of the word index; more mean a common run.
MOST_WORDS = 200
#: At most this many texts not yet read are taken as candidates as they are; more are read
#: into the vocabulary first (a write: one transaction, skipped when another holds the lock).
UNREAD_AS_IS = 500
_READ_BATCH = 2000


def candidates(conn: sqlite3.Connection, needle: str, limit: int, *,
               casefolded: bool = False) -> list[int] | None:
    """The seqs of reflections that may hold the ASCII `needle` (see the module docstring),
    at most `limit`; None when they cannot be narrowed so far.

    `casefolded`: `needle` is the casefold of one with letters outside ASCII ("strasse"
    from "Straße"), compared casefolded: a text of ASCII only holds it as LIKE would, but a
    text with other letters may hold it through them ("Straße"), so those are named by the
    substring index's sure trigrams of a casefolded needle, or, with none, all of them."""
    lowered = needle.lower()
    runs = list(WORD.finditer(lowered))
    if not runs or len(lowered) < SHORTEST:
        return None
    run = max(runs, key=lambda m: len(m.group()))
    if len(run.group()) < SHORTEST:
        return None
    try:
        unread = _unread(conn, UNREAD_AS_IS)
        if len(unread) > UNREAD_AS_IS:
            if not read_texts(conn):
                return None
            unread = _unread(conn, UNREAD_AS_IS)
        words = _words_holding(conn, run.group(), starts=run.start() > 0, ends=run.end() < len(lowered))
        if words is None:
            return None
        found = set(unread)
        if words:
            found.update(row[0] for row in conn.execute(
                "SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ? LIMIT ?",
                (" OR ".join(f'"{word}"' for word in words), limit + 1)))
        if len(found) > limit:
            return None
        groups = substring.trigrams(lowered, casefolded=casefolded)
        if groups:
            found.update(row[0] for row in conn.execute(
                "SELECT rowid FROM reflections_fts_substring WHERE reflections_fts_substring MATCH ?"
                " LIMIT ?", (substring.match_query(groups), limit + 1)))
        else:  # no sure trigram: every text with a character outside ASCII may hold it
            # (listed by the partial index of migration 015, not by reading every text)
            found.update(row[0] for row in conn.execute(
                "SELECT seq FROM reflections INDEXED BY reflections_wide_seq"
                " WHERE length(CAST(content AS BLOB)) > length(content) LIMIT ?", (limit + 1,)))
    except sqlite3.OperationalError:  # a journal not migrated to 014 (read-only): read all
        return None
    return sorted(found) if len(found) <= limit else None


def _unread(conn: sqlite3.Connection, most: int) -> list[int]:
    """Up to `most` + 1 seqs of reflections the vocabulary has not read (or read before
    their text changed)."""
    upto = conn.execute(f"SELECT coalesce(max(upto), 0) FROM {WORDS}_read").fetchone()[0]
    seqs = [row[0] for row in conn.execute(
        f"SELECT seq FROM {WORDS}_stale LIMIT ?", (most + 1,))]
    seqs += [row[0] for row in conn.execute(
        "SELECT seq FROM reflections WHERE seq > ? LIMIT ?", (upto, most + 1 - len(seqs)))]
    return seqs


def _words_holding(conn: sqlite3.Connection, run: str, *, starts: bool,
                   ends: bool) -> list[str] | None:
    """The vocabulary's words containing `run`; `starts`/`ends`: the needle has a character
    that is not a letter or digit before/after it, so a word holding it begins/ends with it.
    None when there are more than MOST_WORDS."""
    if starts:  # one range of the primary key ('{' follows 'z')
        rows = conn.execute(f"SELECT term FROM {WORDS} WHERE term >= ? AND term < ?",
                            (run, run + "{"))
    else:
        rows = conn.execute(f"SELECT term FROM {WORDS} WHERE instr(term, ?) > 0", (run,))
    words = []
    for (word,) in rows:
        if ends and not word.endswith(run):
            continue
        words.append(word)
        if len(words) > MOST_WORDS:
            return None
    return words


def read_texts(conn: sqlite3.Connection) -> bool:
    """Add the words of every text of ASCII only not read yet to the vocabulary, in one
    transaction. False when this connection cannot write now (read-only, inside another
    transaction, or another writer holds the lock): the caller reads every text instead of
    waiting."""
    if not writable(conn) or conn.in_transaction:
        return False
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        with transaction(conn):
            upto = conn.execute(f"SELECT coalesce(max(upto), 0) FROM {WORDS}_read").fetchone()[0]
            newest = conn.execute("SELECT coalesce(max(seq), 0) FROM reflections").fetchone()[0]
            texts = conn.execute(
                "SELECT content FROM reflections WHERE (seq > ? OR seq IN"
                f" (SELECT seq FROM {WORDS}_stale))"
                " AND length(CAST(content AS BLOB)) = length(content)", (upto,))
            while batch := texts.fetchmany(_READ_BATCH):
                words = set(" ".join(row[0] for row in batch).lower().translate(_BLANKS).split())
                conn.executemany(f"INSERT OR IGNORE INTO {WORDS} (term) VALUES (?)",
                                 ((word,) for word in words))
            conn.execute(f"DELETE FROM {WORDS}_stale")
            conn.execute(f"DELETE FROM {WORDS}_read")
            conn.execute(f"INSERT INTO {WORDS}_read (upto) VALUES (?)", (max(newest, upto),))
    except (sqlite3.Error, MirrorError):  # rolled back: the vocabulary is as it was
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return True

"""The care index: which rules can begin at which word, and every word's lemmas, in a
small SQLite file read with one query per entry.

The rules name a few thousand patterns; with every inflected form of every word they
name (forms/<lang>.json) that is ~100,000 entries. Loading that into Python objects costs
about a second per process, far beyond `mirror reflect`'s budget, while one entry only
ever needs the rows for its own words. So the index is built once (~1-2 s) into
`care-index-<key>.sqlite` in the cache folder (the journal's `cache/`, or
`$MIRROR_CARE_CACHE`), keyed by the constitution's genesis hash and the care files'
sizes and times, and each entry then asks it for its words only.

Without a cache folder (a library caller, a worker process) the index is built in memory.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mirror.engine.care.rules import LanguageRules, RuleError
from mirror.engine.care.text import fold

#: Bump when the index's layout or the way it is built changes.
INDEX_FORMAT = 7
_CHUNK = 900  # host parameters per query (well under SQLite's limit)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE forms (form TEXT NOT NULL, lang TEXT NOT NULL, lemma TEXT NOT NULL,
                    PRIMARY KEY (form, lang)) WITHOUT ROWID;
CREATE TABLE starts (word TEXT NOT NULL, lang TEXT NOT NULL, rule INTEGER NOT NULL,
                     PRIMARY KEY (word, lang, rule)) WITHOUT ROWID;
CREATE TABLE prefixes (head TEXT NOT NULL, prefix TEXT NOT NULL, lang TEXT NOT NULL,
                       rule INTEGER NOT NULL, PRIMARY KEY (head, prefix, lang, rule)) WITHOUT ROWID;
CREATE TABLE scans (item TEXT NOT NULL, lang TEXT NOT NULL, rule INTEGER NOT NULL);
CREATE TABLE anchors (word TEXT NOT NULL, lang TEXT NOT NULL, rule INTEGER NOT NULL,
                      PRIMARY KEY (word, lang, rule)) WITHOUT ROWID;
CREATE TABLE anchor_prefixes (head TEXT NOT NULL, prefix TEXT NOT NULL, lang TEXT NOT NULL,
                              rule INTEGER NOT NULL);
CREATE INDEX anchor_prefixes_head ON anchor_prefixes (head);
CREATE TABLE unanchored (lang TEXT NOT NULL, rule INTEGER NOT NULL);
CREATE TABLE common (word TEXT NOT NULL, lang TEXT NOT NULL, PRIMARY KEY (word, lang)) WITHOUT ROWID;
CREATE TABLE has_common (lang TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE errors (lang TEXT NOT NULL, message TEXT NOT NULL);
"""


class CareIndex:
    """Read access to a built index. Answers are kept per word (`_memo`): one entry asks a
    few queries; re-deriving a whole journal asks about the same words again and again."""

    MEMO_LIMIT = 500_000  # words remembered per kind of question, then forgotten

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.scans = [(str(i), str(lang), int(r)) for i, lang, r in
                      conn.execute("SELECT item, lang, rule FROM scans")]
        self.errors = [f"{lang}: {msg}" for lang, msg in conn.execute("SELECT lang, message FROM errors")]
        self.has_common = {str(r[0]) for r in conn.execute("SELECT lang FROM has_common")}
        self.unanchored = {(str(lang), int(r)) for lang, r in
                           conn.execute("SELECT lang, rule FROM unanchored")}
        self._memo: dict[str, dict[str, Any]] = {}

    def _rows(self, sql: str, keys: Sequence[str]) -> Iterable[tuple]:
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            yield from self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk)

    def _lookup(self, kind: str, sql: str, words: Iterable[str], empty: Any,
                add) -> dict[str, Any]:
        """word -> answer for `kind`, from the memo or one query for the words not yet
        asked about. `add(answer, row)` folds one row into a word's answer."""
        memo = self._memo.setdefault(kind, {})
        wanted = set(words)
        missing = sorted(w for w in wanted if w not in memo)
        if missing:
            if len(memo) > self.MEMO_LIMIT:
                memo.clear()
            fresh: dict[str, Any] = {w: empty() for w in missing}
            for row in self._rows(sql, missing):
                add(fresh[row[0]], row)
            memo.update(fresh)
        return {w: memo[w] for w in wanted}

    def known(self, words: Iterable[str]) -> set[str]:
        found = self._lookup("known", "SELECT word FROM vocabulary WHERE word IN ({})", words,
                             lambda: [False], lambda ans, row: ans.__setitem__(0, True))
        return {w for w, ans in found.items() if ans[0]}

    def forms(self, words: Iterable[str]) -> dict[str, dict[str, str]]:
        """language -> {written form: lemma} for these words."""
        found = self._lookup("forms", "SELECT form, lang, lemma FROM forms WHERE form IN ({})",
                             words, dict, lambda ans, row: ans.__setitem__(row[1], row[2]))
        out: dict[str, dict[str, str]] = {}
        for word, by_lang in found.items():
            for lang, lemma in by_lang.items():
                out.setdefault(lang, {})[word] = lemma
        return out

    def common(self, words: Iterable[str]) -> dict[str, list[str]]:
        """word -> languages that list it among their very common words."""
        found = self._lookup("common", "SELECT word, lang FROM common WHERE word IN ({})",
                             words, list, lambda ans, row: ans.append(row[1]))
        return {w: langs for w, langs in found.items() if langs}

    def anchors(self, words: Iterable[str]) -> tuple[dict[str, set[tuple[str, int]]],
                                                    dict[str, list[tuple[str, str, int]]]]:
        """For these words (written forms and lemmas): word -> rules anchored on it, and
        first two letters -> (prefix, language, rule) of rules anchored on a prefix. A rule
        is worth matching in a sentence only when one of its anchors is there."""
        words = set(words)
        exact = self._lookup("anchors", "SELECT word, lang, rule FROM anchors WHERE word IN ({})",
                             words, set, lambda ans, row: ans.add((str(row[1]), int(row[2]))))
        heads = self._lookup(
            "anchor_prefixes",
            "SELECT head, prefix, lang, rule FROM anchor_prefixes WHERE head IN ({})",
            {w[:2] for w in words}, list,
            lambda ans, row: ans.append((str(row[1]), str(row[2]), int(row[3]))))
        return ({w: v for w, v in exact.items() if v}, {h: v for h, v in heads.items() if v})

    def starts(self, words: Iterable[str]) -> dict[str, set[tuple[str, int]]]:
        """word -> (language, rule) of every rule that can begin with it."""
        found = self._lookup("starts", "SELECT word, lang, rule FROM starts WHERE word IN ({})",
                             words, set, lambda ans, row: ans.add((str(row[1]), int(row[2]))))
        return {w: v for w, v in found.items() if v}

    def prefixes(self, heads: Iterable[str]) -> dict[str, list[tuple[str, str, int]]]:
        """First two letters -> (prefix, language, rule) of rules that can begin with a
        prefix."""
        found = self._lookup(
            "prefixes", "SELECT head, prefix, lang, rule FROM prefixes WHERE head IN ({})",
            heads, list, lambda ans, row: ans.append((str(row[1]), str(row[2]), int(row[3]))))
        return {h: v for h, v in found.items() if v}


def cache_key(parts: Iterable[str]) -> str:
    h = hashlib.sha256(f"care-index {INDEX_FORMAT}".encode())
    for p in parts:
        h.update(b"\x00" + p.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:24]


def open_index(folder: Path | None, key: str, build) -> CareIndex:
    """The index for `key`: read from `folder` if built before, else built by `build(conn)`
    (written atomically, so concurrent processes never see half an index)."""
    if folder is None:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        build(conn)
        return CareIndex(conn)
    path = folder / f"care-index-{key}.sqlite"
    if path.exists():
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
            if conn.execute("SELECT value FROM meta WHERE key = 'key'").fetchone() == (key,):
                return CareIndex(conn)
            conn.close()
        except sqlite3.Error:
            pass  # a damaged cache is rebuilt
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = folder / f".care-index-{key}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        build(conn)
        conn.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
        conn.commit()
        conn.close()
        os.replace(tmp, path)
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        return CareIndex(conn)
    except (OSError, sqlite3.Error):
        conn = sqlite3.connect(":memory:", check_same_thread=False)  # a read-only cache folder
        build(conn)
        return CareIndex(conn)


def build_into(conn: sqlite3.Connection, files: Sequence[Mapping[str, Any]],
               forms: Mapping[str, Mapping[str, str]]) -> None:
    """Write the index for these parsed rule files and forms tables."""
    conn.executescript(_SCHEMA)
    starts: set[tuple[str, str, int]] = set()
    prefixes: set[tuple[str, str, str, int]] = set()
    scans: list[tuple[str, str, int]] = []
    vocabulary: set[str] = set()
    errors: list[tuple[str, str]] = []
    anchors: set[tuple[str, str, int]] = set()
    anchor_prefixes: set[tuple[str, str, str, int]] = set()
    unanchored: list[tuple[str, int]] = []
    commons: set[tuple[str, str]] = set()
    has_common: list[str] = []
    for data in files:
        lang = str(data.get("language"))
        if "error" in data:
            errors.append((lang, str(data["error"])))
            continue
        lemmas = forms.get(lang, {})
        try:
            rules = LanguageRules(data, lemmas)
            first = [rules.first_words(ri) for ri in range(len(rules.entries))]
        except (RuleError, KeyError, TypeError, ValueError, IndexError) as exc:
            errors.append((lang, str(exc)))
            continue
        common_words = {fold(str(w)) for w in (data.get("common") or [])} - {",", ""}
        commons.update((w, lang) for w in common_words)
        if common_words:
            has_common.append(lang)
        inverse: dict[str, list[str]] = {}
        for form, lemma in lemmas.items():
            inverse.setdefault(lemma, []).append(form)
        def written(kind: str, item: str) -> set[str]:
            """Every written form a `word` (its lemma's forms too) or `surface` item takes."""
            if kind == "surface":
                return {item}
            lemma = lemmas.get(item, item)
            return {item, lemma, *inverse.get(item, ()), *inverse.get(lemma, ())}

        for ri, words in enumerate(first):
            anchor = rules.anchor_words(ri)
            if not anchor or any(k == "scan" or (k == "prefix" and len(i) < 2) for k, i in anchor):
                unanchored.append((lang, ri))
            for kind, item in anchor:
                if kind in ("word", "surface"):
                    anchors.update((key, lang, ri) for key in written(kind, item))
                elif kind == "prefix" and len(item) >= 2:
                    anchor_prefixes.add((item[:2], item, lang, ri))
            for kind, item in words:
                if kind in ("word", "surface"):
                    starts.update((key, lang, ri) for key in written(kind, item))
                elif kind == "prefix" and len(item) >= 2:
                    prefixes.add((item[:2], item, lang, ri))
                else:
                    scans.append((item if kind == "scan" else f"{item}*", lang, ri))
        vocabulary.update(lemmas)
        vocabulary.update(lemmas.values())
    vocabulary.update(w for w, _, _ in starts)
    conn.executemany("INSERT INTO forms VALUES (?, ?, ?)",
                     [(f, lang, l) for lang, table in forms.items() for f, l in table.items()])
    conn.executemany("INSERT INTO starts VALUES (?, ?, ?)", sorted(starts))
    conn.executemany("INSERT INTO prefixes VALUES (?, ?, ?, ?)", sorted(prefixes))
    conn.executemany("INSERT INTO scans VALUES (?, ?, ?)", scans)
    conn.executemany("INSERT INTO vocabulary VALUES (?)", [(w,) for w in sorted(vocabulary)])
    conn.executemany("INSERT INTO errors VALUES (?, ?)", errors)
    conn.executemany("INSERT INTO anchors VALUES (?, ?, ?)", sorted(anchors))
    conn.executemany("INSERT INTO anchor_prefixes VALUES (?, ?, ?, ?)", sorted(anchor_prefixes))
    conn.executemany("INSERT INTO unanchored VALUES (?, ?)", sorted(set(unanchored)))
    conn.executemany("INSERT INTO common VALUES (?, ?)", sorted(commons))
    conn.executemany("INSERT INTO has_common VALUES (?)", [(lang,) for lang in sorted(set(has_common))])
    conn.commit()

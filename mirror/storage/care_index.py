"""The care index's file: a small SQLite database the care detector reads with one query
per entry (which rules can begin at which word, and every word's lemmas). What goes in it is
the engine's business (`mirror.engine.care.index.build_rows`); how it is stored, cached and
queried is here, with the rest of Mirror's SQL.

The file is `care-index-<key>.sqlite` in the cache folder (the journal's `cache/`, or
`$MIRROR_CARE_CACHE`), written atomically and then opened read-only; without a cache
folder (a library caller, a script) the machine's copy below is read, and without that
either the index lives in memory.

Building takes seconds, and a new journal would otherwise pay them on its first `reflect`.
So an index is also kept once per machine, in the user's cache folder
(`$XDG_CACHE_HOME/mirror`, else `~/.cache/mirror`), named by a hash of what it is built
from (the care files' and the builder's contents, not their times): a journal that lacks
its index links (or copies) the machine's instead of building it. Only the rules shipped
with Mirror are in it, nothing a person wrote. `$MIRROR_CARE_CACHE` (tests, benchmarks)
is then the only folder used.

Each set of rules has its own key, so an upgrade or an edit of the rules leaves the old
index behind: writing a new one removes the folder's index files that no process has
opened for a day (`remove_stale`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

from mirror.tuples import NamedTuple

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

_CHUNK = 900  # host parameters per query (well under SQLite's limit)

#: How many of each rule's required word sets the index keeps (a rule with fewer repeats
#: its last one). One: its anchor and one more set drop most rules an entry proposes;
#: keeping three measured no faster (the entry's look-up grows with them).
NEEDS = 3

#: How many of each cue pattern's required word sets (smallest first; a pattern with fewer
#: repeats its last) the index keeps (`IndexRows.cue_masks`): most patterns have no more,
#: so the cues an entry may hold are then known exactly, without compiling any of them.
CUE_DEPTH = 6

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE forms (form TEXT NOT NULL, lang TEXT NOT NULL, lemma TEXT NOT NULL,
                    PRIMARY KEY (form, lang)) WITHOUT ROWID;
CREATE TABLE starts (word TEXT NOT NULL, lang TEXT NOT NULL, rule INTEGER NOT NULL,
                     surface INTEGER NOT NULL, PRIMARY KEY (word, lang, rule, surface)) WITHOUT ROWID;
CREATE TABLE prefixes (head TEXT NOT NULL, prefix TEXT NOT NULL, lang TEXT NOT NULL,
                       rule INTEGER NOT NULL, PRIMARY KEY (head, prefix, lang, rule)) WITHOUT ROWID;
CREATE TABLE scans (item TEXT NOT NULL, lang TEXT NOT NULL, rule INTEGER NOT NULL);
CREATE TABLE anchors (word TEXT NOT NULL, lang TEXT NOT NULL, rule INTEGER NOT NULL,
                      surface INTEGER NOT NULL, PRIMARY KEY (word, lang, rule, surface)) WITHOUT ROWID;
CREATE TABLE anchor_prefixes (head TEXT NOT NULL, prefix TEXT NOT NULL, lang TEXT NOT NULL,
                              rule INTEGER NOT NULL);
CREATE INDEX anchor_prefixes_head ON anchor_prefixes (head);
CREATE TABLE unanchored (lang TEXT NOT NULL, rule INTEGER NOT NULL);
CREATE TABLE common (word TEXT NOT NULL, lang TEXT NOT NULL, PRIMARY KEY (word, lang)) WITHOUT ROWID;
CREATE TABLE has_common (lang TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE needs (word TEXT NOT NULL, lang TEXT NOT NULL, rule INTEGER NOT NULL,
                    k INTEGER NOT NULL, PRIMARY KEY (word, lang, rule, k)) WITHOUT ROWID;
CREATE TABLE unfiltered (lang TEXT NOT NULL, rule INTEGER NOT NULL);
CREATE TABLE cue_masks (word TEXT NOT NULL, lang TEXT NOT NULL, patterns TEXT NOT NULL,
                        PRIMARY KEY (word, lang)) WITHOUT ROWID;
CREATE TABLE cue_owners (lang TEXT NOT NULL, pattern INTEGER NOT NULL, cue TEXT NOT NULL,
                         PRIMARY KEY (lang, pattern)) WITHOUT ROWID;
CREATE TABLE cue_exact (lang TEXT NOT NULL, cue TEXT NOT NULL, PRIMARY KEY (lang, cue)) WITHOUT ROWID;
CREATE TABLE cue_always (lang TEXT NOT NULL, cue TEXT NOT NULL);
CREATE TABLE cue_langs (lang TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE errors (lang TEXT NOT NULL, message TEXT NOT NULL);
"""


class IndexRows(NamedTuple):
    """Everything an index holds, as rows (a tuple: built once per index, cheap to define)."""

    forms: list[tuple[str, str, str]]                # form, lang, lemma
    #: word, lang, rule, surface: a rule that can begin with a word is filed under the word
    #: and its lemma (0), and read under every form whose lemma either is (see
    #: `CareIndex.starts`); under a written form only when the pattern says so (1).
    starts: list[tuple[str, str, int, int]]
    prefixes: list[tuple[str, str, str, int]]        # head, prefix, lang, rule
    scans: list[tuple[str, str, int]]                # item, lang, rule
    #: Words the normaliser must know besides the forms of languages whose rules compiled:
    #: lemmas that are no form, and first words of rules.
    vocabulary: list[str]
    errors: list[tuple[str, str]]                    # lang, message
    anchors: list[tuple[str, str, int, int]]         # filed as `starts` are
    anchor_prefixes: list[tuple[str, str, str, int]]
    unanchored: list[tuple[str, int]]
    common: list[tuple[str, str]]                    # word, lang
    has_common: list[str]
    #: NEEDS word sets each rule requires (word, lang, rule, k), and the rules that
    #: require none (lang, rule): see `CareIndex.needs`.
    needs: list[tuple[str, str, int, int]]
    unfiltered: list[tuple[str, int]]
    #: Which cues an entry may hold, by its words (`rules.cue_masks` with `CUE_DEPTH`
    #: sets): word, lang, and for each cue pattern (numbered per language) one of whose
    #: sets holds the word, "pattern:sets" (sets: bit k for the k-th set), space-separated;
    #: each numbered pattern's cue (lang, pattern, cue); the cues all of whose patterns have
    #: at most `CUE_DEPTH` sets (lang, cue: the look-up is exact for them); the cues of a
    #: language read in every entry (lang, cue); and the languages these were worked out
    #: for (another's are worked out by the process that reads them).
    cue_masks: list[tuple[str, str, str]] = []
    cue_owners: list[tuple[str, int, str]] = []
    cue_exact: list[tuple[str, str]] = []
    cue_always: list[tuple[str, str]] = []
    cue_langs: list[str] = []


def write_rows(conn: sqlite3.Connection, rows: IndexRows) -> None:
    conn.executescript(_SCHEMA)
    conn.executemany("INSERT INTO forms VALUES (?, ?, ?)", rows.forms)
    conn.executemany("INSERT INTO starts VALUES (?, ?, ?, ?)", rows.starts)
    conn.executemany("INSERT INTO prefixes VALUES (?, ?, ?, ?)", rows.prefixes)
    conn.executemany("INSERT INTO scans VALUES (?, ?, ?)", rows.scans)
    conn.executemany("INSERT INTO vocabulary VALUES (?)", [(w,) for w in rows.vocabulary])
    conn.executemany("INSERT INTO errors VALUES (?, ?)", rows.errors)
    conn.executemany("INSERT INTO anchors VALUES (?, ?, ?, ?)", rows.anchors)
    conn.executemany("INSERT INTO anchor_prefixes VALUES (?, ?, ?, ?)", rows.anchor_prefixes)
    conn.executemany("INSERT INTO unanchored VALUES (?, ?)", rows.unanchored)
    conn.executemany("INSERT INTO common VALUES (?, ?)", rows.common)
    conn.executemany("INSERT INTO has_common VALUES (?)", [(lang,) for lang in rows.has_common])
    conn.executemany("INSERT INTO needs VALUES (?, ?, ?, ?)", rows.needs)
    conn.executemany("INSERT INTO unfiltered VALUES (?, ?)", rows.unfiltered)
    conn.executemany("INSERT INTO cue_masks VALUES (?, ?, ?)", rows.cue_masks)
    conn.executemany("INSERT INTO cue_owners VALUES (?, ?, ?)", rows.cue_owners)
    conn.executemany("INSERT INTO cue_exact VALUES (?, ?)", rows.cue_exact)
    conn.executemany("INSERT INTO cue_always VALUES (?, ?)", rows.cue_always)
    conn.executemany("INSERT INTO cue_langs VALUES (?)", [(lang,) for lang in rows.cue_langs])


#: A word is known when it is a form of a language whose rules compiled, or in `vocabulary`.
_KNOWN = ("SELECT form FROM forms WHERE form IN ({0}) AND lang NOT IN (SELECT lang FROM errors) "
          "UNION ALL SELECT word FROM vocabulary WHERE word IN ({0})")

#: The rules filed under a word (`IndexRows.starts`): under the word itself, or under its
#: lemma in the rule's language (then not for a written form only). `{{0}}`: the words.
_FILED = ("SELECT word, lang, rule FROM {table} WHERE word IN ({{0}}) "
          "UNION ALL SELECT f.form, t.lang, t.rule FROM forms f JOIN {table} t "
          "ON t.word = f.lemma AND t.lang = f.lang AND t.surface = 0 WHERE f.form IN ({{0}})")


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
        self.unfiltered = frozenset((str(lang), int(r)) for lang, r in
                                    conn.execute("SELECT lang, rule FROM unfiltered"))
        #: Languages whose cue triggers are stored (`cues`), and their cues read always.
        self.cue_langs = frozenset(str(r[0]) for r in conn.execute("SELECT lang FROM cue_langs"))
        self.cue_always: dict[str, frozenset[str]] = {}
        for lang, cue in conn.execute("SELECT lang, cue FROM cue_always"):
            self.cue_always[str(lang)] = self.cue_always.get(str(lang), frozenset()) | {str(cue)}
        self._memo: dict[str, dict[str, Any]] = {}
        #: language -> its numbered cue patterns' cues, and its exact cues (`cue_held`).
        self._cue_owners: dict[str, dict[int, str]] = {}
        self._cue_exact: dict[str, frozenset[str]] = {}
        #: `lemma_tables` and `common_words`: the answers for every word asked about so far,
        #: merged (and the words asked about).
        self._tables: dict[str, dict[str, str]] = {}
        self._tabled: set[str] = set()
        self._common: dict[str, list[str]] = {}
        self._commoned: set[str] = set()

    def _rows(self, sql: str, keys: Sequence[str]) -> Iterable[tuple]:
        """Rows of `sql` for `keys`, in chunks; each `{0}` in it is the chunk's list."""
        times = sql.count("{0}")
        size = _CHUNK // times
        for i in range(0, len(keys), size):
            chunk = list(keys[i:i + size])
            yield from self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk * times)

    def _lookup(self, kind: str, sql: str, words: Iterable[str], empty: Any,
                add: Callable[[Any, tuple], None]) -> dict[str, Any]:
        """word -> answer for `kind`, from the memo or one query for the words not yet
        asked about. `add(answer, row)` folds one row into a word's answer."""
        memo = self._memo.setdefault(kind, {})
        wanted = words if isinstance(words, (set, frozenset)) else set(words)
        missing = [w for w in wanted if w not in memo]
        if missing:
            missing.sort()
            if len(memo) > self.MEMO_LIMIT:
                memo.clear()  # and every word wanted is asked about again
                missing = sorted(wanted)
            fresh: dict[str, Any] = {w: empty() for w in missing}
            for row in self._rows(sql, missing):
                add(fresh[row[0]], row)
            memo.update(fresh)
        return {w: memo[w] for w in wanted}

    def known(self, words: Iterable[str]) -> set[str]:
        found = self._lookup("known", _KNOWN, words,
                             lambda: [False], lambda ans, row: ans.__setitem__(0, True))
        return {w for w, ans in found.items() if ans[0]}

    def forms(self, words: Iterable[str]) -> dict[str, dict[str, str]]:
        """language -> {written form: lemma} for these words."""
        found = self._lookup("forms", "SELECT form, lang, lemma FROM forms WHERE form IN ({0})",
                             words, dict, lambda ans, row: ans.__setitem__(row[1], row[2]))
        out: dict[str, dict[str, str]] = {}
        for word, by_lang in found.items():
            if by_lang:
                for lang, lemma in by_lang.items():
                    table = out.get(lang)
                    if table is None:
                        table = out[lang] = {}
                    table[word] = lemma
        return out

    def lemma_tables(self, words: AbstractSet[str]) -> dict[str, dict[str, str]]:
        """`forms` of these words and of every word asked about here before, in one mapping
        kept between calls (read-only to the caller): a long run's entries are mostly words
        asked about before, and are answered without a table built for each. Another
        thread's call never changes which languages a mapping it returned holds."""
        tables, tabled = self._tables, self._tabled
        missing = words - tabled
        if missing:
            if len(tabled) + len(missing) > self.MEMO_LIMIT:
                tables, tabled = {}, set()  # forgotten; a caller holding the old keeps it
                missing = set(words)
            found = self.forms(missing)
            if not found.keys() <= tables.keys():
                tables = {**{lang: {} for lang in found}, **tables}
            for lang, table in found.items():
                tables[lang].update(table)
            tabled |= missing
            self._tables, self._tabled = tables, tabled
        return tables

    def common_words(self, words: AbstractSet[str]) -> dict[str, list[str]]:
        """`common` of these words and of every word asked about here before, in one
        mapping kept between calls (read-only to the caller), as `lemma_tables`."""
        common, asked = self._common, self._commoned
        missing = words - asked
        if missing:
            if len(asked) + len(missing) > self.MEMO_LIMIT:
                common, asked = {}, set()
                missing = set(words)
            common.update(self.common(missing))
            asked |= missing
            self._common, self._commoned = common, asked
        return common

    def common(self, words: Iterable[str]) -> dict[str, list[str]]:
        """word -> languages that list it among their very common words."""
        found = self._lookup("common", "SELECT word, lang FROM common WHERE word IN ({0})",
                             words, list, lambda ans, row: ans.append(row[1]))
        return {w: langs for w, langs in found.items() if langs}

    def anchors(self, words: Iterable[str]) -> tuple[dict[str, set[tuple[str, int]]],
                                                    dict[str, list[tuple[str, str, int]]]]:
        """For these words (written forms and lemmas): word -> rules anchored on it, and
        first two letters -> (prefix, language, rule) of rules anchored on a prefix. A rule
        is worth matching in a sentence only when one of its anchors is there."""
        words = set(words)
        exact = self._lookup("anchors", _FILED.format(table="anchors"),
                             words, set, lambda ans, row: ans.add((str(row[1]), int(row[2]))))
        heads = self._lookup(
            "anchor_prefixes",
            "SELECT head, prefix, lang, rule FROM anchor_prefixes WHERE head IN ({0})",
            {w[:2] for w in words}, list,
            lambda ans, row: ans.append((str(row[1]), str(row[2]), int(row[3]))))
        return ({w: v for w, v in exact.items() if v}, {h: v for h, v in heads.items() if v})

    def starts(self, words: Iterable[str]) -> dict[str, set[tuple[str, int]]]:
        """word -> (language, rule) of every rule that can begin with it."""
        found = self._lookup("starts", _FILED.format(table="starts"),
                             words, set, lambda ans, row: ans.add((str(row[1]), int(row[2]))))
        return {w: v for w, v in found.items() if v}

    def needs(self, words: Iterable[str]) -> dict[str, tuple[set[tuple[str, int]], ...]]:
        """word -> for each k < NEEDS, the (language, rule) of every rule whose k-th
        required word set holds it. A rule (not in `unfiltered`) with a set that has no
        word in an entry cannot match anywhere in it, whatever its anchor found."""
        return self._lookup(
            "needs", "SELECT word, lang, rule, k FROM needs WHERE word IN ({0})", words,
            lambda: tuple(set() for _ in range(NEEDS)),
            lambda ans, row: ans[int(row[3])].add((str(row[1]), int(row[2]))))

    def cue_held(self, lang: str, words: Iterable[str]) -> list[str]:
        """The cues of `lang` with a pattern each of whose `CUE_DEPTH` smallest required
        word sets has a word among `words` (the entry's written forms and lemmas), as
        `rules.cue_masks` and `detect._held` find them, without compiling a cue."""
        found = self._lookup("cue_masks", "SELECT word, lang, patterns FROM cue_masks WHERE word IN ({0})",
                             words, dict, lambda ans, row: ans.__setitem__(str(row[1]), str(row[2])))
        sets: dict[str, int] = {}
        for by_lang in found.values():
            text = by_lang.get(lang)
            if text:
                for pair in text.split():
                    pattern, _, ks = pair.partition(":")
                    sets[pattern] = sets.get(pattern, 0) | int(ks)
        every = (1 << CUE_DEPTH) - 1  # a pattern with fewer sets repeats its last
        held = sorted(int(p) for p, ks in sets.items() if ks == every)
        if not held:
            return []
        owners = self._cue_owners.get(lang)
        if owners is None:
            owners = self._cue_owners[lang] = {int(p): str(c) for p, c in self.conn.execute(
                "SELECT pattern, cue FROM cue_owners WHERE lang = ?", (lang,))}
        return [owners[p] for p in held]

    def cue_exact(self, lang: str) -> frozenset[str]:
        """The cues of `lang` all of whose patterns have at most `CUE_DEPTH` sets: one
        `cue_held` finds may hold the entry's words, and no other may (`rules.cue_masks`)."""
        found = self._cue_exact.get(lang)
        if found is None:
            found = self._cue_exact[lang] = frozenset(str(r[0]) for r in self.conn.execute(
                "SELECT cue FROM cue_exact WHERE lang = ?", (lang,)))
        return found

    def prefixes(self, heads: Iterable[str]) -> dict[str, list[tuple[str, str, int]]]:
        """First two letters -> (prefix, language, rule) of rules that can begin with a
        prefix."""
        found = self._lookup(
            "prefixes", "SELECT head, prefix, lang, rule FROM prefixes WHERE head IN ({0})",
            heads, list, lambda ans, row: ans.append((str(row[1]), str(row[2]), int(row[3]))))
        return {h: v for h, v in found.items() if v}


def machine_cache() -> Path | None:
    """The folder an index is shared in by every journal of this user on this machine, or
    None when `$MIRROR_CARE_CACHE` names the only folder to use."""
    if os.environ.get("MIRROR_CARE_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "mirror"
    try:
        return Path.home() / ".cache" / "mirror"
    except RuntimeError:  # no home folder to speak of
        return None


#: An index file's name: `care-index-<key>.sqlite`, the key being hexadecimal (24 digits
#: for a journal's key, 32 for the machine's content key); and what a writer that stopped
#: halfway leaves (`.care-index-<key>.<pid>.tmp` or `.link`). Only these are ever removed.
_INDEX_NAME = re.compile(r"care-index-[0-9a-f]{16,64}\.sqlite")
_LEFTOVER_NAME = re.compile(r"\.care-index-[0-9a-f]{16,64}\.[0-9]+\.(?:tmp|link)")

#: An index for another key (the rules before an upgrade or an edit) is removed when a new
#: one is written into its folder, once no process has opened it for this long: opening
#: an index marks it used (`_mark_used`), so one still read by another process, or by
#: another Mirror installed beside this one, stays.
STALE_AFTER = 86_400.0

#: Opening an index refreshes its time when it is older than this (one write an hour at
#: most, so opening stays a read).
_MARK_AFTER = 3_600.0


def _mark_used(path: Path, mtime: float) -> None:
    """Set the file's modification time to now if it is over `_MARK_AFTER` old: the time
    `remove_stale` reads as the index's last use. A read-only folder is no fault."""
    if time.time() - mtime > _MARK_AFTER:
        try:
            os.utime(path)
        except OSError:
            pass


def remove_stale(folder: Path, keep: Path, now: float | None = None) -> list[str]:
    """Remove from `folder` the index files (by `_INDEX_NAME`, regular files only) other
    than `keep` and the leftovers of interrupted writes that no process has used for
    `STALE_AFTER` seconds; return their names. Safe beside other processes: one reading a
    removed index keeps its open file (POSIX), and one about to open it builds it again;
    a file another system keeps open (Windows) is left for next time."""
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if name == keep.name or not (_INDEX_NAME.fullmatch(name) or _LEFTOVER_NAME.fullmatch(name)):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < STALE_AFTER:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(name)
    return removed


def _open_file(path: Path, key: str | None) -> CareIndex | None:
    """The index in `path` if it is a complete one (its meta row is written last) for
    `key` (None: for whatever key it was built, as a journal's link to the machine's index
    is named by the journal's key but built for its content key); None when missing or
    damaged (then it is rebuilt). Opening it marks it used (`remove_stale`)."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                               check_same_thread=False)
        row = conn.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        if row is not None and (key is None or row == (key,)):
            _mark_used(path, mtime)
            return CareIndex(conn)
        conn.close()
    except sqlite3.Error:
        pass
    return None


def _write_file(folder: Path, key: str, rows: IndexRows) -> Path:
    """Write an index atomically as `folder/care-index-<key>.sqlite`. No journal and no
    fsync: a file cut short by a crash is never renamed into place."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = folder / f".care-index-{key}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        write_rows(conn, rows)
        conn.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
        conn.commit()
    finally:
        conn.close()
    path = folder / f"care-index-{key}.sqlite"
    os.replace(tmp, path)
    remove_stale(folder, keep=path)
    return path


#: Machine indexes kept (the newest): one per set of rules in use; a checkout whose rules
#: are being edited would otherwise add ~12 MB per edit, for ever.
MACHINE_KEEP = 3


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the MACHINE_KEEP most recently used indexes of the machine cache
    (`_mark_used`). A journal's hard link keeps its own copy readable; a journal whose
    index is gone builds or links it again."""
    found = sorted((p for p in folder.glob("care-index-*.sqlite")
                    if p != keep and _INDEX_NAME.fullmatch(p.name)),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in found[MACHINE_KEEP - 1:]:
        old.unlink(missing_ok=True)


def _place(source: Path, folder: Path, key: str) -> None:
    """Put the machine's index into `folder` under this journal's `key`: a hard link
    (no copy, no space) or, across file systems, a copy; renamed into place atomically."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = folder / f".care-index-{key}.{os.getpid()}.link"
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        import shutil  # only across file systems (it brings bz2 and lzma with it)

        shutil.copyfile(source, tmp)
    path = folder / f"care-index-{key}.sqlite"
    os.replace(tmp, path)
    remove_stale(folder, keep=path)


def open_index(folder: Path | None, key: str, build: Callable[[], IndexRows],
               content_key: Callable[[], str | None] | None = None) -> CareIndex:
    """The index for `key`: read from `folder` if built before; else the machine's copy
    for `content_key()` (see the module docstring), built there first if need be; else
    written into `folder` from `build()` (atomically, so concurrent processes never see
    half an index). Without a folder (a library caller, a script) the machine's copy is
    read the same way, and only without one either is the index built in memory: seconds
    of every such process."""
    if folder is None:
        try:
            machine = _machine_index(content_key, build)
            if machine is not None:
                return machine[0]
        except (OSError, sqlite3.Error):
            pass  # an unwritable machine cache: the index is built in memory
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        write_rows(conn, build())
        return CareIndex(conn)
    path = folder / f"care-index-{key}.sqlite"
    found = _open_file(path, None)
    if found is not None:
        return found
    try:
        machine = _machine_index(content_key, build)
        if machine is not None:
            index, source, ck = machine
            index.conn.close()
            _place(source, folder, key)
            found = _open_file(path, ck)
            if found is not None:
                return found
    except (OSError, sqlite3.Error):
        pass  # an unwritable machine cache: the journal's own folder still works
    try:
        found = _open_file(_write_file(folder, key, build()), key)
        if found is not None:
            return found
    except (OSError, sqlite3.Error):
        pass
    conn = sqlite3.connect(":memory:", check_same_thread=False)  # a read-only cache folder
    write_rows(conn, build())
    return CareIndex(conn)


def _machine_index(content_key: Callable[[], str | None] | None,
                   build: Callable[[], IndexRows]) -> tuple[CareIndex, Path, str] | None:
    """The machine's index for `content_key()`, built there first if need be, with its
    path and key; None when there is no machine cache or no content key."""
    shared = machine_cache() if content_key is not None else None
    if shared is None or content_key is None:
        return None
    ck = content_key()
    if not ck:
        return None
    source = shared / f"care-index-{ck}.sqlite"
    found = _open_file(source, ck)
    if found is None:
        _write_file(shared, ck, build())
        _prune(shared, keep=source)
        found = _open_file(source, ck)
        if found is None:
            return None
    return found, source, ck

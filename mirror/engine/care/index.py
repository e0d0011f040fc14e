"""The care index: which rules can begin at which word, and every word's lemmas, built
here from the rules and stored in a small SQLite file (`mirror.storage.care_index`) read
with one query per entry.

The rules name a few thousand patterns; with every inflected form of every word they
name (forms/<lang>.json) that is ~250,000 rows. Loading that into Python objects costs
about a second per process, far beyond `mirror reflect`'s budget, while one entry only
ever needs the rows for its own words. A rule is filed under its words and their lemmas
only; the index reads an inflected form's rules through its lemma in `forms` (filing it
under every form made the build twice as slow and the file twice as large). So the index
is built once (~1.5 s, the first reflection on a machine) into
`care-index-<key>.sqlite` in the cache folder (the journal's `cache/`, or
`$MIRROR_CARE_CACHE`), keyed by the constitution's genesis hash and the care files'
sizes and times (and once per machine by their contents: see `mirror.storage.care_index`),
and each entry then asks it for its words only.

Without a cache folder (a library caller, a script) the machine's copy is read, built there
first if need be; without that either, the index is built in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mirror.engine.care.matcher import required_words
from mirror.engine.care.rules import LanguageRules, RuleError, cue_masks
from mirror.engine.care.text import fold
from mirror.hashing import sha256
from mirror.storage.care_index import CUE_DEPTH, NEEDS, CareIndex, IndexRows, open_index

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["CUE_DEPTH", "INDEX_FORMAT", "NEEDS", "CareIndex", "IndexRows", "build_rows", "cache_key", "content_key",
           "open_index"]

#: Bump when the index's layout or the way it is built changes. (How many word sets it
#: keeps per rule, `NEEDS`, and per cue pattern, `CUE_DEPTH`, is part of both keys: an
#: index read with another count would drop every rule.)
INDEX_FORMAT = 14


def cache_key(parts: Iterable[str]) -> str:
    h = sha256(f"care-index {INDEX_FORMAT} needs {NEEDS} cues {CUE_DEPTH}".encode())
    for p in parts:
        h.update(b"\x00" + p.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:24]


#: The modules whose code decides what goes into the index (see `content_key`).
_BUILDERS = ("index.py", "rules.py", "matcher.py", "text.py")


def content_key(care_folder: Path | None) -> str | None:
    """A key for the index from what it is built from: the bytes of every care file and
    of the code that builds it (not their times, unlike the journal's key), so journals
    on one machine share one index (`storage.care_index.machine_cache`). None when the
    files are not plain files (then each journal keeps its own)."""
    if care_folder is None:
        return None
    import hashlib  # megabytes of rules and forms, read once per machine: OpenSSL's speed

    h = hashlib.sha256(f"care-index {INDEX_FORMAT} needs {NEEDS} cues {CUE_DEPTH}".encode())
    here = Path(__file__).resolve().parent
    paths = sorted([*care_folder.glob("*.yaml"), *care_folder.glob("rules/*.yaml"),
                    *care_folder.glob("forms/*.json")])
    named = [(str(p.relative_to(care_folder)), p) for p in paths]
    named += [(f"code:{name}", here / name) for name in _BUILDERS]
    for name, path in named:
        h.update(b"\x00" + name.encode() + b"\x00" + path.read_bytes())
    return h.hexdigest()[:32]


def build_rows(files: Sequence[Mapping[str, Any]],
               forms: Mapping[str, Mapping[str, str]]) -> IndexRows:
    """The index's rows for these parsed rule files and forms tables."""
    starts: set[tuple[str, str, int, int]] = set()
    prefixes: set[tuple[str, str, str, int]] = set()
    scans: list[tuple[str, str, int]] = []
    vocabulary: set[str] = set()
    errors: list[tuple[str, str]] = []
    anchors: set[tuple[str, str, int, int]] = set()
    written: set[str] = set()  # every inflected form of a language whose rules compiled
    anchor_prefixes: set[tuple[str, str, str, int]] = set()
    unanchored: list[tuple[str, int]] = []
    commons: set[tuple[str, str]] = set()
    has_common: list[str] = []
    needs: set[tuple[str, str, int, int]] = set()
    unfiltered: list[tuple[str, int]] = []
    cue_rows: list[tuple[str, str, str]] = []
    cue_owners: list[tuple[str, int, str]] = []
    cue_exact: set[tuple[str, str]] = set()
    cue_always: set[tuple[str, str]] = set()
    cue_langs: list[str] = []
    for data in files:
        lang = str(data.get("language"))
        if "error" in data:
            errors.append((lang, str(data["error"])))
            continue
        plain: LanguageRules | None = None
        try:  # compiled as the detector compiles a language's rules: without its lemmas
            plain = LanguageRules(data, {})
            by_word, owners, always, exact = cue_masks(plain, CUE_DEPTH)
        except (RuleError, KeyError, TypeError, ValueError, IndexError):
            pass  # the detector works them out itself, and reports the fault
        else:
            if lang not in cue_langs:  # (two files of one language: the first one's cues)
                cue_rows += [(w, lang, _pattern_sets(masks)) for w, masks in by_word.items()]
                cue_owners += [(lang, j, cue) for j, cue in enumerate(owners)]
                cue_exact.update((lang, cue) for cue in exact)
                cue_always.update((lang, cue) for cue in always)
                cue_langs.append(lang)
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
        def keys(kind: str, item: str) -> tuple[tuple[str, int], ...]:
            """The keys a `word` item (itself and its lemma; their inflected forms are
            found through `forms` when the index is read) or a `surface` item (that written
            form only: 1) is filed under."""
            if kind == "surface":
                return ((item, 1),)
            lemma = lemmas.get(item, item)
            return ((item, 0),) if lemma == item else ((item, 0), (lemma, 0))

        for ri, words in enumerate(first):
            anchor = rules.anchor_words(ri)
            sets = _needed_sets(plain, ri, anchor, common_words)
            if sets:
                needs.update((w, lang, ri, k) for k, words in enumerate(sets) for w in words)
            else:
                unfiltered.append((lang, ri))
            if not anchor or any(k == "scan" or (k == "prefix" and len(i) < 2) for k, i in anchor):
                unanchored.append((lang, ri))
            for kind, item in anchor:
                if kind in ("word", "surface"):
                    anchors.update((key, lang, ri, surface) for key, surface in keys(kind, item))
                elif kind == "prefix" and len(item) >= 2:
                    anchor_prefixes.add((item[:2], item, lang, ri))
            for kind, item in words:
                if kind in ("word", "surface"):
                    starts.update((key, lang, ri, surface) for key, surface in keys(kind, item))
                elif kind == "prefix" and len(item) >= 2:
                    prefixes.add((item[:2], item, lang, ri))
                else:
                    scans.append((item if kind == "scan" else f"{item}*", lang, ri))
        written.update(lemmas)
        vocabulary.update(lemmas.values())
    vocabulary.update(w for w, _, _, _ in starts)
    vocabulary.difference_update(written)  # `CareIndex.known` finds those in `forms`
    return IndexRows(
        forms=[(f, lang, lemma) for lang, table in forms.items() for f, lemma in table.items()],
        starts=sorted(starts), prefixes=sorted(prefixes), scans=scans,
        vocabulary=sorted(vocabulary), errors=errors, anchors=sorted(anchors),
        anchor_prefixes=sorted(anchor_prefixes), unanchored=sorted(set(unanchored)),
        common=sorted(commons), has_common=sorted(set(has_common)),
        needs=sorted(needs), unfiltered=sorted(set(unfiltered)), cue_masks=sorted(cue_rows),
        cue_owners=cue_owners, cue_exact=sorted(cue_exact),
        cue_always=sorted(cue_always), cue_langs=sorted(set(cue_langs)))


def _pattern_sets(masks: Sequence[int]) -> str:
    """One word's `rules.cue_masks` entry (for each k, the patterns whose k-th set holds
    it, as bits) as `IndexRows.cue_masks` stores it: "pattern:sets" for each pattern, sets
    having bit k for the k-th."""
    sets: dict[int, int] = {}
    for k, mask in enumerate(masks):
        while mask:
            low = mask & -mask
            mask ^= low
            pattern = low.bit_length() - 1
            sets[pattern] = sets.get(pattern, 0) | 1 << k
    return " ".join(f"{p}:{ks}" for p, ks in sorted(sets.items()))


def _needed_sets(rules: LanguageRules | None, ri: int, anchor: list[tuple[str, str]],
                 common: set[str]) -> list[frozenset[str]]:
    """`NEEDS` word sets rule `ri` requires, as the detector requires them
    (matcher.required_words of the rule compiled as the detector compiles it, without the
    language's lemmas: `rules`): the detector drops a rule from an entry, and from a
    sentence, lacking a word of one of them before it checks the rule's every set
    (`detect._possible`). The most telling first: not the anchor's, without very common
    words, smallest; a rule with fewer repeats its last. Empty when the rule requires
    nothing a word list can answer, or the detector cannot compile it (it keeps such a
    rule, and the rule-file check reports it)."""
    if rules is None:
        return []
    try:
        needs = required_words(rules.rule(ri).pattern)
    except (RuleError, KeyError, TypeError, ValueError, IndexError):
        return []
    if not needs:
        return []
    anchored = {w for _, w in anchor}
    ranked = _ranked(needs, lambda ws: (anchored <= ws, not common.isdisjoint(ws), len(ws)))
    return [ranked[min(k, len(ranked) - 1)] for k in range(NEEDS)]


def _ranked(sets: Iterable[frozenset[str]], key: Any) -> list[frozenset[str]]:
    """`sets` sorted by `key`, ties broken by their sorted words: the order of
    `sorted(sets, key=lambda ws: (*key(ws), sorted(ws)))`, but the word lists (thousands of
    inflected forms for some sets) are sorted only inside a tie, which is rare; sorting
    them for every set was a third of building the index."""
    ranked = sorted(sets, key=key)
    out: list[frozenset[str]] = []
    i = 0
    while i < len(ranked):
        j = i + 1
        k = key(ranked[i])
        while j < len(ranked) and key(ranked[j]) == k:
            j += 1
        run = ranked[i:j]
        out += sorted(run, key=sorted) if len(run) > 1 else run
        i = j
    return out

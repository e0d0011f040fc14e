"""Reading a reflection for signs that the writer may be in danger.

How a decision is made (constitution/07-care-in-crisis.md says the same for people):

1. The text becomes sentences of normalised words (`text.py`). An index says, for each
   word, which rules (of any language) can begin there; only those are matched
   (`matcher.py`), so an ordinary entry costs one dictionary look-up per word.
2. Every language's rules are in the index, each matched over that language's lemmas, so
   a code-switched entry ("no puedo más, I just want it to end") is read in both.
3. Each match is a signal with a weight from the rules: a clear statement weighs 1, a
   veiled sign less (a tidy flat 0.2, letters to loved ones 0.6, "it will all be over
   soon" 0.5). Context changes the weight, by factors in `scoring.yaml`:
   - inside a figure of speech of the language's `figures` (structure, not lists of
     nouns: "<anything> is killing me", "could kill for", "dying to <verb>"): cancelled;
   - inside hyperbole ("kill me now") or beside laughter ("i want to die lol"): capped
     at the gentle threshold, so it reaches the gentle tier and no further;
   - negated just before ("I'm not suicidal"): reduced, not cancelled;
   - about someone else (the nearest subject before it in its clause is another person,
     a character, the news): cancelled, unless the rule is about what others do to the
     writer (abuse);
   - told as distant past ("used to", "years ago") with nothing about now in the
     sentence: reduced below the gentle line, and cancelled when the entry also says the
     writer is safe now.
   Whoever the writer tells ("I told my therapist about wanting to die") is the
   listener, not the subject; a rule firing on a loanword in another language's entry
   ("bina self harm ke") is framed by that language's words as well as its own.
4. Some signs mean little alone and much together: a decision with nothing decided, a
   day named, and a wish that no one notice; pills counted and "probably enough";
   cherished things given away and "if anything happens". Each language says how its
   people write each sign (`cues` in its rules file); `compounds.yaml` says which signs,
   the writer's own and found within a few sentences, make a signal, and which ordinary
   reasons stated beside them (a trip, a refill, a move) undo it (`_compound_signals`),
   unless the reason is what the writer tells people ("I tell everyone it's the cat").
   A compound and the rules matching inside it are one sign: the heavier reading counts.
5. A rule counts once however often it matches; the entry's score is the sum of its
   rules' strongest weights. At or above `thresholds.care` the entry gets the care
   response; at or above `thresholds.gentle`, the ordinary mirrorback and one fixed line
   that help exists.
"""

from __future__ import annotations

import os
from _thread import allocate_lock
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache, reduce
from operator import itemgetter, or_
from pathlib import Path

from mirror import constitution
from mirror.engine.care.index import (
    CUE_DEPTH,
    NEEDS,
    CareIndex,
    IndexRows,
    build_rows,
    cache_key,
    content_key,
    open_index,
)
from mirror.engine.care.matcher import (
    CLAUSE,
    Atom,
    Pattern,
    first_words,
    match,
    may_match_any,
    possible_patterns,
    required_words,
)
from mirror.engine.care.matcher import spans as matcher_spans
from mirror.engine.care.model import model as care_model
from mirror.engine.care.rules import (
    Compound,
    LanguageRules,
    Ordinary,
    RuleError,
    cue_base,
    cue_masks,
    make_atom,
    parse_compounds,
    parse_ordinary,
)
from mirror.engine.care.text import Normaliser, Word, build_normaliser, fold, pieces, sentences
from mirror.lazy_re import kept
from mirror.resources import constitution_dir
from mirror.storage.care_index import machine_cache
from mirror.tuples import NamedTuple

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

CARE = "care"
_PARAGRAPH_RE = kept(r"\n[ \t]*\n")
GENTLE = "gentle"
#: A signal's context naming a question put to the writer and answered no (`_screened`).
SCREENED = "screened"


@dataclass(frozen=True, slots=True)
class CareSignal:
    """One piece of evidence: the category, the rule that fired, its weight after context
    (and why it changed), and the writer's own words at [start, end)."""

    category: str
    rule: str
    weight: float
    start: int
    end: int
    text: str
    language: str
    context: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "rule": self.rule, "weight": round(self.weight, 3),
                "start": self.start, "end": self.end, "text": self.text,
                "language": self.language, "context": self.context or None}


@dataclass(frozen=True)
class CareFinding:
    """The detector's verdict on one text: `tier` is 'care', 'gentle' or None."""

    tier: str | None
    score: float
    signals: tuple[CareSignal, ...] = field(default_factory=tuple)
    #: Languages of every rule that fired (also those whose match another rule's
    #: stronger one covered), strongest first.
    fired: tuple[str, ...] = ()

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(s.category for s in self.signals))

    @property
    def clear(self) -> bool:
        """True when one signal alone is clear (weight 1 after context)."""
        return any(s.weight >= 1.0 for s in self.signals)

    @property
    def languages(self) -> list[str]:
        """Languages of the rules that fired, strongest first."""
        return list(self.fired) or list(dict.fromkeys(s.language for s in self.signals))

    def to_json(self) -> dict[str, Any]:
        return {"tier": self.tier, "score": round(self.score, 3),
                "categories": self.categories,
                "signals": [s.to_json() for s in self.signals]}


NO_FINDING = CareFinding(None, 0.0, ())


#: Entries a process reads before it indexes the cues of a language the index holds no
#: cue triggers for (`_Detector.cue_triggers`): indexing compiles all of a language's cues
#: (~20 ms for English), which one `reflect` would pay for a handful of them; a long run
#: saves it many times over. The index's own languages use its triggers from the first entry.
CUE_INDEX_AFTER = 20


class _Detector:
    """The index, the normaliser, the scoring, and each language's rules (parsed and
    compiled only when an entry has words they can begin with)."""

    def __init__(self, index: CareIndex, normaliser: Normaliser, scoring: Mapping[str, Any],
                 load_rules: Callable[[str], Mapping[str, Any]],
                 compounds: Sequence[Compound] = ()):
        self.index = index
        self.compounds = tuple(compounds)
        #: A sign beside an ordinary purpose or situation (a move, a refill, a form to
        #: fill in before "I'll do it tonight") is ordinary life (rules.Ordinary).
        self.ordinary: tuple[Ordinary, ...] = ()
        self.normaliser = normaliser
        self.thresholds = {"care": 1.0, "gentle": 0.5, **(scoring.get("thresholds") or {})}
        self.factors = dict(scoring.get("factors") or {})
        self.distress = frozenset(str(c) for c in scoring.get("distress") or ())
        near = scoring.get("near") or {}
        #: (sentences, categories): veiled signs that add up only when near each other
        #: in an entry without distress (scoring.yaml).
        self.near = (int(near.get("within", 0)), frozenset(str(c) for c in near.get("categories") or ()))
        self.errors = list(index.errors)
        self._load_rules = load_rules
        self._languages: dict[str, LanguageRules | None] = {}
        self._scan_atoms: list[tuple[Atom, str, int]] | None = None
        self._scan_slots: frozenset[tuple[str, int]] | None = None
        self._scan_atoms_of: dict[tuple[str, int], list[tuple[int, Atom, str, int]]] | None = None
        self._unanchored: dict[str, frozenset[tuple[str, int]]] | None = None
        #: How each written token normalised (see text.sentences).
        self.word_cache: dict[str, list[str]] = {}
        self._slots: dict[str, tuple[frozenset[tuple[str, int]], frozenset[tuple[str, int]]]] = {}
        self.word_slots: dict[str, _WordSlots] = {}
        self._needs: dict[tuple[str, int], tuple[frozenset[str], ...]] = {}
        #: language -> its cue patterns' required words, and the cues requiring none
        #: (see `cue_triggers`).
        self._cue_index: dict[str, tuple[dict[str, tuple[int, ...]], list[str], frozenset[str],
                                         frozenset[str]]] = {}
        #: language -> patterns held (`cue_triggers`) -> their cues.
        self._cues_held: dict[str, tuple[object, dict[int, frozenset[str]]]] = {}
        #: language -> its `_cue_index` entry packed for `cue_triggers` (`_PackedCues`).
        self._cues_packed: dict[str, _PackedCues] = {}
        #: Entries whose cues were asked about (the index pays off only in a long run).
        self.compounds_read = 0
        #: (languages a sentence may be in, its own scripts) -> languages ruled out (`_ruled_out`).
        self.ruled_out: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}
        #: Each rule (language, rule index) the process has met, numbered: a set of rules is
        #: also kept as an integer with those bits set (`bits`), so an entry's rule sets are
        #: united and intersected a machine word at a time, not a tuple at a time.
        self.bit_of: dict[tuple[str, int], int] = {}
        self.slot_at: list[tuple[str, int]] = []
        self._numbering = allocate_lock()
        self._fixed_bits: tuple[int, dict[str, int], int] | None = None
        self._scan_bits_of: dict[frozenset[str], int] = {}
        self._compound_plan: tuple[tuple[Compound, ...], dict[str, tuple[str, ...]],
                                   list[tuple[Compound, tuple[frozenset[str], ...], frozenset[str]]]] | None = None
        #: The names that can fill a slot (`_compound_signals`: `ok`) -> the compounds worth
        #: reading, for the compounds of `compound_plan`.
        self.todo_of: dict[frozenset[str], list[Compound]] = {}

    def rules(self, lang: str) -> LanguageRules | None:
        if lang not in self._languages:
            try:
                data = self._load_rules(lang)
                self._languages[lang] = LanguageRules(data, {})
            except Exception as exc:  # noqa: BLE001 - one language's fault stays its own
                self.errors.append(f"{lang}: {exc}")
                self._languages[lang] = None
        return self._languages[lang]

    def compound_plan(self) -> tuple[dict[str, tuple[str, ...]], list[tuple[Compound, tuple[frozenset[str], ...], frozenset[str]]]]:
        """For `_compound_signals`: each cue -> the names the compounds' slots give it
        (`NAME`, `NAME!self`), and each compound with its slots and all their names, as
        sets."""
        if self._compound_plan is None or self._compound_plan[0] is not self.compounds:
            names: dict[str, set[str]] = {}
            plan = []
            for comp in self.compounds:
                slots = tuple(frozenset(slot) for slot in comp.slots)
                for slot in slots:
                    for name in slot:
                        if not name.startswith("%"):
                            names.setdefault(cue_base(name), set()).add(name)
                plan.append((comp, slots, frozenset().union(*slots)))
            self._compound_plan = (self.compounds, {b: tuple(sorted(n)) for b, n in names.items()}, plan)
            self.todo_of = {}  # of the compounds before
        return self._compound_plan[1], self._compound_plan[2]

    def bits(self, slots: Iterable[tuple[str, int]]) -> int:
        """The rules `slots` as an integer, bit `bit_of[slot]` set for each (numbered on
        first sight; never renumbered, so a mask stays valid for the process)."""
        bit_of = self.bit_of
        mask = 0
        for slot in slots:
            bit = bit_of.get(slot)
            if bit is None:
                with self._numbering:  # one number per rule, whichever thread asks first
                    bit = bit_of.get(slot)
                    if bit is None:
                        self.slot_at.append(slot)
                        bit = bit_of[slot] = len(self.slot_at) - 1
            mask |= 1 << bit
        return mask

    def fixed_bits(self) -> tuple[int, dict[str, int], int]:
        """As `bits`: the rules the index keeps no required words for (`unfiltered`), the
        rules without an anchor by script (`unanchored_by_script`), and those that begin
        with a scanned atom (`scan_slots`)."""
        if self._fixed_bits is None:
            self._fixed_bits = (self.bits(sorted(self.index.unfiltered)),
                                {script: self.bits(sorted(slots))
                                 for script, slots in self.unanchored_by_script().items()},
                                self.bits(sorted(self.scan_slots())))
        return self._fixed_bits

    def scan_bits_of(self, langs: frozenset[str]) -> int:
        """The rules of these languages that begin with a scanned atom, as `bits`."""
        found = self._scan_bits_of.get(langs)
        if found is None:
            if len(self._scan_bits_of) >= 4096:
                self._scan_bits_of.clear()
            found = self._scan_bits_of[langs] = self.bits(
                sorted(slot for slot in self.scan_slots() if slot[0] in langs))
        return found

    def slots_of(self, keys: Iterable[str]) -> dict[str, tuple[frozenset[tuple[str, int]],
                                                                frozenset[tuple[str, int]]]]:
        """key -> (rules anchored on it, rules that can begin with it), by whole word or
        prefix, for these keys and every key asked about before (kept per process: an
        entry's words are mostly words earlier entries had)."""
        memo = self._slots
        missing = [k for k in keys if k not in memo]
        if missing:
            if len(memo) > 300_000:
                memo.clear()
                missing = list(keys)
            exact, heads = self.index.anchors(missing)
            starts = self.index.starts(missing)
            prefixes = self.index.prefixes({k[:2] for k in missing})
            for key in missing:
                anchored = set(exact.get(key, ()))
                anchored.update((lang, ri) for prefix, lang, ri in heads.get(key[:2], ())
                                if key.startswith(prefix))
                begin = set(starts.get(key, ()))
                begin.update((lang, ri) for prefix, lang, ri in prefixes.get(key[:2], ())
                             if key.startswith(prefix))
                memo[key] = (frozenset(anchored), frozenset(begin))
        return memo

    def needs_of(self, slot: tuple[str, int]) -> tuple[frozenset[str], ...]:
        """The word sets rule `slot` requires (matcher.required_words); () when it cannot
        be loaded (`assess` skips it and the rule-file check reports it)."""
        found = self._needs.get(slot)
        if found is None:
            rules = self.rules(slot[0])
            try:
                found = required_words(rules.rule(slot[1]).pattern) if rules is not None else ()
                # The smallest sets first: the rarest words, so an absent one is found soonest.
                found = tuple(sorted(found, key=len))
            except (RuleError, IndexError):
                found = ()
            self._needs[slot] = found
        return found

    def cue_triggers(self, lang: str, present: AbstractSet[str]) -> set[str]:
        """The cues of `lang` an entry whose written forms and lemmas are `present` may
        hold: those with a pattern that requires no word, or with a pattern that has a word
        of each of its smallest `CUE_DEPTH` required word sets (matcher.required_words) in
        the entry. A cue that cannot be compiled is among them (reading it reports the
        fault). A short run (fewer than `CUE_INDEX_AFTER` entries) asks the index, which
        holds what `rules.cue_masks` works out for the entry's words (compiling a language's
        cues to find them costs a process ~20 ms for English); a long one compiles the
        language's cues once and looks the entry's words up here, as does a run reading a
        language the index lacks. Either way, a cue all of whose patterns have at most
        `CUE_DEPTH` sets (`CareIndex.cue_exact`, `cue_masks`' last) may hold the entry
        exactly when it is found here."""
        index = self._cue_index.get(lang)
        if index is None:
            if lang in self.index.cue_langs and self.compounds_read < CUE_INDEX_AFTER:
                found = set(self.index.cue_always.get(lang, ()))
                found.update(self.index.cue_held(lang, present))
                return found
            rules = self.rules(lang)
            index = self._cue_index[lang] = (cue_masks(rules, CUE_DEPTH) if rules is not None
                                             else ({}, [], frozenset(), frozenset()))
        _, owners, always, _ = index
        packed = self._cues_packed.get(lang)
        if packed is None or packed.index is not index:  # packed from this very index
            packed = self._cues_packed[lang] = _pack_cues(index)
        held = packed.held(present)
        # The cues of the patterns held, kept per process by the patterns held: entries
        # with the same cue words hold the same patterns.
        kept = self._cues_held.get(lang)
        if kept is None or kept[0] is not index:  # numbered by this very index
            kept = self._cues_held[lang] = (index, {})
        memo = kept[1]
        cues = memo.get(held)
        if cues is None:
            if len(memo) >= 4096:
                memo.clear()
            bases: set[str] = set()
            rest, past_run = held, packed.past_run
            while rest:
                bit = (rest & -rest).bit_length() - 1
                bases.add(owners[bit])
                rest &= past_run[bit]  # the cue's other patterns name it again: skipped
            cues = memo[held] = frozenset(bases)
        return set(always).union(cues)

    def unanchored_by_script(self) -> dict[str, frozenset[tuple[str, int]]]:
        """Rules with no anchor word, by the script of their language: each is tried in
        every sentence written in that script."""
        if self._unanchored is None:
            grouped: dict[str, set[tuple[str, int]]] = {}
            for lang, ri in self.index.unanchored:
                grouped.setdefault(SCRIPTS.get(lang, "latin"), set()).add((lang, ri))
            self._unanchored = {script: frozenset(slots) for script, slots in grouped.items()}
        return self._unanchored

    def scan_slots(self) -> frozenset[tuple[str, int]]:
        """The rules that begin with a scanned atom (see `scan_atoms`)."""
        if self._scan_slots is None:
            self._scan_slots = frozenset((lang, ri) for _, lang, ri in self.scan_atoms())
        return self._scan_slots

    def scan_atoms_of(self) -> dict[tuple[str, int], list[tuple[int, Atom, str, int]]]:
        """`scan_atoms` by rule: (its place in `scan_atoms`, atom, language, rule index)."""
        if self._scan_atoms_of is None:
            found: dict[tuple[str, int], list[tuple[int, Atom, str, int]]] = {}
            for k, (atom, lang, ri) in enumerate(self.scan_atoms()):
                found.setdefault((lang, ri), []).append((k, atom, lang, ri))
            self._scan_atoms_of = found
        return self._scan_atoms_of

    def scan_atoms(self) -> list[tuple[Atom, str, int]]:
        """Rules that begin with a suffix, infix or regex, as atoms (few; compiled once)."""
        if self._scan_atoms is None:
            atoms: list[tuple[Atom, str, int]] = []
            for item, lang, ri in self.index.scans:
                try:
                    atoms.append((make_atom(item.replace("_", " ").split()[0], None, lang), lang, ri))
                except RuleError as exc:
                    self.errors.append(f"{lang}: {exc}")
            self._scan_atoms = atoms
        return self._scan_atoms


class _PackedCues(NamedTuple):
    """A language's cue index (`rules.cue_masks`) as `cue_triggers` reads it: each word's
    `CUE_DEPTH` pattern masks as one integer, mask k at bits [k * width, (k + 1) * width)
    (`width`: the patterns numbered). An entry's words are then united with one `|` a word,
    not one a word and mask: a few dozen wide integers instead of several hundred narrow
    ones, and one object a word to keep in memory instead of seven."""

    index: object
    words: dict[str, int]
    width: int
    #: For each pattern's bit: the bits past the run of patterns of its cue (all set
    #: there), so the cues held are read one cue at a time rather than one pattern.
    past_run: tuple[int, ...]

    def held(self, present: AbstractSet[str]) -> int:
        """`_held` of the masks of the words in `present`: the patterns each of whose
        indexed required word sets has a word there."""
        words = self.words
        united = reduce(or_, map(words.__getitem__, words.keys() & present), 0)
        if not united:
            return 0
        width = self.width
        full = (1 << width) - 1
        held = united & full
        for k in range(1, CUE_DEPTH):
            held &= united >> (k * width)
        return held


def _pack_cues(index: tuple[dict[str, tuple[int, ...]], list[str], frozenset[str], frozenset[str]]) -> _PackedCues:
    """`_PackedCues` of one language's `_Detector._cue_index` entry."""
    by_word, owners = index[0], index[1]
    width = len(owners)
    words = {w: reduce(or_, (mask << (k * width) for k, mask in enumerate(masks)), 0)
             for w, masks in by_word.items()}
    past_run: list[int] = [0] * width
    end = width
    for bit in range(width - 1, -1, -1):
        if bit + 1 < width and owners[bit + 1] != owners[bit]:
            end = bit + 1
        past_run[bit] = -(1 << end)
    return _PackedCues(index, words, width, tuple(past_run))


def _care_files() -> tuple[list[str], Mapping[str, Any], Mapping[str, Any]]:
    return (constitution.care_rule_names(), constitution.care_data("normalise.yaml"),
            constitution.care_data("scoring.yaml"))


def _load_all(names: Sequence[str]) -> tuple[list[Mapping[str, Any]], dict[str, Mapping[str, str]]]:
    """Every rules file and forms table, parsed (only when the index is built)."""
    files: list[Mapping[str, Any]] = []
    forms: dict[str, Mapping[str, str]] = {}
    for name in names:
        lang = name.removesuffix(".yaml")
        try:
            data = constitution.care_data(f"rules/{name}")
        except Exception as exc:  # noqa: BLE001 - a malformed file skips one language only
            files.append({"language": lang, "error": f"{type(exc).__name__}: {exc}"})
            continue
        files.append(data)
        try:
            forms[lang] = constitution.care_data(f"forms/{lang}.json")
        except (OSError, ValueError):
            forms[lang] = {}
    return files, forms


def _cache_folder() -> Path | None:
    override = os.environ.get("MIRROR_CARE_CACHE")
    if override:
        return Path(override)
    return constitution.cache_dir()


def _fingerprint(names: Sequence[str]) -> list[str]:
    """What the index is built from, cheaply: the genesis hash and each care file's size
    and modification time (a checkout being edited changes them)."""
    root = constitution_dir()
    parts = [constitution.load().genesis_hash]
    if isinstance(root, Path):
        care = str(root / "care")
        found: list[tuple[list[str], str]] = []  # (path parts, as `Path` sorts), relative path
        for folder, suffix in (("", ".yaml"), ("rules", ".yaml"), ("forms", ".json")):
            try:  # a folder read with scandir: `Path.glob` and a `Path` apiece cost ~1 ms
                with os.scandir(os.path.join(care, folder) if folder else care) as entries:
                    names_found = [e.name for e in entries if e.name.endswith(suffix)]
            except (FileNotFoundError, NotADirectoryError, PermissionError):
                continue  # as `Path.glob` finds nothing there
            for name in names_found:
                rel = f"{folder}/{name}" if folder else name
                found.append((rel.split("/"), rel))
        for _, rel in sorted(found):
            st = os.stat(os.path.join(care, rel))
            parts.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}")
    else:
        parts += names
    return parts


@lru_cache(maxsize=1)
def detector() -> _Detector:
    """The detector for the constitution in force (opened once per process)."""
    names, normalise, scoring = _care_files()
    key = cache_key(_fingerprint(names))

    def build() -> IndexRows:
        files, forms = _load_all(names)
        return build_rows(files, forms)

    root = constitution_dir()
    index = open_index(_cache_folder(), key, build,  # a machine's shared copy: see index.py
                       lambda: content_key(root / "care" if isinstance(root, Path) else None))
    typo_words = normalise.get("typo_tolerant") or []
    found = _Detector(index, build_normaliser(normalise, typo_words, normalise.get("typo_far") or []),
                      scoring,
                      lambda lang: constitution.care_data(f"rules/{lang}.yaml"))
    try:
        data = constitution.care_data("compounds.yaml")
        found.compounds = tuple(parse_compounds(data))
        found.ordinary = tuple(parse_ordinary(data))
    except FileNotFoundError:
        pass
    except (RuleError, ValueError) as exc:  # a maintainer's fault: reported, never raised
        found.errors.append(f"compounds: {exc}")
    return found


def prepared() -> bool:
    """True unless the next `assess` must first build the index (seconds, once per set of
    rules on a machine): the detector is open in this process, or its index is in the
    cache folder or the machine's. An interface says why the first reflection waits."""
    if detector.cache_info().currsize:
        return True
    folder = _cache_folder()
    if folder is None:
        return False
    try:
        key = cache_key(_fingerprint(constitution.care_rule_names()))
        if (folder / f"care-index-{key}.sqlite").exists():
            return True
        shared, root = machine_cache(), constitution_dir()
        if shared is None or not isinstance(root, Path):
            return False
        machine_key = content_key(root / "care")
        return machine_key is not None and (shared / f"care-index-{machine_key}.sqlite").exists()
    except (OSError, ValueError):
        return True  # nothing to explain that can be known


_NORM = itemgetter(0)  # a `Word`'s norm


class _Sentence:
    """One sentence's words, with each language's lemmas (from the index's forms for
    this text's words) computed on first use."""

    __slots__ = ("words", "norms", "norm_set", "_lemmas", "_present", "_forms", "_spans", "_hits",
                 "_laughter", "_index", "_as", "text")

    def __init__(self, words: Sequence[Word], forms: Mapping[str, Mapping[str, str]],
                 laughter: _Laughter | None = None, index: int = 0,
                 read_as: Mapping[int, str] | None = None, text: str = ""):
        self.words = words
        #: the text the words' offsets point into (their written forms, before folding)
        self.text = text
        #: word index -> the lemma it is read as in every language (`_as_the_writer`:
        #: "you" in a note to self is read as "I" and as "me")
        self._as = read_as
        #: the entry's laughter (levity.py), read only when a signal's context asks
        self._laughter = laughter
        self._index = index
        self.norms = list(map(_NORM, words))
        self.norm_set = set(self.norms)
        if read_as:  # the index proposes rules by the words a sentence holds
            self.norm_set.update(read_as.values())
        self._lemmas: dict[str, list[str]] = {}
        self._present: dict[str, set[str]] = {}
        self._forms = forms
        self._spans: dict[tuple[int, str], list[tuple[int, int]]] = {}
        self._hits: dict[str, int] | None = None

    @property
    def laughing(self) -> bool:
        """Whether this sentence laughs, by its form (levity.py)."""
        return self._laughter is not None and self._laughter.flags()[self._index]

    def language_hits(self, common: Mapping[str, list[str]]) -> dict[str, int]:
        """How many of this sentence's words are very common words of each language
        (`common`: words -> their languages, for every word of the entry at least:
        `CareIndex.common_words`). Counted once: which languages the sentence may be in is
        asked in several places."""
        hits = self._hits
        if hits is None:
            hits = self._hits = {}
            # (the words' languages looked up from C, and the words with none passed over
            # there: about half of a sentence's words are no very common word)
            for langs in filter(None, map(common.get, self.norms)):
                for lang in langs:
                    hits[lang] = hits.get(lang, 0) + 1
        return hits

    def present(self, lang: str) -> set[str]:
        """Every written form and (in `lang`) lemma in this sentence."""
        present = self._present.get(lang)
        if present is None:
            present = self._present[lang] = self.norm_set.union(self.lemmas(lang))
        return present

    def lemmas(self, lang: str) -> list[str]:
        found = self._lemmas.get(lang)
        if found is None:
            table = self._forms.get(lang)
            found = [table.get(n, n) for n in self.norms] if table else self.norms
            if self._as:
                found = list(found)
                for k, lemma in self._as.items():
                    found[k] = lemma
            self._lemmas[lang] = found
        return found

    def spans(self, patterns: Sequence[Pattern], lang: str) -> list[tuple[int, int]]:
        """Matches of a list of context patterns (computed once per sentence and list)."""
        if not patterns:
            return []
        key = (id(patterns), lang)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = matcher_spans(patterns, self.norms, self.lemmas(lang),
                                                      self.present(lang))
        return found

    def clause_of(self, index: int) -> int:
        """Index of the first word of the clause holding word `index`."""
        k = index
        while k > 0 and self.norms[k - 1] != CLAUSE:
            k -= 1
        return k


#: The script each language is written in (Latin unless listed): a rule that cannot be
#: anchored on a word (it begins with an infix) is tried only in sentences of its script.
SCRIPTS = {"ru": "cyrillic", "uk": "cyrillic", "ja": "cjk", "zh": "cjk", "ko": "hangul",
           "hi": "devanagari", "ar": "arabic"}


def _script_of(ch: str) -> str:
    o = ord(ch)
    return ("latin" if o < 0x250 else "cyrillic" if 0x400 <= o < 0x530
            else "devanagari" if 0x900 <= o < 0x980
            else "arabic" if 0x600 <= o < 0x700 or 0x750 <= o < 0x780
            else "hangul" if 0xAC00 <= o < 0xD7B0 or 0x1100 <= o < 0x1200 or 0x3130 <= o < 0x3190
            else "cjk" if 0x3040 <= o < 0xA000 or 0xF900 <= o < 0xFB00 else "other")


#: First letter -> script (a few hundred letters at most: kept for the process).
_SCRIPT_OF: dict[str, str] = {}


def _scripts(norms: Iterable[str]) -> set[str]:
    """The scripts a sentence's words begin in (by their first letters)."""
    found: set[str] = set()
    for ch in {norm[:1] for norm in norms}:
        if not ch or ch == CLAUSE:
            continue
        script = _SCRIPT_OF.get(ch)
        if script is None:
            script = _SCRIPT_OF[ch] = _script_of(ch)
        found.add(script)
    return found


class _WordSlots(NamedTuple):
    """What the index says about one normalised word, united over its keys (the word and
    its lemma in each language): the rules anchored on it and the rules that can begin
    with it. Kept per process (`_Detector.word_slots`): a journal's entries share most of
    their words, so an entry mostly costs one dictionary look-up per word."""

    keys: tuple[str, ...]
    anchored: frozenset[tuple[str, int]]
    begins: frozenset[tuple[str, int]]
    #: For each k, the rules whose k-th required word set (`CareIndex.needs`) holds it.
    needs: tuple[frozenset[tuple[str, int]], ...]
    #: `anchored`, `begins` and `needs` as `_Detector.bits`.
    anchored_bits: int = 0
    begins_bits: int = 0
    needs_bits: tuple[int, ...] = ()
    #: Whether any of those sets holds a rule: most words of an entry ("the", "walk")
    #: are in none, and `_candidates` unites only the others' (uniting empty sets adds nothing).
    live: bool = True


def _word_slots(d: _Detector, words: Iterable[str],
                forms: Mapping[str, Mapping[str, str]]) -> dict[str, _WordSlots]:
    """`_WordSlots` for these words (an entry's), from the memo or the index."""
    memo = d.word_slots
    missing = [w for w in words if w not in memo]
    if missing:
        if len(memo) > 300_000:
            memo.clear()  # bounded, like the index's own memo
            missing = list(words)
        keys_of = {w: (w, *[t[w] for t in forms.values() if w in t]) for w in missing}
        every = {k for ks in keys_of.values() for k in ks}
        slots = d.slots_of(every)
        needs = d.index.needs(every)
        for w, keys in keys_of.items():
            anchored = _union(slots[k][0] for k in keys)
            begins = _union(slots[k][1] for k in keys)
            needed = tuple(_union(needs[k][i] for k in keys) for i in range(NEEDS))
            memo[w] = _WordSlots(keys, anchored, begins, needed, d.bits(sorted(anchored)),
                                 d.bits(sorted(begins)), tuple(d.bits(sorted(n)) for n in needed),
                                 bool(anchored or begins or any(needed)))
    return memo


_ANCHORED_BITS = itemgetter(4)  # of a `_WordSlots`: anchored_bits, begins_bits, needs_bits
_BEGINS_BITS = itemgetter(5)
_NEEDS_BITS = itemgetter(6)


def _union(sets: Iterable[AbstractSet[tuple[str, int]]]) -> frozenset[tuple[str, int]]:
    found = [s for s in sets if s]
    if len(found) == 1 and isinstance(found[0], frozenset):
        return found[0]
    return frozenset().union(*found)


def _held(needs: Sequence[tuple[int, ...]]) -> int:
    """The rules (as `_Detector.bits`) each of whose indexed required word sets has a
    word among those whose `_WordSlots.needs_bits` are `needs`: set algebra over words, so
    the rules an entry, or a sentence, cannot hold are dropped before any of them is tried."""
    if not needs:
        return 0
    held = -1
    for column in zip(*needs):
        held &= reduce(or_, column)
    return held


def _held_united(columns: Sequence[int] | None) -> int:
    """`_held` from each column of the words' needs already united (None: no words)."""
    if columns is None:
        return 0
    held = -1
    for column in columns:
        held &= column
    return held


def _sentence_scripts(norms: Sequence[str], only: set[str] | None) -> set[str]:
    """`_scripts(norms)`; `only`: the entry's scripts when it is written in one script,
    which every sentence with a word in it then shares (no letter need be looked at)."""
    if only is None:
        return _scripts(norms)
    for norm in norms:
        if norm and norm[0] != CLAUSE:
            return set(only)
    return set()


def _ruled_out(d: _Detector, sent: _Sentence, common: Mapping[str, list[str]],
               scripts: set[str]) -> frozenset[str]:
    """The languages a sentence's very common words rule out (see `_plausible`); none
    when it has no common word."""
    plausible = _plausible(sent, common)
    if plausible is None:
        return frozenset()
    # A language whose own script is in the sentence always counts: in
    # "honestly I can't anymore, хочу умереть" English words outnumber Russian.
    own = scripts - {"latin"}
    key = (frozenset(plausible), frozenset(own))
    ruled_out = d.ruled_out.get(key)
    if ruled_out is None:
        if len(d.ruled_out) >= 4096:
            d.ruled_out.clear()  # bounded: a journal's sentences fall into a few kinds
        # A language written mixed with another (`mixes_with`: Hinglish with English) lets
        # that one's rules read its sentences: "aaj phir self harm kiya" is English inside
        # Hinglish, framed by the Hinglish around it (`_context`).
        mixed = {m for lang in plausible if (r := d.rules(lang)) is not None
                 for m in r.data.get("mixes_with") or ()}
        ruled_out = d.ruled_out[key] = frozenset(
            lang for lang in d.index.has_common
            if lang not in plausible and lang not in mixed and SCRIPTS.get(lang, "latin") not in own)
    return ruled_out


def _candidates(d: _Detector, sents: Sequence[_Sentence], forms: Mapping[str, Mapping[str, str]],
                common: Mapping[str, list[str]]) -> list[dict[tuple[str, int], list[int]]]:
    """For each sentence: (language, rule index) -> the words a match may start at.

    A rule is tried in a sentence only when one of its anchor words (its most telling
    required word, see rules.anchor_words) is in that sentence, so a long ordinary entry
    costs a few look-ups per word. Three index queries serve the whole text.

    The rules worth trying in a sentence (its active rules) are those anchored on one of
    its words, and those with no anchor written in its script, that the entry allows (it
    holds a word of each of their indexed required word sets, `CareIndex.needs`); less
    those of languages its common words rule out (see `_plausible`), and those lacking a
    word of one of those sets in the sentence. Of these, a rule that can begin at one of
    its words is tried there if all its required words are in the entry and in the
    sentence (`_possible`); the active rules that begin with a suffix, infix or regex are
    looked for at every word (`_scan`), unless they failed that test. Sets of rules are
    `_Detector.bits`: an entry's work is a few integer operations per word."""
    out: list[dict[tuple[str, int], list[int]]] = [{} for _ in sents]
    every = set().union(*[s.norm_set for s in sents])
    words = every - {CLAUSE}
    info = _word_slots(d, words, forms)
    unfiltered, unanchored_bits, scan_bits = d.fixed_bits()
    # Each sentence's words' rule sets united (`_WordSlots`: anchored, begins, and each
    # column of needs); the entry's are those of its sentences united, a few operations
    # a sentence rather than one a word of the entry again.
    united: list[tuple[int, int, list[int] | None]] = []
    # Only the words in some rule set are united (a sentence with none unites to None,
    # which `_held_united` reads as 0, as it reads columns of zeros: NEEDS > 0).
    live = {w for w in words if info[w].live}
    for sent in sents:
        mine = [info[n] for n in sent.norm_set & live]
        united.append((reduce(or_, map(_ANCHORED_BITS, mine), 0), reduce(or_, map(_BEGINS_BITS, mine), 0),
                       [reduce(or_, column) for column in zip(*map(_NEEDS_BITS, mine))] if mine else None))
    columns = [row[2] for row in united if row[2] is not None]
    allowed = unfiltered | _held_united([reduce(or_, column) for column in zip(*columns)] if columns else None)
    # The allowed rules anchored on a word of the entry, or without an anchor: those worth
    # trying in some sentence.
    unanchored = {script: mask & allowed for script, mask in unanchored_bits.items()}
    reachable = (reduce(or_, [row[0] for row in united], 0) & allowed) | reduce(or_, unanchored.values(), 0)
    if not reachable:
        return out
    slot_at = d.slot_at
    # A rule lacking a required word in the whole entry lacks it in every sentence: it is
    # checked once per entry (most proposed rules fail here), then once per sentence.
    in_entry: dict[int, bool] = {}
    entry = _Words(every, forms) if len(sents) > 1 else None
    scripts = _scripts(words)
    only_script = scripts if len(scripts) == 1 else None
    filtered = ~unfiltered  # (once an entry: a number as wide as the rules met)
    for k, sent in enumerate(sents):
        sent_scripts = _sentence_scripts(sent.norms, only_script)
        active = 0
        for script in sent_scripts:
            active |= unanchored.get(script, 0)
        anchored, begins, needed = united[k]
        active |= anchored & allowed
        starting = begins & reachable
        tried = active & (starting | scan_bits)
        if tried & filtered:
            # The rules lacking a word of one of their indexed required word sets in the
            # sentence cannot match in it (as `_possible` would say): dropped at once, also
            # those `_scan` would have looked for.
            dropped = tried & ~(unfiltered | _held_united(needed))
            if dropped:
                tried ^= dropped
                active ^= dropped
        if not tried:
            continue
        proposed = tried & starting
        ruled_out = _ruled_out(d, sent, common, sent_scripts)
        # Each proposed rule is kept (`passing`) or dropped from the active ones.
        passing = 0
        while proposed:
            low = proposed & -proposed
            proposed ^= low
            bit = low.bit_length() - 1
            slot = slot_at[bit]
            if slot[0] not in ruled_out:
                possible = in_entry.get(bit)
                if possible is None:
                    possible = in_entry[bit] = entry is None or _possible(d, slot, entry)
                if possible and _possible(d, slot, sent):
                    passing |= low
                    continue
            active ^= low
        found: dict[tuple[str, int], list[int]] = {}
        if passing:
            # In whatever order: no finding depends on the order rules are met in (see
            # `_compound_signals`).
            for pos, norm in enumerate(sent.norms):
                if norm == CLAUSE:
                    continue
                mask = info[norm].begins_bits & passing
                while mask:
                    low = mask & -mask
                    mask ^= low
                    slot = slot_at[low.bit_length() - 1]
                    lst = found.get(slot)
                    if lst is None:
                        found[slot] = [pos]
                    else:
                        lst.append(pos)  # `begins` names a rule once per word
        scanned = active & scan_bits
        if scanned and ruled_out:
            scanned &= ~d.scan_bits_of(ruled_out)
        if scanned:
            chosen: set[tuple[str, int]] = set()
            while scanned:
                low = scanned & -scanned
                scanned ^= low
                chosen.add(slot_at[low.bit_length() - 1])
            _scan(d, sent, chosen, found)
        out[k] = found
    return out


def _scan(d: _Detector, sent: _Sentence, active: set[tuple[str, int]],
          found: dict[tuple[str, int], list[int]]) -> None:
    """Add the starts of the active rules that begin with a suffix, infix or regex (in
    the order `scan_atoms` gives them)."""
    joined: str | None = None
    of_slot = d.scan_atoms_of()
    chosen = [item for slot in active if (items := of_slot.get(slot)) for item in items]
    chosen.sort(key=lambda item: item[0])
    for _, atom, lang, ri in chosen:
        if atom.kind in ("contains", "suffix"):
            if joined is None:
                joined = " ".join(sent.norms)
            if atom.value not in joined:
                continue
        lemmas = sent.lemmas(lang)
        for pos, norm in enumerate(sent.norms):
            if atom.test(norm, lemmas[pos]):
                found.setdefault((lang, ri), []).append(pos)


class _Words:
    """A whole entry's words, for the required-word check (`_possible`) at entry level."""

    __slots__ = ("norm_set", "_forms", "_present")

    def __init__(self, norm_set: set[str], forms: Mapping[str, Mapping[str, str]]):
        self.norm_set = norm_set
        self._forms = forms
        self._present: dict[str, set[str]] = {}

    def present(self, lang: str) -> set[str]:
        """Every written form and (in `lang`) lemma in the entry."""
        present = self._present.get(lang)
        if present is None:
            table = self._forms.get(lang) or {}
            words = self.norm_set  # each word's lemma, or the word: `table.get(w, w)` from C
            present = self._present[lang] = words.union(map(table.get, words, words))
        return present


def _possible(d: _Detector, slot: tuple[str, int], sent: _Sentence | _Words) -> bool:
    """Whether rule `slot` can match in `sent` at all: every word set it requires has a
    word in the sentence (see matcher.required_words). A rule that cannot be loaded is kept:
    `assess` skips it."""
    needs = d.needs_of(slot)
    if not needs:
        return True
    present = sent.present(slot[0])
    for words in needs:
        if words.isdisjoint(present):
            return False
    return True


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def _nearest_subject(mine: list[tuple[int, int]], theirs: list[tuple[int, int]],
                     lo: int, first: int) -> str | None:
    """'me' or 'other': whoever was named last before word `first`, from word `lo` on."""
    before = [(e, "me") for s, e in mine if lo <= s < first]
    before += [(e, "other") for s, e in theirs if lo <= s < first]
    return max(before)[1] if before else None


def _context(d: _Detector, rules: LanguageRules, sent: _Sentence, first: int, last: int,
             subject: str, recovered: _Lazy, written_in: Iterable[str] = (),
             recovered_in: Mapping[str, _Lazy] | None = None,
             entry_hits: Mapping[str, int] | None = None) -> tuple[float, str]:
    """The factor context applies to a signal at words [first, last), and why. A negative
    factor is a cap (joking, hyperbole): see `assess`. `written_in`: other languages the
    sentence may be in, whose frames of a confidence told to the writer count too (an
    English "suicidal" in a Hinglish "Neha ne bataya ..."), and whose figures, negations
    and distance in time count as much as the rule's own: a rule of one language firing
    on a loanword in another ("self harm" in "2 saal ho gaye bina self harm ke") is
    framed by the language the sentence is written in. `recovered_in`: whether the entry
    says the writer is safe now, by language; `entry_hits`: the entry's very common words
    by language."""
    f = d.factors
    lang = rules.language
    figures = sent.spans(rules.patterns("figures"), lang)
    if _overlaps((first, last), figures):
        if subject != "self" or not _confided(rules, sent, first, last, figures):
            return f.get("figure", 0.0), "figure of speech"
    # Another language frames the signal only where the entry is more in it than in the
    # rule's (`entry_hits`: very common words by language): "em me mata" stays Portuguese
    # beside the Spanish figure "me mata", "pas" in Indonesian is no French "not".
    hits = entry_hits or {}
    framing = [r for r in _framing(d, rules, written_in)
               if r is rules or hits.get(r.language, 0) > hits.get(lang, 0)]
    for other in framing[1:]:
        if other.data.get("figures") and _overlaps((first, last), sent.spans(other.patterns("figures"), other.language)):
            return f.get("figure", 0.0), "figure of speech"
    factor, why = 1.0, []
    clause = sent.clause_of(first)
    if subject == "self":
        # Someone else's confidence told to the writer ("Carmen me contó que ha pensado
        # en suicidarse", "友達から死にたいって打ち明けられた"): a frame holding the signal
        # makes it theirs; one before it names them as its subject, unless the writer is
        # named again after it ("she told me that I ...").
        told: list[tuple[int, int]] = []
        for frames in _framing(d, rules, written_in):
            if frames.data.get("reported") and any(
                    s <= first and last <= e
                    for s, e in sent.spans(frames.patterns("reported"), frames.language)):
                return f.get("other_person", 0.0), "about someone else"
            if frames.data.get("reporting"):
                told += [(s, e) for s, e in sent.spans(frames.patterns("reporting"), frames.language)
                         if e <= first]
        # The writer telling someone ("I told my therapist about wanting to die", "she
        # opened up to me about ..."): whoever is told is no subject of what follows.
        mine = sent.spans(rules.patterns("first_person"), lang)
        theirs = sent.spans(rules.patterns("others"), lang) + told
        for other in framing[1:]:  # "school ke dost ne suicide kar liya": the friend's
            mine += sent.spans(other.patterns("first_person"), other.language)
            theirs += sent.spans(other.patterns("others"), other.language)
        if heard := _heard(rules, sent, first, mine + theirs):
            mine = [m for m in mine if m not in heard]
            theirs = [t for t in theirs if t not in heard]
        if not _overlaps((first, last), mine):
            # Inside the signal's own words only pronouns count ("write his last words");
            # a noun there ("end the story") is what the signal is about, not who.
            pronouns = [(a, b) for a, b in theirs
                        if all(n in rules.common for n in sent.norms[a:b])]
            if _overlaps((first, last), pronouns):
                return f.get("other_person", 0.0), "about someone else"
            # A verb of the signal's own in the first person makes it the writer's where
            # the one named before it is the subject of a clause of time or condition
            # ("jak rodzice pojadą, skończę z tym", "коли мама засне, наковтаюся
            # таблеток"): the verb's ending names the main clause's subject, which the
            # rules' infinitive does not. Elsewhere such a verb names no subject here.
            if any(_overlaps(v, [(first, last)]) and _after_condition(rules, sent, theirs, v[0])
                   for v in _first_person_verbs(rules, sent)):
                who: str | None = "me"
            else:
                # The clause's own subject decides; a clause without one (a participle,
                # "..., talking about not wanting to be here") takes the sentence's.
                # Languages that drop the subject list their first-person verb endings
                # as first-person words (ja -たい, ko -고 싶다), so "跟妈妈吵架了，好想死"
                # stays the writer's.
                who = _nearest_subject(mine, theirs, clause, first)
            if who is None:
                who = _nearest_subject(mine, theirs, 0, first)
            if who == "other":
                return f.get("other_person", 0.0), "about someone else"
    # A negator just before the words of distance in time negates the past, not the sign
    # ("I didn't used to want to be dead", "I never used to think about it"): the
    # sentence sets the past against now, so the sign is neither past nor denied.
    turned: list[tuple[int, int]] = []
    past = []
    for r in framing:
        spans = sent.spans(r.patterns("past"), r.language)
        if not spans:
            continue
        nots = [n for n in sent.spans(r.patterns("negators"), r.language)
                if any(n[1] == s and s <= first for s, _ in spans)]
        if nots and all(any(n[1] == s for n in nots) for s, _ in spans):
            turned += nots
        else:
            past.append(r)
    if past and not any(sent.spans(r.patterns("now"), r.language) for r in framing):
        if recovered.get() or any(r is not rules and r.language in recovered_in
                                  and recovered_in[r.language].get() for r in past if recovered_in):
            return f.get("recovered", 0.0), "past, safe now"
        factor *= f.get("past", 0.6)
        why.append("past")
    negations = []
    for r in framing:
        found = [(s, e) for s, e in sent.spans(r.patterns("negators"), r.language)
                 if clause <= s and e <= first and first - e <= 3 and (s, e) not in turned]
        if found and r.data.get("answers"):
            # "When I said no he locked me in": the "no" is what was said, not a denial.
            said = sent.spans(r.patterns("answers"), r.language)
            found = [n for n in found if not _overlaps(n, said)]
        negations += found
    if negations:
        factor *= f.get("negated", 0.5)
        why.append("negated")
    cap = None
    if _overlaps((first, last), sent.spans(rules.patterns("hyperbole"), lang)):
        cap = d.thresholds["gentle"]
        why.append("hyperbole")
    joking = sent.laughing or bool(sent.spans(rules.patterns("jokes"), lang))
    if joking and cap is None and sent.spans(rules.patterns("trivial"), lang):
        # Laughter about a trivial thing (an exam, a match, the Wi-Fi, a song) is hyperbole.
        cap = d.thresholds["gentle"]
        why.append("hyperbole")
    if joking:
        # Hyperbole and laughter together ("someone put me out of my misery lol") are
        # a joke twice over: below the gentle line. Either alone keeps the line.
        cap = d.thresholds["gentle"] * (f.get("hyperbole_joking", 1.0) if cap else 1.0)
        why.append("joking")
    return (factor, ", ".join(why)) if cap is None else (-min(factor, 1.0) * cap, ", ".join(why))


def _after_condition(rules: LanguageRules, sent: _Sentence, theirs: Sequence[tuple[int, int]],
                     verb: int) -> bool:
    """Whether every other person named before word `verb` is in a clause of time or
    condition (one opening with a word of `first_person_verbs.after`: "когда", "jak",
    "якщо"), and none in the verb's own clause."""
    after = {fold(str(w)) for w in (rules.data.get("first_person_verbs") or {}).get("after") or ()}
    if not after:
        return False
    own = sent.clause_of(verb)
    for a, _ in theirs:
        if a >= verb:
            continue
        start = sent.clause_of(a)
        if start == own or sent.norms[start] not in after:
            return False
    return True


def _first_person_verbs(rules: LanguageRules, sent: _Sentence) -> list[tuple[int, int]]:
    """The sentence's verbs in the first person by their ending, where the language marks
    the person on the verb and the rules name verbs by their infinitive ("skończę z tym",
    "наковтаюся таблеток" after "jak rodzice pojadą", "коли мама засне"): a word whose
    written form ends in one of `first_person_verbs.forms` (not in its `not_forms`) and
    whose lemma, another word, ends in one of its `lemmas` (an infinitive's endings)."""
    spec = rules.data.get("first_person_verbs")
    if not spec or not sent.text:
        return []
    ends = tuple(str(e) for e in spec.get("forms") or ())
    infinitives = tuple(fold(str(e)) for e in spec.get("lemmas") or ())
    not_ends = tuple(str(e) for e in spec.get("not_forms") or ())
    if not ends or not infinitives:
        return []
    lemmas = sent.lemmas(rules.language)
    found = []
    for k, w in enumerate(sent.words):
        norm, lemma = sent.norms[k], lemmas[k]
        if norm == CLAUSE or lemma == norm or not lemma.endswith(infinitives):
            continue
        written = sent.text[w.start:w.end].casefold()
        if written.endswith(ends) and not (not_ends and written.endswith(not_ends)):
            found.append((k, k + 1))
    return found


def _heard(rules: LanguageRules, sent: _Sentence, before: int,
           named: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Of the people `named` (first-person and other words' spans), those told something
    in a `confiding` frame ending by word `before` ("told [my therapist] about", "she
    opened up to [me] about", "призналась [психологу], что"): those named between the
    frame's first and last words (each language's frames keep that stretch to a listener)."""
    if not rules.data.get("confiding"):
        return set()
    zones = [(s, e) for s, e in sent.spans(rules.patterns("confiding"), rules.language)
             if e <= before and e - s > 2]
    return {(a, b) for a, b in named if any(s < a and b < e for s, e in zones)}


def _confided(rules: LanguageRules, sent: _Sentence, first: int, last: int,
              figures: Sequence[tuple[int, int]]) -> bool:
    """Whether a figure at words [first, last) is only a telling frame the writer is the
    teller of ("Я призналась, что хочу умереть" read like "брат написал, что хочет
    прыгнуть"): the writer is named before the frame, or no one is and the signal's own
    words are the writer's ("Призналась психологу, что думаю о самоубийстве")."""
    if not rules.data.get("confiding"):
        return False
    frames = [(s, e) for s, e in sent.spans(rules.patterns("confiding"), rules.language) if e <= first]
    if not frames:
        return False
    mine = sent.spans(rules.patterns("first_person"), rules.language)
    theirs = sent.spans(rules.patterns("others"), rules.language)
    heard = _heard(rules, sent, first, mine + theirs)
    for s, _ in frames:
        if not any(a <= s < b and b > first for a, b in figures):
            continue
        who = _nearest_subject([m for m in mine if m not in heard], [t for t in theirs if t not in heard],
                               0, s + 1)
        if who == "me" or (who is None and _overlaps((first, last), mine)):
            return True
    return False


def _framing(d: _Detector, rules: LanguageRules, written_in: Iterable[str]) -> list[LanguageRules]:
    """The rules' own language and the sentence's other languages, for their frames."""
    out = [rules]
    for lang in written_in:
        if lang != rules.language and (other := d.rules(lang)) is not None:
            out.append(other)
    return out


class _Laughter:
    """Which sentences of an entry laugh (levity.laughing), worked out the first time a
    signal's context asks: reading the whole text for laughter costs as much as a tenth of
    an entry's analysis, and most entries hold no signal to weigh."""

    __slots__ = ("_text", "_raw", "_flags")

    def __init__(self, text: str, raw: Sequence[Sequence[Word]]):
        self._text, self._raw = text, raw
        self._flags: list[bool] | None = None

    def flags(self) -> list[bool]:
        if self._flags is None:
            from mirror.engine.care.levity import laughing  # only when a signal's context asks

            self._flags = laughing(self._text, _sentence_spans(self._raw, len(self._text)))
        return self._flags


class _Lazy:
    """A flag computed only when a past-tense signal asks for it."""

    def __init__(self, fn):
        self._fn, self._value = fn, None

    def get(self) -> bool:
        if self._value is None:
            self._value = bool(self._fn())
        return self._value


def _strongest_per_span(found: Iterable[CareSignal]) -> tuple[CareSignal, ...]:
    """The signals that count: the heaviest set of matches that share no words. Two rules
    matching the same words describe one sign, so only one of them counts; matches in
    different places ("checks my phone" ... "took my keys") each count. Chosen by weighted
    interval scheduling, ties broken by position and rule id (deterministic)."""
    ordered = sorted(found, key=lambda s: (s.end, s.start, s.rule))
    if not ordered:
        return ()
    ends = [s.end for s in ordered]
    best: list[tuple[float, tuple[CareSignal, ...]]] = [(0.0, ())]
    for i, s in enumerate(ordered):
        j = bisect_right(ends, s.start, 0, i)  # signals ending at or before this one starts
        take = (best[j][0] + s.weight, best[j][1] + (s,))
        skip = best[i]
        best.append(take if take[0] > skip[0] + 1e-12 else skip)
    return tuple(sorted(best[-1][1], key=lambda s: (s.start, s.end, s.rule)))


def _strength(s: CareSignal) -> tuple:
    """Sort key, strongest first; ties broken by position and rule id, so the same text
    always gives the same evidence whatever was read before it."""
    return (-s.weight, s.start, s.end, s.rule)


def _plausible(sent: _Sentence, common: Mapping[str, list[str]]) -> set[str] | None:
    """Languages a sentence may be written in, from its very common words ("the", "que",
    "und"): every language's rules are in the index, and without this an English
    sentence would be read by, say, the Polish rules for the loanword "self harm", whose
    own context words (figures, other people) are Polish. A language counts when it has
    at least half the hits of the best one; a sentence with no common words at all
    ("kms", "unalive") is plausible in every language (None)."""
    hits = sent.language_hits(common)
    if not hits:
        return None
    top = max(hits.values())
    return {lang for lang, n in hits.items() if n * 2 >= top}


def _other_languages_word(sent: _Sentence, first: int, last: int, lang: str,
                          common: Mapping[str, list[str]]) -> bool:
    """Whether a one-word match is a very common word of the language the sentence is
    written in, not of the rule's: "od" is Polish "from" ("a card from everyone"), not
    English for an overdose. Only when that language has more common words in the
    sentence than the rule's: "i will od tonight" stays English."""
    if last - first != 1 or not common:
        return False
    owners = common.get(sent.norms[first])
    if not owners or lang in owners:
        return False
    hits = sent.language_hits(common)
    mine = hits.get(lang, 0)
    return any(hits.get(other, 0) > mine for other in owners)


#: The most characters the detector reads at once. A longer text (storage keeps up to
#: 64 MiB in one reflection) is read piece by piece (`text.pieces`: cut after a blank line,
#: a line or a word), so its memory stays that of one piece (~15 MB) however long the
#: text, and a sign is found wherever it is. A rule still counts once for the whole text;
#: what the detector weighs across sentences (signs that count together, an ordinary
#: reason beside a sign, "safe now" elsewhere in the entry) is weighed within each piece.
PIECE_CHARS = 100_000


#: The second reader (model.py) reads an entry's beginning up to here: it was trained on
#: entries of a few thousand characters, and its cost grows with the text.
MODEL_CHARS = 20_000
#: ... and only entries of at least this many characters: on a few words ("after all") it
#: guesses from fragments, and the rules read short statements well.
MODEL_MIN_CHARS = 40
#: The second reader's signal: a category of its own, the gentle tier's weight, no words.
MODEL_CATEGORY = "distress"
#: Contexts that keep a rule's sign from agreeing with the second reader: a denial ("I'm
#: not suicidal"), a screening question answered no, a joke or hyperbole ("kill me now
#: lol") and distant past are kept
#: below the care response on purpose, and the second reader, which sees only the words,
#: would read them as close to a crisis.
_NOT_AGREEING = frozenset({"negated", "hyperbole", "joking", "past", SCREENED})


def assess(text: str) -> CareFinding:
    """The care finding for `text`. Never raises on any text (property-tested).

    When the rules find nothing that reaches the gentle line, the second reader
    (`model.py`) may still give it: it reads entries close to the labelled crises in
    words no rule foresaw. It never gives the care response alone: only when the rules,
    on their own, reach the gentle line (`agreeing`) and it reads the entry as a crisis
    past its stricter `care_threshold` do the two readers together give the care response
    (two independent readers at the gentle line; their signals sum past `care`)."""
    if not text or not text.strip():
        return NO_FINDING
    found = _assess_rules(text)
    if found.tier == CARE:
        return found
    reader = care_model()
    if reader is None or len(text.strip()) < MODEL_MIN_CHARS:
        return found
    weight = detector().thresholds["gentle"]
    if found.tier is None:
        if reader.likelihood(text[:MODEL_CHARS]) < reader.threshold:
            return found
        signal = CareSignal(MODEL_CATEGORY, "model", weight, 0, 0, "", "", "model")
        return CareFinding(GENTLE, found.score + signal.weight, found.signals + (signal,), found.fired)
    agree = agreeing(found)
    if (not agree or reader.care_threshold is None
            or reader.likelihood(text[:MODEL_CHARS]) < reader.care_threshold):
        return found
    # The care response on the rules' own signs and the second reader's agreement: the
    # signal names both (`show --json`), carries the category the rules read (the care
    # text acknowledges what they saw) and no words of the writer's.
    strongest = max(agree, key=lambda s: (s.weight, -s.start))
    signal = CareSignal(strongest.category, "model", weight, 0, 0, "", "",
                        "model, agreeing with " + ", ".join(dict.fromkeys(s.rule for s in agree)))
    return CareFinding(CARE, found.score + signal.weight, found.signals + (signal,), found.fired)


def agreeing(found: CareFinding) -> list[CareSignal]:
    """The rules' signs in `found` that may agree with the second reader: the writer's own,
    meant now and in earnest, and together at the gentle line; [] when they are not."""
    signs = [s for s in found.signals if s.rule != "model" and not (_NOT_AGREEING & set(s.context.split(", ")))]
    if sum(s.weight for s in signs) < detector().thresholds["gentle"] - 1e-9:
        return []
    return signs


def _assess_rules(text: str) -> CareFinding:
    """The rules' finding for `text`, read in pieces of at most PIECE_CHARS."""
    if len(text) <= PIECE_CHARS:
        return _assess(text)[0]
    best: dict[str, CareSignal] = {}
    counted: dict[str, CareSignal] = {}
    for start, end in pieces(text, PIECE_CHARS):
        found, held = _assess(text[start:end])
        for group, signals in ((best, held), (counted, found.signals)):
            for s in signals:
                s = replace(s, start=s.start + start, end=s.end + start)
                if s.rule not in group or s.weight > group[s.rule].weight:
                    group[s.rule] = s
    if not best:
        return NO_FINDING
    return _verdict(detector(), tuple(sorted(counted.values(), key=lambda s: (s.start, s.end, s.rule))),
                    best.values())


def _assess(text: str) -> tuple[CareFinding, list[CareSignal]]:
    """The finding for one text of at most `PIECE_CHARS`, and every rule's strongest
    signal (also those another rule's covered: `CareFinding.fired` counts them)."""
    if not text.strip():
        return NO_FINDING, []
    d = detector()
    raw = sentences(text, d.normaliser, d.index.known, d.word_cache)
    words = {w.norm for ws in raw for w in ws}
    forms = d.index.lemma_tables(words)
    laughter = _Laughter(text, raw)
    sentences_ = [_Sentence(ws, forms, laughter, k, text=text) for k, ws in enumerate(raw)]
    common = d.index.common_words(words) if d.index.has_common else {}
    best = _read(d, text, sentences_, forms, common)
    if (writer := _as_the_writer(d, sentences_, text, common, laughter)) is not None:
        # The entry says its "you", "she" or a name is the writer ("Note to self: nobody
        # would miss you", "Ellie wants to die. Ellie is me"): it is read a second time
        # with those words as the writer's own, and each rule keeps its stronger reading.
        swapped = {w for s_ in writer for w in s_.norms} - words
        if swapped and d.index.has_common:
            common = {**common, **d.index.common_words(swapped)}
        for rid, signal in _read(d, text, writer, forms, common).items():
            held = best.get(rid)
            if held is None or signal.weight > held.weight:
                why = ", ".join(w for w in (signal.context, "the writer, named as another") if w)
                best[rid] = replace(signal, context=why)
    if not best:
        return NO_FINDING, []
    signals = _strongest_per_span(best.values())
    if d.near[0] and not _distress(d, best):
        signals = _nearest(d, signals, [s.words[0].start if s.words else 0 for s in sentences_], text)
    return _verdict(d, signals, best.values()), list(best.values())


def _read(d: _Detector, text: str, sentences_: Sequence[_Sentence],
          forms: Mapping[str, Mapping[str, str]], common: Mapping[str, list[str]]) -> dict[str, CareSignal]:
    """Every rule's (and compound's) strongest signal in the entry's sentences."""
    best: dict[str, CareSignal] = {}
    recovered: dict[str, _Lazy] = {}
    written_in: dict[_Sentence, list[str]] = {}
    entry_hits: dict[str, int] = {}
    for n_sent, (sent, found) in enumerate(zip(sentences_, _candidates(d, sentences_, forms, common))):
        for (lang, ri), starts in found.items():
            rules = d.rules(lang)
            if rules is None:
                continue
            try:
                rule = rules.rule(ri)
            except (RuleError, IndexError):
                continue  # reported by the rule-file check, never raised at a person
            lemmas = sent.lemmas(lang)
            for pos in starts:
                end = match(rule.pattern, sent.norms, lemmas, pos)
                if end <= pos or _other_languages_word(sent, pos, end, lang, common):
                    continue
                if _in_title(rules, sent, text, pos, end):
                    continue
                if lang not in recovered:
                    recovered[lang] = _Lazy(lambda r=rules: any(
                        s.spans(r.patterns("recovery"), r.language) for s in sentences_))
                if rule.subject == "self" and sent not in written_in:
                    written_in[sent] = sorted(_plausible(sent, common) or ())
                    if not entry_hits:
                        for s_ in sentences_:
                            for k_, n_ in s_.language_hits(common).items():
                                entry_hits[k_] = entry_hits.get(k_, 0) + n_
                    for other in written_in[sent]:
                        if other not in recovered and (o := d.rules(other)) is not None:
                            recovered[other] = _Lazy(lambda r=o: any(
                                s.spans(r.patterns("recovery"), r.language) for s in sentences_))
                try:
                    factor, why = _context(d, rules, sent, pos, end, rule.subject, recovered[lang],
                                           written_in.get(sent, ()), recovered, entry_hits)
                except RuleError:
                    factor, why = 1.0, ""
                if rule.subject == "self" and factor > 0 and _screened(rules, sentences_, n_sent, pos, end):
                    # A question put to the writer and answered no: kept at its weight, but
                    # alone it reaches the gentle line and never the care response
                    # (`_verdict`), as a denial does.
                    why = ", ".join(w for w in (why, SCREENED) if w)
                # A negative factor is a cap: joking and hyperbole bring a signal down to
                # the gentle tier at most, never below what it was.
                weight = rule.weight * factor if factor >= 0 else min(rule.weight, -factor)
                if weight <= 0:
                    continue
                start, stop = sent.words[pos].start, sent.words[end - 1].end
                signal = CareSignal(rule.category, rule.id, weight, start, stop,
                                    text[start:stop], lang, why)
                held = best.get(rule.id)
                if held is None or weight > held.weight:
                    best[rule.id] = signal
    if d.compounds or d.ordinary:
        made, hits = _compound_signals(d, sentences_, text, common, best, recovered)
        for rid in _ordinary_signals(d, best, hits, sentences_):
            del best[rid]
        for signal in made:
            held = best.get(signal.rule)
            if held is None or signal.weight > held.weight:
                best[signal.rule] = signal
    return best


def _screened(rules: LanguageRules, sents: Sequence[_Sentence], n: int, first: int, last: int) -> bool:
    """Whether the sign at words [first, last) of sentence `n` is a question put to the
    writer and answered no: a doctor's or a nurse's screening ("The nurse asked if I'd
    thought about hurting myself. I said no."). The question (`asked`) comes before the
    sign in its sentence (or closes the sign's clause, in a language whose rules say
    `asked_follows`); the answer (`declined`) opens a clause after the sign there or
    the next sentence, with no negator just before it ("I couldn't say no"), and nothing
    after it says it was untrue (`lied`: "I said no, but I lied") or takes it back
    (`_taken_back`: "I said no. I took one last night."). The answer ends its clause
    ("No.", "I said no, and ...", "Nee, zei ik"): "I told her no because I was scared" and
    "I didn't answer" are no such answer."""
    if not rules.data.get("asked") or not rules.data.get("declined"):
        return False
    sent = sents[n]
    lang = rules.language
    # Where the verb ends its clause (tr "... düşünüp düşünmediğimi sordu"), the question's
    # verb follows what it asks about, within the sign's own clause.
    follows = bool(rules.data.get("asked_follows"))
    clause = sent.clause_of(first)
    if not any(e <= first or (follows and s >= last and sent.clause_of(s) == clause)
               for s, e in sent.spans(rules.patterns("asked"), lang)):
        return False
    places = [(n, last)]
    if n + 1 < len(sents):
        places.append((n + 1, 0))
    if any(later.spans(rules.patterns("lied"), lang) for later in sents[n:]):
        return False
    for k, after in places:
        place = sents[k]
        norms = place.norms
        sent_nots = place.spans(rules.patterns("negators"), lang)
        for s, e in place.spans(rules.patterns("declined"), lang):
            if s < after:
                continue
            opening = place.clause_of(s)
            if s - opening > 3 or (place is not sent and s > 3):
                continue
            if any(m[1] <= s and s - m[1] <= 2 and m[0] >= opening for m in sent_nots):
                continue
            if e < len(norms) and norms[e] != CLAUSE:
                continue
            return not _taken_back(rules, sents, k, e)
    return False


def _taken_back(rules: LanguageRules, sents: Sequence[_Sentence], n: int, after: int) -> bool:
    """Whether what the entry says after the writer's "no" (from word `after` of sentence
    `n` on) takes it back: an act or a plan told of what was asked about (`taken_back`:
    "I took one last night", "lo hice"), or the writer's bare yes opening and ending a
    clause (`owned`: "Actually, I did.", "But I have."). Read in every later sentence of the
    entry, so a "no" is only a screening while nothing after it says otherwise."""
    lang = rules.language
    acts, owned = rules.patterns("taken_back"), rules.patterns("owned")
    for k in range(n, len(sents)):
        place = sents[k]
        start = after if k == n else 0
        if any(s >= start for s, _ in place.spans(acts, lang)):
            return True
        norms = place.norms
        if any(s >= start and s - place.clause_of(s) <= 2 and (e >= len(norms) or norms[e] == CLAUSE)
               for s, e in place.spans(owned, lang)):
            return True
    return False


#: id(the frames' pattern lists) -> (the lists, `_frame_heads`): see `_as_the_writer`.
_HEADS: dict[tuple[int, int], tuple[Sequence[Pattern], Sequence[Pattern], frozenset[str] | None]] = {}


def _frame_heads(address: Sequence[Pattern], named: Sequence[Pattern]) -> frozenset[str] | None:
    """The words one of which an entry must hold (written or as a lemma) for a pattern of
    `address` or `named` to be possible in it (`matcher.first_words` of each, together);
    None when one of them requires no word."""
    key = (id(address), id(named))
    cached = _HEADS.get(key)
    if cached is None or cached[0] is not address or cached[1] is not named:
        a, b = first_words(address), first_words(named)
        cached = _HEADS[key] = (address, named, None if a is None or b is None else a | b)
    return cached[2]


def _as_the_writer(d: _Detector, sents: Sequence[_Sentence], text: str,
                   common: Mapping[str, list[str]], laughter: _Laughter) -> list[_Sentence] | None:
    """The entry's sentences with the words it says are the writer read as the writer's
    own, or None when it says none are. A language's `self_address` frames ("note to
    self", "dear me", "in the third person") make its second- and third-person pronouns
    the writer's (`self_persons`: each such word -> the first-person word it is read as,
    and the lemma it matches as well, "you" -> "i me"); a `self_named` frame after a
    name ("Ellie is me", "Ellie, c'est moi") makes that name, and those pronouns, the
    writer's. A verb right after such a subject takes the first person (`self_verbs`:
    "you are" is read "i am"). Only the languages the entry is written in are asked."""
    hits: dict[str, int] = {}
    for sent in sents:
        for lang, n in sent.language_hits(common).items():
            hits[lang] = hits.get(lang, 0) + n
    every: set[str] = set().union(*[s.norm_set for s in sents]) if sents else set()
    for lang in sorted(hits, key=lambda k: (-hits[k], k)):
        rules = d.rules(lang)
        if rules is None or not rules.data.get("self_persons"):
            continue
        try:
            # One look at the entry's words first: most entries hold no frame's words. No
            # word (written, or its lemma in `table`) one of the frames must begin with
            # says so in C, before the entry's forms and lemmas are gathered in a set.
            table = sents[0]._forms.get(lang) or {}
            address, named = rules.patterns("self_address"), rules.patterns("self_named")
            heads = _frame_heads(address, named)
            if heads is not None and heads.isdisjoint(every) and heads.isdisjoint(map(table.get, every)):
                continue
            # (`table.get(w, w)` for each word, called from C: `every` twice, in step)
            present = every.union(map(table.get, every, every))
            # Only the frames the entry holds every required word of can match in any of
            # its sentences: they alone are tried there (none: the language is passed).
            address_here, named_here = possible_patterns(address, present), possible_patterns(named, present)
            if not address_here and not named_here:
                continue
            marked = any(s.spans(address_here, lang) for s in sents)
            names: set[str] = set()
            for sent in sents:
                for a, _ in sent.spans(named_here, lang):
                    k = a - 1
                    while k >= 0 and sent.norms[k] == CLAUSE:
                        k -= 1
                    # A name: capitalised, and no very common word of any language
                    # ("This is me", "Das bin ich").
                    if (k >= 0 and text[sent.words[k].start:sent.words[k].end][:1].isupper()
                            and not common.get(sent.norms[k])):
                        names.add(sent.norms[k])
        except RuleError:
            continue
        if not marked and not names:
            continue
        persons = {fold(str(k)): str(v).split() for k, v in (rules.data.get("self_persons") or {}).items()}
        verbs = {fold(str(k)): fold(str(v)) for k, v in (rules.data.get("self_verbs") or {}).items()}
        out = []
        for k, sent in enumerate(sents):
            words, read_as = list(sent.words), {}
            subject = False
            for i, w in enumerate(words):
                as_ = persons.get("@name") if w.norm in names else persons.get(w.norm)
                if as_:
                    words[i] = Word(as_[0], w.start, w.end)
                    read_as[i] = as_[-1]
                    subject = True
                    continue
                if subject and w.norm in verbs:
                    words[i] = Word(verbs[w.norm], w.start, w.end)
                subject = False
            out.append(_Sentence(words, sent._forms, laughter, k, read_as, text) if read_as else sent)
        return out if any(o is not s for o, s in zip(out, sents)) else None
    return None


def _verdict(d: _Detector, signals: tuple[CareSignal, ...], best: Iterable[CareSignal]) -> CareFinding:
    """The finding from the signals that count and every rule's strongest signal."""
    score = sum(s.weight for s in signals)
    totals: dict[str, float] = {}
    for s in sorted(best, key=lambda s: s.rule):  # one order: float sums agree
        totals[s.language] = totals.get(s.language, 0.0) + s.weight
    fired = tuple(sorted(totals, key=lambda k: (-totals[k], k)))
    # A denial ("I'm not suicidal": a clear statement, negated) is the person's own word
    # against a crisis: it can bring the gentle line, never the care response. A negator
    # near a weaker sign ("if I don't hand it over he grabs it") is no denial.
    denial = d.factors.get("negated", 0.5) - 1e-9
    affirmed = sum(s.weight for s in signals
                   if not ("negated" in s.context and s.weight >= denial) and SCREENED not in s.context)
    # A sign the writer was asked about and answered no to (`_screened`: a doctor's or a
    # nurse's screening) brings the gentle line at most; with another sign of the writer's
    # in the entry, it counts in full again.
    if affirmed > 1e-9:
        affirmed += sum(s.weight for s in signals if SCREENED in s.context)
    if affirmed >= d.thresholds["care"] - 1e-9:
        tier: str | None = CARE
    elif score >= d.thresholds["gentle"] - 1e-9:
        tier = GENTLE
    else:
        tier = None
    return CareFinding(tier, score, signals, fired)


def _sentence_spans(raw: Sequence[Sequence[Word]], size: int) -> list[tuple[int, int]]:
    """Each sentence's characters, to where the next begins (its stop and a face after
    it belong to it)."""
    starts = [ws[0].start for ws in raw]
    return list(zip(starts, starts[1:] + [size]))


def _in_title(rules: LanguageRules, sent: _Sentence, text: str, first: int, last: int) -> bool:
    """Whether words [first, last) are part of a title or a name written in capitals
    ("finished The Virgin Suicides", "watched Suicide Squad"): every word of the signal
    capitalised, in a run of at least two capitalised words that does not merely start
    the sentence (or of three or more) and is not the whole sentence. A book, a film or a band is not the writer. Not
    read in languages whose nouns all take a capital (`titles: false`: German)."""
    if rules.data.get("titles", True) is False:
        return False

    def capital(k: int) -> bool:
        w = sent.words[k]
        raw = text[w.start:w.end]
        return len(raw) > 1 and raw[0].isupper() and not raw.isupper() and raw[1:].islower()

    if not all(capital(k) for k in range(first, last)):
        return False
    lo, hi = first, last
    while lo > 0 and capital(lo - 1):
        lo -= 1
    while hi < len(sent.words) and capital(hi):
        hi += 1
    # "I Want To Die", "Me And Suicide Thoughts Again": the writer's own words in
    # capitals (a whole sentence so written is a way of writing), not a name.
    if (lo == 0 and hi == len(sent.words)) or any(e == lo for _, e in sent.spans(rules.patterns("first_person"), rules.language)):
        return False
    run = hi - lo
    return run >= 3 or (run >= 2 and lo > 0)


class _CueHit(NamedTuple):
    sentence: int
    start: int  # character offsets in the text
    end: int
    language: str


def _is_bare(rules: LanguageRules, sent: _Sentence, end: int, strict: bool | str) -> bool:
    """Whether nothing but very common words (`strict`: nothing at all) follows word `end`
    in its clause: the decision stands alone ("Decided.", "C'est décidé, ce sera
    samedi"), "if anything happens" is not "if anything happens to it". "end": nothing
    follows in the sentence ("I'm going to do it." names nothing; "... do it, ask her
    out" does)."""
    if strict == "end":
        return all(norm == CLAUSE for norm in sent.norms[end:])
    rest = 0
    for norm in sent.norms[end:]:
        if norm == CLAUSE:
            break
        rest += 1
        if strict or rest > 2 or norm not in rules.common:
            return False
    return True


def _entry_languages(d: _Detector, sents: Sequence[_Sentence], common: Mapping[str, list[str]],
                     best: Mapping[str, CareSignal]) -> list[str]:
    """Languages whose cues are read: those with at least half the common-word hits of
    the best over the whole entry, a sentence's own clear best (a code-switched line,
    two hits or more), and those of signals already found; in an entry with no common
    word at all, the languages of the scripts it is written in (other than Latin). Per
    sentence alone, "I slept." would be Polish too ("i" is "and")."""
    langs: set[str] = {s.language for s in best.values()}
    total: dict[str, int] = {}
    for sent in sents:
        hits = sent.language_hits(common)
        if hits:
            top = max(hits.values())
            leaders = [lang for lang, n in hits.items() if n == top]
            if top >= 2 and len(leaders) == 1:
                langs.add(leaders[0])
            for lang, n in hits.items():
                total[lang] = total.get(lang, 0) + n
    if total:
        top = max(total.values())
        langs |= {lang for lang, n in total.items() if n * 2 >= top}
    else:
        # No very common word anywhere ("손목을 피가 나도록 깨물었다"): a script of
        # its own still says which languages the entry may be in.
        own = set().union(*[_scripts(sent.norms) for sent in sents]) - {"latin"}
        langs |= {lang for lang in d.index.has_common if SCRIPTS.get(lang, "latin") in own}
    return sorted(langs)


def _cue_hits(d: _Detector, rules: LanguageRules, name: str, sents: Sequence[_Sentence],
              recovered: _Lazy, common: Mapping[str, list[str]] | None = None,
              only: AbstractSet[int] | None = None,
              entry: AbstractSet[str] | None = None) -> list[_CueHit]:
    """Where the writer's own cue `name` is, in this language: a cue inside a figure of
    speech, about someone else, negated, joked about or told as distant past is none, nor
    one word that is a very common word of the language the sentence is written in (the
    Spanish "en" is no Italian "en"). `only`: the sentences to read (all by default);
    `entry`: every written form and lemma of `sents` in this language, when known."""
    base, _, mark = name.partition("!")
    try:
        cue = rules.cue(base)
    except RuleError as exc:
        d.errors.append(str(exc))
        return []
    if cue is None:
        return []
    subject = "self" if mark == "self" else cue.subject
    lang = rules.language
    out: list[_CueHit] = []
    # Only the cue's patterns each of whose required word sets has a word in the entry
    # can match in one of its sentences, so a sentence is asked about those alone (a list
    # too long to keep subsets of stays whole: `matcher.possible_patterns`). Its matches
    # are still those of the whole list (`spans`, kept per list).
    patterns = cue.patterns if entry is None else possible_patterns(cue.patterns, entry)
    if not patterns:
        return out
    # `may_match_any`'s own first test, looked up once per cue rather than once per
    # sentence: most sentences hold none of the words the cue's patterns begin with.
    heads = first_words(patterns)
    for k, sent in enumerate(sents):
        if only is not None and k not in only:
            continue
        present = sent.present(lang)
        if heads is not None and heads.isdisjoint(present):
            continue
        if not may_match_any(patterns, present):
            continue
        for first, last in sent.spans(cue.patterns, lang):
            if cue.bare and not _is_bare(rules, sent, last,
                                         cue.bare if cue.bare == "end" else cue.bare == "strict"):
                continue
            if common and _other_languages_word(sent, first, last, lang, common):
                continue
            try:
                factor, why = _context(d, rules, sent, first, last, subject, recovered)
            except RuleError:
                continue
            if factor < 0.99 and not (cue.light and factor < 0) and not (
                    cue.literal and why == "figure of speech"):
                continue
            out.append(_CueHit(k, sent.words[first].start, sent.words[last - 1].end, lang))
    return out


def _compound_signals(d: _Detector, sents: Sequence[_Sentence], text: str,
                      common: Mapping[str, list[str]], best: Mapping[str, CareSignal],
                      recovered: dict[str, _Lazy]) -> tuple[list[CareSignal], dict[str, list[_CueHit]]]:
    """Signals made of cues found together (compounds.yaml), and the hits of every cue
    read. Cue hits are pooled over the entry's languages, so "gave my plants to Sofia,
    escribí las cartas" holds two."""
    langs = [lang for lang in _entry_languages(d, sents, common, best)
             if (r := d.rules(lang)) is not None and r.cue_names]
    if not langs:
        return [], {}
    d.compounds_read += 1
    clear = d.thresholds["care"] - 1e-9
    # Cues no word of the entry can begin are skipped before any sentence is read; which
    # are possible is asked only for the slots a compound reaches (see `could`).
    entry_present: dict[str, set[str]] = {}
    possible_memo: dict[str, list[str]] = {}
    triggered: dict[str, set[str]] = {}
    # When every language's cues are looked up by word (see `_Detector.cue_triggers`),
    # the cues the entry may hold in any of them, worked out at once: most names a
    # compound asks about are then answered with one look-up.
    anywhere: set[str] | None = None
    if all(lang in d.index.cue_langs for lang in langs) or d.compounds_read >= CUE_INDEX_AFTER:
        anywhere = set()
        for lang in langs:
            present = entry_present[lang] = set().union(*[s.present(lang) for s in sents])
            anywhere |= triggered.setdefault(lang, d.cue_triggers(lang, present))

    def possible(name: str) -> list[str]:
        found = possible_memo.get(name)
        if found is None:
            found = possible_memo[name] = []
            base = cue_base(name)
            if anywhere is not None and base not in anywhere:
                return found  # none of its patterns' indexed words is in the entry
            for lang in langs:
                rules = d.rules(lang)
                if rules is None or base not in rules.cue_names:
                    continue
                present = entry_present.get(lang)
                if present is None:
                    present = entry_present[lang] = set().union(*[s.present(lang) for s in sents])
                if lang in d.index.cue_langs or d.compounds_read >= CUE_INDEX_AFTER:
                    bases = triggered.get(lang)
                    if bases is None:
                        bases = triggered[lang] = d.cue_triggers(lang, present)
                    if base not in bases:
                        continue  # none of its patterns' indexed words is in the entry
                    masks = d._cue_index.get(lang)
                    exact = masks[3] if masks is not None else d.index.cue_exact(lang)
                    if base in exact:
                        found.append(lang)  # its patterns' every word set was looked up
                        continue
                try:
                    cue = rules.cue(base)
                except RuleError as exc:
                    d.errors.append(str(exc))
                    continue
                if cue and may_match_any(cue.patterns, present):
                    found.append(lang)
        return found

    starts = [s.words[0].start if s.words else 0 for s in sents]
    sig_hits: dict[str, list[_CueHit]] = {}
    # In one order, not the order the rules were met in (that follows the hash seed and
    # the shortcuts taken): a sign two languages' rules read on the same words ("Ана" in
    # the Russian and the Ukrainian rules) fills a slot with the first of its hits, and the
    # compound is credited to that hit's language (`_compound_at`).
    for sig in sorted(best.values(), key=lambda s: (s.start, s.end, s.language, s.rule)):
        if sig.weight >= 0.3:
            k = max(bisect_right(starts, sig.start) - 1, 0)
            sig_hits.setdefault("%" + sig.category, []).append(_CueHit(k, sig.start, sig.end, sig.language))

    def could(comp: Compound) -> bool:
        filled, left = 0, len(comp.slots)
        for slot in comp.slots:
            left -= 1
            for c in slot:
                if c in sig_hits:
                    filled += 1
                    break
                if c[:1] != "%":
                    langs_ = possible_memo.get(c)  # asked of most names by several compounds
                    if langs_ is None:
                        langs_ = possible(c)
                    if langs_:
                        filled += 1
                        break
            if filled + left < comp.need:
                return False
        return filled >= comp.need

    ok: set[str] | None = None
    if anywhere is None:
        todo = [c for c in d.compounds if could(c)]
    else:
        # `could` for every compound at once: the names that can fill a slot are those of
        # the signals found and the possible cues (only those of the cues the entry may
        # hold are asked about); a compound is worth reading when `need` of its slots
        # hold one.
        names_of, plan = d.compound_plan()
        ok = set(sig_hits)
        for base in anywhere:
            for name in names_of.get(base, ()):
                if possible(name):
                    ok.add(name)
        # Which compounds are worth reading depends on `ok` alone, and entries of a journal
        # fall into few such sets: kept per process (`_Detector.todo_of`).
        key = frozenset(ok)
        todo = d.todo_of.get(key)
        if todo is None:
            if len(d.todo_of) >= 4096:
                d.todo_of.clear()
            todo = d.todo_of[key] = [
                comp for comp, slots, every in plan
                if comp.need <= 0 or (not ok.isdisjoint(every) and sum(
                    1 for slot in slots if not ok.isdisjoint(slot)) >= comp.need)]
    # The cues of an ordinary purpose count only near a sign it may undo: from `before`
    # sentences ahead of the sign's to the one after it (`_ordinary_signals`). Those not
    # also read for a compound are read in those sentences alone.
    near: dict[str, set[int]] = {}
    for o in d.ordinary:
        for sig in best.values():
            if _undoes(d, o, sig, clear):
                k = _sentence_of(starts, sig.start)
                window = range(max(k - o.before, 0), k + 2)
                for c in o.cues | o.keep:
                    near.setdefault(c, set()).update(window)
    ordinary = {c for c in near if possible(c)}
    if not todo and not ordinary:
        return [], {}
    hits: dict[str, list[_CueHit]] = dict(sig_hits)

    def read(name: str, only: AbstractSet[int] | None = None) -> list[_CueHit]:
        """The hits of cue `name` in every language that may hold it, read once (in the
        sentences `only`, when no other reading will ask for it)."""
        found = hits.get(name)
        if found is None:
            found = hits[name] = []
            for lang in possible(name) if not name.startswith("%") else ():
                rules = d.rules(lang)
                assert rules is not None
                if lang not in recovered:
                    recovered[lang] = _Lazy(lambda r=rules: any(
                        s.spans(r.patterns("recovery"), r.language) for s in sents))
                found += _cue_hits(d, rules, name, sents, recovered[lang], common, only,
                                   entry_present.get(lang))
        return found

    out: list[CareSignal] = []
    for comp in todo:
        # Slots are read in order and reading stops once `need` can no longer be met:
        # most entries hold a word of several cues but the signs of few.
        filled, left = 0, len(comp.slots)
        for slot in comp.slots:
            left -= 1
            # A `distinct` compound may need a slot's other signs when the first found
            # shares its words with another slot's: all are read. (Of the names not in
            # `ok`, none is a signal's and none a cue the entry may hold: nothing to read.)
            names = slot if ok is None else [c for c in slot if c in ok]
            found = [read(c) for c in names] if comp.distinct else None
            if any(found) if found is not None else any(read(c) for c in names):
                filled += 1
            if filled + left < comp.need:
                break
        if filled < comp.need:
            continue
        for v in comp.veto + comp.keep if comp.veto else ():
            read(v)
        signal = _compound_at(comp, hits, len(sents), text)
        if signal is not None:
            out.append(signal)
    for name in sorted(ordinary):
        read(name, near[name])
    return out, hits


def _nearest(d: _Detector, signals: tuple[CareSignal, ...],
             starts: Sequence[int], text: str) -> tuple[CareSignal, ...]:
    """In an entry without distress, the veiled signs of the `near` categories that count
    together: the heaviest group within `within` consecutive sentences of one paragraph
    (a blank line starts another subject; ties: the first).
    Clear signs and those of other categories (control is spread out by nature: the phone
    checked on Monday, the keys taken on Friday) all count."""
    within, cats = d.near
    clear = d.thresholds["care"] - 1e-9
    loose = [s for s in signals if s.category in cats and s.weight < clear]
    if len(loose) < 2:
        return signals
    at = [(_sentence_of(starts, s.start), len(_PARAGRAPH_RE.findall(text, 0, s.start)), s)
          for s in loose]
    best: list[CareSignal] = []
    best_w = -1.0
    for k0, p0, _ in sorted(at, key=lambda x: x[0]):
        group = [s for k, p, s in at if k0 <= k < k0 + within and p == p0]
        w = sum(s.weight for s in group)
        if w > best_w + 1e-12:
            best, best_w = group, w
    keep = {id(s) for s in best}
    return tuple(s for s in signals if s.category not in cats or s.weight >= clear or id(s) in keep)


def _kind(d: _Detector, sig: CareSignal) -> str:
    rules = d.rules(sig.language)
    return rules.kinds.get(sig.rule, "") if rules is not None else ""


def _undoes(d: _Detector, o: Ordinary, sig: CareSignal, clear: float) -> bool:
    """Whether ordinary entry `o` may undo `sig` at all (before its cues are read)."""
    return (sig.category in o.categories and (o.clear or sig.weight < clear)
            and (not o.kinds or _kind(d, sig) in o.kinds))


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


def _distress(d: _Detector, best: Mapping[str, CareSignal]) -> bool:
    """Whether the entry speaks of distress anywhere: a sign, even a faint one, of wishing
    to be dead, of ending one's life, a method, hopelessness, self-harm or starving
    (scoring.yaml `distress`). Intent and preparations alone are not distress: "made up my
    mind" and "I'll do it tonight" are how people speak of errands too."""
    cats = d.distress
    return any(s.category in cats for s in best.values())


def _ordinary_signals(d: _Detector, best: Mapping[str, CareSignal],
                      hits: Mapping[str, list[_CueHit]], sents: Sequence[_Sentence]) -> list[str]:
    """Rules whose sign shares its sentence (or, for `before`, follows one) with an
    ordinary purpose stated by the writer ("handed my plants to Jo before maternity leave",
    pills counted "for the week's organiser", "the council sent a form. I'll do it
    tonight."): that is ordinary life. A clear statement is undone only by an entry marked
    `clear`, and a `guarded` entry undoes nothing in an entry with distress, beside
    another sign of weight, or beside a cover story."""
    if not d.ordinary or not hits:
        return []
    starts = [s.words[0].start if s.words else 0 for s in sents]
    clear = d.thresholds["care"] - 1e-9
    out: list[str] = []
    for rid, sig in best.items():
        k = _sentence_of(starts, sig.start)
        for o in d.ordinary:
            if not _undoes(d, o, sig, clear):
                continue
            lo = k - o.before
            if not any(lo <= h.sentence <= k for c in o.cues for h in hits.get(c, ())):
                continue
            if o.guarded:
                if any(lo <= h.sentence <= k + 1 for c in o.keep for h in hits.get(c, ())):
                    continue
                # Other signs: not those on the same words (one sign read by two rules)
                # nor those the same entry reads as ordinary too ("do it" and "do it
                # tonight").
                if any(other.category in d.distress or (
                        other.weight >= 0.3 and lo <= _sentence_of(starts, other.start) <= k + 1)
                       for other in best.values()
                       if other.rule != rid and not (other.start < sig.end and sig.start < other.end)
                       and not (o.kinds and _kind(d, other) in o.kinds)):
                    continue
            out.append(rid)
            break
    return out


def _same_words(text: str, a: _CueHit, b: _CueHit) -> bool:
    """Whether two cue hits are the same words (case aside): one sign repeated."""
    return text[a.start:a.end].casefold() == text[b.start:b.end].casefold()


def _compound_at(comp: Compound, hits: Mapping[str, list[_CueHit]], n: int,
                 text: str) -> CareSignal | None:
    """The first window of `comp.within` sentences holding `need` of its slots and none
    of its vetoes, as one signal spanning the cues."""
    for lo in range(n):
        hi = lo + comp.within
        chosen: list[_CueHit] = []
        for slot in comp.slots:
            # In a `distinct` compound one sign fills one slot: "Het is besloten" is the
            # decision, not also the act; and the same words said twice are one sign
            # ("rangés « au cas où ». Quarante ans de « au cas où »": a habit described).
            inside = [h for c in slot for h in hits.get(c, ()) if lo <= h.sentence < hi
                      and not (comp.distinct and any(
                          (h.start < o.end and o.start < h.end) or _same_words(text, h, o)
                          for o in chosen))]
            if inside:
                chosen.append(min(inside, key=lambda h: (h.start, h.end)))
        # An ordinary purpose may be said just before or after ("... Booking that trip.");
        # a purpose that must be the writer's own (`!self`) inside the words of one of the
        # compound's signs is that sign: "when everyone is on holiday" is when no one is
        # home, "the weekend after payday" is a time.
        signs = [h for slot in comp.slots for c in slot for h in hits.get(c, ())
                 if lo <= h.sentence < hi]
        if any(lo - 1 <= h.sentence <= hi
               and not (v.endswith("!self") and any(o.start <= h.start and h.end <= o.end
                                                    for o in signs))
               # A reason the writer tells people ("told them both I'm decluttering", "I
               # tell everyone it's sunburn") is a cover story, not the reason (`keep`).
               and not any(k.sentence == h.sentence and k.start <= h.start
                           for c in comp.keep for k in hits.get(c, ()))
               for v in comp.veto for h in hits.get(v, ())):
            continue
        if len(chosen) >= comp.need:
            start, end = min(h.start for h in chosen), max(h.end for h in chosen)
            langs = [h.language for h in chosen]
            lang = max(dict.fromkeys(langs), key=langs.count)
            return CareSignal(comp.category, f"compound.{comp.id}", comp.weight, start, end,
                              text[start:end], lang, "compound")
        if lo + comp.within >= n:
            break
    return None

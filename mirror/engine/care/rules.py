"""Care rules as data, compiled to small matchers over a sentence's words (matcher.py).

Each language has one file, `constitution/care/rules/<lang>.yaml`:

```yaml
language: en
classes:              # named word sets, used as @NAME; an entry may be several words
  WANT: [want, wish, wanna, would like]
first_person: [i, me, my, myself]      # who a signal belongs to (see detect.py)
others: [he, she, friend, novel, ...]  # other people, and stories about them
negators: [not, never, no]
past: [used to, years ago]             # distance in time ...
now: [again, lately, tonight]          # ... unless the sentence is also about now
recovery: [clean, sober, recovered]    # the writer is safe now
jokes: [lol, jk, kidding]              # laughter in the sentence halves a signal
trivial: [exam, wifi, boss, derby]     # with laughter, a trivial thing makes it hyperbole
rules:                # [category, weight, pattern] or a mapping with id/cat/w/p/subject/kind
  - [wish_to_be_dead, 1, "@WANT ~2 to? die"]
figures: ["could|would kill for"]      # a signal inside a figure of speech is cancelled
hyperbole: ["kill me now"]             # a signal inside hyperbole is halved
answers: ["said|say ~1 no"]           # a negator said as a word ("when I said no he ...") negates nothing
asked: ["asked ~4 if|whether"]        # a question put to the writer (a doctor's, a nurse's screening) ...
declined: ["said ~1 no", "no"]        # ... answered no right after it: the sign was asked about, not said
lied: [lied, lie]                     # ... unless the entry says the answer was untrue,
taken_back: ["i ~2 took ~1 one"]      # ... or tells after it what was asked about
owned: ["actually ~1 i ~1 did"]       # ... or the writer's yes, ending its clause, follows
reported: ["から ~20 って ~4 打ち明け"]   # someone else's confidence, the signal inside it ...
reporting: ["me ~1 contó ~1 que"]     # ... or after its frame, unless the writer is named again
confiding: ["tell ~6 about|that"]     # the writer telling someone: the listener is no subject
self_address: ["note ~1 to ~1 self"]  # the entry's "you", "she", "he" are the writer ...
self_named: ["=is ~1 =me"]            # ... or the name before this ("Ellie is me"), and those
self_persons: {you: i me, she: i me, "@name": i me}  # are read as these (word, then lemma)
self_verbs: {are: am, is: am}         # a verb right after one of them takes the first person
cues:                 # signs that mean little alone, much together (../compounds.yaml)
  WHEN: ["@DAY", "tonight"]                    # a list of patterns: anyone's words
  DECIDED: {p: ["decided"], subject: self, bare: true}
```

A cue is a named sign ("a decision with nothing decided", "a day named", "letters
written to loved ones"); `constitution/care/compounds.yaml` says which cues, found
together in a few sentences, are a signal. The names are shared by every language, so
the structure is written once and each language only says how its people put each sign.
`subject: self` counts the cue only as the writer's own (as for rules); `light: true`
counts it in a joking sentence too (a joke's own frame); `literal: true` inside a figure of
speech too (the compound's other signs make it literal: "si lo dejo me mata"); `bare: true`
only when nothing but very common words follows it in its clause ("Decided." and
"C'est décidé, ..." but not "decided to repaint the hall"); `bare: strict` only when
nothing at all does ("if anything happens", not "if anything happens to it"); `bare: end`
only when it ends its sentence ("I'm going to do it.", not "I'm going to do it: cut my
hair").

A pattern is a sequence of elements, each matching whole words:

| element | matches |
|---|---|
| `die` | a word whose lemma or written form is `die` (so "died", "dying" too) |
| `=dying` | exactly the written form "dying" |
| `suicid*` `*cide` `*死*` | a written form starting with, ending with, or containing |
| `re:<regex>` | a written form the regex matches in full (last in its element; may hold `|`, not spaces) |
| `a|b|end_it` | any alternative; `_` joins words ("end it") |
| `@NAME` | any entry of a class |
| `x?` | an optional element |
| `,` | the mark between two clauses (a comma, a semicolon, a dash): `,?` lets a pattern span one |
| `~3` | up to three words of any kind, within one clause |

Lemmas come from `forms.json`, generated from a maintained lemmatiser's dictionaries
(see `inflect.py`), so a rule names a word once and every inflected form matches. Chinese
and Japanese words in a pattern are split into characters, as the text is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from mirror.engine.care.matcher import Atom, Element, Pattern, required_words
from mirror.engine.care.text import fold
from mirror.lazy_re import kept

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

_CJK_RE = kept(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_GAP_RE = kept(r"~(\d+)")

#: Categories modelled on clinical suicide-risk scales, plus self-harm, self-starvation
#: and abuse. The first six are about ending one's life.
SUICIDE_CATEGORIES = (
    "wish_to_be_dead", "suicidal_thoughts", "method_means", "intent_plan",
    "preparatory_acts", "burden_hopelessness",
)
CATEGORIES = SUICIDE_CATEGORIES + ("self_harm", "self_starvation", "abuse_coercion")


@dataclass(frozen=True)
class Cue:
    """One language's way of writing a named sign (see `Compound`)."""

    name: str
    patterns: tuple[Pattern, ...]
    subject: str = "any"
    #: "" (anything may follow), "common" (up to two very common words), "strict"
    #: (nothing in its clause) or "end" (nothing in its sentence).
    bare: str = ""
    #: counts in a joking or hyperbolic sentence too (a joke's own frame: "if I hear that
    #: song one more time ... lol").
    light: bool = False
    #: counts inside a figure of speech too: the compound's other signs make it literal
    #: ("este calor me mata" is a figure, "si lo dejo me mata" a threat).
    literal: bool = False


@dataclass(frozen=True)
class Compound:
    """A signal made of signs that mean little alone: `need` of its `slots` (each a cue
    name, or `%category` for a rule signal of that category) within `within` sentences,
    and no `veto` cue (an ordinary reason stated: a trip, a refill, a move) among them,
    but one after a `keep` cue in its sentence: a reason the writer says they tell people
    ("I tell everyone it's the cat", "told them both I'm decluttering") is a cover story,
    not the reason."""

    id: str
    category: str
    weight: float
    slots: tuple[tuple[str, ...], ...]
    need: int
    within: int
    veto: tuple[str, ...] = ()
    #: Each slot filled by other words: where one sign can be read by two slots ("Het is
    #: besloten" is a decision and a rule of intent), it counts for one only.
    distinct: bool = False
    keep: tuple[str, ...] = ()

    @property
    def cue_names(self) -> set[str]:
        """Cue names it reads, without a `!self` mark (see `cue_base`)."""
        return {cue_base(c) for slot in self.slots for c in slot if not c.startswith("%")} | {
            cue_base(v) for v in self.veto + self.keep}


def cue_base(name: str) -> str:
    """`ORDINARY!self` is the cue ORDINARY counted only as the writer's own: "when he's away
    on a business trip" names his trip as a time, "Saturday we move" is the writer's plan."""
    return name.partition("!")[0]


def parse_compounds(data: Any) -> list[Compound]:
    """`compounds.yaml`, checked (raises RuleError on a malformed entry)."""
    out: list[Compound] = []
    for n, entry in enumerate((data or {}).get("compounds") or [], 1):
        try:
            slots = tuple(tuple(str(x).split("|")) for x in entry["slots"])
            cat = str(entry["cat"])
            compound = Compound(str(entry["id"]), cat, float(entry["w"]), slots,
                                int(entry.get("need", len(slots))), int(entry.get("within", 2)),
                                tuple(str(v) for v in entry.get("veto") or ()),
                                bool(entry.get("distinct", False)),
                                tuple(str(v) for v in entry.get("keep") or ()))
        except (KeyError, TypeError, ValueError) as exc:
            raise RuleError(f"compound {n}: {exc!r}") from exc
        if cat not in CATEGORIES:
            raise RuleError(f"compound {compound.id}: unknown category {cat!r}")
        if not 1 <= compound.need <= len(slots) or compound.within < 1:
            raise RuleError(f"compound {compound.id}: need/within out of range")
        for slot in slots:
            for name in slot:
                if name.startswith("%") and name[1:] not in CATEGORIES:
                    raise RuleError(f"compound {compound.id}: unknown category {name}")
        out.append(compound)
    return out


@dataclass(frozen=True)
class Ordinary:
    """Signs that an ordinary purpose or situation said beside them undoes
    (compounds.yaml, `ordinary:`): a sign of `categories` (and, when `kinds` is set, only
    rules marked with one of those kinds) whose sentence, or one of the `before` sentences
    before it, holds one of `cues`. Only veiled signs, unless `clear`. `guarded`: not when
    the entry holds distress or another care sign near it, nor when a `keep` cue (a cover
    story: "told them I fell") is near: the ordinary reading must be the only one."""

    cues: frozenset[str]
    categories: frozenset[str]
    kinds: frozenset[str] = frozenset()
    before: int = 0
    clear: bool = False
    guarded: bool = False
    keep: frozenset[str] = frozenset()


def parse_ordinary(data: Any) -> list[Ordinary]:
    """`ordinary:` of compounds.yaml, checked."""
    out: list[Ordinary] = []
    for n, entry in enumerate((data or {}).get("ordinary") or [], 1):
        try:
            item = Ordinary(frozenset(str(c) for c in entry["cues"]),
                            frozenset(str(c) for c in entry["categories"]),
                            frozenset(str(k) for k in entry.get("kinds") or ()),
                            int(entry.get("before", 0)), bool(entry.get("clear", False)),
                            bool(entry.get("guarded", False)),
                            frozenset(str(c) for c in entry.get("keep") or ()))
        except (KeyError, TypeError, ValueError) as exc:
            raise RuleError(f"ordinary {n}: {exc!r}") from exc
        if not item.categories <= set(CATEGORIES):
            raise RuleError(f"ordinary {n}: unknown category in {sorted(item.categories)}")
        if item.before < 0 or (item.clear and not item.guarded):
            raise RuleError(f"ordinary {n}: before < 0, or clear without guarded")
        out.append(item)
    return out


class RuleError(ValueError):
    """A care rule file that cannot be compiled (a maintainer's error, caught by tests)."""


@dataclass(frozen=True)
class Rule:
    """One compiled pattern. `subject` is 'self' when the signal only counts as the
    writer's own ("wants to die" after "my friend" does not), 'any' otherwise."""

    id: str
    category: str
    weight: float
    pattern: Pattern
    source: str
    subject: str = "self"


class LanguageRules:
    """A language's rules and context words, compiled on first use: a rule file holds
    hundreds of patterns and an entry touches a few of them, so `mirror reflect` only
    pays for what it matches."""

    _CONTEXT = ("first_person", "others", "negators", "past", "now", "recovery", "jokes", "trivial")

    def __init__(self, data: Mapping[str, Any], lemmas: Mapping[str, str]):
        self.language = str(data.get("language") or "")
        if not self.language:
            raise RuleError("a care rules file without a language")
        self.data = data
        self.classes = {str(k): _strings(v) for k, v in (data.get("classes") or {}).items()}
        self.entries = list(iter_rules(data))
        #: rule id -> its `kind` (a rule mapping's `kind:`), read by `ordinary:` entries:
        #: "do it" whose antecedent decides (`refers`), a refusal, an injury.
        self.kinds = {f"{self.language}.{e.get('id', n)}": str(e["kind"])
                      for n, e in enumerate(data.get("rules") or [], 1)
                      if isinstance(e, dict) and "kind" in e}
        self.compiler = Compiler(self.language, self.classes, lemmas)
        self._rules: dict[int, Rule] = {}
        self._lists: dict[str, list[Pattern]] = {}
        self._common: frozenset[str] | None = None
        self._cues: dict[str, Cue | None] = {}
        self._cue_names: frozenset[str] | None = None
        self._anchor_memo: dict[str, list[tuple[str, str]]] = {}

    @property
    def cue_names(self) -> frozenset[str]:
        """The names of the cues this language writes (asked for every compound of every
        entry: kept once made)."""
        if self._cue_names is None:
            self._cue_names = frozenset(str(k) for k in (self.data.get("cues") or {}))
        return self._cue_names

    def cue(self, name: str) -> Cue | None:
        """The language's way of writing cue `name`, compiled once (None: it has none)."""
        if name not in self._cues:
            spec = (self.data.get("cues") or {}).get(name)
            if spec is None:
                self._cues[name] = None
            else:
                if isinstance(spec, dict):
                    texts, subject = _strings(spec.get("p")), str(spec.get("subject", "any"))
                    raw = spec.get("bare")
                    bare = raw if raw in ("strict", "end") else "common" if raw else ""
                else:
                    texts, subject, bare = _strings(spec), "any", ""
                if subject not in ("self", "any"):
                    raise RuleError(f"{self.language}: cue {name} has unknown subject {subject!r}")
                light = bool(spec.get("light")) if isinstance(spec, dict) else False
                literal = bool(spec.get("literal")) if isinstance(spec, dict) else False
                texts += [r for t in texts if (r := reversed_pair(t)) and r not in texts]
                self._cues[name] = Cue(name, tuple(self.compiler.pattern(t) for t in texts),
                                       subject, bare, light, literal)
        return self._cues[name]

    @property
    def common(self) -> frozenset[str]:
        """The language's very common words (function words, pronouns)."""
        if self._common is None:
            self._common = frozenset(fold(w) for w in _strings(self.data.get("common")))
        return self._common

    def rule(self, index: int) -> Rule:
        found = self._rules.get(index)
        if found is None:
            rid, cat, w, p, subj = self.entries[index]
            found = self._rules[index] = Rule(rid, cat, w, self.compiler.pattern(p), p, subj)
        return found

    def patterns(self, key: str) -> list[Pattern]:
        """`figures`, `hyperbole`, `answers`, `asked`, `declined`, `lied`, `taken_back`, `owned`, `reported`, `reporting`, `confiding`, `self_address`,
        `self_named`, or one of the context
        word lists, compiled once."""
        found = self._lists.get(key)
        if found is None:
            texts = _strings(self.data.get(key))
            if key in self._CONTEXT:
                found = self.compiler.word_set(texts)
            else:
                found = [self.compiler.pattern(t) for t in texts]
            self._lists[key] = found
        return found

    def compile_all(self) -> None:
        """Compile everything now (tests and the rule-file check use this)."""
        for i in range(len(self.entries)):
            self.rule(i)
        for key in ("figures", "hyperbole", "answers", "asked", "declined", "lied", "taken_back", "owned", "reported", "reporting",
                    "confiding", "self_address", "self_named", *self._CONTEXT):
            self.patterns(key)
        for name in self.cue_names:
            self.cue(name)

    def first_words(self, index: int) -> list[tuple[str, str]]:
        """(kind, text) of every word a match of rule `index` can begin with — read from
        the pattern's text, without compiling it. kind: word, surface, prefix, scan."""
        return first_words(self.entries[index][3], self.classes)

    def anchor_words(self, index: int) -> list[tuple[str, str]]:
        """The words one of which a sentence must hold for rule `index` to match."""
        return anchor_words(self.entries[index][3], self.classes, self.common, self._anchor_memo)


def cue_triggers(rules: LanguageRules) -> tuple[dict[str, set[str]], set[str]]:
    """Which of a language's cues an entry may hold, by its words: word -> the cues with a
    pattern whose smallest required word set (matcher.required_words) holds it, and the
    cues read in every entry (a pattern that requires no word, or a cue that cannot be
    compiled: reading it reports the fault). A cue none of whose words is in an entry
    cannot match there, so it is never compiled for it."""
    by_word: dict[str, set[str]] = {}
    always: set[str] = set()
    for base in sorted(rules.cue_names):
        try:
            cue = rules.cue(base)
        except RuleError:
            always.add(base)
            continue
        for pattern in cue.patterns if cue else ():
            needs = required_words(pattern)
            if not needs:
                always.add(base)
                continue
            for word in min(needs, key=len):
                by_word.setdefault(word, set()).add(base)
    return by_word, always


def cue_masks(rules: LanguageRules, depth: int) -> tuple[dict[str, tuple[int, ...]], list[str],
                                                         frozenset[str], frozenset[str]]:
    """`cue_triggers`, finer: each pattern of each of a language's cues is numbered (bit j
    of an integer), and each word -> for each k < `depth`, the patterns whose k-th required
    word set (matcher.required_words, smallest first; a pattern with fewer repeats its last)
    holds it; each pattern's cue; the cues read in every entry (as `cue_triggers`); and the
    cues all of whose patterns have at most `depth` sets. A pattern none of whose sets
    lacks a word in an entry may match there; one of at most `depth` sets then passes
    `matcher.may_match`, so such a cue passes `matcher.may_match_any` exactly when one of
    its patterns is found so, or it has a pattern that requires no word."""
    words: dict[str, list[int]] = {}
    owners: list[str] = []
    always: set[str] = set()
    exact: set[str] = set()
    for base in sorted(rules.cue_names):
        try:
            cue = rules.cue(base)
        except RuleError:
            always.add(base)
            continue
        if cue is not None:
            exact.add(base)
        for pattern in cue.patterns if cue else ():
            needs = sorted(required_words(pattern), key=len)
            if len(needs) > depth:
                exact.discard(base)
            if not needs:
                always.add(base)
                continue
            bit = 1 << len(owners)
            owners.append(base)
            for k in range(depth):
                for word in needs[min(k, len(needs) - 1)]:
                    masks = words.get(word)
                    if masks is None:
                        masks = words[word] = [0] * depth
                    masks[k] |= bit
    return {w: tuple(m) for w, m in words.items()}, owners, frozenset(always), frozenset(exact)


def reversed_pair(text: str) -> str | None:
    """A cue of two words with a gap between ("wrote ~3 letters", "zapisałam ~4 hasła")
    also read the other way round ("list napisany", "le lettere le ho lasciate", "hasła
    zapisane"): what was done and to what are a sign in either order, and word order is
    free or verb-last in many of the languages. None for any other shape (a phrase's
    order is the phrase)."""
    tokens = text.split()
    if len(tokens) != 3 or not _GAP_RE.fullmatch(tokens[1]) or any(
            t.endswith("?") or t == "," or _GAP_RE.fullmatch(t) for t in (tokens[0], tokens[2])):
        return None
    return f"{tokens[2]} {tokens[1]} {tokens[0]}"


def _strings(items: Any) -> list[str]:
    return [str(x) for x in (items or [])]


def make_atom(item: str, lemmas: Mapping[str, str] | None = None, language: str = "?") -> Atom:
    """One word item of a pattern (no spaces) as an `Atom`."""
    if item == ",":
        return Atom("clause", ",")
    if item.startswith("re:"):
        try:
            return Atom("regex", item[3:], rx=kept(item[3:]))  # the rule files' own pattern
        except re.error as exc:
            raise RuleError(f"{language}: bad regex {item!r}: {exc}") from exc
    if item.startswith("=") and len(item) > 1:
        return Atom("surface", fold(item[1:]))
    body = fold(item)
    if len(body) > 2 and body.startswith("*") and body.endswith("*"):
        return Atom("contains", body[1:-1])
    if body.endswith("*") and len(body) > 1:
        return Atom("prefix", body[:-1])
    if body.startswith("*") and len(body) > 1:
        return Atom("suffix", body[1:])
    if not body:
        raise RuleError(f"{language}: empty word in a pattern")
    return Atom("word", body, (lemmas or {}).get(body, body))


class Compiler:
    """Turns one language's pattern text into `Pattern`s (matcher.py). Classes are
    compiled once and shared by every pattern that names them."""

    def __init__(self, language: str, classes: Mapping[str, list[str]], lemmas: Mapping[str, str]):
        self.language = language
        self.classes = classes
        self.lemmas = lemmas
        self._class_cache: dict[str, list[tuple[Atom, ...]]] = {}
        #: token -> its element: a language's patterns repeat the same elements ("@WANT",
        #: "to?", "~2") hundreds of times, and elements are immutable, so each is built once.
        self._elements: dict[str, Element] = {}
        self._sequences: dict[str, tuple[Atom, ...]] = {}

    def _atom(self, item: str) -> Atom:
        """One word item (no spaces)."""
        return make_atom(item, self.lemmas, self.language)

    def _sequence(self, phrase: str) -> tuple[Atom, ...]:
        """Several words ('end it', 'end_it', or CJK characters) in a row (built once per
        phrase: atoms are immutable, and the same phrases recur across patterns)."""
        found = self._sequences.get(phrase)
        if found is None:
            found = self._sequences[phrase] = self._read_sequence(phrase)
        return found

    def _read_sequence(self, phrase: str) -> tuple[Atom, ...]:
        atoms: list[Atom] = []
        for chunk in phrase.replace("_", " ").split():
            if (_CJK_RE.search(chunk) and not chunk.startswith(("re:", "=")) and "*" not in chunk):
                atoms.extend(self._atom(ch) for ch in chunk if not ch.isspace())
            elif _CJK_RE.search(chunk) and chunk.startswith("=") and len(chunk) > 2:
                atoms.extend(Atom("surface", fold(ch)) for ch in chunk[1:])
            else:
                atoms.append(self._atom(chunk))
        if not atoms:
            raise RuleError(f"{self.language}: empty phrase in a pattern")
        return tuple(atoms)

    def _class(self, name: str) -> list[tuple[Atom, ...]]:
        if name not in self._class_cache:
            entries = self.classes.get(name)
            if not entries:
                raise RuleError(f"{self.language}: unknown class @{name}")
            self._class_cache[name] = [self._sequence(e) for e in entries]
        return self._class_cache[name]

    @staticmethod
    def _element(alternatives: list[tuple[Atom, ...]], optional: bool) -> Element:
        lemmas: set[str] = set()
        surfaces: set[str] = set()
        affixes: list[Atom] = []
        sequences: list[tuple[Atom, ...]] = []
        for seq in alternatives:
            if len(seq) != 1:
                sequences.append(seq)
                continue
            a = seq[0]
            if a.kind == "word":
                lemmas.update((a.value, a.lemma))
                surfaces.add(a.value)
            elif a.kind == "surface":
                surfaces.add(a.value)
            else:
                affixes.append(a)
        return Element.of(optional, frozenset(lemmas), frozenset(surfaces),
                          tuple(dict.fromkeys(affixes)), tuple(dict.fromkeys(sequences)))

    def pattern(self, text: str) -> Pattern:
        """Compile one pattern (raises RuleError when malformed)."""
        elements: list[Element] = []
        for token in text.split():
            found = self._elements.get(token)
            if found is None:
                found = self._elements[token] = self._token(token, text)
            elements.append(found)
        if not any(e.gap < 0 and not e.optional for e in elements):
            raise RuleError(f"{self.language}: pattern {text!r} can match nothing at all")
        return tuple(elements)

    def _token(self, token: str, text: str) -> Element:
        """One element of pattern `text` (`pattern`'s memo misses come here)."""
        gap = _GAP_RE.fullmatch(token)
        if gap:
            return Element(gap=int(gap.group(1)))
        optional = token.endswith("?") and len(token) > 1 and "re:" not in token
        if optional:
            token = token[:-1]
        options: list[tuple[Atom, ...]] = []
        for alt in alternatives(token):
            if alt.startswith("@"):
                options.extend(self._class(alt[1:]))
            elif alt.startswith("re:"):
                options.append((self._atom(alt),))
            else:
                options.append(self._sequence(alt))
        if not options:
            raise RuleError(f"{self.language}: empty alternative in {text!r}")
        return self._element(options, optional)

    def word_set(self, entries: list[str]) -> list[Pattern]:
        """A list of context words or phrases as one single-element pattern."""
        if not entries:
            return []
        return [(self._element([self._sequence(e) for e in entries], False),)]


def iter_rules(data: Mapping[str, Any]) -> Iterator[tuple[str, str, float, str, str]]:
    """(id, category, weight, pattern, subject) for each rule entry, in file order."""
    language = str(data.get("language"))
    for n, entry in enumerate(data.get("rules") or [], 1):
        if isinstance(entry, list):
            if len(entry) not in (3, 4):
                raise RuleError(f"{language}: rule {n} must be [category, weight, pattern]")
            category, weight, pattern = str(entry[0]), float(entry[1]), str(entry[2])
            subject = str(entry[3]) if len(entry) == 4 else ""
            rule_id = f"{language}.{n}"
        elif isinstance(entry, dict):
            category, weight = str(entry["cat"]), float(entry.get("w", 1))
            pattern, subject = str(entry["p"]), str(entry.get("subject", ""))
            rule_id = f"{language}.{entry.get('id', n)}"
        else:
            raise RuleError(f"{language}: rule {n} is neither a list nor a mapping")
        if category not in CATEGORIES:
            raise RuleError(f"{language}: rule {n} has unknown category {category!r}")
        subject = subject or ("any" if category == "abuse_coercion" else "self")
        if subject not in ("self", "any"):
            raise RuleError(f"{language}: rule {n} has unknown subject {subject!r}")
        yield rule_id, category, weight, pattern, subject


def compile_language(data: Mapping[str, Any], lemmas: Mapping[str, str]) -> LanguageRules:
    """Compile one parsed rules file completely (raises RuleError on any fault)."""
    rules = LanguageRules(data, lemmas)
    rules.compile_all()
    return rules


def _first_of(item: str) -> tuple[str, str]:
    """(kind, folded text) of the first word of one alternative."""
    if item.startswith(("re:", "*")):
        return "scan", item
    parts = item.replace("_", " ").split()
    word = parts[0] if parts else item
    if word.startswith("="):
        text = word[1:]
        return "surface", fold(text[0] if _CJK_RE.match(text) else text)
    if _CJK_RE.match(word):
        return "word", fold(word[0])
    if word.endswith("*"):
        return "prefix", fold(word[:-1])
    return "word", fold(word)


def alternatives(body: str) -> list[str]:
    """A pattern element's alternatives: split on `|`, except inside a `re:` alternative,
    which runs to the end of the element (so a regex may hold `|`)."""
    head, sep, regex = body.partition("re:")
    parts = [p for p in head.split("|") if p] if head else []
    if sep:
        parts.append("re:" + regex)
    return parts


def _element_words(token: str, classes: Mapping[str, list[str]]) -> list[tuple[str, str]]:
    body = token[:-1] if token.endswith("?") and len(token) > 1 and "re:" not in token else token
    out: list[tuple[str, str]] = []
    for alt in alternatives(body):
        if alt.startswith("@"):
            out += [_first_of(e) for e in classes.get(alt[1:], []) if e.strip()]
        elif alt:
            out.append(_first_of(alt))
    return out


def first_words(pattern: str, classes: Mapping[str, list[str]]) -> list[tuple[str, str]]:
    """The words a pattern can begin with, from its text (see LanguageRules.first_words)."""
    out: list[tuple[str, str]] = []
    for token in pattern.split():
        if _GAP_RE.fullmatch(token):
            continue
        out += _element_words(token, classes)
        if not (token.endswith("?") and len(token) > 1):
            break
    return out


def _item_word(item: str) -> tuple[str, str]:
    """(kind, folded text) of one word item of a phrase, as `make_atom` reads it: word,
    surface, prefix, or scan (a suffix, infix or regex) and clause (usable as no anchor)."""
    if item == ",":
        return "clause", item
    if item.startswith("re:"):
        return "scan", item
    if item.startswith("=") and len(item) > 1:
        return "surface", fold(item[1:])
    body = fold(item)
    if len(body) > 2 and body.startswith("*") and body.endswith("*"):
        return "scan", item
    if body.endswith("*") and len(body) > 1:
        return "prefix", body[:-1]
    if body.startswith("*") and len(body) > 1:
        return "scan", item
    return "word", body


def phrase_words(alternative: str) -> list[tuple[str, str]]:
    """(kind, text) of every word one alternative ("end_it", "=i'm", "死にたい") is
    compiled to, in order, exactly as `Compiler._sequence` splits it."""
    if alternative.startswith("re:"):
        return [("scan", alternative)]
    out: list[tuple[str, str]] = []
    for chunk in alternative.replace("_", " ").split():
        if _CJK_RE.search(chunk) and not chunk.startswith(("re:", "=")) and "*" not in chunk:
            out += [_item_word(ch) for ch in chunk if not ch.isspace()]
        elif _CJK_RE.search(chunk) and chunk.startswith("=") and len(chunk) > 2:
            out += [("surface", fold(ch)) for ch in chunk[1:]]
        else:
            out.append(_item_word(chunk))
    return out


def _telling(words: list[tuple[str, str]], common: frozenset[str]) -> tuple[str, str]:
    """The word of one alternative most worth anchoring on: every word of a phrase must be
    in the sentence for it to match, so any of them will do, and the rarest is best. A
    word that is not very common beats one that is, a longer word a shorter one; a suffix,
    infix, regex or clause mark cannot be looked up (returned only when nothing else is)."""
    usable = [(k, w) for k, w in words
              if k in ("word", "surface") or (k == "prefix" and len(w) >= 2)]
    if not usable:
        return next(((k, w) for k, w in words if k == "scan"), ("scan", words[0][1] if words else ""))
    return min(usable, key=lambda kw: (kw[1] in common, kw[0] == "prefix", -len(kw[1]), kw[1]))


def _element_anchors(token: str, classes: Mapping[str, list[str]], common: frozenset[str],
                     memo: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """One telling word per alternative of a pattern element (see `_telling`); `memo`
    keeps each phrase's and each class's (`@NAME`: its entries'), for these common words."""
    def telling(alt: str) -> list[tuple[str, str]]:
        found = memo.get(alt)
        if found is None:
            if alt.startswith("@"):
                found = [_telling(phrase_words(e), common) for e in classes.get(alt[1:], []) if e.strip()]
            else:
                found = [_telling(phrase_words(alt), common)]
            memo[alt] = found
        return found

    body = token[:-1] if token.endswith("?") and len(token) > 1 and "re:" not in token else token
    out: list[tuple[str, str]] = []
    for alt in alternatives(body):
        if alt:
            out += telling(alt)
    return out


def anchor_words(pattern: str, classes: Mapping[str, list[str]], common: frozenset[str],
                 memo: dict[str, list[tuple[str, str]]] | None = None) -> list[tuple[str, str]]:
    """The words of the pattern's most telling required element: one of them must be in
    a sentence for the pattern to match there. Each alternative of the element offers its
    rarest word (any word of a phrase is required, not only its first: "i_love_you_all"
    anchors on "love", so a sentence with "i" alone proposes nothing). Elements whose
    alternatives leave only very common words ("i", "to") or need a scan are avoided when
    the pattern has a better one; among the rest, the one with the fewest alternatives
    wins. `memo` (phrase or class -> its telling words, for these classes and common
    words) saves reading them again: a language's rules name the same classes hundreds of
    times."""
    memo = {} if memo is None else memo
    best: tuple[tuple[int, int, int], list[tuple[str, str]]] | None = None
    for token in pattern.split():
        if _GAP_RE.fullmatch(token) or (token.endswith("?") and len(token) > 1):
            continue
        words = _element_anchors(token, classes, common, memo)
        if not words:
            continue
        score = (int(any(w in common for k, w in words if k == "word")),
                 int(any(k == "scan" for k, _ in words)), len(set(words)))
        if best is None or score < best[0]:
            best = (score, list(dict.fromkeys(words)))
    return best[1] if best else []


def rule_words(data: Mapping[str, Any]) -> set[str]:
    """Every plain word a rules file names (patterns, classes, context lists): the words
    whose inflections `inflect.py` looks up."""
    found: set[str] = set()

    def add(text: str) -> None:
        # A regex runs to the end of its element and may hold `|`: never words.
        text = " ".join(t.partition("re:")[0] for t in text.split())
        for element in text.replace("|", " ").replace("_", " ").split():
            element = element.rstrip("?")
            if element.startswith(("@", "~", "=", "re:", "*")) or element.endswith("*"):
                continue
            if not _CJK_RE.search(element):
                found.add(fold(element))

    for _, _, _, pattern, _ in iter_rules(data):
        add(pattern)
    for key in ("figures", "hyperbole", "answers", "asked", "declined", "lied", "taken_back", "owned", "reported", "reporting",
                "confiding", "first_person", "others",
                "negators", "past",
                "now", "recovery", "jokes", "trivial"):
        for p in _strings(data.get(key)):
            add(p)
    for entries in (data.get("classes") or {}).values():
        for e in _strings(entries):
            add(e)
    for spec in (data.get("cues") or {}).values():
        for p in _strings(spec.get("p") if isinstance(spec, dict) else spec):
            add(p)
    return found

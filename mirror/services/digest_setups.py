"""Whether a quote opens on words that need the sentence before it, and that sentence.

A digest is read a week later, out of its entry. A line that opens on "He", "Elle", "Er"
("Il a promis de supprimer la vidéo. Il ment.") or on a word of sequence ("Après, je me
suis assise par terre…", "Mama am Telefon danach: …", "Afterwards at the pub…") is a
punchline or an aftermath whose set-up was cut: who is "he", after what? Such a line is
quoted with the sentence before it when the two fit in a quote (`with_setup`); when they do
not, the line is left to weigh less than a line that stands alone (`DANGLING`).

The word lists are per language and of two kinds only: subject pronouns of a third person,
and adverbs of sequence. Names are never listed: a line opening on a name stands alone.
"""

from __future__ import annotations

import unicodedata

from mirror.engine.tokenize import Tokens


def _fold(word: str) -> str:
    """`word` without its accents: "Despues se enfado conmigo" is "después" typed fast."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))

#: Subject pronouns of a third person that open a line without saying who.
_THIRD: dict[str, frozenset[str]] = {
    "en": frozenset("he she they he's she's they're he'd she'd they'd he'll she'll".split()),
    "fr": frozenset("il elle ils elles".split()),
    "de": frozenset("er sie".split()),
    "es": frozenset("él ella ellos ellas".split()),
    "it": frozenset("lui lei loro egli".split()),
    "pt": frozenset("ele ela eles elas".split()),
    "nl": frozenset("hij zij ze".split()),
    "pl": frozenset("on ona oni one".split()),
}
#: French "il" that is no one: "il y a", "il faut", "il fait froid", "il est 21h".
_IMPERSONAL = frozenset("y faut fallait fait faisait pleut pleuvait neige paraît semble "
                        "reste s'agit suffit manque".split())
#: Adverbs of sequence: an aftermath that says "after that" without saying after what.
#: Those here lean back wherever they stand in a line's first words ("Mama am Telefon
#: danach: …").
_AFTER_THAT: dict[str, frozenset[str]] = {
    "en": frozenset("afterwards afterward".split()),
    "fr": frozenset("ensuite après-coup".split()),
    "de": frozenset("danach daraufhin hinterher anschließend".split()),
    "es": frozenset("después luego".split()),
    "it": frozenset("poi dopo".split()),
    "pt": frozenset("depois".split()),
    "nl": frozenset("daarna daarop".split()),
    "pl": frozenset("potem później następnie".split()),
}
_AFTER_THAT = {k: v | frozenset(_fold(w) for w in v) for k, v in _AFTER_THAT.items()}
#: ...and those that lean back only opening a line ("Then…", "Après, …", "Enfin, il est
#: 21h", "Dann…"), being other words elsewhere ("more then than now").
_OPENING: dict[str, frozenset[str]] = {
    "en": frozenset("then later".split()),
    "fr": frozenset("puis enfin alors".split()),
    "de": frozenset("dann später".split()),
    "es": frozenset("entonces".split()),
    "it": frozenset("allora".split()),
    "pt": frozenset("então".split()),
    "nl": frozenset("toen dan later".split()),
    "pl": frozenset("wtedy".split()),
}
#: Prepositions of sequence that lean back only when nothing follows them ("Après, je…",
#: "Después, …"; not "Après le dîner", which says after what).
_BARE_AFTER = frozenset("après después dopo depois after apres despues".split())
_OPENING = {k: v | frozenset(_fold(w) for w in v) for k, v in _OPENING.items()}
#: Words of a line's opening read for an adverb of sequence.
OPENING_WORDS = 4
#: How much less a line weighs when it opens on such a word and its set-up cannot come
#: with it (the two together are too long for a quote).
DANGLING = 2.0
#: Words a quote may grow to with its set-up.
SETUP_MAX_WORDS = 55


#: Languages that leave the subject out say "he did it to me" as a pronoun and a verb of
#: the third person ("Me preguntó por Javier", "Mi ha detto", "Me ligou"): who did it is in
#: the line before.
_CLITICS: dict[str, frozenset[str]] = {
    "es": frozenset("me te le nos les".split()), "it": frozenset("mi ti gli le ci".split()),
    "pt": frozenset("me te lhe nos".split())}
_THIRD_VERB: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "es": (("ó", "ió", "aba", "aban"),
           frozenset("dijo hizo puso trajo vino dio tuvo quiso pidió ha había".split())),
    "it": ((), frozenset("ha aveva disse chiese diede fece".split())),
    "pt": (("ou", "eu"), frozenset("disse deu fez trouxe pôs".split()))}


def _someone_unnamed(toks: Tokens, at: list[int], language: str) -> bool:
    """Whether the line whose words are at `at` opens on a pronoun of the third person or,
    in a language that leaves the subject out, on "me" and a verb of the third person,
    after any word of sequence ("Après, il est venu…")."""
    openers = _OPENING.get(language, frozenset()) | _AFTER_THAT.get(language, frozenset()) | \
        _BARE_AFTER
    at = [k for n, k in enumerate(at) if n or toks.norms[k] not in openers] if at else at
    if not at:
        return False
    first = toks.norms[at[0]]
    if first in _THIRD.get(language, frozenset()):
        nxt = toks.norms[at[1]] if len(at) > 1 else ""
        return not (language == "fr" and first == "il" and (nxt in _IMPERSONAL or (
            nxt in ("est", "était") and len(at) > 2 and toks.norms[at[2]][:1].isdigit())))
    if first in _CLITICS.get(language, frozenset()) and len(at) > 1:
        ends, verbs = _THIRD_VERB[language]
        verb = toks.norms[at[1]]
        return verb in verbs or (bool(ends) and verb.endswith(ends) and len(verb) > 3)
    return False


def _words(toks: Tokens, lo: int, hi: int) -> list[int]:
    return [k for k in range(lo, hi) if any(c.isalnum() for c in toks[k].text)]


def dangles(text: str, toks: Tokens, lo: int, hi: int, language: str) -> bool:
    """Whether the line [lo, hi) opens on a third person not named in it or on an adverb
    of sequence (see the module's docstring)."""
    at = _words(toks, lo, hi)
    if not at:
        return False
    first = toks.norms[at[0]]
    if _someone_unnamed(toks, at, language):
        return True
    if first in _OPENING.get(language, frozenset()):
        return True
    if first in _BARE_AFTER and at[0] + 1 < hi and toks[at[0] + 1].text in (",", "…"):
        return True
    if first in _BARE_AFTER and text[toks[at[0]].end:toks[at[0]].end + 1] == ",":
        return True
    seq = _AFTER_THAT.get(language, frozenset())
    if any(toks.norms[k] in seq for k in at[:OPENING_WORDS]):
        return True
    return _unnamed_later(text, toks, lo, hi, language)


def _unnamed_later(text: str, toks: Tokens, lo: int, hi: int, language: str) -> bool:
    """Whether a later sentence of the line opens on "he" or "she" (after a word of
    sequence: "Après, il est venu me dire merci") and nothing in the line before it names
    anyone: "Personne n'a ri. Après, il est venu me dire merci." — who?"""
    bounds = toks.sentence_bounds()
    third = _THIRD.get(language, frozenset())
    openers = _OPENING.get(language, frozenset()) | _AFTER_THAT.get(language, frozenset()) | \
        _BARE_AFTER
    first = toks[lo].sent
    for sent in sorted(bounds):
        a, b = bounds[sent]
        if sent <= first or a >= hi:
            continue
        at = _words(toks, a, min(b, hi))
        while at and toks.norms[at[0]] in openers:
            at = at[1:]
        if at and toks.norms[at[0]] in third and not _names_someone(text, toks, lo, a):
            nxt = toks.norms[at[1]] if len(at) > 1 else ""
            if language == "fr" and toks.norms[at[0]] == "il" and nxt in _IMPERSONAL:
                continue
            return True
    return False


#: Sentences back a set-up is looked for: who "he" is may be named two sentences before
#: ("Julien est passé chercher les cartons. Douze minutes. Il a demandé…").
SETUP_BACK = 3


def _names_someone(text: str, toks: Tokens, lo: int, hi: int,
                   known: frozenset[str] = frozenset()) -> bool:
    """Whether the sentence [lo, hi) names someone "he" or "she" may be: a name or a
    relation ("Called Rachel.", "Mama hat wieder Atemnot", "my sister"), or one of the
    period's people (`known`: "Sem brak een snaar", where "brak" alone says nothing)."""
    from mirror.services.people import in_text, mentions_someone, tag_person

    if any(t.text.removesuffix("'s").removesuffix("’s") in known for t in toks[lo:hi]):
        return True
    opening = toks[lo].text
    if hi - lo > 1 and toks.norms[lo + 1] in _DID and opening[:1].isupper() and opening.isalpha() and \
            tag_person(opening) == opening:
        return True  # "Mathis a lu…", "Oma hat…": a name doing something
    piece = text[toks[lo].start:toks[hi - 1].end]
    return bool(in_text(piece)) or mentions_someone(piece)


#: Auxiliaries after a sentence's first word that make it someone who did something.
_DID = frozenset("a est ha hat ist is has was had heeft é foi".split())


def setup_start(text: str, toks: Tokens, lo: int, words: int, language: str,
                known: frozenset[str] = frozenset(), hi: int | None = None) -> int | None:
    """Where the quote that opens at `lo` and has `words` words should start to carry its
    set-up, in the same paragraph and within `SETUP_MAX_WORDS`: the sentence just before
    it, or for a line opening on "he" or "she" the nearest of the `SETUP_BACK` before it
    that names someone (what lies between comes too). None when no set-up may be given."""
    bounds = toks.sentence_bounds()
    at = _words(toks, lo, lo + 4)
    who = bool(at) and (_someone_unnamed(toks, at, language) or (
        hi is not None and _unnamed_later(text, toks, lo, hi, language)))
    start = lo
    named: int | None = None  # the nearest sentence that names someone anywhere in it
    # A set-up that itself leans back ("Dann meinte er…" before "RUNDER.") is read with
    # the one before it, up to `SETUP_BACK` sentences.
    for _ in range(SETUP_BACK):
        if start == 0:
            break
        before = bounds.get(toks[start - 1].sent)
        if before is None or "\n\n" in text[toks[before[1] - 1].end:toks[start].start]:
            break
        if words + len(_words(toks, before[0], lo)) > SETUP_MAX_WORDS:
            break
        start = before[0]
        if dangles(text, toks, start, before[1], language):
            continue
        if not who:
            return start
        # Who did it is most often who a sentence opens on ("Mamá ha venido a cenar… Le he
        # contado lo de Javier. Me dijo…": Mamá said it, not Javier).
        opening = _words(toks, start, before[1])[:SUBJECT_WORDS]
        if opening and _names_someone(text, toks, opening[0], opening[-1] + 1, known):
            return start
        if named is None and _names_someone(text, toks, start, before[1], known):
            named = start
    return named


#: Words a sentence opens on where who does something stands ("Mamá ha venido", "my sister
#: rang", "Called Rachel").
SUBJECT_WORDS = 3


def cut_from_setup(text: str, toks: Tokens, lo: int, hi: int, language: str,
                   known: frozenset[str] = frozenset()) -> bool:
    """Whether the line [lo, hi) dangles and its set-up, which the entry has, cannot come
    with it: who "she" is is named too far back, or the line that "Après" follows is too
    long. A line opening on "she" in an entry that names no one is no worse than the
    entry itself ("She looked so cold at the door, poor thing", of a dog)."""
    if lo == 0 or not dangles(text, toks, lo, hi, language) or \
            setup_start(text, toks, lo, hi - lo, language, known, hi) is not None:
        return False
    if not _someone_unnamed(toks, _words(toks, lo, lo + 4), language) and \
            not _unnamed_later(text, toks, lo, hi, language):
        return True
    bounds = toks.sentence_bounds()
    return any(_names_someone(text, toks, a, b, known) for a, b in bounds.values() if b <= lo)

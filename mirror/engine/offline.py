"""The offline mirrorback composer: no model, always available, always within the rules.

It builds two to five short sentences from the reflection itself: a line the person wrote
(quoted verbatim), the patterns and tensions the analysis found, and one open question.

- **Deterministic**: every choice comes from a BLAKE2 digest of the engine version and the
  text (not Python's salted `hash()`), so the same text always gets the same mirrorback and
  snapshots stay stable; a new engine version may answer differently.
- **Varied**: many opening families and sentence variants, chosen by that digest and by
  what the reflection contains, so a hundred reflections do not read like one template.
- **Specific**: it always quotes something the person wrote (when they wrote any words).
- **Within the constitution by construction**: its own words contain no directive,
  advice, outcome, diagnosis or promise vocabulary, and everything it quotes is cut at
  word boundaries from the reflection, so the checks exempt it as the person's own words.
  A property test holds it to that for arbitrary text.
- **Language-aware**: English templates only for English; Spanish, French, German and
  Portuguese get short localized answers; anything else a short, plain answer that
  quotes the person's words back.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

from mirror.engine.analysis import Analysis, analyze
from mirror.engine.patterns import pattern_label
from mirror.engine.reading import frames, read
from mirror.engine.tensions import Contrast, Tension
from mirror.engine.tokenize import QUOTE_CHARS, Token

ENGINE_VERSION = "offline-3"

_MAX_QUOTE_WORDS = 14
_MAX_SIDE_WORDS = 8
_MAX_QUOTE_CHARS = 160
_MAX_EVIDENCE_CHARS = 40
_SHORT_TEXT_WORDS = 5
_ELLIPSIS = "\u2026"
_KEEP_FORMAT = frozenset("\u200c\u200d")


class _Picker:
    """Choices drawn from a digest of the text: reproducible, and not Python's `hash()`."""

    __slots__ = ("_pool", "_i")

    def __init__(self, key: str) -> None:
        data = key.encode("utf-8", "surrogatepass")
        self._pool = hashlib.blake2b(data, digest_size=64).digest()
        self._i = 0

    def index(self, n: int) -> int:
        if self._i + 2 > len(self._pool):
            self._pool = hashlib.blake2b(self._pool, digest_size=64).digest()
            self._i = 0
        value = int.from_bytes(self._pool[self._i : self._i + 2], "big")
        self._i += 2
        return value % n

    def choice(self, options: Sequence[str]) -> str:
        return options[self.index(len(options))]

    def shuffled(self, items: list) -> list:
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.index(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


# --- English -------------------------------------------------------------------------
# Rules for every template below: no directive, advice, outcome, diagnosis or promise
# words (see invariants.yaml), and quotes ({q}, {a}, {b}, {words}) arrive already wrapped
# in quotation marks.

_OPEN_QUOTE = (
    "You wrote: {q}.",
    "One line stands out: {q}.",
    "Reading this back, one phrase stays: {q}.",
    "There is a lot held in these words: {q}.",
    "{q} \u2014 that sentence seems to carry real weight.",
    "Of everything here, this seems closest to the centre: {q}.",
    "This reads like a moment of taking stock, especially here: {q}.",
    "Something in this line seems to matter: {q}.",
    "It is striking to see it put this way: {q}.",
    "A lot seems to rest on this: {q}.",
    "These words seem to sit at the heart of it: {q}.",
    "{q} \u2014 there it is, in your own words.",
)
_OPEN_PLAIN = (
    "Thank you for writing this down.",
    "There's a lot in what you wrote today.",
    "This sounds like it has been on your mind.",
    "It sounds like today had some weight to it.",
    "Reading this, there's a sense of something still unfolding.",
)
_OPEN_SHORT = (
    "You wrote: {q}.",
    "A few words today: {q}.",
    "Short and to the point: {q}.",
    "{q} \u2014 a few words, and maybe more behind them.",
)
_QUOTE_LINE = (
    "In your own words: {q}.",
    "One line in particular: {q}.",
    "You put it this way: {q}.",
)
_CONTRAST = (
    "You wrote {a}, and then {b}.",
    "Two things sit side by side here: {a} and {b}.",
    "There's a turn in what you wrote: first {a}, then {b}.",
    "On one side, {a}; on the other, {b}.",
)
_TENSION = (
    "Something here seems to pull between {A} and {B}.",
    "There's a tension in this between {A} and {B}, {lean}.",
    "Both {A} and {B} seem to have a claim on you here.",
)
# The same, named in the person's words: {a} and {b} are the two sides of the contrast the
# tension was found in, quoted.
_TENSION_WORDS = (
    "Between {a} and {b}, {A} and {B} seem to pull against each other.",
    "There's a pull in this, between {a} and {b}: {A} on one side, {B} on the other.",
    "{a}, and then {b} \u2014 both {A} and {B} seem to have a claim on you here.",
    "Two pulls sit close together in {a} and {b}, something like {A} and {B}.",
)
_PATTERN: dict[str, tuple[str, ...]] = {
    "obligation": (
        "Words like {words} carry a sense of obligation.",
        "There's a thread of obligation running through this, in {words}.",
        "The language of obligation shows up here: {words}.",
    ),
    "absolute_thinking": (
        "Words like {words} leave little room for exceptions.",
        "Some sweeping words appear here, like {words}.",
        "There's an all-or-nothing quality in {words}.",
    ),
    "internal_tension": (
        "You describe being pulled two ways, in {words}.",
        "Phrases like {words} point to a divided feeling.",
        "There's a sense of being divided here: {words}.",
    ),
    "self_judgment": (
        "Some of the words you use about yourself are sharp: {words}.",
        "There's a harsh voice in {words}.",
        "Words like {words} sound like judgment turned inward.",
    ),
    "past_reference": (
        "Part of this reaches back in time: {words}.",
        "The past seems close in this, in {words}.",
        "Something from before is present here, in {words}.",
    ),
    "future_anxiety": (
        "There's some worry about what comes next, in {words}.",
        "Words like {words} lean toward what might happen.",
        "A sense of what lies ahead sits under {words}.",
    ),
    "gratitude": (
        "There's appreciation here too, in {words}.",
        "Words like {words} carry some warmth.",
        "Gratitude shows up here: {words}.",
    ),
}
_PATTERN_GENERIC = ("Something recurs here, in {words}: {label}.",)
_ASK = (
    "What do you notice as you read this back?",
    "What feels most true in it for you right now?",
    "Where does that sit in you today?",
    "What is underneath that, if anything?",
    "What would you like to understand better about this?",
    "What stands out to you now that it's written down?",
    "What feels unsaid here?",
    "How does it feel to see it in words?",
    "If this moment had a name, what might it be?",
    "What part of this matters most to you?",
    "What else is there, beneath what you wrote?",
    "Which of these words feels heaviest, and which feels lightest?",
)
_ASK_TENSION = (
    "What is it like to hold both {A} and {B}?",
    "What does each side, {A} and {B}, seem to care about?",
    "When you picture {A} and {B} side by side, what do you notice?",
)
_ASK_PATTERN: dict[str, tuple[str, ...]] = {
    "obligation": ("Whose voice do those obligations sound like?",
                   "Where do those obligations come from, as you see it?"),
    "absolute_thinking": ("Are there moments that don't quite fit that picture?",
                          "What happens to this picture when you think of the exceptions, "
                          "if there are any?"),
    "self_judgment": ("Whose voice does that judgment sound like?",
                      "If a friend wrote this, what would you hear in it?"),
    "past_reference": ("What does that time carry into today?",
                       "What from back then is still with you?"),
    "future_anxiety": ("What feels most uncertain about what comes next?",
                       "What might the worry be trying to protect?"),
    "internal_tension": ("What does each part of you seem to want?",),
    "gratitude": ("What made that feel good?",
                  "What does that appreciation say about what matters to you?"),
}
_WORDLESS = (
    "There are no words here yet, and that is all right. What is here for you right now?",
    "Nothing written yet, and that is all right too. What would you like these pages to hold?",
)
_MARKS_ONLY = (
    "You wrote {q}. Sometimes a few marks say enough. What is behind them today?",
    "Just this: {q}. What is behind it today?",
)

# --- Other languages -------------------------------------------------------------------
_LOCALIZED: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "es": (
        ("Escribiste: \u201c{t}\u201d.", "Hay una frase que se queda: \u201c{t}\u201d.",
         "Tus palabras: \u201c{t}\u201d."),
        ("\u00bfQu\u00e9 notas al leerlo de nuevo?", "\u00bfQu\u00e9 hay debajo de esas palabras?",
         "\u00bfQu\u00e9 parte de esto pesa m\u00e1s hoy?"),
        "Gracias por escribir esto.",
    ),
    "fr": (
        ("Tu as \u00e9crit : \u00ab {t} \u00bb.", "Une phrase reste : \u00ab {t} \u00bb.",
         "Ces mots sont les tiens : \u00ab {t} \u00bb."),
        ("Qu'est-ce que tu remarques en les relisant ?", "Qu'y a-t-il sous ces mots ?",
         "Qu'est-ce qui compte le plus pour toi, l\u00e0-dedans ?"),
        "Merci d'avoir \u00e9crit cela.",
    ),
    "de": (
        ("Du hast geschrieben: \u201e{t}\u201c.", "Ein Satz bleibt h\u00e4ngen: \u201e{t}\u201c.",
         "Deine Worte: \u201e{t}\u201c."),
        ("Was bemerkst du, wenn du das noch einmal liest?", "Was liegt unter diesen Worten?",
         "Was davon wiegt heute am schwersten?"),
        "Danke, dass du das aufgeschrieben hast.",
    ),
    "pt": (
        ("Voc\u00ea escreveu: \u201c{t}\u201d.", "Uma frase fica: \u201c{t}\u201d.",
         "Suas palavras: \u201c{t}\u201d."),
        ("O que voc\u00ea percebe ao ler isso de novo?", "O que h\u00e1 por baixo dessas palavras?",
         "O que disso pesa mais hoje?"),
        "Obrigado por escrever isso.",
    ),
}
_LOCALIZED.update({
    "it": (
        ("Hai scritto: \u201c{t}\u201d.", "Una frase resta: \u201c{t}\u201d.",
         "Le tue parole: \u201c{t}\u201d."),
        ("Che cosa noti rileggendolo?", "Che cosa c'\u00e8 sotto queste parole?",
         "Che cosa pesa di pi\u00f9, oggi, in tutto questo?"),
        "Grazie per averlo scritto.",
    ),
    "nl": (
        ("Je schreef: \u201c{t}\u201d.", "E\u00e9n zin blijft hangen: \u201c{t}\u201d.",
         "Jouw woorden: \u201c{t}\u201d."),
        ("Wat merk je als je het terugleest?", "Wat ligt er onder deze woorden?",
         "Wat weegt hier vandaag het zwaarst?"),
        "Dank je dat je dit hebt opgeschreven.",
    ),
    "pl": (
        ("W twoich s\u0142owach: \u201e{t}\u201d.", "Jedno zdanie zostaje: \u201e{t}\u201d.",
         "Twoje s\u0142owa: \u201e{t}\u201d."),
        ("Co zauwa\u017casz, czytaj\u0105c to jeszcze raz?", "Co kryje si\u0119 pod tymi s\u0142owami?",
         "Co z tego wa\u017cy dzi\u015b najwi\u0119cej?"),
        "Dzi\u0119kuj\u0119 za te s\u0142owa.",
    ),
})
_NEUTRAL = (
    ("You wrote: \u201c{t}\u201d.", "Your words: \u201c{t}\u201d."),
    ("What do these words hold for you today?", "What stays with you as you read this back?",
     "What matters most in this for you right now?"),
    "Thank you for writing this.",
)


def _clean(raw: str) -> str:
    """Quote-safe text: inner quotation marks become apostrophes (so the mirror's own
    marks still pair up), control/format characters and line breaks become spaces (which
    never changes where words begin and end)."""
    out = []
    for ch in raw:
        if ch in QUOTE_CHARS:
            out.append("'")
        elif ch.isprintable() or ch in _KEEP_FORMAT:
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            out.append(ch)
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def _quote(text: str, tokens: Sequence[Token], first: int, last: int, *, cut_left: bool = False,
           cut_right: bool = False, max_chars: int = _MAX_QUOTE_CHARS) -> str | None:
    """Tokens [first, last) as a quotation, trimmed to whole words; None if impossible.
    A question or exclamation mark that ends the quoted words stays with them."""
    while last > first:
        body = _clean(text[tokens[first].start : tokens[last - 1].end])
        if len(body) <= max_chars:
            break
        last -= 1
        cut_right = True
    else:
        return None
    if not body:
        return None
    if not cut_right:
        after = text[tokens[last - 1].end : tokens[last - 1].end + 4]
        stripped = after.lstrip(" \u00a0\u202f")
        if stripped[:1] in ("?", "!"):
            body += after[: len(after) - len(stripped) + 1]  # "marathon !" keeps its space
    if cut_left:
        body = f"{_ELLIPSIS} {body}"
    if cut_right:
        body = f"{body} {_ELLIPSIS}"
    return f"\u201c{body}\u201d"


def _sentence_ranges(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for i, t in enumerate(tokens):
        if ranges and tokens[ranges[-1][0]].sent == t.sent:
            ranges[-1] = (ranges[-1][0], i + 1)
        else:
            ranges.append((i, i + 1))
    return ranges


def _salient_quote(a: Analysis, pick: _Picker) -> str | None:
    """The person's most telling line: the sentence richest in patterns and tensions,
    cut to a window around its first piece of evidence."""
    tokens = a.tokens
    evidence_starts = [m.start for m in a.patterns]
    evidence_starts += [e.start for t in a.tensions for e in t.evidence]
    evidence_starts += [tokens[c.left[0]].start for c in a.contrasts]
    sentences = _sentence_ranges(tokens)
    best: list[tuple[int, int]] = []
    best_score = None
    for lo, hi in sentences[:200]:
        span_lo, span_hi = tokens[lo].start, tokens[hi - 1].end
        hits = sum(1 for s in evidence_starts if span_lo <= s < span_hi)
        score = 3 * hits + (1 if hi - lo >= 4 else -1)
        if best_score is None or score > best_score:
            best, best_score = [(lo, hi)], score
        elif score == best_score:
            best.append((lo, hi))
    chosen = best[pick.index(len(best))]
    for lo, hi in [chosen, *sentences[:200]]:
        start = lo
        if hi - lo > _MAX_QUOTE_WORDS:
            anchor = next((i for i in range(lo, hi) if any(
                tokens[i].start <= s < tokens[i].end for s in evidence_starts)), lo)
            start = max(lo, min(anchor - 3, hi - _MAX_QUOTE_WORDS))
        end = min(hi, start + _MAX_QUOTE_WORDS)
        quote = _quote(a.text, tokens, start, end, cut_left=start > lo, cut_right=end < hi)
        if quote is not None:
            return quote
    return None


def _contrast_quotes(a: Analysis) -> tuple[str, str] | None:
    for con in a.contrasts:
        sides = _contrast_sides(a, con)
        if sides:
            return sides
    return None


def _contrast_sides(a: Analysis, con: Contrast) -> tuple[str, str] | None:
    (l0, l1), (r0, r1) = con.left, con.right
    ls = max(l0, l1 - _MAX_SIDE_WORDS)
    re_ = min(r1, r0 + _MAX_SIDE_WORDS)
    left = _quote(a.text, a.tokens, ls, l1, cut_left=ls > l0, max_chars=90)
    right = _quote(a.text, a.tokens, r0, re_, cut_right=re_ < r1, max_chars=90)
    if left and right and left != right:
        return left, right
    return None


def _tension_sides(a: Analysis, t: Tension) -> tuple[str, str] | None:
    """The two sides, quoted, of the first contrast that holds the tension's evidence."""
    starts = [e.start for e in t.evidence]
    for con in a.contrasts:
        lo = a.tokens[min(con.left[0], con.right[0])].start
        hi = a.tokens[max(con.left[1], con.right[1]) - 1].end
        if any(lo <= s < hi for s in starts):
            return _contrast_sides(a, con)
    return None


def _pattern_words(a: Analysis, name: str) -> str | None:
    seen: dict[str, str] = {}
    for m in a.patterns:
        if m.name != name or m.parts:  # a structural tension is quoted as a contrast
            continue
        body = _clean(m.text)
        key = body.casefold()
        if body and len(body) <= _MAX_EVIDENCE_CHARS and key not in seen:
            seen[key] = f"\u201c{body}\u201d"
        if len(seen) == 2:
            break
    return " and ".join(seen.values()) or None


def _top_pattern(a: Analysis) -> str | None:
    """The most frequent pattern that has words to quote (a structural tension alone has
    none: it is reflected as a contrast or a tension instead)."""
    counts: dict[str, int] = {}
    for m in a.patterns:
        if not m.parts:
            counts[m.name] = counts.get(m.name, 0) + 1
    if not counts:
        return None
    first_seen = list(counts)
    return max(first_seen, key=lambda n: (counts[n], -first_seen.index(n)))


def _axis_words(t: Tension) -> dict[str, str]:
    if t.position > 0.2:
        lean = f"leaning toward {t.axis_b}"
    elif t.position < -0.2:
        lean = f"leaning toward {t.axis_a}"
    else:
        lean = "with neither side settled yet"
    return {"A": t.axis_a, "B": t.axis_b, "lean": lean}


def _compose_english(a: Analysis, pick: _Picker) -> str:
    quote = _salient_quote(a, pick)
    if quote is None:  # only giant unbroken "words": nothing quotable at word boundaries
        return " ".join([pick.choice(_OPEN_PLAIN), pick.choice(_ASK)])
    if len(a.tokens) <= _SHORT_TEXT_WORDS:
        return " ".join([pick.choice(_OPEN_SHORT).format(q=quote), pick.choice(_ASK)])

    pattern = _top_pattern(a)
    pattern_words = _pattern_words(a, pattern) if pattern else None
    tension = a.tensions[0] if a.tensions else None
    contrast = _contrast_quotes(a)
    # Most of the time a tension found in a contrast is named in the person's words, and
    # then that line stands for the contrast too (the same quotes twice would read oddly).
    tension_sides = _tension_sides(a, tension) if tension else None
    if tension_sides and not pick.index(3):
        tension_sides = None
    if tension_sides and tension_sides == contrast:
        contrast = None

    def pattern_line() -> str:
        options = _PATTERN.get(pattern or "", _PATTERN_GENERIC)
        return pick.choice(options).format(words=pattern_words,
                                           label=pattern_label(pattern or ""))

    def tension_line() -> str:
        assert tension is not None
        if tension_sides:
            used.add("quote")  # the line quotes the person
            a_, b_ = tension_sides
            return pick.choice(_TENSION_WORDS).format(a=a_, b=b_, **_axis_words(tension))
        return pick.choice(_TENSION).format(**_axis_words(tension))

    def contrast_line() -> str:
        assert contrast is not None
        return pick.choice(_CONTRAST).format(a=contrast[0], b=contrast[1])

    features: dict[str, object] = {}
    if pattern_words:
        features["pattern"] = pattern_line
    if tension:
        features["tension"] = tension_line
    if contrast:
        features["contrast"] = contrast_line
    quoting = {"pattern", "contrast", "quote"}

    families = ["quote", "plain", *features]
    family = pick.choice(families)
    used: set[str] = set()
    if family == "quote":
        sentences = [pick.choice(_OPEN_QUOTE).format(q=quote)]
    elif family == "plain":
        sentences = [pick.choice(_OPEN_PLAIN)]
    else:
        sentences = [features.pop(family)()]  # type: ignore[operator]
    used.add(family)
    middle = pick.shuffled(list(features))[: pick.index(3)]
    for name in middle:
        sentences.append(features[name]())  # type: ignore[operator]
        used.add(name)
    if not used & quoting:
        sentences.append(pick.choice(_QUOTE_LINE).format(q=quote))

    if "tension" in used and tension and pick.index(2):
        ask = pick.choice(_ASK_TENSION).format(**_axis_words(tension))
    elif "pattern" in used and pattern in _ASK_PATTERN and pick.index(2):
        ask = pick.choice(_ASK_PATTERN[pattern or ""])
    else:
        ask = pick.choice(_ASK)
    sentences.append(ask)
    return " ".join(sentences)


_OPENERS = "\u201c\u201e\u00ab\u2039\u300c\u300e"
_CLOSERS = ")]}\u201d\u00bb\u203a\u300d\u300f'\u2019\""


def _exact_quote(text: str, tokens: Sequence[Token], first: int, last: int) -> str | None:
    """Tokens [first, last) quoted as the person wrote them: closing brackets and quotation
    marks right after the last word are kept, and a question or exclamation mark. Only
    whitespace is folded, and quotation marks inside become single ones (so the mirror's
    own marks still pair up; the checks ignore quotation marks when comparing words)."""
    if last <= first:
        return None
    start, end = tokens[first].start, tokens[last - 1].end
    while end < len(text) and (text[end] in _CLOSERS + "?!" or (
            text[end] in ".," and end + 1 < len(text) and text[end + 1] in _CLOSERS)):
        end += 1  # "… like this.'" keeps its full stop inside the person's own quotation
    body: list[str] = []
    for ch in text[start:end]:
        if ch in _OPENERS:
            body.append("\u2018")
        elif ch in "\u201d\u00bb\u203a\u300d\u300f":
            body.append("\u2019")
        elif ch == '"':  # opening after a space, closing after a word
            prev = body[-1] if body else " "
            closing = not (prev.isspace() or prev in "(\u2018")
            body.append("\u2019" if closing else "\u2018")
        elif ch.isprintable() or ch in _KEEP_FORMAT or unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            body.append(ch)
        else:
            body.append(" ")
    quoted = " ".join("".join(body).split())
    if quoted.count("\u2018") > quoted.count("\u2019"):
        quoted += "\u2019"  # an inner quotation the person closed after their full stop
    if len(quoted) > _MAX_QUOTE_CHARS * 2:
        return None
    return f"\u201c{quoted}\u201d" if quoted else None


def _say(template: str, **values: str) -> str:
    """A frame filled in; a frame that opens with a feeling name gets its capital."""
    caps = {k[:1].upper() + k[1:]: v[:1].upper() + v[1:] for k, v in values.items()}
    return template.format(**values, **caps)


_HEAVY = frozenset({"grief", "sadness", "loneliness"})


def _compose_framed(a: Analysis, pick: _Picker, data: dict) -> str:
    """The mirrorback from a reading of the entry (`mirror.engine.reading`) and the
    language's frames (`constitution/mirrorback/<lang>.yaml`): the centre quoted exactly,
    the feeling named in plain words, and a question built from the person's own phrase."""
    r = read(a.text, a.tokens, a.language)
    fr = data["frames"]
    names = {f: str(spec.get("name", f)) for f, spec in (data.get("feelings") or {}).items()}
    quote = _exact_quote(a.text, a.tokens, r.centre.first, r.centre.last) if r.centre else None
    if quote is None:
        return " ".join([pick.choice(fr["plain"]).format(q="\u201c\u2026\u201d"),
                         pick.choice(fr["ask_generic"])])
    feeling = names.get(r.feelings[0], r.feelings[0]) if r.feelings else ""
    feeling2 = names.get(r.feelings[1], r.feelings[1]) if len(r.feelings) > 1 else ""
    if feeling2 and r.valence != "mixed":  # two feelings of one kind are named together
        feeling, feeling2 = f"{feeling} {data.get('and', 'and')} {feeling2}", ""
    values = {"q": quote, "feeling": feeling, "feeling2": feeling2}
    sentences: list[str] = []
    if r.asking and not r.sarcasm:
        sentences.append(_say(pick.choice(fr["asking"]), **values))
    elif r.sarcasm:
        sentences.append(_say(pick.choice(fr["sarcasm"]), **values))
    elif feeling2:
        sentences.append(_say(pick.choice(fr["mixed"]), **values))
    elif feeling and r.valence == "positive":
        sentences.append(_say(pick.choice(fr["positive"]), **values))
    elif feeling and r.feelings[0] in _HEAVY:
        sentences.append(_say(pick.choice(fr["heavy"]), **values))
    elif feeling:
        sentences.append(_say(pick.choice(fr["feeling"]), **values))
    else:
        sentences.append(_say(pick.choice(fr["plain"]), **values))

    # One more moment, at most: a second paragraph's line, or the two sides of a contrast
    # the person drew outside the quoted words, or sharp words they used about themselves.
    if r.second is not None:
        second = _exact_quote(a.text, a.tokens, r.second.first, r.second.last)
        if second and second != quote:
            sentences.append(_say(pick.choice(fr["second"]), q=second))
    elif not r.sarcasm and not r.asking:
        extra = _contrast_outside(a, r.centre) if r.centre else None
        tension = a.tensions[0] if a.tensions else None
        if tension is not None:
            axes = {"A": tension.axis_a, "B": tension.axis_b}
            sides = _tension_sides(a, tension)
            if sides and sides[0] not in quote and sides[1] not in quote and pick.index(2):
                sentences.append(pick.choice(fr["tension_words"]).format(a=sides[0], b=sides[1], **axes))
            else:
                sentences.append(pick.choice(fr["tension"]).format(**axes))
        elif extra is not None and pick.index(2):
            sentences.append(pick.choice(fr["contrast"]).format(a=extra[0], b=extra[1]))
        else:
            words = _self_judgment_words(a)
            if words and pick.index(2):
                sentences.append(pick.choice(fr["self_judgment"]).format(words=words))

    if r.asking and not r.sarcasm:
        ask = pick.choice(fr["ask_asking"])
    elif r.sarcasm:
        ask = pick.choice(fr["ask_sarcasm"])
    elif a.tensions and not r.phrase or (a.tensions and pick.index(3) == 0):
        t = a.tensions[0]
        ask = pick.choice(fr["ask_tension"]).format(A=t.axis_a, B=t.axis_b)
    elif r.phrase:
        ask = pick.choice(fr["ask_phrase"][r.valence]).format(p=r.phrase)
    elif feeling:
        ask = pick.choice(fr["ask_feeling"]).format(feeling=feeling)
    else:
        ask = pick.choice(fr["ask_generic"])
    sentences.append(ask)
    # A quotation that ends on its own ? or ! needs no full stop after it.
    return " ".join(sentences).replace("?\u201d.", "?\u201d").replace("!\u201d.", "!\u201d")


def _contrast_outside(a: Analysis, centre) -> tuple[str, str] | None:
    """The two sides of the first contrast that lies outside the quoted centre."""
    for con in a.contrasts:
        lo, hi = min(con.left[0], con.right[0]), max(con.left[1], con.right[1])
        if hi <= centre.first or lo >= centre.last:
            sides = _contrast_sides(a, con)
            if sides:
                return sides
    return None


def _self_judgment_words(a: Analysis) -> str | None:
    words = _pattern_words(a, "self_judgment")
    return words


def _compose_marks(text: str, pick: _Picker) -> str:
    """No words at all: emoji, punctuation, or nothing."""
    body = _clean(text)[:40].strip()
    if not body:
        return pick.choice(_WORDLESS)
    return pick.choice(_MARKS_ONLY).format(q=f"\u201c{body}\u201d")


def _compose_localized(a: Analysis, pick: _Picker) -> str:
    opens, asks, thanks = _LOCALIZED.get(a.language, _NEUTRAL)
    quote = _salient_quote(a, pick)
    if quote is None:
        return " ".join([thanks, pick.choice(asks)])
    return " ".join([pick.choice(opens).format(t=quote[1:-1]), pick.choice(asks)])


def compose(text: str, analysis: Analysis | None = None, *, version: str = ENGINE_VERSION) -> str:
    """The offline mirrorback for `text` (pass `analysis` when already computed)."""
    a = analyze(text) if analysis is None else analysis
    pick = _Picker(f"{version}\x00{text}")
    if not a.tokens:
        return _compose_marks(text, pick)
    data = frames(a.language if not a.english else "en")
    if data is not None and len(a.tokens) > _SHORT_TEXT_WORDS:
        return _compose_framed(a, pick, data)
    if a.english:
        return _compose_english(a, pick)
    return _compose_localized(a, pick)


"""How a digest reads a period: which entries matter most, what to quote from them, and
the feeling of the period said in plain words.

- **What happened weighs most.** A death, a birth, a diagnosis, a break-up, a new or lost
  job is the centre of a week however briefly it is written: "Dad died this morning."
  must never lose to a long chatty entry. Such events (`EVENTS`, in English, Spanish,
  German and French; not when negated) add to an entry's salience far more than any
  sentence's feeling can, and put the entry among those read in full. Every entry of a
  month is checked word by word: only an entry holding one of an event's trigger words
  ("died", "baby", "hospital"…) is read by that event's pattern.
- **Quotes are whole.** A quote is a whole sentence (with the sentence the event is told
  in, when that is a different one close by), or, for a very long sentence, whole clauses
  around the centre — never ending before a turn ("…, but …"), a negation, or a
  conjunction left hanging. It is the person's words exactly.
- **Irony is read as irony.** An entry the offline reading finds sarcastic, or one with an
  ironic marker ("#blessed", "living the dream", "just what I needed") whose other
  sentences are not plainly happy, is quoted whole with the complaint and marked as said
  wryly — never as a sincere line of gratitude — and its praise never counts as joy.
- **The feeling of the period** (`mood`) is only what the person said of themselves:
  the offline reading's feelings of each entry read in full (`digest._stated_in`), never
  grief, fear or joy from what happened alone, weighed toward the period's end and each
  entry's last sentence. Where in the period a feeling sits (its start, its end,
  throughout) is said too: "A week that began with grief and ended with relief."
  Descriptive: never a diagnosis.
- **Irony without a marker** (`praise_span`): praise of the situation itself right after
  plainly bad news ("Third rejection this month. I love this job hunt").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from mirror.engine.reading import Reading, frames, valences
from mirror.engine.tokenize import Tokens, clause_break_between
from mirror.services.people import in_text, mentions_someone, plain_lower

#: Life events: (weight, the feeling family they bring, pattern). Weights: what happened
#: outweighs how it was said (a sentence's feeling score is rarely above 6).
EVENTS: tuple[tuple[float, str, str], ...] = (
    (6.0, "grief", r"died|dies|has died|passed away|passed on|death of|funeral|was killed|"
                   r"stillborn|miscarriage|murió|muri[óe]|falleci\w*|entierro|gestorben|"
                   r"starb|verstorben|beerdigung|ist tot|est mort|est morte|décéd\w*|"
                   r"décès|enterrement|obsèques|funérailles|"
                   r"(?:he|she)(?:'s| is| has) gone(?=\s*(?:[.!…]|$))|put (?:him|her) to sleep|"
                   r"had (?:him|her) put down|no longer with us|took (?:his|her) last breath|"
                   r"se nos fue|nos dejó|ist von uns gegangen|nous a quitté\w*"),
    (4.0, "grief", r"would have been (?:\d+|(?:her|his) \w+ birthday)|"
                   r"first (?:birthday|christmas|mother's day|father's day|anniversary|"
                   r"summer|winter) without (?:her|him|them)|anniversary of (?:her|his) death|"
                   r"(?:her|his) grave|(?:her|his) ashes"),
    (5.0, "joy", r"had the baby|had her baby|had a baby|was born|gave birth|newborn|"
                 r"(?:i'?m|we'?re|she'?s) pregnant|nació|embarazada|geboren|schwanger|"
                 r"est née?|naissance|enceinte|it'?s a boy|it'?s a girl|baby boy|baby girl|"
                 r"\d+ ?lbs? ?\d+ ?oz|"  # a birth weight: "Boy. 6 lb 11 oz."
                 r"(?:boy|girl|baby|bebé|niña|niño|junge|mädchen|garçon|fille)\W+\d+(?:[.,]\d+)? ?kg"),
                 # "Girl. 3.2kg. Both fine."
    (2.5, "pride", r"passed(?= ?[.!,]|$)|passed (?:my|the|our|both|all) (?:\w+ )?(?:\w+ )?(?:"
                   r"exams?|tests?|assessments?|viva|finals|course|modules?|boards|audition|"
                   r"probation|inspection|interview|theory|practical|mot)|aprobé|bestanden|"
                   r"j'ai réussi"),  # an exam passed: "passed. AM2 done."
    (4.0, "relief", r"benign|all clear|came back clear|came back negative|in remission|"
                    r"es benigno|es benigna|gutartig|bénigne?"),
    (4.0, "fear", r"diagnos\w+|cancer|tumou?r|lymphoma|leuka?emia|biopsy|malignant|"
                  r"ambulance|a&e|"
                  r"intensive care|icu|stroke|heart attack|surgery|chemo\w*|hospital|"
                  r"accident|crash(?:ed)?|diagnóstico|cáncer|benigno|la ingresan|ingresad[oa]|"
                  r"krankenhaus|diagnose|krebs|notaufnahme|unfall|hôpital|urgences|cancer"),
    (4.0, "hurt", r"broke up|break ?up|split up|left me|moved (?:his|her|their) stuff out|"
                  r"moved out|divorce\w*|separated|rompimos|nos separamos|divorcio|"
                  r"trennung|getrennt|schluss gemacht|scheidung|rupture|séparés|divorcé\w*"),
    (3.0, "joy", r"got engaged|we'?re engaged|proposed|got married|our wedding|"
                 r"nos casamos|verlobt|geheiratet|fiancés|mariés"),
    (3.0, "fear", r"fired|laid off|made redundant|redundancy|lost my job|despid\w+|"
                  r"gekündigt|entlassen|licencié\w*|viré\w*"),
    (2.5, "hope", r"new job|first day|got the job|job offer|promot(?:ed|ion)|resigned|"
                  r"offered me the (?:job|role|position|post)|"
                  r"handed in my notice|nuevo trabajo|primer día|neuer job|erster tag|"
                  r"nouveau (?:travail|poste|boulot)|premier jour"),
    (2.0, "hope", r"moved in|moving day|new flat|new house|piso nuevo|casa nueva|mudanza|"
                  r"umzug|neue wohnung|déménag\w+|nouvel appartement"),
)
_EVENT_RE = [(w, fam, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for w, fam, p in EVENTS]
#: Alternatives with no literal word for `_trigger` to find: the piece of text they need.
_TEXT_TRIGGERS = {r"\d+ ?lbs? ?\d+ ?oz": "oz",
                  r"(?:boy|girl|baby|bebé|niña|niño|junge|mädchen|garçon|fille)\W+\d+(?:[.,]\d+)? ?kg": "kg"}
#: Before an exam's bare "passed": nothing but the writer ("passed.", "I passed!", "finally
#: passed."); "Mum passed." is a death and "Time passed." no news.
_EXAM_BEFORE = re.compile(r"(?:^|[.!?…\n]\s*)(?:(?:i|we|i've|we've|finally|just|both|so|and|"
                          r"yes|officially|actually)\s+)*$", re.IGNORECASE)
#: A death told or in the story ("died", "funeral"): what happened, not a feeling word.
DEATH_WORDS = _EVENT_RE[0][2]
_NEGATION = re.compile(r"\b(?:not|never|no|n't|didn't|hasn't|wasn't|won't|nicht|kein\w*|"
                       r"nie|pas|jamais|nunca)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
_UNREAL = re.compile(r"\b(?:if|what if|afraid|scared|worried|terrified|might|could|would|"
                     r"si|wenn|falls|peur)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)


#: Before "died": a thing that stops working, or the writer's own figure of speech.
_NOT_A_DEATH = re.compile(r"\b(?:phone|battery|laptop|car|plant|plants|computer|tv|wifi|"
                          r"fridge|conversation|engine|boiler|printer|mood|party|signal|"
                          r"i|i've|nearly|almost|basically|literally|practically|"
                          r"handy|móvil|handy|portable|"
                          # no one in particular: "a tragedy because everyone dies"
                          r"everyone|everybody|nobody|people|todos|todo\s+el\s+mundo|"
                          r"tout\s+le\s+monde|alle|tutti|iedereen|wszyscy|todo\s+mundo)"
                          r"\W+(?:\w+\W+)?$", re.IGNORECASE)


#: Event words that are also places ("at the surgery", "to the hospital" stays an event).
_PLACES_TOO = frozenset({"surgery"})
_AT_A_PLACE = re.compile(r"\b(?:at|to|from|outside|in|near) the\s+$", re.IGNORECASE)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of an event pattern ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    out, depth, current = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and not depth:
            out.append(current)
            current = ""
        else:
            current += ch
    return [*out, current]


_GAP = "\x00"


def _trigger(alternative: str, common: frozenset[str]) -> tuple[str, str]:
    """(kind, word) an entry must hold for `alternative` to match it: ("word", w) a whole
    word, ("stem", w) the start of a word, ("text", w) a piece of the lowered text. Groups,
    character classes, optional letters and `\\w*` are gaps; of the literal words left
    (never one that follows a gap), a rare one is preferred: not a function word, whole,
    long ("had the baby" -> "baby"). Any match holds its trigger, so an entry without a
    trigger cannot match and skips the pattern: the result never changes."""
    s = re.sub(r"\((?:[^()]|\([^()]*\))*\)[?*+]?", _GAP, alternative)
    s = re.sub(r"\[[^\]]*\][?*+]?", _GAP, s)
    s = re.sub(r"\\w[*+]", _GAP, s)
    s = re.sub(r".\?", _GAP, s)
    if re.search(r"[\\()\[\]*+?{}.|^$]", s):
        raise ValueError(f"an event pattern the trigger words cannot read: {alternative!r}")
    found: list[tuple[bool, bool, int, int, str, str]] = []
    for k, m in enumerate(re.finditer(r"[^ '\x00]+", s)):
        word = m.group(0)
        if m.start() and s[m.start() - 1] == _GAP:
            continue  # "we'?re": the "re" follows a gap, no word starts there
        is_whole = m.end() == len(s) or s[m.end()] != _GAP
        kind = "text" if re.fullmatch(r"\w+", word) is None else "word" if is_whole else "stem"
        found.append((word not in common, is_whole, len(word), k, kind, word))
    if not found:
        raise ValueError(f"an event pattern without a literal word: {alternative!r}")
    *_, kind, word = max(found)
    return kind, word


@dataclass(frozen=True)
class _Triggers:
    words: dict[str, frozenset[int]]      # whole word -> the EVENTS it may start
    stems: tuple[tuple[str, int], ...]
    stem_starts: tuple[str, ...]
    texts: tuple[tuple[str, int], ...]


@cache
def _triggers() -> _Triggers:
    common = frozenset(_function_words())
    words: dict[str, set[int]] = {}
    stems: list[tuple[str, int]] = []
    texts: list[tuple[str, int]] = []
    for index, (_, _, pattern) in enumerate(EVENTS):
        for alternative in _alternatives(pattern):
            if alternative in _TEXT_TRIGGERS:
                texts.append((_TEXT_TRIGGERS[alternative], index))
                continue
            kind, word = _trigger(alternative, common)
            if kind == "word":
                words.setdefault(word, set()).add(index)
            elif kind == "stem":
                stems.append((word, index))
            else:
                texts.append((word, index))
    return _Triggers({w: frozenset(v) for w, v in words.items()}, tuple(stems),
                     tuple(s for s, _ in stems), tuple(texts))


_TOKEN = re.compile(r"\w+")
#: Letters `re.IGNORECASE` folds onto a Latin letter but `str.lower` does not ("ſ", the
#: Kelvin sign, dotless and dotted i): an entry holding one is read by every pattern.
_ODD_CASE = frozenset("\u017f\u212a\u0131\u0130")


def _possible(text: str) -> set[int] | range:
    """The EVENTS whose trigger words the entry holds, word by word (a set lookup per
    distinct word): most entries of a month tell no event and hold none, so the patterns
    (~1 ms an entry together) run only where they might match."""
    if not text.isascii() and not _ODD_CASE.isdisjoint(text):
        return range(len(EVENTS))
    lowered = text.lower()
    found: set[int] = set()
    triggers = _triggers()
    for word in set(_TOKEN.findall(lowered)):
        hit = triggers.words.get(word)
        if hit:
            found |= hit
        if word.startswith(triggers.stem_starts):
            found.update(i for stem, i in triggers.stems if word.startswith(stem))
    for piece, index in triggers.texts:
        if piece in lowered:
            found.add(index)
    return found


@lru_cache(maxsize=8192)
def event(text: str) -> tuple[float, str | None, int]:
    """(weight, feeling family, character offset) of the heaviest life event told in
    `text` (0, None, -1 when none): told, not negated, not only feared or imagined."""
    best: tuple[float, str | None, int] = (0.0, None, -1)
    possible = _possible(text)
    if not possible:
        return best
    for index, (weight, family, pattern) in enumerate(_EVENT_RE):
        if weight <= best[0] or index not in possible:
            continue
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 40):m.start()]
            if _NEGATION.search(before) or _UNREAL.search(before):
                continue
            if family == "grief" and _NOT_A_DEATH.search(before):
                continue  # "my phone died", "I nearly died laughing"
            if m.group(0).lower() in _PLACES_TOO and _AT_A_PLACE.search(before):
                continue  # "three days at the surgery": where she works, not an operation
            if family == "pride" and m.group(0).lower() == "passed" and \
                    not _EXAM_BEFORE.search(before):
                continue  # "Nan passed.", "Time passed.": not an exam
            best = (weight, family, m.start())
            break
    return best


#: How the digest's first line names what happened, by the word that told it.
_EVENT_NAMES: tuple[tuple[str, str, str], ...] = (
    # (pattern of the telling word, name alone, name with whose it was: {who})
    (r"died|dies|passed|death|funeral|killed|murió|muri|falleci|entierro|gestorben|starb|"
     r"verstorben|beerdigung|tot|mort|décéd|décès|enterrement|obsèques|funérailles|he|she|"
     r"put|had|no longer|took|se nos|nos dej|ist von|nous a",
     "a death", "{who}'s death"),
    (r"baby|born|birth|newborn|pregnant|nació|embarazada|geboren|schwanger|née?|naissance|"
     r"enceinte|it'?s a|boy|girl|bebé|niñ|junge|mädchen|garçon|fille|\d", "a birth", "a birth"),
    (r"stroke", "a stroke", "{who}'s stroke"),
    (r"heart attack", "a heart attack", "{who}'s heart attack"),
    (r"cancer|cáncer|krebs|tumou?r|malignant|chemo", "cancer", "{who}'s cancer"),
    (r"surgery", "an operation", "{who}'s operation"),
    (r"accident|crash|unfall", "an accident", "{who}'s accident"),
    (r"diagnos|biopsy|benign", "a diagnosis", "{who}'s diagnosis"),
    (r"hospital|ambulance|a&e|intensive|icu|ingres|krankenhaus|notaufnahme|hôpital|urgences",
     "a hospital stay", "{who} in hospital"),
    (r"broke|break|split|left me|moved|divorc|rompimos|separa|trennung|getrennt|schluss|"
     r"scheidung|rupture", "a break-up", "a break-up"),
    (r"engaged|proposed|verlobt|fiancés", "an engagement", "an engagement"),
    (r"married|wedding|casamos|geheiratet|mariés", "a wedding", "a wedding"),
    (r"fired|laid off|redundan|lost my job|despid|gekündigt|entlassen|licenci|viré",
     "losing your job", "losing your job"),
)
_EVENT_NAME_RE = [(re.compile(p, re.IGNORECASE), alone, whose) for p, alone, whose in _EVENT_NAMES]


def event_name(text: str, who: str | None = None) -> tuple[int, str] | None:
    """(how specific, how the digest says it) of the heaviest event told in `text` ("a
    stroke", "Mum's stroke" when `who` is whose it was; a lower number is more specific:
    "a stroke" over "a hospital stay"), or None when none is told."""
    weight, _, offset = event(text)
    if weight <= 0 or offset < 0:
        return None
    told = text[offset:offset + 24]
    for k, (pattern, alone, whose) in enumerate(_EVENT_NAME_RE):
        if pattern.match(told):
            return k, (whose.format(who=who) if who and "{who}" in whose else alone)
    return None


# -- quoting -----------------------------------------------------------------------------------
QUOTE_MAX_WORDS = 45      # a sentence up to this long is quoted whole
_TURNS = frozenset({"but", "yet", "though", "although", "except", "however", "still",
                    "pero", "aber", "doch", "mais", "sino", "sondern", "obwohl", "aunque",
                    "not", "never", "no", "nicht", "pas", "jamais", "nunca"})
_OPENING_TURNS = frozenset({"but", "yet", "still", "though", "although", "pero", "aber",
                            "maar", "però", "eppure", "mas", "porém", "ale", "jednak",
                            "doch", "mais", "sin"})
_HANGING = frozenset({"and", "or", "but", "so", "because", "that", "which", "who", "if",
                      "when", "as", "to", "the", "a", "my", "y", "o", "pero", "que", "und",
                      "oder", "aber", "dass", "et", "ou", "mais"})


#: A short word in lower case and its full stop just before a token: an abbreviation
#: ("ca.", "approx.", "z.", "env.", "ok.") when what follows goes on in lower case or digits.
_ABBREVIATED = re.compile(r"(?:^|[\s(])[^\W\d_]{1,5}\.\s+$")


#: A title and its full stop before a name ("O Sr. Duarte", "la Dra. Quintana", "Mrs. Hale"):
#: the name goes on the sentence, whatever its capital says.
_TITLE_BEFORE = re.compile(r"(?:^|[\s(])(?:sr|sra|srta|sr\.ª|sra\.ª|dr|dra|dña|dª|d\.ª|mr|mrs|ms"
                           r"|prof|profa|mme|mlle|hr|fr|sig|sig\.ra|ing|lic)\.\s+$", re.IGNORECASE)


def continues(text: str, toks: Tokens, i: int) -> bool:
    """Whether the sentence the splitter starts at token `i` goes on from the one before,
    cut only at an abbreviation's full stop ("Wir haben ca. 9 mal gesungen", "approx. 5
    miles") or a title's before a name ("O Sr. Duarte esperou"): a quote never starts at
    "9 mal gesungen" nor ends at "ca." or "Sr."."""
    if i <= 0 or i >= len(toks):
        return False
    head = toks[i].text[:1]
    if head.isupper() and _TITLE_BEFORE.search(text, max(0, toks[i].start - 8), toks[i].start):
        return True
    if not (head.isdigit() or head.islower()):
        return False
    window = text[max(0, toks[i].start - 8):toks[i].start]
    m = _ABBREVIATED.search(window)
    return m is not None and m.group(0).strip(" (.").islower()


def whole(text: str, toks: Tokens, first: int, last: int) -> tuple[int, int]:
    """The token range to quote for a moment [first, last): its whole sentence(s) when they
    are short enough, else whole clauses around it that never end before a turn or on a
    word left hanging, nor start on a turn without what it turns from. A sentence cut at
    an abbreviation ("ca. 9") is one sentence with the one it was cut from."""
    bounds = toks.sentence_bounds()
    lo, _ = bounds[toks[first].sent]
    _, hi = bounds[toks[last - 1].sent]
    while lo > 0 and continues(text, toks, lo):
        lo = bounds[toks[lo - 1].sent][0]
    while hi < len(toks) and continues(text, toks, hi):
        hi = bounds[toks[hi].sent][1]
    if toks.norms[lo] in _OPENING_TURNS and toks[lo].sent - 1 in bounds:
        before, _ = bounds[toks[lo].sent - 1]  # "But it also felt true.": and what it turns from
        if hi - before <= QUOTE_MAX_WORDS:
            lo = before
    if hi - lo <= QUOTE_MAX_WORDS:
        return lo, hi
    cuts = [i for i in range(lo + 1, hi) if clause_break_between(text, toks[i - 1], toks[i])]
    starts, ends = [lo, *cuts], [*cuts, hi]
    a = max(s for s in starts if s <= first)
    b = min(e for e in ends if e >= last)
    norms = toks.norms
    while b < hi and (norms[b] in _TURNS or norms[b - 1] in _HANGING
                      or (b + 1 < hi and norms[b + 1] in _TURNS and norms[b] in ("and", "y", "et", "und"))):
        b = min(e for e in ends if e > b)  # "…, but" / "… and": the turn's other half too
    if norms[a] in _TURNS and a > lo:
        a = max(s for s in starts if s < a)  # "but I know…": what it turns from
    return a, b


#: A line that leans on the one before it: it opens on a word pointing back ("That's my
#: mother.", "Eso es lo que quiero recordar.") or ends on one, or on a verb left without
#: its object ("I'm holding on to that.", "I wish they wouldn't.").
_LEANS_START = frozenset("that that's this it it's which so then eso esto esa ese aquello "
                         "das dies ça cela c'est dat dit isso isto ciò questo quello "
                         # thanks for what the line before said ("Papa im Hintergrund:
                         # „Lass sie doch.“ Danke Papa.")
                         "thanks danke gracias merci grazie obrigado obrigada bedankt dzięki "
                         # a sentence opening on "or", "and": the one before goes on in it
                         # ("The room feels like mine now, not ours. Or at least like a
                         # different room.")
                         "or and y o und oder et ou e of lub albo".split())
_LEANS_END = frozenset("that this it eso esto lo ello das es ça cela too either wouldn't "
                       "won't don't didn't doesn't can't couldn't isn't wasn't aren't "
                       "weren't hasn't haven't shouldn't do did does would will can could "
                       "should is was were am are have has had".split())
#: After the person's own "I" or "we": a word of feeling, thinking or holding on ("I think
#: that's actually the brave one", "I'm holding on to that", "we were both just scared").
_STANCE = frozenset("feel feels felt think thought know knew wish want wanted love loved "
                    "miss missed hope hoped hate need needed remember forget wonder "
                    "believe realise realised realize realized holding hold held guess "
                    "mean meant can't couldn't cried laughed keep kept siento sentí creo "
                    "quiero quería echo pienso sé recuerdo espero fühle glaube weiß "
                    "will wünsche vermisse sens pense crois veux sais espère".split())
#: Words that point at people or things named before ("these two", "esos tres", "ces
#: deux-là"): a short line holding one leans on the sentence before, wherever it stands.
_POINTING = frozenset("these those estes estas esses essas aqueles aquelas estos esos "
                      "aquellos ces ceux celles diese jene questi quelli deze".split())
#: Words that concede to the sentence before ("Said yes anyway", "Hab trotzdem ja gesagt"):
#: a short line holding one is an answer to it.
_CONCEDING = frozenset("anyway anyhow regardless nonetheless nevertheless trotzdem dennoch "
                       "igualmente comunque toch".split())
_LIST_ITEM = re.compile(r"(?m)^[ \t]*(?:[-*•·]|\d+[.)])[ \t]+")
#: How much a feeling word in a line weighs against a bare fact (see `felt`).
FELT_WORD, FELT_MINE, FELT_STANCE, BARE_FACT, EVENT_FACT = 1.5, 1.0, 2.0, 2.0, 1.0
#: How much of the offline reading's own score of a sentence (its strong words, where it
#: stands in the entry) counts beside what `felt` finds.
BASE = 0.3


_FRAGMENT = 5  # a line this short is read with a short one before it


#: Words that stand for what the sentence before said, per language ("I'm choosing to hear
#: that as love", "Keiner von uns hat es ausgesprochen", "Nie pomyślałam o tym"): a short
#: line holding one is a punchline without its set-up when quoted alone. Per language,
#: since one language's pronoun is another's preposition (Polish "to", English "to").
_POINTS_BACK: dict[str, frozenset[str]] = {
    "en": frozenset("that it this".split()),
    "de": frozenset("es das dies davon darüber daran".split()),
    "fr": frozenset("ça cela le".split()),
    "es": frozenset("eso esto ello".split()),
    "it": frozenset("ciò questo quello".split()),
    "pt": frozenset("isso isto".split()),
    "nl": frozenset("dat dit het".split()),
    "pl": frozenset("to tym tego tę".split()),
}
def points_back(language: str) -> frozenset[str]:
    """Words that stand for what the sentence before said ("it", "das", "eso") in `language`."""
    return _POINTS_BACK.get(language, frozenset())


#: Openings that say "he" or "she" did it without naming them, in languages that drop
#: the subject ("Ha dicho «¿Ves?»", "Disse que sim"): who it is stands in the line before.
_THIRD_OPENING: dict[str, frozenset[str]] = {
    "es": frozenset("ha dice dijo tiene tenía quiere cree piensa sabe".split()),
    "it": frozenset("ha dice disse vuole crede pensa sa aveva".split()),
    "pt": frozenset("disse diz tem tinha quer acha pensa sabe".split()),
    # German diaries drop the subject too ("Hat mir dann die Route gezeigt."): a third
    # person's verb opening the line
    "de": frozenset("hat hatte meinte sagte sagt fand findet".split())}


def _someone_before(words: Sequence[str], language: str | None) -> bool:
    """Whether a line's verb is someone else's whose name it leaves to the line before: a
    subjectless third person opening it (`_THIRD_OPENING`), or in Polish a verb in the past
    of "he" or "she" ("Nic nie powiedział", "ona też nie"), whose "I" ends in -łam/-łem."""
    if language == "pl":
        # ...opening on the verb or a small word, not on who did it ("Zosia się obraziła")
        return (words[0] in _stopwords("pl") or words[0].endswith(("ł", "ła"))) and \
            any(len(w) > 3 and w.endswith(("ł", "ła")) for w in words)
    return words[0] in _THIRD_OPENING.get(language or "", frozenset())


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in (frames(language) or {}).get("stopwords") or ())


_POINTING_LINE = 12  # words of a line that leans on what its pronoun points back to


def leans_back(toks: Tokens, lo: int, hi: int, language: str | None = None) -> bool:
    """Whether the sentence [lo, hi) needs the one before it to be understood: it opens
    on a word that goes on from it, ends on one left without its object, or is short and
    holds a word standing for what came before (`_POINTS_BACK` in `language`)."""
    norms = toks.norms
    words = [w for w in norms[lo:hi] if any(c.isalnum() for c in w)]
    if not words:
        return False
    back = _POINTS_BACK.get(language or "", frozenset())
    if len(words) <= _POINTING_LINE and _someone_before(words, language) and \
            (language != "pl" or not _names_a_thing(toks, lo, hi)):
        return True
    if _echoes(toks, lo, hi):
        return True
    return words[0] in _LEANS_START or (words[-1] in _LEANS_END and len(words) <= 8) or (
        len(words) <= 10 and any(w in _POINTING or w in _CONCEDING for w in words)) or (
        len(words) <= _POINTING_LINE and any(w in back for w in words[1:])
        and not _names_a_thing(toks, lo, hi))


#: Words of a line that says again what the sentence before said ("RUNDER.", "KEINE
#: PFLICHT.", "Waarschijnlijk.", "Per ora."): an echo, meaningless alone.
_ECHO = 3


def _echoes(toks: Tokens, lo: int, hi: int) -> bool:
    """Whether the line [lo, hi) opens on a sentence of at most `_ECHO` words, every one
    of them written in the sentence before ("…„das würde die Arbeit runder machen“.
    RUNDER."): the set-up is that sentence."""
    bounds = toks.sentence_bounds()
    sent = toks[lo].sent
    first = bounds.get(sent)
    before = bounds.get(sent - 1)
    if first is None or before is None:
        return False
    words = [w for w in toks.norms[first[0]:min(first[1], hi)] if any(c.isalnum() for c in w)]
    said = {w for w in toks.norms[before[0]:before[1]]}
    return 0 < len(words) <= _ECHO and all(w in said for w in words)


def with_antecedent(text: str, toks: Tokens, lo: int, hi: int,
                    language: str | None = None) -> tuple[int, int] | None:
    """[lo, hi) with the sentence before it when it leans on that one ("She knew me. I'm
    holding on to that."); None when it leans back and nothing whole can be given."""
    bounds = toks.sentence_bounds()
    sent = toks[lo].sent
    if not leans_back(toks, lo, hi, language):
        if hi - lo <= _FRAGMENT and sent - 1 in bounds and \
                any(w in _TURNS or w in _OPENING_TURNS for w in toks.norms[lo:hi]) and \
                hi - bounds[sent - 1][0] <= _FRAGMENT + 8 and \
                not is_list_line(text, toks, bounds[sent - 1][0]):
            return bounds[sent - 1][0], hi  # "She laughed today. Lopsided, but a laugh."
        return lo, hi
    if sent - 1 not in bounds:
        return None
    before, _ = bounds[sent - 1]
    if hi - before > QUOTE_MAX_WORDS or is_list_line(text, toks, before):
        return None
    return before, hi


_HIM_OR_HER = frozenset("he him his she her ihn ihm lui él ela ele".split())
_WHO_BEFORE = 20  # words of the sentence before that may name who "him" or "her" is
_WHO_BACK = 2     # sentences back the one named may be ("Carmen took… Never said. I owe her…")
#: Words after which "it" is its sentence's subject ("so it was fine"), not a thing the line
#: leans on ("Sleeping in it", "I handed it to her").
_IT_SUBJECT = frozenset("that and but because so if when as though although or".split())


def _points_at_it(toks: Tokens, lo: int, hi: int) -> bool:
    """Whether the short line [lo, hi) holds an "it" that is not its subject: the thing
    is named in the sentence before ("They lent us a tent. Sleeping in it was…")."""
    norms = toks.norms
    return hi - lo <= _FRAGMENT + 10 and any(
        norms[i] == "it" and norms[i - 1] not in _IT_SUBJECT for i in range(lo + 1, hi))


def _bare_el(text: str, toks: Tokens, lo: int, hi: int) -> bool:
    """Whether the line holds Spanish "él" typed without its accent: "el" before a comma or
    a full stop is no article ("Lloro el, no yo, por una vez.")."""
    return any(toks.norms[i] == "el" and text[toks[i].end:toks[i].end + 1] in (",", ".", ";", "!", "?", "…")
               for i in range(lo, hi))


def with_who(text: str, toks: Tokens, lo: int, hi: int) -> tuple[int, int]:
    """[lo, hi) with the sentence before it when the line speaks of "him" or "her" and
    only that sentence names them ("I kept reaching for my phone to tell Jamie about my
    day, and then remembering. I miss him so much it hurts."), or of a short "it" that
    sentence says: a digest is read a week later, out of its entry, and "I miss him" or
    "I handed it to her" alone could be anyone, anything. The one named may stand two
    sentences back ("Carmen took the rota off me. Never said a word. I owe her lunch.")."""
    norms = toks.norms
    opens = norms[lo] in ("he", "she")  # "She told the story about how she met Dad": who?
    it = _points_at_it(toks, lo, hi)
    if not (it or any(w in _HIM_OR_HER for w in norms[lo:hi]) or _bare_el(text, toks, lo, hi)) or (not opens and any(
            t.text[:1].isupper() and t.norm not in ("i", "i'm", "i've", "i'd", "i'll")
            for t in toks[lo + 1:hi])):
        return lo, hi
    bounds = toks.sentence_bounds()
    first = lo
    for back in range(1, _WHO_BACK + 1):
        before = bounds.get(toks[lo].sent - back)
        if before is None or before[1] != first or before[1] - before[0] > _WHO_BEFORE or \
                hi - before[0] > QUOTE_MAX_WORDS or is_list_line(text, toks, before[0]) or \
                "\n\n" in text[toks[before[1] - 1].end:toks[first].start]:
            return lo, hi
        if it and back == 1:
            return before[0], hi  # the thing "it" is, said just before
        piece = text[toks[before[0]].start:toks[before[1] - 1].end]
        capital = any(t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper()
                      and t.norm not in _HIM_OR_HER for t in toks[before[0] + 1:before[1]])
        # A line opening on "She" needs the one who is named, not any capital ("the
        # Italian place"); "my mum" names her without one.
        named = (back == 1 and (mentions_someone(piece) or (
            bool(in_text(piece)) if opens else capital))) or (
            back > 1 and toks[before[0]].text in in_text(piece))  # further back: who opens it
        if named:
            return before[0], hi
        first = before[0]
    return lo, hi


def felt(text: str, toks: Tokens, lo: int, hi: int, base: float, language: str) -> float:
    """How much the line [lo, hi) says of what the person felt, over what happened: a
    feeling word weighs, more in the person's own voice ("I", "we") and with a word of
    holding or thinking after it; a bare fact (no feeling word, no strong word, no
    question, not the person's own stance) weighs less than nothing, and a life event told
    without feeling ("It's a stroke.") is said once in the digest's first line instead —
    except a death or a birth, which a single line carries whole."""
    data = frames(language) or {}
    first_person = frozenset(str(w) for w in data.get("first_person") or ())
    norms = toks.norms[lo:hi]
    line = unquoted(text[toks[lo].start:toks[hi - 1].end + 3])  # with its closing marks
    base_at = toks[lo].start
    # Feeling words inside quotation marks are someone else's ("we'd love to work with
    # you again"), never the person's; what they said stays in the line's stance ("I said
    # "I know"").
    families = feelings_in(line, language)
    if "tears" not in families and any(_fold(w) in _TEARS for w in norms):
        families = {**families, "tears": 1.0}  # "Lloro el, no yo", "staan huilen": felt
    lex = _lexicon(language) or _lexicon("en")
    felt_at = [i for i, w in enumerate(norms)
               if line[toks[lo + i].start - base_at] != " " and lex is not None
               and (lex.seen[w] if w in lex.seen else _starts(lex, w))]
    # The person's own feeling: "I" or "we" just before the feeling word ("I've been so
    # angry"), not a word about someone else ("the doctor, very calm").
    own = any(w in first_person for i in felt_at for w in norms[max(0, i - 4):i])
    stance = any(w in first_person and any(v in _STANCE for v in norms[i + 1:i + 4])
                 for i, w in enumerate(norms))
    vader = valences() if language == "en" else {}
    strong = max((abs(vader.get(w, 0.0)) for i, w in enumerate(norms)
                  if line[toks[lo + i].start - base_at] != " "), default=0.0)
    end = text[toks[hi - 1].end:toks[hi - 1].end + 2]
    if language != "en":
        own = own or bool(families)  # "Tengo miedo": the person is in the verb, not a pronoun
    score = BASE * base + (FELT_WORD if own else FELT_WORD / 2) * min(len(families), 2)
    if families and own:
        score += FELT_MINE
    if stance:
        score += FELT_STANCE
    weight, family, _ = event(line)
    if family == "relief" and not families:  # "Biopsy came back benign.": news that is
        families = {"relief": 1.0}           # itself a feeling, however plainly told
        score += FELT_WORD
    if weight >= ESSENTIAL:
        return score  # "Dad died this morning.": a death or a birth told is itself felt
    if not families and not stance and "?" not in end and strong < 1.5:
        score -= BARE_FACT
    if not families and weight:
        score -= EVENT_FACT
    return score


#: Crying, in the languages Mirror reads (written with or without accents): tears are a
#: feeling shown, whatever word names it ("Ik heb op de groenteafdeling staan huilen",
#: "Lloro el, no yo, por una vez", "Im Bus fast geheult"), and the line that holds them is
#: where the entry was felt, not a bare fact.
_TEARS = frozenset("""
cried cry crying cries tears tearful sobbed sobbing wept weeping
llore lloro llorar llorando lloramos lloraba lagrimas
pleure pleurer pleurait pleurais pleurant larmes
geweint weinen weinte weine geheult heulen heulte tranen
pianto piangere piangeva piango piangendo piangevo lacrime
chorei chorou chorar chorando choro choramos
huilen huilde huil gehuild huilend tranen
plakalam plakalem plakac placze plakala plakal lzy
""".split())


def _fold(word: str) -> str:
    """`word` without accents or Polish letters: a quick hand writes "lloro", "plakalam"."""
    word = word.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_QUOTED = re.compile(r'"[^"\n]{2,300}"|“[^”\n]{2,300}”|«[^»\n]{2,300}»|„[^“\n]{2,300}“')


def unquoted(text: str) -> str:
    """`text` with what is inside quotation marks blanked out (the same length, so every
    offset still holds): someone else's words, or a sign's, are not the person's feeling
    ("Gareth: "…we'd love to work with you again!"")."""
    if '"' not in text and "“" not in text and "«" not in text and "„" not in text:
        return text
    return _QUOTED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def is_list_line(text: str, toks: Tokens, lo: int) -> bool:
    """Whether the sentence starting at token `lo` is an item of a list ("- glasses case")
    or runs into one ("What we did:\n- ducks at Eaton Park…"). The prose line after a list
    is not ("I'm more tired than after any night shift and I'd do it again tomorrow.")."""
    start = toks[lo].start
    line_start = text.rfind("\n", 0, start) + 1
    if _LIST_ITEM.match(text, line_start):
        return True
    _, hi = toks.sentence_bounds()[toks[lo].sent]
    if _LIST_ITEM.search(text[start:toks[hi - 1].end + 2]) is not None:
        return True  # "…forgot:\n1. " inside one sentence
    # A line that introduces the list after it ("Rules for next time:\n1. 50% upfront") is
    # the list's heading, a sentence of its own since list items end sentences.
    end = toks[hi - 1].end
    newline = text.find("\n", end)
    return newline >= 0 and text[end:newline].strip() == ":" \
        and _LIST_ITEM.match(text, newline + 1) is not None


def prose_tail(text: str, toks: Tokens, lo: int) -> tuple[int, int] | None:
    """The prose line that ends the sentence starting at `lo` when the sentence runs on
    from a list item without a full stop ("- nap, me 20 mins\nI'm more tired than after
    any night shift…"); None when its last line is a list item too."""
    _, hi = toks.sentence_bounds()[toks[lo].sent]
    cut = text.rfind("\n", toks[lo].start, toks[hi - 1].start)
    if cut < 0 or _LIST_ITEM.match(text, cut + 1):
        return None
    first = next((i for i in range(lo, hi) if toks[i].start > cut), None)
    return None if first is None or hi - first < 3 else (first, hi)


def exact(text: str, toks: Tokens, lo: int, hi: int) -> str:
    """Tokens [lo, hi) as written, with the sentence's own closing marks; runs of white
    space (a line break inside a sentence) read as one space. Never cut inside something
    the person quoted (`_balanced`)."""
    start, end = toks[lo].start, toks[hi - 1].end
    if hi == len(toks):
        end = len(text.rstrip())  # the entry's last words as written ("… #blessed")
    if text[end:end + 1] in (" ", "\u00a0", "\u202f") and text[end + 1:end + 2] in ("!", "?", "»"):
        end += 1  # French sets its marks apart: "Comme avant !"
    end = _closing_marks(text, end)
    start, end = _balanced(text, start, end)
    while start < end and (text[start] in ",;:" or text[start].isspace()):
        start += 1  # a line never opens on the comma after someone's words
    return " ".join(text[start:end].split())


#: What may follow a sentence's last word and still belong to it: full stops and the
#: closing quotation marks of every language Mirror reads ("…said 'my girl'.", German
#: „endlich“, Polish „dość”, French « assez », Japanese 「はい」).
_CLOSERS = ".!?…\"”’“‘)'»«›‹」』"


def _closing_marks(text: str, end: int) -> int:
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return end


_OPENING_REACH = 40  # words back a quotation's opening mark is looked for
#: Words forward its closing mark is looked for, when a line stops inside a quotation.
_CLOSING_REACH = 30

#: Opening quotation mark -> the marks that close it, for every convention the languages
#: Mirror reads use: English “…” and ‘…’, German and Polish „…“ / „…”, German ‚…‘ and
#: »…«, French and Spanish «…», Swedish ”…”, Japanese 「…」 and 『…』, and plain "…".
_PAIRS: dict[str, str] = {'"': '"', "“": "”", "„": "“”\"", "‚": "‘’", "‘": "’", "«": "»",
                          "»": "«", "‹": "›", "›": "‹", "「": "」", "『": "』", "”": "”"}
_MARKS = re.compile("[" + re.escape("".join(set(_PAIRS) | set("".join(_PAIRS.values())))) + "]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of every quotation in `text`, nested ones included
    ("Er sagte „sie meinte ‚nie‘“"). A quotation never runs across a blank line; one left
    open is no quotation; an apostrophe ("don’t", "Jonas’") closes nothing."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    paragraph = 0
    for m in _MARKS.finditer(text):
        at, mark = m.start(), m.group(0)
        if "\n\n" in text[paragraph:at]:
            stack.clear()
        paragraph = at
        if mark in "’‘" and at > 0 and text[at - 1].isalnum() and text[at + 1:at + 2].isalnum():
            continue  # an apostrophe inside a word
        if mark == "’" and at > 0 and text[at - 1] in "sSzxX" and not (
                stack and "’" in stack[-1][1]):
            continue  # "Jonas’ Freund": an owner's apostrophe
        for k in range(len(stack) - 1, -1, -1):
            if mark in stack[k][1]:
                spans.append((stack[k][0], at))
                del stack[k:]
                break
        else:
            if mark in _PAIRS and mark != "’":
                stack.append((at, _PAIRS[mark]))
    return sorted(spans)


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) never cut inside a quotation: a line that starts inside something the
    person quoted ('…and have a positive attitude." Love that last one.') starts at its
    opening mark when that is near, else after its closing one; a line that stops inside
    one (Ute hat mich umarmt und gesagt „endlich“.) goes on to its closing mark when that
    is near, else ends before its opening mark when that leaves words."""
    if not _MARKS.search(text, start, end):
        return start, end
    for opening, closing in quoted_spans(text):
        if opening < start <= closing:  # starts inside
            if len(text[opening:start].split()) <= _OPENING_REACH:
                start = opening
            else:
                start = closing + 1
                while start < end and (text[start].isspace() or text[start] in _CLOSERS):
                    start += 1
        if start <= opening < end <= closing:  # stops inside
            if len(text[end:closing].split()) <= _CLOSING_REACH:
                end = _closing_marks(text, closing + 1)
            elif text[start:opening].strip():
                end = start + len(text[start:opening].rstrip())
    if start >= end:
        return start, start
    return start, end


# -- irony -------------------------------------------------------------------------------------
@cache
def _markers(language: str) -> tuple[str, ...]:
    data = frames(language) or {}
    return tuple(str(m).lower() for m in (data.get("sarcasm") or {}).get("markers") or ())


@cache
def _marker_patterns(language: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """(one pattern for the markers that start with a letter or digit, each a whole word
    or phrase; the other markers, found as they are): one search of a text, not one a marker."""
    words = [re.escape(m) for m in _markers(language) if m[:1].isalnum()]
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)") if words else None
    return pattern, tuple(m for m in _markers(language) if not m[:1].isalnum())


def _marked(lowered: str, language: str) -> bool:
    pattern, others = _marker_patterns(language)
    if pattern is not None and pattern.search(lowered):
        return True
    # "/s" ends a sarcastic line; "Sat/Sun" is no marker
    return any(re.search(re.escape(m) + r"(?!\w)", lowered) for m in others if m in lowered)


def marked(text: str) -> bool:
    """A cheap guess for entries not read in full: an ironic marker and no exclamation."""
    return "!" not in text and _marked(text.lower(), "en")


def wry(text: str, toks: Tokens, reading: Reading, language: str) -> bool:
    """Whether the entry says something with irony: the reading found sarcasm, or an
    ironic marker sits in an entry — unless its other sentences are plainly happy (an
    exclamation or clearly positive words) with nothing going wrong in them: "Slept three
    hours. Truly living the dream #blessed" is irony; "Ana had the baby!!! #blessed" is not."""
    is_marked = language == "en" and _marked(text.lower(), language)
    if language == "en" and not reading.sarcasm and _praise_after_trouble(text, toks):
        return True  # "Third rejection this month. I love this job hunt, honestly."
    if not (reading.sarcasm or is_marked):
        return False
    vader = valences()
    plain, wrong = 0.0, False
    for lo, hi in toks.sentence_bounds().values():
        end = toks[hi - 1].end
        words = toks.norms[lo:hi]
        if _marked(text[toks[lo].start:end].lower(), "en"):
            # the marker's line is not plain praise, but what it mocks is trouble: "Oh
            # great, they tell us the coffee budget is cut."
            wrong = wrong or any(vader.get(w, 0.0) <= -1.0 for w in words) or _troubled(words)
            continue
        plain += sum(vader.get(w, 0.0) for w in words)
        wrong = wrong or any(vader.get(w, 0.0) <= -1.0 for w in words) or _troubled(words)
        if "!" in text[end:end + 3]:
            plain += 2.0
    # A marker alone needs something gone wrong beside it: "rang my brother… exactly what
    # I needed" is sincere; the reading's own irony may stand on flat words ("Slept three
    # hours. Truly living the dream #blessed").
    if not wrong and any(m in text.lower() for m in _NEEDS_TROUBLE):
        return False  # "…talked for an hour and it was exactly what I needed": sincere
    return wrong or (reading.sarcasm and plain < 2.0)


#: Praise of the situation itself, the shape irony takes in English ("I love this job
#: hunt", "just perfect", "the highlight of my week").
_SITUATION_PRAISE = re.compile(r"\b(?:lov(?:e|ing) (?:it when|(?:this|that) (?:\w+ )?(?:job|"
                               r"hunt|week|day|month|weather|commute|train|company|life|timing|"
                               r"system|landlord|council|bank|airline|country)\b)|just (?:perfect|great|"
                               r"brilliant|fantastic|wonderful)|what a (?:great|lovely|perfect) "
                               r"(?:start|day|week|way)|highlight of my|best \w+ ever)\b",
                               re.IGNORECASE)


_SOMEONE = frozenset("he him his she her hers they them their".split())


def _praise_after_trouble(text: str, toks: Tokens) -> bool:
    return praise_span(text, toks) is not None


def praise_span(text: str, toks: Tokens) -> tuple[int, int] | None:
    """Whether a sentence praises the situation itself right after one that tells of
    something plainly bad ("Third rejection this month. I love this job hunt, honestly,
    it's the highlight of my week."), with no turn between them ("…but I love that she's
    still laughing" is meant). The reading's cues miss irony with no marker. The span of
    the two sentences, or None."""
    vader = valences()
    if event(text)[1] == "grief":
        return None  # "The funeral was awful. I love this photo of him.": meant
    bounds = list(toks.sentence_bounds().values())
    for (lo, hi), (lo2, hi2) in zip(bounds, bounds[1:]):
        piece = text[toks[lo2].start:toks[hi2 - 1].end]
        if not _SITUATION_PRAISE.search(piece) or turns(toks, lo2, hi2) or "!" in piece \
                or any(w in _SOMEONE for w in toks.norms[lo2:hi2]):
            continue  # (praise of someone is meant: "I love this photo of him")
        if any(vader.get(w, 0.0) <= -2.0 for w in toks.norms[lo:hi]):
            return lo, hi2
    return None


#: Markers that are irony only beside something gone wrong ("The boiler broke. Just what I
#: needed."); after a warm evening they are meant.
_NEEDS_TROUBLE = ("just what i needed", "exactly what i needed")


_WRY_CONTEXT_WORDS = 30


def wry_span(text: str, toks: Tokens) -> tuple[int, int] | None:
    """The token range to quote for an ironic entry: all of a short one, else the sentence
    with the ironic marker,
    with the sentences before it that say what it is about (up to about 30 words), so the
    complaint and the joke are read together; None when no marker is found."""
    if len(toks) <= _WRY_CONTEXT_WORDS:
        return 0, len(toks)  # short: the whole entry
    bounds = list(toks.sentence_bounds().values())
    for k, (lo, hi) in enumerate(bounds):
        end = toks[hi - 1].end if hi < len(toks) else len(text)
        if not _marked(text[toks[lo].start:end].lower(), "en"):
            continue
        if any(valences().get(w, 0.0) <= -1.0 for w in toks.norms[lo:hi]) or \
                _troubled(toks.norms[lo:hi]):
            return lo, hi  # "Oh great, the tap is leaking again": the joke holds its complaint
        first = lo
        for j in range(k - 1, -1, -1):
            if hi - bounds[j][0] > _WRY_CONTEXT_WORDS:
                break
            first = bounds[j][0]
        return first, hi
    return None


@cache
def _trouble() -> frozenset[str]:
    data = frames("en") or {}
    return frozenset(str(w).lower() for w in (data.get("sarcasm") or {}).get("trouble") or ()
                     if " " not in str(w))


def _troubled(norms: Sequence[str]) -> bool:
    return any(w in _trouble() for w in norms)


# -- the feeling of the period ---------------------------------------------------------------
#: The weight an entry gives the feeling of a death or a birth told in it: always named.
ESSENTIAL = 5.0
#: Up to this many entries read, one entry saying a feeling is enough to name it.
FEW = 20
#: Entries read from which one feeling said once is not the period's, unless it ends it.
LONE = 4
#: A feeling of the period weighs at least this share of its strongest one.
SHARE = 0.4
#: ...or, for a period of both, this share for the strongest feeling of the other side.
OTHER_SIDE = 0.1
#: Feelings more often said of someone or something than of a time: named when said in
#: half the entries read, and two at least.
SAID_OF_SOMEONE = frozenset({"love"})
#: Feeling family -> how a digest says it (plain nouns; never a clinical word).
FEELINGS = {
    "joy": "joy", "pride": "pride", "relief": "relief", "gratitude": "gratitude",
    "love": "love", "hope": "hope", "calm": "calm", "sadness": "sadness", "hurt": "hurt",
    "numbness": "numbness", "boredom": "boredom", "wonder": "wonder", "envy": "envy",
    "belonging": "belonging", "grief": "grief", "longing": "longing",
    "loneliness": "loneliness", "anger": "anger", "frustration": "frustration",
    "fear": "fear", "anxiety": "worry", "shame": "embarrassment", "guilt": "guilt",
    "tiredness": "tiredness", "confusion": "uncertainty", "nostalgia": "nostalgia",
}
#: Words whose family's plain noun would misname them ("fraud" is not embarrassment).
_NOUN_OF_WORD = {"fraud": "self-doubt", "impostor": "self-doubt", "imposter": "self-doubt"}
LANGUAGES = ("en", "es", "de", "fr", "it", "nl", "pt", "pl")


@dataclass(frozen=True)
class _Lexicon:
    family: dict[str, str]                                   # word -> family
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> phrases
    prefixes: tuple[tuple[str, str], ...]
    negators: frozenset[str]
    valence: dict[str, str]
    seen: dict[str, tuple[str | None, tuple[tuple[tuple[str, ...], str], ...]] | None]
    body: frozenset[str] = frozenset()


@cache
def _lexicon(language: str) -> _Lexicon | None:
    data = frames(language)
    if not data:
        return None
    family: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for fam, spec in (data.get("feelings") or {}).items():
        for word in spec.get("words") or ():  # hints only suggest a feeling: left out here
            word = str(word).lower()
            parts = tuple(_FEELING_WORD.findall(word.rstrip("*")))
            if word.endswith("*") and len(parts) == 1:
                prefixes.append((parts[0], fam))
            elif len(parts) == 1:
                family.setdefault(parts[0], fam)
            elif parts:
                phrases.setdefault(parts[0], []).append((parts, fam))
    negators = frozenset(str(n).lower() for n in data.get("negators") or () if isinstance(n, str))
    return _Lexicon(family, {k: tuple(v) for k, v in phrases.items()},
                    tuple(sorted(prefixes, key=lambda p: -len(p[0]))), negators,
                    {f: str(s.get("valence", "neutral")) for f, s in (data.get("feelings") or {}).items()},
                    {}, frozenset(str(w).lower() for w in data.get("body") or ()))


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for language in LANGUAGES:
        data = frames(language) or {}
        for w in data.get("stopwords") or ():
            index.setdefault(str(w).lower(), []).append(language)
    return {w: tuple(v) for w, v in index.items()}


_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def language_of(text: str) -> str:
    """The entry's language by its function words (the first 80 words; English when
    unsure): cheap enough for every entry of a month."""
    index = _function_words()
    counts = Counter([language for w in _WORDS.findall(text[:600].lower())
                      for language in index.get(w, ())])
    if not counts:
        return "en"
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    return best if counts[best] > counts.get("en", 0) else "en"


def feelings_in(text: str, language: str) -> dict[str, float]:
    """Feeling family -> weight in one entry (one per family; a negated word counts none).
    Word by word, one dictionary lookup each (what a word starts — a feeling, a phrase —
    is remembered per language): a month of a large journal is a few thousand entries."""
    lex = _lexicon(language) or _lexicon("en")
    if lex is None:
        return {}
    found: dict[str, float] = {}
    lowered = text.lower()
    same = plain_lower(text, lowered)
    originals: list[str] | None = None if same else _FEELING_WORD.findall(text)
    norms = _FEELING_WORD.findall(lowered) if originals is None else [w.lower() for w in originals]
    words: list[re.Match[str]] | None = None
    seen = lex.seen
    for i, w in enumerate(norms):
        try:
            starts = seen[w]
        except KeyError:
            starts = _starts(lex, w)
        if starts is None:
            continue
        fam, length = starts[0], 1
        for phrase, pfam in starts[1]:
            if tuple(norms[i:i + len(phrase)]) == phrase:
                fam, length = pfam, len(phrase)
                break
        if fam is None:
            continue
        if language != "de":
            if originals is None:
                originals = _FEELING_WORD.findall(text)
            if originals[i][:1].isupper():  # where it stands only for a capital
                if words is None:
                    words = list(_FEELING_WORD.finditer(text))
                start = words[i].start()
                if start > 0 and not _AFTER_BREAK.search(text[max(0, start - 3):start]):
                    continue  # a name inside a sentence ("the nurse, Joy"), not a feeling
        if any(n in lex.negators or n.endswith("n't") for n in norms[max(0, i - 3):i]):
            continue
        if lex.body and any(n in lex.body for n in norms[max(0, i - 3):i]):
            continue  # "my face hurt", "my legs ached": the body's, not a feeling
        found[_NOUN_OF_WORD.get(" ".join(norms[i:i + length]), fam)] = 1.0
    return found


_AFTER_BREAK = re.compile(r"[.!?…\n\"“]\s*$")
_FEELING_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _starts(lex: _Lexicon, word: str) -> tuple[str | None, tuple[tuple[tuple[str, ...], str], ...]] | None:
    """What `word` may start in `lex`: (its feeling family, by the word or a prefix; the
    phrases it begins), or None for most words, remembered (up to 50,000 words)."""
    fam = lex.family.get(word)
    if fam is None:
        fam = next((f for p, f in lex.prefixes if word.startswith(p)), None)
    phrases = lex.phrases.get(word, ())
    starts = (fam, phrases) if fam is not None or phrases else None
    if len(lex.seen) < 50_000:
        lex.seen[word] = starts
    return starts


def valence_of(family: str) -> str:
    lex = _lexicon("en")
    return lex.valence.get(family, "neutral") if lex else "neutral"


def mood(marks: Sequence[tuple[float, dict[str, float]]], kind: str,
         essential: frozenset[str] = frozenset()) -> str | None:
    """The period's feeling in one plain sentence, from (position in the period 0..1,
    feeling family -> weight) of each entry read; None when no feeling was said.

    Up to three feelings, each weighing at least `SHARE` of the strongest (a feeling said
    once in passing does not colour a week that said another throughout), and the strongest
    of the other side too when the period held both (`OTHER_SIDE`); in a long period
    one must be said in several entries, and love — more often said of someone ("I will
    always love her for it", "I love the light here") than the feeling of a period — in
    half of them. An `essential` feeling (grief, where a death was told) is always named.
    Named in the order the period held them."""
    weight: dict[str, float] = {}
    places: dict[str, list[float]] = {}
    indices: dict[str, list[int]] = {}
    said_in: Counter[str] = Counter()
    first: dict[str, int] = {}
    for k, (position, families) in enumerate(marks):
        for rank, (fam, w) in enumerate(families.items()):
            weight[fam] = weight.get(fam, 0.0) + w
            places.setdefault(fam, []).append(position)
            indices.setdefault(fam, []).append(k)
            said_in[fam] += 1
            first.setdefault(fam, 10 * k + rank)
    if not weight:
        return None
    entries = len(marks)
    top = max(weight.values())
    fewest = 1 if entries <= FEW else max(2, round(0.05 * entries))
    ranked = sorted(weight, key=lambda f: (-weight[f], first[f]))
    chosen = [f for f in ranked if f in essential]
    chosen += [f for f in ranked if f not in essential and weight[f] >= SHARE * top
               and said_in[f] >= fewest
               and (f not in SAID_OF_SOMEONE or said_in[f] >= max(2, entries / 2))]
    if len(chosen) == 1 and said_in[chosen[0]] == 1 and entries >= LONE and \
            chosen[0] not in essential and chosen[0] not in marks[-1][1]:
        # One feeling said once, in one entry of a week of several, and not where the week
        # ends: "a week that held embarrassment" of a week of failing, numbness and "Better."
        # names a moment as the week. With other feelings said in it, the week is said as
        # all of them; else its line is quoted and the digest opens with its counts.
        others = [f for f in ranked if f != chosen[0] and said_in[f] >= fewest
                  and f not in SAID_OF_SOMEONE]
        if not others:
            return None
        chosen += others[:2]
    sides = {valence_of(f) for f in chosen} & {"positive", "negative"}
    if len(sides) == 1:  # a week of both is said as both: the other side, if said at all
        other = [f for f in ranked if valence_of(f) in {"positive", "negative"} - sides
                 and weight[f] >= OTHER_SIDE * top and said_in[f] >= fewest
                 and f not in SAID_OF_SOMEONE]
        if other:  # (room for the other side; with none, the week's own three stay)
            chosen = chosen[:2] + other[:1]
    chosen = chosen[:3]
    if not chosen:
        return None

    def when(fam: str) -> str:
        """Where in the period a feeling sits, by the clock and by the entries: "near
        its end" only when one of its last entries says it, "at its start" one of its
        first ("worry near its end" of a week whose last entry was "I like him" placed a
        Thursday by the clock)."""
        ps = places[fam]
        if entries < 3 or (len(ps) >= 2 and max(ps) - min(ps) >= 0.5):
            return "throughout"
        mean = sum(ps) / len(ps)
        if mean < 0.34 and min(indices[fam]) <= entries // 4:
            return "start"
        if mean > 0.66 and max(indices[fam]) >= entries - 1 - entries // 4:
            return "end"
        return "throughout"

    def together(a: str, b: str) -> bool:
        """Two feelings of opposite sides in the same entries: both held at once."""
        return {valence_of(a), valence_of(b)} == {"positive", "negative"} and \
            any(a in m and b in m for _, m in marks)

    def join(fams: list[str]) -> str:
        nouns = [FEELINGS.get(f, f) for f in fams]
        if len(nouns) == 2 and together(*fams):
            return f"{nouns[0]} and {nouns[1]} together"
        return nouns[0] if len(nouns) == 1 else ", ".join(nouns[:-1]) + " and " + nouns[-1]

    chosen.sort(key=lambda f: (sum(places[f]) / len(places[f]), first[f]))
    start = [f for f in chosen if when(f) == "start"]
    middle = [f for f in chosen if when(f) == "throughout"]
    end = [f for f in chosen if when(f) == "end"]
    said = f"A {kind} that"
    if start and middle and end:
        return f"{said} began with {join(start)}, held {join(middle)} and, near its end, {join(end)}."
    if start and end:
        return f"{said} began with {join(start)} and ended with {join(end)}."
    if start and middle:
        return f"{said} began with {join(start)} and held {join(middle)}."
    if middle and end:
        return f"{said} held {join(middle)} and, near its end, {join(end)}."
    if start:
        return f"{said} held {join(start)} at its start."
    if end:
        return f"{said} held {join(end)} near its end."
    return f"{said} held {join(middle)}."


# -- how a line is said ---------------------------------------------------------------------
#: Words written in capitals that are names of things, not a raised voice.
_ACRONYMS = frozenset("ok okay tv uk us usa eu nhs gp it pe bbc ceo hr pr dj id ai pc pm am "
                      "fyi asap diy bbq atm sms wifi pdf ipad mri ct ecg icu ae".split())
EMPHASIS_MAX = 2.5
SHORT_ENTRY = 16          # an entry of this many words or fewer is one thought: quoted whole
PAIR_ENTRY = 24           # ...and one of two sentences (what happened, what it did) this long
_NEIGHBOUR = 6            # a sentence this short beside the line is its landing or its shout
_LANDING_LINE = 10        # the entry's last sentence, this short and turning, goes with it
_VERDICT = 4              # the entry's last words, this short, are quoted with the line before
_TERSE_ALWAYS = 4         # a line this short is quoted with what it answers...
_TERSE = 6                # ...and one this short when it names nothing ("Sigue lista.")
_TERSE_CONTEXT = 25       # ...up to this many words in all
#: Words that turn a line: where an entry turns is where it says most ("…but now").
_TURN_WORDS = frozenset("but yet though although still instead anyway pero aunque sin "
                        "embargo aber doch trotzdem mais pourtant quand "
                        # Dutch, Italian, Portuguese, Polish turn too ("Maar ik heb hem…")
                        "maar toch echter però eppure comunque invece mas porém contudo "
                        "todavia ale jednak".split())


def emphasis(text: str, toks: Tokens, lo: int, hi: int) -> float:
    """How loudly the line [lo, hi) is said: words in capitals ("SMALL WIN", "PAID", "JE
    VAIS ÊTRE TATIE"), exclamations and a double "??" — intensity that no feeling word
    carries, and that a short entry says as strongly as a long one."""
    piece = unquoted(text[toks[lo].start:min(len(text), toks[hi - 1].end + 6)])
    words = [t for t in toks[lo:hi] if piece[t.start - toks[lo].start] != " "]  # not a sign's
    shouted = [t for t in words if len(t.text) >= 2 and t.text.isalpha() and t.text.isupper()
               and t.norm not in _ACRONYMS]
    whole_line = bool(shouted) and len(shouted) == len(words)
    if len(shouted) >= 3 and not whole_line:
        shouted = []  # "a sign saying PLEASE LABEL YOUR MILK": a notice, not a voice raised
    loud = min(len(shouted), 3) * 0.4 + min(piece.count("!"), 3) * 0.4 + \
        (0.4 if "??" in piece else 0.0)
    if whole_line:
        loud += 1.0  # a whole line shouted: "PAID.", "SMALL WIN."
    return min(loud, EMPHASIS_MAX)


OUTBURST_WORDS = 4  # a sentence this short in capitals (two words exclaimed) is news said aloud


def outburst(text: str, toks: Tokens, lo: int, hi: int) -> bool:
    """Whether [lo, hi) holds news said aloud in a sentence of a few words: "Accepted!",
    "OFFER!!!!", "ME HA INVITADO.", "Bestanden!" — how a period turns (an offer after weeks
    of waiting, a yes), said without a feeling word, and weighed as a felt line is. Not a
    noise ("Ugh!", "Ha!"): it has a word of four letters or more."""
    bounds = toks.sentence_bounds()
    for s in sorted({toks[i].sent for i in range(lo, hi)}):
        a, b = bounds[s]
        words = [t for t in toks[a:b] if t.text[:1].isalnum()]
        if not words or len(words) > OUTBURST_WORDS or not any(
                len(t.text) >= 4 and t.text.isalpha() for t in words):
            continue
        ending = text[toks[b - 1].end:toks[b - 1].end + 3].lstrip(" \u00a0\u202f")  # "avant !"
        shouted = all(t.text.isupper() and t.norm not in _ACRONYMS for t in words
                      if t.text.isalpha())
        if (ending.startswith("!") and len(words) <= 2) or (
                shouted and any(t.text.isalpha() for t in words)):
            return True  # ("First pottery class!": a heading, not an outcome)
    return False


#: Laughter written into a line: a joke on the way, rarely where the entry turns.
_LAUGHS = frozenset("ha haha hahaha hah heh lol lmao rofl".split())


def aside(toks: Tokens, lo: int, hi: int) -> bool:
    """Whether the line [lo, hi) is a funny aside ("The printer jammed, ha, of course it
    did"): blind review found such lines quoted over the one where the entry turns."""
    return any(w in _LAUGHS for w in toks.norms[lo:hi])


#: Openings of a line where an entry turns to what it came to: a turn word, or "in the end"
#: and its kin in the languages Mirror reads.
_PIVOT_PHRASES = tuple(tuple(p.split()) for p in (
    "in the end", "in the end i", "eventually", "finally", "after all", "al final", "al fin",
    "am ende", "schließlich", "letztendlich", "finalement", "au final", "à la fin",
    "uiteindelijk", "alla fine", "infine", "no fim", "afinal", "no final", "w końcu",
    "ostatecznie",
    # "finally", "at last", "after all" as Spanish, German and Polish open a line with them
    "por fin", "finalmente", "después de todo", "endlich", "zum schluss", "immerhin",
    "wreszcie", "nareszcie", "koniec końców"))


def pivots(toks: Tokens, lo: int, hi: int) -> bool:
    """Whether the line [lo, hi) opens where its entry turns: on "but", "yet", "maar",
    "aber", "pero", "mais" or on "in the end", "uiteindelijk", "am Ende" and their kin
    ("But I hung a bag of courgettes on his gate.")."""
    if lo >= hi:
        return False
    norms = toks.norms[lo:hi]
    return norms[0] in _OPENING_TURNS or any(tuple(norms[:len(p)]) == p for p in _PIVOT_PHRASES)


def turns(toks: Tokens, lo: int, hi: int) -> bool:
    """Whether the line [lo, hi) holds a turn ("but", "yet", "still")."""
    return any(w in _TURN_WORDS for w in toks.norms[lo:hi])


_ME = frozenset("i i'm i've i'd i'll we we're me my yo me mi ich wir mir mich je j'ai moi "
                "nous".split())


def _turns_to_me(toks: Tokens, lo: int, hi: int) -> bool:
    """Whether [lo, hi) turns to the writer: a turn word with "I" or "we" just after it
    ("Small thing but I grinned all the way to the station."), not news that turns
    ("…again but nobody knows anything for sure yet.")."""
    norms = toks.norms
    return any(norms[i] in _TURN_WORDS and any(w in _ME for w in norms[i + 1:min(hi, i + 3)])
               for i in range(lo, hi))


def is_short(text: str, toks: Tokens) -> bool:
    """A short entry (at most `SHORT_ENTRY` words, or two sentences of at most `PAIR_ENTRY`,
    no list): quoted whole, as one thought — "put his bowl away. got it back out. put it
    away." says nothing in any one sentence, and "I didn't know what to do with my face."
    needs the apology before it."""
    words = sum(1 for w in toks.norms if any(c.isalnum() for c in w))
    if words > SHORT_ENTRY and (words > PAIR_ENTRY or len(toks.sentence_bounds()) != 2):
        return False
    return 2 <= words and not _LIST_ITEM.search(text)


def _names_a_thing(toks: Tokens, lo: int, hi: int) -> bool:
    """Whether [lo, hi) holds a capitalised word after its first ("Ich habe meine Mutter
    endlich angerufen.", "Rang Sam."): it says what it is about on its own."""
    return any(toks[i].text[:1].isupper() and toks[i].sent == toks[i - 1].sent
               and toks[i].norm not in ("i", "i'm", "i've", "i'd", "i'll")
               for i in range(lo + 1, hi))  # a sentence's first word says nothing


def around(text: str, toks: Tokens, lo: int, hi: int) -> tuple[int, int]:
    """[lo, hi) with the short sentences that belong to it: the one after it when it is
    its landing or its turn ("I don't want a boat. I'd like a boat a bit.", "I want to put
    it on the wall. He'd hate that."), and a shout just before it ("JE VAIS ÊTRE TATIE
    !!!!! Léa est enceinte."). Never past `QUOTE_MAX_WORDS`, never into a list."""
    bounds = toks.sentence_bounds()
    order = list(bounds)  # sentence numbers, in order (a number may be skipped)
    first, last = order.index(toks[lo].sent), order.index(toks[hi - 1].sent)
    nxt = last + 1
    for step in (1, 2, 3):  # "…keep walking it. habit. or something more than habit."
        after = bounds[order[nxt]] if nxt < len(order) else None
        if after is None or is_list_line(text, toks, after[0]):
            break
        nxt += 1
        while after[1] < len(toks) and continues(text, toks, after[1]):
            # "O Sr. Duarte esperou…": a title's full stop ends no sentence
            after, nxt = (after[0], bounds[toks[after[1]].sent][1]), order.index(toks[after[1]].sent) + 1
        size = after[1] - after[0]
        # The entry's last words, a line of their own ("…\n\nEarned it."): its verdict on
        # the line before, which without it says something else.
        verdict = size <= _VERDICT and after[1] >= len(toks) - 1 and \
            text[toks[after[1] - 1].end:].strip(" \t\n.!…") == ""
        if step == 3 and not verdict:
            break  # a third short sentence only when it is the verdict: "…Both true."
        if "\n" in text[toks[hi - 1].end:toks[after[0]].start] and not verdict:
            break
        opens = toks.norms[after[0]] in _OPENING_TURNS | {"not"}  # "Not that he's gone, but…"
        turning = opens or (size <= 15 and _turns_to_me(toks, *after)) or (
            after[1] >= len(toks) - 1 and size <= _LANDING_LINE and turns(toks, *after))
        # ("Dad would have loved these. I still set out two plates sometimes.")
        if not ((size <= _NEIGHBOUR or (turning and size <= 20))
                and after[1] - lo <= QUOTE_MAX_WORDS + (_VERDICT if verdict else 0)):
            break
        hi = after[1]
    # A line of a few words needs what it answers: "best day." alone is a riddle; "He lay
    # down in the shallows like a hippo and wouldn't get up. best day." is the day.
    step = first
    while step and (hi - lo <= _TERSE_ALWAYS or (hi - lo <= _TERSE and not _names_a_thing(toks, lo, hi))):
        prior = bounds[order[step - 1]]
        if is_list_line(text, toks, prior[0]):
            break
        if hi - prior[0] > _TERSE_CONTEXT:
            # A punchline's set-up may be long ("Mama hat mir … fünfzig Euro in die Hand
            # gedrückt, „für die erste Pizza". Ich bin 31."): the one sentence, when the
            # two fit in a quote.
            if step == first and prior[1] - prior[0] <= QUOTE_MAX_WORDS:
                lo, step = prior[0], step - 1
            break
        lo, step = prior[0], step - 1
    first = step
    before = bounds[order[first - 1]] if first else None
    if before is not None and not is_list_line(text, toks, before[0]):
        if before[1] - before[0] <= _NEIGHBOUR and emphasis(text, toks, *before) >= 1.0 and \
                hi - before[0] <= QUOTE_MAX_WORDS:
            lo = before[0]
    return lo, hi


def sarcastic_span(text: str, toks: Tokens, language: str) -> tuple[int, int] | None:
    """Where an entry the offline reading found sarcastic says it with irony: the first
    sentence that, with the one before it, `reading.sarcastic` still reads as irony; None
    when no part of it does on its own (the entry is then quoted as a plain line, and
    only its praise is left out of the period's feeling)."""
    from mirror.engine.reading import sarcastic
    from mirror.engine.tokenize import as_tokens, tokenize

    spans = list(toks.sentence_bounds().values())
    for k, (lo, hi) in enumerate(spans):
        start = spans[k - 1][0] if k else lo
        piece = text[toks[start].start:toks[hi - 1].end + 3]
        if sarcastic(piece, as_tokens(tokenize(piece)), language) and \
                (language != "en" or _praises(toks.norms[start:hi])):
            return start, hi
    return None


#: Words a sentiment lexicon counts as praise that name a thing or a person, not a
#: judgement ("Sofia's friend", "statutory interest").
_NOT_PRAISE = frozenset("friend friends interest party gift gifts care hope help support "
                        "free fixed kind like well thanks please yes sure ok okay".split())


def _praises(norms: Sequence[str]) -> bool:
    """Whether words [lo, hi) hold praise to be read as irony ("great", "love", "perfect"),
    not only a positive noun ("friend", "interest")."""
    vader = valences()
    return any(vader.get(w, 0.0) >= 1.5 and w not in _NOT_PRAISE for w in norms)


#: How a death itself is told (not a funeral, a "death certificate", the ashes).
_DEATH_TOLD = re.compile(r"died|dies|has died|passed|was killed|stillborn|miscarriage|murió|"
                         r"muri|falleci|gestorben|starb|verstorben|ist tot|est mort|décéd|"
                         r"he|she|put|had|no longer|took|se nos|nos dej|ist von|nous a",
                         re.IGNORECASE)


def death_told(text: str) -> bool:
    """Whether `text` tells a death ("Dad died this morning.", "He's gone."), not only
    what follows one ("The funeral is on Friday.")."""
    weight, family, offset = event(text)
    return family == "grief" and weight >= ESSENTIAL and bool(_DEATH_TOLD.match(text, offset))


def told(text: str) -> bool:
    """Whether `text` tells a death or a birth: the line the digest quotes from it."""
    weight, family, _ = event(text)
    return weight >= ESSENTIAL and (family != "grief" or death_told(text))


def feeling_lexicon(language: str) -> _Lexicon | None:
    """The feeling words of `language` (English when it has none), as `feelings_in` reads them."""
    return _lexicon(language) or _lexicon("en")


def feeling_families(lex: _Lexicon, word: str) -> frozenset[str]:
    """The feeling families `word` may start in `lex`, as a word or a phrase's first word
    (remembered per word: most words are one dictionary lookup)."""
    starts = lex.seen[word] if word in lex.seen else _starts(lex, word)
    if starts is None:
        return frozenset()
    fam, phrases = starts
    found = {_NOUN_OF_WORD.get(word, fam)} if fam is not None else set()
    return frozenset(found | {f for _, f in phrases})

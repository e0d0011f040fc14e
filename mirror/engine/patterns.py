"""Recurring patterns in a reflection: obligation language, absolute thinking, internal
tension, self-judgment, past reference, future anxiety (and whatever else
`invariants.yaml` lists under `patterns`).

Two decisions shape what counts, because a mirror that misreads the writer's stance is
worse than one that misses a word:

- **Negation.** For patterns marked `negatable`, a term right after a negation word, with
  only "bridge" words in between and no punctuation ("I don't have to", "I'm not really
  worried", "I no longer need to"), is *not* counted: the writer is saying the opposite.
  Past reference is not negatable: "I don't remember" still reaches back in time.
- **Quotation.** Text inside quotation marks is someone else's voice unless a first-person
  word ("I", "myself", ...) sits just before or after it in the same sentence ("I told
  myself 'I must be perfect'" counts; "my boss said 'you must work harder'" does not).
  Another person's obligation is not the writer's obligation language.

Internal tension is found two ways: by its words ("torn", "part of me", ...) and by
**structure**. A contrast (`but`, `however`, `yet`, `although`, `though`, "on one hand ...
on the other", the markers under `own_stance.markers` in `invariants.yaml`) counts as
internal tension when both of its sides are the writer's own stance:

- each side holds a *stance term*: obligation, desire, fear, feeling or self-judgment
  (the lexicons named under `own_stance`), and
- at least one side holds a first-person word ("I", "I'm", "me", "myself", ...), and
- a side with no first-person word is not voiced by someone else ("she", "they", "you",
  "we", ...): "I want to rest, but the report must be done" is one person's conflict,
  "She wants to stay, but I need to leave" is two people's.

So "I should call my mother but I'm afraid she'll be disappointed" counts, while "I walked
by the river but it rained", "The film was long but good" and "We went out but the shop was
closed" do not. Quotation applies as above: words inside someone else's quotation are
neither the writer's first person nor the writer's stance. Negation applies to the marker
("not but" never occurs) and to tension words: a side that denies the conflict ("I'm not
torn, but ...") cancels it. A negated stance term is still a stance ("I don't want to go,
but I have to" is a conflict): negation changes which way a side points, not whose side it
is. The match's span covers both sides and the marker; `parts` holds the three spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from mirror import constitution
from mirror.engine.contrasts import Contrast, find_contrasts
from mirror.engine.lexicon import PhraseMatcher, strings
from mirror.engine.reading import never_more, valences
from mirror.engine.tokenize import (
    Token,
    Tokens,
    as_tokens,
    clause_bounds,
    clause_break_between,
    clause_numbers,
    phrase_tokens,
    quoted_spans,
    tokenize,
    tokens_in_spans,
)

_MAX_BRIDGE = 3
TENSION_PATTERN = "internal_tension"


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One occurrence of a pattern: its name, the evidence span [start, end) in the
    reflection, and the text found there as written. A structural internal tension also
    lists its `parts` in text order: (start, end, text) of each side and of the marker."""

    name: str
    start: int
    end: int
    text: str
    parts: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class _Compiled:
    """The lexicon compiled once per process (a docstring keeps dataclass from importing `inspect`)."""

    matcher: PhraseMatcher
    negatable: frozenset[str]
    negators: frozenset[str]
    bridges: frozenset[str]
    self_markers: frozenset[str]
    window: int
    stance: PhraseMatcher
    stance_markers: frozenset[tuple[str, ...]]
    first_person: frozenset[str]
    other_voices: frozenset[str]
    reporting: frozenset[str]


def _stance_matcher(inv: dict) -> PhraseMatcher:
    own = inv["own_stance"]
    terms: list[str] = list(strings(own["terms"]))
    for name in strings(own["from_patterns"]):
        terms += strings(inv["patterns"][name]["terms"])
    wanted = set(strings(own["from_poles"]))
    for entry in inv["tension_axes"]:
        for pole, words in entry["poles"].items():
            if pole in wanted:
                terms += strings(words)
    return PhraseMatcher(("stance", t) for t in terms)


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    inv = constitution.invariants()
    patterns: dict = inv["patterns"]
    quotation = inv["quotation"]
    own = inv["own_stance"]
    return _Compiled(
        matcher=PhraseMatcher.from_lexicons({n: strings(p["terms"]) for n, p in patterns.items()}),
        negatable=frozenset(n for n, p in patterns.items() if p.get("negatable")),
        negators=frozenset(strings(inv["negation"]["negators"])),
        bridges=frozenset(strings(inv["negation"]["bridge_words"])),
        self_markers=frozenset(strings(quotation["self_markers"])),
        window=int(quotation["window"]),
        stance=_stance_matcher(inv),
        stance_markers=frozenset(phrase_tokens(m) for m in strings(own["markers"])),
        first_person=frozenset(strings(own["first_person"])),
        other_voices=frozenset(strings(own["other_voices"])),
        reporting=frozenset(strings(own.get("reporting") or ())),
    )


#: The human name of a pattern ("obligation" -> "obligation language"): the constitution's.
pattern_label = constitution.pattern_label


def pattern_names() -> tuple[str, ...]:
    """Every pattern the constitution defines, in its order."""
    return tuple(constitution.pattern_labels())


def is_negated(text: str, tokens: Sequence[Token], first: int) -> bool:
    """True when a negation governs the token at `first` (see module docstring)."""
    c = _compiled()
    j = first - 1
    steps = 0
    if isinstance(tokens, Tokens) and 0 <= first < len(tokens):
        # The same walk on the text's columns: a new clause number between two neighbours
        # is a new sentence or a clause break, where the walk stops either way.
        clauses = clause_numbers(text, tokens)
        norms = tokens.norms
        while j >= 0 and steps <= _MAX_BRIDGE:
            if clauses[j] != clauses[j + 1]:
                return False
            word = norms[j]
            if word in c.negators or word.endswith("n't"):
                return True
            if word not in c.bridges:
                return False
            j -= 1
            steps += 1
        return False
    while j >= 0 and steps <= _MAX_BRIDGE:
        tok = tokens[j]
        if tok.sent != tokens[first].sent or clause_break_between(text, tok, tokens[j + 1]):
            return False
        if tok.norm in c.negators or tok.norm.endswith("n't"):
            return True
        if tok.norm not in c.bridges:
            return False
        j -= 1
        steps += 1
    return False


def others_quoted(text: str, tokens: Sequence[Token]) -> list[bool]:
    """Per token: True when it sits inside a quotation attributed to someone else."""
    spans = quoted_spans(text)
    if not spans:
        return [False] * len(tokens)
    c = _compiled()
    owner = tokens_in_spans(tokens, spans)  # (its token columns, when it has them)
    bounds: dict[int, tuple[int, int]] = {}
    for i, o in enumerate(owner):
        if o != -1:
            bounds[o] = (bounds[o][0], i) if o in bounds else (i, i)
    foreign: set[int] = set()
    previous_last = -1
    for span_index, (first, last) in sorted(bounds.items()):
        # The lead-in ("my boss said", "I told myself") decides; only a quote that opens
        # its sentence looks at what follows ("'Keep going,' I said").
        lead = tokens[max(previous_last + 1, first - c.window) : first]
        voice = [t.norm for t in lead if t.sent == tokens[first].sent]
        if not voice:
            tail = tokens[last + 1 : last + 1 + c.window]
            voice = [t.norm for t in tail if t.sent == tokens[last].sent]
        if not c.self_markers.intersection(voice):
            foreign.add(span_index)
        previous_last = last
    return [o in foreign for o in owner]


def tension_cue_sentences(text: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Sentences holding internal-tension *language* (used by the tension finder), counted
    as the patterns are (negation, quotation); a structural tension is not language."""
    return cue_sentences(tokens, detect_patterns(text, tokens))


# -- precision: absolutes that judge, obligations that bind -----------------------------------
_PEOPLE = frozenset({"i", "i'm", "i've", "i'd", "me", "my", "myself", "we", "us", "our",
                     "you", "you're", "he", "she", "they", "him", "her", "them", "his", "their",
                     "people", "everyone", "everybody", "nobody", "anyone"})
_FIRST = frozenset({"i", "i'm", "i've", "i'd", "me", "my", "myself", "we", "us", "our"})
_NEGATIVE_QUANTIFIERS = frozenset({"never", "nothing", "nobody", "no"})
_CONDITIONALS = frozenset({"if", "unless", "whether", "when", "whenever", "in case"})


def _writer_before(toks: Sequence[Token], first: int, reach: int = 2) -> bool:
    """The writer is the subject: "I always", "I've never", "I'm always", "we must"."""
    return any(toks[k].norm in _SUBJECT and toks[k].sent == toks[first].sent
               for k in range(max(0, first - reach), first))


def _judges(text: str, toks: Sequence[Token], first: int, last: int) -> bool:
    """An absolute counts as all-or-nothing thinking only where it quantifies a judgement
    of the writer or of people ("I always ruin it", "nobody ever listens to me"), or a rule
    ("everything must be perfect"); never in a plain fact or a happy memory ("everyone
    swam; nobody wanted to leave", "I've never grown anything that lived, until now!")."""
    lo, hi = clause_bounds(text, toks, first, last)
    columns = as_tokens(toks)
    norms = columns.norms[lo:hi]
    # (only a word that may begin a rule is tried: `_binding_rule` is False for any other)
    if not _RULE_WORDS.isdisjoint(norms) and any(
            _binding_rule(text, toks, k) for k, w in enumerate(norms, lo) if w in _RULE_WORDS):
        return True  # a rule the writer holds: "everything must be perfect"
    if not _FIRST.isdisjoint(norms) and _clause_valence(norms) <= -1.0:
        return True  # a harsh verdict that involves the writer: "everyone hates me"
    if toks[first].norm in _NEGATIVE_QUANTIFIERS and any(
            toks[k].norm in ("me", "myself") for k in range(first + 1, min(hi, first + 6))):
        return True  # "nobody ever listens to me"
    s_lo, s_hi = columns.sentence_bounds()[columns.sents[first]]
    sentence = list(columns.norms[s_lo:s_hi])
    if not _writer_before(toks, first) or _warm(sentence):
        return False
    # "I always do this" characterises the writer; "I've never managed anyone before" only
    # tells something new, unless it judges how well ("I never get anything right").
    if toks[first].norm != "never" or any(w in _COMPETENCE for w in norms):
        return True
    perfect = any(toks[k].norm in ("i've", "we've", "have", "has", "i'd", "we'd")
                  for k in range(max(lo, first - 3), first))
    return not perfect and "before" not in sentence


def _clause_valence(norms: Sequence[str]) -> float:
    """The summed sentiment of a clause's words, each word after a negation counted the
    other way. Words without a valence add nothing (adding 0.0 leaves a sum as it was), so
    only the words with one, and the first negation, are walked, in order."""
    valence = valences()
    negated = False
    total = 0.0
    for k, w in enumerate(norms):
        if negated:
            v = valence.get(w)
            if v is not None:
                total += -v
        else:
            v = valence.get(w)
            if v is not None:
                total += v
            if (w in _NEGATIONS or w.endswith("n't")) and not never_more(norms, k):
                negated = True
    return total


_NEGATIONS = ("not", "never", "no", "nothing")
#: The words a rule begins with (`_binding_rule`).
_RULE_WORDS = frozenset({"must", "should", "have", "has", "need"})
_COMPETENCE = frozenset({"right", "good", "enough", "well", "properly", "ever"})
_SUBJECT = frozenset({"i", "i'm", "i've", "i'll", "we", "we're", "we've"})


def _binding_rule(text: str, toks: Sequence[Token], k: int) -> bool:
    w = toks[k].norm
    if w in ("must", "should"):
        return _obliges(text, toks, k, k + 1) and not _writer_before(toks, k, reach=0)
    if w in ("have", "has", "need") and k + 1 < len(toks) and toks[k + 1].norm == "to":
        return _obliges(text, toks, k, k + 2)
    return False


_WARM = frozenset({"love", "loved", "loves", "happy", "fun", "favourite", "favorite", "best",
                   "beautiful", "laughed", "laughing", "together", "swam", "played"})
_IDIOMS = frozenset({"admit", "say", "confess", "hand", "laugh", "wonder"})


def _warm(norms: Sequence[str]) -> bool:
    return any(w in _WARM for w in norms)


def _obliges(text: str, toks: Sequence[Token], first: int, last: int) -> bool:
    """Obligation language binds the writer: "I have to call her back", "I must finish",
    "have to finish the report" (a diary's dropped "I"). Not movement or chance ("got to the
    lake"), inference ("it must be the weather"), other people's schedules ("the kids have
    to be at school"), a past event told ("had to change trains"), idioms ("have to
    admit"), questions or conditions."""
    words = tuple(t.norm for t in toks[first:last])
    sent = toks[first].sent
    after = toks[last].norm if last < len(toks) and toks[last].sent == sent else ""
    before = toks[first - 1].norm if first > 0 and toks[first - 1].sent == sent else ""
    if words == ("got", "to") and before not in ("i've", "we've", "have", "'ve"):
        return False
    if words[0] == "had":
        return False  # a past event told, not a pressure felt now
    if after in _IDIOMS and words[-1] == "to" and words[0] in ("have", "has", "got"):
        return False  # "have to admit", "got to say"
    sentence_start = first == 0 or toks[first - 1].sent != sent
    # A standard held for everything ("everything must be perfect") binds the writer too.
    universal = before in ("everything", "everyone", "everybody", "things", "all")
    if not (_writer_before(toks, first) or sentence_start or universal):
        return False
    if words == ("must",) and after in ("be", "have", "been", "'ve"):
        then = toks[last + 1].norm if last + 1 < len(toks) and toks[last + 1].sent == sent else ""
        if (before not in _FIRST and not universal) or then in ("the", "a", "an", "that", "why"):
            return False  # inference ("it must be the weather", "I must be the only one")
    lo, hi = clause_bounds(text, toks, first, last)
    if any(toks[k].norm in _CONDITIONALS for k in range(max(lo, first - 4), first)):
        return False
    # (the last token of the sentence: a sentence is one run of tokens)
    end_of_sentence = as_tokens(toks).sentence_bounds()[sent][1] - 1
    tail = text[toks[end_of_sentence].end : toks[end_of_sentence].end + 3]
    return "?" not in tail


def cue_sentences(tokens: Sequence[Token], patterns: Sequence[PatternMatch]) -> frozenset[int]:
    """The sentences of the lexical internal-tension matches among `patterns` (each starts
    where a token starts; found by bisection instead of a per-text start -> sentence map)."""
    toks = as_tokens(tokens)
    sents = toks.sents
    return frozenset(sents[toks.index_at(m.start)] for m in patterns
                     if m.name == TENSION_PATTERN and not m.parts)


@lru_cache(maxsize=256)
def _marker_words(phrase: str) -> tuple[str, ...]:
    return phrase_tokens(phrase)


def _own_stance(
    text: str,
    toks: Sequence[Token],
    contrasts: Sequence[Contrast],
    foreign: list[bool],
    denied: list[tuple[int, int]],
) -> list[Contrast]:
    c = _compiled()
    candidates = [con for con in contrasts if _marker_words(con.marker) in c.stance_markers]
    if not candidates:
        return []
    tokens = as_tokens(toks)
    norms = tokens.norms
    stance_at = {h.first for h in c.stance.find(tokens) if not foreign[h.first]}
    if not stance_at:
        return []
    own: list[Contrast] = []
    for con in candidates:
        lo = min(con.left[0], con.right[0])
        hi = max(con.left[1], con.right[1])
        if any(lo <= k < hi for k in (d[0] for d in denied)):
            continue
        if foreign[tokens.index_at(con.marker_span[0])]:
            continue  # the marker itself is inside someone else's words
        first_person = False
        for a, b in (con.left, con.right):
            if not any(k in stance_at for k in range(a, b)):
                break
            stance = min(k for k in range(a, b) if k in stance_at)
            if any(norms[k] in c.reporting and k > a and norms[k - 1] not in c.first_person
                   for k in range(a, stance)):
                break  # "Jess says i should withhold rent": her view of what the writer should do
            mine = any(norms[k] in c.first_person and not foreign[k] for k in range(a, b))
            if not mine and any(norms[k] in c.other_voices and not foreign[k]
                                for k in range(a, b)):
                break
            first_person = first_person or mine
        else:
            if first_person:
                own.append(con)
    return own


def own_stance_contrasts(
    text: str,
    tokens: Sequence[Token] | None = None,
    contrasts: Sequence[Contrast] | None = None,
) -> list[Contrast]:
    """The contrasts whose two sides are both the writer's own stance (module docstring)."""
    return analyze_patterns(text, tokens, contrasts)[1]


#: Words before an adjective that make it a thing's, not the writer's ("our stupid face",
#: "the stupid printer"); "a stupid person", "my stupid brain" may still be the writer judged.
_THINGS_OPEN = frozenset({"our", "the", "that", "this", "his", "her", "their", "those", "these"})


def _said_of_a_thing(toks: Sequence[Token], first: int, last: int) -> bool:
    """Whether a word of self-judgement stands before a noun after "our", "the", "that" …:
    it describes the thing ("did our stupid face from Year 8"), not the writer."""
    return first > 0 and toks[first - 1].norm in _THINGS_OPEN and last == first + 1 \
        and last < len(toks) and toks[last].sent == toks[first].sent and toks[last].text[:1].isalpha() \
        and toks[last].end > toks[first].end and toks[last].start - toks[first].end <= 1


def analyze_patterns(
    text: str,
    tokens: Sequence[Token] | None = None,
    contrasts: Sequence[Contrast] | None = None,
) -> tuple[list[PatternMatch], list[Contrast]]:
    """Every counted pattern occurrence in `text`, in order of appearance, and the
    contrasts that are the writer's own stance (the structural internal tensions)."""
    toks = tokenize(text) if tokens is None else tokens
    cons = find_contrasts(text, toks) if contrasts is None else contrasts
    c = _compiled()
    hits = c.matcher.find(toks)
    if not hits and not cons:
        return [], []
    foreign = others_quoted(text, toks)
    found: list[PatternMatch] = []
    lexical_tension: list[tuple[int, int]] = []
    denied: list[tuple[int, int]] = []
    for hit in hits:
        if foreign[hit.first]:
            continue
        if hit.label == "absolute_thinking" and not _judges(text, toks, hit.first, hit.last):
            continue
        if hit.label == "obligation" and not _obliges(text, toks, hit.first, hit.last):
            continue
        if hit.label == "self_judgment" and _as_if(toks, hit.first):
            continue  # "as if that was my fault": the blame put on the writer, and refused
        if hit.label == "self_judgment" and _called_someone(text, toks, hit.first, c.first_person):
            continue  # 'I said "same, idiot."': a name called a friend, not a verdict on oneself
        if hit.label == "self_judgment" and _said_of_a_thing(toks, hit.first, hit.last):
            continue  # "did our stupid face from school", "the stupid printer": a thing, not the writer
        if hit.label in c.negatable and is_negated(text, toks, hit.first):
            if hit.label == TENSION_PATTERN:
                denied.append((hit.first, hit.last))
            continue
        start, end = toks[hit.first].start, toks[hit.last - 1].end
        found.append(PatternMatch(hit.label, start, end, text[start:end]))
        if hit.label == TENSION_PATTERN:
            lexical_tension.append((start, end))
    own = _own_stance(text, toks, cons, foreign, denied) if cons else []
    for con in own:
        m0, m1 = con.marker_span
        if any(s < m1 and m0 < e for s, e in lexical_tension):
            continue  # the marker is itself tension language ("on the other hand")
        parts = [(m0, m1)]
        for a, b in (con.left, con.right):
            parts.append((toks[a].start, toks[b - 1].end))
        parts.sort()
        start, end = parts[0][0], max(e for _, e in parts)
        found.append(PatternMatch(TENSION_PATTERN, start, end, text[start:end],
                                  tuple((s, e, text[s:e]) for s, e in parts)))
    found.sort(key=lambda m: (m.start, m.name))
    return found, own


def _called_someone(text: str, toks: Sequence[Token], first: int, first_person: frozenset[str]) -> bool:
    """Whether a judging word is said aloud in quotation marks with no "I", "me" or "my"
    in the quotation ('she said "I've missed you, you idiot" and I said "same, idiot."'):
    spoken to someone, often fondly, not the writer's verdict on themselves; "I said 'I'm
    such an idiot'" keeps its "I" and stays one."""
    owner = tokens_in_spans(toks, quoted_spans(text))
    span = owner[first]
    if span < 0 or any(o == span and (toks[k].norm in first_person or toks[k].norm in _MINE)
                       for k, o in enumerate(owner)):
        return False
    # ('Dad always said I was "bright but lazy"', 'they called me "lazy"': the writer is
    # the one the words describe, just before them)
    opens = owner.index(span)
    before = [toks[k].norm for k in range(max(0, opens - 2), opens) if toks[k].sent == toks[opens].sent]
    return not (before[-1:] and (before[-1] in first_person or (
        before[-1] in _BEING and before[-2:-1] and before[-2] in first_person)))


_MINE = frozenset({"my", "mine"})
_BEING = frozenset({"was", "am", "is", "being", "be", "as"})


def _as_if(toks: Sequence[Token], first: int) -> bool:
    """Whether a self-judgement is said "as if" it were so, a few words before it in its
    sentence ("… the heaviest upright they'd moved all year, as if that was my fault", "like
    it's my fault"): someone else's blame, which the writer refuses, not their own verdict."""
    words = [toks[k].norm for k in range(max(0, first - _AS_IF_REACH), first) if toks[k].sent == toks[first].sent]
    pairs = set(zip(words, words[1:]))
    return bool(pairs & _AS_IF)


#: How far before a self-judgement "as if" is looked for, and its forms.
_AS_IF_REACH = 5
_AS_IF = frozenset({("as", "if"), ("as", "though"), ("like", "it"), ("like", "it's"), ("like", "that"),
                    ("like", "this")})


def detect_patterns(
    text: str,
    tokens: Sequence[Token] | None = None,
    contrasts: Sequence[Contrast] | None = None,
) -> list[PatternMatch]:
    """Every counted pattern occurrence in `text`, in order of appearance."""
    return analyze_patterns(text, tokens, contrasts)[0]

"""The person's own clause said back to them in the second person ("I keep picking up my
phone" → "you keep picking up your phone"), for a closing question only this entry could get.

Why: a question built from a noun alone ("What is it about your phone?") picks the wrong
thing as often as the right one, and a bank of open questions fits every entry equally.
What the person *did or felt* — the clause at the centre of the entry, with its verb — is
what they wrote about; given back with the pronouns turned, it shows the entry was read.
This is the listener's oldest move (reflecting the speaker's words) and needs no model.

English only: other languages change the verb with the person (yo tengo → tú tienes), which
a word swap cannot do, so they keep their frames. The clause is taken only when the swap is
safe: it starts with the writer as subject, holds no "you" of its own (whose would it be?),
no modal or obligation word (the mirror never says "you should"), no quotation, and is short
enough to ask about in one breath.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from mirror.engine.past_tense import did
from mirror.engine.tokenize import LIST_ITEM, Token, Tokens, clause_break_between, clause_numbers, inside_quotation

#: The writer's words → the mirror's. "we" stays plural in meaning ("you" covers both).
_SWAP = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "im": "you're", "i've": "you've", "ive": "you've", "i'd": "you'd",
    "i'll": "you'll", "we": "you", "us": "you", "our": "your", "ours": "yours",
    "ourselves": "yourselves", "we're": "you're", "we've": "you've", "we'd": "you'd",
    "we'll": "you'll",
}
#: Verb forms that follow "I"/"we" and must change with "you".
_AGREE = {"am": "are", "was": "were", "wasn't": "weren't"}
_SUBJECTS = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "we", "we're", "we've", "we'd"})
#: Words that must not be said back as the mirror's own: obligation, advice, someone else
#: addressed, or a conditional the person only imagined.
_REFUSE = frozenset({
    "you", "your", "you're", "yours", "yourself", "yourselves", "you'd", "you'll", "you've", "youre",
    "youd", "youll", "youve", "ya", "u", "ur", "should", "shouldn't", "must", "mustn't",
    "ought", "need", "needs", "needed", "have", "has", "gotta", "if", "would", "could",
    "might", "will", "i'll", "we'll", "i'd", "we'd", "shall", "please", "maybe", "kill",
    "die", "dead", "suicide", "hurt", "hate",
    # a name the person called themselves, which the mirror would be calling them
    # ("when you laughed at your desk like an idiot")
    "idiot", "fool", "moron", "loser", "stupid", "pathetic", "useless", "weirdo", "clown",
    "failure", "rat", "mess", "lunatic", "maniac",
})
_MIN_WORDS, _MAX_WORDS = 3, 14
#: "I" with "us" in one clause: both turn into "you", and the clause into nonsense.
_SINGULAR = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "i'll"})
_PLURAL = frozenset({"us", "our", "ours", "ourselves"})
#: Set phrases whose "we" or "I" is no one's doing, to be said back as the mirror's own.
_SET_PHRASES = frozenset({("here", "we", "go"), ("there", "we", "go"), ("here", "i", "go"),
                          ("off", "we", "go"), ("here", "we", "are"), ("there", "we", "are")})
#: Words a clause cannot end on when said back: it was cut before what they lead to
#: ("I hope they're very, very safe" cut at the comma).
_DANGLING = frozenset({"very", "so", "really", "too", "quite", "such", "the", "a", "an", "my",
                       "our", "and", "but", "or", "of", "to", "with", "for", "at", "in", "on",
                       # (a thought cut from what it thought: "I keep thinking, I'll turn it off")
                       "thinking", "wondering", "hoping", "telling", "asking",
                       # (a verb of knowing cut from what was known: "Never been happier, I
                       # don't think" → "that you don't think"; "I didn't know then that …")
                       "think", "know", "guess", "suppose", "reckon", "realise", "realize"})
_SPANS_OF_TIME = frozenset({"day", "week", "month", "year", "morning", "night", "evening",
                            "weekend", "afternoon", "life"})
_PRESENT_STATE = frozenset({"i'm", "im", "we're", "i am"})
#: A present-tense doing is said back when it is a habit the person keeps ("I still take
#: his mug down", "I walk around it every morning"): what someone keeps doing is what they
#: live with. ("Always"/"never" are left out: said back, a self-judgement would be repeated.)
_HABIT = frozenset({"still", "every", "each", "anymore", "usually", "sometimes", "nightly"})
#: Words that may sit between the subject and its verb.
_ADVERBS = frozenset({"just", "still", "really", "actually", "genuinely", "honestly", "even",
                      "only", "finally", "already", "never", "always", "kind", "sort", "also",
                      "so", "literally", "almost", "nearly", "barely"})
#: Present-tense verbs of feeling and stance: said back, they show what the person holds.
_STANCE_VERBS = frozenset({"feel", "want", "miss", "love", "keep", "can't", "cannot", "don't",
                           "wish", "know", "worry", "care", "mind", "think", "like", "hope",
                           "can", "do", "doubt", "fear", "dread", "remember", "forget",
                           "wonder", "believe", "trust", "regret", "envy", "adore", "hold",
                           "carry", "notice", "feels", "won't", "haven't", "didn't"}) - {"can", "do"}
#: Present verbs a diary opens on without its "I" ("can't sleep", "keep checking").
_DIARY_STANCE = frozenset({"can't", "cant", "keep", "miss", "don't", "dont", "feel", "want",
                           "wish", "love", "still"})
_AUXILIARIES = frozenset({"can't", "cant", "don't", "dont", "didn't", "won't", "wasn't", "am",
                          "was", "do", "did", "can", "is", "are", "were", "haven't", "hadn't"})


@dataclass(frozen=True)
class Echo:
    """A clause of the person's, turned to the second person, and its tense."""

    text: str      # "you keep picking up your phone"
    past: bool
    verdict: bool = False  # "It was the best dinner of the year": text is the judgement


def _in_capital_run(toks: Sequence[Token], k: int) -> bool:
    """Whether token k is one of several words in capitals side by side: a label or a sign
    ("DO NOT USE", "GO ON OUR KID"), said back as written, where one shouted word ("ONE")
    is said plainly."""
    return any(0 <= j < len(toks) and toks[j].text.isupper() and len(toks[j].text) > 1
               for j in (k - 1, k + 1))


def opens_on_the_writer(tokens: Sequence[Token], at: int) -> bool:
    """Whether the clause starting at token `at` opens on "I": said back as "you", it keeps
    its subject. A clause with none ("stayed up", of a bowl) may be about anyone, and "we"
    is more than the writer ("We had milk" is the household's, not "when you had milk")."""
    return tokens[at].norm in _WRITER


#: "I" in the forms a clause may open on.
_WRITER = frozenset({"i", "i'm", "im", "i've", "ive", "i'd"})


def echo(text: str, tokens: Sequence[Token], first: int, last: int,
         weigh: Callable[[str], float] | None = None) -> Echo | None:
    """The clause in tokens [first, last) that can be said back safely, in the second person
    (the one `weigh` scores highest, else the first); None when none can."""
    placed = list(_echoes_at(text, tokens, first, last))
    found = [e for _, e in placed]
    if not found:
        return None
    if weigh is None:
        return found[0]
    # (of clauses that weigh the same, the one a "but" opens is where the line turns: "I'm
    # an engineer. But I looked at flights to nowhere" is asked after the flights)
    turned = [start > first and (tokens[start].norm in _TURNING or tokens[start - 1].norm in _TURNING)
              for start, _ in placed]
    return max(found, key=lambda e: (weigh(e.text), turned[found.index(e)], -found.index(e)))


def _could_then(norms: Sequence[str], k: int) -> bool:
    """Whether the "could" at k tells what the writer could do then, not what they might
    do: after "before I" or "until I" ("I sat in the car park for twenty minutes before I
    could drive"), said back as "before you could drive", it is the past, not advice."""
    return norms[k] == "could" and k >= 2 and norms[k - 1] in ("i", "we") \
        and norms[k - 2] in ("before", "until", "till")


#: Words a clause turns on ("But I looked at flights anyway").
_TURNING = frozenset({"but", "yet", "though", "still"})


def echoes(text: str, tokens: Sequence[Token], first: int, last: int) -> Iterator[Echo]:
    """Every clause in tokens [first, last) that can be said back, in order."""
    return (e for _, e in _echoes_at(text, tokens, first, last))


def _echoes_at(text: str, tokens: Sequence[Token], first: int, last: int) -> Iterator[tuple[int, Echo]]:
    """`echoes`, each with the token its clause starts at."""
    # (within a sentence, two tokens are in one clause when their clause numbers are one:
    # numbered once per text, `clause_numbers`, instead of searched between every two)
    clauses = clause_numbers(text, tokens) if isinstance(tokens, Tokens) else None
    i = first
    while i < last:
        lo = i
        hi = lo + 1
        while hi < last and not (
                clauses[hi] != clauses[hi - 1] if clauses is not None and tokens[hi - 1].sent == tokens[hi].sent
                else clause_break_between(text, tokens[hi - 1], tokens[hi])):
            hi += 1
        # A clause may also start mid-way, at a conjunction before a new subject
        # ("first person I wanted to call was grandpa and I had my thumb on his name").
        starts = [lo] + [j for j in range(lo + 1, hi - 1) if tokens[j].norm in _JOINS
                         and (tokens[j + 1].norm in _SUBJECTS or tokens[j + 1].norm in _PRONOUNS)
                         and not _purpose(tokens, j, hi)]
        for start in starts:
            found = _clause(text, tokens, start, hi)
            if found is not None:
                yield start, found
                break
        i = hi


def _purpose(tokens: Sequence[Token], j: int, hi: int) -> bool:
    """Whether the "so" at token j, inside its clause, says what for ("Writing it down so I
    remember they happen", "left early so I could park"), not what followed ("I was
    tired so I went to bed"): the verb after its subject is not in the past. Said back
    alone, "you remember they happen" turns a purpose into a fact the writer never stated."""
    if tokens[j].norm != "so" or j + 2 >= hi:
        return False
    return not any(did(t.norm) for t in tokens[j + 2 : min(hi, j + 4)])  # ("so I just breathed")


#: Verbs that report someone's words or view without quotation marks ("Kieran says",
#: "Mum reckons", "she told me").
_REPORTING = frozenset({"says", "said", "say", "reckons", "reckoned", "thinks", "thought",
                        "told", "tells", "claims", "claimed", "insists", "insisted"})


def _reported(tokens: Sequence[Token], at: int) -> bool:
    """Whether the clause starting at token `at` follows, in its sentence, a reporting verb
    whose subject is someone else: then it is their words, said back as the writer's."""
    sent = tokens[at].sent
    k = at - 1
    while k >= 0 and tokens[k].sent == sent:
        if tokens[k].norm in _REPORTING:
            subject = tokens[k - 1].norm if k and tokens[k - 1].sent == sent else ""
            return subject not in ("i", "we", "i'd", "i've")
        k -= 1
    return False


#: One-word answers that a comma continues ("said no, honestly, it's fine").
_ANSWER_WORDS = frozenset({"no", "yes", "sure", "ok", "okay", "fine", "nothing", "thanks",
                           "yeah", "nope"})


#: Where a new main clause may start mid-sentence; never "when"/"because" (a subordinate
#: clause, "when I had chickenpox", is a detail, not the moment).
_JOINS = frozenset({"and", "but", "so", "then"})
#: Clauses that only agree with the one before ("Neither did I", "Nor could she").
_ELLIPTIC = frozenset({"neither", "nor"})
_AGREE_AUX = frozenset({"did", "do", "does", "was", "were", "am", "is", "could", "would", "had", "have"})


#: Subjects that take over a clause after "and"/"but" ("and those are both true").
#: (Not "he"/"she": "I sent a long message and she's replied 'no worries'" holds its point
#: in what she did, and cut before it, "you sent a long message" says nothing.)
_NEW_SUBJECTS = frozenset({"those", "these", "that", "this", "it", "it's", "there", "there's",
                           "that's"})


def happened(said: Echo) -> bool:
    """Whether a past clause tells something that happened, which a question may place in
    time ("When you cried next to the frozen peas, …"): knowing, wanting or not knowing is
    no moment one was in, and "When you just didn't know it showed, what was that like?"
    reads garbled. Only the clause's main verb decides ("you cried because the bottle was
    empty" happened)."""
    if not said.past:
        return False
    words = [w for w in said.text.lower().replace("\u2019", "'").split() if w not in _ADVERBS]
    verb = words[1] if len(words) > 1 and words[0] in ("you", "you're", "you've") else words[0] if words else ""
    after = words[words.index(verb) + 1] if verb in words and words.index(verb) + 1 < len(words) else ""
    if verb in _STATES_THEN:
        return False
    if verb in ("turned", "did") and "out" in words[words.index(verb) + 1 : words.index(verb) + 3]:
        return False  # "you did turn out alright": how things came to be, no moment one was in
    return not (verb in ("didn't", "couldn't", "wasn't", "never", "hadn't") and after in _STATES)


#: Past verbs of knowing and wanting, and the verbs a "didn't" makes a state of.
_STATES_THEN = frozenset({"knew", "thought", "wanted", "meant", "understood", "liked", "loved",
                          "hated", "wished", "hoped", "believed", "expected", "guessed"})
_STATES = frozenset({"know", "think", "want", "mean", "understand", "like", "realise", "realize",
                     "see", "care", "expect", "notice", "feel"})


def _clause(text: str, tokens: Sequence[Token], lo: int, hi: int) -> Echo | None:
    toks = list(tokens[lo:hi])
    # A conjunction may lead in ("and I cried").
    if toks and toks[0].norm in _JOINS:
        toks = toks[1:]
    if not toks:
        return None
    own = [t.norm for t in toks]
    if own[0] in _ELLIPTIC or (len(own) > 1 and own[0] == "so" and own[1] in _AGREE_AUX):
        return None  # "Neither did I", "Nor could I": half a sentence, the other half before it
    line_start = text.rfind("\n", 0, toks[0].start) + 1
    if inside_quotation(text, toks[0].start):
        return None  # inside someone's quoted words ("oh wow, that's great Dad"): not the writer's
    at = _index(tokens, toks[0])
    before = [tokens[k].norm for k in range(max(0, at - 2), at)
              if tokens[k].sent == toks[0].sent]
    if any(w in _NEGATING for w in before):
        return None  # "Not because I was worried about Rosa": said back, it contradicts her
    if own[-1] in _SPEECH:
        return None  # "… I said" before a quotation: the words said are the moment
    if len(own) >= 2 and own[-2] in _SPEECH and own[-1] in _ANSWER_WORDS \
            and text[toks[-1].end : toks[-1].end + 1] == ",":
        return None  # "I said no, honestly, it's fine": the answer goes on past the comma
    if _reported(tokens, at):
        return None  # "Kieran says let it go, it's not worth the stress": his words, not hers
    cut = next((k for k in range(1, len(own) - 1) if own[k] in _JOINS and (
        own[k + 1] in _NEW_SUBJECTS or (own[k + 1] in _PRESENT_STATE and did(own[1])))), None)
    if cut is not None:
        # "I chose it and I'm sad and those are both true": the clause ends where another
        # subject takes over, or where a doing then turns into a state now; said back whole
        # it became "when you chose it and you're sad and those are both true", garbled.
        toks, own = toks[:cut], own[:cut]
    judged = _verdict(text, toks, own)
    if judged is not None:
        return judged
    subject = _subject(text, tokens, toks, own)
    if subject is None:
        return None
    size, diary = subject
    if diary and own[0] in ("made", "makes") and len(own) > 2 and own[1] == "my" \
            and any(w in _SPANS_OF_TIME for w in own[2:5]):
        return None  # "made my whole week tbh": the day's event did, not the writer
    norms = (["i"] if diary else []) + own  # the writer as subject, said or implied
    verb_at = 1 if diary else size
    if not _MIN_WORDS <= len(norms) <= _MAX_WORDS or verb_at >= len(norms):
        return None
    if any(w in _REFUSE and not _could_then(norms, k) for k, w in enumerate(norms[1:], 1)) \
            or norms[0] in ("i'd", "we'd"):
        return None
    if any(tuple(norms[k:k + 3]) in _SET_PHRASES for k in range(1, len(norms) - 2)):
        return None  # "so here we go": nobody's doing, turned, reads "so here you go"
    if norms[0] in _SINGULAR and any(w in _PLURAL for w in norms[1:]):
        return None  # "I'm so proud of us" would come back "you're so proud of you"
    after = text[toks[-1].end : toks[-1].end + 3]
    if after[:1] == "." and toks[-1].text[:1].isupper() and len(toks[-1].text) <= 3 \
            and after[1:].strip()[:1].isupper():
        return None  # "Don't tell Dr. K.": cut at a title's full stop, not the clause's end
    if norms[-1] in _AUXILIARIES or norms[-1] in _DANGLING:
        return None  # "you still can't", "you hope they're very": the rest is elsewhere
    verb = norms[verb_at]
    if norms[0] in _PRESENT_STATE:
        past = False  # "I'm still annoyed at myself": a state now, not a past doing
    else:
        past = did(verb) or (verb in _ADVERBS and verb_at + 1 < len(norms)
                                  and did(norms[verb_at + 1]))
    perfect = False
    if own[0] in ("i've", "ive", "we've"):
        past = False  # "you've thought about it all evening": asked as now, not as then
        done = next((w for w in norms[1:] if w not in _ADVERBS), "")
        perfect = did(done)  # "I've changed my mind nine times since lunch"
    writer = diary or own[0] in _SUBJECTS
    if not writer and not any(w in _SWAP for w in own[size:]):
        return None  # someone else's doing is said back only when it touched the writer
    if past and any(w in _PRESENT_STATE for w in norms[1:]):
        return None  # "I chose it and I'm sad": a doing then and a state now are not one moment
    if not past and not (writer and (perfect or _stance(norms) or any(w in _HABIT for w in norms))):
        return None  # "you're writing this on the ferry", "she lives in Leeds": only a report
    span = text[toks[0].start : toks[-1].end]
    if text.count("(", line_start, toks[0].start) > text.count(")", line_start, toks[0].start):
        return None  # "(I don't want to know)": an aside, not the moment
    if any(ch in span for ch in "\"\u201c\u201d\u201e\u00ab\u00bb\u2018\n"):
        return None  # someone else's words inside: not the writer's own to turn
    parts: list[str] = []
    for k, tok in enumerate(toks):
        if k:  # the person's own spacing and punctuation between words ("thirty-four")
            parts.append(re.sub(r"\s+", " ", text[toks[k - 1].end : tok.start]))
        w = tok.norm
        if w in _SWAP:
            parts.append(_SWAP[w])
        elif w in _AGREE and k and _subject_before(own, k) in ("i", "we"):
            parts.append(_AGREE[w])  # ("I honestly wasn't sure" → "you honestly weren't sure")
        elif tok.text.isupper() and len(tok.text) > 1 and not _in_capital_run(toks, k):
            parts.append(tok.text.lower())  # "ONE" shouted is said back plainly
        elif k == 0 and not diary and (w in _PRONOUNS or w.split("'")[0] in _PRONOUNS):
            parts.append(tok.text[:1].lower() + tok.text[1:])  # "She waved it off", "He'd put"
        else:
            parts.append(tok.text.replace("\u2019", "'"))
    said = " ".join("".join(parts).split())
    if diary:
        doing = next((w for w in own if w not in _ADVERBS), "")
        # "Still checking." is "you're still checking", never "you still checking"; "Pleased
        # with myself." is a state, "you were pleased with yourself", never "you pleased".
        said = ("you're " if doing.endswith("ing") else "you were " if doing in _STATE_PARTICIPLES
                else "you ") + said[:1].lower() + said[1:]
    elif own[0] in _SWAP_LOWER:
        said = said[:1].lower() + said[1:]
    return Echo(said, past)


def _subject_before(own: Sequence[str], k: int) -> str:
    """The word before word k, passing over adverbs ("I honestly wasn't" → "i")."""
    j = k - 1
    while j > 0 and own[j] in _ADVERBS:
        j -= 1
    return own[j]


def _index(tokens: Sequence[Token], tok: Token) -> int:
    """The position of `tok` in `tokens` (by its start, which is unique)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < tok.start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _after_other(tokens: Sequence[Token], at: int) -> bool:
    """Whether the sentence before token `at` opens on someone else (he, she, a name)."""
    if at == 0:
        return False
    sent = tokens[at - 1].sent
    k = at - 1
    while k > 0 and tokens[k - 1].sent == sent:
        k -= 1
    first = tokens[k]
    return first.norm in _PRONOUNS or first.norm in _PEOPLE or (
        first.text[:1].isupper() and first.norm not in _NOT_NAMES and first.norm not in _SUBJECTS
        and k + 1 < at and did(tokens[k + 1].norm))


#: Past participles a diary uses as states, not doings ("Pleased with myself.", "Worried sick.").
_STATE_PARTICIPLES = frozenset({
    "pleased", "worried", "tired", "annoyed", "scared", "bored", "stuck", "thrilled", "chuffed",
    "stressed", "relieved", "exhausted", "embarrassed", "frustrated", "surprised", "shocked", "amazed",
    "disappointed", "delighted", "excited", "gutted", "confused", "overwhelmed", "terrified",
    "ashamed", "impressed", "touched", "moved", "knackered", "shattered", "gobsmacked", "miffed",
    "irritated"})

#: Words that turn what follows into what was not so.
_NEGATING = frozenset({"not", "never", "no", "nor", "without"})
#: Verbs of saying that end a clause whose content is the quotation after it.
_SPEECH = frozenset({"said", "say", "says", "asked", "told", "wrote", "replied", "added",
                     "thought", "went"})
_PRONOUNS = frozenset({"he", "she", "they"})
_SWAP_LOWER = frozenset({"my", "our", "his", "her", "their"})


_VERDICT_OPENERS = {("it", "was"): True, ("it", "felt"): True, ("that", "was"): True,
                    ("this", "was"): True, ("it's",): False, ("it", "is"): False,
                    ("it", "feels"): False, ("that's",): False, ("this", "is"): False}
_WH = frozenset({"when", "where", "why", "how", "what", "who", "whom", "whose", "which"})
#: Words after "it's" that hedge or deny rather than judge ("it's just …", "it's not …").
_NOT_A_VERDICT = frozenset({"just", "not", "only", "never", "no", "nothing", "kind", "sort"})
_SUPERLATIVES = frozenset({"best", "worst", "most", "least", "hardest", "easiest", "nicest",
                           "strangest", "weirdest", "happiest", "saddest", "loveliest"})


#: Words in -ly that are adjectives, not adverbs: they can carry a judgement ("lovely").
_LY_ADJECTIVES = frozenset({"lovely", "lonely", "ugly", "friendly", "silly", "lively", "holy",
                            "jolly", "deadly", "homely", "costly", "unlikely", "unfriendly",
                            "ungodly", "beastly", "ghastly", "heavenly", "godly"})


def _adverb(word: str) -> bool:
    """Whether a word scored for feeling is an adverb of certainty or degree ("definitely",
    "really", "totally"), which says how sure, not what the person judged."""
    return word.endswith("ly") and word not in _LY_ADJECTIVES


#: Who a cleft points at ("It's me she's tired of", "It was him who rang"): no verdict follows.
_CLEFT_ON = frozenset({"me", "him", "her", "us", "them", "you"})


def _verdict(text: str, toks: list[Token], own: list[str]) -> Echo | None:
    """A judgement the person made of a moment ("It was the best dinner of the year", "That
    was perfect"), for "What made it the best dinner of the year?": the complement said back,
    when it carries a judgement (a superlative or a word with feeling of its own)."""
    from mirror.engine.reading import valences  # the VADER lexicon, already loaded to read

    for opener, past in _VERDICT_OPENERS.items():
        if tuple(own[:len(opener)]) != opener:
            continue
        rest = toks[len(opener):]
        words = own[len(opener):]
        if len(words) > 1 and words[0] == "been":  # "it's been a long week"
            rest, words = rest[1:], words[1:]
        if not 1 <= len(words) <= 8 or any(w in _REFUSE or w in ("you", "your") for w in words):
            return None
        if words[0] in _WH:
            return None  # "that's when most of us lost it": a time pointed at, not a judgement
        if words[0] in _CLEFT_ON:
            return None  # "it's me she's tired of": someone pointed at, not a judgement
        if words[0] in _NOT_A_VERDICT:
            return None  # "It's just not the only thing that's true": a hedge, not a judgement
        if words[0].endswith("ing") or "like" in words or words[0] == "as" or (
                words[0] in ("a", "the") and len(words) == 1):
            return None  # "It was raining": an event; "It felt like a hug": a likeness
        vader = valences()
        if not (any(w in _SUPERLATIVES for w in words) or any(
                abs(vader.get(w, 0.0)) >= 1.5 and not _adverb(w) for w in words)):
            # ("It was definitely the same seagull": "definitely" is sure, not a judgement)
            return None
        parts = [rest[0].text.lower() if rest[0].text.isupper() else rest[0].text]
        for k in range(1, len(rest)):
            parts.append(re.sub(r"\s+", " ", text[rest[k - 1].end : rest[k].start]))
            w = rest[k].norm
            parts.append(_SWAP.get(w, rest[k].text if not rest[k].text.isupper() else w))
        said = " ".join("".join(parts).split())
        if _SWAP.get(words[0]):
            said = _SWAP[words[0]] + said[len(rest[0].text):]
        return Echo(said, past, verdict=True)
    return None


def superlative(text: str, tokens: Sequence[Token], first: int, last: int) -> Echo | None:
    """A line that is only the person's superlative ("Best Twix of my life.", "Most honest
    moment of the day."), for "What made it the best Twix of your life?": the judgement is
    the whole line, and what made it so is the story the entry tells. None unless the line
    opens its sentence on the superlative, has no verb of being (a sentence, not a verdict:
    "Best part is the quiet") and nothing that cannot be said back."""
    from mirror.engine.reading import valences  # the VADER lexicon, already loaded to read

    toks = list(tokens[first:last])
    own = [t.norm for t in toks]
    if not 2 <= len(own) <= 8 or own[0] not in _SUPERLATIVES:
        return None
    if first > 0 and tokens[first - 1].sent == tokens[first].sent:
        return None  # inside a sentence: "the best" of something else
    if any(w in _REFUSE or w in _BEING for w in own) or inside_quotation(text, toks[0].start):
        return None
    if own[0] in ("most", "least") and not valences().get(own[1], 0.0):
        return None  # "Most people left early": a quantity, not a judgement
    if not any(w in _SPANS_OF_TIME or w in _SPANS_MEASURED for w in own[2:]):
        return None  # set against a span ("of my life", "in months"); "Best girl" is a name
    parts = ["the ", toks[0].text.lower()]
    for k in range(1, len(toks)):
        parts.append(re.sub(r"\s+", " ", text[toks[k - 1].end : toks[k].start]))
        parts.append(_SWAP.get(own[k], toks[k].text if not toks[k].text.isupper() else own[k]))
    said = " ".join("".join(parts).split()).rstrip(",;:")
    return Echo(said, True, verdict=True)


#: Spans a superlative is measured against, beyond `_SPANS_OF_TIME`: "best night in months".
_SPANS_MEASURED = frozenset({"days", "weeks", "months", "years", "ages", "ever", "history",
                             "forever", "decade", "decades",
                             # a stretch lived through: "Best day of the trip so far."
                             "trip", "holiday", "holidays", "vacation", "summer", "winter", "season",
                             "term", "semester", "tour", "journey", "visit", "stay", "course", "career"})
#: Verbs of being: with one, a line opening on a superlative is a sentence about something.
_BEING = frozenset({"is", "was", "are", "were", "be", "been", "being", "am", "it's", "that's",
                    "there's", "here's", "what's"})


def _subject(text: str, tokens: Sequence[Token], toks: list[Token],
             own: list[str]) -> tuple[int, bool] | None:
    """(words in the subject, whether the diary dropped its "I") when the clause opens on a
    subject that can be said back: the writer ("I", "we", or a diary's past verb), or a
    person ("she", "Mum", "my sister", "Gloria") — never a thing ("the printer", "it")."""
    first = own[0]
    if first in _SUBJECTS:
        return 1, False
    at = _index(tokens, toks[0])
    opens_sentence = at == 0 or tokens[at - 1].sent != toks[0].sent
    line = text[text.rfind("\n", 0, toks[0].start) + 1 : toks[0].start]
    in_list = bool(LIST_ITEM.match(line))
    if in_list and first in ("don't", "dont"):
        return None  # "- cutlery: split. don't argue about the forks": a note to self, not a doing
    if opens_sentence and (did(first) or first in _DIARY_STANCE) and not _after_other(tokens, at):
        # A diary drops its "I" ("Walked the long way round", "Can't sleep") — unless the
        # sentence before was about someone else ("He hummed. Came out pink and cheerful").
        return 1, True
    if first in _PRONOUNS:
        return 1, False
    if first in _SWAP_LOWER and len(own) > 2 and own[1] in _PEOPLE:
        return 2, False  # "my sister", "his mum"
    if first in _PEOPLE and toks[0].text[:1].isupper():
        return 1, False  # "Mum", "Dad"
    if toks[0].text[:1].isupper() and not toks[0].text.isupper() and len(first) > 1 \
            and first not in _NOT_NAMES and first not in _ADVERBS and not first.endswith("ly") \
            and len(own) > 1 and did(own[1]):
        return 1, False  # a name before a past verb: "Gloria waved it off"
    return None


#: Relations a clause may open on ("my sister rang"), said back as they are.
_PEOPLE = frozenset({
    "mum", "mom", "mother", "dad", "father", "mam", "sister", "brother", "son", "daughter",
    "wife", "husband", "partner", "boyfriend", "girlfriend", "friend", "flatmate", "boss",
    "manager", "colleague", "neighbour", "neighbor", "grandma", "grandad", "grandpa", "gran",
    "nana", "nan", "aunt", "auntie", "uncle", "cousin", "nephew", "niece", "kids", "baby",
    "teacher", "doctor", "therapist", "parents", "family", "dog", "cat",
})
#: Capitalised words that open sentences but name nobody.
_NOT_NAMES = frozenset({
    "today", "yesterday", "tonight", "tomorrow", "this", "that", "it", "there", "then", "work",
    "everyone", "everything", "nobody", "nothing", "someone", "something", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening",
    "lunch", "dinner", "breakfast", "the", "a", "an", "one", "two", "three", "what", "which",
    "who", "when", "where", "why", "how", "all", "most", "some", "life", "time",
})


def _stance(norms: Sequence[str]) -> bool:
    """A present-tense clause worth saying back: the writer's stance toward something
    ("I keep picking up my phone", "I miss her", "I'm so tired"), not a plain report."""
    rest = [w for w in norms[1:4] if w not in _ADVERBS or w == "still"]
    if rest and rest[0] == "still":
        rest = rest[1:] or ["still"]
    if not rest:
        return False
    if norms[0] in ("i'm", "im", "we're") or rest[0] in ("am", "are"):
        # "I'm so tired", "I'm scared of it"; not "I'm writing this on the ferry"
        return not rest[-1 if rest[0] in ("am", "are") else 0].endswith("ing") or rest[0] in (
            "feeling", "missing", "dreading", "hoping", "wondering", "struggling")
    return rest[0] in _STANCE_VERBS or rest[0] in _DIARY_STANCE

"""Word tokens with character spans, sentences, and quoted passages.

Everything the engine matches (patterns, tensions, crisis signals, the checks) works on
these tokens, never on substrings, so "must" does not match "mustard" and "should" does not
match "shoulder". Tokens keep their character spans because evidence shown to the person
must point at exactly what they wrote.

Rules:
- A word is a run of Unicode letters/digits (plus combining marks, so decomposed accents
  and Indic/Arabic vowel signs stay inside their word). Hyphens split words:
  "self-harm" is "self" "harm", and lexicon phrases are tokenised the same way.
- Contractions are one token: "I'm", "can't", "don’t" (curly apostrophes are normalised to
  "'" in `norm`, so lexicons need only one spelling).
- Sentences end at . ! ? … (and CJK full stops) or at a blank line.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import ne

from mirror.lazy_re import kept
from mirror.tuples import NamedTuple

# Combining marks that Python's \w does not include; without them a word written with a
# decomposed accent ("cafe\u0301") or an Indic vowel sign would split in two.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7"
    "\u0a01-\u0a03\u0a3c-\u0a51\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
)
_APOSTROPHES = "'\u2019\u02bc"
#: A word (the pattern only: compiling it costs ~3 ms of every `reflect`, and `_SPLIT_RE`
#: is what finds words).
_WORD = rf"[^\W_][\w{_MARKS}]*(?:[{_APOSTROPHES}][^\W_][\w{_MARKS}]*)*"
# The same words as a capturing split: `split` alternates gaps and words (see _tokenize).
_SPLIT_RE = kept(f"({_WORD})")
#: A line that is a list item ("- milk", "* [ ] call Dad", "3. Mo texted"): read as an item,
#: by the reading's centre and by the clause said back, never as running prose.
_LIST_MARK = r"(?:[-*+\u2022]|\d+[.)])"
LIST_ITEM = kept(rf"^\s*{_LIST_MARK}\s")
#: (a full stop between digits is a decimal or a time, "€4.17", "8.30", never a sentence's end)
# (Devanagari's danda "।" and "॥", and the Arabic question mark "؟", end sentences too;
# the Arabic comma "،" breaks a clause.)
_SENTENCE_END_RE = kept(
    r"(?!(?<=\d)\.\d)[.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f]+|\n[ \t\r\f\v]*\n")
# The same ends found faster (see `_stop_ends`): the runs of stops alone, for a text with no
# line break, and the stops or blank lines without the decimal point's look-around, which
# keeps the regular expression engine from skipping ahead to the next candidate character.
_STOP_RUN_RE = kept(r"[.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f]+")
_STOP_OR_BLANK_RE = kept(r"[.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f]+|\n[ \t\r\f\v]*\n")
_CLAUSE_BREAK_RE = kept(r"[.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f,;:\u060c\u2014\u2013()\n]")
_NORM_TABLE = str.maketrans({"\u2019": "'", "\u02bc": "'"})

# Quoted passages. Each alternative is one quoting convention; contents are bounded so an
# unbalanced quote cannot swallow a whole journal. Straight single quotes count only when
# they look like quotes, not apostrophes ("the kids' toys", "don't").
_QUOTED_RE = kept(
    r'"([^"\n]{0,600})"'
    r"|\u201c([^\u201c\u201d]{0,600})\u201d"
    r"|\u201e([^\u201e\u201c\u201d\"\n]{0,600})[\u201c\u201d\"]"
    r"|\u00ab([^\u00ab\u00bb]{0,600})\u00bb"
    r"|\u2039([^\u2039\u203a]{0,600})\u203a"
    r"|\u300c([^\u300c\u300d]{0,600})\u300d"
    r"|\u300e([^\u300e\u300f]{0,600})\u300f"
    r"|(?<![\w'\u2019])['\u2018]([^\W_][^\n]{0,300}?)(?<=[^\s'\u2018])['\u2019](?![\w])"
)

#: Characters the offline engine removes from anything it quotes, so its own quotation
#: marks always pair up cleanly (the checks ignore punctuation when comparing words).
QUOTE_CHARS = '"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f'


_OPENING_QUOTES = "\u201c\u201e\u00ab\u2039\u300c\u300e"
_CLOSING_QUOTES = "\u201d\u00bb\u203a\u300d\u300f"


def inside_quotation(text: str, pos: int) -> bool:
    """Whether `pos` falls inside quotation marks opened earlier on its line and not yet
    closed ('she said "oh wow, that's great|'): someone's words, which the mirror never
    turns into "you" nor takes for the writer's own line."""
    lead = text[text.rfind("\n", 0, pos) + 1 : pos]
    opened = sum(lead.count(q) for q in _OPENING_QUOTES) - sum(lead.count(q) for q in _CLOSING_QUOTES)
    return opened > 0 or lead.count('"') % 2 == 1


class Token(NamedTuple):
    """One word: `text` as written, `norm` for matching, [start, end) in the source,
    and the index of the sentence it belongs to."""

    text: str
    norm: str
    start: int
    end: int
    sent: int


class Tokens(tuple):
    """The tokens of one text, with their matching forms, sentence numbers and spans
    precomputed as plain tuples (`norms`, `sents`, `starts`, `ends`): every matcher walks
    these, and attribute access on thousands of tokens is what would otherwise dominate the
    engine's time. `sentence_bounds()` is computed on first use and kept on the object,
    so every stage of one analysis shares it."""

    norms: tuple[str, ...]
    sents: tuple[int, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    _bounds: dict[int, tuple[int, int]]  # set by sentence_bounds() on first use
    _clauses: tuple[str, tuple[int, ...]]  # set by clause_bounds() on first use

    def sentence_bounds(self) -> dict[int, tuple[int, int]]:
        """Sentence number -> token range [first, last), in sentence order. Sentence
        numbers never decrease along the tokens, so each sentence is one run, found by
        bisection (a text has a few sentences and many tokens)."""
        try:
            return self._bounds
        except AttributeError:
            pass
        sents = self.sents
        bounds: dict[int, tuple[int, int]] = {}
        first = 0
        for s in dict.fromkeys(sents):
            last = bisect_right(sents, s, first)
            bounds[s] = (first, last)
            first = last
        self._bounds = bounds
        return bounds

    def index_at(self, start: int) -> int:
        """The index of the token starting at character `start` (which must exist)."""
        k = bisect_left(self.starts, start)
        if k == len(self.starts) or self.starts[k] != start:
            raise KeyError(start)
        return k


def _make_tokens(items: list[Token]) -> Tokens:
    tokens = Tokens(items)
    tokens.norms = tuple(t[1] for t in items)
    tokens.sents = tuple(t[4] for t in items)
    tokens.starts = tuple(t[2] for t in items)
    tokens.ends = tuple(t[3] for t in items)
    return tokens


def as_tokens(tokens: Sequence[Token]) -> Tokens:
    """`tokens` as a `Tokens` (a no-op for the tokenizer's own output)."""
    return tokens if isinstance(tokens, Tokens) else _make_tokens(list(tokens))


def normalize_word(word: str) -> str:
    """The matching form of a word: case-folded, with one kind of apostrophe."""
    return word.casefold().translate(_NORM_TABLE)


def _tokenize(text: str) -> Tokens:
    """Column-wise tokenisation: every step is one C-level call over the whole text or
    over a whole column (words, norms, starts, ...), not Python work per token; only the
    final `Token` tuples are built per word, by `map`.

    - `_SPLIT_RE.split` alternates gaps and words, so running sums of the piece lengths
      give every word's start and end.
    - Words are case-folded in one call on the NUL-joined words (NUL is never in a word
      and case-folds to itself; a word may change length, e.g. "ß" -> "ss", which is why
      we fold words, not the text).
    - A token's sentence is the number of sentence ends at or before its start; sentence
      ends are few, so sentence numbers are filled run by run.
    """
    pieces = _SPLIT_RE.split(text)
    words = pieces[1::2]
    if not words:
        return _make_tokens([])
    offsets = list(accumulate(map(len, pieces)))
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    folded = "\x00".join(words).casefold()
    if "\u2019" in folded or "\u02bc" in folded:
        folded = folded.translate(_NORM_TABLE)
    norms = folded.split("\x00")
    n = len(words)
    sents: list[int] = []
    done = 0
    count = 0
    for end in _sentence_ends(text):
        upto = bisect_left(starts, end, done)  # tokens starting before this end
        if upto > done:
            sents += [count] * (upto - done)
            done = upto
        count += 1
        if done == n:
            break
    sents += [count] * (n - done)
    tokens = Tokens(map(tuple.__new__, repeat(Token), zip(words, norms, starts, ends, sents)))
    tokens.norms = tuple(norms)
    tokens.sents = tuple(sents)
    tokens.starts = tuple(starts)
    tokens.ends = tuple(ends)
    return tokens


#: A line that is a list item, for sentence ends: the item is a sentence of its own.
_LIST_LINE_RE = kept(rf"(?m)^[ \t]*{_LIST_MARK}[ \t]")


def _sentence_ends(text: str) -> list[int]:
    """Where sentences end: after their punctuation, at a blank line, and around every list
    item line ("- sabato pioggia, coprire i bancali" / "Stanco ma giornata utile" are two
    sentences, though no stop ends the item): an item runs into the next line only in the
    writer's layout, never in what they meant."""
    ends = _stop_ends(text)
    if "\n" not in text:
        return ends
    ends = sorted(set(ends) | set(_line_ends(text)))
    if not _LIST_LINE_RE.search(text):
        return ends
    extra = []
    for m in _LIST_LINE_RE.finditer(text):
        if m.start() > 0:
            extra.append(m.start())  # the line before the item ends here
        line_end = text.find("\n", m.end())
        if line_end >= 0:
            extra.append(line_end + 1)  # and the item ends with its line
    return sorted(set(ends) | set(extra))


def _stop_ends(text: str) -> list[int]:
    """`[m.end() for m in _SENTENCE_END_RE.finditer(text)]`, found faster: without a line
    break only runs of stops can end a sentence, and the one thing `_SENTENCE_END_RE`
    refuses is a full stop between two digits ("3.5"). There the run is that point alone
    (a digit follows it), and the search goes on one character later either way, so the
    match is dropped here instead of refused by a look-around."""
    pattern = _STOP_OR_BLANK_RE if "\n" in text else _STOP_RUN_RE
    ends = [m.end() for m in pattern.finditer(text)]
    if "." not in text:
        return ends
    size = len(text)
    return [end for end in ends
            if not (text[end - 1] == "." and 1 < end < size
                    and text[end].isdecimal() and text[end - 2].isdecimal())]


#: A line this much shorter than the longest line of its text was ended by its writer, not
#: wrapped by an editor.
_SHORT_LINE = 0.75


def _line_ends(text: str) -> list[int]:
    """Line breaks that end a sentence though no stop does: before a line that opens on a
    time or a number ("lunges 3x10, hated every second" / "02:05 bed 12 breathing
    changed"), and before a capital after a line much shorter than the text's longest (a
    log's "lunges …, hated every second" / "Coach Benny filmed the 145"). A line wrapped
    by an editor runs to nearly the full width and goes on in the next line, so prose
    written with hard line breaks keeps its sentences."""
    lines = text.split("\n")
    longest = max(len(line) for line in lines)
    wrapped = _wrapped(lines, longest)
    found: list[int] = []
    at = 0
    for k, (line, following) in enumerate(zip(lines, lines[1:])):
        at += len(line) + 1
        head = following.lstrip()[:1]
        if not line.strip() or not head:
            continue
        open_end = line.rstrip().endswith((",", "-", "\u2013", ":", "(", "&"))
        if head.isdigit() or (head.isupper() and len(line.rstrip()) < _SHORT_LINE * longest and not open_end):
            found.append(at)
        elif not wrapped and k > 0 and lines[k - 1].strip() and _bare_item(line):
            # "cat food" / "batteries for smoke alarm …" / "bread" / "wine": a line a word or
            # two long inside a run of lines is an item of a list made without marks, not
            # the start of a phrase that goes on in the next line.
            found.append(at)
        elif (head.islower() or (head.isupper() and not line.rstrip().endswith((".", "!", "?", "\u2026")))) \
                and not wrapped and not open_end \
                and len(line.split()) >= _LINE_WORDS and line.split()[-1].lower() not in _LINE_GOES_ON:
            # "… like she read it and made a choice" / "not saying anything tonight", "… the
            # whole second half" / "Shoulder fine today.": written a thought a line, and not
            # wrapped by an editor, each line is a sentence of its own.
            found.append(at)
    return found


def _bare_item(line: str) -> bool:
    """Whether a line is a bare list item: a word or two ("milk", "cat food"), no stop, not
    left open on "and" or "the"."""
    words = line.split()
    return 0 < len(words) < _LINE_WORDS and words[-1].lower() not in _LINE_GOES_ON \
        and not line.rstrip().endswith((".", "!", "?", "\u2026", ",", ":", "-", "\u2013", "(", "&"))


def _wrapped(lines: list[str], longest: int) -> bool:
    """Whether the text was wrapped by an editor: most of its lines that go on into the next
    run to nearly the full width, which is at most a screen's."""
    going_on = [(line, nxt) for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip()]
    if not going_on or longest > _WRAP_WIDTH:
        return False
    # (an editor breaks a line only where the next word would not have fitted: "wedding done.
    # feet gone. shoes in a plant pot …" / "jess cried during the vows …", typed a line at a
    # time, has room on every line for the next line's first word)
    full = sum(len(line) >= _SHORT_LINE * longest and len(line.rstrip()) + 1 + len(nxt.split()[0]) > longest
               for line, nxt in going_on)
    return full * 2 > len(going_on)


#: A line at least this many words long may end a sentence with its line break alone.
_LINE_WORDS = 3
#: An editor wraps at most this wide.
_WRAP_WIDTH = 100
#: Words a line does not end a sentence on, in the languages Mirror reads: "and", "y", "und".
_LINE_GOES_ON = frozenset({
    "and", "but", "or", "the", "a", "an", "to", "of", "with", "because", "bc", "so",
    "y", "e", "o", "pero", "que", "el", "la", "los", "las", "de", "con", "et", "ou", "mais",
    "le", "les", "du", "des", "und", "oder", "aber", "der", "die", "das", "mit", "dass",
    "en", "maar", "het", "een", "dat", "van", "ma", "il", "lo", "di", "che",
    "i", "ale", "że", "w", "z", "na", "mas", "os", "as", "da", "do", "com",
})


@lru_cache(maxsize=128)
def _tokenize_cached(text: str) -> Tokens:
    return _tokenize(text)


@lru_cache(maxsize=8)
def _tokenize_recent(text: str) -> Tokens:
    return _tokenize(text)


#: Texts up to this long (phrases, sentences, a line said back) are cached by the hundred;
#: longer ones (a reflection) only the last few. A reflection's tokens take ~40 kB, and
#: keeping 128 of them through `analyze --all`, which never asks for one again, made every
#: analysis ~0.1 ms slower (its working memory no longer fitted the processor's caches).
_SHORT_TEXT = 256


def tokenize(text: str) -> Tokens:
    """Tokens of `text`. Texts are cached: the same reflection is tokenised by the
    analysis, the composer and the checks within one `reflect` (see `_SHORT_TEXT`). A
    text of letters and digits only is one word (see `_one_word`)."""
    if text.isalnum():
        return _one_word(text)
    if len(text) <= _SHORT_TEXT:
        return _tokenize_cached(text)
    if len(text) <= 20_000:
        return _tokenize_recent(text)
    return _tokenize(text)


def _one_word(text: str) -> Tokens:
    r"""`_tokenize(text)` for a text whose every character is a letter or digit
    (`str.isalnum`, which is exactly the regular expressions' `[^\W_]`): one word spanning
    it, in the first sentence (no sentence end is a letter or digit). Lexicons are read
    word by word when an engine is first used (~2,500 words in `reflect`), and the regular
    expression's split and columns cost ten times this."""
    token = Token(text, normalize_word(text), 0, len(text), 0)
    tokens = Tokens((token,))
    tokens.norms = (token.norm,)
    tokens.sents = (0,)
    tokens.starts = (0,)
    tokens.ends = (token.end,)
    return tokens


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the normalised words it must match ('*' = any one word)."""
    words: list[str] = []
    for piece in phrase.split():
        if piece == "*":
            words.append("*")
        elif piece.isalnum():  # one word: what _tokenize finds in it (see _one_word)
            words.append(normalize_word(piece))
        else:
            words.extend(t.norm for t in _tokenize(piece))
    return tuple(words)


def clause_break_between(text: str, left: Token, right: Token) -> bool:
    """True when punctuation or a line break separates two tokens (a new clause); not the
    colon, point or comma inside a number ("8:40", "3.5", "1,000")."""
    if right.start - left.end == 1 and left.text[-1:].isdigit() and right.text[:1].isdigit():
        return False
    found = _CLAUSE_BREAK_RE.search(text, left.end, right.start)
    if found is not None and found.group() == "\n" and "\n" in text:
        soft = _soft_newlines(text)
        return any(m.start() not in soft for m in _CLAUSE_BREAK_RE.finditer(text, left.end, right.start))
    return found is not None


@lru_cache(maxsize=128)
def _soft_newlines(text: str) -> frozenset[int]:
    """The positions of line breaks an editor put in by wrapping ("found the old shed door
    hanging off its\nhinges again"): inside a paragraph wrapped to a width, a line break
    with no stop before it and a small letter after it goes on with the same clause."""
    lines = text.split("\n")
    if not _wrapped(lines, max(len(line) for line in lines)):
        return frozenset()
    soft: set[int] = set()
    at = 0
    for line, following in zip(lines, lines[1:]):
        at += len(line)
        head = following.lstrip()[:1]
        if line.strip() and head.islower() and not line.rstrip().endswith((".", "!", "?", ",", ";", ":")):
            soft.add(at)
        at += 1
    return frozenset(soft)


def clause_bounds(text: str, tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """The clause holding tokens [first, last): widened to the nearest clause breaks
    (punctuation, line breaks) within the sentence, as a token range [lo, hi)."""
    if isinstance(tokens, Tokens) and 0 <= first < last <= len(tokens):
        clauses = _clause_numbers(text, tokens)
        return bisect_left(clauses, clauses[first]), bisect_right(clauses, clauses[last - 1])
    lo = first
    while lo > 0 and tokens[lo].sent == tokens[lo - 1].sent and \
            not clause_break_between(text, tokens[lo - 1], tokens[lo]):
        lo -= 1
    hi = last
    while hi < len(tokens) and tokens[hi].sent == tokens[hi - 1].sent and \
            not clause_break_between(text, tokens[hi - 1], tokens[hi]):
        hi += 1
    return lo, hi


def clause_numbers(text: str, tokens: Tokens) -> tuple[int, ...]:
    """For each token of `text`, its clause's number: two neighbours share a number unless
    a new sentence or a clause break (`clause_break_between`) separates them."""
    return _clause_numbers(text, tokens)


def _clause_numbers(text: str, tokens: Tokens) -> tuple[int, ...]:
    """For each token of `text`, how many clause breaks (`clause_break_between`, or a new
    sentence) come before it: the clause bounds of any tokens are then two bisections.
    Computed once per text and kept on its tokens (the patterns ask for clauses several
    times per reflection), from one pass over the text's break characters."""
    kept = getattr(tokens, "_clauses", None)
    if kept is not None and kept[0] == text:
        return kept[1]
    n = len(tokens)
    starts, ends, sents = tokens.starts, tokens.ends, tokens.sents
    # new[i]: a new clause begins at token i (i > 0): a new sentence, or a break character
    # between it and token i - 1 that is not inside a number; the numbers are running sums.
    new = bytearray(n)
    for i in compress(range(1, n), map(ne, sents[1:], sents)):
        new[i] = 1
    soft = _soft_newlines(text) if "\n" in text else frozenset()
    for match in _CLAUSE_BREAK_RE.finditer(text):
        at = match.start()
        if at in soft:
            continue  # a line an editor wrapped goes on with the same clause
        i = bisect_right(starts, at)
        if 0 < i < n and at >= ends[i - 1] and not (
                starts[i] - ends[i - 1] == 1 and tokens[i - 1].text[-1:].isdigit()
                and tokens[i].text[:1].isdigit()):
            new[i] = 1
    column = tuple(accumulate(new))
    tokens._clauses = (text, column)
    return column


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the inside of every quoted passage, in order (a fresh list: the
    reading asks for the same text's spans several times, so they are kept for the last
    few texts)."""
    return list(_quoted_spans(text))


@lru_cache(maxsize=8)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    if not any(c in text for c in "\"'\u2018\u201c\u201e\u00ab\u2039\u300c\u300e"):
        return ()
    for match in _QUOTED_RE.finditer(text):
        for group in range(1, 9):
            if match.group(group) is not None:
                spans.append((match.start(group), match.end(group)))
                break
    return tuple(spans)


def tokens_in_spans(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> list[int]:
    """For each token, the index of the span containing it, or -1."""
    if not spans:
        return [-1] * len(tokens)
    if isinstance(tokens, Tokens):
        # Spans are in order and never overlap, and so are tokens: the tokens inside a
        # span are one run, from the first starting in it to the last ending in it.
        owned = [-1] * len(tokens)
        token_starts, token_ends = tokens.starts, tokens.ends
        for n, (lo, hi) in enumerate(spans):
            first, last = bisect_left(token_starts, lo), bisect_right(token_ends, hi)
            if first < last:
                owned[first:last] = [n] * (last - first)
        return owned
    starts = [s for s, _ in spans]
    owner: list[int] = []
    for tok in tokens:
        i = bisect_right(starts, tok.start) - 1
        owner.append(i if i >= 0 and tok.end <= spans[i][1] else -1)
    return owner

"""The journal's memory, without a model: one descriptive sentence about earlier
reflections for the offline engine, the cue words that find related reflections for a
model's prompt, and what was written on this day in earlier years.

The memory sentence says what is there, never what to do with it:

- **A recurring name.** A name in this reflection (a capitalised word inside a sentence,
  not a month, weekday or pronoun) that appears in at least two earlier reflections of the
  last 30 days: "Sam comes up for the third time this month." A capital that opens a
  sentence ("Sam forgot our anniversary.") counts when these reflections write it where a
  person stands ("Sam and I", "Sam says", "with Sam": `mirror.services.people`, as the
  digest finds people): people often start with the person, and a capital at the start
  alone cannot tell "Sam" from "Walked".
- **An echo.** The newest earlier reflection, more than a week old, sharing a phrase of
  two or three words of one clause that starts and ends with a content word ("old house"),
  or of four ("thinking about that bookshop": a line written again word for word is
  found; its quote is tried after the shorter phrases'): "On 3 March you wrote “I keep thinking about the old
  house”." The whole clause, quoted exactly, and short.

Privacy and care: a private reflection is never quoted into (nor counted for) a reflection
that is not private; a reflection that received care is never quoted or counted. Only
English has the sentence frames so far; another language gets no sentence rather than a
wrong one. Cost: indexed queries with small limits (a name by the created_at index over
the last 30 days, the echo by one full-text phrase query walked newest first), so it stays
cheap on every `reflect` however large the journal (bench/bench_memory.py).

Windows are measured back from the reflection's own timestamp (written from the journal's
clock), so the sentence is deterministic and a regenerated mirrorback remembers what came
before the reflection, not what came after.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from mirror.clock import utc_iso
from mirror.engine.analysis import Analysis
from mirror.engine.checks import check
from mirror.engine.prompt import reflection_date
from mirror.engine.reading import frames
from mirror.engine.tokenize import Token, clause_bounds, clause_break_between, tokenize
from mirror.lazy_re import kept
from mirror.models import Reflection
from mirror.services.context import JournalContext
from mirror.services.onthisday import MONTHS as _MONTHS
from mirror.services.onthisday import in_zone as _local
from mirror.services.onthisday import moment_of as _moment

NAME_WINDOW_DAYS = 30
NAME_MIN_EARLIER = 2      # earlier reflections naming them, for "for the third time"
NAMES_CHECKED = 3
OPENERS_CHECKED = 2       # capitals opening a sentence, tried as names after those inside one
NAME_COUNT_LIMIT = 10     # earlier ones counted exactly ("for the tenth time"), then "often"
ECHO_MIN_AGE_DAYS = 7
ECHO_PHRASES = 6
ECHO_BRIDGED = 3          # four-word phrases ("thinking about that bookshop") tried after them
ECHO_CANDIDATES = 4       # the newest earlier reflections holding a phrase, tried in turn
QUOTE_MAX_WORDS = 14
QUOTE_MAX_CHARS = 100
QUOTE_MIN_WORDS = 3
_NOT_NAMES = frozenset({
    *_MONTHS, "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "we", "us", "our", "you",
    "your", "he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "god",
    "ok", "okay", "today", "tonight", "tomorrow", "yesterday",
})
#: Characters before a capital that make it the start of something (a quotation, a list
#: item, a heading, a tag) rather than a name inside a sentence.
_STARTS = kept(r"[\n:;\"“”‘(\[#@*\-–—•]")
_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
             "eighth", "ninth", "tenth")
_QUOTES = "\"“”„«»"


@cache
def _stopwords() -> frozenset[str]:
    data = frames("en") or {}
    return frozenset(str(w).lower() for w in data.get("stopwords") or ())


def _bare(token: Token) -> str:
    """A token without a possessive ending: "Sam's" -> "Sam"."""
    text = token.text
    for ending in ("'s", "\u2019s"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def names_in(text: str) -> list[str]:
    """Names in `text`, in order of first appearance: words written with a capital inside a
    sentence (the way mirror.engine.reading finds them), never a sentence's first word, a
    month, a weekday, a pronoun, a word in capitals ("OK") or one after a quotation mark,
    colon or line break (those capitals start something)."""
    toks = tokenize(text)
    stop = _stopwords()
    found: dict[str, None] = {}
    for i in range(1, len(toks)):
        t, prev = toks[i], toks[i - 1]
        word = _bare(t)
        if len(word) < 2 or not word[0].isupper() or word.isupper() or not word.isalpha():
            continue
        if t.sent != prev.sent or _STARTS.search(text, prev.end, t.start):
            continue
        norm = word.casefold()
        if norm in _NOT_NAMES or norm in stop:
            continue
        found.setdefault(word, None)
    return list(found)


def sentence_openers(text: str) -> list[str]:
    """Capitalised words that open a sentence of `text` and could be names ("Sam forgot
    our anniversary"), in order, never a month, weekday, pronoun, common word or one in
    capitals. Only a candidate: `remember` takes one as a name when the reflections that
    hold it write it where a person stands (`_a_person`)."""
    toks = tokenize(text)
    stop = _stopwords()
    found: dict[str, None] = {}
    for i, t in enumerate(toks):
        if i and t.sent == toks[i - 1].sent:
            continue
        word = _bare(t)
        if len(word) < 2 or not word[0].isupper() or word.isupper() or not word.isalpha():
            continue
        if word.casefold() in _NOT_NAMES or word.casefold() in stop:
            continue
        found.setdefault(word, None)
    return list(found)


def _a_person(word: str, texts: list[str]) -> bool:
    """Whether `texts` (this reflection and the earlier ones holding `word`) speak of
    `word` as a person, by the digest's rules (mirror.services.people)."""
    from mirror.services import people  # only for a capital opening a sentence

    return word in people.count(texts)


def _content(token: Token, stop: frozenset[str]) -> bool:
    return token.norm.isalpha() and len(token.norm) >= 3 and token.norm not in stop


def cue_words(text: str, count: int) -> list[str]:
    """The words most telling of what a reflection is about, for finding related ones:
    its names first, then its two longest phrases ("old house", searched as phrases), then
    content words it repeats, then its longest words."""
    stop = _stopwords()
    toks = tokenize(text)
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for t in toks:
        if _content(t, stop) and len(t.norm) >= 4:
            counts[t.norm] = counts.get(t.norm, 0) + 1
            spelled.setdefault(t.norm, t.text)
    cues: dict[str, str] = {}
    for name in names_in(text):
        cues.setdefault(name.casefold(), name)
    for phrase in echo_phrases(text, 2):
        cues.setdefault(phrase, phrase)
    for norm, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if n >= 2:
            cues.setdefault(norm, spelled[norm])
    for norm in sorted(counts, key=len, reverse=True):
        if len(norm) > 6:
            cues.setdefault(norm, spelled[norm])
    return list(cues.values())[:count]


def echo_phrases(text: str, count: int = ECHO_PHRASES, sizes: tuple[int, ...] = (3, 2)) -> list[str]:
    """Phrases of `sizes` words (two or three) from one clause of `text` that start and
    end with a content word ("old house", "call my mother"), longest first, as full-text
    phrases. The echo also tries four ("thinking about that bookshop": two content words
    often have two small words between them), after these: as a cue for a model's prompt a
    four-word span is weaker than "old house"."""
    stop = _stopwords()
    toks = tokenize(text)
    found: dict[str, int] = {}
    for i, first in enumerate(toks):
        if not _content(first, stop):
            continue
        for size in sizes:
            j = i + size - 1
            if j >= len(toks):
                continue
            span = toks[i : j + 1]
            if any(a.sent != b.sent or clause_break_between(text, a, b)
                   for a, b in zip(span, span[1:], strict=False)):
                continue
            if not _content(toks[j], stop) or not all(t.norm.isalpha() for t in span):
                continue
            phrase = " ".join(t.norm for t in span)
            found.setdefault(phrase, sum(len(t.norm) for t in span if t.norm not in stop))
    return sorted(found, key=lambda p: -found[p])[:count]


def _ordinal_sentence(name: str, earlier: int) -> str:
    """"Sam comes up for the third time this month." up to the tenth time; beyond that
    (NAME_COUNT_LIMIT earlier ones or more) the count is not exact, and not needed."""
    times = earlier + 1
    if times < len(_ORDINALS):
        return f"{name} comes up for the {_ORDINALS[times]} time this month."
    return f"{name} comes up often this month."


def _spoken_day(created_at: str, zone: str, year_of_now: int) -> str:
    """"3 March", or "3 March 2024" when it was another year."""
    day = reflection_date(created_at, zone)
    suffix = f" {year_of_now}"
    return day[: -len(suffix)] if day.endswith(suffix) else day


def _clause_with(text: str, phrase: str) -> str | None:
    """The whole clause of `text` that holds `phrase` (normalised words), when it is short
    enough to quote and free of quotation marks; else None."""
    words = phrase.split()
    toks = tokenize(text)
    norms = toks.norms
    for i in range(len(toks) - len(words) + 1):
        if tuple(norms[i : i + len(words)]) != tuple(words):
            continue
        lo, hi = clause_bounds(text, toks, i, i + len(words))
        quote = text[toks[lo].start : toks[hi - 1].end]
        if (QUOTE_MIN_WORDS <= hi - lo <= QUOTE_MAX_WORDS and len(quote) <= QUOTE_MAX_CHARS
                and "\n" not in quote and not any(q in quote for q in _QUOTES)):
            return quote
    return None


def remember(ctx: JournalContext, reflection: Reflection, analysis: Analysis) -> str | None:
    """At most one short descriptive sentence about the person's earlier reflections, for
    the offline engine's mirrorback of `reflection` (see the module docstring), or None."""
    if not analysis.english or analysis.needs_care or analysis.gentle:
        return None
    text = reflection.content
    written = _moment(reflection.created_at)
    include_private = reflection.private
    store = ctx.store.reflections
    since = utc_iso(written - timedelta(days=NAME_WINDOW_DAYS))
    inside = names_in(text)[:NAMES_CHECKED]
    openers = [w for w in sentence_openers(text) if w not in inside][:OPENERS_CHECKED]
    for name in [*inside, *openers]:
        whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        rows = list(store.written_with(name, since=since, until=reflection.created_at,
                                       exclude_id=reflection.id,
                                       include_private=include_private,
                                       limit=NAME_COUNT_LIMIT))
        earlier = sum(1 for _, content, _ in rows if whole.search(content))
        if len(rows) == NAME_COUNT_LIMIT and earlier < NAME_COUNT_LIMIT:
            continue  # "Samantha" filled the rows: the count of "Sam" is not known exactly
        if name in openers and earlier >= NAME_MIN_EARLIER and not _a_person(
                name, [text, *(content for _, content, _ in rows)]):
            continue  # only ever at a sentence's start, and never where a person stands
        if earlier >= NAME_MIN_EARLIER:
            sentence = _ordinal_sentence(name, earlier)
            if check(sentence, text).passed:
                return sentence
    phrases = echo_phrases(text)
    phrases += [p for p in echo_phrases(text, ECHO_BRIDGED, (4,)) if p not in phrases]
    if not phrases:
        return None
    until = utc_iso(written - timedelta(days=ECHO_MIN_AGE_DAYS))
    candidates = store.with_phrases(phrases, until=until, exclude_id=reflection.id,
                                    include_private=include_private, limit=ECHO_CANDIDATES)
    for _, content, created_at, created_tz in candidates:
        for phrase in phrases:
            quote = _clause_with(content, phrase)
            if quote is None:
                continue
            day = _spoken_day(created_at, created_tz, _local(written, reflection.created_tz).year)
            sentence = f"On {day} you wrote \u201c{quote}\u201d."
            if check(sentence, text).passed:
                return sentence
    return None

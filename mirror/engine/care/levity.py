"""Laughter read by its form, in any language and script.

A person who writes "se l'Inter perde mi butto 😂", "想死的心都有了哈哈" or "kendimi
asacağım 😂" is joking, and says so with a mark that is not a word of any language: a
laughing emoji, a laughing syllable said again and again ("hahaha", "jajaja", "kkkk",
"wkwk", "ㅋㅋㅋ", "哈哈", "ههههه", "хаха", "www"), or an international shorthand ("lol",
"xD", "mdr"). Listing every spelling per language misses the next one ("ahahahah",
"jajsjsja", "kkkkkkk"), so the marks are read as a closed class of forms: a laughing
syllable repeated, or a laughing face. The tokeniser drops emoji and punctuation, so this
reads the raw text of each sentence.

Laughter is a cap, never a silencer (scoring.yaml `hyperbole_joking`): alone it brings a
signal down to the gentle line; with hyperbole (a trivial object named beside it) below
it. A clear statement with no joke is untouched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from mirror.lazy_re import kept

#: Faces that laugh, wink or tease. A plain smile (":)", "🙂") is not here: it is as often
#: a brave face as a joke.
_FACES = "😂🤣😹😆😅😜😝😛🤪😉🙃😄😁"

#: Laughing syllables said again and again, by script. Each is a whole token, so "hehe"
#: but not "hehemoth"; Han and Hangul laughter is written without spaces and is read as
#: a run wherever it stands.
_LATIN = (
    r"(?:bw|mu|mw|bu)?a?(?:h+[aeiou]+){2,}h*",   # haha, ahahah, hehe, hihi, muahaha
    r"(?:j+[aeiou]+){2,}j*",                      # jaja, jejeje, jiji
    r"a?(?:j+[aeis]+){3,}",                       # jajsjsja (laughing keyboard)
    r"k{3,}",                                     # kkkk
    r"(?:rs){2,}",                                # rsrs
    r"(?:wk)+w?k?(?:wk)+|(?:kw){2,}|awok(?:wok)+",  # wkwk, kwkw, awokwok
    r"(?:xi){2,}|(?:ke){2,}",                     # xixi, keke
    r"(?:s[kj]){2,}s?",                           # sksksk, sjsj
    r"x+d+|l+o+l+(?:o+l+)*|lm+f?a+o+|rofl|mdr+|ptdr+|kek|jk",  # xD, lol, lmao, mdr, ptdr
)
_CYRILLIC = r"а?(?:х+[аеио]+){2,}х*|(?:ах){2,}х?|л+о+л+|ржу+"   # хаха, ахах, лол
_DEVANAGARI = r"(?:हा|हे|ही){2,}"
_ARABIC = r"ه{3,}|(?:خخ){2,}"
#: Runs that stand inside unspaced text ("仕事行くwww", "笑死hhh"), bounded only by Latin
#: letters and digits (so no "www." address and no "h" inside a word).
_RUN_PARTS = (r"[ㅋㅎ]{2,}|(?:크){2,}|(?:哈|呵|嘿|嘻){2,}|[（(]笑[)）]",
              r"(?<![A-Za-z0-9./])(?:[wｗ]{2,}|h{3,})(?![A-Za-z0-9./])",
              r"(?<![0-9])(?:5{3,}|2333+)(?![0-9])",
              r"(?<![^\W\d_])ha(?:[ \-]+ha){2,}(?![^\W\d_])")
_RUNS = "|".join(_RUN_PARTS)
_EMOTICONS = r"(?<![\w])(?:[:;=]-?[dp]+|;-?\)|[:=]\){2,}|\^[_\-]?\^|\){3,})(?![\w])"


@lru_cache(maxsize=1)
def _laugh_re() -> re.Pattern[str]:
    words = "|".join((*_LATIN, _CYRILLIC, _DEVANAGARI, _ARABIC))
    return kept(
        rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])"    # a whole token of letters
        rf"|{_RUNS}|{_EMOTICONS}|[{_FACES}]",
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _parts() -> tuple[re.Pattern[str], re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """`_laugh_re` taken apart for `laughs` (the same flags, so the same letters): a
    letter run, a whole token of laughter, and the other alternatives one by one."""
    words = "|".join((*_LATIN, _CYRILLIC, _DEVANAGARI, _ARABIC))
    return (kept(r"[^\W\d_]+", re.IGNORECASE),
            kept(rf"(?:{words})", re.IGNORECASE),
            tuple(kept(p, re.IGNORECASE) for p in (*_RUN_PARTS, _EMOTICONS)))


@lru_cache(maxsize=1)
def _ascii_letters() -> re.Pattern[str]:
    """`_parts()`'s letter run for a text of ASCII characters only: the same runs."""
    return kept(r"[A-Za-z]+")


#: The characters without which each of `_parts()`'s other alternatives cannot match (none
#: of them has another case): Hangul and Han laughter, "555"/"2333", a laughing face.
_HAN_HANGUL = frozenset("ㅋㅎ크哈呵嘿嘻笑")
#: What an emoticon (`_EMOTICONS`) cannot be written without: one of these marks, or a
#: colon before a dash, a d, a p or a bracket (":-)", ":D", ":p", ":))"), or three
#: brackets. A colon or a bracket alone (a list, a time, an aside in brackets) is in most
#: entries, and searching for the pattern costs as much as reading the letter runs.
_EMOTICON_MARKS = (";", "=", "^")
_EMOTICON_PAIRS = (":-", ":d", ":D", ":p", ":P", ":)", ")))")
_FACE_SET = frozenset(_FACES)
#: The letter runs seen that are laughter, and those that are not (a journal's words
#: recur), then forgotten; a text's runs are set against them at once.
_LAUGHING: set[str] = set()
_NOT_LAUGHING: set[str] = set()
_RUN_MEMO_LIMIT = 100_000


def laughs(text: str) -> bool:
    """Whether `text` holds laughter: a laughing syllable repeated, a laughing face or
    emoticon, or the shorthand every language borrows ("lol", "xD").

    Exactly `_laugh_re().search(text) is not None`, at a third of the cost: that pattern
    tries a dozen alternatives at every character. A token of laughter other than the
    Devanagari one is all letters between two non-letters, so it is a whole letter run,
    and each run's answer is kept; every other alternative is tried only when the text
    holds the characters it cannot match without (tests/engine/test_care_levity.py holds
    this to the pattern)."""
    plain = text.isascii()  # then no face, no Han or Hangul, and letters are A-Z
    if not plain and not _FACE_SET.isdisjoint(text):
        return True
    letters, token, (han, ws, digits, ha, emoticon) = _parts()
    if "\u0939" in text:  # ह: the Devanagari laugh holds vowel signs, which are not letters
        return _laugh_re().search(text) is not None
    runs = set((_ascii_letters() if plain else letters).findall(text))
    runs -= _NOT_LAUGHING
    if runs:
        if not runs.isdisjoint(_LAUGHING):
            return True
        if len(_NOT_LAUGHING) + len(_LAUGHING) >= _RUN_MEMO_LIMIT:
            _NOT_LAUGHING.clear()
            _LAUGHING.clear()
        for run in runs:
            if token.fullmatch(run) is not None:
                _LAUGHING.add(run)
                return True
            _NOT_LAUGHING.add(run)
    if not plain and not _HAN_HANGUL.isdisjoint(text) and han.search(text):
        return True
    low = text.lower()  # w, W, ｗ, Ｗ, h, H, a and A each lower to one character
    if ("ww" in low or "ｗｗ" in low or "wｗ" in low or "ｗw" in low or "hhh" in low) and ws.search(text):
        return True
    if ("555" in text or "2333" in text) and digits.search(text):
        return True
    if ("ha " in low or "ha-" in low) and ha.search(text):
        return True
    return (any(mark in text for mark in _EMOTICON_MARKS) or any(pair in text for pair in _EMOTICON_PAIRS)) \
        and emoticon.search(text) is not None


def only_laughter(text: str) -> bool:
    """Whether `text` is laughter and nothing else ("Hahaha.", "😂😂", "ㅋㅋㅋ"): such a
    sentence laughs at the one before it."""
    rest = _laugh_re().sub("", text)
    return laughs(text) and not any(ch.isalnum() for ch in rest)


def laughing(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence (its [start, end) in `text`, end where the next begins, so the
    stop and a face after it belong to it), whether it laughs: itself, or a sentence of
    laughter alone right after it ("I'll hang myself. hahaha")."""
    if not laughs(text):
        return [False] * len(spans)
    own = [laughs(text[s:e]) for s, e in spans]
    alone = [flag and only_laughter(text[s:e]) for flag, (s, e) in zip(own, spans)]
    return [flag or (k + 1 < len(own) and alone[k + 1]) for k, flag in enumerate(own)]

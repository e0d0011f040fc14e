"""Which trigrams of a substring needle every text holding it must have in the substring
index (`reflections_fts_substring`, migration 013), so that the index can name the
candidates of `list --contains` without ever missing one.

`--contains` compares casefolded text (Python's full case folding: "Straße" holds
"STRASSE"), while the trigram tokenizer folds each character on its own with SQLite's older
tables. The two agree on almost every character. Where they differ:

- characters whose casefold is several characters ("ß" → "ss", "ﬁ" → "fi", "İ" → "i̇"):
  a character of the needle may have come from one only where such a casefold fits the
  needle around it (an "s" next to another "s", an "f" before "i"; its first or last
  character may be the end of one). A trigram holding such a character is not asked.
- characters SQLite leaves as they are while casefold maps them to another one (Georgian
  Mtavruli, Cherokee, old Cyrillic letter forms such as "ᲂ" for "о", letters added to
  Unicode after 6.1): a needle's "о" may stand for "о" or "ᲂ" in the index, so its
  trigrams are asked as alternatives ("сло" OR "ᲃло"...).

(U+FFFE and U+FFFF, which SQLite reads as U+FFFD, are no trouble: the needle's are read
so too.) `tests/search/test_substring_index.py` checks these tables against the running
SQLite (and SQLCipher's), character by character.
"""

from __future__ import annotations

from functools import cache
from itertools import product

#: Characters the trigram tokenizer leaves unfolded although their casefold is one other
#: character (ranges): the index holds them as they are.
_UNFOLDED = (
    (0x037F, 0x037F), (0x0528, 0x0528), (0x052A, 0x052A), (0x052C, 0x052C), (0x052E, 0x052E),
    (0x13F8, 0x13FD), (0x1C80, 0x1C88), (0x1C90, 0x1CBA), (0x1CBD, 0x1CBF), (0x2C2F, 0x2C2F),
    (0xA698, 0xA698), (0xA69A, 0xA69A), (0xA796, 0xA796), (0xA798, 0xA798), (0xA79A, 0xA79A),
    (0xA79C, 0xA79C), (0xA79E, 0xA79E), (0xA7AB, 0xA7AE), (0xA7B0, 0xA7B4), (0xA7B6, 0xA7B6),
    (0xA7B8, 0xA7B8), (0xA7BA, 0xA7BA), (0xA7BC, 0xA7BC), (0xA7BE, 0xA7BE), (0xA7C0, 0xA7C0),
    (0xA7C2, 0xA7C2), (0xA7C4, 0xA7C7), (0xA7C9, 0xA7C9), (0xA7D0, 0xA7D0), (0xA7D6, 0xA7D6),
    (0xA7D8, 0xA7D8), (0xA7F5, 0xA7F5), (0xAB70, 0xABBF), (0x104B0, 0x104D3),
    (0x10570, 0x1057A), (0x1057C, 0x1058A), (0x1058C, 0x10592), (0x10594, 0x10595),
    (0x10C80, 0x10CB2), (0x118A0, 0x118BF), (0x16E40, 0x16E5F), (0x1E900, 0x1E921),
)
#: Casefolds of several characters (each from a character SQLite folds to one).
_MULTI = (
    "a\u02be", "ff", "ffi", "ffl", "fi", "fl", "h\u0331", "i\u0307", "j\u030c", "ss", "st",
    "t\u0308", "w\u030a", "y\u030a", "\u02bcn", "\u03ac\u03b9", "\u03ae\u03b9", "\u03b1\u0342",
    "\u03b1\u0342\u03b9", "\u03b1\u03b9", "\u03b7\u0342", "\u03b7\u0342\u03b9", "\u03b7\u03b9",
    "\u03b9\u0308\u0300", "\u03b9\u0308\u0301", "\u03b9\u0308\u0342", "\u03b9\u0342",
    "\u03c1\u0313", "\u03c5\u0308\u0300", "\u03c5\u0308\u0301", "\u03c5\u0308\u0342",
    "\u03c5\u0313", "\u03c5\u0313\u0300", "\u03c5\u0313\u0301", "\u03c5\u0313\u0342",
    "\u03c5\u0342", "\u03c9\u0342", "\u03c9\u0342\u03b9", "\u03c9\u03b9", "\u03ce\u03b9",
    "\u0565\u0582", "\u0574\u0565", "\u0574\u056b", "\u0574\u056d", "\u0574\u0576",
    "\u057e\u0576", "\u1f00\u03b9", "\u1f01\u03b9", "\u1f02\u03b9", "\u1f03\u03b9",
    "\u1f04\u03b9", "\u1f05\u03b9", "\u1f06\u03b9", "\u1f07\u03b9", "\u1f20\u03b9",
    "\u1f21\u03b9", "\u1f22\u03b9", "\u1f23\u03b9", "\u1f24\u03b9", "\u1f25\u03b9",
    "\u1f26\u03b9", "\u1f27\u03b9", "\u1f60\u03b9", "\u1f61\u03b9", "\u1f62\u03b9",
    "\u1f63\u03b9", "\u1f64\u03b9", "\u1f65\u03b9", "\u1f66\u03b9", "\u1f67\u03b9",
    "\u1f70\u03b9", "\u1f74\u03b9", "\u1f7c\u03b9",
)
#: The characters of those casefolds: a needle without any needs no alignment tried.
_IN_MULTI = frozenset("".join(_MULTI))
TRIGRAM = 3


@cache
def _alternatives() -> dict[str, str]:
    """Casefolded character → the unfolded characters the index may hold for it."""
    found: dict[str, str] = {}
    for lo, hi in _UNFOLDED:
        for code in range(lo, hi + 1):
            found[chr(code).casefold()] = found.get(chr(code).casefold(), "") + chr(code)
    return found


def unsure(sought: str) -> list[bool]:
    """For each character of the casefolded `sought`: whether a text holding `sought` may
    have it from a character the index folds otherwise (see the module docstring)."""
    marks = [False] * len(sought)
    if not _IN_MULTI.intersection(sought):
        return marks
    size = len(sought)
    for image in _MULTI:
        width = len(image)
        for start in range(1 - width, size):  # the image may run past either end
            lo, hi = max(start, 0), min(start + width, size)
            if all(sought[i] == image[i - start] for i in range(lo, hi)):
                for i in range(lo, hi):
                    marks[i] = True
    return marks


def trigrams(sought: str, *, casefolded: bool = True) -> list[list[str]]:
    """The trigrams of `sought` every text holding it has in the substring index, each as
    its alternatives (one of them is there): a covering of its sure stretches (every third
    trigram and the last of each stretch; more would add little but reading time). Empty:
    the index cannot narrow the search. `casefolded` False: `sought` is ASCII, lowered, and
    compared as SQLite's LIKE does (ASCII letters only), so the text characters it matches
    are ASCII, and each is sure and itself."""
    marks = unsure(sought) if casefolded else [False] * len(sought)
    others = _alternatives() if casefolded else {}
    chosen: list[list[str]] = []
    start = 0
    while start < len(sought):
        if marks[start]:
            start += 1
            continue
        end = start
        while end < len(sought) and not marks[end]:
            end += 1
        if end - start >= TRIGRAM:
            positions = list(range(start, end - TRIGRAM + 1, TRIGRAM))
            if positions[-1] != end - TRIGRAM:
                positions.append(end - TRIGRAM)
            for at in positions:
                gram = sought[at:at + TRIGRAM]
                chosen.append(["".join(chars) for chars in
                               product(*(ch + others.get(ch, "") for ch in gram))])
        start = end
    unique = {tuple(group): group for group in chosen}
    return list(unique.values())


def match_query(groups: list[list[str]]) -> str:
    """An FTS5 query asking for one trigram of every group (each quoted: any character)."""
    quoted = [" OR ".join('"' + gram.replace('"', '""') + '"' for gram in group) for group in groups]
    return " AND ".join(f"({q})" if len(group) > 1 else q for q, group in zip(quoted, groups))

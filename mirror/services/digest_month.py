"""What a month digest says that its weeks cannot: how the month moved.

A month read as four weekly digests glued together repeats their lines and misses its own
shape. Beside the lines it quotes (`digest._month_lines`: the entry where the month's tone
turned, the lines its weeks left out, and no more than `digest.MONTH_REPEATS` lines they
quoted), it says what only a month can:

- **What ran through it**: the short sentences the person kept writing, with how many
  entries hold each ("Again and again: “Tired.” (3)", `refrains`); a line made of one is
  not quoted besides, and no sentence is quoted twice.

- **Where it turned**: the quoted line of the entry where the month's tone changed
  (`digest.turn_of`) is marked so ("Tuesday 25 August (where it turned): “…”").
- **From its first week to its last**: the most felt sentence of its first seven days and
  of its last seven, side by side, as written ("From the month's first week to its last:
  “I said congratulations and meant about half of it.” (4 November) … “I laughed more than
  I have all month.” (30 November)", `moved`); said once, so the month's lines leave those
  sentences and its landing to it, and quote fewer of its weeks' lines (`digest.MOVED_REPEATS`).
- **Who came and went across the weeks**: the people named in every week of a month of
  three weeks or more, and those who came into it late and stayed, or faded out before its
  end ("Across the weeks: Ewa every week; Heniek from 25 August on"). A person named once
  has no arc and is not said.

Its words are the digest's frame words (`constitution/digest/<language>.yaml`, read by
`digest_words`: "turned", "across", "every_week", "from_day", "until_day", "and", "moved"); a
language without a file is spoken in signs, as the neutral frame is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from mirror.engine.prompt import reflection_date
from mirror.models.digests import Arc, Counted
from mirror.services import digest_words, people
from mirror.storage.periods import PeriodEntry

EVERY_WEEKS = 3      # weeks of a month with entries for "every week" to say something
EDGE_DAYS = 4        # ...each with this many of its days in the month (else an edge of it)
ARC_ENTRIES = 2      # entries a person must come up in to have come or gone
LATE = 0.3           # of the month's entries written before someone first came up, to have come
GONE = 0.6           # ...and after the last entry naming them, to have gone
ARC_PEOPLE = 4       # people said across the weeks, at most


#: The month's words, by what the digest asks for -> their key in the language's file.
_KEYS = {"turned": "turned", "across": "across", "every": "every_week", "from": "from_day",
         "until": "until_day", "and": "and"}


def say(language: str, key: str, **values: object) -> str:
    """The month's words for `key` in `language` (its digest file, else the neutral one)."""
    return digest_words.words(language).say(_KEYS[key], **values)


def _day(entry: PeriodEntry) -> date:
    said = digest_words.line_day(reflection_date(entry.created_at, entry.created_tz))
    return said or date.fromisoformat(entry.created_at[:10])


def arcs(entries: Sequence[PeriodEntry], names: Sequence[str],
         language: str | None = None) -> tuple[Arc, ...]:
    """The arcs of the month's `names` (the people the digest lists, most mentioned first)
    over its `entries`: named in every week with entries (`EVERY_WEEKS` or more, each with
    `EDGE_DAYS` of its days in the month: a week at its edge may go without); first
    named only after the month's first `LATE` of entries and still in its last week
    ("from"); named in its first week and no more after `GONE` of its entries ("until") —
    each in `ARC_ENTRIES` entries at least (a week of one day at the month's edge is no
    stretch of it). A relation
    without a name ("your sister") is not searched for: its words are declined and shared.
    In a language that declines names each is found in all its cases ("Ewa", "z Ewą", "o
    Ewie": `people.same_name`)."""
    ordered = sorted(entries, key=lambda e: e.created_at)
    days = [_day(e) for e in ordered]
    weeks = sorted({d.isocalendar()[:2] for d in days})
    if len(weeks) < 2:
        return ()
    index = {w: k for k, w in enumerate(weeks)}
    # The month's weeks, less one at its edge that holds only a day or three of it
    # (Sunday 1 November, Monday 30 November): someone in every other week was there
    # every week.
    month = days[len(days) // 2].replace(day=1)
    full = {k for k, (year, week) in enumerate(weeks)
            if sum(date.fromisocalendar(year, week, d).replace(day=1) == month
                   for d in range(1, 8)) >= EDGE_DAYS}
    out: list[Arc] = []
    for name in names:
        if name.startswith("your ") or len(out) >= ARC_PEOPLE:
            continue
        named = people.same_name(name, language)
        at = [k for k, e in enumerate(ordered) if named(e.content)]
        seen = [days[k] for k in at]
        if len(seen) < ARC_ENTRIES:
            continue
        present = {index[d.isocalendar()[:2]] for d in seen}
        last = len(weeks) - 1
        if len(full) >= EVERY_WEEKS and full <= present:
            out.append(Arc(name, "every", ""))
        elif at and at[0] >= LATE * len(ordered) and last in present:
            out.append(Arc(name, "from", seen[0].isoformat()))
        elif 0 in present and at[-1] < GONE * len(ordered) and max(present) < last:
            out.append(Arc(name, "until", seen[-1].isoformat()))
    return tuple(out)


def across(found: Sequence[Arc], language: str, w: digest_words.Words) -> str:
    """The month's arcs said in one line, or "" when there are none."""
    if not found:
        return ""
    every = [w.relation(a.name) for a in found if a.kind == "every"]
    items = [say(language, "every", names=say(language, "and").join(every))] if every else []
    for a in found:
        if a.kind != "every":
            items.append(say(language, a.kind, name=w.relation(a.name),
                             day=w.day(date.fromisoformat(a.day), short=True)))
    return say(language, "across", items="; ".join(items))


# -- what ran through it ------------------------------------------------------------------------
REFRAIN_WORDS = 4     # a sentence this short, written again and again, is the month's refrain
REFRAIN_ENTRIES = 3   # ...in this many entries at least
REFRAIN_SHARE = 0.1   # ...and in this share of the month's entries (three of a thousand is chance)
REFRAINS = 3          # refrains said, at most
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_TAG = re.compile(r"[#@][\w-]+")  # "#writing" closing an entry: a tag, said among the tags


def sentences_of(text: str) -> list[str]:
    """`text`'s sentences as written (the split `sentence_keys` and `refrains` read by)."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def sentence_keys(text: str) -> list[str]:
    """`text`'s sentences as keys that match however they were punctuated or capitalised
    ("Tired." and "tired!" are one): its words in lower case, joined by spaces."""
    keys = []
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence.casefold())
        if words:
            keys.append(" ".join(words))
    return keys


def refrains(entries: Sequence[PeriodEntry]) -> tuple[Counted, ...]:
    """What ran through the month in the person's own words: a short sentence (up to
    `REFRAIN_WORDS` words) written in `REFRAIN_ENTRIES` entries or more and
    `REFRAIN_SHARE` of the month's, across two weeks or more ("Tired." on the mornings
    after night shifts, "Zmęczony." after a day's driving; never a tag, "#writing"), as
    first written, with the entries it is in. A month quoting such a line in every other
    day's quote read as its days listed; said once with its count, it is what the month
    kept coming back to."""
    said: dict[str, str] = {}
    where: dict[str, set[str]] = {}
    weeks: dict[str, set[tuple[int, int]]] = {}
    for entry in sorted(entries, key=lambda e: e.created_at):
        week: tuple[int, int] | None = None
        for sentence in _SENTENCE_END.split(entry.content.strip()):
            if sentence.count(" ") > 2 * REFRAIN_WORDS:
                continue  # (most sentences of a month: read no further)
            words = _WORD.findall(_TAG.sub(" ", sentence).casefold())
            if not words or len(words) > REFRAIN_WORDS or not any(w.isalpha() for w in words):
                continue
            key = " ".join(words)
            week = week or _day(entry).isocalendar()[:2]
            said.setdefault(key, sentence.strip())
            where.setdefault(key, set()).add(entry.id)
            weeks.setdefault(key, set()).add(week)
    least = max(REFRAIN_ENTRIES, REFRAIN_SHARE * len(entries))
    found = [k for k in where if len(where[k]) >= least and len(weeks[k]) >= 2
             and not _TAG.search(said[k])]
    first = {k: n for n, k in enumerate(said)}
    found.sort(key=lambda k: (-len(where[k]), first[k]))
    return tuple(Counted(said[k], len(where[k]), 0) for k in found[:REFRAINS])


def refrain_line(found: Sequence[Counted], language: str) -> str:
    """The month's refrains said in one line ("Again and again: “Tired.” (4)"), or ""."""
    if not found:
        return ""
    w = digest_words.words(language)
    return w.say("refrain", items=", ".join(f"“{c.name}” ({c.count})" for c in found))


# -- from its first week to its last -------------------------------------------------------------
MOVED_WEEKS = 3      # weeks with entries a month must span for its first and last to be set side by side
MOVED_DAYS = 7       # its first week and its last: its first seven days and its last seven
MOVED_SHORT = 3      # a sentence shorter than this is read with the one before it ("Film, Pizza. Gut.")
MOVED_MAX_WORDS = 30  # ...and one longer than this is a paragraph, not a line
MOVED_READ = 40      # entries of each end read sentence by sentence, the most promising first


def _pieces(text: str) -> list[str]:
    """`text`'s sentences, as written, a very short one joined to the one before it: "Gut."
    after "Mit Lukas auf dem Sofa, Film, Pizza." says how that evening went."""
    out: list[str] = []
    for sentence in (s.strip() for s in sentences_of(text)):
        if len(_WORD.findall(sentence)) >= MOVED_SHORT:
            out.append(sentence)
        elif out and f"{out[-1]} {sentence}" in text:
            out[-1] = f"{out[-1]} {sentence}"  # (a short one opening the entry stands alone)
    return [p for p in out if len(_WORD.findall(p)) <= MOVED_MAX_WORDS]


def moved(entries: Sequence[PeriodEntry], tone: Callable[[str], float],
          refrain: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset(),
          promise: Callable[[PeriodEntry], float] | None = None
          ) -> tuple[tuple[PeriodEntry, str], tuple[PeriodEntry, str]] | None:
    """What changed between a month's first week and its last, in the person's own words:
    the most felt sentence of its first `MOVED_DAYS` days and of its last (the one whose
    `tone` is strongest: the month's own reading, VADER's in English, its feeling and
    plain tone words elsewhere; the later on a tie, where the day landed), as written — or
    None when the month's entries span fewer than `MOVED_WEEKS` weeks, or either end says
    nothing felt. Never one of its `refrain` sentences ("Tired." is said with its count),
    nor one of the entries in `skip` (where it turned: quoted as a line of its own). In a
    large journal only the `MOVED_READ` entries of each end that `promise` (a cheap
    pre-score) ranks first are read sentence by sentence: a week at 100k reflections is
    three hundred entries.

    A month of short entries quoted five of the lines its weeks had quoted, and said
    nothing its weeks did not; set side by side, how its first week sounded and how its
    last did is what only the month can show ("I was fine until the car park." … "I
    laughed more than I have all month.")."""
    ordered = sorted(entries, key=lambda e: e.created_at)
    if not ordered:
        return None
    days = [_day(e) for e in ordered]
    if len({d.isocalendar()[:2] for d in days}) < MOVED_WEEKS:
        return None
    ends = _ends(days)

    def best(since: date, until: date) -> tuple[PeriodEntry, str] | None:
        found: tuple[float, int, PeriodEntry, str] | None = None
        here = [(k, entry) for k, (entry, day) in enumerate(zip(ordered, days, strict=True))
                if since <= day < until and entry.id not in skip]
        if promise is not None and len(here) > MOVED_READ:
            here = sorted(here, key=lambda ke: (-promise(ke[1]), ke[0]))[:MOVED_READ]
        for k, entry in here:
            for n, piece in enumerate(_pieces(entry.content)):
                if set(sentence_keys(piece)) & refrain or _TAG.search(piece):
                    continue
                felt = abs(tone(piece))
                if felt and (found is None or (felt, k * 100 + n) >= found[:2]):
                    found = (felt, k * 100 + n, entry, piece)
        return (found[2], found[3]) if found else None

    first, last = best(*ends[0]), best(*ends[1])
    if first is None or last is None or first[0].id == last[0].id:
        return None
    return first, last


def _ends(days: Sequence[date]) -> tuple[tuple[date, date], tuple[date, date]]:
    """The month's first `MOVED_DAYS` days and its last, as [since, until) spans (the month
    is the one holding the middle of `days`, the days of its entries in order)."""
    month = days[len(days) // 2].replace(day=1)
    following = (month + timedelta(days=32)).replace(day=1)
    return ((month, month + timedelta(days=MOVED_DAYS)),
            (following - timedelta(days=MOVED_DAYS), following))


def at_the_ends(entries: Sequence[PeriodEntry]) -> frozenset[str]:
    """The IDs of the month's entries written in its first `MOVED_DAYS` days or its last:
    where `moved` reads, so the month's lines are drawn from between them first."""
    ordered = sorted(entries, key=lambda e: e.created_at)
    if not ordered:
        return frozenset()
    days = [_day(e) for e in ordered]
    spans = _ends(days)
    return frozenset(e.id for e, d in zip(ordered, days, strict=True)
                     if any(a <= d < b for a, b in spans))


def moved_line(first: str, last: str, first_day: str, last_day: str, language: str) -> str:
    """The month's first week and its last side by side in one line ("From the month's
    first week to its last: “…” (2 November) … “…” (30 November)")."""
    return digest_words.words(language).say("moved", first=first, last=last,
                                             first_day=first_day, last_day=last_day)

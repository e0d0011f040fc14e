"""Digests ("dreaming", DESIGN §7): a descriptive summary of one week or one month.

A digest says what is there and never what to do about it: the patterns and tensions that
recurred (with counts), a few of the person's own most salient lines (quoted exactly, with
their dates), the people, tags and threads that came up, and how the counts moved against
the period before. Its text is checked by the constitutional guardian like a mirrorback
(`mirror.engine.checks.check`), with the period's own words as the reflection, so words
quoted from the person never count against it.

- **Salience** is what the person felt, not what happened, nor how long they wrote: each
  sentence of an entry is weighed by the offline reading (`mirror.engine.reading.read`)
  and by `felt` (the feeling words in it, more in the person's own voice, their stance:
  "I'm holding on to that"), by how loudly it is said (`emphasis`), its turn and where the
  entry lands; a bare fact weighs less than nothing. A short entry is one thought, quoted
  whole; a quote keeps the short sentence that turns or lands it (`around`) and the line
  it leans on. Reading costs about 2 ms an entry, so a cheap pre-score (feeling and VADER
  words, "?", "!", life events) keeps the `CANDIDATES` most promising entries of the
  period — every entry of a week — and only those are read. The lines are drawn from
  across the period (`_across`) so that in order they tell how it went — a month's from
  across its weeks, each week's best and then the month's strongest, no week more than its
  share (`_across_weeks`), not its weekly digests laid end to end: no more than
  `MONTH_REPEATS` lines its weeks already quoted (`MOVED_REPEATS` when its first week and
  its last are set side by side in their most felt sentences, `digest_month.moved`), no
  sentence twice, and the short sentences written again and again said once with their
  count (`digest_month.refrains`). A line that opens on
  "he" or "danach" comes with its set-up (`digest_setups`); a death or a
  birth told is always quoted, by the sentence that tells it, and a death told is said in
  one plain line (`_loss`). What happened stays in `--json` (`_happened`: "Mum's stroke").
- **The feeling of the period** is worked out for `--json` only (`feeling`: "A week that
  began with worry and ended with pride"; the printed digest leaves it out, see `render`),
  only from feelings the person said of themselves (the
  offline reading of each entry read in full, and of the period's last `LAST_READ`),
  and each sentence with a feeling word read on its own by the same reading
  (`_said_by_sentence`: "I'm sad, and I'm also a bit excited" is both), never joy the
  reading found only in laughter ("I laughed … then felt guilty"); weighed toward the period's end and each
  entry's last line (`feeling`). One feeling said once in a week of several entries, not
  at its end, is not the week's alone (`LONE`): it is said with the week's other feelings,
  or not at all.
- **News told short** ("Girl. 7lb 2oz.", "passed. two minors.") is quoted where the period
  first tells it (`NEWS`), and the period's last entry, where it lands, is shown when there
  is room even without a feeling word.
- **Words.** The digest speaks the period's language (`digest_words`): its frame comes
  from `constitution/digest/<language>.yaml`, or signs and ISO dates for a language
  without one. The person's lines come first and the counts last; names carry no tallies.
- **People** are those the person does things with or feels about, relations included
  ("your sister", "Mum"); nationalities, holidays and places are not (`services.people`).
  Like patterns, they are counted in the period before too (by the same rules: care
  entries never, private ones only when this period's are).
- **Private** entries follow one rule everywhere. A digest is written for the person on
  their own machine and is never stored, so a private entry is read like any other: its
  line quoted where it holds the period, marked "(private)" in the text and `private` in
  `--json`, its people named, its counts counted (a week does not lose its heart because
  the person kept it to themselves). Whatever leaves the machine — a remote engine's
  request — is a digest built as if the private entries had not been written: no line,
  name or count from them (`_build(..., include_private=False)`). An entry not quoted is
  left out by its salience or its care tier, never by being private.
- **Care.** A reflection answered with care (the care tier) is never quoted, counted for
  names, patterns or tensions: after the person's own lines the digest says plainly how
  many were answered with care and shows the line that help exists and the person's saved
  resources, as `reflect` does. One that got a mirrorback with the gentle line beside it is
  not quoted either, but is no care response: the digest says nothing of care for it.
- **Models.** With `engine=True` the configured engine (the reflect path's choice,
  `engines.configured_adapter`) rewrites the offline digest from its facts under the same
  rules: care reflections never sent, private ones never to a remote engine, every request
  in the egress ledger, the answer checked and replaced by the offline digest when it fails.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from mirror import constitution
from mirror.clock import utc_iso
from mirror.dates import parse_when
from mirror.engine.care import gentle_line
from mirror.engine.checks import check
from mirror.engine.prompt import reflection_date
from mirror.engine.reading import Moment, Reading, frames, read, valences
from mirror.engine.tokenize import Tokens, as_tokens, tokenize
from mirror.errors import InvalidInput
from mirror.models.digests import Counted, Digest, DigestCare, Period, SalientLine
from mirror.services import digest_month, digest_tone, digest_words
from mirror.services import people as people_in
from mirror.services.context import JournalContext
from mirror.services.digest_reading import (
    DEATH_WORDS,
    ESSENTIAL,
    QUOTE_MAX_WORDS,
    around,
    aside,
    continues,
    death_told,
    emphasis,
    event,
    event_name,
    exact,
    feeling_families,
    feeling_lexicon,
    feelings_in,
    felt,
    is_list_line,
    is_short,
    leans_back,
    marked,
    mood,
    outburst,
    pivots,
    points_back,
    praise_span,
    prose_tail,
    sarcastic_span,
    told,
    turns,
    valence_of,
    whole,
    with_antecedent,
    with_who,
    wry,
    wry_span,
)
from mirror.services.digest_setups import DANGLING, cut_from_setup, dangles, setup_start
from mirror.storage import periods
from mirror.storage.periods import PeriodEntry

KINDS = ("week", "month")
CANDIDATES = 40        # entries read in full for their centre (see module docstring)
LINES = 5              # salient lines shown in a week
MONTH_LINES = 7        # ...and in a month, whose turn a week's five lines missed
WEEK_SHARE = 0.4       # of a month's lines, the most one week gives (at least two)
ACROSS = 0.35         # a part's best line is taken first only if it weighs this much of the best's
TURN = 0.75           # a line holding the entry's turn ("but", "yet")
PIVOT = 2.5            # a line opening the second half of its entry on a turn ("But…", "In the end…")
ASIDE = 1.0           # a line with laughter written in it: a funny aside, not the turn
OUTBURST = 3.0        # news said aloud in a few words ("Accepted!", "OFFER!!!!"): felt
LANDING = 0.5         # a line that ends the entry: where it lands
TOLD_DETAIL = 8       # words of the sentence after a birth or a death told, quoted with it
LANDING_WORDS = 10    # the entry's last sentence, this short, goes with a line before it
LANDING_SHORT = 6     # ...felt, or this short, with the sentence it answers
LANDING_GAP = 12      # ...joined whole when this few words lie between, else after "…"
PLAN = 2.0            # a last line that only makes a plan ("I think" in it is no stance)
SHORT = 0.75          # a short entry quoted whole: its few words carry more each
BARE_SHORT = 1.0      # a short entry the reading found nothing in: below a felt line
FEWEST = 3            # lines shown when the period has them, even if faintly felt (more
                      # in a period of many entries: two in five of them, up to its limit)
FAINT = -1.0          # ...but never a line weighing this little (a bare fact)
EVENT_WEIGHT = 0.4    # of a diagnosis, a break-up, a new job's weight, added to its entry
JOB_EVENT = 3.0       # losing a job, an engagement: said in the first line too
NEWS = 2.5            # an event this heavy told in a short entry is quoted (a new job, an exam)
LAST_READ = 8         # the period's last entries, read in full for how it ended
SENTENCES_READ = 3    # an entry's sentences with feelings read on their own (its last ones)
EARLY = 0.6           # a feeling at the period's start weighs this much of one at its end
STRONGEST = 1.25      # an entry's strongest feeling, over a second one
LANDS = 1.5           # a feeling said in an entry's last sentence, where it lands
PEOPLE = 8
CENTRAL = 3           # entries a person comes up in to be one a month is about
CARRIES = 0.75        # a month's entry naming such a person weighs this much more for each
CARRIED = 2           # ...of at most this many
UNNAMED = 2           # entries a relation without a name must come up in to be listed
THEMES = 8
TAG_SHARE = 0.4      # of the period's entries a tag must be on to be named in the text
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WORD = re.compile(r"[\w']+")


# -- the period ---------------------------------------------------------------------------------
def period_of(kind: str, day: date, tz: str) -> Period:
    """The week (Monday to Sunday, ISO) or calendar month holding `day`, in zone `tz`."""
    if kind == "week":
        first = day - timedelta(days=day.weekday())
        after = first + timedelta(days=7)
        year, week, _ = first.isocalendar()
        label = f"week of {first.day} {_MONTHS[first.month - 1]} {first.year} ({year}-W{week:02d})"
    elif kind == "month":
        first = day.replace(day=1)
        after = (first + timedelta(days=32)).replace(day=1)
        label = f"{_MONTHS[first.month - 1]} {first.year}"
    else:
        raise InvalidInput(f"a digest covers a week or a month, not {kind!r}")
    zone = ZoneInfo(tz)
    return Period(kind, label, first.isoformat(), (after - timedelta(days=1)).isoformat(),
                  utc_iso(datetime.combine(first, time.min, zone)),
                  utc_iso(datetime.combine(after, time.min, zone)))


def previous_of(period: Period, tz: str) -> Period:
    return period_of(period.kind, date.fromisoformat(period.start) - timedelta(days=1), tz)


def resolve_period(ctx: JournalContext, kind: str, when: str | None) -> Period:
    tz = ctx.timezone
    now = ctx.clock.now()
    moment = parse_when(when, tz, now, end_of_day=False) if when else now
    return period_of(kind, moment.astimezone(ZoneInfo(tz)).date(), tz)


# -- salience -----------------------------------------------------------------------------------
def _feeling_words() -> frozenset[str]:
    data = frames("en") or {}
    words: set[str] = set()
    for spec in (data.get("feelings") or {}).values():
        for key in ("words", "hints"):
            words.update(str(w).lower().rstrip("*") for w in spec.get(key) or ()
                         if " " not in str(w))
    return frozenset(words)


def _pre_score(text: str, feelings: frozenset[str], vader: dict[str, float]) -> float:
    """See `_weighed`."""
    return _weighed(text, feelings, vader)[0]


def _weighed(text: str, feelings: frozenset[str], vader: dict[str, float]) -> tuple[float, float]:
    """A cheap guess at how much an entry holds (no tokenizer): feeling words, strong
    words, questions and exclamations, per the square root of its length — plus, far
    above any of those, a life event told in it (`digest_reading.event`), so a one-line
    "Dad died this morning." is always among the entries read in full. With it, the
    entry's tone (`_tone`) from the same look-ups: a month's entries are each read once."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0, 0.0
    score = signed = 0.0
    valenced = 0
    for w, n in Counter(words).items():  # each distinct word looked up once
        if w in feelings:
            score += 1.5 * n
        v = vader.get(w)
        if v:
            score += n * min(abs(v), 4.0) / 2
            signed += n * v
            valenced += n
    score += 1.5 * min(text.count("?"), 2) + 0.5 * min(text.count("!"), 2)
    return (score / max(1.0, (len(words) / 12) ** 0.5) + 3.0 * event(text)[0],
            signed / valenced if valenced else 0.0)


@dataclass(frozen=True)
class _Read:
    """What reading a period's most promising entries gave: its lines, and the entries
    found to speak with irony (their praise is not counted as a feeling of the period)."""

    lines: tuple[SalientLine, ...]
    wry: frozenset[str]
    #: entry ID -> (the feelings its writer says of themselves, strongest first; those said
    #: in its last sentence, where the entry lands), for every entry read in full.
    stated: dict[str, tuple[tuple[str, ...], frozenset[str]]] = field(default_factory=dict)
    #: in a month: what ran through it (`digest_month.refrains`)
    refrains: tuple[Counted, ...] = ()
    #: in a month: its first week's and its last week's most felt sentences (`digest_month.moved`)
    moved: tuple[SalientLine, ...] = ()


def _grief_said(text: str, language: str) -> bool:
    """Whether an entry the reading finds grief in says it: it tells a death ("Dad died
    this morning."), remembers one ("First birthday without her"), or names grief in a word
    of its own ("I'm grieving"). A funeral or a death in the story ("Gran's funeral is on
    Monday") is what happened, not a feeling said — a birth week was called grief by it."""
    weight, family, _ = event(text)
    if family != "grief" or death_told(text) or weight < ESSENTIAL:
        return True
    return "grief" in feelings_in(DEATH_WORDS.sub(" ", text), language)


#: Laughter written down: a hint of joy, never joy said.
_LAUGHED = re.compile(r"\b(?:laugh\w*|giggl\w*|lol|haha\w*)\b", re.IGNORECASE)
#: A hashtag the writer put on their own joy.
_HASHTAG_JOY = re.compile(r"#(?:joy|happy|happiness|joyful|bliss)\b",
                          re.IGNORECASE)


def _said_by_sentence(text: str, toks: Tokens, reading: Reading, language: str) -> list[str]:
    """Feelings the writer says of themselves that the entry's reading, which names at
    most two, left out: each sentence holding a feeling word is read on its own by the
    same reading (`mirror.engine.reading.read`), which decides whether the writer says it
    of themselves ("I'm sad, and I'm also a bit excited", "Mostly just tired.") or of
    someone else ("I think she was happy"). A week whose feeling rests on one of two
    feelings said side by side misnames it."""
    lex = feeling_lexicon(language)
    if lex is None:
        return []
    found: list[str] = []
    named = set(reading.feelings)
    unread = [m for m in reading.moments if any(
        feeling_families(lex, w) - named for w in toks.norms[m.first:m.last])]
    # The last few, where an entry lands: reading a sentence costs about a third of a
    # millisecond, and a month reads CANDIDATES entries.
    for moment in sorted(unread[-SENTENCES_READ:], key=lambda m: m.first):
        sentence = text[toks[moment.first].start:toks[moment.last - 1].end]
        found += [f for f in read(sentence, language=language).feelings if f not in found]
    return found


def _stated_in(text: str, toks: Tokens, reading: Reading, language: str,
               is_wry: bool) -> tuple[tuple[str, ...], frozenset[str]]:
    """The feelings the writer says of themselves in an entry (the offline reading's, which
    names one only when the writer is in its clause), and those of them said in its last
    sentence — where the entry lands ("I was terrified walking in. … So proud."). A wry
    entry's praise is not a feeling."""
    # Joy the reading found only in laughter ("I laughed at one point and then felt
    # guilty": no word of joy) is not said: a break-up week was headed "joy" by it.
    laughed_only = "joy" in reading.feelings and _LAUGHED.search(text) is not None and \
        "joy" not in feelings_in(text, language)
    fams = tuple(f for f in reading.feelings if not (is_wry and valence_of(f) == "positive")
                 and not (f == "joy" and laughed_only))
    fams += tuple(f for f in _said_by_sentence(text, toks, reading, language) if f not in fams
                  and not (is_wry and valence_of(f) == "positive"))
    if not is_wry and "joy" not in fams and (_HASHTAG_JOY.search(text) or (
            _direction(text) == "positive" and "!!" in text)):
        fams += ("joy",)  # "#joy"; "Ana had the baby!!! I'm an auntie!": joy shouted
    if "grief" in fams and not _grief_said(text, language):
        fams = tuple(f for f in fams if f != "grief")
    if "shame" in fams and "self-doubt" in feelings_in(text, language):
        fams = tuple("self-doubt" if f == "shame" else f for f in fams)  # "I'm a fraud"
    if not fams or not reading.moments:
        return fams, frozenset()
    last = reading.moments[-1]
    if last.last < len(toks) - 3:  # the last prose sentence is not the entry's end (a list)
        return fams, frozenset()
    said = feelings_in(text[toks[last.first].start:toks[last.last - 1].end], language)
    if "self-doubt" in said:
        said["shame"] = said.get("shame", 0.0)
    return fams, frozenset(f for f in fams if f in said or (f == "self-doubt" and "shame" in said))


def _quote(entry: PeriodEntry, stated: dict[str, tuple[tuple[str, ...], frozenset[str]]]
           | None = None, news: bool = True, known: frozenset[str] = frozenset(),
           others: dict[str, tuple[float, SalientLine]] | None = None
           ) -> tuple[float, SalientLine, bool] | None:
    """(salience, the line to quote, said wryly) of one entry, or None (nothing quotable).

    The line is the entry's sentence that says most of what the person felt (`felt`:
    the offline reading's score of each sentence, plus the feeling and stance in it, less
    for a bare fact), how loudly it is said (`emphasis`: capitals, exclamations), whether
    it turns ("but", "yet") or is where the entry lands (its last words), quoted whole
    with the short sentences that belong to it (`around`: "I don't want a boat. I'd like a
    boat a bit.") and the sentence before it when it leans on that one; never an item of
    a list. A short entry is one thought and is quoted whole. A death or a birth told in
    the entry is what is quoted from it, and weighs above any feeling (`ESSENTIAL`); a
    diagnosis or a break-up adds to the entry's weight, and a short entry that tells such
    news (`news`: where the period first tells it) is quoted. The third value says whether the
    entry speaks with irony at all (its praise is then not a feeling of the period), even
    when no part of it can be quoted as the ironic line."""
    text = entry.content
    toks = as_tokens(tokenize(text))
    language = digest_words.text_language(text, toks)
    language = language if frames(language) else "en"
    reading = read(text, toks, language)
    if reading.centre is None and not (toks and is_short(text, toks)):
        return None
    weight, _, offset = event(text)
    is_wry = reading.centre is not None and wry(text, toks, reading, language)
    if stated is not None:
        stated[entry.id] = _stated_in(text, toks, reading, language, is_wry or marked(text))
    best: tuple[float, int, int] | None = None
    line_wry = False
    if is_wry:  # the complaint and the joke together: the irony shows
        span = wry_span(text, toks) or sarcastic_span(text, toks, language) or \
            praise_span(text, toks)
        if span is not None and reading.centre is not None:
            best, line_wry = (reading.centre.score, *span), True
    short = is_short(text, toks)
    telling: tuple[float, int, int] | None = None
    spans: list[tuple[float, int, int]] = []  # every line weighed, for `others`
    if best is None:
        moments = list(reading.moments or ((reading.centre,) if reading.centre else ()))
        if told(text):  # the sentence that tells a death or a birth, however short
            at = next((i for i, t in enumerate(toks) if t.end > offset), None)
            if at is not None:
                moments.append(Moment(at, at + 1, 0.0))
        for moment in moments:
            if is_list_line(text, toks, moment.first):
                tail = prose_tail(text, toks, moment.first)  # the line after a list
                if tail is None:
                    continue
                moment = Moment(*tail, moment.score)
                span = tail
            else:
                span = with_antecedent(text, toks, *whole(text, toks, moment.first, moment.last),
                                       language)
            if span is None:
                continue
            span = with_who(text, toks, *span)
            lo, hi = (0, len(toks)) if short else around(text, toks, *span)
            if not short:
                lo = _with_then(text, toks, lo, hi, language)
            score = felt(text, toks, span[0], span[1], moment.score, language)
            if not short and cut_from_setup(text, toks, lo, hi, language, known):
                score -= DANGLING  # "She pressed one spot…" with who she is too far back:
                # another line of the entry, or of the period, that stands alone
            score -= ASIDE * aside(toks, *span)  # "…, ha, of course it did": a joke on the way
            if outburst(text, toks, lo, hi):  # news said aloud: felt, never a bare fact
                score = max(score, 0.0) + OUTBURST
            score += emphasis(text, toks, lo, hi) + TURN * turns(toks, lo, hi)
            if not reading.feelings and pivots(toks, moment.first, moment.last) and \
                    2 * moment.first >= len(toks):
                score += PIVOT  # "Maar ik heb hem een zak courgettes…", "In the end I just
                # told her…": where an entry told plainly, without a feeling said, turns in
                # its second half is what it came to (not "But it also felt true." after
                # "I'm so tired… I told my partner I want to leave", said with its feeling)
            if hi == len(toks):  # where the entry lands, unless it only makes a plan
                score += -PLAN if not short and _plan(text, toks, lo, hi, language) else LANDING
            if told(text) and toks[lo].start <= offset < toks[hi - 1].end:
                telling = (score, lo, _with_detail(text, toks, lo, hi))
                # ("He's gone. It was peaceful.": what the entry is)
            spans.append((score, lo, hi))
            if best is None or score >= best[0]:  # a tie: the later line, where it lands
                best = (score, lo, hi)
        if telling is not None and best is not None:  # quoted whatever else it says,
            _, lo, hi = telling  # weighing what its best line weighs, and more
            best = (max(best[0], telling[0]) + ESSENTIAL, lo, hi)
        if best is None and short:
            best = (emphasis(text, toks, 0, len(toks)) - BARE_SHORT, 0, len(toks))
        summing = None if short or telling is not None else _sums_up(text, toks, language)
        if summing is not None and best is not None:
            best = (max(best[0], 0.0) + SUMS, 0, summing)  # the person's own account
    if best is None:
        return None
    score, lo, hi = best
    if hi - lo < 2 and hi < len(toks):
        # One word said aloud ("Opened!", "Abrimos!") with the sentence that says what
        after = toks.sentence_bounds()[toks[hi].sent]
        if after[1] - lo <= QUOTE_MAX_WORDS:
            hi = after[1]
    line = exact(text, toks, lo, hi)
    if not short and not line_wry and lo > 0 and not dangles(text, toks, lo, hi, language) and \
            _opens_leaning(text, toks, lo, language):
        # The short sentences `around` gathered open on one that leans back ("RUNDER."
        # after "…das würde die Arbeit runder machen", "Hat mir dann die Route gezeigt."):
        # its set-up comes too, when the two fit in a quote.
        first = setup_start(text, toks, lo, len(line.split()), language, known, hi)
        if first is not None:
            lo = first
            line = exact(text, toks, lo, hi)
    if not short and not line_wry and dangles(text, toks, lo, hi, language):
        # "Il a promis de supprimer la vidéo. Il ment.": who is "il"? Quoted with the line
        # that says it, or weighing less than a line that stands alone.
        first = setup_start(text, toks, lo, len(line.split()), language, known, hi)
        if first is not None:
            lo = first
            line = exact(text, toks, lo, hi)
    if not short and not line_wry:
        line = _with_landing(text, toks, lo, hi, language) or line
        opening = toks.sentence_bounds()[toks[0].sent][1]
        if 0 < opening <= lo and outburst(text, toks, 0, opening) and \
                not outburst(text, toks, lo, hi):
            # The news the entry opens with, said aloud ("OFFER. … I said "thank you" in a
            # very calm voice and then screamed into a cushion"): what arrived, with how it
            # was felt.
            gap = " " if opening == lo else " … "
            line = exact(text, toks, 0, opening) + gap + line
            score = max(score, 0.0) + OUTBURST
    if not short and not line_wry and score < PLAIN and _plain_whole(text, toks):
        # A plain entry's line means what it means with the rest ("Vendi o barco ao filho
        # do Baptista. Trinta e dois anos naquele barco. … Voltei para casa a pé pela
        # marginal, devagar."): an entry this short is quoted whole when no line of it
        # says a feeling.
        lo, hi = 0, len(toks)
        line = exact(text, toks, lo, hi)
    if len(line.split()) < 2 or (hi - lo > QUOTE_MAX_WORDS + 20):
        return None
    if short and news and NEWS <= weight < ESSENTIAL:
        # A short entry that tells news ("passed. AM2 done.", "Lymphoma. Quite advanced.")
        # is how the period turned, however plainly it is said: it is quoted, not passed
        # over as a bare fact (the digest's first line no longer names what happened).
        score = max(score, 0.0) + weight
    elif score > 0 and weight < ESSENTIAL:  # a diagnosis felt, not only told ("It's benign.
        score += EVENT_WEIGHT * weight     # I cried in the corridor"): the week's centre
    score += 0.5 * reading.asking
    if short:
        score += SHORT  # a few words: each carries more (intensity per word, not length)
    if others is not None and not short and not line_wry:
        other = _other_line(text, toks, spans, line, language, entry)
        if other is not None:
            others[entry.id] = other
    return score, SalientLine(entry.id, reflection_date(entry.created_at, entry.created_tz), line,
                              () if is_wry else reading.feelings, reading.asking, entry.private,
                              line_wry), is_wry


def _other_line(text: str, toks: Tokens, spans: Sequence[tuple[float, int, int]], quoted: str,
                language: str, entry: PeriodEntry) -> tuple[float, SalientLine] | None:
    """The entry's strongest felt line outside the one quoted (`quoted`), standing alone
    (no "he" without who he is), within `QUOTE_MAX_WORDS`: what a month quotes of an entry
    whose week already quoted its first line ("Seit Weihnachten ist er woanders…" after
    the week's "Ich will nach Hamburg ziehen")."""
    for score, a, b in sorted(spans, key=lambda s: -s[0]):
        if score <= 0:
            return None
        piece = exact(text, toks, a, b)
        if piece in quoted or quoted in piece or any(
                part and part in piece for part in quoted.split(" … ")) or _overlaps(
                text, toks, a, b, quoted):
            continue
        words = sum(1 for t in toks[a:b] if t.text[:1].isalnum())
        if 2 <= words <= QUOTE_MAX_WORDS and not dangles(text, toks, a, b, language) and \
                not _follows_on(text, toks, a, quoted, language):
            return score, SalientLine(entry.id, reflection_date(entry.created_at, entry.created_tz),
                                      piece, (), False, entry.private)
    return None


def _overlaps(text: str, toks: Tokens, a: int, b: int, quoted: str) -> bool:
    """Whether a sentence of [a, b) is in the quoted line (spaces and line breaks aside)."""
    said = " ".join(quoted.split())
    bounds = toks.sentence_bounds()
    for sent in range(toks[a].sent, toks[b - 1].sent + 1):
        first, last = bounds[sent]
        if " ".join(text[toks[max(first, a)].start:toks[min(last, b) - 1].end].split()) in said:
            return True
    return False


def _follows_on(text: str, toks: Tokens, a: int, quoted: str, language: str) -> bool:
    """Whether the line opening at `a` goes on from the quoted one right before it ("Wrote
    it on the back of the parking stub" after the line that says what "it" was): it leans
    back (`leans_back`), or a word standing for what came before is among its first three.
    Quoted without that line, it says nothing."""
    flat = " ".join(quoted.split())
    before = " ".join(text[:toks[a].start].split())
    if not flat or not before.endswith(flat.rsplit(" … ", 1)[-1]):
        return False
    first = toks.sentence_bounds()[toks[a].sent]
    opening = [w for w in toks.norms[first[0]:first[1]] if any(c.isalnum() for c in w)][:3]
    return leans_back(toks, first[0], first[1], language) or \
        any(w in points_back(language) for w in opening)


def _opens_leaning(text: str, toks: Tokens, lo: int, language: str) -> bool:
    """Whether the quote opening at `lo` opens on a sentence that leans on the one before
    (`digest_reading.leans_back`), in the same paragraph."""
    bounds = toks.sentence_bounds()
    sent = toks[lo].sent
    before = bounds.get(sent - 1)
    if before is None or "\n\n" in text[toks[before[1] - 1].end:toks[lo].start]:
        return False
    return leans_back(toks, lo, bounds[sent][1], language)


#: Words that name a stretch of time, in the languages Mirror reads: an entry that opens on
#: one ("End of June. Weird month.", "Fin de mes.", "Un mese.") sums the period up.
_PERIOD_WORDS = frozenset("""
month week fortnight mes semana mois semaine monat woche mese settimana mês maand
miesiąc tydzień
""".split())
SUMS = 3.0            # the person's own summing-up of the period: quoted before the rest
SUMS_OPENING = 3      # words of the first sentence that names the period ("Primera semana en casa" is
                      # a week told, not summed up)


def _sums_up(text: str, toks: Tokens, language: str) -> int | None:
    """The end of the person's own account of the period, when the entry opens on one: a
    first sentence of at most `SUMS_OPENING` words naming a week or a month ("End of June.",
    "Fin de mes.", "Un mese."), quoted with the sentences after it in its paragraph, within
    `QUOTE_MAX_WORDS` ("…got the job, still not sure I want it.", "…Pero estamos."). A
    digest is a summary of a period; the person's own is the line it most needs."""
    bounds = toks.sentence_bounds()
    order = sorted(bounds.values())
    if len(order) < 2:
        return None
    a, b = order[0]
    opening = [w for w in toks.norms[a:b] if any(c.isalnum() for c in w)]
    months = {str(m).lower() for m in (digest_words.words(language).data.get("months") or ())} | \
        {m.lower() for m in _MONTHS}
    if not opening or len(opening) > SUMS_OPENING or not any(
            w in _PERIOD_WORDS or w in months for w in opening):
        return None
    end = b
    for first, last in order[1:]:
        if "\n" in text[toks[end - 1].end:toks[first].start] or \
                sum(1 for t in toks[0:last] if t.text[:1].isalnum()) > QUOTE_MAX_WORDS:
            break
        end = last
    return end if end > b else None


PLAIN_WHOLE = 40       # words of an entry quoted whole when no line of it is felt
PLAIN = 1.0            # ...that is, when its best line weighs less than this (a bare line
                       # where the entry lands)


def _plain_whole(text: str, toks: Tokens) -> bool:
    """Whether the entry is one paragraph of at most `PLAIN_WHOLE` words, no list."""
    words = sum(1 for t in toks if t.text[:1].isalnum())
    return words <= PLAIN_WHOLE and "\n\n" not in text.strip() and not is_list_line(text, toks, 0)


_PLAN_SUBJECT = frozenset("i i'm im we we're am are and so then just really probably je on "
                          "et yo y ich und wir io eu ik en ja".split())


def _plan(text: str, toks: Tokens, lo: int, hi: int, language: str) -> bool:
    """Whether the line [lo, hi) only makes a plan, with no feeling in it and not asked
    ("je vais mettre le réveil pour une sortie à 2h", "Getting it in writing tomorrow"):
    the practical line an entry ends on after a hard stretch, not where it lands."""
    norms = toks.norms[lo:hi]
    # The plan opens the line, with at most its subject before it ("Going to…", "I need
    # to…", "Je vais…"): "I keep going to tell him things" is no plan.
    said = any(tuple(norms[k:k + len(p)]) == p and all(w in _PLAN_SUBJECT for w in norms[:k])
               for p in digest_words.plans(language) for k in range(min(3, len(norms))))
    line = text[toks[lo].start:toks[hi - 1].end + 1]
    return said and "?" not in line and not feelings_in(line, language)


def _with_then(text: str, toks: Tokens, lo: int, hi: int, language: str) -> int:
    """The start of a line that says how things are now ("On prend notre temps
    maintenant."), moved back to the sentence just before it (or the one before that) that
    says how they were ("Avant on faisait le tour du lac deux fois."): the turn is the two
    together. Unchanged when there is none, or the quote would grow past
    `QUOTE_MAX_WORDS` or across a paragraph."""
    then, now = digest_words.then_and_now(language)
    if not now or not digest_words.has_phrase(toks.norms[lo:hi], now):
        return lo
    bounds = toks.sentence_bounds()
    order = list(bounds)
    at = order.index(toks[lo].sent)
    for back in (1, 2):
        if at - back < 0:
            break
        first, last = bounds[order[at - back]]
        if hi - first > QUOTE_MAX_WORDS or "\n\n" in text[toks[first].start:toks[lo].start]:
            break
        if digest_words.has_phrase(toks.norms[first:last], then):
            return first
    return lo


#: Words that say a last line is the other side of a mixed feeling ("I adore her. I also
#: want to hand her to anyone at all."): it lands there, said plainly or not.
_ALSO = frozenset("also too también aussi auch também anche ook też".split())


def _with_landing(text: str, toks: Tokens, lo: int, hi: int, language: str) -> str | None:
    """The line [lo, hi) with the entry's last sentence when that one is short and felt
    and the line stops before it: where an entry lands ("…born at six, 3.4 kilos. … I
    keep checking she's breathing.", "…stormed out feeling like an idiot. … Felt
    forgiven.") is what a week later it was about. Joined whole when little lies between, else
    after "…"; a last line of a few words that lean back comes with the sentence before
    it, which it answers; one that only makes a plan gives way to that sentence."""
    bounds = toks.sentence_bounds()
    last = toks[len(toks) - 1].sent
    a, b = bounds[last]
    while a > 0 and continues(text, toks, a):
        a = bounds[toks[a - 1].sent][0]
    if hi > a or b - a > LANDING_WORDS or is_list_line(text, toks, a):
        return None
    piece = text[toks[a].start:toks[b - 1].end + 1]
    terse = b - a <= LANDING_SHORT or leans_back(toks, a, b, language)
    plan = _plan(text, toks, a, b, language)
    other_side = turns(toks, a, b) or any(w in _ALSO for w in toks.norms[a:b])
    if not terse and not plan and not other_side and b - a > LANDING_SHORT and \
            not feelings_in(piece, language) and felt(text, toks, a, b, 0.0, language) <= 0:
        return None  # a bare fact after the line ("The bus was late again") is no landing
    if plan:
        # A plan is no landing ("Going to take her out early tomorrow"): the short
        # sentence before it is ("Dried her off, no scolding."), when it is one.
        before = bounds.get(toks[a].sent - 1)
        if before is None or before[0] < hi or before[1] - before[0] > LANDING_SHORT:
            return None
        a, b = before
    elif terse:
        # with what it answers: "Saw it myself." after what was seen, "Nearly hugged
        # him." after who
        before = bounds.get(toks[a].sent - 1)
        if before is None or b - before[0] > LANDING_WORDS + LANDING_SHORT:
            return None
        a = max(before[0], hi)
    if a - hi <= LANDING_GAP and b - lo <= QUOTE_MAX_WORDS:
        return exact(text, toks, lo, b)
    if (hi - lo) + (b - a) > QUOTE_MAX_WORDS + LANDING_WORDS:
        return None
    return f"{exact(text, toks, lo, hi)} … {exact(text, toks, a, b)}"


def _with_detail(text: str, toks: Tokens, lo: int, hi: int) -> int:
    """The end of a line that tells a birth or a death, with the short sentence after it
    that says who and how ("Ana had the baby!!! A girl, 3.2 kilos, both fine."), when it
    follows on the same line and the quote stays within `QUOTE_MAX_WORDS`."""
    bounds = toks.sentence_bounds()
    after = bounds.get(toks[hi - 1].sent + 1) if hi < len(toks) else None
    if after is None or after[0] != hi or "\n" in text[toks[hi - 1].end:toks[hi].start]:
        return hi
    words = sum(1 for t in toks[after[0]:after[1]] if t.text[:1].isalnum())
    return after[1] if words <= TOLD_DETAIL and after[1] - lo <= QUOTE_MAX_WORDS else hi


def _carries(text: str, central: Sequence[str]) -> int:
    """How many of the period's `central` people (those who come up across it) `text` names."""
    return sum(1 for name in central
               if re.search(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text))


def _read_period(entries: Sequence[PeriodEntry], limit: int = LINES,
                 central: Sequence[str] = (), known: frozenset[str] = frozenset(),
                 language: str | None = None) -> _Read:
    """The period's lines (see `_across`). In a month, an entry that names the people who
    come up across it (`central`) weighs more: it is where the month's story happens
    ("Café con Carmen…" in a month about the rift with Carmen), not a day beside it. The
    period's people (`known`) say who "he" of a quoted line may be (`digest_setups`)."""
    feelings, vader = _feeling_words(), valences()
    weighed = {e.id: _weighed(e.content, feelings, vader) for e in entries}
    tones = {k: tone for k, (_, tone) in weighed.items()}
    if limit > LINES and language not in (None, "en", digest_words.NEUTRAL):
        # VADER's words are English: a month in another language is toned by the
        # feeling words of its own (`feelings_in`, the mirrorback's word lists).
        tones = {e.id: felt_tone(e.content, language) for e in entries}
    ranked = sorted(entries, key=lambda e: (-weighed[e.id][0], e.created_at))
    order = {e.id: k for k, e in enumerate(sorted(entries, key=lambda e: e.created_at))}
    scored: list[tuple[float, PeriodEntry, SalientLine]] = []
    seen: set[str] = set()
    wry_ids: set[str] = set()
    stated: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
    # The most promising entries, and the period's last few: where it ends says most of
    # how it went (the feeling of the period leans on them).
    latest = sorted(entries, key=lambda e: e.created_at)[-LAST_READ:]
    chosen = ranked[:CANDIDATES]
    chosen += [e for e in latest if e not in chosen]
    # A short entry's news weighs only where the period first tells it: "Mum's in
    # hospital." opens a week; "She's been moved to the stroke unit." after it is a detail.
    news: set[str | None] = set()
    first_news: set[str] = set()
    for e in sorted(entries, key=lambda e: e.created_at):
        weight, family, _ = event(e.content)
        if NEWS <= weight < ESSENTIAL and family not in news:
            news.add(family)
            first_news.add(e.id)
    base: dict[str, float] = {}
    others: dict[str, tuple[float, SalientLine]] = {}
    for entry in chosen:
        quoted = _quote(entry, stated, entry.id in first_news, known,
                        others if limit > LINES else None)
        if quoted is None:
            continue
        score, line, is_wry = quoted
        base[entry.id] = score
        if central and limit > LINES:
            score += CARRIES * min(_carries(entry.content, central), CARRIED)
        if is_wry:
            wry_ids.add(entry.id)
        if line.text.casefold() in seen:
            continue
        seen.add(line.text.casefold())
        scored.append((score, entry, line))
    refrains: tuple[Counted, ...] = ()
    moved: tuple[SalientLine, ...] = ()
    if limit > LINES:
        refrains = digest_month.refrains(entries)
        said_again = frozenset(digest_month.sentence_keys(" \n".join(c.name for c in refrains)))
        month_tones = _without_refrains(tones, entries, said_again, language)
        # How its first week sounded and how its last did (`digest_month.moved`): said
        # first, so that the month's lines leave those sentences to it.
        toned = language is not None and language not in ("en", digest_words.NEUTRAL)
        ends = digest_month.moved(
            [e for e in entries if e.id not in wry_ids],  # praise said wryly is no tone
            (lambda s: felt_tone(s, language)) if toned and language else (lambda s: _tone(s, vader)),
            said_again, frozenset(t for t in [turn_of(entries, {}, month_tones)] if t),
            lambda e: weighed[e.id][0] + abs(month_tones.get(e.id, 0.0)))
        if ends is not None:
            moved = tuple(SalientLine(e.id, reflection_date(e.created_at, e.created_tz), piece,
                                      (), False, e.private) for e, piece in ends)
        best, turn = _month_lines(scored, base, entries, limit, month_tones, others, said_again,
                                  frozenset(k for line in moved
                                            for k in digest_month.sentence_keys(line.text)),
                                  digest_month.at_the_ends(entries) if moved else frozenset())
        best = [(w, e, replace(line, turn=True) if e.id == turn else line) for w, e, line in best]
    else:
        best = _across(scored, {k: order[k] / max(1, len(entries)) for k in order}, limit)
    lines = tuple(line for _, entry, line in sorted(best, key=lambda s: s[1].created_at))
    return _Read(lines, frozenset(wry_ids), stated, refrains, moved)


def _across(scored: list[tuple[float, PeriodEntry, SalientLine]], position: dict[str, float],
            limit: int) -> list[tuple[float, PeriodEntry, SalientLine]]:
    """The `limit` lines to quote, from across the period so that, read in order, they
    tell how it went: the best line of each of `limit` equal parts of the period first
    (when it says something felt: at least `ACROSS` of the best line's weight), then the
    best of the rest. A bare fact (score at or below 0) is
    quoted only when nothing else was written, or when it ends the period."""
    by_score = sorted(scored, key=lambda s: (-s[0], s[1].created_at))
    if len(scored) <= limit:
        # A period of few entries is told one line from each entry the person wrote at
        # some length, however plainly: read in order, the lines are how it went, and an
        # entry left out is a day of it missing. A bare line of its own ("She's been moved
        # to the stroke unit.") is still left out.
        return [s for s in by_score if s[0] > FAINT
                or not is_short(s[1].content, as_tokens(tokenize(s[1].content)))]
    # The period's last entry is where it lands ("Nobody needed anything from me for a whole
    # morning.", "It was the first time I could breathe properly in weeks."): shown when
    # there is room, even said without a feeling word, unless it is a bare fact.
    last = max((s[1].created_at for s in scored), default="")
    felt_lines = [s for s in by_score if s[0] > 0 or (s[1].created_at == last and s[0] > FAINT)]
    # A week of few words still shows a few lines, and a period of many entries a share of
    # them: a month of thirteen entries told in three lines lost most of its days.
    fewest = min(limit, max(FEWEST, len(scored) * 2 // 5))
    if limit > LINES:
        fewest = limit  # a month's arc needs its lines: the reply and the reconciliation
        # said plainly ("Hemos llorado un poco, luego nos hemos reído") are how it went
    if len(felt_lines) < fewest:
        felt_lines += [s for s in by_score if FAINT < s[0] <= 0 and s not in felt_lines][
            :fewest - len(felt_lines)]
    felt_lines = felt_lines or by_score[:1]
    # A death or a birth told in a line is quoted whatever else the period held: "Dad
    # died this morning." never loses to a month of long happy entries.
    chosen = [s for s in by_score if told(s[2].text)][:1]
    top = felt_lines[0][0] if felt_lines else 0.0
    if limit > LINES:
        return _across_weeks(chosen, felt_lines, limit, top)
    for part in range(limit):
        here = [s for s in felt_lines if int(min(position[s[1].id], 0.999) * limit) == part]
        if here and len(chosen) < limit and here[0][0] >= ACROSS * top and here[0] not in chosen:
            chosen.append(here[0])
    chosen += [s for s in felt_lines if s not in chosen][:limit - len(chosen)]
    return chosen


def _without_refrains(tones: dict[str, float], entries: Sequence[PeriodEntry],
                      refrain: frozenset[str], language: str | None) -> dict[str, float]:
    """The month's `tones` with each entry toned without its `refrain` sentences: what ran
    through the whole month ("Tired." after every night shift) is not where it turned, and
    toned as it was it hid the day the month turned ("Video call with Claire… I'm glad.")."""
    if not refrain:
        return tones
    out = dict(tones)
    vader = valences()
    for e in entries:
        parts = digest_month.sentences_of(e.content)
        kept = [p for p in parts if " ".join(digest_month.sentence_keys(p)) not in refrain]
        if len(kept) == len(parts):
            continue
        rest = " ".join(kept)
        if language not in (None, "en", digest_words.NEUTRAL):
            out[e.id] = felt_tone(rest, language)
        else:
            out[e.id] = _tone(rest, vader)
    return out


REPEATED = 0.4   # of its weight, what a line its week's digest quotes weighs in the month
MONTH_REPEATS = 5  # lines a month quotes that its weeks quoted too, at most (where it turned
                   # and where it landed among them): the rest is the month's own
WEEK_REPEATS = 2   # ...of them from one week, while another week has one to give
MOVED_REPEATS = 4  # ...in a month whose first and last weeks are said side by side
                   # (`digest_month.moved`): those weeks are heard there
TURNING = 1.0    # how far the month's tone must move (VADER's scale, mean per entry) to turn
TURN_SIDE = 2    # entries on each side of a turn, at least


def _tone(text: str, vader: dict[str, float]) -> float:
    """An entry's tone: the mean VADER valence of its words that have one (0.0 for none)."""
    return _weighed(text, frozenset(), vader)[1]


FELT_TONE = 2.0  # a feeling word's tone, on VADER's scale (a plain "sad" is -2.1 there)


def felt_tone(text: str, language: str) -> float:
    """An entry's tone from the feeling words of its language (`feelings_in`) and its plain
    tone words (`digest_tone`: "Bien.", "Gut.", "Jestem wściekły."): the mean of
    +`FELT_TONE` for each positive family or word said and -`FELT_TONE` for each negative
    one, so that a Polish or Spanish month turns on its own words, as an English one does
    on VADER's."""
    signs = [{"positive": 1.0, "negative": -1.0}.get(valence_of(f), 0.0)
             for f in feelings_in(text, language)]
    signs = [x for x in signs if x] + digest_tone.signs(text, language)
    return FELT_TONE * sum(signs) / len(signs) if signs else 0.0


def turn_of(entries: Sequence[PeriodEntry], vader: dict[str, float],
            tones: dict[str, float] | None = None) -> str | None:
    """The ID of the entry where a month turned, or None: the split of its entries in time
    order that best parts a stretch of one tone from a stretch of another (a change point:
    the difference of the two means, weighed by how many entries stand on each side), when
    the tones differ by `TURNING` or more with `TURN_SIDE` toned entries a side and the entry it
    turns on says the new tone itself. A month of worry that ended in relief turned on the
    day the relief began; a month of one tone did not."""
    ordered = sorted(entries, key=lambda e: e.created_at)
    n = len(ordered)
    if n < 2 * TURN_SIDE:
        return None
    tone = [tones[e.id] if tones is not None and e.id in tones else _tone(e.content, vader)
            for e in ordered]
    total = sum(tone)
    toned = sum(1 for t in tone if t)
    before = 0.0
    toned_before = 0
    best: tuple[float, int] | None = None
    for k in range(1, n):
        before += tone[k - 1]
        toned_before += tone[k - 1] != 0.0
        # Each side holds `TURN_SIDE` entries that say a tone at all: a month that says its
        # feelings twice is not parted by them.
        if toned_before < TURN_SIDE or toned - toned_before < TURN_SIDE:
            continue
        change = (total - before) / (n - k) - before / k
        gap = abs(change)
        weight = gap * (k * (n - k) / n) ** 0.5
        # The entry it turns on says the new tone itself ("Nichts weiter." after a hard
        # fortnight is no turn, however the days after it read).
        carries = (tone[k] - before / k) * change > 0 and tone[k] != 0.0
        if gap >= TURNING and carries and (best is None or weight > best[0]):
            best = (weight, k)
    return ordered[best[1]].id if best else None


def weekly_quoted(scored: Sequence[tuple[float, PeriodEntry, SalientLine]],
                  entries: Sequence[PeriodEntry]) -> set[str]:
    """The entries whose lines the month's weekly digests quote (`_across` over each
    week's lines, by the weight a week gives them): a month that quotes them again reads as
    its weeks glued together."""
    weeks: dict[tuple[int, int], list[tuple[float, PeriodEntry, SalientLine]]] = {}
    for item in scored:
        weeks.setdefault(_week_of(item), []).append(item)
    quoted: set[str] = set()
    for items in weeks.values():
        ids = {item[1].id for item in items}
        days = sorted((e for e in entries if e.id in ids), key=lambda e: e.created_at)
        position = {e.id: k / max(1, len(days)) for k, e in enumerate(days)}
        quoted |= {item[1].id for item in _across(list(items), position, LINES)}
    return quoted


def _month_lines(scored: list[tuple[float, PeriodEntry, SalientLine]], base: dict[str, float],
                 entries: Sequence[PeriodEntry], limit: int,
                 tones: dict[str, float],
                 others: dict[str, tuple[float, SalientLine]] | None = None,
                 refrain: frozenset[str] = frozenset(), moved: frozenset[str] = frozenset(),
                 ends: frozenset[str] = frozenset()
                 ) -> tuple[list[tuple[float, PeriodEntry, SalientLine]], str | None]:
    """A month's lines, read as the month and not as its weeks: the line where it turned
    (`turn_of`) and the one where it landed are quoted first; a line its weekly digest
    already quotes weighs `REPEATED` of its weight, so the month's other lines — the ones
    a week's five left out — come before a repeat, and no more than `MONTH_REPEATS` of
    them are quoted (a month of short entries, every one of them quoted by its week, was
    its weeks' lines again). No sentence is quoted twice, and a line holding one of the
    month's `refrain` sentences ("Tired.", said with its count) is left to that, unless
    the month turned or landed there (a death or a birth told is quoted whatever:
    `_across`). A month whose first and last weeks are said side by side (`moved`: the
    keys of their sentences) has its landing said there: no line of its own is kept for
    it, no line repeats one of those sentences, and of the lines its weeks quoted it
    keeps `MOVED_REPEATS`, those written between its first and last weeks (not in `ends`)
    first: the ends are heard in that line."""
    weekly = weekly_quoted([(base.get(e.id, w), e, line) for w, e, line in scored], entries)
    turn = turn_of(entries, {}, tones)
    last = max((item[1].created_at for item in scored), default="")
    kept = {turn, None if moved else next((item[1].id for item in scored
                                           if item[1].created_at == last), None)}
    others = others or {}
    weighed = []
    for w, e, line in scored:
        if e.id in weekly and e.id not in kept and e.id in others and not told(line.text):
            # the week quoted this entry's first line: the month its other one
            other_w, other = others[e.id]
            weighed.append((other_w + (w - base.get(e.id, w)), e, other))
        elif w > 0 and e.id in weekly and e.id not in kept:
            weighed.append((w * REPEATED, e, line))
        else:
            weighed.append((w, e, line))
    if turn is not None:
        top = max((w for w, _, _ in weighed), default=0.0)
        weighed = [(max(w, top) if e.id == turn else w, e, line) for w, e, line in weighed]
    weighed = _said_once(weighed, kept, refrain | moved)
    order = {e.id: k for k, e in enumerate(sorted(entries, key=lambda e: e.created_at))}
    chosen = _across(weighed, {k: order[k] / max(1, len(entries)) for k in order}, limit)
    # A repeat is a line its week's digest quotes too (not the entry's other line).
    repeats = [item for item in chosen if item[1].id in weekly
               and not (item[1].id in others and item[2] is others[item[1].id][1])]
    # ...the month keeps where it turned and landed and a loss or a birth told, then the
    # strongest of the rest, a week giving no more than `WEEK_REPEATS` of them while
    # another week has one to give (the week of the diagnosis is two lines, and the week
    # of the relief after it is heard), up to `MONTH_REPEATS` in all.
    given: Counter[tuple[int, int]] = Counter(_week_of(item) for item in chosen
                                              if item not in repeats)
    ranked: list[tuple[bool, bool, int, tuple[float, PeriodEntry, SalientLine]]] = []
    for item in sorted(repeats, key=lambda s: (s[1].id not in kept and not told(s[2].text),
                                               -s[0])):
        week = _week_of(item)
        essential = item[1].id in kept or told(item[2].text)
        ranked.append((not essential and given[week] >= WEEK_REPEATS,
                       not essential and item[1].id in ends, len(ranked), item))
        given[week] += 1
    ranked.sort(key=lambda r: r[:3])
    dropped = {item[1].id for *_, item in ranked[MOVED_REPEATS if moved else MONTH_REPEATS:]
               if item[1].id not in kept and not told(item[2].text)}
    return [item for item in chosen if item[1].id not in dropped], turn


def _said_once(weighed: list[tuple[float, PeriodEntry, SalientLine]], kept: set[str | None],
               refrain: frozenset[str]) -> list[tuple[float, PeriodEntry, SalientLine]]:
    """`weighed` without a line that repeats a sentence of a heavier one ("Frühschicht.
    Müde. Nichts weiter." after "Frühschicht. Müde. Sonst nichts.") or holds one of the
    month's `refrain` sentences — save where the month turned or landed (`kept`), or a
    death or a birth told."""
    out = []
    seen: set[str] = set()
    for item in sorted(weighed, key=lambda s: (s[1].id not in kept, -s[0], s[1].created_at)):
        keys = set(digest_month.sentence_keys(item[2].text))
        essential = item[1].id in kept or told(item[2].text)
        if not essential and (keys & seen or keys & refrain):
            continue
        seen |= keys
        out.append(item)
    return out


def _week_of(scored: tuple[float, PeriodEntry, SalientLine]) -> tuple[int, int]:
    """The ISO week a line was written in (the writer's day, else the UTC one)."""
    day = digest_words.line_day(scored[2].date) or date.fromisoformat(scored[1].created_at[:10])
    year, week, _ = day.isocalendar()
    return year, week


def _across_weeks(chosen: list[tuple[float, PeriodEntry, SalientLine]],
                  felt_lines: list[tuple[float, PeriodEntry, SalientLine]], limit: int,
                  top: float) -> list[tuple[float, PeriodEntry, SalientLine]]:
    """A month's `limit` lines: the strongest of the month, from across its weeks. Each
    week's best line first (when it says something felt: `ACROSS` of the month's best),
    then the strongest of the rest, no week giving more than its share (`WEEK_SHARE` of
    the lines, at least two): the week of the diagnosis is told by its two strongest
    lines, not by the two that happened to fall in the same stretch of days, and a month
    is not its weekly digests laid end to end."""
    weeks: dict[tuple[int, int], list[tuple[float, PeriodEntry, SalientLine]]] = {}
    for s in felt_lines:  # strongest first
        weeks.setdefault(_week_of(s), []).append(s)
    share = max(2, -(-limit * WEEK_SHARE // 1))
    taken: Counter[tuple[int, int]] = Counter(_week_of(s) for s in chosen)
    for week in sorted(weeks):
        best = weeks[week][0]
        if len(chosen) < limit and best not in chosen and (best[0] >= ACROSS * top or best[0] > 0):
            chosen.append(best)
            taken[week] += 1
    for s in felt_lines:
        if len(chosen) >= limit:
            break
        if s not in chosen and taken[_week_of(s)] < share:
            chosen.append(s)
            taken[_week_of(s)] += 1
    return chosen


def salient_lines(entries: Sequence[PeriodEntry], limit: int = LINES,
                  central: Sequence[str] = (), language: str | None = None) -> list[SalientLine]:
    """The person's own most salient lines of the period, one per entry, oldest first
    (`central`: the people who come up across it, see `_read_period`)."""
    return list(_read_period(entries, limit, central, language=language).lines)


def month_lines(entries: Sequence[PeriodEntry], central: Sequence[str] = (),
                language: str | None = None) -> tuple[tuple[SalientLine, ...], tuple[SalientLine, ...]]:
    """A month's lines (as `salient_lines`) and the sentences that set its first week and
    its last side by side (`digest_month.moved`; none when it does not)."""
    read = _read_period(entries, MONTH_LINES, central, language=language)
    return read.lines, read.moved


def people(entries: Sequence[PeriodEntry], before: Sequence[PeriodEntry] = (),
           language: str | None = None, history: Callable[[], Sequence[str]] | None = None,
           nearby: Callable[[], Sequence[str]] | None = None) -> tuple[Counter[str], Counter[str]]:
    """(person -> how many of the entries mention them, the same over the entries of the
    period before), by `mirror.services.people` (a name that stood as a person in this
    period counts in the one before too), every entry read in the period's `language`
    (a German week's capitals are its nouns, even in a line of three words)."""
    return people_in.compare([e.content for e in entries], [e.content for e in before], language,
                             history, nearby)


HISTORY_DAYS = 56  # weeks read for who "he" or "she" is, when a period never says
SPOKEN_OF = 2  # entries that say "he" or "she" of no one named, for the period's person to be them


def _spoken_of(found: Counter[str], before: Counter[str], entries: Sequence[PeriodEntry],
               history: Callable[[], Sequence[PeriodEntry]], language: str | None) -> Counter[str]:
    """`found` with the person a period speaks of only as "he" or "she": the week after
    the surgery that says "Had him walking to the kitchen", "Snapped at him over the bins"
    and never his name is about the partner named all the week before. When `SPOKEN_OF`
    entries or more say "he" (or "she") and name no one the digest lists, the person of
    this period or the one before who is named most over the `HISTORY_DAYS` before it and
    the period itself — in two entries or more, more than anyone else, and spoken of as
    "he" (or "she") where named alone — is counted in them. Nobody is, when the pronoun
    names no one clearly."""
    listed = [n for n in (*found, *before) if not n.startswith("your ")]
    if not listed:
        return found
    # One pattern for every name: a month is a thousand entries and more.
    names = re.compile(r"(?<![\w'’-])(" + "|".join(
        re.escape(n) for n in sorted(set(listed), key=len, reverse=True)) + r")(?![\w-])")
    unnamed: dict[int, list[str]] = {0: [], 1: []}
    for e in entries:
        he, she = people_in.he_or_she(e.content, language)
        if he == she or names.search(e.content) or people_in.mentions_someone(e.content):
            continue
        if he > she:  # ("Physio came - Helen… Had him walking… She says…": mostly him)
            unnamed[0].append(e.id)
        elif she > he:
            unnamed[1].append(e.id)
    side = max((0, 1), key=lambda k: len(unnamed[k]))
    if len(unnamed[side]) < SPOKEN_OF or len(unnamed[1 - side]) >= SPOKEN_OF:
        return found
    # Who is spoken of that way where named alone, by entries named in, both periods.
    named_in: Counter[str] = Counter()
    pronoun: Counter[str] = Counter()
    for e in (*history(), *entries):
        here = {m.group(1) for m in names.finditer(e.content)}
        if len(here) != 1:
            continue
        (name,) = here
        named_in[name] += 1
        he, she = people_in.he_or_she(e.content, language)
        pronoun[name] += (he - she) if side == 0 else (she - he)
    ranked = sorted((n for n in named_in if named_in[n] >= 2 and pronoun[n] > 0),
                    key=lambda n: (-named_in[n], n))
    if not ranked or (len(ranked) > 1 and named_in[ranked[1]] == named_in[ranked[0]]):
        return found
    out = Counter(found)
    out[ranked[0]] += len(unnamed[side])
    return out


def _tag_people(entries: Sequence[PeriodEntry], tags: dict[str, tuple[str, ...]],
                language: str | None) -> set[str]:
    """The people the person named in their tags ("#Henk", "#Sam", `people.tag_person`):
    a tag is someone only on an entry that writes the name or speaks of someone ("he",
    "hem", "ella"; "#Erasmus" on a first night abroad is not), never a word the entries
    write in lower case (an ordinary word) or where a place stands ("#Lyon" of "en Lyon")."""
    named: set[str] = set()
    for entry in entries:
        for tag in tags.get(entry.id, ()):
            person = people_in.tag_person(tag, language)
            if person is not None and (person in people_in.KIN_NAMES or person in entry.content
                                       or people_in.speaks_of_someone(entry.content, language)):
                named.add(person)
    texts = [e.content for e in entries]
    return {p for p in named if not people_in.written_as_place(p, texts)
            and not people_in.no_one(p, texts) and (
        p in people_in.KIN_NAMES or not any(
            re.search(rf"(?<![\w'’-]){re.escape(p.lower())}(?![\w-])", t) for t in texts))}


def _tagged(found: Counter[str], entries: Sequence[PeriodEntry], tags: dict[str, tuple[str, ...]],
            language: str | None, named: set[str]) -> Counter[str]:
    """`found` with the people tags name (`_tag_people`, of this period or the other one),
    counted in the entries tagged with them or writing their name: a week about a
    neighbour written as "he" and tagged with his name is about him."""
    out = Counter(found)
    texts = [e.content for e in entries]
    for person in sorted(named - set(found)):
        if people_in.relation_of(person) in found:
            continue  # "#Dad" of a week that says "my father": one person
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(person)}(?![\w-])")
        if person not in people_in.KIN_NAMES and (people_in.written_as_place(person, texts) or any(
                re.search(rf"(?<![\w'’-]){re.escape(person.lower())}(?![\w-])", t) for t in texts)):
            continue  # "#Hope" of entries that write "hope": a word, not a name
        n = sum(1 for e in entries if any(people_in.tag_person(t, language) == person
                                          for t in tags.get(e.id, ())) or pattern.search(e.content))
        if n:
            out[person] = n
    return out


def _with_the_quoted(found: Counter[str], lines: Sequence[SalientLine],
                     entries: Sequence[PeriodEntry], language: str | None = None,
                     nearby: Callable[[], Sequence[str]] | None = None) -> Counter[str]:
    """`found` with the people a quoted line shows acting ("Marek wanted it shorter"),
    though the period also wrote them where a place stands ("the draft to Marek"): whoever
    the digest quotes is listed among who came up, counted in the entries that name them."""
    parts = {w for n in found for w in n.split()}  # "Lurdes" of "Dona Lurdes"
    quoted = [n for line in lines for n in people_in.count([line.text], language)
              if n not in found and n not in parts and not n.startswith("your ")
              and n not in people_in.KIN_NAMES and people_in.form_of(n, found, language) is None]
    if not quoted:
        return found
    out = Counter(found)
    texts = [e.content for e in entries]
    for name in dict.fromkeys(quoted):
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w’-])")
        if any(name.lower() in e.content.split() for e in entries):
            continue  # written in lower case too: an ordinary word opening a sentence
        said = next((line.text for line in lines if name in line.text), "")
        if people_in.opens_only(name, said, language) and people_in.no_name(
                name, texts, nearby() if nearby is not None else (), language):
            continue  # "Ambulance took 22 minutes": a noun opening a terse line, once
        if people_in.no_one(name, [e.content for e in entries], nearby):
            continue  # a pet, a place, a novel's heroine: the journal says so elsewhere
        out[name] = sum(1 for e in entries if pattern.search(e.content))
    return out


def feeling(entries: Sequence[PeriodEntry], period: Period,
            stated: dict[str, tuple[tuple[str, ...], frozenset[str]]]) -> str:
    """The period's feeling in one plain sentence, or "" (then the digest opens with its
    counts): only feelings the writer said of themselves (`_stated_in`), never one an event
    or a word of the story suggests ("fear" for a triumph told with a funeral in it,
    "grief" for a birth). Each counts more where its entry lands (its last sentence) and
    the later in the period its entry is: a week is remembered by how it ended."""
    since, until = (datetime.fromisoformat(period.since.replace("Z", "+00:00")),
                    datetime.fromisoformat(period.until.replace("Z", "+00:00")))
    span = (until - since).total_seconds() or 1.0

    def position(e: PeriodEntry) -> float:
        at = datetime.fromisoformat(e.created_at.replace("Z", "+00:00"))
        return min(1.0, max(0.0, (at - since).total_seconds() / span))

    marks: list[tuple[float, dict[str, float]]] = []
    grieved = False
    happened: set[str] = set()  # the sides of what happened: a birth, a break-up, a job
    for e in sorted(entries, key=lambda e: e.created_at):
        if e.id not in stated:
            continue
        side = _direction(e.content)
        if side:
            happened.add(side)
        if death_told(e.content):
            if "grief" not in stated[e.id][0]:
                # A loss told without a feeling word: any feeling named beside it ("calm",
                # "love") would misread the period; the loss line says what happened.
                return ""
            grieved = True
        fams, landing = stated[e.id]
        at = position(e)
        later = EARLY + (1.0 - EARLY) * at  # the period's start weighs EARLY of its end
        marks.append((at, {f: later * (STRONGEST if k == 0 else 1.0)
                           * (LANDS if f in landing else 1.0) for k, f in enumerate(fams)}))
    said = {valence_of(f) for _, m in marks for f in m} & {"positive", "negative"}
    if any(side not in said for side in happened) and said:
        # A birth with only fear said, a break-up with only gratitude: the feeling named
        # would stand against what happened ("love" for a week of heartbreak).
        return ""
    return mood(marks, period.kind, frozenset({"grief"}) if grieved else frozenset()) or ""


_GOOD_NEWS = re.compile(r"got the job|job offer|promot|offered me the", re.IGNORECASE)


def _direction(text: str) -> str:
    """The side of a life event that sets a period's direction whatever words surround it:
    "positive" for a birth, an engagement, a job won; "negative" for a break-up or a job
    lost; "" for none, and for a diagnosis or a hospital (told of others and of good news
    too: "visited Gran in hospital, she was chatty")."""
    weight, family, offset = event(text)
    if family in ("joy", "hurt") and weight >= 3.0 or family == "fear" and weight == 3.0:
        return valence_of(family)
    if family == "hope" and _GOOD_NEWS.match(text, offset):
        return "positive"
    return ""


def _happened(entries: Sequence[PeriodEntry], persons: Sequence[str]) -> str:
    """What happened in the period, said plainly for the digest's first line ("Mum's
    stroke", "a death", "losing your job"): the heaviest life event told (`JOB_EVENT` or
    heavier: losing a job, an engagement, a diagnosis, a death…), named by its most specific word, and whose it was when one
    of the period's people — the most mentioned first — is in the entry that tells it."""
    told = [(event(e.content)[0], e) for e in entries]
    heaviest = max((w for w, _ in told), default=0.0)
    if heaviest < JOB_EVENT:
        return ""
    best: tuple[int, str] | None = None
    for weight, entry in told:
        if weight < heaviest:
            continue
        there = set(people_in.in_text(entry.content))
        who = next((p for p in persons if p in there and not p.startswith("your ")), None)
        named = event_name(entry.content, who)
        if named and (best is None or named[0] < best[0]):
            best = named
    return best[1] if best else ""


# -- the digest -----------------------------------------------------------------------------------
def _counted(now: dict[str, int], before: dict[str, int], limit: int,
             label: dict[str, str] | None = None) -> tuple[Counted, ...]:
    """The `limit` most frequent this period, then those of the period before that did
    not come up at all (count 0: "quieter than the week before")."""
    names = sorted(now, key=lambda k: (-now[k], k))[:limit]
    gone = sorted((k for k in before if k not in now), key=lambda k: (-before[k], k))[:limit]
    return tuple(Counted(k, now.get(k, 0), before.get(k, 0), (label or {}).get(k, ""))
                 for k in (*names, *gone))


def write(ctx: JournalContext, kind: str, when: str | None = None, *,
          engine: bool = False) -> Digest:
    """The digest of the week or month holding `when` (default: now): offline, or with
    `engine` by the configured model engine (falling back to the offline digest, with a
    notice, whenever the model cannot be used or its answer fails the checks)."""
    period = resolve_period(ctx, kind, when)
    previous = previous_of(period, ctx.timezone)
    offline = _build(ctx, period, previous)
    if not engine:
        return offline
    language = digest_words.period_language(
        [e.content for p in (period, previous)
         for e in periods.entries(ctx.store.conn, p.since, p.until) if e.care is None])
    from mirror.services import digest_model  # adapters and the ledger: only with --engine

    def facts(include_private: bool) -> tuple[str, str, tuple[str, ...]]:
        """What a model may be sent: the digest's text without its care lines, the words
        it may quote, and the IDs of the reflections behind them (for the egress ledger)."""
        entries = [e for e in periods.entries(ctx.store.conn, period.since, period.until)
                   if e.care != "care" and (include_private or not e.private)]
        shown = offline if include_private else _build(ctx, period, previous, False)
        return (render(replace(shown, care=None), language), own_words(shown, entries),
                tuple(e.id for e in entries))

    private = any(e.private for e in periods.entries(ctx.store.conn, period.since, period.until))
    return digest_model.rewrite(ctx, offline, facts, private,
                                care_lines(offline, digest_words.words(language)))


def _build(ctx: JournalContext, period: Period, previous: Period,
           include_private: bool = True) -> Digest:
    conn = ctx.store.conn
    entries = periods.entries(conn, period.since, period.until)
    # Only a care response (the tier `reflect` answers with help instead of a mirrorback)
    # is said in the digest. An entry that got a mirrorback with the gentle line beside it
    # is counted and, like a care entry, never quoted or mined for names; but announcing
    # care for it turned an ordinary week (a break-up's "it was my fault") into one that
    # "received care".
    cared = [e for e in entries if e.care == "care"]
    ordinary = [e for e in entries if e.care is None and (include_private or not e.private)]
    earlier = periods.entries(conn, previous.since, previous.until)
    before_count = len(earlier)
    words = sum(len(e.content.split()) for e in entries)
    before_words = sum(len(e.content.split()) for e in earlier)
    # The period before is read by the same rules: care entries never mined for names,
    # private ones only when this period's are.
    earlier_ordinary = [e for e in earlier
                        if e.care is None and (include_private or not e.private)]

    labels = constitution.pattern_labels()
    patterns = tuple(
        Counted(c.name, c.count, c.previous, labels.get(c.name, c.name.replace("_", " ")))
        for c in _counted(periods.pattern_counts(conn, period.since, period.until),
                          periods.pattern_counts(conn, previous.since, previous.until), 10))
    tension_now = {f"{t.axis_a} / {t.axis_b}": t.reflections
                   for t in periods.tension_counts(conn, period.since, period.until)}
    tension_before = {f"{t.axis_a} / {t.axis_b}": t.reflections
                      for t in periods.tension_counts(conn, previous.since, previous.until)}
    tensions = _counted(tension_now, tension_before, 8)
    tags = _counted(periods.tag_counts(conn, period.since, period.until),
                    periods.tag_counts(conn, previous.since, previous.until), THEMES)
    threads = _counted(periods.thread_counts(conn, period.since, period.until),
                       periods.thread_counts(conn, previous.since, previous.until), THEMES)
    # The period's language, judged with the period before it: a week of one short line
    # ("Un peu triste, un peu libre.") is read with the journal around it.
    language = digest_words.period_language([e.content for e in (*ordinary, *earlier_ordinary)])
    @cache
    def history() -> tuple[PeriodEntry, ...]:
        """The weeks before the two periods, read by the same rules (only when needed)."""
        since = utc_iso(datetime.fromisoformat(period.since.replace("Z", "+00:00"))
                        - timedelta(days=HISTORY_DAYS))
        return tuple(e for e in periods.entries(conn, since, period.since)
                     if e.care is None and (include_private or not e.private))

    @cache
    def nearby() -> tuple[str, ...]:
        """The journal's texts on both sides of the period (`HISTORY_DAYS` each way), read
        for whether a name is a pet, a place or a character: the digest of a past week
        knows what the journal has said since ("Forse sto esagerando, e' un cane")."""
        until = utc_iso(datetime.fromisoformat(period.until.replace("Z", "+00:00"))
                        + timedelta(days=HISTORY_DAYS))
        later = [e.content for e in periods.entries(conn, period.until, until)
                 if e.care is None and (include_private or not e.private)]
        return (*(e.content for e in history()), *later)

    now_people, before_people = people(ordinary, earlier_ordinary, language,
                                       lambda: [e.content for e in history()], nearby)
    now_tags = periods.tags_by_entry(conn, period.since, period.until)
    before_tags = periods.tags_by_entry(conn, previous.since, previous.until)
    # Who one period's tags name is counted in the other wherever written ("#Henk" last
    # week; "Henk niet gekomen" this week), as a name found by its words is (`people.compare`).
    tagged = _tag_people(ordinary, now_tags, language) | _tag_people(earlier_ordinary, before_tags,
                                                                     language)
    now_people = _tagged(now_people, ordinary, now_tags, language, tagged)
    before_people = _tagged(before_people, earlier_ordinary, before_tags, language, tagged)
    now_people = _spoken_of(now_people, before_people, ordinary, history, language)
    # A relation named once without a name ("my cousin's wedding") is rarely who the
    # period was about; one who comes up in two entries or more is, and so is one who
    # came up in the period before too (the sister of a funeral week, there all along).
    now_people = Counter({n: c for n, c in now_people.items()
                          if c >= UNNAMED or not n.startswith("your ") or before_people[n]})
    before_people = Counter({n: c for n, c in before_people.items()
                             if c >= UNNAMED or not n.startswith("your ") or n in now_people})
    gone = sorted((n for n in before_people if n not in now_people),
                  key=lambda n: (-before_people[n], n))[:PEOPLE]  # count 0, as patterns
    # Who comes up across the period: in `CENTRAL` entries or more, by name (a relation
    # without one, "your sister", is not searched for).
    central = [n for n, c in now_people.items() if c >= CENTRAL and not n.startswith("your ")]
    reading = _read_period(ordinary, LINES if period.kind == "week" else MONTH_LINES, central,
                           frozenset(n for n in now_people if not n.startswith("your ")),
                           language)
    lines = reading.lines
    now_people = _with_the_quoted(now_people, lines, ordinary, language, nearby)
    # Among those who came up as often, the ones in the entries quoted first: the period
    # was about them ("I kept reaching for my phone to tell Jamie… I miss him so much").
    texts = {e.id: e.content for e in ordinary}
    quoted = " ".join(texts.get(line.reflection_id, "") for line in lines)
    order = {n: k for k, n in enumerate(now_people)}
    central = sorted(now_people, key=lambda n: (-now_people[n], n.removeprefix("your ") not in quoted,
                                                order[n]))[:PEOPLE]
    persons = (*(Counted(n, now_people[n], before_people[n]) for n in central),
               *(Counted(n, 0, before_people[n]) for n in gone))
    happened = _happened(ordinary, [c.name for c in persons if c.count])
    care = None
    if cared:
        care = DigestCare(len(cared), gentle_line("en"),
                          tuple(ctx.settings.get("care.resources") or ()))
    arc = digest_month.arcs(ordinary, [c.name for c in persons if c.count], language) \
        if period.kind == "month" else ()
    digest = Digest(period, previous, len(entries), words, before_count, before_words,
                    patterns, tensions, lines, persons, tags, threads, care, "", "offline", True,
                    feeling=feeling(ordinary, period, reading.stated), event=happened, arc=arc,
                    refrains=reading.refrains, moved=reading.moved)
    return guarded(digest, ordinary, language)


def own_words(digest: Digest, entries: Sequence[PeriodEntry]) -> str:
    """What the digest may quote as the person's own (the guardian's exemption for quoted
    words): its lines — each an exact piece of one of `entries` — tags, thread titles and
    names. Only these, not the whole period: the guardian tokenizes what it is given, and a
    month at 100k reflections is a megabyte of text."""
    ids = {e.id for e in entries}
    lines = [line.text for line in (*digest.lines, *digest.moved) if line.reflection_id in ids]
    extra = [c.name for c in (*digest.tags, *digest.threads, *digest.people, *digest.refrains)]
    return "\n".join([*lines, *extra])


def guarded(digest: Digest, entries: Sequence[PeriodEntry], language: str | None = None) -> Digest:
    """The digest with its text, checked by the guardian. A text that fails (a tag or a
    thread title that reads as advice) loses its themes and is checked again; the flags
    stay on the record either way."""
    text = render(digest, language)
    report = check(text, own_words(digest, entries))
    if report.passed:
        return replace(digest, text=text, checks_passed=True)
    bare = replace(digest, tags=(), threads=(), people=(), arc=())
    text = render(bare, language)
    second = check(text, own_words(digest, entries))
    return replace(bare, text=text, checks_passed=second.passed,
                   flags=tuple(report.flags), notices=(
                       "themes left out: their words did not pass the constitution's checks",))


# -- words ------------------------------------------------------------------------------------------
def _words(d: Digest) -> digest_words.Words:
    """The digest's frame words, in the language of the person's lines it quotes."""
    return digest_words.words(digest_words.language_of(line.text for line in d.lines))


def care_lines(d: Digest, said: digest_words.Words | None = None) -> list[str]:
    """The period's care, in the words `reflect` uses and the journal's language: never a
    summary of those entries, and said as what happened (those entries were answered with
    care), not as a label on the person or the week."""
    if d.care is None:
        return []
    w = said or _words(d)
    line = gentle_line(w.language) if w.language != digest_words.NEUTRAL else d.care.line
    return [w.counted("care", d.care.reflections, d.period.kind), line,
            *(f"- {r}" for r in d.care.resources)]


def _loss(d: Digest, w: digest_words.Words) -> str:
    """A plain line that a death was written about, and when ("On 15 October you wrote of
    a loss, and of the days after it."): the period's counts and feelings alone would pass
    over it. Descriptive only — no condolence, nothing to do — and only from a line the
    digest quotes (a death told is always quoted), so it is never about a care entry."""
    for k, line in enumerate(d.lines):
        if death_told(line.text):
            day = digest_words.line_day(line.date)
            shown = w.day(day, short=True) if day else line.date
            return w.say("loss_after" if k + 1 < len(d.lines) else "loss", day=shown)
    return ""


def render(d: Digest, language: str | None = None) -> str:
    """The digest as text, in the period's `language` (`digest_words.period_language`;
    when not given, that of the lines it quotes): the person's own words first,
    then who came up, then the counts, quietly, at the end.

    A summary that opens with counts and "(1, new)" beside each name reads as a form —
    coldest in a week of grief, where "Dad (1, new)" stood under the day he died. So the
    person's lines lead; people are named without tallies; tags keep a count only where
    it says something (more than one) and are named only when on `TAG_SHARE` of the
    entries; a week with a loss in it says so plainly first and is not set against the
    week before. The period's feeling and the patterns stay in
    `--json` (a pattern's name, "obligation language", reads as a verdict on the person;
    the feeling line named the wrong feeling in 7 of 11 graded digests). Care is said after
    the person's own words, so a week is not introduced by its care line."""
    w = digest_words.words(language) if language else _words(d)
    kind = d.period.kind
    out = [w.title(d.period), ""]
    if not d.reflections:
        out.append(w.by_kind("nothing_before", kind, reflections=w.counted(
            "reflections", d.previous_reflections)) if d.previous_reflections
            else w.by_kind("nothing", kind))
        return "\n".join(out)
    loss = _loss(d, w)
    if loss:
        out += [loss, ""]
    if d.lines:
        out.append(w.say("own_words"))
        for line in d.lines:
            marks = [w.say("private")] * line.private + [w.say("wry")] * line.wry + \
                [digest_month.say(w.language, "turned")] * line.turn
            mark = "".join(f" ({m})" for m in marks)
            day = digest_words.line_day(line.date)
            out.append(f"  {w.day(day) if day else line.date}{mark}: “{line.text}”")
        out.append("")
    if kind == "month" and len(d.moved) == 2:
        # how the month's first week sounded and how its last did, side by side
        days = []
        for line in d.moved:
            day = digest_words.line_day(line.date)
            days.append((w.day(day, short=True) if day else line.date)
                        + (f", {w.say('private')}" if line.private else ""))
        out += [digest_month.moved_line(d.moved[0].text, d.moved[1].text, days[0], days[1],
                                        w.language), ""]
    refrain = digest_month.refrain_line(d.refrains, w.language) if kind == "month" else ""
    if refrain:
        out += [refrain, ""]  # what ran through the month, in the person's words, once
    if d.care is not None:
        out += [*care_lines(d, w), ""]
    persons = [w.relation(c.name) for c in d.people if c.count]
    if persons:
        out.append(w.say("people", names=", ".join(persons)))
    moved = digest_month.across(d.arc, w.language, w) if kind == "month" else ""
    if moved:
        out.append(moved)  # a month's own shape: who was there throughout, who came, who went
    # Tension axes are named in English only (the constitution's template axes); in a
    # week with a loss they read as a diagnosis of grief and are left to --json.
    pairs = [c for c in d.tensions if c.count]
    if pairs and w.language == "en" and not loss:
        out.append(w.say("tensions", pairs=", ".join(
            f"{w.say('pair', a=a, b=b)} ({c.count})"
            for c in pairs for a, _, b in [c.name.partition(" / ")])))
    # A tag is the period's when it is on a fair share of its entries: "#work" on one
    # entry of thirteen labelled a month that was about something else.
    tags = [c for c in d.tags if c.count and c.count >= TAG_SHARE * d.reflections]
    if tags:
        out.append(w.say("tags", tags=", ".join(
            f"#{c.name}" + (f" ({c.count})" if c.count > 1 else "") for c in tags)))
    threads = [c for c in d.threads if c.count]
    if threads:
        out.append(w.say("threads", threads=", ".join(f"“{c.name}” ({c.count})" for c in threads)))
    if out[-1]:
        out.append("")
    reflections = w.counted("reflections", d.reflections)
    written = w.counted("words", d.words)
    if loss:
        out.append(w.by_kind("written_alone", kind, reflections=reflections, words=written))
    else:
        before = w.number(d.previous_reflections) if d.previous_reflections else w.say("none")
        out.append(w.by_kind("written", kind, reflections=reflections, words=written,
                             before=before))
    # What was absent is not listed: "not seen this week: gratitude" tells a person what
    # they supposedly did not feel, and a reading that missed it would say so wrongly.
    # The JSON keeps the counts (count 0, previous N) for scripts.
    return "\n".join(out)

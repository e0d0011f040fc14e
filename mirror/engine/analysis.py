"""`analyze(text)`: everything the engine reads in one reflection, computed once.

The analysis is pure and deterministic: the same text always gives the same analysis, so
storage can re-derive patterns, tensions and the care marker after an import instead of
trusting a bundle's copy of them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from mirror.engine.care import CARE, GENTLE, CareFinding, assess, response_language
from mirror.engine.care.text import pieces
from mirror.engine.language import language_of
from mirror.engine.patterns import PatternMatch, analyze_patterns, cue_sentences
from mirror.engine.reading import played_down, sarcastic
from mirror.engine.tensions import Contrast, Tension, find_contrasts, find_tensions
from mirror.engine.tokenize import Token, tokenize

#: The most characters of a reflection the engine reads for its patterns, tensions,
#: language and mirrorback: the beginning of a longer one, cut after a paragraph, line or
#: word (`care.text.pieces`). Reading costs ~200 bytes of memory a character, so a 50 MB
#: reflection (storage keeps up to 64 MiB, whole) would need ~10 GB; its care check still
#: reads all of it, piece by piece (`care.detect.PIECE_CHARS`). `Analysis.text` is what
#: was read; the service tells the person when it is not the whole reflection.
READ_CHARS = 100_000

#: Patterns that take the person's words at face value as praise or thanks.
_PRAISE = frozenset({"gratitude"})


@dataclass(frozen=True)
class Analysis:
    """What one reflection contains, as the engine sees it."""

    text: str
    tokens: tuple[Token, ...]
    patterns: tuple[PatternMatch, ...]
    tensions: tuple[Tension, ...]
    contrasts: tuple[Contrast, ...]
    care_finding: CareFinding
    language: str
    english: bool
    #: The language the care texts answer in (only when a care tier applies).
    care_language: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.tokens)

    @property
    def care(self) -> tuple:
        """The care signals (evidence) found, if any."""
        return self.care_finding.signals

    @property
    def needs_care(self) -> bool:
        """True when the reflection signals a crisis: answer with care, send to no model."""
        return self.care_finding.tier == CARE

    @property
    def gentle(self) -> bool:
        """True for an ambiguous signal: the mirrorback, plus one line that help exists."""
        return self.care_finding.tier == GENTLE

    @property
    def pattern_counts(self) -> dict[str, int]:
        """Occurrences per pattern name, in order of first appearance."""
        counts: dict[str, int] = {}
        for m in self.patterns:
            counts[m.name] = counts.get(m.name, 0) + 1
        return counts


def reading_window(text: str) -> str:
    """The part of `text` the engine reads (see `READ_CHARS`): all of it, or its beginning."""
    if len(text) <= READ_CHARS:
        return text
    return text[:next(pieces(text, READ_CHARS))[1]]


def analyze(text: str, care: CareFinding | None = None) -> Analysis:
    """Tokens, patterns, tensions, contrasts, crisis signals and a language guess: of the
    beginning of a very long text (`READ_CHARS`), but crisis signals of all of it.
    `care`: the care detector's verdict on this very text, read before and kept
    (`care.readings`): it is used instead of reading the text for care again."""
    whole, text = text, reading_window(text)
    tokens = tokenize(text)
    contrasts = tuple(find_contrasts(text, tokens))
    language, english = language_of(text, tokens)
    found, own_stance = analyze_patterns(text, tokens, contrasts)
    patterns = tuple(found)
    if any(m.name in _PRAISE for m in patterns) and sarcastic(text, tokens, language if not english else "en"):
        # "Another Monday. Truly living the dream. #blessed": praise meant as its opposite is
        # not the person's gratitude (issue: sarcasm read as gratitude).
        patterns = tuple(m for m in patterns if m.name not in _PRAISE)
    if any(m.name == "self_judgment" for m in patterns):
        # "Blur, The Verve and — I'm a little ashamed — Hanson": a judgement played down in an
        # aside is a wink, not the writer's self-judgment (read blind, named as "sharp words
        # about yourself", graded 1)
        starts = [t.start for t in tokens]
        patterns = tuple(m for m in patterns if m.name != "self_judgment" or not played_down(
            language if not english else "en", text, tokens, bisect_left(starts, m.start)))
    # Only tension *language* ("torn between") licenses both poles in one sentence without a
    # contrast; a structural internal tension already is a contrast.
    cues = cue_sentences(tokens, patterns)
    finding = assess(whole) if care is None else care
    return Analysis(
        text=text,
        tokens=tokens,
        patterns=patterns,
        tensions=tuple(find_tensions(text, tokens, contrasts, cues, own_stance)),
        contrasts=contrasts,
        care_finding=finding,
        language=language,
        english=english,
        care_language=response_language(whole, finding) if finding.tier else None,
    )

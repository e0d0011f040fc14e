"""The words a digest says around the person's own, in the journal's language.

A digest of a Spanish journal that says "You wrote 4 reflections this week" around quotes
in Spanish reads as a form filled in by someone else. Its frame — the title, the dates,
the counts, "in your own words", the relations ("tu hermana"), the care line — comes from
`constitution/digest/<language>.yaml` (data, reviewed like the rest of the constitution),
for the language the period's quoted lines are written in (`language_of`, the engine's
function-word guess). A language without a file gets `neutral.yaml`: dates as numbers,
signs, and the person's own words; never English by default.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from mirror.constitution import yaml_load_text
from mirror.engine.language import UNDETERMINED
from mirror.engine.language import language_of as language_of_text
from mirror.engine.tokenize import Tokens, as_tokens, tokenize
from mirror.models.digests import Period
from mirror.resources import constitution_dir

NEUTRAL = "neutral"
#: The month names `reflection_date` writes a line's date with ("3 March 2026").
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")


@cache
def _load(language: str) -> dict[str, Any] | None:
    entry = constitution_dir() / "digest" / f"{language}.yaml"
    if not entry.is_file():
        return None
    data = yaml_load_text(entry.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


SAMPLE = 40          # entries a period's language is judged from (evenly spread)
SAMPLE_CHARS = 600   # ...and the characters of each


def period_language(texts: Sequence[str]) -> str:
    """The language a period was written in: its entries' words together, so a short line
    ("Un peu triste, un peu libre.") is judged with the rest of the journal around it. A
    large month is judged from `SAMPLE` entries spread across it."""
    step = max(1, len(texts) // SAMPLE)
    return language_of(t[:SAMPLE_CHARS] for t in texts[::step])


def language_of(texts: Iterable[str]) -> str:
    """The language of `texts` (English when there are none or too few words to tell);
    a language Mirror has no digest words for is `NEUTRAL`."""
    text = "\n".join(texts)
    language = text_language(text, as_tokens(tokenize(text)))
    if _load(language) is not None:
        return language
    return "en" if language == UNDETERMINED else NEUTRAL


def text_language(text: str, toks: Tokens) -> str:
    """`text`'s language, as the engine's analysis reads it (`language.language_of`)."""
    if not toks:
        return UNDETERMINED
    return language_of_text(text, toks)[0]


@dataclass(frozen=True)
class Words:
    """One language's digest words, with the small grammar they need (plural forms,
    thousands, dates)."""

    language: str
    data: dict[str, Any]

    def say(self, key: str, **values: object) -> str:
        template = self.data.get(key)
        return str(template).format(**values) if template else ""

    def by_kind(self, key: str, kind: str, **values: object) -> str:
        table = self.data.get(key) or {}
        template = table.get(kind) if isinstance(table, dict) else None
        return str(template).format(**values) if template else ""

    def number(self, n: int) -> str:
        return f"{n:,}".replace(",", str(self.data.get("thousands", ",")))

    def _form(self, n: int) -> str:
        if n == 1 or (n == 0 and self.data.get("one_includes_zero")):
            return "one"
        if self.language == "pl" and n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
            return "few"
        return "many"

    def counted(self, key: str, n: int, kind: str | None = None) -> str:
        """`n` of something, in the right plural form ("1 reflection", "5 wpisów")."""
        table = self.data.get(key) or {}
        if kind is not None:
            table = table.get(kind) or {}
        form = self._form(n)
        template = table.get(form) or table.get("many") or table.get("one") or "{n}"
        return str(template).format(n=self.number(n))

    def day(self, when: date, short: bool = False) -> str:
        """A line's day ("Monday 9 March", "lunes 9 de marzo"); `short` without the
        weekday ("9 March")."""
        months = self.data.get("months") or [m.capitalize() for m in _ENGLISH_MONTHS]
        weekdays = self.data.get("weekdays") or [""] * 7
        return self.say("day_short" if short else "day", weekday=weekdays[when.weekday()],
                        day=when.day, month=months[when.month - 1], year=when.year,
                        iso=when.isoformat())

    def title(self, period: Period) -> str:
        first = date.fromisoformat(period.start)
        months = self.data.get("months") or [m.capitalize() for m in _ENGLISH_MONTHS]
        names = self.data.get("month_names") or months
        year, week, _ = first.isocalendar()
        end = date.fromisoformat(period.end) if period.end else first + timedelta(days=6)
        label = self.say(period.kind, day=first.day, month=months[first.month - 1],
                         month_name=names[first.month - 1], year=first.year,
                         isoweek=f"{year}-W{week:02d}", start=first.isoformat(),
                         end=end.isoformat(), mm=f"{first.month:02d}")
        return self.say("title", label=label)

    def relation(self, name: str) -> str:
        """A person named by relation ("your sister") in this language ("tu hermana");
        a name as the person wrote it."""
        if not name.startswith("your "):
            return name
        said = (self.data.get("relations") or {}).get(name.removeprefix("your "))
        return str(said) if said else name


def words(language: str) -> Words:
    """The digest words for `language`, or the neutral ones when it has none."""
    data = _load(language)
    if data is None:
        language, data = NEUTRAL, _load(NEUTRAL) or {}
    return Words(language, data)


@cache
def plans(language: str) -> tuple[tuple[str, ...], ...]:
    """The words that make a line a plan in `language` ("going to", "je vais", "mañana"),
    each as the tokenizer's lower-case words."""
    data = _load(language) or {}
    return tuple(tuple(t.norm for t in tokenize(str(p))) for p in data.get("plans") or ())


@cache
def then_and_now(language: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """The words that say how things were ("before", "avant") and how they are now ("now",
    "maintenant") in `language`, each as the tokenizer's lower-case words."""
    data = _load(language) or {}

    def said(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(t.norm for t in tokenize(str(p))) for p in data.get(key) or ())

    return said("then"), said("now")


def has_phrase(norms: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether any of `phrases` (token tuples) occurs in `norms`."""
    norms = tuple(norms)
    return any(norms[k:k + len(p)] == p for p in phrases for k in range(len(norms) - len(p) + 1))


def line_day(said: str) -> date | None:
    """The day of a quoted line, from the date it carries ("3 March 2026")."""
    parts = said.split()
    if len(parts) != 3 or parts[1].lower() not in _ENGLISH_MONTHS:
        return None
    try:
        return date(int(parts[2]), _ENGLISH_MONTHS.index(parts[1].lower()) + 1, int(parts[0]))
    except ValueError:
        return None

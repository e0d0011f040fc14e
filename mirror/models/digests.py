"""Records of a digest ("dreaming"): a descriptive summary of one week or month of the
journal, as `mirror digest` prints it and `--json` gives it (schemas/json/digest.schema.json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Period:
    kind: str            # 'week' | 'month'
    label: str           # "November 2026", "week of 23 November 2026 (2026-W48)"
    start: str           # the first local day, YYYY-MM-DD
    end: str             # the last local day, YYYY-MM-DD
    since: str           # UTC bounds of the half-open range the journal was read over
    until: str


@dataclass(frozen=True, slots=True)
class Counted:
    """Something that came up, how often this period and in the period before."""

    name: str
    count: int
    previous: int
    label: str = ""      # how interfaces name it (a pattern's constitution label)


@dataclass(frozen=True, slots=True)
class SalientLine:
    """One of the person's own lines, quoted exactly (whole sentences or clauses), with
    the day it was written."""

    reflection_id: str
    date: str
    text: str
    feelings: tuple[str, ...]
    asking: bool
    private: bool
    wry: bool = False     # said with irony: shown as such, never as a sincere line
    turn: bool = False    # in a month: the entry where its tone turned


@dataclass(frozen=True, slots=True)
class Arc:
    """How one person came up across a month's weeks: in "every" week, "from" a day on
    (came into the month late and stayed), or "until" a day (faded before its end)."""

    name: str
    kind: str
    day: str   # YYYY-MM-DD: the first day named ("from") or the last ("until"); "" for "every"


@dataclass(frozen=True, slots=True)
class DigestCare:
    """Reflections of the period that received care: never summarised, only counted, with
    the same line that help exists that `reflect` shows and the resources the person saved."""

    reflections: int
    line: str
    resources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    period: Period
    previous: Period
    reflections: int
    words: int
    previous_reflections: int
    previous_words: int
    patterns: tuple[Counted, ...]
    tensions: tuple[Counted, ...]
    lines: tuple[SalientLine, ...]
    people: tuple[Counted, ...]
    tags: tuple[Counted, ...]
    threads: tuple[Counted, ...]
    care: DigestCare | None
    text: str
    engine: str
    checks_passed: bool
    flags: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    feeling: str = ""     # the period's feeling in one plain sentence ("" when untold)
    event: str = ""       # what happened, as the first line names it ("Mum's stroke")
    arc: tuple[Arc, ...] = ()  # in a month: who came and went across its weeks
    #: in a month: the short sentences written again and again, with the entries holding each
    refrains: tuple[Counted, ...] = ()
    #: in a month: the most felt sentence of its first week and of its last, as written
    moved: tuple[SalientLine, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("patterns", "tensions", "lines", "people", "tags", "threads", "flags",
                    "notices", "arc", "refrains", "moved"):
            data[key] = [dict(v) if isinstance(v, dict) else v for v in data[key]]
        for line in (*data["lines"], *data["moved"]):
            line["feelings"] = list(line["feelings"])
        if data["care"] is not None:
            data["care"]["resources"] = list(data["care"]["resources"])
        return data

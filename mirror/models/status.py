"""Records describing the journal as a whole: stats, care information, the constitution's
status, and `mirror doctor`'s checks."""

from __future__ import annotations

from dataclasses import asdict, dataclass

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class DoctorCheck:
    """One `mirror doctor` check: what was checked, what was found, and what to do.
    `kind` is 'storage' or 'engine' (it decides the exit code of a failing doctor)."""

    name: str
    ok: bool
    detail: str
    kind: str
    fix: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DoctorReport:
    """What `mirror doctor` found: each check, the audit head and the journal folder."""

    checks: tuple[DoctorCheck, ...]
    audit_head: str
    home: str

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "checks": [c.to_json() for c in self.checks],
                "audit_head": self.audit_head, "home": self.home}


@dataclass(frozen=True)
class MonthCount:
    """How many reflections were written in one month (YYYY-MM)."""

    month: str
    reflections: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class JournalStats:
    """What `mirror stats` and the TUI's sovereignty screen count."""

    reflections: int
    first: str | None
    last: str | None
    starred: int
    private: int
    characters: int
    revisions: int
    deleted: int
    tags: int
    threads: int
    mirrorbacks: int
    tensions: int
    per_month: tuple[MonthCount, ...] = ()     # the latest twelve months, newest first
    home: str = ""
    schema_version: int = 0
    writing: WritingStats | None = None        # words, streaks, busiest times (`mirror stats`)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["per_month"] = [m.to_json() for m in self.per_month]
        data["writing"] = self.writing.to_json() if self.writing else None
        return data


@dataclass(frozen=True)
class CareMarked:
    """A reflection carrying an active care marker ('care' or 'gentle')."""

    id: str
    created_at: str
    tier: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CareInfo:
    """What `mirror care` shows: the care text in a language, the person's own resources,
    and the reflections that carry a care marker."""

    language: str
    text: str
    resources: tuple[str, ...]
    marked: tuple[CareMarked, ...]

    def to_json(self) -> dict[str, Any]:
        return {"language": self.language, "text": self.text, "resources": list(self.resources),
                "marked": [m.to_json() for m in self.marked]}


@dataclass(frozen=True)
class ConstitutionFile:
    """One constitution file's integrity, as `mirror constitution verify` shows it."""

    path: str
    expected: str | None
    actual: str | None
    status: str                      # ok | changed | missing | extra

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ConstitutionStatus:
    """The constitution in force, whether its installed documents still match their
    genesis hashes, and when each version (and amendment) was adopted by this journal."""

    ok: bool
    version: str
    error: str | None
    files: tuple[ConstitutionFile, ...]
    history: tuple[dict[str, Any], ...] = ()
    amendments: tuple[dict[str, Any], ...] = ()

    @property
    def drift(self) -> tuple[str, ...]:
        """Each document that does not match, as "path (status)"."""
        return tuple(f"{f.path} ({f.status})" for f in self.files if f.status != "ok")

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "version": self.version, "error": self.error,
                "files": [f.to_json() for f in self.files], "drift": list(self.drift),
                "history": list(self.history), "amendments": list(self.amendments)}


@dataclass(frozen=True)
class DeriveReport:
    """What a derive run found: reflections analysed, pattern marks, care markers (and
    how many it left to a detached reader)."""

    reflections: int = 0
    patterns: int = 0
    care: int = 0
    #: Left pending for a detached reader (a large import's: `services.reading_later`).
    later: int = 0

    def to_json(self) -> dict[str, int]:
        return {"reflections": self.reflections, "patterns": self.patterns, "care": self.care}


# -- writing statistics (`mirror stats`, the TUI's insights) --------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class MonthWords:
    """Reflections and words written in one month (YYYY-MM) of the journal's zone."""

    month: str
    reflections: int
    words: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class WritingStats:
    """Words per entry and month, streaks of days with writing, the busiest weekday and
    hour; days and hours are the journal's zone (`timezone`), to the hour."""

    timezone: str
    words: int
    words_per_entry: float
    words_per_month: tuple[MonthWords, ...]   # the latest twelve months with writing, newest first
    days_written: int
    current_streak: int                       # days in a row up to today (or yesterday)
    longest_streak: int
    longest_streak_end: str | None            # YYYY-MM-DD, the latest longest run's last day
    by_weekday: tuple[int, ...]               # reflections, Monday first
    by_hour: tuple[int, ...]                  # reflections per hour 0..23
    busiest_weekday: str | None
    busiest_hour: int | None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["words_per_month"] = [m.to_json() for m in self.words_per_month]
        data["by_weekday"] = list(self.by_weekday)
        data["by_hour"] = list(self.by_hour)
        return data

    def lines(self) -> list[str]:
        """The same summary for `mirror stats` and the TUI's insights screen."""
        if not self.days_written:
            return ["words           0 (nothing written yet)"]
        streak = f"{self.current_streak} {_days(self.current_streak)} now"
        streak += f", longest {self.longest_streak} (to {self.longest_streak_end})"
        out = [f"words           {self.words:,} ({self.words_per_entry:g} per reflection)",
               f"streak          {streak}",
               f"days written    {self.days_written:,}",
               f"busiest day     {self.busiest_weekday}",
               f"busiest hour    {self.busiest_hour:02d}:00-{(self.busiest_hour or 0) + 1:02d}:00"
               f" ({self.timezone})",
               "words per month"]
        out += [f"  {m.month}  {m.words:>8,}  ({m.reflections} reflection{'' if m.reflections == 1 else 's'})"
                for m in self.words_per_month]
        return out


def _days(n: int) -> str:
    return "day" if n == 1 else "days"

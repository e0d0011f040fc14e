"""Writing statistics: words, streaks and the person's busiest times (issue 14, item 6)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

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
               f"busiest         {self.busiest_weekday}s, {self.busiest_hour:02d}:00-"
               f"{(self.busiest_hour or 0) + 1:02d}:00 ({self.timezone})",
               "words per month"]
        out += [f"  {m.month}  {m.words:>8,}  ({m.reflections} reflections)"
                for m in self.words_per_month]
        return out


def _days(n: int) -> str:
    return "day" if n == 1 else "days"

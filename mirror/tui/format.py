"""Small presentation helpers: times in the writer's zone, sizes, markers, snippets.

Pure functions of records; no journal access. User text always becomes `rich.text.Text`
(never markup), so brackets in a reflection are shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text

from mirror.display import SHORT_ID, clipped, local_time, terminal_safe  # noqa: F401 - shared with the CLI

STAR = "★"
PRIVATE = "🔒"    # the CLI's mark too: one sign for private wherever it is shown
PATTERN = "◇"


def shown(text: str) -> str:
    """Stored text (a reflection, a mirrorback, a tag, a title) as the TUI may draw it:
    control characters and escape sequences are shown, never obeyed (rich passes ESC
    through). Every place the TUI draws such text goes through here."""
    return terminal_safe(text)


def short_id(reflection_id: str) -> str:
    return reflection_id[:SHORT_ID]


def word_count(text: str) -> int:
    return len(text.split())


def plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n:,} {word}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{n:,} {word[:-1]}ies"
    return f"{n:,} {word}s"


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"


def tilde(path: Path | str) -> str:
    """A path with the home folder shown as ~ (shorter, and not a detail worth showing)."""
    path = Path(path)
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def parse_tags(text: str) -> list[str]:
    seen: list[str] = []
    for part in text.replace(",", " ").split():
        tag = part.strip().lstrip("#@")
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def snippet_text(segments: Iterable[tuple[str, bool]], match_style: str = "bold reverse") -> Text:
    text = Text(no_wrap=False)
    for piece, is_match in segments:
        text.append(piece.replace("\n", " "), style=match_style if is_match else "")
    return text


def period_range(period: str) -> tuple[str, str]:
    """'2026-03' -> ('2026-03-01', '2026-03-31'); '2026-W09' (Monday weeks, %W) -> that week;
    '2026' -> the year; '2026-03-14' -> that day."""
    from calendar import monthrange
    from datetime import date, timedelta

    if "-W" in period:
        year_text, week_text = period.split("-W")
        week = int(week_text)
        jan1 = date(int(year_text), 1, 1)
        first_monday = jan1 + timedelta(days=(7 - jan1.weekday()) % 7)
        start = first_monday + timedelta(weeks=week - 1) if week > 0 else jan1
        end = (first_monday - timedelta(days=1)) if week == 0 else start + timedelta(days=6)
        return start.isoformat(), end.isoformat()
    parts = period.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{monthrange(year, month)[1]:02d}"
    return period, period
